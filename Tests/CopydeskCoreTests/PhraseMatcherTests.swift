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
}
