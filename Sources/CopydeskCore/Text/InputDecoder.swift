/// Why a file could not be read as an article.
package enum InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Bytes that are not UTF-8, at a byte offset (and its line and column).
    case invalidUTF8(offset: Int, line: Int, column: Int)
    /// A NUL byte: an image, a PDF, a word-processor file.
    case binary
    case unreadable(String)
    /// UTF-16 text (it starts with a byte order mark) with an unpaired
    /// surrogate or an odd number of bytes, at a byte offset.
    case invalidUTF16(offset: Int)

    package var description: String {
        switch self {
        case .invalidUTF8(let offset, let line, let column):
            return "invalid UTF-8 at byte offset \(offset) (line \(line), column \(column)); "
                + "save the file as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8`)"
        case .binary:
            return "binary file (it contains NUL bytes), not linted; lint text, Markdown or HTML files only"
        case .unreadable(let reason):
            return reason
        case .invalidUTF16(let offset):
            return "invalid UTF-16 at byte offset \(offset) (the file starts with a UTF-16 byte order mark); "
                + "save the file as UTF-8 (for example `iconv -f UTF-16 -t UTF-8`)"
        }
    }
}

package enum InputDecoder {
    package enum UTF16ByteOrder: Sendable { case littleEndian, bigEndian }

    /// The byte order a UTF-16 byte order mark at the start announces.
    package static func utf16ByteOrder(_ bytes: [UInt8]) -> UTF16ByteOrder? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return .littleEndian }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return .bigEndian }
        return nil
    }

    /// UTF-16 `bytes` (after a byte order mark) as UTF-8, without the mark.
    package static func transcodeUTF16(_ bytes: [UInt8], order: UTF16ByteOrder) throws(InputError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 2
        func unit(at offset: Int) -> UInt16 {
            order == .littleEndian ? UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
                : UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
        }
        while index < bytes.count {
            guard index + 1 < bytes.count else { throw .invalidUTF16(offset: index) }
            let first = unit(at: index)
            var value = UInt32(first)
            var length = 2
            if (0xD800...0xDBFF).contains(first) {
                guard index + 3 < bytes.count else { throw .invalidUTF16(offset: index) }
                let second = unit(at: index + 2)
                guard (0xDC00...0xDFFF).contains(second) else { throw .invalidUTF16(offset: index) }
                value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
                length = 4
            } else if (0xDC00...0xDFFF).contains(first) {
                throw .invalidUTF16(offset: index)
            }
            guard let scalar = Unicode.Scalar(value) else { throw .invalidUTF16(offset: index) }
            output.append(contentsOf: String(scalar).utf8)
            index += length
        }
        return output
    }

    /// Checks that `bytes` are UTF-8 text and wraps them. UTF-8 is never
    /// altered; UTF-16 with a byte order mark is converted to UTF-8 (so
    /// byte offsets in findings are offsets in the UTF-8 text).
    package static func decode(path: String, bytes: [UInt8]) throws(InputError) -> SourceText {
        if let order = utf16ByteOrder(bytes) {
            return try decode(path: path, bytes: transcodeUTF16(bytes, order: order))
        }
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
    /// included), or nil when all of `bytes` is valid: the rules of
    /// `UTF8Scalars`, which every parser reads text with.
    package static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var index = 0
            while index < count {
                if buffer[index] < 0x80 { index += 1; continue }
                let length = UTF8Scalars.validLength(buffer, at: index, end: count)
                if length == 0 { return index }
                index += length
            }
            return nil
        }
    }
}
