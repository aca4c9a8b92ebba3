import Testing
@testable import CopydeskCore

/// Positions are the product: every one of these is a way real files have
/// broken column numbers in other linters.
struct SourceTextTests {
    /// The position of the first occurrence of `needle`, found here only to
    /// check what the line index computes.
    private func position(of needle: String, in text: String) -> SourcePosition {
        let source = SourceText(path: "t", string: text)
        let bytes = Array(text.utf8)
        let target = Array(needle.utf8)
        let offset = (0...(bytes.count - target.count)).first { bytes[$0..<$0 + target.count].elementsEqual(target) }!
        return source.position(at: offset)
    }

    @Test(arguments: [
        ("LF", "one\ntwo\nthree X", 3, 7),
        ("CRLF", "one\r\ntwo\r\nthree X", 3, 7),
        ("lone CR", "one\rtwo\rthree X", 3, 7),
        ("mixed", "one\r\ntwo\rthree\nfour X", 4, 6),
        ("BOM", "\u{FEFF}first X", 1, 7),
        ("tab", "\tX", 1, 2),
        ("combining mark", "cafe\u{301} X", 1, 7),
        ("emoji", "👍🏽 X", 1, 4),
        ("ZWJ emoji", "👩‍👩‍👧 X", 1, 7),
        ("CJK", "東京 X", 1, 4),
    ])
    func columnsCountUnicodeScalars(name: String, text: String, line: Int, column: Int) {
        let found = position(of: "X", in: text)
        #expect(found.line == line, "\(name)")
        #expect(found.column == column, "\(name)")
    }

    @Test func utf16ColumnsCountSurrogatePairsTwice() {
        let text = "😀 X"
        let source = SourceText(path: "t", string: text)
        let position = source.position(at: 5)
        #expect(position.column == 3)
        #expect(source.utf16Column(of: position) == 4)
    }

    @Test func crlfAndLfGiveTheSameLinesAndColumns() {
        let lines = ["Headline", "", "“Quote,” she said.", "", "Más texto ✓ X"]
        let lf = SourceText(path: "a", string: lines.joined(separator: "\n"))
        let crlf = SourceText(path: "b", string: lines.joined(separator: "\r\n"))
        #expect(lf.lineCount == crlf.lineCount)
        for line in 1...lf.lineCount {
            #expect(lf.lineText(line) == crlf.lineText(line))
        }
        let lfX = lf.position(at: lf.lineByteRange(5).upperBound - 1)
        let crlfX = crlf.position(at: crlf.lineByteRange(5).upperBound - 1)
        #expect((lfX.line, lfX.column) == (crlfX.line, crlfX.column))
    }

    @Test func bomIsNotPartOfLineOne() {
        let source = SourceText(path: "t", string: "\u{FEFF}Title")
        #expect(source.bomLength == 3)
        #expect(source.lineText(1) == "Title")
        #expect(source.position(at: 3).column == 1)
    }

    @Test func emptyFileHasOneEmptyLine() {
        let source = SourceText(path: "t", bytes: [])
        #expect(source.lineCount == 1)
        #expect(source.position(at: 0) == SourcePosition(line: 1, column: 1, offset: 0))
    }

    @Test func trailingNewlineStartsAnEmptyLastLine() {
        let source = SourceText(path: "t", string: "a\n")
        #expect(source.lineCount == 2)
        #expect(source.position(at: 2).line == 2)
    }
}

struct InputDecoderTests {
    @Test func acceptsValidUTF8() throws {
        let text = SourceText(path: "t", string: "ok ✓ 😀\nsecond")
        let decoded = try InputDecoder.decode(path: "t", bytes: text.bytes)
        // Valid UTF-8 comes through byte for byte, with lines and columns in scalars.
        #expect(decoded.bytes == text.bytes)
        #expect(decoded.path == "t")
        #expect(decoded.lineCount == 2)
        #expect(decoded.string(0..<decoded.bytes.count) == "ok ✓ 😀\nsecond")
        let emoji = decoded.position(at: Array("ok ✓ ".utf8).count)
        #expect(emoji.line == 1 && emoji.column == 6)
    }

    @Test(arguments: [
        ([0x61, 0x0A, 0x62, 0xFF], 3, 2, 2),             // invalid byte
        ([0x61, 0xC3], 1, 1, 2),                         // truncated sequence
        ([0xC0, 0xAF], 0, 1, 1),                         // overlong
        ([0x61, 0xED, 0xA0, 0x80], 1, 1, 2),             // surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0, 1, 1),             // past U+10FFFF
    ] as [([UInt8], Int, Int, Int)])
    func reportsTheFirstInvalidByte(bytes: [UInt8], offset: Int, line: Int, column: Int) {
        #expect(throws: InputError.invalidUTF8(offset: offset, line: line, column: column)) {
            try InputDecoder.decode(path: "t", bytes: bytes)
        }
    }

    @Test func nulBytesMeanBinary() {
        #expect(throws: InputError.binary) { try InputDecoder.decode(path: "t", bytes: [0x50, 0x4B, 0x00, 0x01]) }
    }
}

struct MappedTextTests {
    @Test func verbatimAndReplacementPiecesMapBack() {
        let source = Array("a &amp; b".utf8)
        var text = MappedText()
        text.appendVerbatim(0..<2, of: source)
        text.appendReplacement(Array("&".utf8), for: 2..<7)
        text.appendVerbatim(7..<9, of: source)
        #expect(text.text == "a & b")
        #expect(text.sourceOffset(0) == 0)
        #expect(text.sourceRange(2..<3) == 2..<7)
        #expect(text.sourceRange(4..<5) == 8..<9)
        #expect(text.sourceRange(0..<5) == 0..<9)
    }

    @Test func appendingFromAnotherMappedTextKeepsTheMapping() {
        let source = Array("x *y* z".utf8)
        let raw = MappedText(verbatim: 0..<source.count, of: source)
        var cleaned = MappedText()
        cleaned.append(0..<2, of: raw)
        cleaned.append(3..<4, of: raw)
        cleaned.append(5..<7, of: raw)
        #expect(cleaned.text == "x y z")
        #expect(cleaned.sourceRange(2..<3) == 3..<4)
        #expect(cleaned.sourceRange(4..<5) == 6..<7)
    }
}
