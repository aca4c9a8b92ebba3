/// The visible text of a block (markup removed, entities decoded) together
/// with where each byte of it came from in the source. Parsers build it piece
/// by piece as they read, so a rule that finds something at a text offset gets
/// its exact source position without ever searching the source again.
public struct MappedText: Sendable, Hashable {
    /// One run of text. A verbatim run was copied unchanged and maps byte for
    /// byte; a replacement (an entity, an escape, a joined line break) stands
    /// for its source run as a whole.
    public struct Piece: Sendable, Hashable {
        public var textStart: Int
        public var textLength: Int
        public var sourceStart: Int
        public var sourceLength: Int
        public var isVerbatim: Bool
    }

    public private(set) var utf8: [UInt8] = []
    public private(set) var pieces: [Piece] = []

    public init() {}

    /// Text copied unchanged from `source[range]`.
    public init(verbatim range: Range<Int>, of source: [UInt8]) {
        appendVerbatim(range, of: source)
    }

    public var text: String { String(decoding: utf8, as: UTF8.self) }
    public var isEmpty: Bool { utf8.isEmpty }
    public var count: Int { utf8.count }

    public mutating func appendVerbatim(_ range: Range<Int>, of source: [UInt8]) {
        guard !range.isEmpty else { return }
        let textStart = utf8.count
        utf8.append(contentsOf: source[range])
        if var last = pieces.last, last.isVerbatim,
           last.textStart + last.textLength == textStart,
           last.sourceStart + last.sourceLength == range.lowerBound {
            last.textLength += range.count
            last.sourceLength += range.count
            pieces[pieces.count - 1] = last
        } else {
            pieces.append(Piece(textStart: textStart, textLength: range.count,
                                sourceStart: range.lowerBound, sourceLength: range.count, isVerbatim: true))
        }
    }

    /// Text that stands for `sourceRange` without being a copy of it.
    public mutating func appendReplacement(_ bytes: some Collection<UInt8>, for sourceRange: Range<Int>) {
        let textStart = utf8.count
        utf8.append(contentsOf: bytes)
        pieces.append(Piece(textStart: textStart, textLength: utf8.count - textStart,
                            sourceStart: sourceRange.lowerBound, sourceLength: sourceRange.count, isVerbatim: false))
    }

    /// Drops trailing ASCII whitespace from the text.
    public mutating func trimTrailingWhitespace() {
        while let last = utf8.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D {
            utf8.removeLast()
        }
        while let piece = pieces.last, piece.textStart >= utf8.count {
            pieces.removeLast()
        }
        if var piece = pieces.last, piece.textStart + piece.textLength > utf8.count {
            let cut = piece.textStart + piece.textLength - utf8.count
            piece.textLength -= cut
            if piece.isVerbatim { piece.sourceLength -= cut }
            pieces[pieces.count - 1] = piece
        }
    }

    /// The source byte offset of a text offset. An offset inside a
    /// replacement maps to the replacement's start, or to its end when `isEnd`.
    public func sourceOffset(_ textOffset: Int, isEnd: Bool = false) -> Int {
        guard !pieces.isEmpty else { return 0 }
        var low = 0
        var high = pieces.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if pieces[mid].textStart <= textOffset { low = mid } else { high = mid - 1 }
        }
        // An end offset exactly at a piece start belongs to the previous
        // piece's end, so a range never swallows the markup between pieces.
        if isEnd && low > 0 && textOffset == pieces[low].textStart {
            let previous = pieces[low - 1]
            return previous.sourceStart + previous.sourceLength
        }
        let piece = pieces[low]
        let delta = textOffset - piece.textStart
        if piece.isVerbatim {
            return piece.sourceStart + min(max(delta, 0), piece.sourceLength)
        }
        if delta <= 0 { return piece.sourceStart }
        if delta >= piece.textLength || isEnd { return piece.sourceStart + piece.sourceLength }
        return piece.sourceStart
    }

    /// Source byte range of a text byte range.
    public func sourceRange(_ textRange: Range<Int>) -> Range<Int> {
        let start = sourceOffset(textRange.lowerBound)
        let end = textRange.isEmpty ? start : sourceOffset(textRange.upperBound, isEnd: true)
        return start..<max(start, end)
    }

    public func string(_ textRange: Range<Int>) -> String {
        let lower = min(max(0, textRange.lowerBound), utf8.count)
        let upper = min(max(lower, textRange.upperBound), utf8.count)
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }
}

extension MappedText {
    /// Appends `other`'s text in `range`, keeping its mapping to the source:
    /// how one mapped text is built from another (inline markup removed
    /// from a block's raw lines).
    public mutating func append(_ range: Range<Int>, of other: MappedText) {
        guard !range.isEmpty, !other.pieces.isEmpty else { return }
        var low = 0
        var high = other.pieces.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if other.pieces[mid].textStart <= range.lowerBound { low = mid } else { high = mid - 1 }
        }
        var index = low
        while index < other.pieces.count {
            let piece = other.pieces[index]
            let pieceEnd = piece.textStart + piece.textLength
            if piece.textStart >= range.upperBound { break }
            let lower = max(range.lowerBound, piece.textStart)
            let upper = min(range.upperBound, pieceEnd)
            if lower < upper {
                if piece.isVerbatim {
                    let sourceLower = piece.sourceStart + (lower - piece.textStart)
                    appendRun(other.utf8[lower..<upper], sourceStart: sourceLower, sourceLength: upper - lower, verbatim: true)
                } else {
                    appendRun(other.utf8[lower..<upper], sourceStart: piece.sourceStart,
                              sourceLength: piece.sourceLength, verbatim: false)
                }
            }
            index += 1
        }
    }

    private mutating func appendRun(_ bytes: ArraySlice<UInt8>, sourceStart: Int, sourceLength: Int, verbatim: Bool) {
        let textStart = utf8.count
        utf8.append(contentsOf: bytes)
        if verbatim, var last = pieces.last, last.isVerbatim,
           last.textStart + last.textLength == textStart, last.sourceStart + last.sourceLength == sourceStart {
            last.textLength += bytes.count
            last.sourceLength += sourceLength
            pieces[pieces.count - 1] = last
        } else {
            pieces.append(Piece(textStart: textStart, textLength: bytes.count, sourceStart: sourceStart,
                                sourceLength: sourceLength, isVerbatim: verbatim))
        }
    }

    /// Drops leading ASCII white space.
    public mutating func trimLeadingWhitespace() {
        var cut = 0
        while cut < utf8.count, utf8[cut] == 0x20 || utf8[cut] == 0x09 || utf8[cut] == 0x0A || utf8[cut] == 0x0D { cut += 1 }
        guard cut > 0 else { return }
        var rebuilt = MappedText()
        rebuilt.append(cut..<utf8.count, of: self)
        self = rebuilt
    }
}
