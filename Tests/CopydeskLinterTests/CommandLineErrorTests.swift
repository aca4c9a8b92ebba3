import Foundation
import Testing

@Suite("errors a script or a person can act on", .enabled(if: builtCopydeskBinary != nil, "the copydesk binary is not built"))
struct CommandLineErrorTests {
    @Test("lint --format json with a broken policy writes a JSON error object listing every error")
    func jsonPolicyError() throws {
        let directory = try TemporaryDirectory()
        try directory.write("story.md", "# Head\n\nBy Ann Lee\n\nText.\n")
        try directory.write("bad.yml", "schema: 1\nrules:\n  quote-balanse: error\n  byline: offf\n")
        let lint = try runCopydesk(["lint", "--format", "json", "--policy", "bad.yml", "story.md"], in: directory.path)
        #expect(lint.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lint.standardOutput.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["files"] == nil)
        let failure = try #require(object["error"] as? [String: Any])
        #expect(failure["kind"] as? String == "policy")
        let problems = try #require(failure["problems"] as? [[String: Any]])
        #expect(problems.map { "\($0["file"]!):\($0["line"]!):\($0["column"]!)" } == ["bad.yml:3:3", "bad.yml:4:11"])
        #expect(problems.first?["message"] as? String == "unknown rule 'quote-balanse'")
        #expect(problems.first?["hint"] as? String == "did you mean 'quote-balance'?")
        // The text on standard error says the same, one line per error.
        #expect(lint.standardError.split(separator: "\n").count == 2)

        let output = try runCopydesk(["lint", "--format", "json", "--policy", "bad.yml", "--output", "report.json", "story.md"],
                                     in: directory.path)
        #expect(output.status == 2)
        let written = try String(contentsOfFile: directory.path + "/report.json", encoding: .utf8)
        #expect(written.contains("\"kind\" : \"policy\""))
    }

    @Test("policy check lists every error of a file", arguments: [["policy", "check", "bad.yml"]])
    func policyCheckListsAll(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        try directory.write("bad.yml", "schema: 1\nrules:\n  quote-balanse: error\n  byline: offf\ncolour: red\n")
        let check = try runCopydesk(arguments, in: directory.path)
        #expect(check.status == 2)
        #expect(check.standardError.split(separator: "\n").map { $0.prefix(12) } == ["bad.yml:3:3:", "bad.yml:4:11", "bad.yml:5:1:"])
    }

    @Test("policy check says '1 rule enabled'")
    func grammar() throws {
        let directory = try TemporaryDirectory()
        try directory.write("one.yml", "schema: 1\nrules:\n  quote-balance: error\n")
        let check = try runCopydesk(["policy", "check", "one.yml"], in: directory.path)
        #expect(check.standardOutput == "one.yml: ok (1 rule enabled)\n")
    }

    @Test("A mistyped command is named as one, not read as a missing article",
          arguments: [("rule", "rules"), ("Rules", "rules"), ("polcy", "policy"), ("check", "policy check"), ("lnit", "lint")])
    func mistypedCommand(typed: String, meant: String) throws {
        let directory = try TemporaryDirectory()
        let result = try runCopydesk([typed], in: directory.path)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("'\(typed)' is neither a file nor a command (did you mean `copydesk \(meant)`?"))
    }

    @Test("An argument that is a file, or looks like a path, is linted as one")
    func pathsStayPaths() throws {
        let directory = try TemporaryDirectory()
        try directory.write("rule", "Plain words.\n")
        let existing = try runCopydesk(["rule", "--input-format", "text"], in: directory.path)
        #expect(!existing.standardError.contains("neither a file nor a command"))
        let missing = try runCopydesk(["rules.md"], in: directory.path)
        #expect(missing.status == 2)
        #expect(missing.standardOutput.contains("rules.md: error: no such file or directory"))
        let unrelated = try runCopydesk(["harbour"], in: directory.path)
        #expect(unrelated.standardOutput.contains("harbour: error: no such file or directory"))
    }
}
