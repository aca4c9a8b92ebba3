import CopydeskCore
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules
import Testing

/// quote-attribution on copy it has not been tuned on: what it is sure of
/// is an error, what published copy leaves uncredited by convention is a
/// note with its reasons, and copy in other languages is not judged.
struct QuoteAttributionConfidenceTests {
    private func lint(_ text: String, format: InputFormat = .markdown, options: [String: OptionValue] = [:]) throws -> [Finding] {
        let ruleSet = try RuleRegistry.configure(Policy(rules: [QuoteAttributionRule.description.id: RuleSetting(options: options)]))
        let path = format == .html ? "story.html" : "story.md"
        return Linter.lint(source: SourceText(path: path, string: text), format: format, ruleSet: ruleSet).file.findings
    }

    @Test func aQuotationStandingAloneInNarrativeIsAnErrorWithConfidence() throws {
        let findings = try lint("# Ferry returns\n\nThe ferry ran again on Monday.\n\n“We waited three weeks for the parts to arrive from the mainland.”\n")
        #expect(findings.map(\.severity) == [.error])
        #expect((findings.first?.confidence ?? 0) >= 0.7)
    }

    @Test(arguments: [
        // An excerpt in a blockquote, credited by its link above.
        "# Ferry returns\n\nThe harbour board published its report in May.\n\n> “The service cannot run without a second vessel before the winter storms.”\n",
        // Words woven into the reporter's sentence, not introduced as speech.
        "# Ferry returns\n\nResidents remember the old timetable as “a boat every hour from dawn until dusk” and want it back.\n",
        // An answer to the question the reporter just put.
        "# Ferry returns\n\nDoes the captain worry about the winter? “Never, the boat has seen far worse than this.”\n",
        // A quoted crosshead.
        "# Ferry returns\n\nThe ferry ran again on Monday.\n\n“A boat we can count on”\n\nThe timetable was printed on Friday.\n",
    ])
    func conventionsOfPublishedCopyAreNotes(text: String) throws {
        let findings = try lint(text)
        #expect(findings.map(\.severity) == [.note])
        #expect(findings.first?.message.contains("Less certain:") == true)
    }

    @Test func minConfidenceSetsTheGate() throws {
        let text = "# Ferry returns\n\nThe board published its report.\n\n> “The service cannot run without a second vessel before the winter storms.”\n"
        #expect(try lint(text, options: ["min-confidence": .number(0.3)]).map(\.severity) == [.error])
    }

    @Test func aQuotationParagraphAfterAnAttributedOneIsTheSameSpeaker() throws {
        let text = "# Ferry returns\n\n“We waited three weeks for the parts,” the captain said.\n\n“Then the storm took another week from us.”\n"
        #expect(try lint(text).isEmpty)
        #expect(try lint(text, options: ["continuation": .string("strict")]).map(\.severity) == [.error])
        let document = ArticleParser.parse(SourceText(path: "story.md", string: text), format: .markdown)
        let options = RuleOptions(defaultsOf: QuoteAttributionRule.description.options, overrides: [:])
        let quotes = try QuoteAttributionRule(options: options).attributedQuotes(document)
        #expect(quotes.last?.attribution?.inherited == true)
        #expect(quotes.last?.attribution?.speaker?.text == "the captain")
    }

    @Test func copyInAnotherLanguageIsNotJudged() throws {
        let russian = "# Паром вернулся\n\nПаром снова вышел в море в понедельник утром, и жители острова встретили его на причале.\n\n"
            + "«Мы ждали три недели, пока привезут детали с материка», — рассказал капитан. «Потом шторм отнял ещё неделю».\n\n"
            + "«Зимой будет труднее, но мы справимся».\n"
        #expect(try lint(russian).isEmpty)
        let document = ArticleParser.parse(SourceText(path: "story.md", string: russian), format: .markdown)
        #expect(!document.language.isEnglish)
        #expect(document.language.source == .text)
    }

    @Test func theDeclaredLanguageCountsOnlyWhenTheTextIsTooShortToTell() {
        let declaredFrench = "<html lang=\"fr\"><body><article><h1>Le bac</h1><p>“We waited.”</p></article></body></html>"
        let short = ArticleParser.parse(SourceText(path: "a.html", string: declaredFrench), format: .html)
        #expect(short.language == ArticleLanguage(code: "fr", source: .markup))
        let englishBody = String(repeating: "The ferry ran again on Monday and the harbour was full of people who had waited for it. ", count: 4)
        let mislabelled = "<html lang=\"fr\"><body><article><h1>Ferry</h1><p>\(englishBody)</p></article></body></html>"
        #expect(ArticleParser.parse(SourceText(path: "b.html", string: mislabelled), format: .html).language.code == "en")
    }
}
