import CopydeskCore
import CopydeskPolicy
@testable import CopydeskLinter
import Foundation
import Testing

@Suite("Linter: finding and reading files")
struct LinterDiscoveryTests {
    @Test("directories are walked for known extensions, hidden directories and .build skipped")
    func walksDirectories() throws {
        let directory = try TemporaryDirectory()
        try directory.write("front.md", "# Front\n")
        try directory.write("desk/story.txt", "Story.\n")
        try directory.write("desk/long/feature.markdown", "Feature.\n")
        try directory.write("desk/notes.yml", "a: b\n")
        try directory.write("desk/photo.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        try directory.write(".git/COMMIT.md", "Not an article.\n")
        try directory.write("desk/.cache/old.md", "Not an article.\n")
        try directory.write(".build/checkouts/readme.md", "Not an article.\n")
        try directory.write("desk/.hidden.md", "Not an article.\n")

        let run = try linter().lint(LintOptions(paths: ["."], workingDirectory: directory.path))

        #expect(run.files.map(\.path) == ["desk/long/feature.markdown", "desk/story.txt", "front.md"])
        #expect(run.files.map(\.format) == [.markdown, .text, .markdown])
        #expect(run.problems.isEmpty)
        #expect(run.exitStatus(failingOn: .error) == .clean)
    }

    @Test("HTML pages are found by .html, .htm and .xhtml and linted at their source positions")
    func findsHTMLPages() throws {
        let directory = try TemporaryDirectory()
        try directory.write("web/story.html", "<article><h1>Storm</h1><p>&ldquo;It is coming, the forecaster warned us today.</p></article>\n")
        try directory.write("web/old.HTM", "<p>Old page.</p>\n")
        try directory.write("web/strict.xhtml", "<p>Strict page.</p>\n")
        try directory.write("web/style.css", "p { }\n")
        var policy = engineRulesPolicy
        policy.rules["quote-balance"] = RuleSetting()

        let run = try linter(policy: policy).lint(LintOptions(paths: ["."], workingDirectory: directory.path))

        #expect(run.files.map(\.path) == ["web/old.HTM", "web/story.html", "web/strict.xhtml"])
        #expect(run.files.map(\.format) == [.html, .html, .html])
        let finding = try #require(run.files[1].findings.first { $0.ruleID == "quote-balance" })
        #expect(finding.range.start.line == 1)
        #expect(finding.range.start.column == 27)
    }

    @Test("no paths means the working directory")
    func defaultsToWorkingDirectory() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", "A.\n")
        let run = try linter().lint(LintOptions(paths: [], workingDirectory: directory.path))
        #expect(run.files.map(\.path) == ["a.md"])
    }

    @Test("paths show relative to the working directory, however they were given")
    func displayPaths() throws {
        let directory = try TemporaryDirectory()
        let absolute = try directory.write("desk/a.md", "A.\n")
        try directory.write("desk/b.md", "B.\n")
        let run = try linter().lint(LintOptions(paths: [absolute, "./desk/../desk/b.md"],
                                                workingDirectory: directory.path))
        #expect(run.files.map(\.path) == ["desk/a.md", "desk/b.md"])
        #expect(run.files.map(\.source.path) == ["desk/a.md", "desk/b.md"])
    }

    @Test("a file named twice, or named and inside a named directory, is linted once")
    func deduplicates() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", "A.\n")
        let run = try linter().lint(LintOptions(paths: ["a.md", ".", "a.md"], workingDirectory: directory.path))
        #expect(run.files.map(\.path) == ["a.md"])
    }

    @Test("a named file with an unknown extension needs --input-format")
    func unknownExtension() throws {
        let directory = try TemporaryDirectory()
        try directory.write("story.article", "A story.\n")

        let refused = try linter().lint(LintOptions(paths: ["story.article"], workingDirectory: directory.path))
        #expect(refused.files.isEmpty)
        let problem = try #require(refused.problems.first)
        #expect(problem.path == "story.article")
        #expect(problem.level == .error)
        #expect(problem.message.contains("--input-format"))
        #expect(refused.exitStatus(failingOn: .never) == .usageOrInputError)

        let forced = try linter().lint(LintOptions(paths: ["story.article"], inputFormat: .text,
                                                   workingDirectory: directory.path))
        #expect(forced.files.map(\.path) == ["story.article"])
        #expect(forced.files.first?.format == .text)
        #expect(forced.problems.isEmpty)
    }

    @Test("--input-format applies to every file found under a directory too")
    func forcedFormatInDirectories() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", "A.\n")
        let run = try linter().lint(LintOptions(paths: ["."], inputFormat: .text, workingDirectory: directory.path))
        #expect(run.files.first?.format == .text)
    }

    @Test("a missing path is an input error naming it; the other files are still linted")
    func missingPath() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", "A.\n")
        let run = try linter().lint(LintOptions(paths: ["gone.md", "a.md", "nowhere/"],
                                                workingDirectory: directory.path))
        #expect(run.files.map(\.path) == ["a.md"])
        #expect(run.problems.map(\.path) == ["gone.md", "nowhere"])
        #expect(run.problems.allSatisfy { $0.level == .error && $0.message.contains("no such file") })
        #expect(run.exitStatus(failingOn: .error) == .usageOrInputError)
    }

    @Test("an HTML page that is not UTF-8 is told to convert from the charset it declares")
    func htmlInADeclaredCharset() throws {
        let directory = try TemporaryDirectory()
        try directory.write("old.html", bytes: Array("<meta charset=\"ISO-8859-1\">\n<p>Caf".utf8) + [0xE9] + Array("</p>\n".utf8))
        let run = try linter().lint(LintOptions(paths: ["."], workingDirectory: directory.path))
        let problem = try #require(run.problems.first)
        #expect(problem.line == 2)
        #expect(problem.column == 7)
        #expect(problem.message.contains("declares charset ISO-8859-1"))
        #expect(problem.message.contains("iconv -f ISO-8859-1 -t UTF-8"))
    }

    @Test("a file that is not UTF-8 is an error at its position; good files beside it are linted")
    func invalidUTF8() throws {
        let directory = try TemporaryDirectory()
        try directory.write("good.md", "Fine.\n")
        try directory.write("latin1.md", bytes: Array("Line one.\nCaf".utf8) + [0xE9] + Array(" au lait.\n".utf8))
        try directory.write("zz-good.txt", "Also fine.\n")

        let run = try linter().lint(LintOptions(paths: ["."], workingDirectory: directory.path))

        #expect(run.files.map(\.path) == ["good.md", "zz-good.txt"])
        let problem = try #require(run.problems.first)
        #expect(run.problems.count == 1)
        #expect(problem.path == "latin1.md")
        #expect(problem.level == .error)
        #expect(problem.line == 2)
        #expect(problem.column == 4)
        #expect(problem.offset == 13)
        #expect(problem.message.contains("UTF-8"))
        #expect(run.exitStatus(failingOn: .error) == .usageOrInputError)
    }

    @Test("a binary file is skipped with a warning that does not fail the run")
    func binarySkipped() throws {
        let directory = try TemporaryDirectory()
        try directory.write("scan.md", bytes: [0x25, 0x50, 0x44, 0x46, 0x00, 0x01])
        try directory.write("story.md", "Story.\n")
        let run = try linter().lint(LintOptions(paths: ["."], workingDirectory: directory.path))
        #expect(run.files.map(\.path) == ["story.md"])
        #expect(run.problems == [InputProblem(path: "scan.md", level: .warning,
                                              message: FileReadError.binary(offset: 4).description)])
        #expect(run.problems.first?.message.contains("not linted") == true)
        #expect(run.exitStatus(failingOn: .note) == .clean)
    }

    @Test("an empty file is linted and has no findings")
    func emptyFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("empty.md", "")
        try directory.write("empty.txt", "")
        let run = try linter().lint(LintOptions(paths: ["."], workingDirectory: directory.path))
        #expect(run.files.map(\.path) == ["empty.md", "empty.txt"])
        #expect(run.files.allSatisfy { $0.findings.isEmpty && $0.source.byteCount == 0 })
        #expect(run.problems.isEmpty)
    }

    @Test("files are only read, never written")
    func neverWrites() throws {
        let directory = try TemporaryDirectory()
        let text = "<!-- copydesk-disable-next-line -->\n\"Unbalanced.\n"
        let path = try directory.write("a.md", text)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        _ = try linter().lint(LintOptions(paths: ["."], workingDirectory: directory.path))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
    }

    @Test("the policy is looked up by each file's absolute path, and the run lists every rule any policy enabled")
    func policyPerFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("strict/a.md", "A.\n")
        try directory.write("lax/b.md", "B.\n")
        try directory.write("unlinted/c.md", "C.\n")
        let strict = Policy(name: "strict", rules: ["unused-suppression": RuleSetting()])
        let lax = Policy(name: "lax", rules: ["suppression-without-reason": RuleSetting(severity: .note)])
        let root = directory.path
        let lookups = LookupLog()
        let linter = Linter(policyLookup: { path in
            lookups.record(path)
            return path.contains("/strict/") ? strict : lax
        })
        let run = try linter.lint(LintOptions(paths: ["strict", "lax"], workingDirectory: root))
        #expect(lookups.paths.sorted() == [root + "/lax/b.md", root + "/strict/a.md"])
        #expect(run.rules.map(\.id) == ["suppression-without-reason", "unused-suppression"])
    }

    @Test("a policy error stops the run and reaches the caller")
    func policyErrorPropagates() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.md", "A.\n")
        let failure = PolicyError(file: "copydesk.yml", location: PolicyLocation(file: "copydesk.yml", line: 3, column: 5),
                                  message: "unknown key 'severty'", hint: "did you mean 'severity'?")
        let linter = Linter(policyLookup: { _ throws(PolicyError) in throw failure })
        #expect(throws: failure) { try linter.lint(LintOptions(paths: ["."], workingDirectory: directory.path)) }
    }

    @Test("files, and findings within each file, come out in a deterministic order")
    func deterministicOrder() throws {
        let directory = try TemporaryDirectory()
        let article = """
            <!-- copydesk-disable-next-line -->
            Nothing here.

            <!-- copydesk-enable -->
            <!-- copydesk-disable-next-line quote-balanse -->
            Nothing here either.

            """
        for index in (0..<40).reversed() {
            try directory.write("desk-\(index % 4)/story-\(index).md", article)
        }
        let first = try linter().lint(LintOptions(paths: ["."], workingDirectory: directory.path))
        let second = try linter().lint(LintOptions(paths: ["desk-3", "desk-0", ".", "desk-1"],
                                                   workingDirectory: directory.path))
        let paths = first.files.map(\.path)
        #expect(paths.count == 40)
        #expect(paths == paths.sorted())
        #expect(second.files.map(\.path) == paths)
        for (one, other) in zip(first.files, second.files) {
            #expect(one.findings == other.findings)
            let keys = one.findings.map { ($0.range.start.line, $0.range.start.column, $0.ruleID) }
            #expect(keys.count == 5)
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }
}

/// Records the paths a policy lookup saw (it runs on the calling thread,
/// but the closure must be Sendable).
final class LookupLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func record(_ path: String) {
        lock.lock()
        recorded.append(path)
        lock.unlock()
    }

    var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
