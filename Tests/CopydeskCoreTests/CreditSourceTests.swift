import Testing
@testable import CopydeskCore

/// A credit's source is a type; its words (what inspect prints) read back
/// to the same source, and the source decides the credit's kind.
struct CreditSourceTests {
    @Test(arguments: [
        (CreditSource.byLineText, Byline.Kind.bylineLine), (.nameLine, .bylineLine), (.sourceField, .bylineLine),
        (.relAuthor, .bylineLine), (.itempropAuthor, .bylineLine), (.authorClass, .bylineLine), (.bylineClass, .bylineLine),
        (.authorLink, .bylineLine), (.jsonLD, .metadata), (.microdata, .metadata), (.meta("author"), .metadata),
        (.kind(.authorCard), .authorCard), (.kind(.frontMatter), .frontMatter), (.kind(.wireCredit), .wireCredit),
    ])
    func wordsReadBackAndGiveTheKind(source: CreditSource, kind: Byline.Kind) {
        #expect(CreditSource(source.description) == source)
        #expect(source.kind == kind)
    }

    @Test func wordsNoParserWritesAreKeptAndReadAsAByline() {
        let source = CreditSource("house credit box")
        #expect(source.description == "house credit box")
        #expect(source.kind == .bylineLine)
    }
}

/// Words are counted in one place, on bytes, split by ASCII white space.
struct WordCountTests {
    @Test func countsAndStopsEarly() {
        #expect(ProseHeuristics.wordCount(Array("  the  harbor\tboard\nmet ".utf8)) == 4)
        #expect(ProseHeuristics.wordCount(Array("".utf8)) == 0)
        #expect(ProseHeuristics.hasWords(Array("one two three".utf8), atLeast: 3))
        #expect(!ProseHeuristics.hasWords(Array("one two".utf8), atLeast: 3))
        #expect(ProseHeuristics.hasWords(Array("“Ünïcode words” count too".utf8), atLeast: 4))
    }
}
