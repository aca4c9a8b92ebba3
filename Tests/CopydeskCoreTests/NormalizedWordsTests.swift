import CopydeskCore
import Testing

@Suite("Normalised words and word diffs")
struct NormalizedWordsTests {
    func keys(_ text: String, caseSensitive: Bool = false) -> [UInt64] {
        WordNormalizer.words(in: Array(text.utf8), caseSensitive: caseSensitive).map(\.key)
    }

    func words(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return WordNormalizer.words(in: bytes, caseSensitive: false).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test("White space of any kind separates words; zero-width spaces and soft hyphens are ignored")
    func whiteSpace() {
        #expect(keys("all  rights\treserved") == keys("all rights\nreserved"))
        #expect(keys("all\u{A0}rights\u{2009}reserved\r\n") == keys("all rights reserved"))
        #expect(keys("re\u{AD}served\u{200B}") == keys("reserved"))
        #expect(words("  all   rights ") == ["all", "rights"])
    }

    @Test("Curly, low and angle quotation marks are the straight ones")
    func quotationMarks() {
        #expect(keys("“undesirable organization”") == keys("\"undesirable organization\""))
        #expect(keys("„undesirable“ «organization»") == keys("\"undesirable\" \"organization\""))
        #expect(keys("don’t ‘quote’ me") == keys("don't 'quote' me"))
        #expect(keys("\"quoted\"") != keys("'quoted'"))
    }

    @Test("Every dash is a word of its own, however it is written and spaced")
    func dashes() {
        let reference = keys("Russia - controlled")
        #expect(keys("Russia-controlled") == reference)
        #expect(keys("Russia–controlled") == reference)
        #expect(keys("Russia — controlled") == reference)
        #expect(keys("Russia--controlled") == reference)
        #expect(keys("Russia\u{2011}controlled") == reference)
        #expect(words("Russia--controlled") == ["Russia", "--", "controlled"])
        #expect(keys("well - known") != keys("well known"))
    }

    @Test("Letter case is folded unless asked not to, for accented letters too")
    func letterCase() {
        #expect(keys("ALL Rights Reserved") == keys("all rights reserved"))
        #expect(keys("ÉTÉ À PARIS") == keys("été à paris"))
        #expect(keys("ALL Rights", caseSensitive: true) != keys("all rights", caseSensitive: true))
        #expect(keys("All Rights", caseSensitive: true) == keys("All  Rights", caseSensitive: true))
    }

    @Test("Punctuation stays part of its word")
    func punctuation() {
        #expect(keys("contacting us.") != keys("contacting us"))
        #expect(words("fines, or prison.") == ["fines,", "or", "prison."])
    }

    @Test("Ranges point into the bytes read, multibyte text included")
    func ranges() {
        let text = "Ünïcödé — “quoted” text"
        let bytes = Array(text.utf8)
        let found = WordNormalizer.words(in: bytes, caseSensitive: false)
        #expect(found.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["Ünïcödé", "—", "“quoted”", "text"])
        let offset = bytes.count - 4
        #expect(found.last?.range == offset..<bytes.count)
    }

    @Test("The common subsequence and similarity of word sequences")
    func similarity() {
        let approved = keys("you could face fines or imprisonment")
        let changed = keys("you could face fines or prison")
        let common = WordDiff.commonLength(approved, changed[...])
        #expect(common == 5)
        #expect(WordDiff.similarity(commonLength: common, approved.count, changed.count) == 10.0 / 12.0)
        #expect(WordDiff.commonLength(approved, [][...]) == 0)
        #expect(WordDiff.similarity(commonLength: 0, 0, 0) == 1)
    }

    @Test("Changes name what was replaced, added and removed, in order")
    func changes() {
        let approved = keys("if you are in Russia please note that you could face fines")
        let found = keys("if you are in Belarus note that you may face heavy fines today")
        let changes = WordDiff.changes(expected: approved, found: found)
        #expect(changes == [
            WordDiff.Change(expected: 4..<6, found: 4..<5),    // "Russia please" -> "Belarus"
            WordDiff.Change(expected: 9..<10, found: 8..<9),   // "could" -> "may"
            WordDiff.Change(expected: 11..<11, found: 10..<11), // "heavy" added
            WordDiff.Change(expected: 12..<12, found: 12..<13), // "today" added
        ])
        #expect(WordDiff.changes(expected: approved, found: approved).isEmpty)
        #expect(WordDiff.changes(expected: approved, found: []) == [WordDiff.Change(expected: 0..<approved.count, found: 0..<0)])
    }
}
