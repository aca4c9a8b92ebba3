/// Removes Markdown inline markup from a block's raw text: emphasis
/// delimiters, link destinations, inline images, HTML tags and comments,
/// backslash escapes and entities. What remains is the prose a reader sees,
/// still mapped to its source bytes.
struct MarkdownInline {
    let raw: MappedText
    private let bytes: [UInt8]
    private(set) var output = MappedText()
    private(set) var codeRanges: [Range<Int>] = []

    /// For each `[` and `(`, the index of the bracket that closes it (as
    /// counted from it: nested pairs in between, backslash escapes
    /// skipped), or -1; and for each index, the first unescaped line
    /// break at or after it. Read in one pass, so that a run of `[` that
    /// never close costs a look-up each rather than a scan to the end.
    private let closing: [Int32]
    private let nextLineBreak: [Int32]

    init(raw: MappedText) {
        self.raw = raw
        self.bytes = raw.utf8
        var closing = [Int32](repeating: -1, count: bytes.count)
        var lineBreaks = [Int32](repeating: Int32(bytes.count), count: bytes.count + 1)
        var brackets: [Int32] = []
        var parens: [Int32] = []
        var index = 0
        var lastBreak = Int32(bytes.count)
        var breaks: [Int32] = []
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2; continue
            case UInt8(ascii: "["): brackets.append(Int32(index))
            case UInt8(ascii: "]"): if let open = brackets.popLast() { closing[Int(open)] = Int32(index) }
            case UInt8(ascii: "("): parens.append(Int32(index))
            case UInt8(ascii: ")"): if let open = parens.popLast() { closing[Int(open)] = Int32(index) }
            case 0x0A: breaks.append(Int32(index))
            default: break
            }
            index += 1
        }
        for position in stride(from: bytes.count - 1, through: 0, by: -1) {
            if let last = breaks.last, Int(last) == position {
                lastBreak = last
                breaks.removeLast()
            }
            lineBreaks[position] = lastBreak
        }
        self.closing = closing
        self.nextLineBreak = lineBreaks
    }

    static func render(_ raw: MappedText) -> (text: MappedText, codeRanges: [Range<Int>]) {
        var inline = MarkdownInline(raw: raw)
        inline.process(0..<raw.count)
        var text = inline.output
        var codeRanges = inline.codeRanges
        let before = text.count
        text.trimLeadingWhitespace()
        let shift = before - text.count
        text.trimTrailingWhitespace()
        if shift > 0 {
            codeRanges = codeRanges.map { max(0, $0.lowerBound - shift)..<max(0, $0.upperBound - shift) }
        }
        return (text, codeRanges)
    }

    private mutating func process(_ range: Range<Int>) {
        var index = range.lowerBound
        var runStart = index
        let end = range.upperBound
        func flush(_ upTo: Int) {
            if runStart < upTo { output.append(runStart..<upTo, of: raw) }
        }
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < end, isASCIIPunctuation(bytes[index + 1]) {
                    flush(index)
                    output.appendReplacement([bytes[index + 1]], for: raw.sourceRange(index..<index + 2))
                    index += 2
                    runStart = index
                    continue
                }
            case UInt8(ascii: "`"):
                if let (contentRange, after) = codeSpan(at: index, end: end) {
                    flush(index)
                    let start = output.count
                    output.append(contentRange, of: raw)
                    codeRanges.append(start..<output.count)
                    index = after
                    runStart = index
                    continue
                }
                // An unmatched run of backticks is literal: skip past all of it.
                while index < end && bytes[index] == UInt8(ascii: "`") { index += 1 }
                continue
            case UInt8(ascii: "!"):
                if index + 1 < end, bytes[index + 1] == UInt8(ascii: "["),
                   let link = link(at: index + 1, end: end) {
                    // Inline images are pictures, not prose.
                    flush(index)
                    index = link.after
                    runStart = index
                    continue
                }
            case UInt8(ascii: "["):
                if let link = link(at: index, end: end) {
                    flush(index)
                    process(link.text)
                    index = link.after
                    runStart = index
                    continue
                }
            case UInt8(ascii: "<"):
                if let after = htmlTagOrComment(at: index, end: end) {
                    flush(index)
                    index = after
                    runStart = index
                    continue
                }
                if let (inner, after) = autolink(at: index, end: end) {
                    flush(index)
                    output.append(inner, of: raw)
                    index = after
                    runStart = index
                    continue
                }
            case UInt8(ascii: "&"):
                if let (decoded, after) = HTMLEntities.decode(bytes, at: index, end: end) {
                    flush(index)
                    output.appendReplacement(decoded, for: raw.sourceRange(index..<after))
                    index = after
                    runStart = index
                    continue
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                var runEnd = index
                while runEnd < end && bytes[runEnd] == byte { runEnd += 1 }
                if isEmphasisDelimiter(byte, run: index..<runEnd, in: range) {
                    flush(index)
                    index = runEnd
                    runStart = index
                    continue
                }
                index = runEnd
                continue
            default:
                break
            }
            index += 1
        }
        flush(end)
    }

    private func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    private func isSpace(_ byte: UInt8?) -> Bool {
        guard let byte else { return true }
        return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func isWordByte(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// A run of `*`, `_` or `~~` that opens or closes emphasis. A run with
    /// space on both sides is literal ("5 * 3"), and so is `_` inside a word
    /// (snake_case) and a single `~`.
    private func isEmphasisDelimiter(_ byte: UInt8, run: Range<Int>, in range: Range<Int>) -> Bool {
        let before: UInt8? = run.lowerBound > range.lowerBound ? bytes[run.lowerBound - 1] : nil
        let after: UInt8? = run.upperBound < range.upperBound ? bytes[run.upperBound] : nil
        if isSpace(before) && isSpace(after) { return false }
        switch byte {
        case UInt8(ascii: "_"):
            return !(isWordByte(before) && isWordByte(after))
        case UInt8(ascii: "~"):
            return run.count == 2
        default:
            return true
        }
    }

    /// A code span opened by the backtick run at `start`: the content range
    /// (one space of padding on each side removed) and the index after it.
    private func codeSpan(at start: Int, end: Int) -> (Range<Int>, Int)? {
        var openEnd = start
        while openEnd < end && bytes[openEnd] == UInt8(ascii: "`") { openEnd += 1 }
        let length = openEnd - start
        var index = openEnd
        while index < end {
            guard bytes[index] == UInt8(ascii: "`") else { index += 1; continue }
            var closeEnd = index
            while closeEnd < end && bytes[closeEnd] == UInt8(ascii: "`") { closeEnd += 1 }
            if closeEnd - index == length {
                var lower = openEnd
                var upper = index
                if upper - lower >= 2 && bytes[lower] == 0x20 && bytes[upper - 1] == 0x20 {
                    lower += 1
                    upper -= 1
                }
                return (lower..<upper, closeEnd)
            }
            index = closeEnd
        }
        return nil
    }

    /// `[text](destination "title")`, `[text][label]` or `[text][]`: the
    /// text range and the index after the link.
    private func link(at start: Int, end: Int) -> (text: Range<Int>, after: Int)? {
        let close = Int(closing[start])
        guard close >= 0, close + 1 < end else { return nil }
        let opener = bytes[close + 1]
        guard opener == UInt8(ascii: "(") || opener == UInt8(ascii: "[") else { return nil }
        let after = Int(closing[close + 1])
        guard after >= 0, after < end else { return nil }
        // A reference label ends on its line.
        if opener == UInt8(ascii: "[") && Int(nextLineBreak[close + 1]) < after { return nil }
        return (start + 1..<close, after + 1)
    }

    /// An inline HTML tag (`<em>`, `</a>`, `<br/>`) or comment; returns the
    /// index after it.
    private func htmlTagOrComment(at start: Int, end: Int) -> Int? {
        guard start + 1 < end else { return nil }
        if bytes[start + 1] == UInt8(ascii: "!"), start + 3 < end, bytes[start + 2] == UInt8(ascii: "-"), bytes[start + 3] == UInt8(ascii: "-") {
            var index = start + 4
            while index + 2 < end {
                if bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-") && bytes[index + 2] == UInt8(ascii: ">") {
                    return index + 3
                }
                index += 1
            }
            return nil
        }
        var index = start + 1
        if bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index < end, (bytes[index] | 0x20) >= 0x61, (bytes[index] | 0x20) <= 0x7A else { return nil }
        while index < end && (isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: "-")) && bytes[index] < 0x80 { index += 1 }
        guard index < end else { return nil }
        let next = bytes[index]
        guard next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || isSpace(next) else { return nil }
        var quote: UInt8?
        while index < end {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            } else if byte == UInt8(ascii: "<") {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// `<https://example.com>` or `<desk@example.com>`.
    private func autolink(at start: Int, end: Int) -> (Range<Int>, Int)? {
        var index = start + 1
        var sawColonOrAt = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                return sawColonOrAt && index > start + 1 ? (start + 1..<index, index + 1) : nil
            }
            if isSpace(byte) || byte == UInt8(ascii: "<") { return nil }
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@") { sawColonOrAt = true }
            index += 1
        }
        return nil
    }
}

/// Character references in Markdown, decoded while their source range is
/// kept. CommonMark takes them only with their semicolon ("AT&T" and
/// "&copy2024" stay text); the names and numbers are read by the HTML
/// reader's table.
package enum HTMLEntities {
    package static func decode(_ bytes: [UInt8], at start: Int, end: Int) -> ([UInt8], Int)? {
        var semicolon = start + 1
        let limit = min(end, start + 34)
        while semicolon < limit && bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        guard semicolon < limit, semicolon > start + 1,
              let found = HTMLCharacterReference.decode(bytes, at: start, end: semicolon + 1, context: .text),
              found.after == semicolon + 1 else { return nil }
        return (found.utf8, found.after)
    }
}
