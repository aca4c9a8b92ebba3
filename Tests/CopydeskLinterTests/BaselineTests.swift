import CopydeskCore
import CopydeskPolicy
import CopydeskRules
import Foundation
import Testing
@testable import CopydeskLinter

/// Runs the real linter, default policy, over articles written here.
private func lintWithDefaultPolicy(_ directory: TemporaryDirectory, paths: [String] = ["."],
                                   from subdirectory: String = "") throws -> LintRun {
    let policy = try PolicyLoader(schemas: RuleRegistry.schemas).builtin("default")
    return try Linter(policyLookup: { _ in policy })
        .lint(LintOptions(paths: paths, workingDirectory: directory.path + subdirectory))
}

private let openQuoteArticle = """
    # Ferry service resumes

    By Ines Calder

    The harbour master said "the crossings start again on Monday.

    Timetables are posted at the pier.

    """

@Suite("Baselines and stable fingerprints")
struct BaselineTests {
    private func fingerprints(_ run: LintRun, rule: String) -> [String] {
        run.files.flatMap { file in zip(file.findings, file.fingerprints).filter { $0.0.ruleID == rule }.map(\.1) }
    }

    @Test("a paragraph added above a real finding leaves its fingerprint alone; its line number moves")
    func fingerprintSurvivesAParagraphAbove() throws {
        let directory = try TemporaryDirectory()
        try directory.write("story.md", openQuoteArticle)
        let before = try lintWithDefaultPolicy(directory)
        try directory.write("story.md", openQuoteArticle.replacingOccurrences(
            of: "By Ines Calder\n\n",
            with: "By Ines Calder\n\nAn editor's note added a week later, in two sentences. It says little.\n\n"))
        let after = try lintWithDefaultPolicy(directory)
        let lineBefore = try #require(before.files[0].findings.first { $0.ruleID == "quote-balance" }).range.start.line
        let lineAfter = try #require(after.files[0].findings.first { $0.ruleID == "quote-balance" }).range.start.line
        #expect(lineAfter == lineBefore + 2)
        #expect(fingerprints(before, rule: "quote-balance").count == 1)
        #expect(fingerprints(before, rule: "quote-balance") == fingerprints(after, rule: "quote-balance"))
    }

    @Test("editing the finding's own line gives a new fingerprint")
    func fingerprintFollowsTheLine() throws {
        let directory = try TemporaryDirectory()
        try directory.write("story.md", openQuoteArticle)
        let before = try lintWithDefaultPolicy(directory)
        try directory.write("story.md", openQuoteArticle.replacingOccurrences(of: "on Monday", with: "on Tuesday"))
        let after = try lintWithDefaultPolicy(directory)
        #expect(fingerprints(after, rule: "quote-balance").count == 1)
        #expect(fingerprints(before, rule: "quote-balance") != fingerprints(after, rule: "quote-balance"))
    }

    @Test("leaving findings out of a report keeps every other finding's fingerprint")
    func filteringKeepsFingerprints() {
        let source = SourceText(path: "a.md", string: "The teh cat.\nThe teh cat.\n")
        let file = FileResult(path: "a.md", format: .markdown, findings: [
            Finding(ruleID: "spelling", severity: .note, message: "m", range: source.range(4..<7)),
            Finding(ruleID: "spelling", severity: .warning, message: "m", range: source.range(17..<20)),
        ], source: source)
        let kept = file.keepingFindings { file.findings[$0].severity == .warning }
        #expect(kept.findings.count == 1)
        #expect(kept.fingerprints == [file.fingerprints[1]])
        #expect(file.fingerprints[0] != file.fingerprints[1])
    }

    @Test("the file is sorted, one finding a line, deterministic, with no timestamp, and reads back")
    func fileFormat() throws {
        let baseline = Baseline(entries: [
            BaselineEntry(path: "world/b.md", ruleId: "quote-balance", fingerprint: "00000000000000bb"),
            BaselineEntry(path: "desk/a.md", ruleId: "byline", fingerprint: "00000000000000aa"),
            BaselineEntry(path: "desk/a.md", ruleId: "byline", fingerprint: "00000000000000aa"),
        ])
        #expect(baseline.render() == """
            {
              "version": 1,
              "tool": "copydesk",
              "fingerprint": "copydeskFingerprint/v1",
              "findings": [
                {"path": "desk/a.md", "ruleId": "byline", "fingerprint": "00000000000000aa"},
                {"path": "world/b.md", "ruleId": "quote-balance", "fingerprint": "00000000000000bb"}
              ]
            }

            """)
        #expect(try Baseline.parse(Data(baseline.render().utf8), path: "b.json") == baseline)
        let empty = Baseline(entries: [])
        #expect(empty.render().contains("\"findings\": []\n"))
        #expect(try Baseline.parse(Data(empty.render().utf8), path: "b.json").entries.isEmpty)
    }

    @Test("a file that is not a baseline of this version is an error naming the file and the fix",
          arguments: [
              ("not json", "not a copydesk baseline (not a JSON object)"),
              ("[]", "not a copydesk baseline (not a JSON object)"),
              ("{}", "not a copydesk baseline (no \"version\")"),
              (#"{"version": 2, "fingerprint": "copydeskFingerprint/v1", "findings": []}"#, "baseline format version 2"),
              (#"{"version": 1, "findings": []}"#, "\"fingerprint\" missing"),
              (#"{"version": 1, "fingerprint": "copydeskFingerprint/v1", "findings": [{"path": 3}]}"#, "wrong type at findings[0].path"),
              (#"{"version": 1, "fingerprint": "other/v9", "findings": []}"#, "its fingerprints are \"other/v9\""),
          ])
    func corruptBaselines(text: String, problem: String) {
        #expect {
            try Baseline.parse(Data(text.utf8), path: "archive/base.json")
        } throws: { error in
            let description = (error as? BaselineError)?.description ?? ""
            return description.hasPrefix("archive/base.json: error: ") && description.contains(problem)
                && description.contains("copydesk baseline write archive/base.json")
        }
    }

    @Test("a missing baseline file is an error that says how to create it")
    func missingBaseline() throws {
        let directory = try TemporaryDirectory()
        #expect {
            try Baseline.read(path: directory.path + "/nope.json")
        } throws: { error in
            (error as? BaselineError)?.description.contains("the baseline file does not exist; create it with `copydesk baseline write") == true
        }
    }

    @Test("recorded findings are unchanged, others new; suppressed findings are never recorded and never counted")
    func comparison() throws {
        let directory = try TemporaryDirectory()
        try directory.write("desk/old.md", openQuoteArticle)
        try directory.write("desk/waived.md", """
            # Storm

            By Ines Calder

            <!-- copydesk-disable-next-line quote-balance -- the reader's letter is quoted as sent -->
            A reader wrote "the lights went out.

            """)
        let recorded = try lintWithDefaultPolicy(directory)
        let baseline = Baseline(recording: recorded, directory: directory.path, workingDirectory: directory.path)
        #expect(baseline.entries.map(\.path) == ["desk/old.md"])
        #expect(baseline.entries.map(\.ruleId) == ["quote-balance"])

        try directory.write("desk/new.md", openQuoteArticle.replacingOccurrences(of: "harbour master", with: "pilot"))
        var run = try lintWithDefaultPolicy(directory)
        run.compare(with: baseline, path: "base.json", directory: directory.path, workingDirectory: directory.path)
        let states = Dictionary(uniqueKeysWithValues: run.files.map { ($0.path, $0.baselineStates ?? []) })
        #expect(states["desk/old.md"] == [.unchanged])
        #expect(states["desk/new.md"] == [.new])
        #expect(run.baseline == BaselineComparison(path: "base.json", unchanged: 1, new: 1, absent: 0))
        #expect(ReportSummary(run).errors == 1)
        #expect(ReportSummary(run).baselined == 1)
        #expect(run.exitStatus(failingOn: .error) == .findings)

        try FileManager.default.removeItem(atPath: directory.path + "/desk/new.md")
        var fixedRun = try lintWithDefaultPolicy(directory)
        fixedRun.compare(with: baseline, path: "base.json", directory: directory.path, workingDirectory: directory.path)
        #expect(fixedRun.exitStatus(failingOn: .error) == .clean)
        #expect(fixedRun.exitStatus(failingOn: .note) == .clean)
    }

    @Test("a fixed finding makes its entry absent; entries of files the run did not lint are not judged")
    func absentEntries() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", openQuoteArticle)
        try directory.write("b.md", openQuoteArticle)
        let baseline = Baseline(recording: try lintWithDefaultPolicy(directory), directory: directory.path,
                                workingDirectory: directory.path)
        #expect(baseline.entries.count == 2)
        try directory.write("a.md", openQuoteArticle.replacingOccurrences(of: "on Monday.", with: "on Monday.\""))
        var run = try lintWithDefaultPolicy(directory, paths: ["a.md"])
        run.compare(with: baseline, path: "base.json", directory: directory.path, workingDirectory: directory.path)
        #expect(run.baseline?.absent == 1)
        #expect(run.baseline?.unchanged == 0)
    }

    @Test("paths are relative to the baseline's directory, so the run may start elsewhere")
    func pathsRelativeToTheBaseline() throws {
        let directory = try TemporaryDirectory()
        try directory.write("site/desk/story.md", openQuoteArticle)
        let run = try lintWithDefaultPolicy(directory, paths: ["site"])
        let baseline = Baseline(recording: run, directory: directory.path + "/site", workingDirectory: directory.path)
        #expect(baseline.entries.map(\.path) == ["desk/story.md"])
        // The same article linted from inside site/desk, baseline one level up.
        var inner = try lintWithDefaultPolicy(directory, paths: ["story.md"], from: "/site/desk")
        inner.compare(with: baseline, path: "../base.json", directory: directory.path + "/site",
                      workingDirectory: directory.path + "/site/desk")
        #expect(inner.files[0].baselineStates == [.unchanged])
    }

    @Test("a moved article keeps its findings as unchanged when its old path is gone, not when it still exists")
    func movedArticles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("2023/story.md", openQuoteArticle)
        let baseline = Baseline(recording: try lintWithDefaultPolicy(directory), directory: directory.path,
                                workingDirectory: directory.path)
        try FileManager.default.moveItem(atPath: directory.path + "/2023/story.md", toPath: directory.path + "/archive-story.md")
        var moved = try lintWithDefaultPolicy(directory)
        moved.compare(with: baseline, path: "b.json", directory: directory.path, workingDirectory: directory.path)
        #expect(moved.files.map(\.path) == ["archive-story.md"])
        #expect(moved.files[0].baselineStates == [.unchanged])

        // A copy beside the original is a new article with new findings.
        try directory.write("2023/story.md", openQuoteArticle)
        var copied = try lintWithDefaultPolicy(directory)
        copied.compare(with: baseline, path: "b.json", directory: directory.path, workingDirectory: directory.path)
        let states = Dictionary(uniqueKeysWithValues: copied.files.map { ($0.path, $0.baselineStates ?? []) })
        #expect(states["2023/story.md"] == [.unchanged])
        #expect(states["archive-story.md"] == [.new])
    }

    @Test("--quiet keeps what fails the run; the hidden are counted; --max-warnings counts warnings before it")
    func quietAndMaxWarnings() {
        let source = SourceText(path: "a.md", string: "One two three.\n")
        let run = LintRun(files: [FileResult(path: "a.md", format: .markdown, findings: [
            Finding(ruleID: "x", severity: .note, message: "n", range: source.range(0..<3)),
            Finding(ruleID: "y", severity: .warning, message: "w", range: source.range(4..<7)),
            Finding(ruleID: "y", severity: .warning, message: "w", range: source.range(8..<13)),
            Finding(ruleID: "z", severity: .error, message: "e", range: source.range(0..<13)),
        ], source: source)], problems: [], rules: [])
        let quiet = run.keepingOnly(atLeast: .error)
        #expect(quiet.files[0].findings.map(\.ruleID) == ["z"])
        #expect(quiet.hiddenByQuiet == [.warning: 2, .note: 1])
        #expect(TextReport.summaryLine(ReportSummary(quiet), hiddenByQuiet: quiet.hiddenByQuiet)
            == "1 error, 0 warnings, 0 notes in 1 file; 2 warnings and 1 note not shown (--quiet)")
        #expect(run.keepingOnly(atLeast: .warning).files[0].findings.map(\.ruleID) == ["y", "y", "z"])
        #expect(run.countedWarnings == 2)
        #expect(run.exitStatus(failingOn: .never, maxWarnings: 2) == .clean)
        #expect(run.exitStatus(failingOn: .never, maxWarnings: 1) == .findings)
        #expect(run.exitStatus(failingOn: .never, maxWarnings: 0) == .findings)
    }

    @Test("the text summary says how many findings the baseline left out, and how many entries are fixed")
    func textSummary() {
        var summary = ReportSummary(LintRun(files: [], problems: [], rules: []))
        summary.files = 3
        summary.baselined = 57
        let comparison = BaselineComparison(path: "b.json", unchanged: 57, new: 0, absent: 2)
        #expect(TextReport.summaryLine(summary, baseline: comparison)
            == "No new problems found in 3 files; 57 findings already in the baseline, not shown; "
            + "2 baseline entries no longer found (fixed: `copydesk baseline write` drops them).")
        summary.errors = 1
        #expect(TextReport.summaryLine(summary, baseline: BaselineComparison(path: "b.json", unchanged: 57, new: 1, absent: 0))
            == "1 error, 0 warnings, 0 notes in 3 files; 57 findings already in the baseline, not shown")
    }
}
