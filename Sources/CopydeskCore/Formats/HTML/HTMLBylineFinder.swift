/// Finds who wrote an HTML article. A page names its authors in several
/// places that do not always agree: the visible byline (a `byline` or
/// `author` class, `rel="author"` links, schema.org microdata), a "By …"
/// line, JSON-LD, and meta tags. The visible byline near the headline is
/// what readers see and editors check, so it wins when it names people;
/// the structured data fills in when the page shows no byline.
struct HTMLBylineFinder {
    let source: SourceText
    let raw: [HTMLRawBlock]
    let kinds: [BlockKind]
    let metadata: HTMLPageMetadata
    let headline: Int?
    let bodyRange: Range<Int>?
    /// Blocks that are the visible byline.
    private(set) var bylineBlocks: [Int] = []
    private let firstBodyBlock: Int

    struct Candidate {
        var origin: CreditSource
        var blockIndex: Int?
        var text: MappedText
        /// People named, as they read, and where each stands in `text`.
        var names: [(name: String, range: Range<Int>)]
        /// How much the markup says this is a byline; lower is surer.
        var rank: Int
        /// Nobody is named: the credit is an agency, a desk or the outlet.
        var isOrganization = false
        /// The agency credited, in `text`.
        var wire: Range<Int>?
    }

    init(source: SourceText, raw: [HTMLRawBlock], kinds: [BlockKind], metadata: HTMLPageMetadata, headline: Int?,
         bodyRange: Range<Int>?) {
        self.source = source
        self.raw = raw
        self.kinds = kinds
        self.metadata = metadata
        self.headline = headline
        self.bodyRange = bodyRange
        self.firstBodyBlock = bodyRange.flatMap { body in raw.firstIndex { body.contains($0.range.lowerBound) } } ?? 0
    }

    /// People named on the page first, then people named in its data, then
    /// an organisation credited on the page or in its data.
    mutating func find() -> [Byline] {
        var visible = visibleCandidates()
        let structured = structuredCandidates()
        // A bare name line under the headline is weak evidence: it counts
        // when the page's data names nobody, or names the same person.
        let structuredNames = Set(structured.filter { !$0.isOrganization }
            .flatMap { candidate in candidate.names.map { Self.comparable($0.name) } })
        visible.removeAll { candidate in
            candidate.rank == Self.nameLineRank && !structuredNames.isEmpty
                && !structuredNames.contains(Self.comparable(candidate.text.text))
        }
        var chosen = nearestVisible(visible.filter { !$0.isOrganization })
        if chosen.isEmpty, let best = structured.first(where: { !$0.isOrganization }) {
            chosen = structured.filter { $0.origin == best.origin && !$0.isOrganization }
        }
        if chosen.isEmpty {
            chosen = nearestVisible(visible.filter { $0.isOrganization && ($0.rank <= 4 || $0.origin == .byLineText || $0.origin == .sourceField) })
        }
        // The page's data gives an organisation or a desk as the author
        // ("Associated Press", "Hollywood.com Staff"): with nothing on the
        // page to read, that value is the author copydesk reports.
        if chosen.isEmpty, var best = structured.first {
            best.names = [(best.text.text, 0..<best.text.count)]
            chosen = [best]
        }
        bylineBlocks = Array(Set(chosen.compactMap(\.blockIndex))).sorted()
        let sites = metadata.siteNames.map(Self.comparable).filter { $0.count >= 4 }
        var seen = Set<String>()
        var seenCredits = Set<Range<Int>>()
        return chosen.compactMap { candidate in
            // One credit read twice (nested byline markup, or the page and
            // its data pointing at the same line) is one byline.
            guard seenCredits.insert(candidate.text.sourceRange(0..<candidate.text.count)).inserted else { return nil }
            var unique = candidate
            unique.names = candidate.names.filter { credit in
                let name = Self.comparable(credit.name)
                // The outlet beside the writer ("Jane Doe, Medical Xpress").
                if candidate.names.count > 1 && sites.contains(where: { $0.hasPrefix(name) || name.hasPrefix($0) }) {
                    return false
                }
                return seen.insert(name).inserted
            }
            // Every name already credited: the same byline printed again.
            if unique.names.isEmpty && !candidate.names.isEmpty { return nil }
            return unique.names.isEmpty && !candidate.isOrganization ? nil : byline(unique)
        }
    }

    /// The surest kind of visible byline, and of those the one nearest the
    /// headline, with its neighbours of the same kind (one link per author).
    /// A byline under the headline beats one above it, which is more often
    /// a section label or a teaser's credit.
    private func nearestVisible(_ candidates: [Candidate]) -> [Candidate] {
        let below = candidates.filter { candidate in
            guard let headline, let block = candidate.blockIndex else { return true }
            return block > headline
        }
        let pool = below.isEmpty ? candidates : below
        guard let bestRank = pool.map(\.rank).min() else { return [] }
        let sure = pool.filter { $0.rank == bestRank }
        guard let first = sure.first?.blockIndex else { return sure }
        return sure.filter { ($0.blockIndex ?? first) - first <= 3 }
    }

    static let nameLineRank = 7

    static func comparable(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })
    }

    /// A credit on the page is a byline line (an agency alone, a wire
    /// credit); one from the page's data is metadata. `blockIndex` is the
    /// raw block's index, which the assembler turns into the document's.
    private func byline(_ candidate: Candidate) -> Byline {
        let text = candidate.text
        let whole = text.sourceRange(0..<text.count)
        let spans = candidate.names.map { Span(text: $0.name, range: source.range(text.sourceRange($0.range))) }
        let wire = candidate.wire.map { Span(text: text.string($0), range: source.range(text.sourceRange($0))) }
        let kind: Byline.Kind = candidate.blockIndex == nil ? .metadata
            : candidate.names.isEmpty && wire != nil ? .wireCredit : .bylineLine
        var byline = Byline(kind: kind, text: text.text, names: spans.map(\.text), nameSpans: spans,
                            range: source.range(whole), blockIndex: candidate.blockIndex, wireCredit: wire)
        byline.source = candidate.origin
        return byline
    }

    // MARK: On the page

    private func visibleCandidates() -> [Candidate] {
        var found: [Candidate] = []
        for (index, block) in raw.enumerated() {
            // A caption is a photographer's credit, unless the markup calls it a byline.
            let isCaption = block.kind == .caption && block.context.isDisjoint(with: [.byline, .author])
            guard block.kind != .image, !isCaption, index != headline, !block.context.contains(.chrome),
                  isNearHeadline(block, at: index), !followsOtherCredit(index) else { continue }
            // Inline elements first: they hold exactly a name.
            var marked = false
            let markStart = found.count
            for mark in block.marks where !mark.own.contains(.authorDetail) && !mark.own.contains(.dateline)
                && !followsProse(mark.textRange.lowerBound, in: block.text.utf8)
                && !isMentionInProse(mark, in: block)
                && !HTMLCreditReader.otherCredits.contains(in: block.text.utf8, range: 0..<mark.textRange.lowerBound) {
                var text = MappedText()
                text.append(mark.textRange, of: block.text)
                let breaks = block.elementJoins.filter { mark.textRange.contains($0) }.map { $0 - mark.textRange.lowerBound }
                if let candidate = candidate(text, breaks: breaks, origin: origin(mark.context), block: index,
                                             rank: rank(mark.context)) {
                    found.append(candidate)
                    marked = marked || !candidate.isOrganization
                }
            }
            let context = block.context
            if marked {
                // "By <span>Christy Choi</span> and Oscar Holland": the line
                // names more people than its marked-up names.
                let fromMarks = found[markStart...].filter { !$0.isOrganization }
                let markedNames = Set(fromMarks.flatMap { candidate in candidate.names.map { Self.comparable($0.name) } })
                if !context.isDisjoint(with: HTMLContext.authorMarks), block.text.count <= 200,
                   let whole = candidate(block.text, breaks: block.elementJoins, origin: fromMarks[fromMarks.startIndex].origin,
                                         block: index, rank: fromMarks.map(\.rank).min() ?? 0),
                   !whole.isOrganization, whole.names.count > markedNames.count,
                   markedNames.isSubset(of: Set(whole.names.map { Self.comparable($0.name) })) {
                    found.removeSubrange(markStart...)
                    found.append(whole)
                }
                continue
            }
            if !context.isDisjoint(with: HTMLContext.authorMarks) && !context.contains(.authorDetail)
                && block.text.count <= 200,
               let candidate = candidate(block.text, breaks: block.elementJoins, origin: origin(context), block: index,
                                         rank: rank(context)) {
                found.append(candidate)
                continue
            }
            if block.text.count <= 160, let credit = creditAfterBy(block.text.utf8) {
                var rest = MappedText()
                rest.append(credit..<block.text.count, of: block.text)
                let breaks = block.elementJoins.compactMap { $0 > credit ? $0 - credit : nil }
                if let candidate = candidate(rest, breaks: breaks, origin: .byLineText, block: index, rank: 6) {
                    found.append(candidate)
                    continue
                }
            }
            if let credit = sourceField(at: index) {
                found.append(credit)
                continue
            }
            // A name right under a picture is whom it shows, set as a caption
            // without caption markup; after a paragraph of the story, too.
            if let headline, index > headline, index - headline <= 4, raw[index - 1].kind != .image,
               !followsStoryParagraph(index, headline: headline), let name = nameLine(block) {
                found.append(Candidate(origin: .nameLine, blockIndex: index, text: block.text, names: [name],
                                       rank: Self.nameLineRank))
            }
        }
        return found
    }

    /// "Source: Harbour Research Institute" in the article's header, as a
    /// label and its value or as one line: a story from a press release or a
    /// partner credits the organisation it came from. Only above the body,
    /// where it credits the story rather than a chart or a picture in it.
    private func sourceField(at index: Int) -> Candidate? {
        guard let headline, index > headline, index - headline <= 8, !followsStoryParagraph(index, headline: headline),
              raw[index].kind != .caption, raw[index].context.isDisjoint(with: [.figure, .caption]) else { return nil }
        let text = raw[index].text
        let bytes = text.utf8
        var value = text
        if let label = Self.sourceLabels.prefixMatch(of: bytes) {
            var start = label.range.upperBound
            while start < bytes.count, bytes[start] == UInt8(ascii: ":") || bytes[start] == 0x20 { start += 1 }
            guard start > label.range.upperBound else { return nil }
            value = MappedText()
            value.append(start..<text.count, of: text)
        } else {
            // The label in the block before, the value in this one (a <dt>
            // and its <dd>).
            guard index - 1 > headline, Self.isBareLabel(raw[index - 1].text.utf8) else { return nil }
        }
        guard value.count <= 80, let credit = shortCredit(value.utf8) else { return nil }
        return Candidate(origin: .sourceField, blockIndex: index, text: value,
                         names: [(value.string(credit), credit)], rank: 6, isOrganization: true)
    }

    /// A paragraph of the story stands between the headline and this block:
    /// the block is in the story, not its header.
    private func followsStoryParagraph(_ index: Int, headline: Int) -> Bool {
        raw[(headline + 1)..<index].contains { $0.kind == .paragraph && $0.text.count > 120 && !$0.context.contains(.chrome) }
    }

    private static let sourceLabels = PhraseMatcher(["source", "story source", "news source"], wholeWords: true)

    /// "Source:" alone.
    private static func isBareLabel(_ bytes: [UInt8]) -> Bool {
        guard let match = sourceLabels.prefixMatch(of: bytes) else { return false }
        let rest = bytes[match.range.upperBound...].filter { $0 != 0x20 }
        return rest == [UInt8(ascii: ":")]
    }

    /// A link to a person's page in a paragraph of the story ("… the
    /// minister, <a href="/people/…">Name</a>, opened …"): sites link the people
    /// a story mentions to their topic pages, as they link authors. Only the
    /// address says "person" here, so a link in a long paragraph is a mention.
    private func isMentionInProse(_ mark: HTMLInlineMark, in block: HTMLRawBlock) -> Bool {
        guard mark.context.intersection(HTMLContext.authorMarks) == .authorLink else { return false }
        if block.text.count > 160 { return true }
        // Words of a sentence before the link, not a credit's "By" or "and".
        let before = block.text.utf8[..<mark.textRange.lowerBound]
        let words = before.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A })
        let sentenceWords = words.filter { word in
            guard let first = word.first, first >= 0x61 && first <= 0x7A else { return false }
            return !Self.creditWords.contains(String(decoding: word, as: UTF8.self))
        }
        return sentenceWords.count >= 3
    }

    private static let creditWords: Set<String> = ["by", "and", "with", "written", "posted", "words", "text", "story", "reporting",
                                                   "from", "of", "the", "on", "updated", "published"]

    /// "Contributions from" or "Edited by" closing the block before: this
    /// block names contributors or editors, not the writer.
    private func followsOtherCredit(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = raw[index - 1].text.utf8
        guard let match = HTMLCreditReader.otherCredits.matches(in: previous).last else { return false }
        return previous.count - match.range.upperBound <= 2
    }

    /// A name that comes after a sentence in the same block ("… since May.
    /// By Frank Zhou") credits a picture, not the article.
    private func followsProse(_ offset: Int, in text: [UInt8]) -> Bool {
        let before = text[..<min(offset, text.count)]
        if before.count > 80 { return true }
        var index = before.startIndex
        while index + 2 < before.endIndex {
            if before[index] == UInt8(ascii: ".") && before[index + 1] == 0x20 && before[index + 2] >= 0x41 && before[index + 2] <= 0x5A
                && index > before.startIndex + 12 {
                return true
            }
            index += 1
        }
        return false
    }

    /// Where the credit starts in "By Jane Doe" (0) or "Posted on 19
    /// December by Jane Doe" (after "by"), or nil for a line that is no credit.
    private func creditAfterBy(_ text: [UInt8]) -> Int? {
        if startsWithBy(text) { return 0 }
        guard Self.creditLeads.prefixMatch(of: text) != nil else { return nil }
        var index = 0
        while index + 4 <= text.count && index < 100 {
            if text[index] == 0x20, PhraseMatcher.fold(text[index + 1]) == UInt8(ascii: "b"),
               PhraseMatcher.fold(text[index + 2]) == UInt8(ascii: "y"), text[index + 3] == 0x20 {
                return index + 4
            }
            index += 1
        }
        return nil
    }

    private static let creditLeads = PhraseMatcher(["posted", "published", "updated", "last updated", "written",
                                                    "reported", "filed", "story", "words", "text"], wholeWords: true)

    /// A line of its own under the headline that is only a person's name,
    /// as pages without byline markup print the author. Written in mixed
    /// case: a line in capitals is a button or a label.
    private func nameLine(_ block: HTMLRawBlock) -> (name: String, range: Range<Int>)? {
        guard block.kind == .paragraph, block.text.count <= 40, block.elementJoins.isEmpty,
              block.context.isDisjoint(with: [.figure, .caption]),
              ProseHeuristics.looksLikePersonName(block.text.utf8),
              block.text.text.unicodeScalars.contains(where: { $0.properties.isLowercase }) else { return nil }
        let reading = HTMLCreditReader.read(block.text.utf8)
        guard reading.names.count == 1, reading.names[0].range == 0..<block.text.count else { return nil }
        return reading.names[0]
    }

    /// The credit a text makes: the people it names; or, when it names
    /// nobody, an agency or a desk ("Staff"), which name nobody as they do
    /// in every format, or the outlet or group the byline markup credits
    /// ("The Citizen"), which is the only author the page gives. A sentence
    /// is no credit.
    private func candidate(_ text: MappedText, breaks: [Int], origin: CreditSource, block: Int?, rank: Int) -> Candidate? {
        let reading = HTMLCreditReader.read(text.utf8, breaks: breaks)
        if !reading.names.isEmpty && (!reading.isProse || reading.startsWithBy) {
            return Candidate(origin: origin, blockIndex: block, text: text, names: reading.names, rank: rank,
                             wire: reading.wire)
        }
        guard !reading.isProse else { return nil }
        if reading.wire != nil || reading.hasTitle {
            return Candidate(origin: origin, blockIndex: block, text: text, names: [], rank: rank, isOrganization: true,
                             wire: reading.wire)
        }
        guard let credit = shortCredit(text.utf8) else { return nil }
        return Candidate(origin: origin, blockIndex: block, text: text, names: [(text.string(credit), credit)], rank: rank,
                         isOrganization: true)
    }

    /// One to six words after an optional "By", the first capitalised, no
    /// digits, not a label of the page ("Share", "Loading…"); their range.
    private func shortCredit(_ text: [UInt8]) -> Range<Int>? {
        var start = 0
        func skipSpace() { while start < text.count, text[start] == 0x20 || text[start] == 0x0A { start += 1 } }
        skipSpace()
        if text.count - start > 3, PhraseMatcher.fold(text[start]) == UInt8(ascii: "b"),
           PhraseMatcher.fold(text[start + 1]) == UInt8(ascii: "y"), text[start + 2] == 0x20 || text[start + 2] == UInt8(ascii: ":") {
            start += 3
            skipSpace()
        }
        // The credit ends where a date or a title would start: "by MrAJCosplay, Dec 19th 2023".
        var end = start
        while end < text.count, text[end] != UInt8(ascii: ","), text[end] != UInt8(ascii: "|"), text[end] != 0x0A,
              !(text[end] == 0xE2 && end + 1 < text.count && text[end + 1] == 0x80) {
            end += 1
        }
        while end > start, text[end - 1] == 0x20 || text[end - 1] == UInt8(ascii: ".") || text[end - 1] == UInt8(ascii: "-") { end -= 1 }
        guard start < end else { return nil }
        let credit = String(decoding: text[start..<end], as: UTF8.self)
        let words = credit.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{A0}" })
        guard (1...6).contains(words.count), let first = words.first?.unicodeScalars.first, first.properties.isUppercase,
              !text[start..<end].contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
              !ProseHeuristics.isChrome(Array(credit.utf8)),
              !Self.labels.contains(String(words[0].lowercased().unicodeScalars.filter { $0.properties.isAlphabetic }))
        else { return nil }
        return start..<end
    }

    private static let labels: Set<String> = [
        "share", "menu", "close", "search", "subscribe", "sign", "log", "home", "more", "follow", "email", "print",
        "comments", "advertisement", "updated", "published", "loading", "error", "buy", "watch", "listen", "read",
        "view", "see", "get", "click", "play", "download", "contact", "about", "previous", "next", "by", "author",
        "authors", "posted", "written",
    ]

    /// Bylines sit by the headline: between it and the body, or in the
    /// body's first blocks; not in a footer or a related-story list.
    private func isNearHeadline(_ block: HTMLRawBlock, at position: Int) -> Bool {
        if block.context.contains(.pageFooter) || block.context.contains(.aside) { return false }
        guard let bodyRange else { return true }
        if let headline, position < headline { return headline - position <= 3 }
        if block.range.lowerBound < bodyRange.lowerBound { return true }
        guard bodyRange.contains(block.range.lowerBound) else { return false }
        return position - firstBodyBlock < 12
    }

    private func rank(_ context: HTMLContext) -> Int {
        if context.contains(.itempropAuthorName) { return 0 }
        if context.contains(.relAuthor) { return 1 }
        if context.contains(.itempropAuthor) { return 2 }
        if context.contains(.author) { return 3 }
        if context.contains(.byline) { return 4 }
        if context.contains(.authorLink) { return 5 }
        return 6
    }

    private func origin(_ context: HTMLContext) -> CreditSource {
        if context.contains(.itempropAuthorName) || context.contains(.itempropAuthor) { return .itempropAuthor }
        if context.contains(.relAuthor) { return .relAuthor }
        if context.contains(.author) { return .authorClass }
        if context.contains(.byline) { return .bylineClass }
        return .authorLink
    }

    private func startsWithBy(_ text: [UInt8]) -> Bool {
        guard text.count > 4 else { return false }
        let head = text.prefix(4).map(PhraseMatcher.fold)
        return head.starts(with: Array("by ".utf8)) || head.starts(with: Array("by:".utf8))
    }

    // MARK: Structured data

    /// JSON-LD, microdata and meta tags, in that order of trust. An author
    /// the data calls an Organization names nobody.
    private func structuredCandidates() -> [Candidate] {
        var found: [Candidate] = []
        for author in metadata.jsonLDAuthors + metadata.microdataAuthors + metadata.metaAuthors
        where !metadata.looksLikeURL(author.name.utf8) {
            guard var candidate = candidate(author.name, breaks: [], origin: author.origin, block: nil, rank: 10) else { continue }
            if author.isOrganization {
                candidate.isOrganization = true
                candidate.names = []
            }
            found.append(candidate)
        }
        return found
    }
}
