import Testing
@testable import CopydeskCore

struct PhraseMatcherTests {
    private func found(_ phrases: [String], in text: String, wholeWords: Bool = false) -> [String] {
        let bytes = Array(text.utf8)
        return PhraseMatcher(phrases, wholeWords: wholeWords).matches(in: bytes).map {
            String(decoding: bytes[$0.range], as: UTF8.self)
        }
    }

    @Test func findsOverlappingPhrasesIgnoringASCIICase() {
        #expect(found(["he", "she", "his", "hers"], in: "USHERS") == ["SHE", "HE", "HERS"])
    }

    @Test func wholeWordsRespectUnicodeLetters() {
        #expect(found(["said"], in: "she said, unsaid; saidé said”", wholeWords: true) == ["said", "said"])
    }

    @Test func prefixMatchIsAnchoredAndLongest() {
        let matcher = PhraseMatcher(["copyright", "copyright ©"])
        #expect(matcher.prefixMatch(of: Array("Copyright © 2026".utf8))?.range == 0..<12)
        #expect(matcher.prefixMatch(of: Array("The copyright".utf8)) == nil)
    }

    @Test func multibytePhrasesMatchExactly() {
        #expect(found(["editor’s note"], in: "Editor’s Note: updated") == ["Editor’s Note"])
    }

    @Test func emptyListMatchesNothing() {
        #expect(found([], in: "anything").isEmpty)
    }

    /// Every occurrence of every phrase, found the slow way, as
    /// (phrase, start, end) in byte offsets.
    private static func bruteForce(_ phrases: [String], in text: String) -> Set<[Int]> {
        func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let bytes = text.utf8.map(fold)
        var found = Set<[Int]>()
        for (index, phrase) in phrases.enumerated() {
            let needle = phrase.utf8.map(fold)
            guard !needle.isEmpty, needle.count <= bytes.count else { continue }
            for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
                found.insert([index, start, start + needle.count])
            }
        }
        return found
    }

    @Test func agreesWithASearchForEachPhraseOnRandomText() {
        let alphabet = ["a", "b", "A", "B", " ", "é", "’", "-", "ab", "ba"]
        var generator = SystemRandomNumberGenerator()
        func randomText(_ length: Int) -> String {
            (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<200 {
            let phrases = (0..<Int.random(in: 1...12, using: &generator)).map { _ in randomText(Int.random(in: 1...4, using: &generator)) }
            let text = randomText(Int.random(in: 0...60, using: &generator))
            let matcher = PhraseMatcher(phrases)
            let bytes = Array(text.utf8)
            let fast = Set(matcher.matches(in: bytes).map { [$0.phrase, $0.range.lowerBound, $0.range.upperBound] })
            #expect(fast == Self.bruteForce(phrases, in: text), "phrases \(phrases) in \(text)")
        }
    }

    @Test func tenThousandTermsBuildOneCompactAutomaton() {
        var terms: [String] = []
        var seed: UInt64 = 42
        for _ in 0..<10_000 {
            var word = ""
            for _ in 0..<8 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                word.append(Character(Unicode.Scalar(UInt8(97 + Int(seed >> 59) % 26))))
            }
            terms.append(word)
        }
        let matcher = PhraseMatcher(terms + ["needle"], wholeWords: true)
        let text = Array("A needle in \(terms[1234]) and \(terms[9999].uppercased()).".utf8)
        #expect(matcher.matches(in: text).map(\.phrase).sorted() == [1234, 9999, 10_000])
    }
}
