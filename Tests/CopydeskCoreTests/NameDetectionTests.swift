import Testing
@testable import CopydeskCore

/// Runs of names in prose: titles, initials and particles inside them,
/// function words and ordinary capitalised words outside.
struct NameDetectionTests {
    @Test(arguments: [
        ("Yesterday Sen. Tamsin Okafor toured the quarry.", "Sen", "Sen. Tamsin Okafor"),
        ("Priya K. Dellacroix wrote the report.", "Priya", "Priya K. Dellacroix"),
        ("The orchard belongs to Wessel van der Holt now.", "Wessel", "Wessel van der Holt"),
        ("Ondine Marchetti laughed.", "Ondine", "Ondine Marchetti"),
    ])
    func runsForward(text: String, first: String, expected: String) {
        let prose = ProseFixture(text)
        let start = prose.token(first)
        let end = prose.names.nameRunEnd(from: start, limit: prose.tokens.tokens.count)
        #expect(prose.text(tokens: start...end) == expected)
    }

    @Test func runStopsAtItsLimit() {
        let prose = ProseFixture("Ondine Marchetti Bexley arrived.")
        let start = prose.token("Ondine")
        #expect(prose.names.nameRunEnd(from: start, limit: start + 2) == start + 1)
    }

    @Test(arguments: [
        ("Then Ondine Marchetti laughed.", "Marchetti", "Ondine Marchetti"),
        ("Nobody asked Dr. Wen Halloway twice.", "Halloway", "Dr. Wen Halloway"),
        ("They met Priya K. Dellacroix there.", "Dellacroix", "Priya K. Dellacroix"),
    ])
    func runsBackward(text: String, last: String, expected: String) {
        let prose = ProseFixture(text)
        let end = prose.token(last)
        let start = prose.names.nameRunStart(from: end, lowerLimit: 0)
        #expect(prose.text(tokens: start...end) == expected)
    }

    /// A capitalised word opening its sentence is a name unless it reads as
    /// an ordinary word: a long one ending in -ing, -ly, -ment, -tion, -ness or -ous.
    @Test(arguments: [
        ("Bexley spoke first.", true), ("Dring spoke first.", true), ("Unemployment rose again.", false),
        ("Ringing bells woke the ward.", false), ("Suddenly nobody spoke.", false), ("The bells rang.", false),
    ])
    func likelyNamesAtSentenceStart(text: String, expected: Bool) {
        let prose = ProseFixture(text)
        #expect(prose.names.isLikelyName(0, sentenceStart: 0) == expected)
    }

    @Test func capitalisedWordsInsideASentenceAreNames() {
        let prose = ProseFixture("We asked Haverford about it.")
        #expect(prose.names.isLikelyName(prose.token("Haverford"), sentenceStart: 0))
        #expect(!prose.names.isLikelyName(prose.token("We"), sentenceStart: 0))
    }

    @Test func titlesOpenNamesOnlyBeforeOne() {
        let named = ProseFixture("Dr. Wen Halloway agreed.")
        #expect(named.names.opensNameWithTitle(named.token("Dr")))
        let bare = ProseFixture("Ask Mrs about it, she said.")
        #expect(!bare.names.opensNameWithTitle(bare.token("Mrs")))
    }
}
