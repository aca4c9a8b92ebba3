import CopydeskCore
import CopydeskPolicy

/// duplicate-paragraph: a body paragraph appears once.
public struct DuplicateParagraphRule: Rule {
    public static let description = RuleDescription(
        id: "duplicate-paragraph",
        summary: "A body paragraph must not be repeated.",
        rationale: """
            A paragraph that appears twice is almost always a CMS paste gone wrong or an edit that \
            added the new version without removing the old one. Readers notice it, and a near-copy \
            can leave two versions of the same fact in print, one of them out of date.

            copydesk compares the article's paragraphs, list items and blockquotes on their \
            three-word sequences with case, punctuation and spacing ignored, so a repeat still counts \
            after a comma was changed; `similarity` sets how much must be shared. Paragraphs shorter \
            than `min-words` words ("Advertisement", "Read more") are left alone, and page furniture, \
            captions, bylines and notices are never compared (captions have caption-duplication; a \
            legal notice of the policy that appears twice is legal-notice's to report). The \
            finding sits on the repeat; the first occurrence is given as a related location. A \
            deliberate repeat, such as a recap, is a suppression with its reason.

            Some text repeats by design, and is not reported: lines that are not prose sentences \
            (titles, product names, list entries without a full stop), labelled fields of a \
            structured entry ("Location: …", "Prep time: …"), a question put to each person in a \
            questionnaire, and anything printed three times or more, which is a page's template (a \
            call to action after each product, a note under each section) rather than a paste. A \
            short line whose shape, with names and numbers set aside, is printed three times or more \
            ("Pick Ana as your favourite in our poll below." after each entry of a list) is that template too, even \
            where one entry's line appears twice.
            """,
        defaultSeverity: .error,
        options: [
            RepeatedText.similarityOption,
            OptionSpec("min-words", .integer(1...1000), default: .integer(8),
                       "Paragraphs with fewer words are not compared."),
            OptionSpec("notices", .legalNotices, default: .list([]),
                       "The policy's legal notices (its top-level `notices:` section): paragraphs of their wording "
                           + "are not compared, since legal-notice reports a notice that appears twice.",
                       source: .policySection),
        ],
        triggering: [
            RuleExample("""
                # Council passes budget

                The council approved the $412 million budget shortly before midnight on Wednesday.

                Council member Ravi Desai voted against the plan.

                ↓The council approved the $412 million budget shortly before midnight on Wednesday.
                """),
            RuleExample("""
                # Council passes budget

                The plan includes:

                - It sets aside $18.5 million for street repaving, up from $14 million last year.
                - ↓It sets aside $18.5 million for street repaving, up from $14 million last year.
                """),
            RuleExample("""
                # Council passes budget

                The council approved the $412 million budget shortly before midnight on Wednesday, ending a long session.

                ↓The council approved the $412 million budget shortly before midnight on Wednesday, ending a long session that ran for six hours.
                """, options: ["similarity": .number(0.6)]),
            RuleExample("""
                Council passes budget

                The council met on Wednesday night in City Hall.

                The council approved the budget shortly before midnight on Wednesday.

                ↓The council approved the budget shortly before midnight on Wednesday.
                """, format: .text),
        ],
        nonTriggering: [
            RuleExample("""
                # Three cooks, one kitchen

                What is the one dish you could cook with your eyes closed?

                A lentil soup my grandmother taught me before I could read.

                What is the one dish you could cook with your eyes closed?

                Fried rice, because there is always leftover rice in our house.
                """),
            RuleExample("""
                # A weekend on the coast trail

                Trailhead: the car park at the end of Ferry Lane, open from dawn until dusk every day.

                The first stretch climbs through pine woods to the lighthouse.

                Trailhead: the car park at the end of Ferry Lane, open from dawn until dusk every day.

                The return leg follows the beach back to the village.
                """),
            RuleExample("""
                # The best rain jackets of the year

                - Harbor Shell Pro — Our Pick for Long Days in Heavy Rain
                - Tidewater Packable — Best Budget Jacket for Commuters

                ## Harbor Shell Pro — Our Pick for Long Days in Heavy Rain

                It kept us dry through a week of storms.

                - Harbor Shell Pro — Our Pick for Long Days in Heavy Rain
                - Tidewater Packable — Best Budget Jacket for Commuters
                """),
            RuleExample("""
                # The best rain jackets of the year

                The Harbor Shell Pro kept us dry through a week of storms on the coast.

                Buy it now from our partner store and get free shipping on every order today.

                The Tidewater Packable folds into its own pocket and weighs almost nothing.

                Buy it now from our partner store and get free shipping on every order today.

                The Summit Parka is warm enough for winter hikes above the tree line.

                Buy it now from our partner store and get free shipping on every order today.
                """),
            RuleExample("""
                # Readers' favourite bakers

                Ana bakes rye loaves in a wood oven behind her house.

                Pick Ana as your favourite baker in the readers' poll below.

                Tomas makes sourdough with flour from his own mill.

                Pick Tomas as your favourite baker in the readers' poll below.

                Ana also teaches a weekend class for beginners.

                Pick Ana as your favourite baker in the readers' poll below.
                """),
            RuleExample("""
                # Council passes budget

                The council approved the $412 million budget shortly before midnight on Wednesday.

                The council approved the $18 million repaving plan shortly after the budget vote.
                """),
            RuleExample("""
                # Council passes budget

                Read more

                The council approved the budget.

                Read more
                """),
            RuleExample("""
                # Council passes budget

                The council approved the $412 million budget shortly before midnight on Wednesday, ending a long session.

                The council approved the $412 million budget shortly before midnight on Wednesday, ending a long session that ran for six hours.
                """),
        ])

    public struct Configuration: RuleConfiguration, Hashable {
        public var similarity: Double
        public var minWords: Int
        public var notices: [Notice]

        enum CodingKeys: String, CodingKey {
            case similarity, minWords = "min-words", notices
        }
    }

    let threshold: Double
    let minWords: Int
    /// Each paragraph of each policy notice, as `comparable` words.
    let noticeParagraphs: Set<String>
    /// The first word of each, so most paragraphs are ruled out without
    /// being read whole.
    let noticeFirstWords: Set<String>

    public init(configuration: Configuration) {
        threshold = configuration.similarity
        minWords = configuration.minWords
        noticeParagraphs = Set(configuration.notices.flatMap(\.paragraphs).map(Self.comparable))
        noticeFirstWords = Set(noticeParagraphs.map { String($0.prefix { $0 != " " }) })
    }

    /// Whether a paragraph is the wording of one of the policy's notices.
    /// Takes the block's content, not its text: most policies have no
    /// notices, and their articles' paragraphs need not be decoded at all.
    func isNoticeWording(_ content: MappedText) -> Bool {
        guard !noticeParagraphs.isEmpty else { return false }
        let text = content.text
        guard noticeFirstWords.contains(Self.comparable(String(Self.firstWord(of: text)))) else { return false }
        return noticeParagraphs.contains(Self.comparable(text))
    }

    /// Letters, digits and the marks that combine with them.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// The text up to the end of its first run of word characters, as
    /// `comparable` reads words.
    static func firstWord(of text: String) -> Substring {
        var started = false
        var end = text.unicodeScalars.startIndex
        for index in text.unicodeScalars.indices {
            if isWordScalar(text.unicodeScalars[index]) { started = true } else if started { break }
            end = text.unicodeScalars.index(after: index)
        }
        return Substring(text.unicodeScalars[..<end])
    }

    /// The words of a text, lowercased, without punctuation or markup: a
    /// notice in italics or with curly quotes is still the notice.
    ///
    /// Read scalar by scalar (ASCII byte by byte), not Character by
    /// Character: every paragraph of every article goes through it when the
    /// policy has notices. Letters, digits and the marks that combine with
    /// them are word; anything else separates words.
    static func comparable(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            guard isWordScalar(scalar) else {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public func check(_ document: Document) -> [Violation] {
        var repeats = RepeatedFingerprints()
        let paragraphs = document.blocks.indices.compactMap { index -> RepeatedText? in
            let kind = document.blocks[index].kind
            guard kind == .paragraph || kind == .listItem || kind == .blockquote else { return nil }
            if isNoticeWording(document.blocks[index].content) { return nil }
            var paragraph = RepeatedText(role: .paragraph, block: index, in: document)
            guard paragraph.fingerprint.wordCount >= minWords else { return nil }
            paragraph.fingerprint = repeats.shared(paragraph.fingerprint)
            return paragraph
        }
        let matches = NearDuplicates.earlierMatches(in: paragraphs.map(\.fingerprint), threshold: threshold)
        let copies = matches.copyCounts()
        // Shapes are needed only when something repeats, which is rare.
        let templates = matches.isEmpty ? []
            : Self.templateShapes(paragraphs.map { document.blocks[$0.blockIndex].content })
        return paragraphs.indices.compactMap { position in
            guard let match = matches.first(of: position), copies[position] < Self.templateCopies, !templates[position] else { return nil }
            let paragraph = paragraphs[position]
            let first = paragraphs[match.index]
            guard Self.readsAsProse(document.blocks[paragraph.blockIndex].content.utf8) else { return nil }
            return Violation(
                message: "Paragraph \(RepeatedText.verb(match.similarity)) the paragraph "
                    + "\(RepeatedText.place(of: first, before: paragraph, in: document)): "
                    + "“\(RepeatedText.excerpt(first.text(in: document)))”. Keep one of them and delete the other.",
                range: paragraph.range(in: document),
                related: [RelatedLocation(range: first.range(in: document), message: "first occurrence of the paragraph")])
        }
    }

    /// Short lines that differ only in a name or a number and share their
    /// shape with at least `templateCopies` lines of the article: the line a
    /// list prints after each entry ("Pick Ana as your favourite in our poll below.", "Buy
    /// the Harbor Shell at Northgate"), where the same entry named twice
    /// repeats its line by design.
    static func templateShapes(_ texts: [MappedText]) -> [Bool] {
        let shapes = texts.map { content -> String? in
            // Only short lines are read as Strings: making one for every
            // paragraph held a second copy of the article's text. Decoding
            // never shortens the bytes, so a long line stays long.
            guard content.count <= 200 else { return nil }
            let text = content.text
            guard text.utf8.count <= 200 else { return nil }
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{A0}" })
            guard words.count <= 15 else { return nil }
            return words.enumerated().map { position, word in
                let first = word.unicodeScalars.first
                let isName = position > 0 && (first?.properties.isUppercase ?? false)
                let isNumber = first.map { $0.properties.numericType != nil } ?? false
                return isName || isNumber ? "*" : word.lowercased()
            }.joined(separator: " ")
        }
        var counts: [String: Int] = [:]
        for case let shape? in shapes { counts[shape, default: 0] += 1 }
        return shapes.map { shape in
            guard let shape, shape.contains("*") else { return false }
            return counts[shape, default: 0] >= templateCopies
        }
    }

    /// Text printed this many times or more is a page's template, not a paste.
    static let templateCopies = 3

    /// Prose a paste can repeat: it ends as a sentence does, and is neither
    /// a labelled field ("Location: …") nor a lone question.
    static func readsAsProse(_ utf8: [UInt8]) -> Bool {
        var end = utf8.count
        // Closing quotation marks and brackets after the full stop.
        while end > 0, closers.contains(utf8[end - 1]) || isTrailingSpace(utf8, end) { end -= closerWidth(utf8, end) }
        guard end > 0 else { return false }
        let last = utf8[end - 1]
        let isEllipsis = end >= 3 && utf8[(end - 3)..<end].elementsEqual([0xE2, 0x80, 0xA6])
        guard last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") || isEllipsis else {
            return false
        }
        if last == UInt8(ascii: "?") && !utf8[..<(end - 1)].contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "!") }) {
            return false
        }
        return !isLabelledField(utf8) && callToAction.prefixMatch(of: utf8) == nil
    }

    /// "Click here to download the app.": the page speaking to its reader,
    /// repeated wherever the page wants a click.
    private static let callToAction = PhraseMatcher([
        "click here", "tap here", "click to", "tap to", "sign up", "subscribe", "follow us", "read more", "shop now",
        "buy now", "see it", "get it now", "download the", "download our",
    ], wholeWords: true)

    /// "Prep time: 20 minutes.", "Shrine Location: …": up to four words,
    /// each capitalised or a number, then a colon.
    static func isLabelledField(_ utf8: [UInt8]) -> Bool {
        guard let colon = utf8.prefix(48).firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
        let words = utf8[..<colon].split(separator: 0x20)
        guard !words.isEmpty, words.count <= 4 else { return false }
        return words.first.map { $0.first.map { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } ?? false } ?? false
            && words.dropFirst().allSatisfy { word in
                guard let first = word.first else { return true }
                return first >= 0x41 && first <= 0x5A || first >= 0x30 && first <= 0x39 || first >= 0x80
            }
            && !words.contains { word in cueWords.contains(String(decoding: word, as: UTF8.self).lowercased()) }
    }

    /// "She said: …" opens a quotation, not a field.
    private static let cueWords: Set<String> = ["said", "says", "added", "told", "wrote", "asked", "explained", "stated"]

    private static let closers: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]")]

    private static func isTrailingSpace(_ utf8: [UInt8], _ end: Int) -> Bool {
        utf8[end - 1] == 0x20 || utf8[end - 1] == 0x0A || (end >= 2 && utf8[end - 2] == 0xC2 && utf8[end - 1] == 0xA0)
            || closerWidth(utf8, end) == 3
    }

    /// The width of a closing mark ending at `end`: ” and ’ take three bytes.
    private static func closerWidth(_ utf8: [UInt8], _ end: Int) -> Int {
        if end >= 3 && utf8[end - 3] == 0xE2 && utf8[end - 2] == 0x80 && (utf8[end - 1] == 0x9D || utf8[end - 1] == 0x99) {
            return 3
        }
        if end >= 2 && utf8[end - 2] == 0xC2 && (utf8[end - 1] == 0xA0 || utf8[end - 1] == 0xBB) { return 2 }
        return 1
    }
}
