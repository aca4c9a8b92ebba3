import CopydeskCore
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules
import Testing

/// The rules on HTML articles: the same findings as on text, at the line
/// and column of the HTML source, entities and tags counted as written.
struct HTMLRuleTests {
    private func lint(_ html: String, rules: [String]) throws -> [Finding] {
        let settings = Dictionary(uniqueKeysWithValues: rules.map { ($0, RuleSetting()) })
        let ruleSet = try RuleRegistry.configure(Policy(rules: settings))
        return Linter.lint(source: SourceText(path: "story.html", string: html), format: .html, ruleSet: ruleSet).file.findings
    }

    private func place(_ finding: Finding) -> String {
        "\(finding.ruleID) \(finding.range.start.line):\(finding.range.start.column)-\(finding.range.end.line):\(finding.range.end.column)"
    }

    @Test func anUnbalancedQuoteWrittenAsAnEntityIsReportedAtTheEntity() throws {
        let html = """
            <html><body><article>
            <h1>Bridge reopens</h1>
            <p>The mayor &mdash; smiling &mdash; said: &ldquo;We did it.</p>
            </article></body></html>
            """
        let findings = try lint(html, rules: [QuoteBalanceRule.description.id])
        // `&ldquo;` starts at line 3, column 44 and is 7 bytes long.
        #expect(findings.map(place) == ["quote-balance 3:44-3:51"])
    }

    @Test func anUnattributedQuoteInAParagraphLandsOnItsOpeningMark() throws {
        let html = """
            <html><body><article><h1>Bridge reopens</h1>
            <p>Traffic moved again on Monday.</p>
            <p><em>&ldquo;This bridge carries our whole economy across the river.&rdquo;</em></p>
            <p>&ldquo;We waited two long years for this day to come,&rdquo; said Ana Ruiz, who runs a bakery.</p>
            </article></body></html>
            """
        let findings = try lint(html, rules: [QuoteAttributionRule.description.id])
        #expect(findings.count == 1)
        #expect(findings.first.map { "\($0.range.start.line):\($0.range.start.column)" } == "3:8")
        #expect(findings.first?.range.end.line == 3)
        #expect(findings.first?.range.end.column == 8 + "&ldquo;This bridge carries our whole economy across the river.&rdquo;".count)
    }

    @Test func quotesInPageFurnitureAreNotTheArticles() throws {
        let body = String(repeating: "The council met on Tuesday and argued about the budget for hours. ", count: 2)
        let html = """
            <nav><a href="/">“Home</a></nav>
            <article><h1>Budget</h1><p>\(body)</p><p>\(body)</p></article>
            <div class="newsletter"><p>Sign up for “Morning Brief, our newsletter with all of the day's news</p></div>
            """
        let findings = try lint(html, rules: [QuoteBalanceRule.description.id, QuoteAttributionRule.description.id])
        #expect(findings.isEmpty)
    }

    @Test func aLegalNoticeInTheFooterIsFoundAndAMissingOneReported() throws {
        let policy = try PolicyLoader(schemas: RuleRegistry.schemas).builtin("legal/wire-copyright")
        let ruleSet = try RuleRegistry.configure(policy)
        func findings(_ footer: String) -> [Finding] {
            let html = """
                <html><body><article><h1>Storm hits coast</h1>
                <p class="byline">By Jane Doe, Associated Press</p>
                <p>The storm hit the coast on Tuesday, and thousands of homes lost power for hours.</p>
                </article>
                <footer><p>\(footer)</p><p><a href="/privacy">Privacy</a></p></footer>
                </body></html>
                """
            return Linter.lint(source: SourceText(path: "wire.html", string: html), format: .html, ruleSet: ruleSet).file.findings
        }
        let licence = "This article contains material from a news agency, used under licence. No part of it may be republished, "
            + "broadcast, rewritten or passed on without the agency&#8217;s permission."
        #expect(findings(licence).isEmpty)
        let missing = findings("Copyright 2024 The Ledger.")
        #expect(missing.map(\.ruleID) == ["legal-notice"])
        #expect(missing.first?.range.start.line == 5)
    }

    @Test func aSuppressionCommentInTheHTMLSilencesTheNextLine() throws {
        let html = """
            <article><h1>Letters</h1>
            <!-- copydesk-disable-next-line quote-balance -- the letter is printed as written -->
            <p>&ldquo;Please keep the lights on a little longer, some of us work late</p>
            </article>
            """
        let findings = try lint(html, rules: [QuoteBalanceRule.description.id])
        #expect(findings.count == 1)
        #expect(findings.first?.isSuppressed == true)
        #expect(findings.first?.suppression?.justification == "the letter is printed as written")
    }
}
