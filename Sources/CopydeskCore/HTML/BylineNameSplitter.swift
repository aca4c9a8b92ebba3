/// Cuts a credit line ("By Jane Doe, John Roe and Ann Poe", "JANE DOE |
/// Staff Writer") into the names of the people it credits, as text ranges
/// of the line so that every name keeps its source position.
enum BylineNameSplitter {
    /// Words that open a credit and are not part of a name.
    static let leadPhrases: [String] = [
        "written by", "words by", "posted by", "reported by", "reporting by", "story by", "text by", "published by",
        "compiled by", "edited by", "article by", "interview by", "review by", "by:", "by", "from", "authors:",
        "author:", "authors", "author", "par", "von", "por",
    ]

    /// Words of a credit that describe rather than name: roles, desks,
    /// agencies, and the date and reading-time lines that sit beside bylines.
    static let nonNameWords: Set<String> = [
        "staff", "writer", "writers", "reporter", "reporters", "editor", "editors", "correspondent", "contributor",
        "contributors", "contributing", "columnist", "press", "news", "wire", "wires", "service", "agency", "team",
        "desk", "bureau", "newsroom", "media", "network", "associated", "reuters", "afp", "updated", "published",
        "posted", "min", "mins", "minute", "minutes", "read", "ago", "photo", "photos", "video", "illustration",
        "illustrations", "graphics", "senior", "chief", "political", "national", "international", "business",
        "sports", "science", "health", "technology", "tech", "entertainment", "opinion", "guest", "special",
        "producer", "analyst", "fellow", "director", "president", "professor", "follow", "email", "twitter",
        "share", "more", "about", "view", "all", "posts", "articles", "stories", "and", "the", "of", "for", "on",
        "at", "in", "a", "an", "with", "is", "was", "has", "her", "his", "their", "our", "your", "this", "that",
        "sign", "subscribe", "comments", "comment", "am", "pm", "edt", "est", "gmt", "bst", "utc", "pdt", "pst",
        "cdt", "cst", "today", "yesterday", "by", "de", "from", "contact", "bio", "profile", "newsletter",
        "copyright", "rights", "reserved", "close", "open", "menu", "search", "home", "magazine", "journal", "daily", "weekly", "online", "digital", "group",
        "company", "inc", "llc", "ltd", "corp", "university", "institute", "foundation", "center", "centre",
        "department", "office", "story", "article", "research", "reviewed", "review", "medically", "fact",
        "checked", "sponsored", "partner", "content", "advertiser", "paid", "post", "times", "herald", "tribune",
        "data", "journalist", "journalists", "images", "getty", "shutterstock", "alamy", "istock", "pool", "guidelines", "editorial", "policy", "standards", "ethics", "visual", "visuals", "audio", "podcast", "host", "anchor", "intern",
        "gazette", "today", "local", "world", "us", "uk",
    ]

    /// Words that start a date line, not a name ("Dec 21, 2023"); as later
    /// words they can be names ("Laura May Randell").
    static let dateWords: Set<String> = [
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
        "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "date", "last", "first", "last updated", "new",
    ]

    static let particles: Set<String> = [
        "de", "la", "le", "van", "von", "der", "den", "da", "di", "del", "della", "dos", "das", "du", "bin", "ibn",
        "al", "el", "ben", "st.", "mac", "ter", "ten", "y", "e",
    ]

    static let suffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "ph.d.", "phd", "md", "m.d."]

    static let leadMatcher = PhraseMatcher(leadPhrases, wholeWords: true)

    /// Who a credit line names: people, or failing that the organisation
    /// or desk it credits ("Associated Press", "Hollywood.com Staff").
    struct Credit {
        var names: [Range<Int>]
        var organization: Range<Int>?
    }

    /// The names in `text`, as ranges of its UTF-8. `breaks` are offsets
    /// where the text is known to change item (separate elements on a page).
    static func names(in text: [UInt8], breaks: [Int] = []) -> [Range<Int>] {
        credit(in: text, breaks: breaks).names
    }

    /// Credits for other work than writing the article: what follows them
    /// names contributors, editors, reviewers and photographers.
    static let otherCredits = PhraseMatcher([
        "contributions from", "additional reporting", "with reporting", "reporting contributed", "contributing:",
        "edited by", "reviewed by", "fact checked by", "fact-checked by", "medically reviewed", "photographs by",
        "photos by", "photo by", "photography by", "illustrations by", "illustration by", "video by",
        "graphics by", "produced by", "translated by",
    ], wholeWords: true)

    static func credit(in fullText: [UInt8], breaks allBreaks: [Int] = []) -> Credit {
        var text = fullText
        if let other = otherCredits.firstMatch(in: fullText) {
            text = Array(fullText[..<other.range.lowerBound])
        }
        let breaks = allBreaks.filter { $0 > 0 && $0 < text.count }
        var start = 0
        skipSpaceAndPunctuation(text, &start)
        // "By", "Written by" and the like, at the start only; "By" may touch
        // the name when they are separate elements ("By<a>Jane Doe</a>").
        while true {
            if let match = leadMatcher.prefixMatch(of: text, at: start) {
                start = match.range.upperBound
            } else if let join = breaks.filter({ $0 > start }).min(),
                      leadPhrases.contains(String(decoding: text[start..<join], as: UTF8.self).lowercased()) {
                start = join
            } else {
                break
            }
            skipSpaceAndPunctuation(text, &start)
        }
        var names: [Range<Int>] = []
        var singleWords: [Range<Int>] = []
        let parts = segments(text, from: start, breaks: Set(breaks))
        var previous: SegmentReading?
        for segment in parts {
            let reading = personName(in: segment.range, of: text)
            defer { previous = reading }
            // "… Institute of Allergy and Infectious Diseases": an "and" after
            // something that was no name and no role joins the same phrase.
            if segment.followsConjunction, previous == nil { continue }
            switch reading {
            case .name(let range, let described):
                // After a name, "Forbes India Staff" or "NJ Advance Media"
                // is the writer's outlet, not a second writer.
                if described && !names.isEmpty { continue }
                // One word ("Comedy", "Reuters") is more often a desk or a
                // label than a person: kept only as a credit of last resort.
                if text[range].contains(0x20) { names.append(range) } else { singleWords.append(range) }
            case .sentence: return Credit(names: [], organization: nil)
            case .role, nil: break
            }
        }
        if !names.isEmpty { return Credit(names: names, organization: nil) }
        return Credit(names: [], organization: parts.first.flatMap { organization(in: $0.range, of: text) } ?? singleWords.first)
    }

    /// A short capitalised credit that is not a person: one to five words,
    /// no digits, not a date or a label.
    private static func organization(in segment: Range<Int>, of text: [UInt8]) -> Range<Int>? {
        let words = self.words(in: segment, of: text)
        guard (1...5).contains(words.count), let first = words.first, let last = words.last else { return nil }
        guard isNameWord(first.text), !dateWords.contains(first.lowercased.trimmingCharacters(in: ".,")) else { return nil }
        for word in words where word.text.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) { return nil }
        let labels: Set<String> = ["share", "menu", "close", "search", "subscribe", "sign", "log", "home", "more",
                                   "follow", "email", "print", "comments", "advertisement", "updated", "published",
                                   "loading", "loading...", "error", "buy", "watch", "listen", "read", "view", "see",
                                   "get", "click", "play", "download", "contact", "about", "previous", "next"]
        guard !labels.contains(first.lowercased) else { return nil }
        return first.range.lowerBound..<last.range.upperBound
    }

    /// Splits at commas, semicolons, bars, bullets, line breaks, and the
    /// words "and", "&", "with".
    private struct Segment {
        var range: Range<Int>
        /// The segment came after "and", "&" or "with".
        var followsConjunction: Bool
    }

    private static func segments(_ text: [UInt8], from start: Int, breaks: Set<Int>) -> [Segment] {
        var result: [Segment] = []
        var segmentStart = start
        var index = start
        var conjunction = false
        func cut(_ at: Int, resume: Int, beforeConjunction: Bool = false) {
            if at > segmentStart { result.append(Segment(range: segmentStart..<at, followsConjunction: conjunction)) }
            conjunction = beforeConjunction
            segmentStart = resume
            index = resume
        }
        while index < text.count {
            if index > segmentStart && breaks.contains(index) {
                cut(index, resume: index)
                continue
            }
            let byte = text[index]
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "/"), 0x0A, UInt8(ascii: "("),
                 UInt8(ascii: ")"), UInt8(ascii: ":"):
                cut(index, resume: index + 1)
                continue
            case UInt8(ascii: "&"):
                cut(index, resume: index + 1, beforeConjunction: true)
                continue
            case 0xE2 where index + 2 < text.count && text[index + 1] == 0x80
                && (text[index + 2] == 0xA2 || text[index + 2] == 0x94 || text[index + 2] == 0x93):
                // • — –
                cut(index, resume: index + 3)
                continue
            case 0xC2 where index + 1 < text.count && text[index + 1] == 0xB7:
                // ·
                cut(index, resume: index + 2)
                continue
            case 0x20:
                if let word = wordAt(text, index + 1), ["and", "with", "und", "et", "y"].contains(word.lowercased),
                   word.range.upperBound < text.count, text[word.range.upperBound] == 0x20 {
                    cut(index, resume: word.range.upperBound + 1, beforeConjunction: true)
                    continue
                }
            default:
                break
            }
            index += 1
        }
        if segmentStart < text.count { result.append(Segment(range: segmentStart..<text.count, followsConjunction: conjunction)) }
        return result
    }

    private struct Word {
        var range: Range<Int>
        var text: String
        var lowercased: String { text.lowercased() }
    }

    private static func wordAt(_ text: [UInt8], _ start: Int) -> Word? {
        var end = start
        while end < text.count && text[end] != 0x20 && text[end] != 0x0A { end += 1 }
        guard end > start else { return nil }
        return Word(range: start..<end, text: String(decoding: text[start..<end], as: UTF8.self))
    }

    private enum SegmentReading {
        /// `described`: words that describe followed the name ("Staff").
        case name(Range<Int>, described: Bool)
        /// "Mr. Healy is the deputy Opinion editor.": an author's card, not a byline.
        case sentence
        /// Only words that describe: "Staff Writer", "Senior Correspondent".
        case role
    }

    /// Verbs that make a name the subject of a sentence about the writer.
    static let cardVerbs: Set<String> = ["is", "was", "has", "covers", "writes", "reports", "joined", "lives", "are",
                                         "edits", "leads", "spent", "previously"]

    private static func words(in segment: Range<Int>, of text: [UInt8]) -> [Word] {
        var words: [Word] = []
        var index = segment.lowerBound
        while index < segment.upperBound {
            while index < segment.upperBound && (text[index] == 0x20 || text[index] == 0xA0) { index += 1 }
            if index + 1 < segment.upperBound && text[index] == 0xC2 && text[index + 1] == 0xA0 { index += 2; continue }
            var end = index
            while end < segment.upperBound && text[end] != 0x20 && !(text[end] == 0xC2 && end + 1 < segment.upperBound && text[end + 1] == 0xA0) {
                end += 1
            }
            if end > index { words.append(Word(range: index..<end, text: String(decoding: text[index..<end], as: UTF8.self))) }
            index = end
        }
        return words
    }

    /// The part of a segment that is a person's name: two to five words,
    /// capitalised (or all in capitals), no digits; a description after
    /// the name ("Jane Doe Staff Writer") is cut off.
    private static func personName(in segment: Range<Int>, of text: [UInt8]) -> SegmentReading? {
        var words = self.words(in: segment, of: text)
        // Strip a lead word left in the middle ("Story by"), then keep name words.
        while let first = words.first, ["by", "by:", "from"].contains(first.lowercased) { words.removeFirst() }
        var nameWords: [Word] = []
        var describedAfter = false
        if let first = words.first, dateWords.contains(first.lowercased.trimmingCharacters(in: ".,")) { return nil }
        if !words.isEmpty && words.allSatisfy({ nonNameWords.contains($0.lowercased.trimmingCharacters(in: ".'’")) }) {
            return .role
        }
        for word in words {
            let lower = word.lowercased
            let bare = lower.trimmingCharacters(in: ".'’")
            if isInitial(word.text) { nameWords.append(word); continue }
            if cardVerbs.contains(lower) && !nameWords.isEmpty { return .sentence }
            if nonNameWords.contains(bare) && !nameWords.isEmpty && !particles.contains(lower) {
                describedAfter = true
                break
            }
            if nonNameWords.contains(bare) && !particles.contains(lower) { return nil }
            if suffixes.contains(lower) && !nameWords.isEmpty { nameWords.append(word); continue }
            if particles.contains(lower) && !nameWords.isEmpty { nameWords.append(word); continue }
            guard isNameWord(word.text) else {
                if nameWords.isEmpty { return nil }
                break
            }
            nameWords.append(word)
        }
        while let last = nameWords.last, particles.contains(last.lowercased) { nameWords.removeLast() }
        guard !nameWords.isEmpty, nameWords.count <= 5 else { return nil }
        if nameWords.count == 1 && (suffixes.contains(nameWords[0].lowercased) || describedAfter) { return nil }
        // One word is a name only when it is not a common word in capitals.
        if nameWords.count == 1 && nameWords[0].text.unicodeScalars.count < 3 { return nil }
        return .name(nameWords[0].range.lowerBound..<nameWords[nameWords.count - 1].range.upperBound, described: describedAfter)
    }

    /// "E." or "J": an initial inside a name.
    static func isInitial(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first, first.properties.isUppercase, first.properties.isAlphabetic else { return false }
        return scalars.count == 1 || (scalars.count == 2 && scalars[1] == ".")
    }

    /// A capitalised word of letters, hyphens, apostrophes and dots:
    /// "O'Neil", "Mary-Jane", "E.", "McDonald".
    static func isNameWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        var letters = 0
        for scalar in word.unicodeScalars {
            if scalar.properties.isAlphabetic { letters += 1; continue }
            if scalar == "-" || scalar == "'" || scalar == "’" || scalar == "." { continue }
            return false
        }
        return letters > 0
    }

    private static func skipSpaceAndPunctuation(_ text: [UInt8], _ index: inout Int) {
        while index < text.count {
            let byte = text[index]
            if byte == 0x20 || byte == 0x0A || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "|") {
                index += 1
            } else if byte == 0xC2 && index + 1 < text.count && text[index + 1] == 0xA0 {
                index += 2
            } else if byte == 0xE2 && index + 2 < text.count && text[index + 1] == 0x80 && (text[index + 2] == 0x94 || text[index + 2] == 0x93) {
                index += 3
            } else {
                break
            }
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, set.unicodeScalars.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.unicodeScalars.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
