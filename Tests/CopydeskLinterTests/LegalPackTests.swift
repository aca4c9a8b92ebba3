import CopydeskCore
import CopydeskPolicy
import CopydeskRules
import Testing
@testable import CopydeskLinter

/// The notice packs under policies/legal/, as a house policy uses them:
/// `extends: [default, legal/NAME]`. Article texts take the notice's
/// wording from the loaded pack, so the tests follow the pack's text.
@Suite("Legal notice packs")
struct LegalPackTests {
    static let loader = PolicyLoader(schemas: RuleRegistry.schemas)

    static func policy(_ packs: [String], house: String = "") throws -> Policy {
        let extends = (["default"] + packs.map { "legal/\($0)" }).joined(separator: ", ")
        return try loader.load(yaml: "schema: 1\nextends: [\(extends)]\n" + house, path: "house.yml")
    }

    static func notice(_ pack: String) throws -> Notice {
        try #require(try policy([pack]).notices.first { $0.id == pack })
    }

    /// The legal-notice findings for an article under one pack.
    static func findings(_ pack: String, _ text: String, format: InputFormat = .markdown) throws -> [Finding] {
        let source = SourceText(path: format == .markdown ? "story.md" : "story.txt", string: text)
        let ruleSet = try RuleRegistry.configure(try policy([pack]))
        return Linter.lint(source: source, format: format, ruleSet: ruleSet).file.findings.filter { $0.ruleID == "legal-notice" }
    }

    @Test("Every pack is a valid policy that enables legal-notice and defines one notice named after it",
          arguments: ["wire-copyright", "correction", "sponsored-content", "regional-warning"])
    func packShape(pack: String) throws {
        let policy = try Self.loader.builtin("legal/\(pack)")
        #expect(policy.enabledRuleIDs == ["legal-notice"])
        #expect(policy.notices.map(\.id) == [pack])
        #expect(policy.notices.first?.location?.file == "<builtin>/legal/\(pack).yml")
    }

    @Test("All packs extend the default together, and the default itself requires no notice")
    func allPacks() throws {
        let policy = try Self.policy(["wire-copyright", "correction", "sponsored-content", "regional-warning"])
        #expect(policy.notices.map(\.id) == ["wire-copyright", "correction", "sponsored-content", "regional-warning"])
        #expect(try Self.loader.builtin("default").notices.isEmpty)
        #expect(policy.rules["legal-notice"]?.enabled == true)
    }

    @Test("A house policy rewords a pack's notice by defining the same id")
    func houseRewording() throws {
        let policy = try Self.policy(["wire-copyright"], house: """
            notices:
              - id: wire-copyright
                text: Copyright Example Agency. Licensed to the Daily.
                required: {when: {wire: [Example Agency]}}
                placement: end

            """)
        #expect(policy.notices.count == 1)
        #expect(policy.notices.first?.text == "Copyright Example Agency. Licensed to the Daily.")
        #expect(policy.notices.first?.location?.file == "house.yml")
    }

    @Test("wire-copyright: required when a byline or dateline credits an agency, at the end")
    func wireCopyright() throws {
        let text = try Self.notice("wire-copyright").text
        let dateline = "# Markets fall\n\nLONDON (Reuters) - Shares fell on Monday.\n\nTraders were cautious.\n"
        let missing = try Self.findings("wire-copyright", dateline)
        #expect(missing.map(\.range.start.line) == [5])
        #expect(missing.first?.message.contains("because the byline or dateline credits “Reuters”") == true)
        #expect(try Self.findings("wire-copyright", dateline + "\n" + text + "\n").isEmpty)
        let byline = "---\nauthor: Associated Press\n---\n# Markets fall\n\nShares fell on Monday.\n"
        #expect(try Self.findings("wire-copyright", byline).count == 1)
        #expect(try Self.findings("wire-copyright", "# Markets fall\n\nShares fell, Reuters reported.\n").isEmpty)
        let misplaced = try Self.findings("wire-copyright", "# Markets fall\n\nLONDON (Reuters) - Shares fell.\n\n\(text)\n\nTraders were cautious.\n")
        #expect(misplaced.first?.message.contains("must stand at the end of the article") == true)
    }

    @Test("correction: required when the front matter marks the article corrected, after the body")
    func correction() throws {
        let text = try Self.notice("correction").text
        let corrected = "---\ncorrected: true\n---\n# Budget passes\n\nThe council voted 5-2.\n"
        #expect(try Self.findings("correction", corrected).map(\.range.start.line) == [6])
        #expect(try Self.findings("correction", "---\ntags: [politics, correction]\n---\n# Budget\n\nThe council voted.\n").count == 1)
        #expect(try Self.findings("correction", corrected + "\n" + text + "\n").isEmpty)
        #expect(try Self.findings("correction", "---\ncorrected: false\n---\n# Budget passes\n\nThe council voted.\n").isEmpty)
        let early = try Self.findings("correction", "---\ncorrected: yes\n---\n# Budget\n\n\(text)\n\nThe council voted.\n")
        #expect(early.first?.message.contains("must stand after the body of the article") == true)
    }

    @Test("sponsored-content: required before the body of sponsored articles, forbidden in any other section")
    func sponsoredContent() throws {
        let text = try Self.notice("sponsored-content").text
        let sponsored = "---\nsection: sponsored\n---\n# Ten gardens\n\nThe first garden is by the river.\n"
        let missing = try Self.findings("sponsored-content", sponsored)
        #expect(missing.map(\.range.start.line) == [6])
        #expect(missing.first?.range.start.column == 1)
        #expect(try Self.findings("sponsored-content", "---\nsection: sponsored\n---\n# Ten gardens\n\n\(text)\n\nThe first garden.\n").isEmpty)
        let news = try Self.findings("sponsored-content", "---\nsection: politics\n---\n# Budget\n\n\(text)\n\nThe council voted.\n")
        #expect(news.first?.message.contains("must not appear in this article: its front matter gives section “politics”") == true)
        #expect(try Self.findings("sponsored-content", "# Budget\n\nThe council voted.\n").isEmpty)
    }

    @Test("regional-warning: required at the end when the article mentions Russia, forbidden outside its regions")
    func regionalWarning() throws {
        let notice = try Self.notice("regional-warning")
        #expect(notice.paragraphs.count == 2)
        let story = "# Talks stall\n\nThe Kremlin said talks had stalled.\n"
        #expect(try Self.findings("regional-warning", story).first?.message.contains("mentions “Kremlin”") == true)
        #expect(try Self.findings("regional-warning", story + "\n" + notice.text + "\n").isEmpty)
        let changed = story + "\n" + notice.text.replacingOccurrences(of: "fines or prison", with: "fines or jail") + "\n"
        #expect(try Self.findings("regional-warning", changed).first?.message.contains("“prison” changed to “jail”") == true)
        let local = "---\nregion: us-midwest\n---\n" + story
        #expect(try Self.findings("regional-warning", local).isEmpty)
        let forbidden = try Self.findings("regional-warning", local + "\n" + notice.text + "\n")
        #expect(forbidden.first?.message.contains("must not appear in this article: its front matter gives region “us-midwest”, none of international, russia") == true)
        #expect(try Self.findings("regional-warning", "---\nregion: international\n---\n" + story + "\n" + notice.text + "\n").isEmpty)
        #expect(try Self.findings("regional-warning", "# Harvest\n\nFarmers brought in the wheat.\n").isEmpty)
    }
}
