import CopydeskCore
import CopydeskRules
import Foundation
import Testing
@testable import CopydeskLinter

@Suite struct SARIFReportTests {
    private func log(_ run: LintRun, context: ReportContext = ReportFixtures.context) throws -> SARIFLog {
        let text = renderReport(run, format: .sarif, context: context)
        return try JSONDecoder().decode(SARIFLog.self, from: Data(text.utf8))
    }

    private func oneFileRun(_ text: String, path: String = "a.md", findingsOn needles: [(String, String)]) -> LintRun {
        let source = SourceText(path: path, string: text)
        let findings = needles.enumerated().map { _, pair in
            Finding(ruleID: pair.0, severity: .warning, message: "m", range: ReportFixtures.range(of: pair.1, in: source))
        }
        return LintRun(files: [FileResult(path: path, format: .markdown, findings: findings, source: source)],
                       problems: [], rules: [])
    }

    private func fingerprints(_ run: LintRun) -> [String] {
        FindingFingerprint.fingerprints(of: run.files[0])
    }

    @Test func fingerprintsSurviveLinesInsertedAbove() {
        let before = oneFileRun("Title\n\nThe teh cat.\n", findingsOn: [("spelling", "teh")])
        let after = oneFileRun("Title\n\nA new paragraph.\nAnother one.\n\nThe teh cat.\n", findingsOn: [("spelling", "teh")])
        #expect(fingerprints(before) == fingerprints(after))
        #expect(fingerprints(before)[0].count == 16)
    }

    @Test func fingerprintsIgnoreReindentation() {
        let before = oneFileRun("The teh cat.\n", findingsOn: [("spelling", "teh")])
        let after = oneFileRun("\t  The   teh cat.  \n", findingsOn: [("spelling", "teh")])
        #expect(fingerprints(before) == fingerprints(after))
    }

    @Test func fingerprintsTellIdenticalLinesAndRulesApart() {
        let source = SourceText(path: "a.md", string: "The teh cat.\nThe teh cat.\n")
        let first = source.range(4..<7), second = source.range(17..<20)
        let run = LintRun(files: [FileResult(path: "a.md", format: .markdown, findings: [
            Finding(ruleID: "spelling", severity: .warning, message: "m", range: first),
            Finding(ruleID: "typos", severity: .warning, message: "m", range: first),
            Finding(ruleID: "spelling", severity: .warning, message: "m", range: second),
        ], source: source)], problems: [], rules: [])
        #expect(Set(fingerprints(run)).count == 3)
    }

    @Test func fingerprintsChangeWhenTheLineIsEdited() {
        let before = oneFileRun("The teh cat.\n", findingsOn: [("spelling", "teh")])
        let after = oneFileRun("The teh dog.\n", findingsOn: [("spelling", "teh")])
        #expect(fingerprints(before) != fingerprints(after))
    }

    /// The definition, hashed whole per finding: rule, line and covered
    /// text with whitespace normalised, then the occurrence.
    private func referenceFingerprints(_ source: SourceText, _ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let line = source.lineByteRange(finding.range.start.line)
            let covered = max(finding.range.start.offset, line.lowerBound)..<min(finding.range.end.offset, line.upperBound)
            let identity = finding.ruleID + "\u{0}"
                + FindingFingerprint.normalizedWhitespace(source.bytes[line]) + "\u{0}"
                + FindingFingerprint.normalizedWhitespace(source.bytes[covered])
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            var hash = FNV1a64()
            hash.combine(identity)
            hash.combine("\u{0}\(occurrence)")
            return hash.hex
        }
    }

    @Test func fingerprintsOfManyFindingsOnOneLongLineFollowTheDefinition() {
        // 600 quotations on one line, a finding on each, and a second line
        // identical to the first: the shared work per line must not change
        // what is hashed, and identical lines still share occurrences.
        let line = String(repeating: "“one  two,” said. ", count: 600)
        let source = SourceText(path: "a.txt", string: line + "\n" + line + "\n")
        var findings: [Finding] = []
        var offset = 0
        let quoteLength = "“one  two,”".utf8.count, step = "“one  two,” said. ".utf8.count
        for row in 0..<2 {
            for _ in 0..<600 {
                findings.append(Finding(ruleID: "quote-attribution", severity: .note, message: "m",
                                        range: source.range(offset..<(offset + quoteLength))))
                offset += step
            }
            if row == 0 { offset += 1 }
        }
        let file = FileResult(path: "a.txt", format: .text, findings: findings, source: source)
        #expect(file.fingerprints == referenceFingerprints(source, findings))
        #expect(Set(file.fingerprints).count == 1_200)
    }

    @Test func fnvMatchesPublishedTestVectors() {
        var empty = FNV1a64()
        empty.combine("")
        var a = FNV1a64()
        a.combine("a")
        var foobar = FNV1a64()
        foobar.combine("foobar")
        #expect(empty.hex == "cbf29ce484222325")
        #expect(a.hex == "af63dc4c8601ec8c")
        #expect(foobar.hex == "85944171f73967e8")
    }

    @Test func columnsAreUnicodeScalarsNotUTF16Units() throws {
        // ☕ is one UTF-16 unit, 🎉 two: scalar column 4, UTF-16 column 5.
        let run = oneFileRun("☕🎉 teh\n", findingsOn: [("spelling", "teh")])
        let region = try #require(try log(run).runs[0].results[0].locations[0].physicalLocation.region)
        let source = SourceText(path: "a.md", string: "☕🎉 teh\n")
        let position = run.files[0].findings[0].range.start
        #expect(source.utf16Column(of: position) == 5)
        #expect(region.startColumn == 4)
        #expect(region.endColumn == 7)
        #expect(region.byteOffset == 8)
        #expect(region.byteLength == 3)
        #expect(try log(run).runs[0].columnKind == "unicodeCodePoints")
    }

    @Test func relativePaths() {
        let base = "/home/desk/news room"
        #expect(ReportPaths.relative("/home/desk/news room/a/b.md", to: base) == "a/b.md")
        #expect(ReportPaths.relative("/home/desk/news room/a/b.md", to: base + "/") == "a/b.md")
        #expect(ReportPaths.relative("/home/desk/other/b.md", to: base) == "../other/b.md")
        #expect(ReportPaths.relative("./a/./c/../b.md", to: base) == "a/b.md")
        #expect(ReportPaths.relative("../up.md", to: base) == "../up.md")
        #expect(ReportPaths.relative("/home/desk/news room/./x/../b.md", to: base) == "b.md")
    }

    @Test func uriReferencesArePercentEncoded() {
        #expect(ReportPaths.uriReference("world/café report#1?.md") == "world/caf%C3%A9%20report%231%3F.md")
        #expect(ReportPaths.uriReference("a:b/c%d.md") == "a%3Ab/c%25d.md")
        #expect(ReportPaths.uriReference("../x_y-z~(1).md") == "../x_y-z~(1).md")
        #expect(ReportPaths.directoryURI("/home/desk/news room") == "file:///home/desk/news%20room/")
        #expect(ReportPaths.directoryURI("/") == "file:///")
    }

    @Test func resultsPointAtRelativeURIsUnderTheSourceRoot() throws {
        let run = try log(ReportFixtures.run).runs[0]
        let uris = run.results.map { $0.locations[0].physicalLocation.artifactLocation.uri }
        #expect(Set(uris) == ["briefs/brief.txt", "world/caf%C3%A9-report.md"])
        #expect(run.results.allSatisfy { $0.locations[0].physicalLocation.artifactLocation.uriBaseId == "%SRCROOT%" })
        #expect(run.originalUriBaseIds["%SRCROOT%"]?.uri == "file:///home/desk/news%20room/")
        #expect(run.artifacts.map(\.location.uri) == ["briefs/brief.txt", "world/caf%C3%A9-report.md"])
    }

    @Test func everyResultNamesItsRuleByIndex() throws {
        let run = try log(ReportFixtures.run).runs[0]
        for result in run.results {
            #expect(run.tool.driver.rules[result.ruleIndex].id == result.ruleId)
        }
        #expect(run.tool.driver.rules.map(\.id) == ReportFixtures.rules.map(\.id))
        let rule = try #require(run.tool.driver.rules.first { $0.id == "house-style" })
        #expect(rule.name == "HouseStyle")
        #expect(rule.shortDescription.text == "Follow the house style guide's spellings.")
        #expect(rule.defaultConfiguration.level == "error")
        #expect(rule.help.markdown.contains("```markdown\nPrices rose 5% in a year.\n```"))
        #expect(!rule.help.text.contains("↓"))
    }

    @Test func helpFenceOutgrowsBackticksInTheExample() {
        let description = RuleDescription(
            id: "code-fence", summary: "s", rationale: "r", defaultSeverity: .note,
            triggering: [RuleExample("↓```\ncode\n```\n")], nonTriggering: [])
        let help = SARIFRules.help(description)
        #expect(help.markdown == "r\n\nExample that is reported:\n\n````markdown\n```\ncode\n```\n````")
        #expect(help.text == "r\n\nExample that is reported:\n\n    ```\n    code\n    ```")
    }

    @Test func ruleAFindingNamesButTheRunDoesNotDescribeStillGetsADescriptor() throws {
        let run = try log(oneFileRun("The teh cat.\n", findingsOn: [("made-up-rule", "teh")])).runs[0]
        #expect(run.tool.driver.rules.map(\.id) == ["made-up-rule"])
        #expect(run.results[0].ruleIndex == 0)
    }

    @Test func suppressedFindingsCarryTheirJustification() throws {
        let run = try log(ReportFixtures.run).runs[0]
        let suppressed = run.results.filter { $0.suppressions != nil }
        #expect(suppressed.count == 1)
        let suppression = try #require(suppressed.first?.suppressions?.first)
        #expect(suppression.kind == "inSource")
        #expect(suppression.justification == "place name")
        #expect(suppression.location?.physicalLocation.region?.startLine == 7)
    }

    @Test func relatedLocationsHaveIdsAndMessages() throws {
        let run = try log(ReportFixtures.run).runs[0]
        let result = try #require(run.results.first { $0.ruleId == "quote-consistency" })
        let related = try #require(result.relatedLocations?.first)
        #expect(related.id == 1)
        #expect(related.message?.text == "straight quotation marks are also used here")
        #expect(related.physicalLocation.region?.startLine == 4)
        #expect(related.physicalLocation.region?.startColumn == 17)
    }

    @Test func inputProblemsAreToolNotifications() throws {
        let invocation = try log(ReportFixtures.run).runs[0].invocations[0]
        #expect(invocation.executionSuccessful == false)
        #expect(invocation.endTimeUtc == "2024-05-01T10:00:00Z")
        #expect(invocation.toolExecutionNotifications.map(\.level) == ["error", "warning"])
        let location = try #require(invocation.toolExecutionNotifications[0].locations?.first).physicalLocation
        #expect(location.artifactLocation.uri == "../archive/%C3%96lfeld%20notes.md")
        #expect(location.region?.startLine == 2)

        let clean = LintRun(files: [], problems: [InputProblem(path: "x.md", level: .warning, message: "skipped")], rules: [])
        #expect(try log(clean).runs[0].invocations[0].executionSuccessful)
    }

    /// The log passes the OASIS schema and GitHub's code scanning checks, as
    /// `../shared/eval/check-sarif.py` runs them. Skipped where that script or
    /// Python's `jsonschema` is not installed.
    @Test(.enabled(if: SARIFChecker.isAvailable, "needs ../shared/eval/check-sarif.py and python3 with jsonschema"))
    func logPassesTheSchemaAndGitHubChecks() throws {
        let runs = [
            ReportFixtures.run,
            LintRun(files: [], problems: [], rules: ReportFixtures.rules),
            oneFileRun("An empty range at the start, a rule the run does not describe.", findingsOn: [("undescribed-rule", "")]),
        ]
        let output = try SARIFChecker.check(runs.map {
            renderReport($0, format: .sarif, context: ReportFixtures.context)
        })
        #expect(output.status == 0, "check-sarif.py: \(output.text)")
    }
}

enum SARIFChecker {
    static var script: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/eval/check-sarif.py").standardizedFileURL
    }

    static var isAvailable: Bool {
        guard FileManager.default.fileExists(atPath: script.path) else { return false }
        return (try? run(["python3", "-c", "import jsonschema"]).status) == 0
    }

    static func check(_ logs: [String]) throws -> (status: Int32, text: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("copydesk-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, log) in logs.enumerated() {
            let file = directory.appendingPathComponent("\(index).sarif")
            try Data(log.utf8).write(to: file)
            paths.append(file.path)
        }
        return try run(["python3", script.path] + paths)
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
