/// Reads the HTML blocks that Markdown articles embed (`<figure>`,
/// `<figcaption>`, `<img>`, `<aside>`): their images with the ranges of the
/// alt and title attributes, and their text with tags removed and entities
/// decoded, mapped to the source.
struct HTMLFragmentReader {
    enum Element {
        case image(alt: Range<Int>?, title: Range<Int>?, src: String, whole: Range<Int>)
        /// Text of a container: `figcaption`, `aside`, `blockquote`, or `p` for any other.
        case text(kind: String, text: MappedText, whole: Range<Int>)
    }

    let bytes: [UInt8]
    let range: Range<Int>

    private var elements: [Element] = []
    private var text = MappedText()
    private var textStart: Int?
    private var containers: [String] = []

    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.range = range
    }

    private static let containerTags: Set<String> = ["figcaption", "aside", "blockquote", "p", "div", "li", "td", "th", "section", "article"]
    private static let skippedTags: Set<String> = ["script", "style", "noscript", "template", "svg"]

    mutating func read() -> [Element] {
        var index = range.lowerBound
        var runStart = index
        let end = range.upperBound
        func flushRun(_ reader: inout HTMLFragmentReader, _ upTo: Int) {
            if runStart < upTo {
                if reader.textStart == nil { reader.textStart = runStart }
                reader.text.appendVerbatim(runStart..<upTo, of: reader.bytes)
            }
        }
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (decoded, after) = HTMLCharacterReference.decode(bytes, at: index, end: end, context: .text) {
                flushRun(&self, index)
                if textStart == nil { textStart = index }
                text.appendReplacement(decoded, for: index..<after)
                index = after
                runStart = index
                continue
            }
            guard byte == UInt8(ascii: "<") else { index += 1; continue }
            if bytes[index..<end].starts(with: "<!--".utf8) {
                flushRun(&self, index)
                var close = index + 4
                while close + 2 < end && !(bytes[close] == UInt8(ascii: "-") && bytes[close + 1] == UInt8(ascii: "-") && bytes[close + 2] == UInt8(ascii: ">")) { close += 1 }
                index = min(end, close + 3)
                runStart = index
                continue
            }
            guard let tag = readTag(at: index, end: end) else { index += 1; continue }
            flushRun(&self, index)
            switch tag.name {
            case "img":
                emitImage(tag)
            case "br":
                if textStart != nil { text.appendReplacement([0x0A], for: tag.range) }
            default:
                if Self.skippedTags.contains(tag.name) && !tag.isClosing {
                    index = skipElement(named: tag.name, from: tag.range.upperBound, end: end)
                    runStart = index
                    continue
                }
                if Self.containerTags.contains(tag.name) {
                    flushText()
                    if tag.isClosing {
                        if let last = containers.lastIndex(of: tag.name) { containers.removeSubrange(last...) }
                    } else if !tag.isSelfClosing {
                        containers.append(tag.name)
                    }
                } else if textStart != nil, let last = text.utf8.last, last != 0x20 {
                    // Inline tags separate nothing; other tags (td, span) may separate words.
                    if tag.name != "a" && tag.name != "em" && tag.name != "strong" && tag.name != "i" && tag.name != "b" && tag.name != "span" {
                        text.appendReplacement([0x20], for: tag.range)
                    }
                }
            }
            index = tag.range.upperBound
            runStart = index
        }
        flushRun(&self, end)
        flushText()
        return elements
    }

    private mutating func flushText() {
        defer { text = MappedText(); textStart = nil }
        var trimmed = text
        trimmed.trimLeadingWhitespace()
        trimmed.trimTrailingWhitespace()
        guard !trimmed.isEmpty, !trimmed.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else { return }
        let source = trimmed.sourceRange(0..<trimmed.count)
        let kind = containers.last.map { Self.containerTags.contains($0) && ["figcaption", "aside", "blockquote"].contains($0) ? $0 : "p" } ?? "p"
        elements.append(.text(kind: kind, text: trimmed, whole: source))
    }

    private mutating func emitImage(_ tag: Tag) {
        let src = tag.attributes["src"].map { String(decoding: bytes[$0], as: UTF8.self) } ?? ""
        elements.append(.image(alt: tag.attributes["alt"], title: tag.attributes["title"], src: src, whole: tag.range))
    }

    struct Tag {
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        var range: Range<Int>
        /// Attribute name → value range (inside the quotes).
        var attributes: [String: Range<Int>]
    }

    /// Reads `<name attr="value" …>` at `start`; nil when the `<` does not
    /// open a tag.
    func readTag(at start: Int, end: Int) -> Tag? {
        var index = start + 1
        var closing = false
        if index < end && bytes[index] == UInt8(ascii: "/") { closing = true; index += 1 }
        let nameStart = index
        while index < end, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart, (bytes[nameStart] | 0x20) >= 0x61, (bytes[nameStart] | 0x20) <= 0x7A else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [String: Range<Int>] = [:]
        var selfClosing = false
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                return Tag(name: name, isClosing: closing, isSelfClosing: selfClosing, range: start..<index + 1, attributes: attributes)
            }
            if byte == UInt8(ascii: "/") { selfClosing = true; index += 1; continue }
            if isSpace(byte) { index += 1; continue }
            let attributeStart = index
            while index < end, isNameByte(bytes[index]) || bytes[index] == UInt8(ascii: ":") { index += 1 }
            guard index > attributeStart else { index += 1; continue }
            let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            while index < end && isSpace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < end && isSpace(bytes[index]) { index += 1 }
            guard index < end else { break }
            if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                let valueStart = index + 1
                index = valueStart
                while index < end && bytes[index] != quote { index += 1 }
                attributes[attribute] = valueStart..<index
                index = min(end, index + 1)
            } else {
                let valueStart = index
                while index < end && !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: ">") { index += 1 }
                attributes[attribute] = valueStart..<index
            }
            selfClosing = false
        }
        return nil
    }

    private func skipElement(named name: String, from start: Int, end: Int) -> Int {
        let closing = Array("</\(name)".utf8)
        var index = start
        while index + closing.count <= end {
            if bytes[index] == UInt8(ascii: "<"), bytes[index..<index + closing.count].elementsEqual(closing, by: { ($0 | 0x20) == ($1 | 0x20) }) {
                while index < end && bytes[index] != UInt8(ascii: ">") { index += 1 }
                return min(end, index + 1)
            }
            index += 1
        }
        return end
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// An attribute value's text, entities decoded as the HTML reader decodes them.
    static func text(of range: Range<Int>, in bytes: [UInt8]) -> MappedText {
        HTMLBlockReader.attributeText(range, in: bytes)
    }
}
