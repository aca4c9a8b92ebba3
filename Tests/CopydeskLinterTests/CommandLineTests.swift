import CopydeskLinter
import Foundation
import Testing

func copydesk(_ arguments: [String], in directory: String, input: String? = nil,
                      environment: [String: String] = [:]) throws -> ProcessOutcome {
    try runCopydesk(arguments, in: directory, input: input, environment: environment)
}

@Suite("copydesk command line", .enabled(if: builtCopydeskBinary != nil, "the copydesk binary is not built"))
struct CommandLineTests {
    private func newsroom() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("clean.md", "# Headline\n\n“We are ready,” the chief said.\n")
        try directory.write("desk/open-quote.md", "# Headline\n\nThe mayor said \"we will rebuild.\n")
        return directory
    }

    @Test("--version prints the library's version")
    func version() throws {
        let directory = try TemporaryDirectory()
        let result = try copydesk(["--version"], in: directory.path)
        #expect(result.status == 0)
        #expect(result.standardOutput == CopydeskVersion.current + "\n")
    }

    @Test("lint is the default command; exit 0 clean, 1 with findings, --fail-on never keeps 0")
    func exitStatuses() throws {
        let directory = try newsroom()
        let clean = try copydesk(["clean.md"], in: directory.path)
        #expect(clean.status == 0)
        let failing = try copydesk(["lint"], in: directory.path)
        #expect(failing.status == 1)
        #expect(failing.standardOutput.contains("desk/open-quote.md:3:16: error:"))
        #expect(failing.standardOutput.contains("[quote-balance]"))
        #expect(try copydesk(["--fail-on", "never"], in: directory.path).status == 0)
    }

    @Test("usage errors, missing paths and unknown rules exit 2 with a message on standard error")
    func errorsExitTwo() throws {
        let directory = try newsroom()
        let badFormat = try copydesk(["lint", "--format", "yaml"], in: directory.path)
        #expect(badFormat.status == 2)
        #expect(badFormat.standardError.contains("'text', 'json', 'sarif' or 'github'"))

        let missing = try copydesk(["lint", "--format", "json", "gone.md", "clean.md"], in: directory.path)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("gone.md: error: no such file or directory"))
        let report = try JSONSerialization.jsonObject(with: Data(missing.standardOutput.utf8)) as? [String: Any]
        #expect((report?["files"] as? [Any])?.count == 1)

        let unknownRule = try copydesk(["explain", "quote-balanse"], in: directory.path)
        #expect(unknownRule.status == 2)
        #expect(unknownRule.standardError.contains("did you mean 'quote-balance'?"))
    }

    @Test("a broken policy is reported with its position and exits 2")
    func policyErrors() throws {
        let directory = try newsroom()
        try directory.write("bad.yml", "schema: 1\nrules:\n  quote-balanse: error\n")
        let lint = try copydesk(["lint", "--policy", "bad.yml", "clean.md"], in: directory.path)
        #expect(lint.status == 2)
        #expect(lint.standardError.hasPrefix("bad.yml:3:3: error: "))
        #expect(lint.standardError.contains("did you mean 'quote-balance'?"))

        let check = try copydesk(["policy", "check", "bad.yml"], in: directory.path)
        #expect(check.status == 2)
        try directory.write(".copydesk.yml", "schema: 1\nextends: default\nrules:\n  quote-balance: warning\n")
        #expect(try copydesk(["policy", "check", ".copydesk.yml"], in: directory.path).status == 0)

        // A staff list the policy names must exist, next to the policy file.
        try directory.write("desk/.copydesk.yml", "schema: 1\nextends: default\nrules:\n  byline:\n    staff-list: staff.txt\n")
        let missing = try copydesk(["policy", "check", "desk/.copydesk.yml"], in: directory.path)
        #expect(missing.status == 2)
        #expect(missing.standardError.hasPrefix("desk/.copydesk.yml:4:3: error: rule byline, option staff-list: "))
        #expect(missing.standardError.contains("'desk/staff.txt' does not exist"))
        try directory.write("desk/staff.txt", "Jane Doe\n")
        #expect(try copydesk(["policy", "check", "desk/.copydesk.yml"], in: directory.path).status == 0)
    }

    @Test("policy check counts legal notices and warns when legal-notice is off; lint reports a missing notice")
    func legalNotices() throws {
        let directory = try newsroom()
        try directory.write("legal.yml", "schema: 1\nextends: [default, legal/regional-warning]\n")
        let check = try copydesk(["policy", "check", "legal.yml"], in: directory.path)
        #expect(check.standardOutput == "legal.yml: ok (8 rules enabled, 1 legal notice)\n")
        try directory.write("off.yml", "schema: 1\nnotices: [{id: n, text: Approved., required: always}]\n")
        let off = try copydesk(["policy", "check", "off.yml"], in: directory.path)
        #expect(off.status == 0)
        #expect(off.standardOutput.contains("warning: legal-notice is off, so the notices are not checked"))

        try directory.write("talks.md", "# Talks\n\nBy Jane Doe\n\nThe Kremlin said talks had stalled.\n")
        let lint = try copydesk(["lint", "--policy", "legal.yml", "talks.md"], in: directory.path)
        #expect(lint.status == 1)
        #expect(lint.standardOutput.hasPrefix("talks.md:5:36: error: Legal notice 'regional-warning'"))
    }

    @Test("the nearest .copydesk.yml applies, and policy show prints it")
    func nearestPolicy() throws {
        let directory = try newsroom()
        try directory.write("desk/.copydesk.yml", "schema: 1\nextends: default\nrules:\n  quote-balance: warning\n")
        let lint = try copydesk(["lint"], in: directory.path)
        #expect(lint.status == 0)
        #expect(lint.standardOutput.contains("desk/open-quote.md:3:16: warning:"))
        let show = try copydesk(["policy", "show"], in: directory.path + "/desk")
        #expect(show.status == 0)
        #expect(show.standardOutput.contains("quote-balance:"))
        #expect(show.standardOutput.contains("severity: warning"))
    }

    @Test("standard input is linted under --stdin-filename")
    func standardInput() throws {
        let directory = try TemporaryDirectory()
        let result = try copydesk(["lint", "-", "--stdin-filename", "piped.md", "--format", "github"],
                                  in: directory.path, input: "She said \"yes.\n")
        #expect(result.status == 1)
        let annotations = result.standardOutput.split(separator: "\n")
        #expect(annotations.contains { $0.hasPrefix("::error file=piped.md,line=1,col=10") })
    }

    @Test("--output writes the report to a file and nothing to standard output")
    func outputFile() throws {
        let directory = try newsroom()
        let result = try copydesk(["lint", "--format", "sarif", "--output", "report.sarif"], in: directory.path)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        let sarif = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/report.sarif"))
        let object = try JSONSerialization.jsonObject(with: sarif) as? [String: Any]
        #expect(object?["version"] as? String == "2.1.0")
    }

    @Test("colour follows --color, and stays off for a pipe or with NO_COLOR")
    func color() throws {
        let directory = try newsroom()
        let escape = "\u{1B}["
        #expect(!(try copydesk(["lint"], in: directory.path).standardOutput.contains(escape)))
        #expect(try copydesk(["lint", "--color"], in: directory.path).standardOutput.contains(escape))
        #expect(!(try copydesk(["lint", "--no-color"], in: directory.path, environment: ["NO_COLOR": ""])
            .standardOutput.contains(escape)))
    }

    @Test("inspect prints one JSON object per readable file, in argument order; a missing file exits 2")
    func inspect() throws {
        let directory = try newsroom()
        let result = try copydesk(["inspect", "--format", "json", "desk/open-quote.md", "gone.md", "clean.md"],
                                  in: directory.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("gone.md: error: no such file"))
        let array = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
        #expect(array?.compactMap { $0["path"] as? String } == ["desk/open-quote.md", "clean.md"])
    }

    @Test("--input-format html reads any file as HTML; an HTML page on standard input is named by its extension")
    func htmlInput() throws {
        let directory = try TemporaryDirectory()
        try directory.write("page.aspx", #"<html><head><meta name="author" content="Jane Doe"></head><body><h1>Storm</h1></body></html>"#)
        let result = try copydesk(["inspect", "--input-format", "html", "page.aspx"], in: directory.path)
        #expect(result.status == 0)
        let array = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
        #expect(array?.first?["format"] as? String == "html")
        let bylines = array?.first?["bylines"] as? [[String: Any]]
        #expect(bylines?.first?["names"] as? [String] == ["Jane Doe"])
        let piped = try copydesk(["lint", "-", "--stdin-filename", "web/story.html", "--format", "github"],
                                 in: directory.path, input: "<p>She said &ldquo;yes.</p>")
        #expect(piped.status == 1)
        #expect(piped.standardOutput.contains("::error file=web/story.html,line=1,col=13"))
    }

    @Test("rules lists every rule, as text or JSON")
    func rules() throws {
        let directory = try TemporaryDirectory()
        let text = try copydesk(["rules"], in: directory.path)
        #expect(text.status == 0)
        // The built-in rules, then the style rules built in (no policy or
        // .vale.ini here names others).
        #expect(text.standardOutput == RuleCatalog.listing() + StyleCatalog.listing(StyleCatalog.builtinRules()))
        let json = try copydesk(["rules", "--format", "json"], in: directory.path)
        let report = try JSONDecoder().decode(RuleCatalog.ListingReport.self, from: Data(json.standardOutput.utf8))
        #expect(report.rules.map(\.id) == RuleCatalog.all.map(\.id))
    }
}
