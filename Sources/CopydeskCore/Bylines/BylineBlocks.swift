/// Which blocks of an article are bylines and author cards. The text and
/// Markdown parsers call it once their headline is known; what it marks
/// becomes `Document.bylines` in `BylineCollector`.
enum BylineBlocks {
    /// How many blocks after the headline a credit without "By" ("Jane Doe |
    /// Reuters", "The Associated Press") may stand and still be read as a
    /// byline. Further down such a line is more likely a photo credit.
    static let topWindow = 4
    /// Longer lines are prose, whatever their first word.
    static let maxLineBytes = 200
    /// How many blocks at the end of an article a wire sign-off may stand
    /// among (after it, a notice, an author card, a correction).
    static let tailWindow = 4

    /// Marks a "By" line anywhere, and a credit line near the headline, as
    /// `.byline`. A block of several lines is a byline when its first line
    /// is and the others are a date ("By Jane Doe\nJune 3, 2024").
    static func markBylines(_ blocks: inout [Block], headline: Int?) {
        let topStart = (headline ?? -1) + 1
        var topSeen = 0
        func counts(_ index: Int) -> Bool {
            let kind = blocks[index].kind
            return index >= topStart && kind != .chrome && kind != .image && kind != .frontMatterField
        }
        // Where a wire sign-off ("Reporting by …; Editing by …") stands: among
        // the last blocks of the article.
        let tail = Set(blocks.indices.reversed().filter(counts).prefix(tailWindow))
        for index in blocks.indices {
            let kind = blocks[index].kind
            let inTop = counts(index) && topSeen < topWindow
            if counts(index) { topSeen += 1 }
            guard kind == .paragraph || (kind == .heading && blocks[index].level >= 2) else { continue }
            let by = startsWithBy(blocks[index].content.utf8[...])
            let signOff = !by && tail.contains(index) && BylineText.startsSignOff(blocks[index].content.utf8[...])
            guard by || inTop || signOff, let line = bylineCandidate(blocks[index].content.utf8) else { continue }
            if !by && !signOff && !mayBeCreditLine(line) { continue }
            let reading = BylineText.read(line)
            if reading.isByLine || (inTop && (reading.isCreditLine || isNameOverTitle(reading, block: blocks[index]))) {
                blocks[index].kind = .byline
            }
        }
    }

    /// A line that is a "By" byline: how the text parser keeps such a line
    /// apart from the paragraph under it, and the headline finder skips it.
    static func isByLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count <= maxLineBytes, startsWithBy(line) else { return false }
        return BylineText.read(Array(line)).isByLine
    }

    /// "By " or "BY " or "By:": the cheap test that keeps every other line
    /// away from `BylineText`.
    static func startsWithBy(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count > 3 else { return false }
        let start = line.startIndex
        return line[start] == UInt8(ascii: "B") && (line[start + 1] == UInt8(ascii: "y") || line[start + 1] == UInt8(ascii: "Y"))
            && (line[start + 2] == 0x20 || line[start + 2] == UInt8(ascii: ":"))
    }

    /// A cheap test that keeps body paragraphs near the headline away from
    /// `BylineText`: a credit line without "By" is a few words ("Jane Doe |
    /// Reuters") and does not end like a sentence.
    static func mayBeCreditLine(_ line: [UInt8]) -> Bool {
        guard line.count <= 120, let last = line.last, ProseHeuristics.wordCount(line) <= 12 else { return false }
        if line.count >= 3 && line[(line.count - 3)...].elementsEqual([0xE2, 0x80, 0x9D]) { return false }  // ”
        if last == UInt8(ascii: ".") {
            // "Jane Doe Jr." or "Written by Jane Doe." end with a period; a sentence ends with a longer word.
            let lastWord = line.reversed().dropFirst().prefix { $0 != 0x20 }
            return lastWord.count <= 3 || line.starts(with: Array("Written by ".utf8))
        }
        return !"!?\":".utf8.contains(last)
    }

    /// The first line of a block that could be a byline: short, and
    /// followed by at most two short lines holding a date or the writer's
    /// title ("By Jane Doe" / "Staff writer", as a CMS or Markdown keeps
    /// them in one paragraph).
    static func bylineCandidate(_ bytes: [UInt8]) -> [UInt8]? {
        guard !bytes.isEmpty, bytes.count <= maxLineBytes * 2 else { return nil }
        guard let newline = bytes.firstIndex(of: 0x0A) else {
            return bytes.count <= maxLineBytes ? bytes : nil
        }
        guard newline <= maxLineBytes else { return nil }
        let rest = bytes[(newline + 1)...].split(separator: 0x0A)
        guard rest.count <= 2, rest.allSatisfy({ line in
            line.count <= 80 && (line.contains { $0 >= 0x30 && $0 <= 0x39 } || isTitleLine(Array(line)))
        }) else {
            return nil
        }
        return Array(bytes[..<newline])
    }

    /// "Jane Doe" over "Staff writer": a line that is only a name, and
    /// under it, in the same block, the writer's title.
    static func isNameOverTitle(_ reading: BylineText.Reading, block: Block) -> Bool {
        guard !reading.startsWithBy, reading.names.count == 1, !reading.isProse, reading.onlyCreditParts,
              reading.wireCredits.isEmpty, !reading.hasTitle else { return false }
        let lines = block.content.utf8.split(separator: 0x0A)
        return lines.count == 2 && isTitleLine(Array(lines[1]))
    }

    /// "Staff writer", "Senior correspondent, The Harbor Ledger", "The
    /// Associated Press": a line that says what the writer is, naming nobody.
    static func isTitleLine(_ line: [UInt8]) -> Bool {
        let reading = BylineText.read(line)
        return reading.names.isEmpty && !reading.isProse && (reading.hasTitle || !reading.wireCredits.isEmpty)
            && ProseHeuristics.wordCount(line) <= 8
    }

    // MARK: Author cards

    /// An author card: a name on a line of its own followed by a paragraph
    /// that starts with that name and describes the writer ("Mike Eckel" /
    /// "Mike Eckel is a senior correspondent …"), or, among the last blocks
    /// of the article, such a description on its own.
    static func markAuthorCards(_ blocks: inout [Block]) {
        for index in blocks.indices.dropLast() where blocks[index].kind == .paragraph {
            let name = blocks[index].content.utf8
            guard ProseHeuristics.looksLikePersonName(name) else { continue }
            let next = blocks[index + 1].content.utf8
            guard next.count > name.count + 4, next.starts(with: name) else { continue }
            let rest = String(decoding: next[name.count...].prefix(24), as: UTF8.self)
            if rest.hasPrefix(" is ") || rest.hasPrefix(" was ") || rest.hasPrefix(" covers ")
                || rest.hasPrefix(" reports ") || rest.hasPrefix(" writes ") || rest.hasPrefix(" has ") {
                blocks[index].kind = .authorCard
                blocks[index + 1].kind = .authorCard
            }
        }
        var seen = 0
        for index in blocks.indices.reversed() where blocks[index].kind != .chrome {
            seen += 1
            if seen > 3 { break }
            if blocks[index].kind == .paragraph, describedWriterNameLength(blocks[index].content.utf8) != nil {
                blocks[index].kind = .authorCard
            }
        }
    }

    static let describingVerbs = PhraseMatcher([" is a ", " is an ", " is the ", " was a ", " has been ", " covers ",
                                                " writes ", " reports on ", " reports for ", " reports from "])
    /// Verbs that describe a writer only with a newsroom noun after them
    /// ("is a senior correspondent"); the others do on their own.
    static let verbsNeedingANoun = 5
    static let newsroomNouns = PhraseMatcher([
        "reporter", "correspondent", "writer", "editor", "journalist", "columnist", "contributor", "critic",
        "producer", "photographer", "freelance", "reporting", "bureau chief", "newsroom", "covers",
    ], wholeWords: true)

    /// The length in bytes of the name a writer's description opens with
    /// ("Clara Nguyen covers weather …"), or nil when the paragraph is not one.
    static func describedWriterNameLength(_ bytes: [UInt8]) -> Int? {
        guard bytes.count <= 800, let verb = describingVerbs.firstMatch(in: bytes, range: 0..<min(bytes.count, 80)) else {
            return nil
        }
        let name = Array(bytes[..<verb.range.lowerBound])
        guard ProseHeuristics.looksLikePersonName(name) else { return nil }
        if verb.phrase < verbsNeedingANoun {
            guard newsroomNouns.contains(in: bytes, range: verb.range.lowerBound..<min(bytes.count, 240)) else { return nil }
        }
        return name.count
    }
}
