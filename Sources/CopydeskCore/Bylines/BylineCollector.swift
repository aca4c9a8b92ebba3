/// Fills `Document.bylines` at the end of the text and Markdown parsers:
/// from the blocks they marked `.byline` and `.authorCard`, from
/// front-matter `author`, `authors` and `byline`, and from a wire credit in
/// the dateline of the first paragraph ("WASHINGTON (AP) —"). A parser that
/// weighs credits of its own (HTML markup, meta tags) can call it too:
/// credits already recorded are kept, and their blocks are not read twice.
enum BylineCollector {
    static let frontMatterKeys: Set<String> = ["author", "authors", "byline"]

    static func collect(_ document: inout Document) {
        var bylines = document.bylines
        let recordedBlocks = Set(bylines.compactMap(\.blockIndex))
        if !bylines.contains(where: { $0.kind == .frontMatter }), let frontMatter = document.frontMatter {
            for entry in frontMatter.entries where frontMatterKeys.contains(entry.key.text.lowercased()) {
                if let byline = frontMatterByline(entry, in: document.source) { bylines.append(byline) }
            }
        }
        var index = 0
        while index < document.blocks.count {
            defer { index += 1 }
            guard !recordedBlocks.contains(index) else { continue }
            switch document.blocks[index].kind {
            case .byline:
                if let byline = bylineLine(at: index, in: document) { bylines.append(byline) }
            case .authorCard:
                let (byline, blocks) = authorCard(at: index, in: document)
                if let byline { bylines.append(byline) }
                index += blocks - 1
            default:
                continue
            }
        }
        if let byline = datelineCredit(in: document), !recordedBlocks.contains(byline.blockIndex ?? -1) {
            bylines.append(byline)
        }
        document.bylines = bylines.enumerated().sorted {
            ($0.element.range.start.offset, $0.offset) < ($1.element.range.start.offset, $1.offset)
        }.map(\.element)
    }

    // MARK: Byline lines

    private static func bylineLine(at index: Int, in document: Document) -> Byline? {
        let content = document.blocks[index].content
        let lineEnd = content.utf8.firstIndex(of: 0x0A) ?? content.count
        guard lineEnd > 0 else { return nil }
        let line = Array(content.utf8[..<lineEnd])
        let reading = BylineText.read(line)
        // A block a parser took for a byline that credits nobody, no desk and
        // no agency ("Share on Facebook") is no credit.
        guard !reading.names.isEmpty || !reading.wireCredits.isEmpty || reading.hasTitle else { return nil }
        let nameSpans = reading.names.map { document.span(of: $0.range, in: index) }
        let wire = reading.wireCredits.first.map { document.span(of: $0.range, in: index) }
        let kind: Byline.Kind = reading.names.isEmpty && !reading.hasTitle && wire != nil ? .wireCredit : .bylineLine
        return Byline(kind: kind, text: content.string(0..<lineEnd), names: reading.names.map(\.text),
                      nameSpans: nameSpans, range: document.range(of: 0..<lineEnd, in: index), blockIndex: index,
                      wireCredit: wire)
    }

    // MARK: Author cards

    /// The card starting at `index` and how many blocks it spans: a name
    /// line with the description under it, or a description alone.
    private static func authorCard(at index: Int, in document: Document) -> (Byline?, Int) {
        let blocks = document.blocks
        let first = blocks[index].content
        if index + 1 < blocks.count, blocks[index + 1].kind == .authorCard, !first.utf8.contains(0x0A),
           blocks[index + 1].content.utf8.starts(with: first.utf8) {
            let name = document.span(of: 0..<first.count, in: index)
            let range = SourceRange(start: blocks[index].range.start, end: blocks[index + 1].range.end)
            return (Byline(kind: .authorCard, text: first.text, names: [name.text], nameSpans: [name], range: range,
                           blockIndex: index), 2)
        }
        let length = BylineBlocks.describedWriterNameLength(first.utf8)
            ?? BylineText.read(Array(first.utf8.prefix { $0 != 0x0A })).names.first?.range.upperBound
        guard let length else { return (nil, 1) }
        let name = document.span(of: 0..<length, in: index)
        return (Byline(kind: .authorCard, text: first.text, names: [name.text], nameSpans: [name],
                       range: blocks[index].range, blockIndex: index), 1)
    }

    // MARK: Front matter

    private static func frontMatterByline(_ entry: FrontMatterEntry, in source: SourceText) -> Byline? {
        let values = authorValues(entry.value)
        guard !values.isEmpty else { return nil }
        var names: [String] = []
        var nameSpans: [Span] = []
        var wire: Span?
        for value in values {
            let text = value.text
            let reading = BylineText.read(text)
            // A plain scalar is the source byte for byte, so names inside it
            // have exact positions; a quoted or escaped one gives its whole range.
            let exact = text.utf8.count == value.range.byteRange.count
            func span(_ credit: BylineText.Credit) -> Span {
                guard exact else { return Span(text: credit.text, range: value.range) }
                let start = value.range.start.offset
                return Span(text: source.string(start + credit.range.lowerBound..<start + credit.range.upperBound),
                            range: source.range(start + credit.range.lowerBound..<start + credit.range.upperBound))
            }
            if wire == nil, let credit = reading.wireCredits.first { wire = span(credit) }
            if !reading.names.isEmpty {
                names += reading.names.map(\.text)
                nameSpans += reading.names.map(span)
            } else if reading.wireCredits.isEmpty && !reading.hasTitle {
                // Front matter says outright who wrote the article, even in a
                // shape a byline line would not take ("jdoe", "Madonna").
                let trimmed = text.trimmingASCIIWhitespace()
                if !trimmed.isEmpty {
                    names.append(trimmed)
                    nameSpans.append(Span(text: trimmed, range: value.range))
                }
            }
        }
        return Byline(kind: .frontMatter, text: values.map(\.text).joined(separator: ", "), names: names,
                      nameSpans: nameSpans, range: entry.value.range, wireCredit: wire)
    }

    /// `author: Jane Doe`, `authors: [Jane Doe, John Roe]`, and authors
    /// written as mappings with a `name`.
    private static func authorValues(_ value: FrontMatterValue) -> [Span] {
        switch value {
        case .scalar(let span):
            return span.text.isEmpty ? [] : [span]
        case .sequence(let items, _):
            return items.flatMap(authorValues)
        case .mapping:
            return value["name"].map(authorValues) ?? []
        }
    }

    // MARK: Datelines

    /// "WASHINGTON (AP) — …" or "(Reuters) - …" at the start of the first
    /// body paragraph: the agency in the brackets.
    static func datelineCredit(in document: Document) -> Byline? {
        let headline = document.blocks.firstIndex { $0.kind == .headline } ?? -1
        guard let index = document.blocks.indices.first(where: { $0 > headline && document.blocks[$0].kind == .paragraph })
        else { return nil }
        let bytes = document.blocks[index].content.utf8
        let limit = min(bytes.count, 64)
        guard let open = bytes[..<limit].firstIndex(of: UInt8(ascii: "(")),
              BylineText.tokenize(Array(bytes[..<open])).allSatisfy({ $0.kind != .word || $0.isCapitalised }),
              let close = bytes[open..<min(bytes.count, open + 40)].firstIndex(of: UInt8(ascii: ")")),
              close > open + 1 else { return nil }
        var after = close + 1
        while after < bytes.count && bytes[after] == 0x20 { after += 1 }
        let dash = bytes[after...].starts(with: [0xE2, 0x80, 0x94]) || bytes[after...].starts(with: [0xE2, 0x80, 0x93])
            || bytes[after...].starts(with: [UInt8(ascii: "-")])
        guard dash else { return nil }
        let inner = open + 1..<close
        let words = BylineText.tokenize(Array(bytes[inner])).filter { $0.kind == .word }
        guard !words.isEmpty, words.allSatisfy({ $0.isCapitalised }) else { return nil }
        let span = document.span(of: inner, in: index)
        return Byline(kind: .wireCredit, text: span.text, names: [], range: span.range, blockIndex: index,
                      wireCredit: span)
    }
}
