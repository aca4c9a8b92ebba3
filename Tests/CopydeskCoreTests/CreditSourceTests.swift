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
