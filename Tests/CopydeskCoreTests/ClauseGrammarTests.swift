import Testing
@testable import CopydeskCore

/// The clause layer: which words read as verbs or nouns, where a clause's
/// subject stands, and the speaker phrase before or after a cue.
struct ClauseGrammarTests {
    @Test(arguments: [
        ("grumbled", true), ("told", true), ("thought", true), ("ferryman", false), ("about", false), ("Harrowgate", false),
    ])
    func verbLikeWords(word: String, expected: Bool) {
        let prose = ProseFixture("The ferryman grumbled about Harrowgate and told us what he thought.")
        #expect(prose.grammar.isVerbLike(prose.token(word)) == expected)
    }

    /// Finite whatever follows: a cue or an irregular past, never a regular one.
    @Test func finiteVerbs() {
        let prose = ProseFixture("The ferryman grumbled, told us and thought.")
        #expect(prose.grammar.isFiniteVerb(prose.token("told")))
        #expect(prose.grammar.isFiniteVerb(prose.token("thought")))
        #expect(!prose.grammar.isFiniteVerb(prose.token("grumbled")))
    }

    @Test func mannerAdverbs() {
        let prose = ProseFixture("Lively Brannock sternly and only then replied.")
        #expect(prose.grammar.isMannerAdverb(prose.token("sternly")))
        #expect(!prose.grammar.isMannerAdverb(prose.token("only")))
        #expect(!prose.grammar.isMannerAdverb(prose.token("Lively")))
        // The verb stands past auxiliaries and manner adverbs.
        let verb = ProseFixture("Brannock has repeatedly sternly warned them.")
        let start = verb.token("has")
        #expect(verb.grammar.pastAuxiliaries(from: start, before: verb.tokens.tokens.count) == verb.token("warned"))
    }

    /// A cue word used as a noun is no verb of saying.
    @Test(arguments: [
        ("Voters in three battleground states waited.", "states", true),
        ("She pinned the post to the board.", "post", true),
        ("The keeper posts updates daily.", "posts", false),
        ("The mayor states her case.", "states", false),
        ("He wrote a ballad called Lantern Rows.", "called", true),
        ("She called the hotline.", "called", false),
    ])
    func nounUse(text: String, cue: String, expected: Bool) {
        let prose = ProseFixture(text)
        let index = prose.token(cue)
        #expect(prose.grammar.isNounUse(index...index) == expected)
    }

    @Test func goingOnReportsSpeechOnlyBeforeWords() {
        let speech = ProseFixture("She went on to say more.")
        let went = speech.token("went")
        #expect(!speech.grammar.isGoingOn(went...went + 1))
        let recess = ProseFixture("Once the council goes on recess, nothing moves.")
        let goes = recess.token("goes")
        #expect(recess.grammar.isGoingOn(goes...goes + 1))
    }

    @Test(arguments: [
        ("On Tuesday, the harbor pilot said the fog had lifted.", "said", "the harbor pilot"),
        ("After the vote, she left the hall.", "left", "she"),
        ("Marisol Quenby, the lighthouse keeper, said nothing.", "said", "Marisol Quenby"),
        ("Inspectors have said the pier is safe.", "have", "Inspectors"),
    ])
    func subjects(text: String, verb: String, expected: String) {
        let prose = ProseFixture(text)
        let sentence = prose.tokens.sentences[0]
        let found = prose.grammar.subject(of: sentence, endingBefore: sentence.upperBound)
        #expect(prose.text(found?.range) == expected)
        #expect(found?.next == prose.token(verb))
    }

    /// Nothing that reads as a subject after the opening phrase.
    @Test func noSubjectBeforeAVerb() {
        let prose = ProseFixture("Across the bay, nobody waited.")
        let sentence = prose.tokens.sentences[0]
        #expect(prose.grammar.subject(of: sentence, endingBefore: sentence.upperBound) == nil)
    }

    /// Past an opening phrase with verbs of its own.
    @Test func mainSubjectPassesAnOpeningPhrase() {
        let prose = ProseFixture("Speaking at the pier, the ferry captain warned riders about the ice.")
        let subject = prose.grammar.mainSubject(of: prose.tokens.sentences[0], endingBefore: prose.tokens.tokens.count)
        #expect(prose.text(subject) == "the ferry captain")
    }

    @Test(arguments: [
        ("Lorna Vesey, the orchard manager, said rain was coming.", "said", "Lorna Vesey"),
        ("A senior harbor official told the crew to wait.", "told", "A senior harbor official"),
        ("Rep. Dov Ashgrove (D-Maine) said the vote was close.", "said", "Rep. Dov Ashgrove"),
        ("Later she quietly said no.", "said", "she"),
    ])
    func speakersBeforeACue(text: String, cue: String, expected: String) {
        let prose = ProseFixture(text)
        let speaker = prose.grammar.speakerBefore(prose.token(cue), in: prose.tokens.sentences[0])
        #expect(prose.text(speaker) == expected)
    }

    @Test(arguments: [
        ("“Bring umbrellas,” said the orchard manager.", "the orchard manager"),
        ("“Bring umbrellas,” said Lorna Vesey.", "Lorna Vesey"),
        ("“Bring umbrellas,” said former ferry pilot Abner Quillby.", "former ferry pilot Abner Quillby"),
    ])
    func speakersAfterACue(text: String, expected: String) {
        let prose = ProseFixture(text)
        let cue = prose.token("said")
        #expect(prose.text(prose.grammar.speakerAfter(cue, in: prose.sentence(holding: cue))) == expected)
    }

    @Test func commasCloseAClauseInsideAQuotation() {
        let prose = ProseFixture("She called the plan “daring,” adding a warning.")
        #expect(prose.grammar.closesWithComma(prose.firstQuote))
        let plain = ProseFixture("She called the plan “daring” and left.")
        #expect(!plain.grammar.closesWithComma(plain.firstQuote))
    }
}
