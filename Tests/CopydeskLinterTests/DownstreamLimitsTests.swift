import CopydeskCore
import CopydeskRules
import Foundation
import Testing
@testable import CopydeskLinter

/// What GitHub code scanning and GitHub Actions accept, and what the
/// reports say when a run has more than that.
@Suite struct DownstreamLimitsTests {
    /// `count` findings on separate lines of one file; severities cycle
    /// note, warning, error so each appears.
    private func run(findings count: Int, path: String = "a.md", suppressFirst: Bool = false) -> LintRun {
        let text = (0..<count).map { "Line \($0) has a problem.\n" }.joined()
        let source = SourceText(path: path, string: text)
        let severities: [Severity] = [.note, .warning, .error]
        let findings = (0..<count).map { index in
            let start = source.lineByteRange(index + 1).lowerBound
            return Finding(ruleID: "house-style", severity: severities[index % 3], message: "Problem \(index).",
                           range: source.range(start..<(start + 4)),
                           suppression: suppressFirst && index == 2
                               ? SuppressionInfo(kind: .inSource, justification: "why", directiveRange: nil) : nil)
        }
        return LintRun(files: [FileResult(path: path, format: .markdown, findings: findings, source: source)],
                       problems: [], rules: ReportFixtures.rules)
    }

    private func sarif(_ run: LintRun, maxResults: Int?) throws -> [String: Any] {
        var context = ReportFixtures.context
        context.maxResults = maxResults
        let text = renderReport(run, format: .sarif, context: context)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func firstRun(_ log: [String: Any]) throws -> [String: Any] {
        try #require((log["runs"] as? [[String: Any]])?.first)
    }

    @Test("over --max-results the most severe results are kept, in report order, and the log says how many went")
    func sarifKeepsTheMostSevere() throws {
        let full = run(findings: 9, suppressFirst: true)
        let log = try firstRun(try sarif(full, maxResults: 4))
        let results = try #require(log["results"] as? [[String: Any]])
        // Errors at lines 3, 6, 9 — but line 3's is suppressed, so it ranks
        // last; then the first warning (line 2).
        let lines = results.map {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
                .flatMap { $0["region"] as? [String: Any] }?["startLine"] as? Int
        }
        #expect(lines == [2, 5, 6, 9])
        #expect(results.map { $0["level"] as? String } == ["warning", "warning", "error", "error"])
        let properties = try #require(log["properties"] as? [String: Any])
        #expect(properties["resultsOmitted"] as? Int == 5)
        #expect(properties["maxResults"] as? Int == 4)
        let invocation = try #require((log["invocations"] as? [[String: Any]])?.first)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        let message = try #require((notifications.last?["message"] as? [String: Any])?["text"] as? String)
        #expect(notifications.last?["level"] as? String == "warning")
        #expect(message.hasPrefix("5 results left out (1 warning, 3 notes, 1 suppressed): this log holds at most 4"))
        #expect(invocation["executionSuccessful"] as? Bool == true)
        #expect(SARIFReport.omittedResults(full, maxResults: 4) == 5)
    }

    @Test("the default cap is GitHub's 25,000, and a run within it gets no properties or notification")
    func sarifDefaultCap() throws {
        #expect(SARIFReport.defaultMaxResults == 25_000)
        let small = run(findings: 6)
        let log = try firstRun(try sarif(small, maxResults: nil))
        #expect((log["results"] as? [Any])?.count == 6)
        #expect(log["properties"] == nil)
        #expect(SARIFReport.omittedResults(small, maxResults: nil) == 0)
        let big = run(findings: 25_003)
        #expect(SARIFReport.omittedResults(big, maxResults: nil) == 3)
    }

    @Test("with a baseline, results carry baselineState, the run its counts, and unchanged results go before suppressed ones")
    func sarifBaselineState() throws {
        var full = run(findings: 3)
        let baseline = Baseline(entries: [BaselineEntry(path: "a.md", ruleId: "house-style",
                                                        fingerprint: full.files[0].fingerprints[2])])
        full.compare(with: baseline, path: "base.json", directory: "/w", workingDirectory: "/w", fileExists: { _ in true })
        let log = try firstRun(try sarif(full, maxResults: nil))
        let results = try #require(log["results"] as? [[String: Any]])
        #expect(results.map { $0["baselineState"] as? String } == ["new", "new", "unchanged"])
        let baselineProperties = try #require((log["properties"] as? [String: Any])?["baseline"] as? [String: Any])
        #expect(baselineProperties["unchanged"] as? Int == 1)
        #expect(baselineProperties["new"] as? Int == 2)
        #expect(baselineProperties["absent"] as? Int == 0)
        // Capped to one: the new warning beats the baselined error.
        let capped = try #require(try firstRun(try sarif(full, maxResults: 1))["results"] as? [[String: Any]])
        #expect(capped.map { $0["level"] as? String } == ["warning"])
    }

    @Test("built-in rules get a helpUri into docs/rules.md only when copydesk has a documentation address")
    func helpUri() throws {
        let source = SourceText(path: "a.md", string: "He said \"no.\n")
        let finding = Finding(ruleID: "quote-balance", severity: .error, message: "m", range: source.range(8..<9))
        let run = LintRun(files: [FileResult(path: "a.md", format: .markdown, findings: [finding], source: source)],
                          problems: [], rules: [try #require(RuleRegistry.description(of: "quote-balance"))] + ReportFixtures.rules)
        func rules(_ url: String?) throws -> [String: String?] {
            var context = ReportFixtures.context
            context.rulesDocumentationURL = url
            let log = try JSONDecoder().decode(SARIFLog.self, from: Data(renderReport(run, format: .sarif, context: context).utf8))
            return Dictionary(uniqueKeysWithValues: log.runs[0].tool.driver.rules.map { ($0.id, $0.helpUri) })
        }
        let documented = try rules("https://example.org/copydesk/blob/v0.1.0/docs/rules.md")
        #expect(documented["quote-balance"] == "https://example.org/copydesk/blob/v0.1.0/docs/rules.md#quote-balance")
        // The fixture's rules are not copydesk's: they have no section there.
        #expect(documented["house-style"] == .some(nil))
        #expect(try rules(nil)["quote-balance"] == .some(nil))
        #expect(CopydeskVersion.rulesDocumentationURL == nil)
        // docs/rules.md has a section for every rule the anchor could name.
        let rulesDocument = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().appendingPathComponent("../../docs/rules.md"), encoding: .utf8)
        for description in RuleRegistry.descriptions {
            #expect(rulesDocument.contains("\n## \(description.id)\n"), "docs/rules.md has no section for \(description.id)")
        }
    }

    private func github(_ run: LintRun) -> [Substring] {
        renderReport(run, format: .github, context: ReportFixtures.context).split(separator: "\n")
    }

    @Test("within GitHub's annotation limits the report is only the annotations")
    func githubWithinLimits() {
        let lines = github(run(findings: 30))
        #expect(lines.count == 30)
        #expect(!lines.contains { $0.hasPrefix("::notice title=copydesk%3A not every finding") })
    }

    @Test("over 10 of a level, a notice first says what GitHub will not display")
    func githubOverLimits() throws {
        let lines = github(run(findings: 36))
        #expect(lines.count == 37)
        let notice = try #require(lines.first)
        #expect(notice.hasPrefix("::notice title=copydesk%3A not every finding is annotated::"))
        #expect(notice.contains("this step prints 12 errors, 12 warnings, 13 notices (this notice included)."))
        #expect(notice.contains("Not displayed: 2 of 12 errors, 2 of 12 warnings, 3 of 13 notices."))
        // Three levels of 10 stay under the job's 50 too.
        #expect(GitHubReport.limitNotice(["error": 10, "warning": 10, "notice": 10]) == nil)
        let oneOver = try #require(GitHubReport.limitNotice(["error": 11]))
        #expect(oneOver.contains("this step prints 11 errors, 0 warnings, 1 notice"))
        #expect(oneOver.contains("Not displayed: 1 of 11 errors."))
    }

    @Test("baselined and suppressed findings are not annotated and not counted against the limits")
    func githubSkipsKnownFindings() {
        var full = run(findings: 12, suppressFirst: true)
        let baseline = Baseline(entries: full.files[0].fingerprints.prefix(6).map {
            BaselineEntry(path: "a.md", ruleId: "house-style", fingerprint: $0)
        })
        full.compare(with: baseline, path: "b.json", directory: "/w", workingDirectory: "/w", fileExists: { _ in true })
        let lines = github(full)
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { !$0.contains("Problem 0.") && !$0.contains("Problem 2.") })
    }
}
