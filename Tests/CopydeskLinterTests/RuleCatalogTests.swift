import CopydeskCore
import CopydeskPolicy
import CopydeskRules
@testable import CopydeskLinter
import Foundation
import Testing

@Suite("Rule catalogue, exit status and the small decisions behind the CLI")
struct RuleCatalogTests {
    static let sample = RuleDescription(
        id: "sample-rule", summary: "A summary.", rationale: "Why it matters.", defaultSeverity: .note,
        options: [OptionSpec("limit", .integer(1...9), default: .integer(3), "How many.")],
        triggering: [RuleExample("↓Bad.\n\nStill bad.\n", options: ["limit": .integer(1)])],
        nonTriggering: [RuleExample("Good.\n", format: .text)])

    @Test("the listing shows every registered rule with its default severity, in aligned columns")
    func listing() {
        let lines = RuleCatalog.listing().split(separator: "\n")
        #expect(lines.count == RuleRegistry.descriptions.count)
        for (line, description) in zip(lines, RuleRegistry.descriptions) {
            #expect(line.hasPrefix(description.id + " "))
            #expect(line.contains(" \(description.defaultSeverity.rawValue) "))
            #expect(line.hasSuffix(description.summary))
        }
        let summaryColumns = Set(zip(lines, RuleRegistry.descriptions).map { line, description in
            line.count - description.summary.count
        })
        #expect(summaryColumns.count == 1)
    }

    @Test("the JSON listing is versioned and round-trips")
    func listingJSON() throws {
        let json = try RuleCatalog.listingJSON([Self.sample], version: "9.9.9")
        let report = try JSONDecoder().decode(RuleCatalog.ListingReport.self, from: Data(json.utf8))
        #expect(report.schemaVersion == RuleCatalog.ListingReport.currentSchemaVersion)
        #expect(report.version == "9.9.9")
        #expect(report.rules == [.init(id: "sample-rule", defaultSeverity: "note", summary: "A summary.",
                                       options: [.init(name: "limit", kind: "a whole number from 1 to 9",
                                                       defaultValue: "3", summary: "How many.")])])
    }

    @Test("an explanation has the summary, rationale, options and examples with their markers")
    func explanation() {
        #expect(RuleCatalog.explanation(of: Self.sample) == """
            sample-rule (default severity: note)

            A summary.

            Why it matters.

            Options:
              limit: a whole number from 1 to 9 (default: 3)
                  How many.

            Triggers on (↓ marks where the finding starts):
              Example 1 (markdown, example.md; options limit: 1):
                ↓Bad.

                Still bad.

            Does not trigger on:
              Example 1 (text, example.txt):
                Good.

            """)
    }

    @Test("every registered rule can be explained")
    func everyRuleExplains() {
        for description in RuleRegistry.descriptions {
            let text = RuleCatalog.explanation(of: description)
            #expect(text.hasPrefix("\(description.id) (default severity: \(description.defaultSeverity.rawValue))"))
            #expect(text.contains(description.rationale))
        }
    }

    @Test("an unknown rule id gets the nearest known one")
    func unknownRule() {
        #expect(RuleCatalog.unknownRuleMessage("unused-supression").contains("did you mean 'unused-suppression'?"))
        #expect(!RuleCatalog.unknownRuleMessage("zzzzzzzz").contains("did you mean"))
    }

    @Test("name suggestions tolerate a few edits and a swap, and stop there")
    func suggestions() {
        let names = ["quote-balance", "headline-case", "unused-suppression"]
        #expect(NearestMatch.suggestion(for: "qoute-balance", among: names) == "quote-balance")
        #expect(NearestMatch.suggestion(for: "Headline-Cases", among: names) == "headline-case")
        #expect(NearestMatch.suggestion(for: "byline", among: names) == nil)
    }

    @Test("--fail-on counts only unsuppressed findings at or above the threshold; input errors win",
          arguments: [
              (FailureThreshold.error, LintExitStatus.clean),
              (.warning, .findings),
              (.note, .findings),
              (.never, .clean),
          ])
    func exitStatus(threshold: FailureThreshold, expected: LintExitStatus) {
        let source = SourceText(path: "a.md", string: "Text.\n")
        let range = source.range(0..<4)
        let suppressed = SuppressionInfo(kind: .inSource, justification: "why", directiveRange: nil)
        let file = FileResult(path: "a.md", format: .markdown, findings: [
            Finding(ruleID: "r", severity: .warning, message: "m", range: range),
            Finding(ruleID: "r", severity: .error, message: "m", range: range, suppression: suppressed),
        ], source: source)
        var run = LintRun(files: [file], problems: [], rules: [])
        #expect(run.exitStatus(failingOn: threshold) == expected)
        run.problems = [InputProblem(path: "b.md", level: .warning, message: "skipped")]
        #expect(run.exitStatus(failingOn: threshold) == expected)
        run.problems.append(InputProblem(path: "c.md", level: .error, message: "not UTF-8"))
        #expect(run.exitStatus(failingOn: threshold) == .usageOrInputError)
    }

    @Test("colour: the flag wins, else a terminal without NO_COLOR")
    func color() {
        #expect(ColorChoice.useColor(flag: nil, outputIsTerminal: true, environment: [:]))
        #expect(!ColorChoice.useColor(flag: nil, outputIsTerminal: false, environment: [:]))
        #expect(!ColorChoice.useColor(flag: nil, outputIsTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(ColorChoice.useColor(flag: nil, outputIsTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(ColorChoice.useColor(flag: true, outputIsTerminal: false, environment: ["NO_COLOR": "1"]))
        #expect(!ColorChoice.useColor(flag: false, outputIsTerminal: true, environment: [:]))
    }

    @Test("input problems print like compiler diagnostics")
    func diagnosticLines() {
        #expect(InputProblem(path: "a.md", level: .error, message: "invalid UTF-8", line: 2, column: 4, offset: 13)
            .diagnosticLine == "a.md:2:4: error: invalid UTF-8")
        #expect(InputProblem(path: "b.md", level: .warning, message: "binary file, skipped").diagnosticLine
            == "b.md: warning: binary file, skipped")
    }

    @Test("a named article is parsed, or refused with the problem that says why")
    func articleInput() throws {
        let directory = try TemporaryDirectory()
        try directory.write("story.md", "# Headline\n\nText.\n")
        try directory.write("story.article", "Text.\n")
        try directory.write("latin1.txt", bytes: [0x43, 0x61, 0x66, 0xE9])
        let document = try ArticleInput.parse(path: "story.md", workingDirectory: directory.path)
        #expect(document.path == "story.md")
        #expect(document.headline?.text == "Headline")

        func problem(_ path: String, format: InputFormat? = nil) -> InputProblem? {
            do {
                _ = try ArticleInput.parse(path: path, inputFormat: format, workingDirectory: directory.path)
                return nil
            } catch {
                return error
            }
        }
        #expect(problem("gone.md")?.message == "no such file; check the path")
        #expect(problem(".")?.message.contains("is a directory") == true)
        #expect(problem("story.article")?.message.contains("--input-format") == true)
        #expect(problem("story.article", format: .text) == nil)
        #expect(problem("latin1.txt")?.offset == 3)
    }
}
