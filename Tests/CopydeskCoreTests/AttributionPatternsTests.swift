import Testing
@testable import CopydeskCore

/// Each construction that credits a quotation, asked on its own, without
/// the order of search BlockAnalysis puts them in.
struct AttributionPatternsTests {
    @Test(arguments: [
        ("“Mind the gap,” Hollis muttered.", "Hollis/muttered"),
        ("“Mind the gap,” muttered Hollis Brant.", "Hollis Brant/muttered"),
        ("“Mind the gap,” the conductor warned.", "the conductor/warned"),
        ("“Mind the gap,” by the Lantern Gazette's Iver Stannard", "the Lantern Gazette's Iver Stannard/by"),
    ])
    func speakerAndVerbAfterTheQuotation(text: String, expected: String) {
        let prose = ProseFixture(text)
        let quote = prose.firstQuote
        #expect(prose.describe(prose.patterns.postQuoteHit(after: quote, in: prose.sentence(holding: quote))) == expected)
    }

    @Test func noSpeakerAfterAParticiple() {
        let prose = ProseFixture("“Mind the gap,” answering a rider, was all he offered.")
        let quote = prose.firstQuote
        #expect(prose.patterns.postQuoteHit(after: quote, in: prose.sentence(holding: quote)) == nil)
    }

    @Test func speakerThenColonBeforeTheQuotation() {
        let prose = ProseFixture("Winifred Osei: “We open at nine.”")
        let quote = prose.firstQuote
        #expect(prose.describe(prose.patterns.colonHit(before: quote, in: prose.sentence(holding: quote))) == "Winifred Osei/:")
    }

    @Test func dashAndNameAfterTheQuotation() {
        let prose = ProseFixture("“Keep rowing” — Alaric Wrigley")
        let quote = prose.firstQuote
        #expect(prose.describe(prose.patterns.dashNameHit(after: quote, in: prose.sentence(holding: quote))) == "Alaric Wrigley/—")
    }

    @Test func bracketedSourceAfterTheQuotation() {
        let prose = ProseFixture("“The tide turns at noon.” [Coastal Bulletin.]")
        #expect(prose.describe(prose.patterns.bracketHit(after: prose.firstQuote)) == "Coastal Bulletin/[")
    }

    /// A source in brackets or parentheses that closes the paragraph, apart
    /// from its quotations, credits them.
    @Test func closingCreditOfTheParagraph() {
        let bracketed = ProseFixture("“The tide turns at noon.” Sailings resume Monday. [Coastal Bulletin.]")
        #expect(bracketed.describe(bracketed.patterns.closingCreditHit()) == "Coastal Bulletin/[")
        let parenthesised = ProseFixture("Fares rose “by a whisker” last spring. (Tidewater Digest.)")
        #expect(parenthesised.describe(parenthesised.patterns.closingCreditHit()) == "Tidewater Digest/(")
        let none = ProseFixture("Fares rose “by a whisker” last spring.")
        #expect(none.patterns.closingCreditHit() == nil)
    }

    @Test func transcriptLabelOpensTheQuotation() {
        let prose = ProseFixture("“HOLLIS: Nobody told me the ferry was late.”")
        #expect(prose.describe(prose.patterns.transcriptLabelHit(prose.firstQuote)) == "HOLLIS/:")
        // A title and its subtitle are no label.
        let title = ProseFixture("“Tides: A Short History” sold well.")
        #expect(title.describe(title.patterns.transcriptLabelHit(title.firstQuote)) == nil)
    }

    @Test func labelOpeningTheParagraph() {
        let prose = ProseFixture("Marguerite Pellworth: I said “never again” and meant it.")
        #expect(prose.describe(prose.patterns.speakerLabelHit()) == "Marguerite Pellworth/:")
        let form = ProseFixture("Update: the ferry said “no sailings” today.")
        #expect(form.patterns.speakerLabelHit() == nil)
    }

    @Test func pollOpeningTheSentence() {
        let prose = ProseFixture("In a county survey released Friday, most riders said the fares were “too steep.”")
        #expect(prose.describe(prose.patterns.pollHit(in: prose.tokens.sentences[0])) == "a county survey/In")
    }

    @Test func framingClauseOfAShortQuotation() {
        let prose = ProseFixture("The warden calls the plan “a leaky boat.”")
        let quote = prose.firstQuote
        #expect(prose.describe(prose.patterns.partialQuoteHit(quote, in: prose.sentence(holding: quote))) == "The warden/calls")
    }

    @Test func subjectAndVerbBeforeTheQuotation() {
        let prose = ProseFixture("Brannock dismissed the ferry as a “floating apology for a timetable.”")
        let quote = prose.firstQuote
        #expect(prose.describe(prose.patterns.subjectHit(in: prose.sentence(holding: quote), before: quote)) == "Brannock/dismissed")
    }

    @Test func reportingCues() {
        let prose = ProseFixture("“No sailings,” Hollis said, according to the Lantern Gazette.")
        let according = prose.token("according")
        #expect(prose.patterns.isReportingCue(according...according + 1))
        let said = prose.token("said")
        #expect(!prose.patterns.isReportingCue(said...said))
    }

    @Test func signatureOnALineOfItsOwn() {
        let bytes = Array("Keep your oars dry.\n— Tobrey Fenwright".utf8)
        let hit = AttributionPatterns.dashAttribution(in: bytes)
        #expect(hit.flatMap { $0.speaker }.map { String(decoding: bytes[$0], as: UTF8.self) } == "Tobrey Fenwright")
        #expect(AttributionPatterns.dashAttribution(in: bytes, firstLineOnly: true) == nil)
        #expect(AttributionPatterns.dashAttribution(in: Array("— lowercase drift".utf8)) == nil)
    }
}
