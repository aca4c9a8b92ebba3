import CopydeskCore
import CopydeskPolicy
@testable import CopydeskLinter
import Testing

/// Suppressions applied to findings placed on chosen lines of a parsed
/// article: the directives come from the real parser, the findings stand in
/// for what document rules would report there.
@Suite("Suppressions")
struct SuppressionTests {
    static let knownRules: Set<String> = ["quote-balance", "headline-case", "suppression-without-reason",
                                          "unused-suppression"]
    static let engineSeverities: [String: Severity] = ["suppression-without-reason": .warning,
                                                       "unused-suppression": .warning]

    struct Outcome {
        var findings: [Finding]
        var source: SourceText

        func ruleFinding(line: Int) -> Finding? {
            findings.first { $0.range.start.line == line && !$0.ruleID.hasSuffix("suppression")
                && $0.ruleID != "suppression-without-reason" }
        }

        var engineFindings: [Finding] {
            findings.filter { $0.ruleID == "unused-suppression" || $0.ruleID == "suppression-without-reason" }
        }

        func engineFindings(_ ruleID: String) -> [Finding] { findings.filter { $0.ruleID == ruleID } }
    }

    /// Parses `markdown` and puts one finding of `rule` at the start of each
    /// line listed.
    func resolve(_ markdown: String, findingsOn lines: [(line: Int, rule: String)],
                 enabled: Set<String> = ["quote-balance", "headline-case"],
                 engine: [String: Severity] = SuppressionTests.engineSeverities) -> Outcome {
        let source = SourceText(path: "story.md", string: markdown)
        let document = ArticleParser.parse(source, format: .markdown)
        let findings = lines.map { entry in
            Finding(ruleID: entry.rule, severity: .error, message: "finding",
                    range: source.range(source.lineByteRange(entry.line)))
        }
        let resolver = SuppressionResolver(knownRuleIDs: Self.knownRules, enabledRuleIDs: enabled,
                                           engineRuleSeverities: engine)
        return Outcome(findings: resolver.resolve(findings: findings, directives: document.directives,
                                                  source: source), source: source)
    }

    @Test("disable-next-line covers the next non-blank line only, and keeps the reason")
    func disableNextLine() throws {
        let outcome = resolve("""
            <!-- copydesk-disable-next-line quote-balance -- the quote closes in the sidebar -->

            "An open quote.

            "Another open quote.
            """, findingsOn: [(3, "quote-balance"), (5, "quote-balance")])
        let suppressed = try #require(outcome.ruleFinding(line: 3))
        #expect(suppressed.suppression == SuppressionInfo(
            kind: .inSource, justification: "the quote closes in the sidebar",
            directiveRange: outcome.source.range(outcome.source.lineByteRange(1))))
        #expect(outcome.ruleFinding(line: 5)?.isSuppressed == false)
        #expect(outcome.engineFindings.isEmpty)
    }

    @Test("disable-next-line names only the rules it lists")
    func disableNextLineOtherRule() throws {
        let outcome = resolve("""
            <!-- copydesk-disable-next-line headline-case -- house style for this series -->
            "An open quote.
            """, findingsOn: [(2, "quote-balance")])
        #expect(outcome.ruleFinding(line: 2)?.isSuppressed == false)
        let unused = try #require(outcome.engineFindings("unused-suppression").first)
        #expect(unused.range.start.line == 1)
        #expect(unused.message.contains("headline-case suppresses no finding"))
    }

    @Test("disable covers until the enable that names the rule, or a bare enable")
    func disableEnable() {
        let outcome = resolve("""
            <!-- copydesk-disable quote-balance, headline-case -- transcript section -->
            Line two.
            <!-- copydesk-enable quote-balance -->
            Line four.
            <!-- copydesk-enable -->
            Line six.
            """, findingsOn: [(2, "quote-balance"), (4, "quote-balance"), (4, "headline-case"),
                              (6, "headline-case")])
        let byLineAndRule = Dictionary(uniqueKeysWithValues: outcome.findings.filter {
            $0.ruleID == "quote-balance" || $0.ruleID == "headline-case"
        }.map { ("\($0.range.start.line) \($0.ruleID)", $0.isSuppressed) })
        #expect(byLineAndRule == ["2 quote-balance": true, "4 quote-balance": false,
                                  "4 headline-case": true, "6 headline-case": false])
        #expect(outcome.engineFindings.isEmpty)
    }

    @Test("disable without an enable covers to the end of the file")
    func disableToEndOfFile() {
        let outcome = resolve("""
            Before.

            <!-- copydesk-disable quote-balance -- reprinted letter, original punctuation -->

            After.

            Much later.
            """, findingsOn: [(1, "quote-balance"), (5, "quote-balance"), (7, "quote-balance")])
        #expect(outcome.ruleFinding(line: 1)?.isSuppressed == false)
        #expect(outcome.ruleFinding(line: 5)?.suppression?.justification == "reprinted letter, original punctuation")
        #expect(outcome.ruleFinding(line: 7)?.isSuppressed == true)
    }

    @Test("a front-matter disable covers the whole file")
    func frontMatterDisable() throws {
        let outcome = resolve("""
            ---
            title: Letters
            copydesk:
              disable:
                quote-balance: letters keep the writer's punctuation
            ---
            "Open.

            "Also open.
            """, findingsOn: [(7, "quote-balance"), (9, "quote-balance")])
        #expect(outcome.findings.filter { $0.ruleID == "quote-balance" }.allSatisfy {
            $0.suppression?.justification == "letters keep the writer's punctuation"
                && $0.suppression?.directiveRange?.start.line == 5
        })
        #expect(outcome.engineFindings.isEmpty)
    }

    @Test("all names every rule")
    func allRules() {
        let outcome = resolve("""
            <!-- copydesk-disable-next-line all -- a pasted statement, left as issued -->
            Line two.
            """, findingsOn: [(2, "quote-balance"), (2, "headline-case")])
        #expect(outcome.findings.filter { $0.range.start.line == 2 }.allSatisfy { $0.isSuppressed })
        #expect(outcome.engineFindings.isEmpty)
    }

    @Test("a suppression without a reason is reported at the directive")
    func withoutReason() throws {
        let outcome = resolve("""
            <!-- copydesk-disable-next-line quote-balance -->
            "Open.
            """, findingsOn: [(2, "quote-balance")])
        #expect(outcome.ruleFinding(line: 2)?.suppression == SuppressionInfo(
            kind: .inSource, justification: nil, directiveRange: outcome.source.range(outcome.source.lineByteRange(1))))
        let finding = try #require(outcome.engineFindings.first)
        #expect(outcome.engineFindings.count == 1)
        #expect(finding.ruleID == "suppression-without-reason")
        #expect(finding.severity == .warning)
        #expect(finding.range == outcome.source.range(outcome.source.lineByteRange(1)))
        #expect(finding.message.contains("add one after `--`"))
    }

    @Test("a front-matter entry without a reason is reported, with how to give one")
    func frontMatterWithoutReason() throws {
        let outcome = resolve("""
            ---
            copydesk:
              disable: [quote-balance]
            ---
            "Open.
            """, findingsOn: [(5, "quote-balance")])
        #expect(outcome.ruleFinding(line: 5)?.isSuppressed == true)
        let finding = try #require(outcome.engineFindings("suppression-without-reason").first)
        #expect(finding.range.start.line == 3)
        #expect(finding.message.contains("quote-balance: the reason"))
    }

    @Test("a suppression that silences nothing is reported as unused")
    func unused() throws {
        let outcome = resolve("""
            <!-- copydesk-disable quote-balance -- kept from an old draft -->
            All quotes balanced.
            """, findingsOn: [])
        let finding = try #require(outcome.engineFindings.first)
        #expect(outcome.engineFindings.count == 1)
        #expect(finding.ruleID == "unused-suppression")
        #expect(finding.range.start == SourcePosition(line: 1, column: 1, offset: 0))
        #expect(finding.message == "copydesk-disable quote-balance suppresses no finding; remove it")
    }

    @Test("an unused suppression of a rule the policy leaves off says so")
    func unusedBecausePolicyDisablesRule() throws {
        let outcome = resolve("""
            <!-- copydesk-disable-next-line headline-case -- series title -->
            # A Headline
            """, findingsOn: [], enabled: ["quote-balance"])
        let finding = try #require(outcome.engineFindings.first)
        #expect(finding.message.contains("the policy does not enable headline-case"))
    }

    @Test("an enable that closes nothing is reported under unused-suppression")
    func strayEnable() throws {
        let outcome = resolve("""
            Text.
            <!-- copydesk-enable quote-balance -->
            <!-- copydesk-disable -- a quoted transcript -->
            <!-- copydesk-enable quote-balance -->
            "Open.
            <!-- copydesk-enable -->
            <!-- copydesk-enable -->
            """, findingsOn: [(5, "quote-balance")])
        #expect(outcome.ruleFinding(line: 5)?.isSuppressed == true)
        let stray = outcome.engineFindings("unused-suppression")
        #expect(stray.map(\.range.start.line) == [2, 4, 7])
        #expect(stray[0].message == "copydesk-enable quote-balance closes no copydesk-disable of quote-balance; remove it")
        #expect(stray[1].message.contains("only a `copydesk-enable` naming no rule ends it"))
        #expect(stray[2].message == "copydesk-enable closes no copydesk-disable; remove it")
        // An enable needs no reason.
        #expect(outcome.engineFindings("suppression-without-reason").isEmpty)
    }

    @Test("a directive naming an unknown rule is reported with the nearest id")
    func unknownRule() throws {
        let outcome = resolve("""
            <!-- copydesk-disable-next-line quote-balanse, headline-case -- caps in the original -->
            Line.
            """, findingsOn: [(2, "headline-case")])
        #expect(outcome.ruleFinding(line: 2)?.isSuppressed == true)
        let finding = try #require(outcome.engineFindings.first)
        #expect(outcome.engineFindings.count == 1)
        #expect(finding.ruleID == "unused-suppression")
        #expect(finding.message == "copydesk-disable-next-line names unknown rule 'quote-balanse' (did you mean 'quote-balance'?)")
    }

    @Test("engine rules cannot be suppressed in the article")
    func engineRuleNamed() throws {
        let outcome = resolve("""
            <!-- copydesk-disable unused-suppression -- quiet please -->
            Line.
            """, findingsOn: [])
        let finding = try #require(outcome.engineFindings.first)
        #expect(finding.message.contains("set its severity in the policy instead"))
    }

    @Test("the narrowest covering directive is credited; a redundant wider one is unused")
    func narrowestWins() throws {
        let outcome = resolve("""
            ---
            copydesk:
              disable:
                quote-balance: letters page
            ---
            <!-- copydesk-disable quote-balance -- the letter -->
            <!-- copydesk-disable-next-line quote-balance -- this line especially -->
            "Open.
            """, findingsOn: [(8, "quote-balance")])
        #expect(outcome.ruleFinding(line: 8)?.suppression?.justification == "this line especially")
        #expect(outcome.engineFindings("unused-suppression").map(\.range.start.line) == [4, 6])
    }

    @Test("engine rules the policy does not enable report nothing")
    func engineRulesOff() {
        let outcome = resolve("""
            <!-- copydesk-disable-next-line quote-balanse -->
            <!-- copydesk-enable -->
            Line.
            """, findingsOn: [], engine: [:])
        #expect(outcome.findings.isEmpty)
    }

    @Test("engine rules take the severity the policy gives them")
    func engineSeverity() {
        let outcome = resolve("""
            <!-- copydesk-disable-next-line quote-balance -->
            Line.
            """, findingsOn: [], engine: ["unused-suppression": .error])
        #expect(outcome.findings.map(\.ruleID) == ["unused-suppression"])
        #expect(outcome.findings.map(\.severity) == [.error])
    }
    @Test("A mistyped directive is reported where it stands, with the directive it most likely meant, and silences nothing",
          arguments: [
              ("copydesk-disable-nextline quote-balance -- runs on", "copydesk-disable-next-line"),
              ("Copydesk-Disable-Next-Line quote-balance -- runs on", "copydesk-disable-next-line"),
              ("copydsk-disable quote-balance -- runs on", "copydesk-disable"),
              ("copydesk-enabel", "copydesk-enable"),
          ])
    func mistypedDirective(comment: String, meant: String) {
        let outcome = resolve("# Title\n\n<!-- \(comment) -->\nThe chief said \"we are ready.\n",
                              findingsOn: [(4, "quote-balance")])
        #expect(outcome.ruleFinding(line: 4)?.isSuppressed == false)
        let reports = outcome.engineFindings
        #expect(reports.count == 1)
        #expect(reports.first?.ruleID == "unused-suppression")
        #expect(reports.first?.range.start.line == 3 && reports.first?.range.start.column == 1)
        #expect(reports.first?.message.contains("is not a copydesk directive, so it suppresses nothing (did you mean `\(meant)`?)") == true)
    }

    @Test("A misspelt front-matter key under copydesk: is reported at the key, and disables nothing")
    func mistypedFrontMatterKey() {
        let outcome = resolve("---\ncopydesk:\n  disabel:\n    quote-balance: the quote runs on\n---\n# Title\n\nThe chief said \"we are ready.\n",
                              findingsOn: [(8, "quote-balance")])
        #expect(outcome.ruleFinding(line: 8)?.isSuppressed == false)
        #expect(outcome.engineFindings.count == 1)
        #expect(outcome.engineFindings.first?.range.start.line == 3 && outcome.engineFindings.first?.range.start.column == 3)
        #expect(outcome.engineFindings.first?.message.contains("`copydesk: disabel` is not a copydesk directive") == true)
        #expect(outcome.engineFindings.first?.message.contains("did you mean `copydesk: disable`?") == true)
    }

    @Test("Comments that only mention copydesk, or are ordinary notes, are not directives")
    func ordinaryComments() {
        let outcome = resolve("# Title\n\n<!-- copydesk is run in CI -->\n<!-- disable the ad slot here -->\nText.\n",
                              findingsOn: [])
        #expect(outcome.engineFindings.isEmpty)
        let listed = resolve("# Title\n\n<!-- copydesk-skip -->\nText.\n", findingsOn: [])
        #expect(listed.engineFindings.first?.message.contains("the directives are `copydesk-disable-next-line`") == true)
    }
}

@Suite("Linter: suppressions through the whole pipeline")
struct LinterSuppressionTests {
    @Test("engine-rule findings are reported with positions, in order, and fail the run at their severity")
    func engineRulesOnFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("story.md", """
            # Headline

            <!-- copydesk-disable-next-line quote-balanse -->
            Text.

            <!-- copydesk-enable -->

            """)
        let run = try linter().lint(LintOptions(paths: ["story.md"], workingDirectory: directory.path))
        let file = try #require(run.files.first)
        #expect(file.findings.map(\.ruleID) == ["suppression-without-reason", "unused-suppression",
                                                "unused-suppression"])
        #expect(file.findings.map(\.range.start.line) == [3, 3, 6])
        #expect(file.findings.allSatisfy { $0.range.start.column == 1 && !$0.isSuppressed })
        #expect(run.exitStatus(failingOn: .error) == .clean)
        #expect(run.exitStatus(failingOn: .warning) == .findings)
        #expect(run.exitStatus(failingOn: .never) == .clean)
    }

    @Test("a rule's finding under a directive stays in the results, suppressed, and does not fail the run")
    func ruleFindingSuppressed() throws {
        let directory = try TemporaryDirectory()
        try directory.write("story.md", """
            <!-- copydesk-disable-next-line quote-balance -- the quote runs on in the sidebar -->
            The mayor said "we will rebuild.

            The chief said "we are ready.

            """)
        var policy = engineRulesPolicy
        policy.rules["quote-balance"] = RuleSetting()
        let run = try linter(policy: policy).lint(LintOptions(paths: ["."], workingDirectory: directory.path))
        let findings = try #require(run.files.first).findings
        #expect(findings.map(\.ruleID) == ["quote-balance", "quote-balance"])
        #expect(findings.map(\.range.start.line) == [2, 4])
        #expect(findings[0].suppression?.justification == "the quote runs on in the sidebar")
        #expect(findings[0].suppression?.directiveRange?.start.line == 1)
        #expect(!findings[1].isSuppressed)
        #expect(run.rules.map(\.id) == ["quote-balance", "suppression-without-reason", "unused-suppression"])
        #expect(run.exitStatus(failingOn: .error) == .findings)

        try directory.write("story.md", """
            <!-- copydesk-disable quote-balance -- letters keep the writer's punctuation -->
            The mayor said "we will rebuild.

            The chief said "we are ready.

            """)
        let suppressed = try linter(policy: policy).lint(LintOptions(paths: ["."], workingDirectory: directory.path))
        #expect(suppressed.files.first?.findings.allSatisfy { $0.isSuppressed } == true)
        #expect(suppressed.exitStatus(failingOn: .note) == .clean)
    }

    @Test("parser diagnostics come back as warnings with a position")
    func parseDiagnostics() throws {
        let directory = try TemporaryDirectory()
        try directory.write("story.md", "---\ntitle: [unclosed\n---\nText.\n")
        let run = try linter().lint(LintOptions(paths: ["."], workingDirectory: directory.path))
        #expect(run.files.map(\.path) == ["story.md"])
        let problem = try #require(run.problems.first)
        #expect(problem.level == .warning)
        #expect(problem.path == "story.md")
        #expect(problem.line != nil && problem.column != nil && problem.offset != nil)
        #expect(problem.message.contains("front matter"))
        #expect(run.exitStatus(failingOn: .note) == .clean)
    }

}
