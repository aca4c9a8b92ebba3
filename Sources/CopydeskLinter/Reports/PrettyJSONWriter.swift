/// JSON written the way `JSONEncoder` writes it with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes`, byte for byte, for the part
/// of a report that is written once per file: the encoder builds a tree of
/// boxed values for every finding, which made encoding a large share of a
/// run over an archive. Callers give keys in sorted (UTF-8 byte) order;
/// `PrettyJSONWriterTests` holds the output to the encoder's.
struct PrettyJSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth: Int
    /// For each open object or array: whether it has a member yet.
    private var hasMembers: [Bool] = []

    /// - Parameter depth: the indentation, in steps of two spaces, of the
    ///   value about to be written, which starts at the beginning of a line.
    init(depth: Int = 0) {
        self.depth = depth
        bytes.reserveCapacity(1024)
        indent()
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func beginObject() { open(0x7B) }
    mutating func endObject() { close(0x7D) }
    mutating func beginArray() { open(0x5B) }
    mutating func endArray() { close(0x5D) }

    /// Starts the next member of the open object; its value follows.
    mutating func key(_ key: StaticString) {
        nextMember()
        bytes.append(0x22)
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x20, 0x3A, 0x20])
    }

    /// Starts the next element of the open array; its value follows.
    mutating func element() { nextMember() }

    mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// As the encoder writes a finite Double: its shortest description,
    /// without a trailing `.0`.
    mutating func double(_ value: Double) {
        var description = value.description
        if description.hasSuffix(".0") { description.removeLast(2) }
        bytes.append(contentsOf: description.utf8)
    }

    mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                default:
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(0x22)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        hasMembers.append(false)
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        // An empty object or array is written with an empty line inside.
        if hasMembers.removeLast() == false { bytes.append(0x0A) }
        bytes.append(0x0A)
        indent()
        bytes.append(bracket)
    }

    private mutating func nextMember() {
        if hasMembers[hasMembers.count - 1] { bytes.append(0x2C) }
        hasMembers[hasMembers.count - 1] = true
        bytes.append(0x0A)
        indent()
    }

    private mutating func indent() {
        for _ in 0..<(depth * 2) { bytes.append(0x20) }
    }
}

extension JSONLintReport.File {
    /// The file's object as `ReportEncoding.item(self, indentedBy:)` writes
    /// it at `depth` (in steps of two spaces).
    func prettyJSON(depth: Int) -> String {
        var writer = PrettyJSONWriter(depth: depth)
        writer.beginObject()
        writer.key("findings")
        writer.beginArray()
        for finding in findings {
            writer.element()
            finding.write(to: &writer)
        }
        writer.endArray()
        writer.key("format")
        writer.string(format)
        writer.key("path")
        writer.string(path)
        writer.endObject()
        return writer.text
    }
}

extension JSONLintReport.Finding {
    fileprivate func write(to writer: inout PrettyJSONWriter) {
        writer.beginObject()
        writer.key("baselineState")
        if let baselineState { writer.string(baselineState) } else { writer.null() }
        if let confidence {
            writer.key("confidence")
            writer.double(confidence)
        }
        writer.key("fingerprint")
        writer.string(fingerprint)
        writer.key("message")
        writer.string(message)
        writer.key("range")
        range.write(to: &writer)
        writer.key("related")
        writer.beginArray()
        for item in related {
            writer.element()
            writer.beginObject()
            writer.key("message")
            writer.string(item.message)
            writer.key("range")
            item.range.write(to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.key("ruleId")
        writer.string(ruleId)
        writer.key("severity")
        writer.string(severity)
        if let suggestions {
            writer.key("suggestions")
            writer.beginArray()
            for suggestion in suggestions {
                writer.element()
                writer.string(suggestion)
            }
            writer.endArray()
        }
        writer.key("suppressed")
        if let suppressed {
            writer.beginObject()
            writer.key("directiveRange")
            if let range = suppressed.directiveRange { range.write(to: &writer) } else { writer.null() }
            writer.key("justification")
            if let justification = suppressed.justification { writer.string(justification) } else { writer.null() }
            writer.key("kind")
            writer.string(suppressed.kind)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.endObject()
    }
}

extension JSONLintReport.Range {
    fileprivate func write(to writer: inout PrettyJSONWriter) {
        writer.beginObject()
        writer.key("end")
        end.write(to: &writer)
        writer.key("start")
        start.write(to: &writer)
        writer.endObject()
    }
}

extension JSONLintReport.Position {
    fileprivate func write(to writer: inout PrettyJSONWriter) {
        writer.beginObject()
        writer.key("column")
        writer.int(column)
        writer.key("line")
        writer.int(line)
        writer.key("offset")
        writer.int(offset)
        writer.endObject()
    }
}
