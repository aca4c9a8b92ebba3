/// The character encoding a page declares, for telling its author how to
/// convert a page that is not UTF-8. copydesk reads every page as UTF-8;
/// the declaration only names the encoding the bytes are probably in.
package enum HTMLCharset {
    /// The `charset` of `<meta charset="…">` or of `<meta http-equiv
    /// content="text/html; charset=…">` within the first 4 KB, as written.
    package static func declared(in bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(4096))
        guard let match = matcher.firstMatch(in: head) else { return nil }
        var index = match.range.upperBound
        while index < head.count, head[index] == 0x20 || head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") {
            index += 1
        }
        let start = index
        while index < head.count, isNameByte(head[index]) { index += 1 }
        guard index > start else { return nil }
        return String(decoding: head[start..<index], as: UTF8.self)
    }

    private static let matcher = PhraseMatcher(["charset="])

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }
}
