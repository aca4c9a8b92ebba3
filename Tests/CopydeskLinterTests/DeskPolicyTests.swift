import CopydeskCore
import Foundation
import Testing

/// A house policy with a staff list, and desks under it that extend it,
/// stand alone, or start from the default on purpose.
@Suite("desk policies and the house staff list", .enabled(if: builtCopydeskBinary != nil, "the copydesk binary is not built"))
struct DeskPolicyTests {
    private func newsroom(desk: String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write(".copydesk.yml", """
            schema: 1
            extends: default
            exclude: ["drafts/**"]
            rules:
              byline:
                staff-list: staff.txt
            """)
        try directory.write("staff.txt", "Nadia Okonjo\nPeter Vale\n")
        try directory.write("desk/.copydesk.yml", desk)
        try directory.write("desk/ferry.md", "# Ferry returns\n\nBy Nadia Okonjo\n\nThe ferry ran again on Monday.\n")
        try directory.write("desk/tide.md", "# Tide tables move online\n\nBy Oscar Brandt\n\nThe harbour office printed its last tide book.\n")
        return directory
    }

    @Test("A desk policy that extends the house one reads the house staff list beside the house policy")
    func staffListThroughExtends() throws {
        let directory = try newsroom(desk: "schema: 1\nextends: ../.copydesk.yml\nrules:\n  quote-balance: warning\n")
        let check = try runCopydesk(["policy", "check", "desk/.copydesk.yml"], in: directory.path)
        #expect(check.status == 0)
        #expect(check.standardOutput == "desk/.copydesk.yml: ok (8 rules enabled)\n")
        #expect(check.standardError.isEmpty)

        let lint = try runCopydesk(["lint", "desk"], in: directory.path)
        #expect(lint.status == 0)
        #expect(lint.standardOutput.contains("desk/tide.md:3:4: warning: “Oscar Brandt” is not on the staff list"))
        #expect(!lint.standardOutput.contains("ferry.md"))

        // policy show names the file each value came from.
        let show = try runCopydesk(["policy", "show"], in: directory.path + "/desk")
        #expect(show.status == 0)
        #expect(show.standardOutput.contains("    staff-list: \"../staff.txt\"\n"))
        #expect(show.standardOutput.contains("  byline:  # set at \(directory.path)/.copydesk.yml:5:3\n"))
        #expect(show.standardOutput.contains("    severity: warning  # from <builtin>/default.yml\n"))
        #expect(show.standardOutput.contains("  - \"drafts/**\"  # from \(directory.path)/.copydesk.yml\n"))
        #expect(show.standardError.isEmpty)
    }

    @Test("A desk policy that extends nothing is warned about: the house rules and notices stop applying")
    func standAloneDesk() throws {
        let directory = try newsroom(desk: "schema: 1\nrules:\n  quote-balance: warning\n")
        let warning = "desk/.copydesk.yml: warning: this policy stands alone: it does not extend the house policy "
            + "../.copydesk.yml further up"
        let check = try runCopydesk(["policy", "check", "desk/.copydesk.yml"], in: directory.path)
        #expect(check.status == 0)
        #expect(check.standardOutput.hasPrefix("desk/.copydesk.yml: ok (1 rule enabled)\n" + warning))
        #expect(check.standardOutput.contains("add 'extends: ../.copydesk.yml'"))

        let lint = try runCopydesk(["lint"], in: directory.path)
        #expect(lint.status == 0)
        #expect(lint.standardOutput.contains(warning))
        // A report for a machine leaves it out; standard error carries it.
        let sarif = try runCopydesk(["lint", "--format", "sarif"], in: directory.path)
        #expect(!sarif.standardOutput.contains("stands alone"))
        #expect(sarif.standardError.hasPrefix(warning))
        let show = try runCopydesk(["policy", "show"], in: directory.path + "/desk")
        #expect(show.standardError.hasPrefix(".copydesk.yml: warning: this policy stands alone"))

        // Extending the default says the desk starts afresh on purpose.
        try directory.write("desk/.copydesk.yml", "schema: 1\nextends: default\n")
        let chosen = try runCopydesk(["policy", "check", "desk/.copydesk.yml"], in: directory.path)
        #expect(chosen.standardOutput == "desk/.copydesk.yml: ok (8 rules enabled)\n")
        // The house policy itself has nothing above it to shadow.
        let house = try runCopydesk(["policy", "check", ".copydesk.yml"], in: directory.path)
        #expect(house.standardOutput == ".copydesk.yml: ok (8 rules enabled)\n")
    }

    @Test("The staff list a policy names is not linted as an article when its folder is")
    func staffListIsNoArticle() throws {
        let directory = try newsroom(desk: "schema: 1\nextends: ../.copydesk.yml\n")
        try directory.write("notes.txt", "Harbour notes\n\nThe pier reopens in May, the harbour master said.\n")
        let lint = try runCopydesk(["lint", "--format", "json"], in: directory.path)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(lint.standardOutput.utf8)) as? [String: Any])
        let paths = (report["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }.sorted()
        #expect(paths == ["desk/ferry.md", "desk/tide.md", "notes.txt"])
    }
}

@Suite("runs that read nothing say so", .enabled(if: builtCopydeskBinary != nil, "the copydesk binary is not built"))
struct SilentNothingTests {
    @Test("A folder of files in formats copydesk does not read says how many and what it reads")
    func unreadFormats() throws {
        let directory = try TemporaryDirectory()
        try directory.write("posts/one.mdx", "# One\n")
        try directory.write("posts/two.mdx", "# Two\n")
        try directory.write("posts/cover.jpg", "not a picture")
        let lint = try runCopydesk(["lint", "posts"], in: directory.path)
        #expect(lint.status == 0)
        #expect(lint.standardOutput == "No problems found in 0 files; 3 files not read (.mdx, .jpg): not a format copydesk reads "
            + "(it reads \(InputFormat.extensionList); to lint another file, name it with --input-format markdown, text or html).\n")

        try directory.write("posts/three.md", "# Three\n\nBy Lena Marsh\n\nThe pier reopened.\n")
        let some = try runCopydesk(["lint", "posts"], in: directory.path)
        #expect(some.standardOutput.hasSuffix("No problems found in 1 file; 3 files not read (.mdx, .jpg): not a format copydesk reads.\n"))
    }

    @Test("A run where a file could not be read never says 'No problems'")
    func unreadableIsNotClean() throws {
        let directory = try TemporaryDirectory()
        try directory.write("page.pdf", "%PDF-1.4")
        let lint = try runCopydesk(["lint", "page.pdf"], in: directory.path)
        #expect(lint.status == 2)
        #expect(!lint.standardOutput.contains("No problems"))
        #expect(lint.standardOutput.hasSuffix("No findings in the 0 files linted; 1 file not linted because of an error.\n"))
    }
}
