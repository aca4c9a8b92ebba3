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

    struct Candidate {
        var origin: String
        var blockIndex: Int?
        var text: MappedText
        var names: [Range<Int>]
        /// Lower is better.
        var rank: Int
    }

    init(source: SourceText, raw: [HTMLRawBlock], kinds: [BlockKind], metadata: HTMLPageMetadata, headline: Int?,
         bodyRange: Range<Int>?) {
        self.source = source
        self.raw = raw
        self.kinds = kinds
        self.metadata = metadata
        self.headline = headline
        self.bodyRange = bodyRange
    }

    mutating func find() -> [Byline] {
        let visible = visibleCandidates()
        let structured = structuredCandidates()
        var chosen: [Candidate] = []
        if let best = visible.min(by: { $0.rank < $1.rank }) {
            chosen = visible.filter { $0.rank == best.rank && !$0.names.isEmpty }
        }
        if chosen.isEmpty, let best = structured.first(where: { !$0.names.isEmpty }) {
            chosen = structured.filter { $0.origin == best.origin && !$0.names.isEmpty }
        }
        bylineBlocks = chosen.compactMap(\.blockIndex)
        return chosen.map(byline)
    }

    private func byline(_ candidate: Candidate) -> Byline {
        let whole = candidate.text.sourceRange(0..<candidate.text.count)
        let names = candidate.names.map { candidate.text.string($0) }
        return Byline(text: candidate.text.text, names: names, range: source.range(whole), origin: candidate.origin)
    }

    // MARK: On the page

    private func visibleCandidates() -> [Candidate] {
        var found: [Candidate] = []
        for (index, block) in raw.enumerated() {
            guard block.kind != .image, index != headline, !block.context.contains(.chrome), isNearHeadline(block) else { continue }
            // Inline elements first: they hold exactly a name.
            var marked = false
            for mark in block.marks {
                var text = MappedText()
                text.append(mark.textRange, of: block.text)
                let breaks = block.elementJoins.filter { mark.textRange.contains($0) }.map { $0 - mark.textRange.lowerBound }
                let names = BylineNameSplitter.names(in: text.utf8, breaks: breaks)
                guard !names.isEmpty else { continue }
                found.append(Candidate(origin: origin(mark.context), blockIndex: index, text: text, names: names,
                                       rank: rank(mark.context)))
                marked = true
            }
            if marked { continue }
            let context = block.context
            if !context.isDisjoint(with: HTMLContext.authorMarks) && !context.contains(.authorDetail)
                && block.text.count <= 200 {
                let names = BylineNameSplitter.names(in: block.text.utf8, breaks: block.elementJoins)
                if !names.isEmpty {
                    found.append(Candidate(origin: origin(context), blockIndex: index, text: block.text, names: names,
                                           rank: rank(context)))
                    continue
                }
            }
            if startsWithBy(block.text.utf8) && block.text.count <= 160 {
                let names = BylineNameSplitter.names(in: block.text.utf8, breaks: block.elementJoins)
                if !names.isEmpty {
                    found.append(Candidate(origin: "by line", blockIndex: index, text: block.text, names: names, rank: 5))
                }
            }
        }
        return found
    }

    /// Bylines sit by the headline: between it and the body, or in the
    /// body's first blocks; not in a footer or a related-story list.
    private func isNearHeadline(_ block: HTMLRawBlock) -> Bool {
        if block.context.contains(.pageFooter) || block.context.contains(.aside) { return false }
        guard let bodyRange else { return true }
        if block.range.lowerBound < bodyRange.lowerBound {
            if let headline { return block.range.lowerBound + 20_000 >= raw[headline].range.lowerBound }
            return true
        }
        guard bodyRange.contains(block.range.lowerBound) else { return false }
        let bodyIndex = raw.firstIndex { bodyRange.contains($0.range.lowerBound) } ?? 0
        let position = raw.firstIndex { $0.range == block.range } ?? 0
        return position - bodyIndex < 12
    }

    private func rank(_ context: HTMLContext) -> Int {
        if context.contains(.itempropAuthorName) { return 0 }
        if context.contains(.relAuthor) { return 1 }
        if context.contains(.itempropAuthor) { return 2 }
        if context.contains(.author) { return 3 }
        if context.contains(.byline) { return 4 }
        return 6
    }

    private func origin(_ context: HTMLContext) -> String {
        if context.contains(.itempropAuthorName) || context.contains(.itempropAuthor) { return "itemprop=author" }
        if context.contains(.relAuthor) { return "rel=author" }
        if context.contains(.author) { return "author class" }
        return "byline class"
    }

    private func startsWithBy(_ text: [UInt8]) -> Bool {
        guard text.count > 4 else { return false }
        let head = text.prefix(4).map(PhraseMatcher.fold)
        return head.starts(with: Array("by ".utf8)) || head.starts(with: Array("by:".utf8))
    }

    // MARK: Structured data

    private func structuredCandidates() -> [Candidate] {
        var found: [Candidate] = []
        for author in metadata.jsonLDAuthors where !author.isOrganization {
            found.append(candidate(author, rank: 10))
        }
        for author in metadata.microdataAuthors {
            found.append(candidate(author, rank: 11))
        }
        for author in metadata.metaAuthors where !metadata.looksLikeURL(author.name.utf8) {
            found.append(candidate(author, rank: 12))
        }
        return found
    }

    private func candidate(_ author: HTMLPageMetadata.Author, rank: Int) -> Candidate {
        Candidate(origin: author.origin, blockIndex: nil, text: author.name,
                  names: BylineNameSplitter.names(in: author.name.utf8), rank: rank)
    }
}
