import Testing
@testable import CopydeskCore

/// The text layer every parser reads UTF-8 through: decoding, the policy
/// for broken bytes, and the character classes and folding built on it.
/// The sample words are made up.
@Suite("UTF-8 scalars and the text layer")
struct UTF8ScalarsTests {
    /// (scalar value or nil for an invalid byte, byte range) for every scalar.
    private func read(_ bytes: [UInt8]) -> [(UInt32?, Range<Int>)] {
        UTF8Scalars.scalars(in: bytes).map { ($0.scalar?.value, $0.range) }
    }

    private func expectRead(_ bytes: [UInt8], _ expected: [(UInt32?, Range<Int>)],
                            sourceLocation: SourceLocation = #_sourceLocation) {
        let found = read(bytes)
        #expect(found.map(\.0) == expected.map(\.0), sourceLocation: sourceLocation)
        #expect(found.map(\.1) == expected.map(\.1), sourceLocation: sourceLocation)
    }

    // MARK: Decoding

    @Test func asciiIsOneByteEach() {
        expectRead(Array("Zib 7!".utf8), [(0x5A, 0..<1), (0x69, 1..<2), (0x62, 2..<3), (0x20, 3..<4), (0x37, 4..<5), (0x21, 5..<6)])
        expectRead([0x00, 0x7F], [(0x00, 0..<1), (0x7F, 1..<2)])
    }

    @Test func multiByteScalars() {
        // é (2 bytes), € (3), 𝄞 (4), and the ends of each length's range.
        expectRead(Array("é€𝄞".utf8), [(0xE9, 0..<2), (0x20AC, 2..<5), (0x1D11E, 5..<9)])
        expectRead([0xC2, 0x80, 0xDF, 0xBF], [(0x80, 0..<2), (0x7FF, 2..<4)])
        expectRead([0xE0, 0xA0, 0x80, 0xEF, 0xBF, 0xBF], [(0x800, 0..<3), (0xFFFF, 3..<6)])
        expectRead([0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF], [(0x10000, 0..<4), (0x10FFFF, 4..<8)])
    }

    @Test func agreesWithSwiftOnValidText() {
        let text = "Plonk – “vrell’s” 𝔷örp ✓ 漢字 🙂‍↔️ naïve\u{00A0}x"
        let bytes = Array(text.utf8)
        #expect(UTF8Scalars.scalars(in: bytes).map { $0.scalar } == text.unicodeScalars.map { Optional($0) })
    }

    @Test func truncatedSequencesAtTheEndAreOneInvalidByteEach() {
        expectRead([0x61, 0xC3], [(0x61, 0..<1), (nil, 1..<2)])
        expectRead([0x61, 0xE2, 0x80], [(0x61, 0..<1), (nil, 1..<2), (nil, 2..<3)])
        expectRead([0xF0, 0x9F, 0x98], [(nil, 0..<1), (nil, 1..<2), (nil, 2..<3)])
        // The end of the range counts as the end of the text.
        let bytes = Array("€".utf8)
        #expect(UTF8Scalars.decode(bytes, at: 0, end: 2) == UTF8Scalar(scalar: nil, length: 1))
        #expect(UTF8Scalars.decode(bytes, at: 0, end: 3) == UTF8Scalar(scalar: "€", length: 3))
    }

    @Test func strayContinuationBytesAreInvalid() {
        expectRead([0x80, 0x62, 0xBF, 0xBF], [(nil, 0..<1), (0x62, 1..<2), (nil, 2..<3), (nil, 3..<4)])
    }

    @Test func aSequenceCutByAnotherScalarKeepsThatScalar() {
        // A lead byte, then ASCII or a new lead byte where a continuation was due.
        expectRead([0xE2, 0x80, 0x71], [(nil, 0..<1), (nil, 1..<2), (0x71, 2..<3)])
        expectRead([0xC3, 0xC3, 0xA9], [(nil, 0..<1), (0xE9, 1..<3)])
    }

    @Test func overlongSurrogateAndOutOfRangeFormsAreInvalid() {
        // Overlong "/" (C0 AF, E0 80 AF, F0 80 80 AF) and overlong "A" (C1 81).
        #expect(read([0xC0, 0xAF]).allSatisfy { $0.0 == nil })
        #expect(read([0xC1, 0x81]).allSatisfy { $0.0 == nil })
        #expect(read([0xE0, 0x80, 0xAF]).allSatisfy { $0.0 == nil })
        #expect(read([0xF0, 0x80, 0x80, 0xAF]).allSatisfy { $0.0 == nil })
        // A surrogate (ED A0 80 is U+D800), past U+10FFFF, and F5–FF.
        #expect(read([0xED, 0xA0, 0x80]).allSatisfy { $0.0 == nil })
        #expect(read([0xF4, 0x90, 0x80, 0x80]).allSatisfy { $0.0 == nil })
        #expect(read([0xF5, 0x80, 0x80, 0x80]).allSatisfy { $0.0 == nil })
        #expect(read([0xFF]).map(\.0) == [nil])
        // Every invalid byte reads as one, so the counts match the bytes.
        #expect(read([0xED, 0xA0, 0x80]).count == 3)
        #expect(UTF8Scalar(scalar: nil, length: 1).scalarOrReplacement == "\u{FFFD}")
    }

    @Test func validityMatchesSwiftAndTheInputCheck() {
        // Every lead byte past ASCII with every second byte, then continuation bytes.
        var disagreements: [[UInt8]] = []
        for lead in UInt8(0x80)...0xFF {
            for second in UInt8(0x00)...0xFF {
                let bytes: [UInt8] = [lead, second, 0x80, 0x80]
                let decoded = UTF8Scalars.decode(bytes, at: 0, end: bytes.count)
                // Swift reads one scalar from exactly the bytes the layer took, and from no other prefix.
                let swiftLengths = (1...4).filter { String(validating: bytes[..<$0], as: UTF8.self)?.unicodeScalars.count == 1 }
                let agrees = decoded.isValid
                    ? swiftLengths == [decoded.length] && decoded.scalar == String(decoding: bytes[..<decoded.length], as: UTF8.self).unicodeScalars.first
                        && InputDecoder.firstInvalidUTF8Offset(Array(bytes[..<decoded.length])) == nil
                    : swiftLengths.isEmpty && decoded.length == 1 && InputDecoder.firstInvalidUTF8Offset(bytes) == 0
                if !agrees { disagreements.append(bytes) }
            }
        }
        #expect(disagreements.isEmpty)
    }

    @Test func readingBackwards() {
        let bytes = Array("a€𝄞".utf8)
        #expect(UTF8Scalars.decode(bytes, endingAt: 0) == nil)
        #expect(UTF8Scalars.decode(bytes, endingAt: 1) == UTF8Scalar(scalar: "a", length: 1))
        #expect(UTF8Scalars.decode(bytes, endingAt: 4) == UTF8Scalar(scalar: "€", length: 3))
        #expect(UTF8Scalars.decode(bytes, endingAt: 8) == UTF8Scalar(scalar: "𝄞", length: 4))
        // Inside a scalar, or after broken bytes: the byte before is invalid.
        #expect(UTF8Scalars.decode(bytes, endingAt: 3) == UTF8Scalar(scalar: nil, length: 1))
        #expect(UTF8Scalars.decode([0x61, 0x80, 0x80, 0x80, 0x80], endingAt: 5) == UTF8Scalar(scalar: nil, length: 1))
        // Never further back than `start`.
        #expect(UTF8Scalars.decode(bytes, endingAt: 4, start: 2) == UTF8Scalar(scalar: nil, length: 1))
    }

    @Test func decodingPastTheEndIsNil() {
        #expect(UTF8Scalars.decode([0x61], at: 1) == nil)
        #expect(UTF8Scalars.decode(ArraySlice<UInt8>([0x61, 0x62])[1...], at: 1) == UTF8Scalar(scalar: "b", length: 1))
    }

    // MARK: Character classes and folding

    @Test func characterClasses() {
        #expect(TextScalars.isASCIILetterOrDigit(UInt8(ascii: "q")))
        #expect(TextScalars.isASCIILetterOrDigit(UInt8(ascii: "Q")))
        #expect(TextScalars.isASCIILetterOrDigit(UInt8(ascii: "0")))
        #expect(!TextScalars.isASCIILetterOrDigit(UInt8(ascii: "@")))
        #expect(!TextScalars.isASCIILetterOrDigit(UInt8(ascii: "[")))
        #expect(!TextScalars.isASCIILetterOrDigit(0xC3))
        for scalar: Unicode.Scalar in ["ö", "ж", "漢", "²", "٣", "Ⅻ"] { #expect(TextScalars.isLetterOrDigit(scalar)) }
        for scalar: Unicode.Scalar in ["’", "—", "✓", "\u{A0}", "\u{301}"] { #expect(!TextScalars.isLetterOrDigit(scalar)) }
    }

    @Test func folding() {
        #expect(Array("Ȣ€Zq".utf8).map(TextScalars.foldASCII) == Array("Ȣ€zq".utf8))
        // Hashing a scalar lowercased is hashing the bytes of its lowercase form.
        func lowered(_ scalar: Unicode.Scalar, is expected: String) -> Bool {
            FNV1a.add(lowercased: scalar, to: FNV1a.offsetBasis) == FNV1a.hash(Array(expected.utf8))
        }
        #expect(lowered("K", is: "k"))
        #expect(lowered("Ö", is: "ö"))
        #expect(lowered("Ж", is: "ж"))
        #expect(lowered("İ", is: "i\u{307}"))
        #expect(lowered("ß", is: "ß"))
        #expect(lowered("7", is: "7"))
        #expect(!lowered("Ö", is: "Ö"))
        #expect(FNV1a.add("Ö", to: FNV1a.offsetBasis) == FNV1a.hash(Array("Ö".utf8)))
        #expect(FNV1a.hash(Array("florb".utf8)) == WordNormalizer.hash(Array("florb".utf8)))
        #expect(FNV1a.hash([UInt8]()) == FNV1a.offsetBasis)
    }

    // MARK: The readers built on the layer

    @Test func proseWordsKeepApostrophesAndHyphensInside() {
        let text = "Vrell’s twin-keeled skiff isn't Plonk's - nor 'Zib' – yet."
        let tokens = ProseTokens(bytes: Array(text.utf8), quotes: [])
        let words = tokens.tokens.indices.filter(tokens.isWord).map { String(tokens.text($0)) }
        #expect(words == ["Vrell’s", "twin-keeled", "skiff", "isn't", "Plonk's", "nor", "Zib", "yet"])
        #expect(tokens.lowercasedWord(0) == "vrell's")
    }

    @Test func proseWordsReadEveryScalarLength() {
        let text = "Ärvo gɯlp 𝔷örp ✓ dröm—kel"
        let tokens = ProseTokens(bytes: Array(text.utf8), quotes: [])
        let words = tokens.tokens.indices.filter(tokens.isWord).map { String(tokens.text($0)) }
        #expect(words == ["Ärvo", "gɯlp", "𝔷örp", "dröm", "kel"])
        #expect(tokens.isCapitalized(0))
        #expect(!tokens.isCapitalized(1))
    }

    @Test func proseWordsKeepBrokenBytesInside() {
        // Invalid bytes are neither punctuation nor space: one byte each, inside the word.
        let bytes: [UInt8] = Array("bla".utf8) + [0xE2, 0x80] + Array("rk qu".utf8) + [0xED, 0xA0, 0x80] + [0xC3]
        let tokens = ProseTokens(bytes: bytes, quotes: [])
        #expect(tokens.tokens.map(\.range) == [0..<7, 8..<14])
        #expect(tokens.tokens.allSatisfy { $0.kind == .word })
    }

    @Test func fingerprintWordsFoldCaseQuotesAndHyphens() {
        #expect(TextFingerprint("Vrell’s TWIN-keeled Skiff") == TextFingerprint("vrells twinkeeled skiff"))
        #expect(TextFingerprint("Dröm ÄRVO 𝔷örp") == TextFingerprint("dröm ärvo 𝔷örp"))
        #expect(TextFingerprint("plonk—zib").wordCount == 2)
    }

    @Test func fingerprintSeparatesWordsAtBrokenBytes() {
        let broken: [UInt8] = Array("florb".utf8) + [0xE2, 0x80] + Array("tesk".utf8) + [0x80, 0xC1, 0x81] + Array("mip".utf8) + [0xF0]
        #expect(TextFingerprint(broken) == TextFingerprint("florb tesk mip"))
    }

    @Test func normalizedWordsReadQuotesDashesAndSpaces() {
        func keys(_ text: String, caseSensitive: Bool = false) -> [UInt64] {
            WordNormalizer.words(in: Array(text.utf8), caseSensitive: caseSensitive).map(\.key)
        }
        #expect(keys("“Zib” skëll’s twin—keeled") == keys("\"zib\" SKËLL's twin - keeled"))
        #expect(keys("plonk\u{00A0}\u{2009}vrell\u{200B}ok") == keys("plonk vrellok"))
        #expect(keys("Ärvo", caseSensitive: true) != keys("ärvo", caseSensitive: true))
    }

    @Test func normalizedWordsKeepBrokenBytesAsTheyAre() {
        let bytes: [UInt8] = Array("qua".utf8) + [0xE2, 0x80]
        let words = WordNormalizer.words(in: bytes, caseSensitive: false)
        #expect(words.map(\.range) == [0..<5])
        #expect(words.first?.key == FNV1a.hash(bytes))
        // A range that ends inside a scalar cuts it into invalid bytes.
        let cut = WordNormalizer.words(in: Array("zé".utf8), range: 0..<2, caseSensitive: false)
        #expect(cut.first?.key == FNV1a.hash([0x7A, 0xC3]))
    }

    @Test func phraseBoundariesAtLettersOfEveryLengthAndBrokenBytes() {
        func found(_ bytes: [UInt8]) -> [Int] {
            PhraseMatcher(["glim"], wholeWords: true).matches(in: bytes).map(\.range.lowerBound)
        }
        // Letters of 2 and 4 bytes join the phrase; ² (a digit, not a letter) and ’ end it.
        let text = "glim églim glimé glim𝔷 glim² glim’s glim"
        let starts = [0, "glim églim glimé glim𝔷 ".utf8.count, "glim églim glimé glim𝔷 glim² ".utf8.count,
                      "glim églim glimé glim𝔷 glim² glim’s ".utf8.count]
        #expect(found(Array(text.utf8)) == starts)
        // Broken bytes around a phrase are boundaries.
        #expect(found([0xC3] + Array("glim".utf8) + [0x80]) == [1])
        #expect(found([0xE2, 0x80] + Array("glim".utf8) + [0xF0, 0x9F]) == [2])
    }
}
