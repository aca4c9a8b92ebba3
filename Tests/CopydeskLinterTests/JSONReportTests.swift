import CopydeskCore
import Foundation
import Testing
@testable import CopydeskLinter

@Suite struct JSONReportTests {
    private var report: String { renderReport(ReportFixtures.run, format: .json, context: ReportFixtures.context) }

    @Test func decodesBackToTheTypedReport() throws {
        let decoded = try JSONDecoder().decode(JSONLintReport.self, from: Data(report.utf8))
        #expect(decoded == JSONLintReport(ReportFixtures.run, context: ReportFixtures.context))
        #expect(decoded.version == 1)
        #expect(decoded.tool == JSONLintReport.Tool(name: "copydesk", version: "9.9.9-test"))
        #expect(decoded.generatedAt == "2024-05-01T10:00:00Z")
    }

    @Test func listsSuppressedFindingsButDoesNotCountThem() throws {
        let decoded = try JSONDecoder().decode(JSONLintReport.self, from: Data(report.utf8))
        let findings = decoded.files.flatMap(\.findings)
        #expect(findings.count == 7)
        let suppressed = findings.filter { $0.suppressed != nil }
        #expect(suppressed.map(\.suppressed?.justification) == ["place name"])
        #expect(decoded.summary.errors == 2)
        #expect(decoded.summary.warnings == 3)
        #expect(decoded.summary.notes == 1)
        #expect(decoded.summary.suppressed == 1)
        #expect(decoded.summary.files == 2)
        #expect(decoded.summary.inputErrors == 1)
        #expect(decoded.summary.inputWarnings == 1)
    }

    @Test func absentValuesAreNullNotMissing() throws {
        let object = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any]
        let files = try #require(object?["files"] as? [[String: Any]])
        let finding = try #require((files[0]["findings"] as? [[String: Any]])?.first)
        #expect(finding.keys.sorted() == ["baselineState", "fingerprint", "message", "range", "related", "ruleId",
                                           "severity", "suppressed"])
        #expect(finding["suppressed"] is NSNull)
        // Without --baseline there is no state to give, and no baseline.
        #expect(finding["baselineState"] is NSNull)
        #expect(object?["baseline"] is NSNull)
        let problem = try #require((object?["problems"] as? [[String: Any]])?.last)
        #expect(problem["line"] is NSNull)
    }

    @Test func positionsCarryLineScalarColumnAndByteOffset() throws {
        let decoded = try JSONDecoder().decode(JSONLintReport.self, from: Data(report.utf8))
        // "émigré" in the brief follows a decomposed é (two scalars, three bytes).
        let range = decoded.files[0].findings[0].range
        #expect(range.start == JSONLintReport.Position(line: 1, column: 23, offset: 24))
        #expect(range.end == JSONLintReport.Position(line: 1, column: 29, offset: 32))
    }

    @Test("Top-level keys come in the documented order, every other object's sorted, the same bytes each run")
    func keysComeInAFixedOrder() throws {
        let first = report
        let second = renderReport(ReportFixtures.run, format: .json, context: ReportFixtures.context)
        #expect(first == second)
        let topLevel = first.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topLevel == ["version", "tool", "generatedAt", "files", "problems", "summary", "baseline"])
        // A finding's keys are the lines indented by exactly ten spaces.
        let findingKeys = first.split(separator: "\n")
            .filter { $0.hasPrefix(String(repeating: " ", count: 10) + "\"") }
            .map { String($0.split(separator: "\"")[1]) }
        let keysOfOne = Array(findingKeys[0..<(findingKeys.dropFirst().firstIndex(of: findingKeys[0]) ?? findingKeys.count)])
        #expect(keysOfOne.count >= 8)
        #expect(keysOfOne == keysOfOne.sorted())
    }

    @Test("Written as the run goes, it decodes to the report encoded whole")
    func streamedEqualsEncodedWhole() throws {
        let decoded = try JSONDecoder().decode(JSONLintReport.self, from: Data(report.utf8))
        #expect(decoded == JSONLintReport(ReportFixtures.run, context: ReportFixtures.context))
        let empty = LintRun(files: [], problems: [], rules: [])
        let emptyReport = JSONReport().render(empty, context: ReportFixtures.context)
        #expect(emptyReport.contains("\"files\" : [\n\n  ],"))
        #expect(try JSONDecoder().decode(JSONLintReport.self, from: Data(emptyReport.utf8))
            == JSONLintReport(empty, context: ReportFixtures.context))
    }
}

@Suite("Suggestions from a style rule's action, in every report")
struct SuggestionReportTests {
    /// The fixture run with one suggestion on its first finding.
    var run: LintRun {
        var run = ReportFixtures.run
        var findings = run.files[0].findings
        findings[0].suggestions = ["said"]
        run.files[0] = FileResult(path: run.files[0].path, format: run.files[0].format, findings: findings,
                                  source: ReportFixtures.brief)
        return run
    }

    @Test("JSON lists them; a finding without any has no key for them")
    func json() throws {
        let decoded = try JSONDecoder().decode(JSONLintReport.self,
                                               from: Data(renderReport(run, format: .json, context: ReportFixtures.context).utf8))
        let findings = decoded.files.flatMap(\.findings)
        #expect(findings[0].suggestions == ["said"])
        #expect(findings.dropFirst().allSatisfy { $0.suggestions == nil })
        #expect(findings.count > 1)
    }

    @Test("SARIF gives each a fix replacing the finding's region")
    func sarif() throws {
        let text = renderReport(run, format: .sarif, context: ReportFixtures.context)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let fixes = try #require(results[0]["fixes"] as? [[String: Any]])
        let change = try #require((fixes[0]["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        #expect((replacement["insertedContent"] as? [String: Any])?["text"] as? String == "said")
        let region = try #require(replacement["deletedRegion"] as? [String: Any])
        #expect(region["startLine"] as? Int == 1 && region["startColumn"] as? Int == 23)
        #expect(results[1]["fixes"] == nil)
    }

    @Test("The text report shows them under the snippet")
    func text() {
        let text = renderReport(run, format: .text, context: ReportFixtures.context)
        #expect(text.contains("suggestion: 'said'"))
        #expect(text.components(separatedBy: "suggestion:").count == 2)
    }
}
