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
        var origin: String
        var blockIndex: Int?
        var text: MappedText
        var names: [Range<Int>]
        /// How much the markup says this is a byline; lower is surer.
        var rank: Int
        /// No person named: the credited organisation, as the only name.
        var isOrganization = false
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
        let visible = visibleCandidates()
        let structured = structuredCandidates()
        var chosen = nearestVisible(visible.filter { !$0.isOrganization })
        if chosen.isEmpty, let best = structured.first(where: { !$0.isOrganization }) {
            chosen = structured.filter { $0.origin == best.origin && !$0.isOrganization }
        }
        if chosen.isEmpty { chosen = nearestVisible(visible.filter(\.isOrganization)) }
        if chosen.isEmpty, let best = structured.first { chosen = [best] }
        bylineBlocks = Array(Set(chosen.compactMap(\.blockIndex))).sorted()
        var seen = Set<String>()
        return chosen.compactMap { candidate in
            var unique = candidate
            unique.names = candidate.names.filter { seen.insert(candidate.text.string($0).lowercased()).inserted }
            return unique.names.isEmpty ? nil : byline(unique)
        }
    }

    /// The surest kind of visible byline, and of those the one nearest the
    /// headline, with its neighbours of the same kind (one link per author).
    private func nearestVisible(_ candidates: [Candidate]) -> [Candidate] {
        guard let bestRank = candidates.map(\.rank).min() else { return [] }
        let sure = candidates.filter { $0.rank == bestRank }
        guard let first = sure.first?.blockIndex else { return sure }
        return sure.filter { ($0.blockIndex ?? first) - first <= 3 }
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
            guard block.kind != .image, block.kind != .caption, index != headline, !block.context.contains(.chrome),
                  isNearHeadline(block, at: index) else { continue }
            // Inline elements first: they hold exactly a name.
            var marked = false
            for mark in block.marks where !mark.own.contains(.authorDetail) && !mark.own.contains(.dateline) {
                var text = MappedText()
                text.append(mark.textRange, of: block.text)
                let breaks = block.elementJoins.filter { mark.textRange.contains($0) }.map { $0 - mark.textRange.lowerBound }
                if let candidate = candidate(text, breaks: breaks, origin: origin(mark.context), block: index,
                                             rank: rank(mark.context)) {
                    found.append(candidate)
                    marked = marked || !candidate.isOrganization
                }
            }
            if marked { continue }
            let context = block.context
            if !context.isDisjoint(with: HTMLContext.authorMarks) && !context.contains(.authorDetail)
                && block.text.count <= 200,
               let candidate = candidate(block.text, breaks: block.elementJoins, origin: origin(context), block: index,
                                         rank: rank(context)) {
                found.append(candidate)
                continue
            }
            if startsWithBy(block.text.utf8) && block.text.count <= 160,
               let candidate = candidate(block.text, breaks: block.elementJoins, origin: "by line", block: index, rank: 5) {
                found.append(candidate)
            }
        }
        return found
    }

    private func candidate(_ text: MappedText, breaks: [Int], origin: String, block: Int?, rank: Int) -> Candidate? {
        let credit = BylineNameSplitter.credit(in: text.utf8, breaks: breaks)
        if !credit.names.isEmpty {
            return Candidate(origin: origin, blockIndex: block, text: text, names: credit.names, rank: rank)
        }
        if let organization = credit.organization {
            return Candidate(origin: origin, blockIndex: block, text: text, names: [organization], rank: rank,
                             isOrganization: true)
        }
        return nil
    }

    /// Bylines sit by the headline: between it and the body, or in the
    /// body's first blocks; not in a footer or a related-story list.
    private func isNearHeadline(_ block: HTMLRawBlock, at position: Int) -> Bool {
        if block.context.contains(.pageFooter) || block.context.contains(.aside) { return false }
        guard let bodyRange else { return true }
        if block.range.lowerBound < bodyRange.lowerBound {
            if let headline { return block.range.lowerBound + 20_000 >= raw[headline].range.lowerBound }
            return true
        }
        guard bodyRange.contains(block.range.lowerBound) else { return false }
        return position - firstBodyBlock < 12
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

    /// JSON-LD, microdata and meta tags, in that order of trust.
    private func structuredCandidates() -> [Candidate] {
        var found: [Candidate] = []
        for author in metadata.jsonLDAuthors + metadata.microdataAuthors + metadata.metaAuthors
        where !metadata.looksLikeURL(author.name.utf8) {
            guard var candidate = candidate(author.name, breaks: [], origin: author.origin, block: nil, rank: 10) else { continue }
            candidate.isOrganization = candidate.isOrganization || author.isOrganization
            found.append(candidate)
        }
        return found
    }
}
