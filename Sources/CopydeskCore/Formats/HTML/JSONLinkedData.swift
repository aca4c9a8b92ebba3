/// A JSON value read from a page's JSON-LD with the source range of every
/// string, so that a name found in `"author": {"name": "…"}` points at its
/// place in the HTML.
indirect enum JSONSourceValue {
    case object([(key: String, value: JSONSourceValue)])
    case array([JSONSourceValue])
    /// The range between the quotes, escapes still encoded.
    case string(Range<Int>)
    case scalar

    subscript(key: String) -> JSONSourceValue? {
        if case .object(let members) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    var members: [(key: String, value: JSONSourceValue)] {
        if case .object(let members) = self { return members }
        return []
    }

    /// The value, or each element of an array.
    var elements: [JSONSourceValue] {
        if case .array(let items) = self { return items }
        return [self]
    }
}

/// A lenient JSON reader for the JSON-LD blocks of real pages: it reads the
/// values one after another (some pages put several objects in one script),
/// skips the `<!--` and `//<![CDATA[` wrappers CMSes add, tolerates trailing
/// commas, and gives up on a block rather than guess when it is broken.
/// Nesting deeper than `depthLimit` is refused so that no input can
/// exhaust the stack.
struct JSONSourceReader {
    let bytes: [UInt8]
    private var index: Int
    private let end: Int
    static let depthLimit = 64

    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.index = range.lowerBound
        self.end = range.upperBound
    }

    /// Every top-level value that reads cleanly.
    mutating func readAll() -> [JSONSourceValue] {
        var values: [JSONSourceValue] = []
        while true {
            skipJunk()
            guard index < end else { break }
            guard let value = readValue(depth: 0) else { break }
            values.append(value)
        }
        return values
    }

    private mutating func skipJunk() {
        while index < end {
            skipSpace()
            guard index < end else { return }
            let byte = bytes[index]
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { return }
            if byte == UInt8(ascii: "/") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "/") {
                while index < end && bytes[index] != 0x0A { index += 1 }
                continue
            }
            if byte == UInt8(ascii: "/") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < end && !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) { index += 1 }
                index = min(end, index + 2)
                continue
            }
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "!") {
                index += 1
                continue
            }
            // Anything else (a stray word) ends what can be read.
            index = end
        }
    }

    private mutating func skipSpace() {
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 || bytes[index] == 0x0D {
            index += 1
        }
    }

    private mutating func readValue(depth: Int) -> JSONSourceValue? {
        guard depth < Self.depthLimit else { return nil }
        skipSpace()
        guard index < end else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [(key: String, value: JSONSourceValue)] = []
            while true {
                skipSpace()
                guard index < end else { return nil }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard bytes[index] == UInt8(ascii: "\""), let keyRange = readString() else { return nil }
                skipSpace()
                guard index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let value = readValue(depth: depth + 1) else { return nil }
                members.append((JSONSourceText.decode(keyRange, in: bytes).text, value))
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONSourceValue] = []
            while true {
                skipSpace()
                guard index < end else { return nil }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                guard let value = readValue(depth: depth + 1) else { return nil }
                items.append(value)
            }
        case UInt8(ascii: "\""):
            return readString().map { .string($0) }
        default:
            // Numbers, true, false, null: their text is never needed.
            let start = index
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
                    || byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { break }
                index += 1
            }
            return index > start ? .scalar : nil
        }
    }

    /// Reads a string at the opening quote; returns the range between the quotes.
    private mutating func readString() -> Range<Int>? {
        let start = index + 1
        index = start
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<index - 1
            }
            index += 1
        }
        return nil
    }
}

/// The text of a JSON string, escapes and HTML character references
/// decoded (CMSes often encode both), mapped to the source.
enum JSONSourceText {
    static func decode(_ range: Range<Int>, in bytes: [UInt8]) -> MappedText {
        var text = MappedText()
        var index = range.lowerBound
        var runStart = index
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end {
                text.appendVerbatim(runStart..<index, of: bytes)
                let (decoded, after) = escape(at: index, end: end, in: bytes)
                if !decoded.isEmpty { text.appendReplacement(decoded, for: index..<after) }
                index = after
                runStart = index
            } else if byte == UInt8(ascii: "&"),
                      let (decoded, after) = HTMLCharacterReference.decode(bytes, at: index, end: end, context: .text) {
                text.appendVerbatim(runStart..<index, of: bytes)
                text.appendReplacement(decoded, for: index..<after)
                index = after
                runStart = index
            } else {
                index += 1
            }
        }
        text.appendVerbatim(runStart..<end, of: bytes)
        return text
    }

    private static func escape(at start: Int, end: Int, in bytes: [UInt8]) -> ([UInt8], Int) {
        let code = bytes[start + 1]
        switch code {
        case UInt8(ascii: "n"): return ([0x0A], start + 2)
        case UInt8(ascii: "t"): return ([0x09], start + 2)
        case UInt8(ascii: "r"): return ([0x0D], start + 2)
        case UInt8(ascii: "b"), UInt8(ascii: "f"): return ([0x20], start + 2)
        case UInt8(ascii: "u"):
            guard let high = hex4(at: start + 2, end: end, in: bytes) else { return ([code], start + 2) }
            var after = start + 6
            var value = high
            if (0xD800...0xDBFF).contains(high), after + 1 < end, bytes[after] == UInt8(ascii: "\\"),
               bytes[after + 1] == UInt8(ascii: "u"), let low = hex4(at: after + 2, end: end, in: bytes),
               (0xDC00...0xDFFF).contains(low) {
                value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                after += 6
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            return (Array(String(scalar).utf8), after)
        default:
            // \" \\ \/ and anything a lenient writer escaped needlessly;
            // before a multibyte character only the backslash goes.
            return code < 0x80 ? ([code], start + 2) : ([], start + 1)
        }
    }

    private static func hex4(at start: Int, end: Int, in bytes: [UInt8]) -> UInt32? {
        guard start + 4 <= end else { return nil }
        var value: UInt32 = 0
        for byte in bytes[start..<start + 4] {
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
