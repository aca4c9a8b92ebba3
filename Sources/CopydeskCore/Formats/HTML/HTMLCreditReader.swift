/// Reads the text of byline markup with `BylineText`, the reader every
/// format shares, after two things only a page knows: where separate
/// elements meet without a space ("Jane Doe" in one span, "Published Dec 3"
/// in the next, which the page lays apart), and which credits are for other
/// work than writing the article ("Contributions from", "Edited by").
enum HTMLCreditReader {
    struct Reading {
        /// People credited, as they read ("JANE DOE" reads "Jane Doe"), and
        /// where each stands in the text read.
        var names: [(name: String, range: Range<Int>)] = []
        /// A news agency credited ("Associated Press").
        var wire: Range<Int>?
        /// A desk or title stands where a name would ("Staff").
        var hasTitle = false
        /// Words read as a sentence, not as a credit.
        var isProse = false
        var startsWithBy = false
    }

    /// Credits for other work than writing the article: what follows them
    /// names contributors, editors, reviewers and photographers.
    static let otherCredits = PhraseMatcher([
        "contributions from", "additional reporting", "with reporting", "reporting contributed", "contributing:",
        "edited by", "reviewed by", "fact checked by", "fact-checked by", "medically reviewed", "photographs by",
        "photos by", "photo by", "photography by", "illustrations by", "illustration by", "video by",
        "graphics by", "produced by", "translated by",
    ], wholeWords: true)

    /// Reads `text` as a credit; `breaks` are offsets where two elements
    /// meet with no space between their words.
    static func read(_ text: [UInt8], breaks: [Int] = []) -> Reading {
        var end = text.count
        if let other = otherCredits.firstMatch(in: text) { end = other.range.lowerBound }
        // The line as BylineText reads it, with " | " where elements meet,
        // and for each of its bytes the offset in `text` it stands for.
        var line: [UInt8] = []
        var origin: [Int] = []
        line.reserveCapacity(end + 3 * breaks.count)
        let cuts = Set(breaks.filter { $0 > 0 && $0 < end })
        for index in 0..<end {
            if cuts.contains(index) {
                line.append(contentsOf: [0x20, UInt8(ascii: "|"), 0x20])
                origin.append(contentsOf: [index, index, index])
            }
            line.append(text[index])
            origin.append(index)
        }
        let reading = BylineText.read(line)
        func range(_ credit: BylineText.Credit) -> Range<Int>? {
            guard !credit.range.isEmpty, credit.range.upperBound <= origin.count else { return nil }
            return origin[credit.range.lowerBound]..<origin[credit.range.upperBound - 1] + 1
        }
        var result = Reading()
        result.names = reading.names.compactMap { credit in range(credit).map { (credit.text, $0) } }
        result.wire = reading.wireCredits.first.flatMap(range)
        result.hasTitle = reading.hasTitle
        result.isProse = reading.isProse
        result.startsWithBy = reading.startsWithBy
        return result
    }
}
