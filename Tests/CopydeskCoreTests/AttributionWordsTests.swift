import Testing
@testable import CopydeskCore

/// The closed word lists of the attribution search, and the word-level
/// tests built on them.
struct AttributionWordsTests {
    /// Tokens are compared lowercased, so an entry with a capital would
    /// never match.
    @Test(arguments: [
        ("leadIns", AttributionWords.leadIns), ("conjunctions", AttributionWords.conjunctions),
        ("clauseOpeners", AttributionWords.clauseOpeners), ("subordinators", AttributionWords.subordinators),
        ("prepositions", AttributionWords.prepositions), ("phraseBreakers", AttributionWords.phraseBreakers),
        ("auxiliaries", AttributionWords.auxiliaries), ("irregularVerbs", AttributionWords.irregularVerbs),
        ("unmistakableVerbs", AttributionWords.unmistakableVerbs), ("addressingVerbs", AttributionWords.addressingVerbs),
        ("pronouns", AttributionWords.pronouns), ("determiners", AttributionWords.determiners),
        ("functionWords", AttributionWords.functionWords), ("titles", AttributionWords.titles),
        ("fieldLabels", AttributionWords.fieldLabels), ("numberWords", AttributionWords.numberWords),
    ])
    func listsAreLowercase(name: String, list: Set<String>) {
        #expect(!list.isEmpty, "\(name)")
        #expect(list.allSatisfy { $0 == $0.lowercased() && !$0.isEmpty }, "\(name)")
    }

    @Test func narrowerListsSitInsideBroaderOnes() {
        #expect(AttributionWords.finiteAuxiliaries.isSubset(of: AttributionWords.auxiliaries))
        #expect(AttributionWords.nounDeterminers.isSubset(of: AttributionWords.determiners))
        #expect(AttributionWords.articles.isSubset(of: AttributionWords.determiners))
        #expect(AttributionWords.personalPronouns.isSubset(of: AttributionWords.pronouns))
        #expect(AttributionWords.pronounContractions.isSubset(of: AttributionWords.pronouns))
    }

    @Test func contractedPronounsAreCovered() {
        for word in ["she's", "they've", "we'd", "i'm", "he'll"] {
            #expect(AttributionWords.personalPronouns.contains(word), "\(word)")
        }
        // "you" and "who" speak, but do not open a clause as its subject here.
        #expect(!AttributionWords.personalPronouns.contains("you're"))
        #expect(AttributionWords.pronouns.contains("who's"))
    }

    @Test(arguments: [("hums", true), ("plants", true), ("glass", false), ("cactus", false), ("bus", false), ("rowed", false)])
    func presentTense(word: String, expected: Bool) {
        #expect(AttributionWords.isPresentTense(word) == expected)
    }

    @Test(arguments: [("12", true), ("forty-two", true), ("dozens", true), ("3rd", true), ("tenor", false), ("fortune", false)])
    func numerals(word: String, expected: Bool) {
        #expect(AttributionWords.isNumeral(word) == expected)
    }

    @Test(arguments: [
        ("the", true), ("whether", true), ("that's", true), ("we're", true), ("don't", true), ("let's", true),
        ("lindqvist", false), ("o'brady", false), ("pemberly's", false),
    ])
    func functionWords(word: String, expected: Bool) {
        #expect(AttributionWords.isFunctionWord(word) == expected)
    }
}
