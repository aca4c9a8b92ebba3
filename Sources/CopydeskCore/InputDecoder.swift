/// Why a file could not be read as an article.
public enum InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Bytes that are not UTF-8, at a byte offset (and its line and column).
    case invalidUTF8(offset: Int, line: Int, column: Int)
    /// A NUL byte: an image, a PDF, a word-processor file.
    case binary
    case unreadable(String)

    public var description: String {
        switch self {
        case .invalidUTF8(let offset, let line, let column):
            return "invalid UTF-8 at byte offset \(offset) (line \(line), column \(column)); "
                + "save the file as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8`)"
        case .binary:
            return "binary file (it contains NUL bytes), skipped"
        case .unreadable(let reason):
            return reason
        }
    }
}

public enum InputDecoder {
    /// Checks that `bytes` are UTF-8 text and wraps them. Never alters them.
    public static func decode(path: String, bytes: [UInt8]) throws(InputError) -> SourceText {
        if bytes.prefix(8192).contains(0) { throw .binary }
        if let offset = firstInvalidUTF8Offset(bytes) {
            let source = SourceText(path: path, bytes: Array(bytes[..<offset]))
            let position = source.position(at: offset)
            throw .invalidUTF8(offset: offset, line: position.line, column: position.column)
        }
        return SourceText(path: path, bytes: bytes)
    }

    /// The offset of the first byte that does not start or continue a valid
    /// UTF-8 sequence (overlong forms, surrogates and values past U+10FFFF
    /// included), or nil when all of `bytes` is valid.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var index = 0
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 { index += 1; continue }
                let length: Int
                var lowest: UInt8 = 0x80
                var highest: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lowest = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; highest = 0x9F
                case 0xF0: length = 4; lowest = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; highest = 0x8F
                default: return index
                }
                if index + length > count { return index }
                let second = buffer[index + 1]
                if second < lowest || second > highest { return index }
                var continuation = 2
                while continuation < length {
                    if buffer[index + continuation] & 0xC0 != 0x80 { return index }
                    continuation += 1
                }
                index += length
            }
            return nil
        }
    }
}
