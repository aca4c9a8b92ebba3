import CopydeskCore
import Foundation
import Testing

/// The repository's root, from this file's place in it.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

private func repositoryFile(_ path: String) throws -> String {
    try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
}

private let python3: URL? = {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}()

/// The ready-to-copy recipes in ci/ and .pre-commit-hooks.yaml: they must
/// pick every article copydesk reads and nothing else, use current GitHub
/// actions, and give GitLab fingerprints that survive edits.
@Suite struct CIRecipeTests {
    /// Names with every extension copydesk reads, in three cases.
    private var articleNames: [String] {
        InputFormat.allExtensions.flatMap { ["story.\($0)", "desk/STORY.\($0.uppercased())", "a.\($0.prefix(1).uppercased())\($0.dropFirst())"] }
    }

    private let otherNames = ["policy.yml", ".copydesk.yml", "script.sh", "story.md.bak", "notes.rst", "page.php", "mdfile", "a.txt~"]

    @Test("the pre-commit framework hook's files pattern takes every extension copydesk reads, and nothing else")
    func preCommitHookPattern() throws {
        let hooks = try repositoryFile(".pre-commit-hooks.yaml")
        #expect(!hooks.contains("types_or"))
        let line = try #require(hooks.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("files:") })
        let quoted = try #require(line.split(separator: "'", omittingEmptySubsequences: false).dropFirst().first)
        // pre-commit uses Python's re; (?i) and this syntax mean the same in ICU.
        let pattern = try NSRegularExpression(pattern: String(quoted))
        func matches(_ name: String) -> Bool {
            pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
        }
        for name in articleNames { #expect(matches(name), "\(name) is an article but the hook skips it") }
        for name in otherNames { #expect(!matches(name), "\(name) is not an article but the hook lints it") }
    }

    @Test("the plain git hook lints every extension copydesk reads")
    func plainGitHook() throws {
        let hook = try repositoryFile("ci/pre-commit")
        let caseLine = try #require(hook.split(separator: "\n").first { $0.contains("*.md|") })
        let listed = Set(caseLine.trimmingCharacters(in: .whitespaces).split(separator: ")").first?
            .split(separator: "|").map { $0.replacingOccurrences(of: "*.", with: "") } ?? [])
        #expect(listed == Set(InputFormat.allExtensions))
    }

    @Test("recipes and docs use upload-sarif@v4; v3 is deprecated")
    func uploadSarifVersion() throws {
        let workflow = try repositoryFile("ci/github-actions.yml")
        #expect(workflow.contains("github/codeql-action/upload-sarif@v4"))
        for path in ["ci/github-actions.yml", "ci/README.md", "README.md", "docs/report-formats.md"] {
            #expect(!(try repositoryFile(path)).contains("upload-sarif@v3"), "\(path) still names upload-sarif@v3")
        }
    }

    @Test("the GitLab converter's fingerprints ignore the message and line, and follow copydesk's fingerprint",
          .enabled(if: python3 != nil, "python3 is not installed"))
    func codeQualityFingerprints() throws {
        let directory = try TemporaryDirectory()
        func result(line: Int, message: String, fingerprint: String) -> [String: Any] {
            ["ruleId": "duplicate-paragraph", "level": "error", "message": ["text": message],
             "partialFingerprints": ["copydeskFingerprint/v1": fingerprint],
             "locations": [["physicalLocation": ["artifactLocation": ["uri": "desk/caf%C3%A9.md"],
                                                 "region": ["startLine": line, "startColumn": 1]]]]]
        }
        func convert(_ results: [[String: Any]]) throws -> [[String: Any]] {
            let log: [String: Any] = ["version": "2.1.0", "runs": [["results": results]]]
            try JSONSerialization.data(withJSONObject: log).write(to: URL(fileURLWithPath: directory.path + "/in.sarif"))
            let process = Process()
            process.executableURL = python3
            process.arguments = [repositoryRoot.appendingPathComponent("ci/sarif-to-codequality.py").path,
                                 directory.path + "/in.sarif", directory.path + "/out.json"]
            process.standardOutput = Pipe()
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0)
            let data = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/out.json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        }
        let before = try convert([result(line: 7, message: "Repeats the paragraph at line 3.", fingerprint: "00000000000000aa")])
        let after = try convert([result(line: 9, message: "Repeats the paragraph at line 5.", fingerprint: "00000000000000aa")])
        let other = try convert([result(line: 7, message: "Repeats the paragraph at line 3.", fingerprint: "00000000000000bb")])
        #expect(before[0]["fingerprint"] as? String == after[0]["fingerprint"] as? String)
        #expect(before[0]["fingerprint"] as? String != other[0]["fingerprint"] as? String)
        #expect((before[0]["location"] as? [String: Any])?["path"] as? String == "desk/café.md")
        // Two results with one fingerprint still get two GitLab fingerprints.
        let twice = try convert([result(line: 7, message: "m", fingerprint: "00000000000000aa"),
                                 result(line: 8, message: "m", fingerprint: "00000000000000aa")])
        #expect(Set(twice.map { $0["fingerprint"] as? String }).count == 2)
    }
}
