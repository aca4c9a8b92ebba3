/// A place in a source file. Lines and columns are 1-based; columns count
/// Unicode scalars (what SARIF calls `unicodeCodePoints`), so a combining mark
/// or each scalar of an emoji sequence is a column of its own and a tab is one
/// column. `offset` is the 0-based UTF-8 byte offset into the file's bytes.
public struct SourcePosition: Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.offset < rhs.offset
    }
}

/// A half-open range of source: `end` is the position just after the last
/// byte that belongs to it.
public struct SourceRange: Hashable, Comparable, Sendable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = max(start, end)
    }

    public var byteRange: Range<Int> { start.offset..<end.offset }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        (lhs.start.offset, lhs.end.offset) < (rhs.start.offset, rhs.end.offset)
    }
}

/// The bytes of one input file with an index of its lines, so that any byte
/// offset a parser records can be turned into a line and column in O(log n).
///
/// Line breaks are LF, CRLF and a lone CR, as editors count them. A UTF-8 byte
/// order mark is not part of line 1: column 1 is the first scalar after it.
public final class SourceText: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts (after the BOM for line 1).
    public let lineStarts: [Int]
    /// Length in bytes of the BOM (0 or 3).
    public let bomLength: Int
    /// For every `columnStride`-byte boundary, the column (minus one) that
    /// boundary sits at on its line, so finding a column on a very long
    /// line (a minified HTML page is often one line of a megabyte) costs at
    /// most a stride of counting instead of a scan from the line start.
    private let boundaryColumns: [Int32]
    private static let columnStride = 1024

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        self.bomLength = bom
        var starts = [bom]
        starts.reserveCapacity(bytes.count / 40 + 1)
        var index = bom
        let count = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < count && buffer[index + 1] == 0x0A {
                        index += 1
                    }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        self.lineStarts = starts
        self.boundaryColumns = Self.boundaryColumns(bytes, lineStarts: starts)
    }

    /// Scalars counted from each boundary's line start; only lines longer
    /// than a stride are counted at all, so ordinary text pays one array.
    private static func boundaryColumns(_ bytes: [UInt8], lineStarts: [Int]) -> [Int32] {
        let stride = columnStride
        var columns = [Int32](repeating: 0, count: bytes.count / stride + 1)
        bytes.withUnsafeBufferPointer { buffer in
            for (index, start) in lineStarts.enumerated() {
                let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : buffer.count
                guard end - start > stride else { continue }
                var boundary = (start / stride + 1) * stride
                var position = start
                var column: Int32 = 0
                while boundary <= end && boundary / stride < columns.count {
                    while position < boundary {
                        if !UTF8Scalars.isContinuation(buffer[position]) { column += 1 }
                        position += 1
                    }
                    columns[boundary / stride] = column
                    boundary += stride
                }
            }
        }
        return columns
    }

    public convenience init(path: String, string: String) {
        self.init(path: path, bytes: Array(string.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// The 1-based line holding `offset` (an offset at a line break belongs to
    /// the line it ends).
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    public func position(at offset: Int) -> SourcePosition {
        let clamped = min(max(offset, bomLength), bytes.count)
        let line = line(containing: clamped)
        let lineStart = lineStarts[line - 1]
        var column = 1
        var index = lineStart
        let boundary = clamped / Self.columnStride * Self.columnStride
        if clamped - lineStart > Self.columnStride {
            column += Int(boundaryColumns[boundary / Self.columnStride])
            index = boundary
        }
        while index < clamped {
            // Count lead bytes only: continuation bytes (10xxxxxx) belong to
            // the scalar already counted.
            if !UTF8Scalars.isContinuation(bytes[index]) { column += 1 }
            index += 1
        }
        return SourcePosition(line: line, column: column, offset: clamped)
    }

    public func range(_ byteRange: Range<Int>) -> SourceRange {
        let start = position(at: byteRange.lowerBound)
        let end = byteRange.isEmpty ? start : position(at: byteRange.upperBound)
        return SourceRange(start: start, end: end)
    }

    /// The column of `position` counted in UTF-16 code units, for consumers
    /// (SARIF `utf16CodeUnits`, editors built on JavaScript) that count so.
    public func utf16Column(of position: SourcePosition) -> Int {
        let lineStart = lineStarts[position.line - 1]
        var column = 1
        var index = lineStart
        while index < position.offset && index < bytes.count {
            let byte = bytes[index]
            if !UTF8Scalars.isContinuation(byte) { column += byte >= 0xF0 ? 2 : 1 }
            index += 1
        }
        return column
    }

    /// Byte range of a line's content, without its line break.
    public func lineByteRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return start..<end
    }

    public func lineText(_ line: Int) -> String {
        string(lineByteRange(line))
    }

    public func string(_ byteRange: Range<Int>) -> String {
        let lower = min(max(byteRange.lowerBound, 0), bytes.count)
        let upper = min(max(byteRange.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
