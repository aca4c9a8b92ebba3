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
        /// No positions of their own (alerts land at the file's start).
        case none
    }

    var text: CheckText
    var scope: Set<String>
    var origin: Origin
    /// Text ranges (in this block's offsets) of attributed direct quotations.
    var quotations: [Range<Int>] = []
}

enum ValeBlocks {
    static func make(_ document: Document, ext: String, tokenIgnores: [StyleRegex]) -> [ValeBlock] {
        var out: [ValeBlock] = []
        let isText = document.format == .text
        let extSection = ext
        var summary: [UInt8] = []
        var quotesByBlock: [Int: [Quote]] = [:]
        for quote in document.quotes { quotesByBlock[quote.blockIndex, default: []].append(quote) }

        for (index, block) in document.blocks.enumerated() where block.kind.isProse && block.kind != .authorCard {
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
            guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }) else { continue }
            let quotes = (quotesByBlock[index] ?? [])
            let attributed = quotes.filter { $0.attribution != nil && !$0.isBlockquote }.map(\.textRange)
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
                case .heading, .headline where block.level > 0:
                    sections = ["text", "heading", "h\(block.level)"]
                case .listItem: sections = ["text", "list"]
                case .blockquote: sections = ["text", "blockquote"]
                case .caption where document.format == .html: sections = ["text", "figure", "caption"]
                default: break
                }
            }
            summary += bytes + [0x0A, 0x0A]
            func slice(_ r: Range<Int>) -> [Range<Int>] {
                attributed.compactMap { q in
                    let lower = max(q.lowerBound, r.lowerBound), upper = min(q.upperBound, r.upperBound)
                    return lower < upper ? (lower - r.lowerBound)..<(upper - r.lowerBound) : nil
                }
            }
            if let sections {
                out.append(ValeBlock(text: CheckText(bytes: bytes), scope: sections.union(news).union([extSection]),
                                     origin: .block(index: index, base: 0), quotations: slice(0..<bytes.count)))
            } else {
                for sentence in Sentences.split(bytes) {
                    out.append(ValeBlock(text: CheckText(bytes: Array(bytes[sentence])),
                                         scope: Set(["sentence", extSection]).union(news),
                                         origin: .block(index: index, base: sentence.lowerBound), quotations: slice(sentence)))
                }
                out.append(ValeBlock(text: CheckText(bytes: bytes), scope: Set(["paragraph", extSection]).union(news),
                                     origin: .block(index: index, base: 0), quotations: slice(0..<bytes.count)))
                out.append(ValeBlock(text: CheckText(bytes: bytes), scope: Set(["text", extSection]).union(news),
                                     origin: .block(index: index, base: 0), quotations: slice(0..<bytes.count)))
            }
            // The words inside each direct quotation, for rules scoped `quote`.
            for quote in quotes where !quote.isBlockquote {
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
                out.append(ValeBlock(text: CheckText(bytes: Array(bytes[inner])), scope: ["quote", extSection],
                                     origin: .block(index: index, base: inner.lowerBound)))
            }
        }
        out.append(ValeBlock(text: CheckText(bytes: summary), scope: ["summary", extSection], origin: .none))
        out.append(ValeBlock(text: CheckText(bytes: document.source.bytes), scope: ["raw", extSection], origin: .source))
        return out
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
