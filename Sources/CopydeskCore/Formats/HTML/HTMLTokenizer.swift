#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits an HTML page into tags, text, comments and raw text, reading the
/// UTF-8 bytes once from start to end and recording byte ranges only: it
/// never copies text and never builds a tree. It follows the HTML
/// tokenizer where that changes what text a page shows (raw-text elements,
/// comments and their odd endings, attribute quoting, stray `<`), and is
/// linear on any input: every branch moves forward, and a construct that is
/// never finished (a comment, a tag, a quote) ends at the end of the file.
struct HTMLTokenizer {
    enum Token: Equatable {
        /// Text between tags, character references still encoded.
        case text(Range<Int>)
        /// A start tag: its name, attributes and range are in `tag`.
        case startTag
        /// An end tag: its name and range are in `tag`.
        case endTag
        case comment(body: Range<Int>, whole: Range<Int>)
        /// The contents of `script`, `style`, `title`, `textarea` and the
        /// other elements whose text is not markup; `tag` still names the
        /// element.
        case rawText(Range<Int>)
        /// A doctype, processing instruction or CDATA section: nothing a
        /// reader sees.
        case markup(Range<Int>)
    }

    struct Attribute {
        var name: Range<Int>
        /// Inside the quotes; empty, at the end of the name, when the
        /// attribute has no value.
        var value: Range<Int>
    }

    struct Tag {
        /// Lowercased.
        var name: String = ""
        var range: Range<Int> = 0..<0
        var attributes: [Attribute] = []
        var isSelfClosing = false
    }

    let bytes: [UInt8]
    private(set) var position: Int
    private(set) var tag = Tag()
    /// A comment that runs to the end of the file, for a diagnostic.
    private(set) var unclosedComment: Range<Int>?
    private var rawTextElement: [UInt8]?

    /// A tag keeps its first attributes only: a page that gives one element
    /// thousands of them gains nothing from the rest.
    static let attributeLimit = 128

    static let rawTextElements: Set<String> = [
        "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    ]

    init(bytes: [UInt8], start: Int = 0) {
        self.bytes = bytes
        self.position = start
        tag.attributes.reserveCapacity(16)
    }

    mutating func next() -> Token? {
        let end = bytes.count
        guard position < end else { return nil }
        if let element = rawTextElement {
            rawTextElement = nil
            let start = position
            position = rawTextEnd(for: element, from: start)
            return .rawText(start..<position)
        }
        let start = position
        if bytes[start] == UInt8(ascii: "<"), let token = markupToken(at: start) {
            return token
        }
        // Text runs to the next `<` that opens something; a `<` that opens
        // nothing (`a < b`) is text.
        var index = start + 1
        while true {
            index = nextLessThan(from: index)
            if index >= end || opensMarkup(at: index) { break }
            index += 1
        }
        position = index
        return .text(start..<index)
    }

    // MARK: Markup

    private func opensMarkup(at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        return isASCIILetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
    }

    private mutating func markupToken(at start: Int) -> Token? {
        let end = bytes.count
        guard start + 1 < end else { return nil }
        let next = bytes[start + 1]
        if next == UInt8(ascii: "!") {
            if matches("<!--", at: start) { return comment(at: start) }
            if matches("<![CDATA[", at: start) {
                let close = find("]]>", from: start + 9)
                position = close.map { $0 + 3 } ?? end
                return .markup(start..<position)
            }
            return bogusComment(at: start)
        }
        if next == UInt8(ascii: "?") { return bogusComment(at: start) }
        if next == UInt8(ascii: "/") {
            guard start + 2 < end else { return nil }
            let first = bytes[start + 2]
            if first == UInt8(ascii: ">") {
                // `</>` is dropped altogether.
                position = start + 3
                return .markup(start..<position)
            }
            guard isASCIILetter(first) else { return bogusComment(at: start) }
            return readTag(at: start, nameStart: start + 2) ? .endTag : .markup(start..<position)
        }
        guard isASCIILetter(next) else { return nil }
        guard readTag(at: start, nameStart: start + 1) else { return .markup(start..<position) }
        if Self.rawTextElements.contains(tag.name) { rawTextElement = Array(tag.name.utf8) }
        return .startTag
    }

    /// `<!-- … -->`, closed also by `--!>`; `<!-->` and `<!--->` are empty
    /// comments. An unclosed comment hides the rest of the page, as in a
    /// browser.
    private mutating func comment(at start: Int) -> Token {
        let end = bytes.count
        let bodyStart = start + 4
        if matches(">", at: bodyStart) {
            position = bodyStart + 1
            return .comment(body: bodyStart..<bodyStart, whole: start..<position)
        }
        if matches("->", at: bodyStart) {
            position = bodyStart + 2
            return .comment(body: bodyStart..<bodyStart, whole: start..<position)
        }
        var index = bodyStart
        while true {
            index = nextByte(UInt8(ascii: "-"), from: index)
            if index >= end { break }
            if matches("-->", at: index) {
                position = index + 3
                return .comment(body: bodyStart..<index, whole: start..<position)
            }
            if matches("--!>", at: index) {
                position = index + 4
                return .comment(body: bodyStart..<index, whole: start..<position)
            }
            index += 1
        }
        unclosedComment = start..<end
        position = end
        return .comment(body: bodyStart..<end, whole: start..<end)
    }

    private mutating func bogusComment(at start: Int) -> Token {
        let close = nextByte(UInt8(ascii: ">"), from: start + 2)
        position = min(bytes.count, close + 1)
        return .markup(start..<position)
    }

    /// Reads a start or end tag into `tag`. False when the file ends inside
    /// it: the unfinished tag is dropped, as browsers drop it.
    private mutating func readTag(at start: Int, nameStart: Int) -> Bool {
        let end = bytes.count
        var index = nameStart
        while index < end, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">") {
            index += 1
        }
        tag.name = lowercasedName(nameStart..<index)
        tag.attributes.removeAll(keepingCapacity: true)
        tag.isSelfClosing = false
        while index < end {
            let byte = bytes[index]
            if isSpace(byte) { index += 1; continue }
            if byte == UInt8(ascii: ">") {
                tag.range = start..<index + 1
                position = index + 1
                return true
            }
            if byte == UInt8(ascii: "/") {
                index += 1
                if index < end && bytes[index] == UInt8(ascii: ">") { tag.isSelfClosing = true }
                continue
            }
            // An attribute name may start with `=`; after that `=` ends it.
            let nameStart = index
            index += 1
            while index < end {
                let current = bytes[index]
                if isSpace(current) || current == UInt8(ascii: "/") || current == UInt8(ascii: ">") || current == UInt8(ascii: "=") { break }
                index += 1
            }
            let name = nameStart..<index
            while index < end && isSpace(bytes[index]) { index += 1 }
            var value = index..<index
            if index < end && bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < end && isSpace(bytes[index]) { index += 1 }
                guard index < end else { break }
                let quote = bytes[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let close = nextByte(quote, from: index + 1)
                    guard close < end else { break }
                    value = index + 1..<close
                    index = close + 1
                } else {
                    let valueStart = index
                    while index < end && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = valueStart..<index
                }
            } else {
                value = name.upperBound..<name.upperBound
            }
            if tag.attributes.count < Self.attributeLimit {
                tag.attributes.append(Attribute(name: name, value: value))
            }
        }
        position = end
        return false
    }

    /// Where the raw text of `element` ends: at `</element` followed by
    /// white space, `/` or `>`, or at the end of the file.
    private func rawTextEnd(for element: [UInt8], from start: Int) -> Int {
        let end = bytes.count
        if element == Array("plaintext".utf8) { return end }
        var index = start
        while true {
            index = nextLessThan(from: index)
            if index >= end { return end }
            let nameEnd = index + 2 + element.count
            if nameEnd <= end, bytes[index + 1] == UInt8(ascii: "/"),
               zip(bytes[(index + 2)..<nameEnd], element).allSatisfy({ ($0 | 0x20) == $1 }),
               nameEnd == end || isSpace(bytes[nameEnd]) || bytes[nameEnd] == UInt8(ascii: "/") || bytes[nameEnd] == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
    }

    // MARK: Attributes

    /// The value range of the first attribute called `name` (lowercase
    /// ASCII) on the current tag.
    func attribute(_ name: StaticString) -> Range<Int>? {
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for attribute in tag.attributes where attribute.name.count == wanted.count {
            var index = 0
            var same = true
            for position in attribute.name {
                if Self.lowercase(bytes[position]) != wanted[index] { same = false; break }
                index += 1
            }
            if same { return attribute.value }
        }
        return nil
    }

    /// Whether the current tag's attribute `name` equals `value`, ignoring
    /// ASCII case and surrounding white space.
    func attribute(_ name: StaticString, is value: String) -> Bool {
        guard let range = attribute(name) else { return false }
        return equalsIgnoringCase(trimmed(range), value)
    }

    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && isSpace(bytes[lower]) { lower += 1 }
        while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    func equalsIgnoringCase(_ range: Range<Int>, _ value: String) -> Bool {
        guard range.count == value.utf8.count else { return false }
        return zip(bytes[range], value.utf8).allSatisfy { Self.lowercase($0) == Self.lowercase($1) }
    }

    // MARK: Bytes

    @inline(__always)
    static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inline(__always)
    func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    @inline(__always)
    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    private func lowercasedName(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            var index = 0
            for position in range {
                buffer[index] = Self.lowercase(bytes[position])
                index += 1
            }
            return range.count
        }
    }

    private func matches(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = UnsafeBufferPointer(start: text.utf8Start, count: count)
        for offset in 0..<count where Self.lowercase(bytes[index + offset]) != Self.lowercase(pattern[offset]) {
            return false
        }
        return true
    }

    private func find(_ text: StaticString, from start: Int) -> Int? {
        let first = text.utf8Start.pointee
        var index = start
        while true {
            index = nextByte(first, from: index)
            if index >= bytes.count { return nil }
            if matches(text, at: index) { return index }
            index += 1
        }
    }

    private func nextLessThan(from start: Int) -> Int {
        nextByte(UInt8(ascii: "<"), from: start)
    }

    /// The offset of the next `byte` at or after `start`, or the end of the
    /// file: `memchr`, the fastest scan the platform has.
    private func nextByte(_ byte: UInt8, from start: Int) -> Int {
        guard start < bytes.count else { return bytes.count }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                  let found = memchr(base + start, Int32(byte), buffer.count - start) else { return buffer.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
