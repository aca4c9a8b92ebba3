import CopydeskCore
import CopydeskPolicy
@testable import CopydeskLinter
import Testing

@Suite("Linter: excludes and standard input")
struct LinterExcludeTests {
    private func newsroom() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for path in ["front.md", "front.draft.md", "desk/story.md", "desk/drafts/idea.md", "drafts/pitch.txt",
                     "archive/2019/old.md", "archive/2020/older.md", "notes/a.md", "notes/b.md", "notes/ab.md"] {
            try directory.write(path, "Text.\n")
        }
        return directory
    }

    @Test("--exclude globs are matched against paths relative to the working directory", arguments: [
        (["drafts"], ["archive/2019/old.md", "archive/2020/older.md", "desk/story.md", "front.draft.md", "front.md",
                      "notes/a.md", "notes/ab.md", "notes/b.md"]),
        (["*.draft.md", "archive/**", "notes/?.md"], ["desk/drafts/idea.md", "desk/story.md", "drafts/pitch.txt",
                                                      "front.md", "notes/ab.md"]),
        (["archive/20[!2]?", "**/*.txt", "notes/[a]*.md", "desk"], ["archive/2020/older.md", "front.draft.md",
                                                                     "front.md", "notes/b.md"]),
    ])
    func excludeGlobs(excludes: [String], expected: [String]) throws {
        let directory = try newsroom()
        let run = try linter().lint(LintOptions(paths: ["."], excludes: excludes, workingDirectory: directory.path))
        #expect(run.files.map(\.path) == expected)
        #expect(run.problems.isEmpty)
    }

    @Test("a named file that an exclude matches is not linted, and the run says why")
    func excludedExplicitFile() throws {
        let directory = try newsroom()
        let run = try linter().lint(LintOptions(paths: ["front.draft.md", "front.md"], excludes: ["*.draft.md"],
                                                workingDirectory: directory.path))
        #expect(run.files.map(\.path) == ["front.md"])
        #expect(run.problems == [InputProblem(path: "front.draft.md", level: .warning,
                                              message: "not linted: excluded by --exclude '*.draft.md'")])
        #expect(run.exitStatus(failingOn: .error) == .clean)
    }

    @Test("the policy's exclude globs are honoured, relative to the policy file's directory")
    func policyExcludes() throws {
        let directory = try newsroom()
        let policy = Policy(sources: [directory.path + "/desk/.copydesk.yml"], rules: [:],
                            exclude: ["drafts/**", "story.md"], directory: directory.path + "/desk")
        let run = try linter(policy: policy).lint(LintOptions(paths: [".", "desk/story.md"],
                                                              workingDirectory: directory.path))
        #expect(run.files.map(\.path) == ["archive/2019/old.md", "archive/2020/older.md", "drafts/pitch.txt",
                                          "front.draft.md", "front.md", "notes/a.md", "notes/ab.md", "notes/b.md"])
        #expect(run.problems == [InputProblem(
            path: "desk/story.md", level: .warning,
            message: "not linted: excluded by the policy's exclude list in \(directory.path)/desk/.copydesk.yml")])
    }

    @Test("a built-in policy's excludes are matched against the path relative to the working directory")
    func builtinPolicyExcludes() throws {
        let directory = try newsroom()
        let policy = Policy(sources: ["<builtin>/default.yml"], exclude: ["archive/**"])
        let run = try linter(policy: policy).lint(LintOptions(paths: ["archive", "desk"],
                                                              workingDirectory: directory.path))
        #expect(run.files.map(\.path) == ["desk/drafts/idea.md", "desk/story.md"])
    }

    @Test("standard input is linted under --stdin-filename, which picks format and policy")
    func standardInput() throws {
        let directory = try TemporaryDirectory()
        let lookups = LookupLog()
        let linter = Linter(policyLookup: { path in
            lookups.record(path)
            return engineRulesPolicy
        }, readStandardInput: { Array("<!-- copydesk-enable -->\nText.\n".utf8) })
        let run = try linter.lint(LintOptions(paths: ["-"], stdinFilename: "desk/piped.md",
                                              workingDirectory: directory.path))
        let file = try #require(run.files.first)
        #expect(file.path == "desk/piped.md")
        #expect(file.format == .markdown)
        #expect(file.findings.map(\.ruleID) == ["unused-suppression"])
        #expect(lookups.paths == [directory.path + "/desk/piped.md"])
    }

    @Test("standard input without a name or a format is an input error that says what to pass")
    func standardInputNeedsFormat() throws {
        let directory = try TemporaryDirectory()
        let run = try linter(standardInput: Array("Text.\n".utf8))
            .lint(LintOptions(paths: ["-"], workingDirectory: directory.path))
        #expect(run.files.isEmpty)
        #expect(run.problems.first?.path == "<stdin>")
        #expect(run.problems.first?.message.contains("--stdin-filename") == true)
        #expect(run.exitStatus(failingOn: .error) == .usageOrInputError)

        let forced = try linter(standardInput: Array("Text.\n".utf8))
            .lint(LintOptions(paths: ["-"], inputFormat: .text, workingDirectory: directory.path))
        #expect(forced.files.map(\.path) == ["<stdin>"])
        #expect(forced.files.first?.format == .text)
    }

    @Test("standard input that is not UTF-8 is reported like a file")
    func standardInputInvalidUTF8() throws {
        let directory = try TemporaryDirectory()
        let run = try linter(standardInput: [0x41, 0xFF])
            .lint(LintOptions(paths: ["-"], stdinFilename: "piped.txt", workingDirectory: directory.path))
        #expect(run.problems.map(\.path) == ["piped.txt"])
        #expect(run.problems.first?.offset == 1)
    }
}
