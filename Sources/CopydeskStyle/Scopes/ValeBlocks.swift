import CopydeskCore
import Foundation

/// A piece of the article a rule reads, with its scope and a way back to
/// the source: Vale's blocks (headings, list items, paragraphs, their
/// sentences, the whole text as `summary`, the file as `raw`) built from
/// copydesk's parsed Document, so every position comes from the parser's
/// recorded mapping.
struct ValeBlock {
    enum Origin {
        /// Text offsets are offsets into `document.blocks[index].content`, from `base`.
        case block(index: Int, base: Int)
        /// Text offsets are source offsets.
        case source
        /// Text offsets are source offsets from `start`, or, when the text
        /// is not a verbatim copy, every alert stands at `start`.
        case sourceAt(start: Int, verbatim: Bool)
        /// No positions of their own (alerts land at the file's start).
        case none
    }

    var text: CheckText
    var scope: Set<String>
    var origin: Origin
    /// Direct quotations the block holds: each one's text range in this
    /// block's offsets, and its index in the document's quotes. Whether a
    /// speaker is credited is asked only when an alert falls inside one.
    var quotations: [(range: Range<Int>, quote: Int)] = []
    /// The rules that read a block of this scope, when the maker was told.
    var readers: [Int]? = nil
}

enum ValeBlocks {
    /// - Parameter readers: the rules that read a block of a scope; a block
    ///   none reads is not made, and each block made carries its readers
    ///   (nil: every block is made, without readers).
    static func make(_ document: Document, ext: String, tokenIgnores: [StyleRegex],
                     skippedScopes: Set<String> = [], ignoredScopes: Set<String> = [],
                     readers: ((Set<String>) -> [Int])? = nil) -> [ValeBlock] {
        var out: [ValeBlock] = []
        func wants(_ scope: Set<String>) -> Bool { readers.map { !$0(scope).isEmpty } ?? true }
        // Appends a block its scope's readers, unless no rule reads it.
        func add(_ block: ValeBlock, readers known: [Int]? = nil) {
            var block = block
            if let readers {
                let found = known ?? readers(block.scope)
                if found.isEmpty { return }
                block.readers = found
            }
            out.append(block)
        }
        let source = document.source.bytes
        let isText = document.format == .text
        let extSection = ext
        var summary: [UInt8] = []
        var quotesByBlock: [Int: [Quote]] = [:]
        var quoteIndicesByBlock: [Int: [Int]] = [:]
        for (number, quote) in document.quotes.enumerated() {
            quotesByBlock[quote.blockIndex, default: []].append(quote)
            quoteIndicesByBlock[quote.blockIndex, default: []].append(number)
        }

        // Paragraphs, their text and sentences take a few scopes, one per
        // news kind: their readers are looked up once each.
        var proseReadersByKind: [String: [Int]] = [:]
        func proseReaders(_ kind: String, _ news: Set<String>, _ scope: Set<String>) -> [Int]? {
            guard let readers else { return nil }
            let key = kind + "|" + (news.first ?? "")
            if let known = proseReadersByKind[key] { return known }
            let found = readers(scope)
            proseReadersByKind[key] = found
            return found
        }
        let quoteReaders = readers?(["quote", extSection])
        let quoteWanted = quoteReaders.map { !$0.isEmpty } ?? true
        let summaryWanted = wants(["summary", extSection])
        // HTML elements around blocks (a <p> in an <li> or <td>) give them their scope.
        let containers = isText ? [] : MarkupRegions.containers(source)
        for (index, block) in document.blocks.enumerated() {
            if block.kind == .image, !isText, !skippedScopes.contains("alt"), let alt = block.image?.alt, !alt.text.isEmpty {
                let verbatim = alt.text.utf8.count == alt.range.byteRange.count
                add(ValeBlock(text: CheckText(alt.text), scope: ["text", "attr", "alt", extSection],
                                     origin: .sourceAt(start: alt.range.start.offset, verbatim: verbatim)))
            }
            guard block.kind.isProse && block.kind != .authorCard else { continue }
            // Images inside a Markdown paragraph: their alt text, read from the markup.
            if document.format == .markdown, !skippedScopes.contains("alt") {
                for alt in Self.inlineImageAlts(source, in: block.range.byteRange) {
                    add(ValeBlock(text: CheckText(bytes: Array(source[alt])), scope: ["text", "attr", "alt", extSection],
                                         origin: .sourceAt(start: alt.lowerBound, verbatim: true)))
                }
            }
            if block.kind == .blockquote && skippedScopes.contains("blockquote") { continue }
            var bytes = block.content.utf8
            // Inline code is not prose: Vale reads it as asterisks.
            for range in block.codeRanges {
                for i in range where i < bytes.count { bytes[i] = 0x2A }
            }
            if !tokenIgnores.isEmpty {
                let probe = CheckText(bytes: bytes)
                for regex in tokenIgnores {
                    for groups in regex.matches(in: probe) {
                        guard let r = groups[0] else { continue }
                        for i in r where i < bytes.count { bytes[i] = 0x2A }
                    }
                }
            }
            if !isText {
                // A bare address is a link whose text is its target: Vale does not read it.
                let probe = CheckText(bytes: bytes)
                for groups in Self.url.matches(in: probe) {
                    guard let r = groups[0] else { continue }
                    for i in r where i < bytes.count { bytes[i] = 0x2A }
                }
            }
            if document.format == .markdown && (ignoredScopes.contains("strong") || ignoredScopes.contains("b")) {
                let strong = Self.strongRanges(source, in: block.range.byteRange)
                if !strong.isEmpty {
                    for i in bytes.indices {
                        let at = block.content.sourceOffset(i)
                        if strong.contains(where: { $0.contains(at) }) { bytes[i] = 0x2A }
                    }
                }
            }
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }) else { continue }
            let quotes = (quotesByBlock[index] ?? [])
            let spoken = (quoteIndicesByBlock[index] ?? []).filter { !document.quotes[$0].isBlockquote }
                .map { (range: document.quotes[$0].textRange, quote: $0) }
            var news: Set<String> = []
            switch block.kind {
            case .headline: news = ["headline"]
            case .standfirst: news = ["standfirst"]
            case .byline: news = ["byline"]
            case .caption: news = ["caption"]
            case .notice: news = ["notice"]
            default: break
            }
            var sections: Set<String>? = nil
            if !isText {
                switch block.kind {
                // A headline read from an <h1> has its level; one found by
                // its place in plain text has none and is read as prose.
                case .heading:
                    sections = ["text", "heading", "h\(block.level)"]
                case .headline where block.level > 0:
                    sections = ["text", "heading", "h\(block.level)"]
                case .listItem: sections = ["text", "list"]
                case .blockquote: sections = ["text", "blockquote"]
                case .caption where document.format == .html: sections = ["text", "figure", "caption"]
                default: break
                }
            }
            // Vale's summary: the prose of paragraphs, lists and quotes, not headings.
            if summaryWanted, sections == nil || sections!.contains("list") || sections!.contains("blockquote") {
                summary += bytes + [0x0A, 0x0A]
            }
            func slice(_ r: Range<Int>) -> [(range: Range<Int>, quote: Int)] {
                spoken.compactMap { q in
                    let lower = max(q.range.lowerBound, r.lowerBound), upper = min(q.range.upperBound, r.upperBound)
                    return lower < upper ? ((lower - r.lowerBound)..<(upper - r.lowerBound), q.quote) : nil
                }
            }
            if sections == nil, !isText, block.kind != .heading, block.kind != .headline,
               let holder = containers.first(where: { $0.range.contains(block.range.start.offset) }),
               let scope = MarkupRegions.containerScopes[holder.name] {
                sections = Set(scope)
            }
            if sections == nil, document.format == .markdown, let table = Self.table(bytes) {
                for (cell, header) in table {
                    add(ValeBlock(text: CheckText(bytes: Array(bytes[cell])),
                                         scope: ["text", "table", header ? "header" : "cell", extSection],
                                         origin: .block(index: index, base: cell.lowerBound), quotations: slice(cell)))
                }
            } else if let sections {
                add(ValeBlock(text: CheckText(bytes: bytes), scope: sections.union(news).union([extSection]),
                                     origin: .block(index: index, base: 0), quotations: slice(0..<bytes.count)))
            } else {
                let sentenceScope = Set(["sentence", extSection]).union(news)
                let sentenceReaders = proseReaders("sentence", news, sentenceScope)
                if sentenceReaders.map({ !$0.isEmpty }) ?? true {
                    for sentence in Sentences.split(bytes) {
                        add(ValeBlock(text: CheckText(bytes: Array(bytes[sentence])), scope: sentenceScope,
                                      origin: .block(index: index, base: sentence.lowerBound), quotations: slice(sentence)),
                            readers: sentenceReaders)
                    }
                }
                // One text for both: the engine reads a text once for all its scopes.
                let whole = CheckText(bytes: bytes)
                for (kind, scope) in [("paragraph", Set(["paragraph", extSection]).union(news)),
                                      ("text", Set(["text", extSection]).union(news))] {
                    add(ValeBlock(text: whole, scope: scope,
                                  origin: .block(index: index, base: 0), quotations: slice(0..<bytes.count)),
                        readers: proseReaders(kind, news, scope))
                }
            }
            // The words inside each direct quotation, for rules scoped `quote`.
            for quote in quotes where !quote.isBlockquote && quoteWanted {
                var inner = quote.textRange
                while inner.lowerBound < inner.upperBound, let scalar = firstScalar(bytes, at: inner.lowerBound),
                      QuoteMarks.isQuoteScalar(scalar) {
                    inner = (inner.lowerBound + String(scalar).utf8.count)..<inner.upperBound
                }
                while inner.lowerBound < inner.upperBound, let (scalar, width) = lastScalar(bytes, before: inner.upperBound),
                      QuoteMarks.isQuoteScalar(scalar) {
                    inner = inner.lowerBound..<(inner.upperBound - width)
                }
                guard !inner.isEmpty else { continue }
                add(ValeBlock(text: CheckText(bytes: Array(bytes[inner])), scope: ["quote", extSection],
                              origin: .block(index: index, base: inner.lowerBound)), readers: quoteReaders)
            }
        }
        add(ValeBlock(text: CheckText(bytes: summary), scope: ["summary", extSection], origin: .none))
        add(ValeBlock(text: CheckText(bytes: document.source.bytes), scope: ["raw", extSection], origin: .source))
        return out
    }

    static let url: StyleRegex = try! GoRegex.compile("(?:https?|ftp)://[^\\s<>()]+[^\\s<>().,;:!?'\"]")

    /// Source ranges of the alt text of `![alt](…)` and `![alt][…]` images.
    static func inlineImageAlts(_ source: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = range.lowerBound
        let end = min(range.upperBound, source.count)
        while i + 1 < end {
            guard source[i] == 0x21, source[i + 1] == 0x5B, i == 0 || source[i - 1] != 0x5C else { i += 1; continue }
            var j = i + 2
            var depth = 1
            while j < end {
                if source[j] == 0x5C { j += 2; continue }
                if source[j] == 0x5B { depth += 1 }
                if source[j] == 0x5D { depth -= 1; if depth == 0 { break } }
                if source[j] == 0x0A && j + 1 < end && source[j + 1] == 0x0A { break }
                j += 1
            }
            if j < end, source[j] == 0x5D, j + 1 < end, source[j + 1] == 0x28 || source[j + 1] == 0x5B, j > i + 2 {
                out.append((i + 2)..<j)
            }
            i = j + 1
        }
        return out
    }

    /// Source ranges of `**strong**` and `__strong__` spans in a block.
    static func strongRanges(_ source: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = range.lowerBound
        let end = min(range.upperBound, source.count)
        while i + 1 < end {
            let c = source[i]
            if (c == 0x2A || c == 0x5F) && source[i + 1] == c {
                var j = i + 2
                while j + 1 < end && !(source[j] == c && source[j + 1] == c) && source[j] != 0x0A { j += 1 }
                if j + 1 < end && source[j] == c && source[j + 1] == c && j > i + 2 {
                    out.append((i + 2)..<j)
                    i = j + 2
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// The cells of a Markdown (GFM) table held as one paragraph, each
    /// flagged as a header cell or not; nil when it is not a table.
    static func table(_ bytes: [UInt8]) -> [(Range<Int>, Bool)]? {
        var lines: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        lines.append(start..<bytes.count)
        guard lines.count >= 2 else { return nil }
        let delimiter = bytes[lines[1]]
        guard delimiter.contains(0x2D), delimiter.contains(0x7C) || lines[0].count > 0,
              delimiter.allSatisfy({ [0x7C, 0x2D, 0x3A, 0x20, 0x09].contains($0) }),
              bytes[lines[0]].contains(0x7C) else { return nil }
        var cells: [(Range<Int>, Bool)] = []
        for (number, line) in lines.enumerated() where number != 1 {
            var cellStart = line.lowerBound
            var i = line.lowerBound
            func add(_ r: Range<Int>) {
                var lower = r.lowerBound, upper = r.upperBound
                while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
                while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
                if lower < upper { cells.append((lower..<upper, number == 0)) }
            }
            while i < line.upperBound {
                if bytes[i] == 0x5C { i += 2; continue }
                if bytes[i] == 0x7C {
                    add(cellStart..<i)
                    cellStart = i + 1
                }
                i += 1
            }
            add(cellStart..<line.upperBound)
        }
        return cells
    }

    static func firstScalar(_ bytes: [UInt8], at offset: Int) -> Unicode.Scalar? {
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    static func lastScalar(_ bytes: [UInt8], before offset: Int) -> (Unicode.Scalar, Int)? {
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0, let scalar = firstScalar(bytes, at: start) else { return nil }
        return (scalar, offset - start)
    }
}

/// Sentence boundaries: after `.`, `!` or `?` (and any closing quotes or
/// brackets) followed by a space and a capital, digit, quote or bracket.
enum Sentences {
    static func split(_ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        func trimmed(_ r: Range<Int>) -> Range<Int> {
            var lower = r.lowerBound, upper = r.upperBound
            while lower < upper, [0x20, 0x0A, 0x09, 0x0D].contains(bytes[lower]) { lower += 1 }
            while upper > lower, [0x20, 0x0A, 0x09, 0x0D].contains(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x2E || b == 0x21 || b == 0x3F {
                var j = i + 1
                while j < bytes.count, [0x22, 0x27, 0x29, 0x5D, 0x2E, 0x21, 0x3F].contains(bytes[j]) { j += 1 }
                // Closing curly quotes.
                while j + 2 < bytes.count, bytes[j] == 0xE2, bytes[j + 1] == 0x80, bytes[j + 2] == 0x9D || bytes[j + 2] == 0x99 { j += 3 }
                var k = j
                while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x0A { k += 1 }
                if k > j, k < bytes.count {
                    let next = bytes[k]
                    let startsSentence = (next >= 0x41 && next <= 0x5A) || (next >= 0x30 && next <= 0x39)
                        || next == 0x22 || next == 0x27 || next == 0x28 || next == 0x5B || next == 0xE2 || next == 0x2A
                    // "e.g." and single capitals ("J. Smith") do not end sentences.
                    let wordStart = bytes[..<i].lastIndex { $0 == 0x20 || $0 == 0x0A }.map { $0 + 1 } ?? 0
                    let word = i - wordStart
                    let abbreviation = b == 0x2E && (word == 1 && bytes[wordStart] >= 0x41 && bytes[wordStart] <= 0x5A
                        || bytes[wordStart..<i].contains(0x2E))
                    if startsSentence && !abbreviation {
                        let r = trimmed(start..<j)
                        if !r.isEmpty { out.append(r) }
                        start = k
                        i = k
                        continue
                    }
                }
                i = j
                continue
            }
            i += 1
        }
        let r = trimmed(start..<bytes.count)
        if !r.isEmpty { out.append(r) }
        return out
    }
}
