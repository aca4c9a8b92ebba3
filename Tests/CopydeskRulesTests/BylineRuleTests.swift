import CopydeskCore
import CopydeskLinter
import CopydeskPolicy
@testable import CopydeskRules
import Foundation
import Testing

/// Lints `text` with the given rules on, each with its options.
func lint(_ text: String, format: InputFormat = .markdown, rules: [String: [String: OptionValue]],
          directory: String? = nil) throws -> [Finding] {
    let policy = Policy(rules: rules.mapValues { RuleSetting(options: $0) }, directory: directory)
    let source = SourceText(path: format == .markdown ? "article.md" : "article.txt", string: text)
    return Linter.lint(source: source, format: format, ruleSet: try RuleRegistry.configure(policy)).file.findings
}

func start(_ range: SourceRange) -> String { "\(range.start.line):\(range.start.column)" }

/// A scratch folder for staff lists and policies, removed afterwards.
final class ScratchFolder {
    let path = FileManager.default.temporaryDirectory.path + "/copydesk-rules-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

struct BylineRuleTests {
    @Test func staffListMatchesIgnoringCaseAndAccents() throws {
        let folder = try ScratchFolder()
        try folder.write("staff.txt", "# Riverton Ledger newsroom\nJosé Pérez\nJane Doe\n\nRalph D. Russo\n")
        let findings = try lint("# Storm nears\n\nBy JOSE PEREZ, Ralph D Russo and Jon Doe\n\nThe storm strengthened.\n",
                                rules: ["byline": ["staff-list": .string("staff.txt")]], directory: folder.path)
        #expect(findings.map { start($0.range) } == ["3:34"])
        let message = try #require(findings.first?.message)
        #expect(message.contains("“Jon Doe” is not on the staff list (staff.txt)"))
        #expect(message.contains("Did you mean “Jane Doe”?"))
    }

    @Test func agencyReportersNeedNotBeStaff() throws {
        let folder = try ScratchFolder()
        try folder.write("staff.txt", "Jane Doe\n")
        let findings = try lint("# Storm nears\n\nBy RALPH D. RUSSO, Associated Press\n\nThe storm strengthened.\n",
                                rules: ["byline": ["staff-list": .string("staff.txt")]], directory: folder.path)
        #expect(findings.isEmpty)
    }

    @Test func anUnreadableStaffListIsAPolicyErrorAtTheSetting() throws {
        let folder = try ScratchFolder()
        let policyFile = try folder.write(".copydesk.yml", "schema: 1\nrules:\n  byline:\n    staff-list: newsroom/staff.txt\n")
        try folder.write("story.md", "# Storm nears\n\nBy Jane Doe\n\nText.\n")
        let policy = try PolicyLoader(schemas: RuleRegistry.schemas).load(path: policyFile)
        #expect(throws: RuleOptionError.self) { try RuleRegistry.configure(policy) }
        let linter = Linter(policyLookup: { _ in policy })
        do {
            _ = try linter.lint(LintOptions(paths: [folder.path + "/story.md"], workingDirectory: folder.path))
            Issue.record("linting with a missing staff list should fail")
        } catch {
            #expect(error.description.hasPrefix("\(policyFile):3:3: error: rule byline, option staff-list:"))
            #expect(error.description.contains("'\(folder.path)/newsroom/staff.txt' does not exist"))
            #expect(error.description.contains("relative to the policy file's directory"))
        }
    }

    @Test func anUnknownFormIsRefusedWithASuggestion() {
        let policy = Policy(rules: ["byline": RuleSetting(options: ["forms": .strings(["by-line", "frontmatter"])])])
        #expect {
            try RuleRegistry.configure(policy)
        } throws: { error in
            "\(error)".contains("unknown form 'frontmatter'; did you mean 'front-matter'?")
        }
    }

    @Test func aForbiddenFrontMatterAuthorIsReportedAtTheValue() throws {
        let findings = try lint("---\ntitle: Storm nears\nauthor: Web Desk\n---\n\nThe storm strengthened.\n",
                                rules: ["byline": [:]])
        #expect(findings.map { start($0.range) } == ["3:9"])
        #expect(findings.first?.message.contains("credits “Web Desk”, not a person") == true)
    }

    @Test func aMissingBylineNamesTheCreditsFurtherDown() throws {
        let body = (1...4).map { "Paragraph \($0) of the story." }.joined(separator: "\n\n")
        let findings = try lint("Storm nears\n\n\(body)\n\nBy Clara Nguyen\n", format: .text, rules: ["byline": [:]])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(start(finding.range) == "1:1")
        #expect(finding.message.contains("it belongs between the headline and the first paragraph (line 3)"))
        #expect(finding.message.contains("move it under the headline"))
        #expect(finding.related.map { start($0.range) } == ["11:1"])
    }

    @Test func withoutRequiredAMisplacedBylineIsReportedWhereItStands() throws {
        let body = (1...4).map { "Paragraph \($0) of the story." }.joined(separator: "\n\n")
        let findings = try lint("Storm nears\n\n\(body)\n\nBy Clara Nguyen\n", format: .text,
                                rules: ["byline": ["required": .bool(false)]])
        #expect(findings.map { start($0.range) } == ["11:1"])
        #expect(findings.first?.message.contains("move it between the headline and the first paragraph (line 3)") == true)
    }

    @Test func bodyParagraphsAllowedAboveTheByline() throws {
        let text = "# Storm nears\n\nA dek that sums up the story.\n\nBy Clara Nguyen\n\nThe storm strengthened.\n"
        #expect(try lint(text, rules: ["byline": [:]]).isEmpty)
        let strict = try lint(text, rules: ["byline": ["max-blocks-after-headline": .integer(0)]])
        #expect(strict.map { start($0.range) } == ["1:1"])
    }

    @Test func aPolicyCanAcceptAnAgencyCopydeskDoesNotKnow() throws {
        let text = "# Storm nears\n\nNikkei Asia\n\nThe storm strengthened.\n"
        #expect(try lint(text, rules: ["byline": [:]]).count == 1)
        #expect(try lint(text, rules: ["byline": ["wire-credits": .strings(["Nikkei Asia"])]]).isEmpty)
    }

    @Test func anArticleWithNoProseIsLeftAlone() throws {
        #expect(try lint("---\ntitle: \"\"\n---\n", rules: ["byline": [:]]).isEmpty)
        #expect(try lint("", format: .text, rules: ["byline": [:]]).isEmpty)
    }
}

/// The article the project started from (see `SharedArticleTests`): one
/// repeated caption, no byline at the top, an author card at the end, and
/// "By all accounts" opening the first paragraph.
struct SharedArticleBylineTests {
    @Test(.enabled(if: SharedArticleTests.bytes != nil, "../shared is not beside the repository"))
    func rferlArticleWithTheDefaultPolicy() throws {
        let source = SourceText(path: "rferl.txt", bytes: SharedArticleTests.bytes!)
        let policy = try PolicyLoader(schemas: RuleRegistry.schemas).builtin("default")
        let findings = Linter.lint(source: source, format: .text, ruleSet: try RuleRegistry.configure(policy)).file.findings

        let captions = findings.filter { $0.ruleID == "caption-duplication" }
        #expect(captions.map { start($0.range) } == ["8:1"])
        #expect(captions.first?.related.map { start($0.range) } == ["7:1"])

        let bylines = findings.filter { $0.ruleID == "byline" }
        let byline = try #require(bylines.first)
        #expect(bylines.count == 1)
        #expect(start(byline.range) == "5:1")
        #expect(byline.message.contains("between the headline and the first paragraph (line 10)"))
        #expect(byline.message.contains("add “By Mike Eckel” under the headline"))
        let card = try #require(byline.related.first)
        #expect(card.range.start.line == 50)
        #expect(card.range.end.line == 52)

        #expect(!findings.contains { $0.ruleID == "duplicate-paragraph" })

        let document = ArticleParser.parse(source, format: .text)
        #expect(document.bylines.map(\.names) == [["Mike Eckel"]])
        #expect(document.bylines.map(\.kind) == [.authorCard])
        let line10 = try #require(document.blocks.first { $0.range.start.line == 10 })
        #expect(line10.kind == .paragraph)
    }
}

struct RepeatRuleTests {
    @Test func altTextsAreComparedOnlyWithCompareAltText() throws {
        let text = "# Storm\n\n![Volunteers fill sandbags outside the fire station](a.jpg)\n*Volunteers at work.*\n\n"
            + "![Volunteers fill sandbags outside the fire station](b.jpg)\n*The river at dawn.*\n"
        #expect(try lint(text, rules: ["caption-duplication": [:]]).isEmpty)
        #expect(try lint(text, rules: ["caption-duplication": ["compare-alt-text": .bool(true)]]).map { start($0.range) } == ["6:3"])
    }

    @Test func aRepeatPointsToTheFirstCopy() throws {
        let paragraph = "The council approved the budget shortly before midnight on Wednesday."
        let findings = try lint("# Budget\n\n\(paragraph)\n\n\(paragraph)\n", rules: ["duplicate-paragraph": [:]])
        #expect(findings.map { start($0.range) } == ["5:1"])
        #expect(findings.map { $0.related.map { start($0.range) } } == [["3:1"]])
        #expect(findings.first?.message.hasPrefix("Paragraph repeats the paragraph just above it (line 3): “The council") == true)
    }

    /// A line printed after every section is the page's template: a paste
    /// repeats a paragraph once.
    @Test func textPrintedThreeTimesIsATemplate() throws {
        let note = "Prices were correct when this guide was published and may have changed since then."
        let text = "# Guide\n\nThe first kettle boils fast.\n\n\(note)\n\nThe second kettle is quiet.\n\n\(note)\n\n"
            + "The third kettle keeps water warm.\n\n\(note)\n"
        #expect(try lint(text, rules: ["duplicate-paragraph": [:]]).isEmpty)
    }

    @Test func fragmentsFieldsAndQuestionsAreNotProse() {
        #expect(DuplicateParagraphRule.readsAsProse(Array("The council approved the budget on Wednesday.".utf8)))
        #expect(DuplicateParagraphRule.readsAsProse(Array("“We will rebuild,” the mayor said.".utf8)))
        #expect(!DuplicateParagraphRule.readsAsProse(Array("Harbor Shell Pro — Our Pick for Long Days in Heavy Rain".utf8)))
        #expect(!DuplicateParagraphRule.readsAsProse(Array("Prep Time: twenty minutes, plus an hour to chill.".utf8)))
        #expect(!DuplicateParagraphRule.readsAsProse(Array("What did you cook for your first dinner party?".utf8)))
        #expect(DuplicateParagraphRule.readsAsProse(Array("She said: the plan is dead.".utf8)))
    }

    @Test func nearDuplicatesSayHowAlikeTheyAre() throws {
        let first = "The council approved the $412 million budget shortly before midnight on Wednesday after a long session."
        let second = "The council approved the $412 million budget shortly before midnight on Wednesday after a long debate."
        let findings = try lint("# Budget\n\n\(first)\n\nOther news.\n\n\(second)\n",
                                rules: ["duplicate-paragraph": ["similarity": .number(0.8)]])
        #expect(findings.map { start($0.range) } == ["7:1"])
        #expect(findings.first?.message.contains("nearly repeats (86% the same wording) the paragraph at line 3") == true)
    }
}
