import CopydeskLinter
import Foundation
import Testing

/// Runs git in `directory`; the test fails if git does.
@discardableResult
private func git(_ arguments: [String], in directory: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "user.name=Copydesk Tests", "-c", "user.email=tests@example.org",
                         "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self)
}

private let gitIsInstalled: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "--version"]
    process.standardOutput = Pipe()
    process.standardError = Pipe()
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

/// An article with one unbalanced quotation mark (an error) under a byline.
private func article(_ speaker: String, _ words: String) -> String {
    "# A local story\n\nBy Ines Calder\n\nThe \(speaker) said \"\(words).\n"
}

/// An article with no byline (a warning) and nothing else wrong.
private func unsignedArticle(_ topic: String) -> String {
    "# \(topic)\n\nThe committee met on Thursday to talk about \(topic).\n"
}

@Suite("copydesk on an existing archive", .enabled(if: builtCopydeskBinary != nil, "the copydesk binary is not built"))
struct AdoptionCommandLineTests {
    private func archive() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("articles/2019/ferry.md", article("pilot", "we sail at dawn"))
        try directory.write("articles/2019/market.html",
                            "<html><body><h1>Market day</h1><p>By Ines Calder</p><p>A trader said \"prices are up.</p></body></html>\n")
        try directory.write("articles/2020/school.txt", "School reopens\n\nBy Ines Calder\n\nThe head teacher said \"we are ready.\n")
        return directory
    }

    @Test("baseline write records every finding; lint --baseline then passes, and fails only on a new finding")
    func baselineRoundTrip() throws {
        let directory = try archive()
        #expect(try copydesk(["lint", "articles"], in: directory.path).status == 1)

        let write = try copydesk(["baseline", "write", "copydesk-baseline.json", "articles"], in: directory.path)
        #expect(write.status == 0)
        #expect(write.standardOutput == "copydesk-baseline.json: 3 findings recorded in 3 of 3 linted files\n")
        let file = try String(contentsOfFile: directory.path + "/copydesk-baseline.json", encoding: .utf8)
        #expect(file.contains(#"{"path": "articles/2019/ferry.md", "ruleId": "quote-balance", "fingerprint": ""#))
        // Writing again over an unchanged archive changes nothing.
        _ = try copydesk(["baseline", "write", "copydesk-baseline.json", "articles"], in: directory.path)
        #expect(try String(contentsOfFile: directory.path + "/copydesk-baseline.json", encoding: .utf8) == file)

        let clean = try copydesk(["lint", "--baseline", "copydesk-baseline.json", "articles"], in: directory.path)
        #expect(clean.status == 0)
        #expect(clean.standardOutput == "No new problems found in 3 files; 3 findings already in the baseline, not shown.\n")

        // A paragraph added above the old finding, and a new finding below it.
        try directory.write("articles/2019/ferry.md", """
            # A local story

            By Ines Calder

            A paragraph the desk added on reflection, above the old problem.

            The pilot said "we sail at dawn.

            The mate said "the tide is late.

            """)
        let failing = try copydesk(["lint", "--baseline", "copydesk-baseline.json", "articles"], in: directory.path)
        #expect(failing.status == 1)
        #expect(failing.standardOutput.contains("articles/2019/ferry.md:9:15: error:"))
        #expect(!failing.standardOutput.contains("articles/2019/ferry.md:7:"))
        #expect(failing.standardOutput.hasSuffix(
            "1 error, 0 warnings, 0 notes in 3 files; 3 findings already in the baseline, not shown\n"))

        let json = try copydesk(["lint", "--format", "json", "--baseline", "copydesk-baseline.json", "articles"],
                                in: directory.path)
        let report = try JSONDecoder().decode(JSONLintReport.self, from: Data(json.standardOutput.utf8))
        let ferry = try #require(report.files.first { $0.path == "articles/2019/ferry.md" })
        #expect(ferry.findings.map(\.baselineState) == ["unchanged", "new"])
        #expect(ferry.findings.allSatisfy { $0.fingerprint.count == 16 })
        #expect(report.summary.baselined == 3)
        #expect(report.summary.errors == 1)
        #expect(report.baseline?.new == 1)
    }

    @Test("a missing or corrupt baseline is exit 2 with a message naming the file")
    func badBaselines() throws {
        let directory = try archive()
        let missing = try copydesk(["lint", "--baseline", "nowhere.json", "articles"], in: directory.path)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("nowhere.json: error: the baseline file does not exist"))
        #expect(missing.standardOutput.isEmpty)
        try directory.write("broken.json", "{\"version\": 1, \"fingerprint\": \"copydeskFingerprint/v1\", \"findings\": [")
        let broken = try copydesk(["lint", "--baseline", "broken.json", "articles"], in: directory.path)
        #expect(broken.status == 2)
        #expect(broken.standardError.contains("broken.json: error: not a copydesk baseline"))
        #expect(try copydesk(["lint", "--baseline", "", "articles"], in: directory.path).status == 2)
    }

    @Test("baseline write refuses to record a run that could not read a file, and writes nothing")
    func baselineWithUnreadableFile() throws {
        let directory = try archive()
        try directory.write("articles/bad.md", bytes: [0x41, 0xFF, 0xFE, 0x42])
        let result = try copydesk(["baseline", "write", "base.json", "articles"], in: directory.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("base.json: error: not written"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/base.json"))
    }

    @Test("baseline write shares lint's policy and exclude options")
    func baselineWriteOptions() throws {
        let directory = try archive()
        try directory.write("quiet.yml", "schema: 1\nextends: [default]\nrules:\n  quote-balance: off\n")
        let result = try copydesk(["baseline", "write", "--policy", "quiet.yml", "--exclude", "2020", "b.json", "articles"],
                                  in: directory.path)
        #expect(result.status == 0)
        #expect(result.standardOutput == "b.json: 0 findings recorded in 0 of 2 linted files\n")
    }

    @Test("--quiet shows only what fails the run; --max-warnings fails on too many warnings")
    func quietAndMaxWarnings() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", unsignedArticle("parking"))
        try directory.write("b.md", unsignedArticle("lighting"))
        try directory.write("c.md", article("clerk", "the minutes are late"))

        let quiet = try copydesk(["lint", "--quiet", "."], in: directory.path)
        #expect(quiet.status == 1)
        #expect(!quiet.standardOutput.contains("warning:"))
        #expect(quiet.standardOutput.contains("c.md:5:16: error:"))
        #expect(quiet.standardOutput.hasSuffix("1 error, 0 warnings, 0 notes in 3 files; 2 warnings not shown (--quiet)\n"))
        let strict = try copydesk(["lint", "--quiet", "--fail-on", "warning", "."], in: directory.path)
        #expect(strict.standardOutput.contains("a.md:1:1: warning:"))

        let warningsOnly = ["--exclude", "c.md", "."]
        #expect(try copydesk(["lint", "--max-warnings", "2"] + warningsOnly, in: directory.path).status == 0)
        let tooMany = try copydesk(["lint", "--max-warnings", "1"] + warningsOnly, in: directory.path)
        #expect(tooMany.status == 1)
        #expect(tooMany.standardError.contains("2 warnings, more than --max-warnings 1 allows"))
        // Hidden by --quiet, still counted.
        #expect(try copydesk(["lint", "--quiet", "--max-warnings", "1"] + warningsOnly, in: directory.path).status == 1)
        #expect(try copydesk(["lint", "--max-warnings", "-1", "."], in: directory.path).status == 2)
    }

    @Test("--quiet with a baseline still says how many findings the baseline holds back")
    func quietKeepsTheBaselineCount() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", unsignedArticle("parking"))
        try directory.write("c.md", article("clerk", "the minutes are late"))
        #expect(try copydesk(["baseline", "write", "b.json", "."], in: directory.path).status == 0)
        try directory.write("d.md", article("mayor", "the road is shut"))
        let quiet = try copydesk(["lint", "--quiet", "--baseline", "b.json", "."], in: directory.path)
        #expect(quiet.status == 1)
        #expect(quiet.standardOutput.contains("d.md:5:16: error:"))
        #expect(!quiet.standardOutput.contains("c.md:"))
        #expect(quiet.standardOutput.contains("2 findings already in the baseline, not shown"))
    }

    @Test("--max-results caps the SARIF log with a warning on standard error; it is for SARIF only")
    func maxResults() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", unsignedArticle("parking"))
        try directory.write("c.md", article("clerk", "the minutes are late"))
        let result = try copydesk(["lint", "--format", "sarif", "--max-results", "1", "."], in: directory.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("copydesk: warning: 1 results left out of the SARIF report, which holds at most 1"))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [[String: Any]])?.map { $0["level"] as? String } == ["error"])
        let text = try copydesk(["lint", "--max-results", "1", "."], in: directory.path)
        #expect(text.status == 2)
        #expect(text.standardError.contains("--max-results applies to --format sarif only"))
        #expect(try copydesk(["lint", "--format", "sarif", "--max-results", "0", "."], in: directory.path).status == 2)
    }

    @Test("--changed-since lints changed, renamed and untracked articles, not deleted, ignored or unchanged ones",
          .enabled(if: gitIsInstalled, "git is not installed"))
    func changedSince() throws {
        let directory = try archive()
        try directory.write("articles/2020/gone.md", article("caretaker", "we close at six"))
        try directory.write("articles/2020/moved.md", article("coach", "we train at four"))
        try git(["init", "-q"], in: directory.path)
        try git(["add", "-A"], in: directory.path)
        try git(["commit", "-q", "-m", "archive"], in: directory.path)
        try git(["checkout", "-q", "-b", "pull-request"], in: directory.path)
        try git(["rm", "-q", "articles/2020/gone.md"], in: directory.path)
        try git(["mv", "articles/2020/moved.md", "articles/2021-moved.md"], in: directory.path)
        try directory.write("articles/2019/ferry.md", article("pilot", "we sail at noon"))
        try git(["commit", "-q", "-a", "-m", "edits"], in: directory.path)
        try directory.write("articles/2020/school.txt", "School reopens\n\nBy Ines Calder\n\nThe head said \"we are set.\n")
        try directory.write("articles/draft.md", article("baker", "bread is up"))
        try directory.write(".gitignore", "scratch/\n")
        try directory.write("articles/scratch/note.md", article("nobody", "this is ignored"))

        let result = try copydesk(["lint", "--format", "json", "--changed-since", "main", "articles"], in: directory.path)
        #expect(result.status == 1)
        let report = try JSONDecoder().decode(JSONLintReport.self, from: Data(result.standardOutput.utf8))
        #expect(report.files.map(\.path) == ["articles/2019/ferry.md", "articles/2020/school.txt",
                                             "articles/2021-moved.md", "articles/draft.md"])
        // Among the given paths only.
        let narrowed = try copydesk(["lint", "--format", "json", "--changed-since", "main", "articles/2019"], in: directory.path)
        let narrowedReport = try JSONDecoder().decode(JSONLintReport.self, from: Data(narrowed.standardOutput.utf8))
        #expect(narrowedReport.files.map(\.path) == ["articles/2019/ferry.md"])
        // From a subdirectory.
        let inner = try copydesk(["lint", "--format", "json", "--changed-since", "main"], in: directory.path + "/articles/2020")
        let innerReport = try JSONDecoder().decode(JSONLintReport.self, from: Data(inner.standardOutput.utf8))
        #expect(innerReport.files.map(\.path) == ["school.txt"])
        // Nothing changed since HEAD but the uncommitted work.
        try git(["add", "-A"], in: directory.path)
        try git(["commit", "-q", "-m", "more"], in: directory.path)
        let none = try copydesk(["lint", "--changed-since", "HEAD", "articles"], in: directory.path)
        #expect(none.status == 0)
        #expect(none.standardOutput == "No problems found in 0 files.\n")
    }

    @Test("--changed-since outside a repository, with an unknown revision, or with standard input is exit 2",
          .enabled(if: gitIsInstalled, "git is not installed"))
    func changedSinceErrors() throws {
        let directory = try archive()
        let outside = try copydesk(["lint", "--changed-since", "main", "articles"], in: directory.path)
        #expect(outside.status == 2)
        #expect(outside.standardError.contains("--changed-since needs a git repository"))
        #expect(outside.standardError.contains("is not in one"))
        try git(["init", "-q"], in: directory.path)
        try git(["add", "-A"], in: directory.path)
        try git(["commit", "-q", "-m", "archive"], in: directory.path)
        let unknown = try copydesk(["lint", "--changed-since", "origin/no-such-branch", "articles"], in: directory.path)
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("--changed-since origin/no-such-branch: git cannot find a common ancestor"))
        #expect(unknown.standardError.contains("fetch-depth: 0"))
        // A revision git would read as an option is refused before git sees it.
        let option = try copydesk(["lint", "--changed-since=--output=x", "articles"], in: directory.path)
        #expect(option.status == 2)
        #expect(option.standardError.contains("is not a git revision"))
        let standardInput = try copydesk(["lint", "--changed-since", "main", "--stdin-filename", "a.md", "-"],
                                         in: directory.path, input: "Text\n")
        #expect(standardInput.status == 2)
        #expect(standardInput.standardError.contains("cannot apply to standard input"))
    }

    @Test("--changed-since with a baseline: a renamed article keeps its recorded findings",
          .enabled(if: gitIsInstalled, "git is not installed"))
    func renameWithBaseline() throws {
        let directory = try archive()
        try git(["init", "-q"], in: directory.path)
        #expect(try copydesk(["baseline", "write", "base.json", "articles"], in: directory.path).status == 0)
        try git(["add", "-A"], in: directory.path)
        try git(["commit", "-q", "-m", "archive and baseline"], in: directory.path)
        try git(["checkout", "-q", "-b", "reorganise"], in: directory.path)
        try git(["mv", "articles/2019/ferry.md", "articles/ferry.md"], in: directory.path)
        let result = try copydesk(["lint", "--baseline", "base.json", "--changed-since", "main", "articles"],
                                  in: directory.path)
        #expect(result.status == 0)
        #expect(result.standardOutput == "No new problems found in 1 file; 1 finding already in the baseline, not shown.\n")
    }

    @Test("the plain git hook stops a commit on a new error, not on an old article's recorded findings",
          .enabled(if: gitIsInstalled, "git is not installed"))
    func gitHookWithBaseline() throws {
        let directory = try archive()
        try git(["init", "-q"], in: directory.path)
        #expect(try copydesk(["baseline", "write", "copydesk-baseline.json", "articles"], in: directory.path).status == 0)
        try git(["add", "-A"], in: directory.path)
        try git(["commit", "-q", "-m", "archive"], in: directory.path)
        let hook = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../ci/pre-commit").standardizedFileURL.path
        let binaryDirectory = try #require(builtCopydeskBinary).deletingLastPathComponent().path
        func runHook() throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["bash", hook]
            process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = binaryDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            process.environment = environment
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        // An old article edited above its recorded finding.
        try directory.write("articles/2019/ferry.md", "Correction appended.\n\n" + article("pilot", "we sail at dawn"))
        try git(["add", "articles/2019/ferry.md"], in: directory.path)
        #expect(try runHook() == 0)
        // A new article with an error, in upper-case HTML.
        try directory.write("articles/QUAY.HTM", "<html><body><h1>Quay</h1><p>By Ines Calder</p><p>The pilot said \"we wait.</p></body></html>\n")
        try git(["add", "articles/QUAY.HTM"], in: directory.path)
        #expect(try runHook() == 1)
    }
}
