import Foundation
import Testing
@testable import CopydeskStyle

@Suite struct CheckKindTests {
    func house(_ rules: [String: String]) throws -> StyleFixture {
        try StyleFixture(ini: StyleFixture.houseIni, rules: rules)
    }

    @Test func existenceFindsWholeWordsAndHonoursExceptions() throws {
        let fixture = try house(["Hedge": """
            extends: existence
            message: "Drop the hedge '%s'."
            ignorecase: true
            level: warning
            tokens:
              - somewhat
              - sort of
              - '\\w+ of'
            exceptions:
              - kind of
            """])
        let found = try fixture.lint("a.md", "Somewhat late, the sort of bus nobody wanted: a kind of magic.\n")
        #expect(found == ["a.md:1:1:House.Hedge:Drop the hedge 'Somewhat'.",
                          "a.md:1:20:House.Hedge:Drop the hedge 'sort of'."])
    }

    @Test func existenceRawPatternsAndNonword() throws {
        let fixture = try house(["Spaces": """
            extends: existence
            message: "One space after '%s'"
            nonword: true
            raw:
              - '[.?!] {2,}'
            """])
        #expect(try fixture.lint("a.txt", "It rained.  Then it stopped.\n") == ["a.txt:1:10:House.Spaces:One space after '.  '"])
    }

    @Test func aLongWordListRunsOnOneAutomaton() throws {
        var tokens = (0..<2000).map { "zqword\($0)" }
        tokens.append("boondoggle")
        let list = tokens.map { "  - \($0)" }.joined(separator: "\n")
        let fixture = try house(["Banned": "extends: existence\nmessage: \"No '%s'.\"\ntokens:\n\(list)\n"])
        let selection = try #require(try StyleLibrary().selection(forArticle: fixture.root + "/x.md"))
        let check = try #require(selection.rules.first?.check as? ExistenceCheck)
        #expect(check.phrases != nil)
        #expect(try fixture.lint("a.md", "A costly boondoggle, and a Boondoggle too.\n") == ["a.md:1:10:House.Banned:No 'boondoggle'."])
    }

    @Test func substitutionFormatsExpectedAndObserved() throws {
        let fixture = try house(["Said": """
            extends: substitution
            message: "Prefer '%s' to '%s'."
            ignorecase: true
            swap:
              stated: said
              exclaimed: said
            """])
        #expect(try fixture.lint("a.md", "The mayor stated that all was well.\n") == ["a.md:1:11:House.Said:Prefer 'said' to 'stated'."])
    }

    @Test func substitutionWithCaptureGroupsCapitalizeAndAlternatives() throws {
        let fixture = try house(["Per": """
            extends: substitution
            message: "Write '%s', not '%s'."
            nonword: true
            capitalize: true
            swap:
              '(\\d+) per cent': $1 percent
            """, "Phone": """
            extends: substitution
            message: "Use '%s' instead of '%s'."
            action:
              name: replace
            swap:
              handphone: phone|mobile phone
            """])
        let found = try fixture.lint("a.md", "Turnout rose 12 per cent. A handphone rang.\n")
        #expect(found == ["a.md:1:14:House.Per:Write '12 percent', not '12 per cent'.",
                          "a.md:1:29:House.Phone:Use 'phone' or 'mobile phone' instead of 'handphone'."])
    }

    @Test func occurrenceCountsTokensPerSentence() throws {
        let fixture = try house(["Commas": """
            extends: occurrence
            message: "Too many commas."
            scope: sentence
            max: 2
            token: ','
            """])
        let found = try fixture.lint("a.md", "Short, fine. Red, green, blue, and grey were all there.\n")
        #expect(found == ["a.md:1:17:House.Commas:Too many commas."])
    }

    @Test func repetitionFlagsTheSecondWord() throws {
        let fixture = try house(["Twice": """
            extends: repetition
            message: "'%s' twice."
            alpha: true
            tokens:
              - '[^\\s]+'
            """])
        #expect(try fixture.lint("a.md", "We went to the the harbour.\n") == ["a.md:1:12:House.Twice:'the' twice."])
    }

    @Test func consistencyWantsOneSpellingPerFile() throws {
        let fixture = try house(["Spell": """
            extends: consistency
            message: "Mixed spellings: '%s'."
            either:
              harbour: harbor
            """])
        let found = try fixture.lint("a.md", "The harbour froze.\n\nLater the harbor thawed.\n")
        #expect(found == ["a.md:3:11:House.Spell:Mixed spellings: 'harbor'."])
    }

    @Test func conditionalWantsADefinitionFirst() throws {
        let fixture = try house(["Define": """
            extends: conditional
            message: "'%s' is not defined."
            first: '\\b([A-Z]{3,5})\\b'
            second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
            exceptions:
              - NATO
            """])
        let found = try fixture.lint("a.md", "The Regional Transit Board (RTB) met. RTB and NATO agreed; the FAA did not.\n")
        #expect(found == ["a.md:1:64:House.Define:'FAA' is not defined."])
    }

    @Test func capitalizationTitleAndSentenceCase() throws {
        let fixture = try house(["Title": """
            extends: capitalization
            message: "'%s' should be '%s'."
            scope: heading.h2
            match: $title
            style: AP
            """, "Sentence": """
            extends: capitalization
            message: "'%s' is not in sentence case."
            scope: heading.h3
            match: $sentence
            exceptions:
              - Harbour Board
            """])
        let article = "# Front\n\n## the council and the budget\n\n### Talks With The Harbour Board\n\n### Talks with the Harbour Board\n"
        let found = try fixture.lint("a.md", article)
        #expect(found == [
            "a.md:3:4:House.Title:'the council and the budget' should be 'The Council and the Budget'.",
            "a.md:5:5:House.Sentence:'Talks With The Harbour Board' is not in sentence case.",
        ])
    }

    @Test func metricFormulasSeeBlockCounts() throws {
        let fixture = try house(["Subheads": """
            extends: metric
            message: "%s subheads is a lot."
            formula: heading.h2 * 1
            condition: "> 2"
            """])
        let article = "# T\n\n## A\n\nx\n\n## B\n\ny\n\n## C\n\nz\n"
        #expect(try fixture.lint("a.md", article) == ["a.md:1:1:House.Subheads:3.00 subheads is a lot."])
        #expect(try fixture.lint("b.md", "# T\n\n## A\n\nx\n").isEmpty)
    }

    @Test func formulasParseAndEvaluate() throws {
        let formula = try MetricFormula("(words / sentences) + ((long_words * 100) / words)")
        #expect(formula.evaluate(["words": 10, "sentences": 2, "long_words": 1]) == 15)
        #expect(formula.evaluate(["words": 10]) == nil)
        #expect(throws: GoRegexError.self) { try MetricFormula("words +") }
    }

    @Test func spellingUsesTheRulesHunspellDictionary() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: ["Typos": """
            extends: spelling
            message: "'%s' is not in the desk dictionary."
            custom: true
            dicpath: dicts
            dictionaries:
              - desk
            """], files: [
            "styles/dicts/desk.dic": "4\nferry/S\nsail/DG\nthe\ndock\n",
            "styles/dicts/desk.aff": "SET UTF-8\nSFX S Y 2\nSFX S y ies [^aeiou]y\nSFX S 0 s [^y]\nSFX D Y 1\nSFX D 0 ed .\nSFX G Y 1\nSFX G 0 ing .\n",
        ])
        let found = try fixture.lint("a.txt", "The ferries sailed; the ferrys docked.\n")
        #expect(found == ["a.txt:1:25:House.Typos:'ferrys' is not in the desk dictionary.",
                          "a.txt:1:32:House.Typos:'docked' is not in the desk dictionary."])
    }

    @Test func hunspellExpandsAffixes() throws {
        let dir = NSTemporaryDirectory() + "hun-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "2\nreport/SD\nmodern/U\n".write(toFile: dir + "/t.dic", atomically: true, encoding: .utf8)
        try "SFX S Y 1\nSFX S 0 s .\nSFX D Y 1\nSFX D 0 ed .\nPFX U Y 1\nPFX U 0 post .\n"
            .write(toFile: dir + "/t.aff", atomically: true, encoding: .utf8)
        let dictionary = HunspellDictionary(dic: dir + "/t.dic", aff: dir + "/t.aff")
        #expect(dictionary.accepts("reports"))
        #expect(dictionary.accepts("Reported"))
        #expect(dictionary.accepts("REPORT"))
        #expect(dictionary.accepts("postmodern"))
        #expect(!dictionary.accepts("reporting"))
    }
}

@Suite struct SequenceTests {
    @Test func patternOnlySequencesRunWithSkips() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: ["Hedge": """
            extends: sequence
            message: "Hedged claim: '%[1]s … %[3]s'."
            ignorecase: true
            tokens:
              - pattern: may
              - pattern: possibly|perhaps
              - pattern: be
                skip: 2
            """])
        let found = try fixture.lint("a.md", "Rates may possibly soon be cut. It may be so.\n")
        #expect(found == ["a.md:1:7:House.Hedge:Hedged claim: 'may … soon'."])
    }

    @Test func negatedTokensAndSplitPossessives() {
        let words = SequenceCheck.words(Array("The ferry's route, again.".utf8))
        let text = "The ferry's route, again."
        let pieces = words.map { String(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: $0.lowerBound)..<text.utf8.index(text.utf8.startIndex, offsetBy: $0.upperBound)])! }
        #expect(pieces == ["The", "ferry", "'s", "route", ",", "again", "."])
    }
}

@Suite struct WordListTests {
    @Test func plainTokensAndAlternationsShareTheAutomatonPatternsKeepTheRegex() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: ["Mixed": """
            extends: existence
            message: "Flagged '%s'."
            ignorecase: true
            tokens:
              - at this point in time
              - '(?:in order to|so as to)'
              - 'utili[sz]e'
            """, "Swap": """
            extends: substitution
            message: "Write '%s', not '%s'."
            ignorecase: true
            swap:
              '(?:upcoming|up-coming)': coming
              commence: start
              'endeavou?r': try
            """])
        let check = try #require(try StyleLibrary().selection(forArticle: fixture.root + "/x.md")?.rules
            .compactMap { $0.check as? ExistenceCheck }.first)
        #expect(check.phrases?.phrases.count == 3)
        #expect(check.pattern != nil)
        let found = try fixture.lint("a.md", "At this point in time we utilise tools so as to commence the Up-Coming endeavour.\n")
        #expect(found == [
            "a.md:1:1:House.Mixed:Flagged 'At this point in time'.",
            "a.md:1:26:House.Mixed:Flagged 'utilise'.",
            "a.md:1:40:House.Mixed:Flagged 'so as to'.",
            "a.md:1:49:House.Swap:Write 'start', not 'commence'.",
            "a.md:1:62:House.Swap:Write 'coming', not 'Up-Coming'.",
            "a.md:1:72:House.Swap:Write 'try', not 'endeavour'.",
        ])
    }

    @Test func expansionTakesOnlyPlainText() {
        #expect(PhraseList.expand("(?:a lot|alot)", ignorecase: true) == ["a lot", "alot"])
        #expect(PhraseList.expand("all talk, no action", ignorecase: true) == ["all talk, no action"])
        #expect(PhraseList.expand("colou?r", ignorecase: false) == nil)
        #expect(PhraseList.expand("e.g.", ignorecase: false) == nil)
        #expect(PhraseList.expand("café", ignorecase: true) == nil)
        #expect(PhraseList.expand("café", ignorecase: false) == ["café"])
    }
}
