import CopydeskCore
import CopydeskPolicy
import CopydeskRules
@testable import CopydeskLinter
import Foundation
import Testing

/// Style folders named by a copydesk policy: the built-in newsroom pack and
/// a desk's own folder, set under `rules:` like any rule.
@Suite("Policies that name style folders")
struct PolicyStyleTests {
    static let article = """
        # Harbour fees rise

        Fees at the harbour rose 12% on Monday, the board stated.

        The new rate starts on January 5, the board said.
        """

    /// A linter that finds each article's .copydesk.yml, as the command does.
    private func resolvingLinter() -> Linter {
        let resolver = PolicyResolver(loader: PolicyLoader(schemas: RuleRegistry.schemas), explicitPolicyPath: nil)
        return Linter(policyLookup: { path throws(PolicyError) in try resolver.policy(forArticleAt: path) })
    }

    private func findings(_ policy: String, files: [String: String] = [:]) throws -> [Finding] {
        let directory = try TemporaryDirectory()
        try directory.write(".copydesk.yml", policy)
        try directory.write("story.md", Self.article)
        for (path, text) in files { try directory.write(path, text) }
        let run = try resolvingLinter().lint(LintOptions(paths: ["story.md"], workingDirectory: directory.path))
        return run.files.first?.findings.filter { $0.ruleID.contains(".") } ?? []
    }

    @Test("extends: [default, style/newsroom] runs the embedded pack, with its own levels")
    func embeddedPack() throws {
        let found = try findings("schema: 1\nextends: [default, style/newsroom]\n")
        let byRule = Dictionary(grouping: found, by: \.ruleID)
        #expect(byRule["newsroom.Percent"]?.map(\.range.start.line) == [3])
        #expect(byRule["newsroom.SaidNotStated"]?.map(\.range.start.line) == [3])
        #expect(byRule["newsroom.MonthAbbreviation"]?.map(\.range.start.line) == [5])
        #expect(byRule["newsroom.Percent"]?.first?.severity == .warning)
    }

    @Test("A policy re-levels a style rule or turns it off like any rule")
    func relevelAndSwitchOff() throws {
        let found = try findings("""
            schema: 1
            extends: [default, style/newsroom]
            rules:
              newsroom.Percent: error
              newsroom.SaidNotStated: off
            """)
        #expect(found.first { $0.ruleID == "newsroom.Percent" }?.severity == .error)
        #expect(!found.contains { $0.ruleID == "newsroom.SaidNotStated" })
        #expect(found.contains { $0.ruleID == "newsroom.MonthAbbreviation" })
    }

    @Test("A desk's own style folder is read relative to the policy file")
    func ownFolder() throws {
        let rule = """
            extends: existence
            message: "Write 'board' as the paper's style has it, not '%s'."
            level: error
            ignorecase: true
            tokens:
              - harbour
            """
        let found = try findings("schema: 1\nstyles: [styles/Desk]\n", files: ["styles/Desk/Spelling.yml": rule])
        #expect(found.map(\.ruleID) == ["Desk.Spelling", "Desk.Spelling"])
        #expect(found.first?.message == "Write 'board' as the paper's style has it, not 'Harbour'.")
        #expect(found.first?.severity == .error)
    }

    @Test("A misspelt style rule id is an error at its line, with the nearest id")
    func misspeltRule() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".copydesk.yml", "schema: 1\nextends: [default, style/newsroom]\nrules:\n  newsroom.Percents: off\n")
        try directory.write("story.md", Self.article)
        #expect {
            _ = try resolvingLinter().lint(LintOptions(paths: ["story.md"], workingDirectory: directory.path))
        } throws: { error in
            let error = error as? PolicyError
            return error?.location?.line == 4 && error?.message == "unknown style rule 'newsroom.Percents'"
                && error?.hint == "did you mean 'newsroom.Percent'?"
        }
    }

    @Test("An unknown built-in style and a missing folder are errors that say how to fix them")
    func unknownStyles() throws {
        let loader = PolicyLoader(schemas: RuleRegistry.schemas)
        #expect {
            _ = try loader.load(yaml: "schema: 1\nextends: [default, style/newsrom]\n", path: "policy.yml")
        } throws: { error in
            let error = error as? PolicyError
            return error?.location == PolicyLocation(file: "policy.yml", line: 2, column: 20)
                && error?.hint?.hasPrefix("did you mean 'style/newsroom'?") == true
        }
        let directory = try TemporaryDirectory()
        try directory.write(".copydesk.yml", "schema: 1\nstyles: [styles/Missing]\n")
        try directory.write("story.md", Self.article)
        #expect(throws: PolicyError.self) {
            _ = try resolvingLinter().lint(LintOptions(paths: ["story.md"], workingDirectory: directory.path))
        }
    }

    @Test("policy show lists the style folders with where they were named")
    func policyShow() throws {
        let loader = PolicyLoader(schemas: RuleRegistry.schemas)
        let policy = try loader.load(yaml: "schema: 1\nextends: [default, style/newsroom]\n", path: "policy.yml")
        #expect(policy.styles.map { $0.reference } == ["style/newsroom"])
        #expect(policy.renderYAML().contains("styles:\n  - \"style/newsroom\"  # set at policy.yml:2:20\n"))
    }

    @Test("rules and explain show style rules with the file each was read from")
    func catalogue() throws {
        let builtin = StyleCatalog.builtinRules()
        let percent = try #require(builtin.first { $0.id == "newsroom.Percent" })
        #expect(percent.kind == "substitution")
        #expect(percent.file == "<builtin>/style/newsroom/Percent.yml")
        #expect(StyleCatalog.explanation(of: percent).contains("File: <builtin>/style/newsroom/Percent.yml"))

        let directory = try TemporaryDirectory()
        try directory.write(".vale.ini", "StylesPath = styles\n[*]\nBasedOnStyles = Desk\n")
        try directory.write("styles/Desk/Hedges.yml", "extends: existence\nmessage: \"Cut '%s'.\"\nlevel: suggestion\ntokens: [arguably]\n")
        let (rules, errors) = StyleCatalog.rules(in: directory.path, policy: nil)
        #expect(errors.isEmpty)
        #expect(rules.map(\.id) == ["Desk.Hedges"])
        #expect(rules.first?.file.hasSuffix("styles/Desk/Hedges.yml") == true)
        #expect(StyleCatalog.listing(rules).contains("Desk.Hedges  suggestion  existence"))
    }

    @Test("A style rule's link becomes its helpUri in SARIF, its file and description the rule's help")
    func sarifHelpUri() throws {
        let directory = try TemporaryDirectory()
        try directory.write(".copydesk.yml", "schema: 1\nstyles: [styles/Desk]\n")
        try directory.write("story.md", Self.article)
        try directory.write("styles/Desk/Harbour.yml", """
            extends: existence
            message: "Say 'port', not '%s'."
            description: The desk writes port for the town's harbour.
            link: https://style.example.org/port
            level: warning
            tokens: [harbour]
            """)
        let resolver = PolicyResolver(loader: PolicyLoader(schemas: RuleRegistry.schemas), explicitPolicyPath: nil)
        let run = try Linter(policyLookup: { path throws(PolicyError) in try resolver.policy(forArticleAt: path) })
            .lint(LintOptions(paths: ["story.md"], workingDirectory: directory.path))
        #expect(run.styleRules.map(\.id) == ["Desk.Harbour"])
        let sarif = SARIFReport().render(run, context: ReportContext(workingDirectory: directory.path))
        let log = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        let runs = log?["runs"] as? [[String: Any]]
        let driver = (runs?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let rule = (driver?["rules"] as? [[String: Any]])?.first { $0["id"] as? String == "Desk.Harbour" }
        #expect(rule?["helpUri"] as? String == "https://style.example.org/port")
        #expect(((rule?["fullDescription"] as? [String: Any])?["text"] as? String)?
            .hasPrefix("The desk writes port for the town's harbour. (Vale existence rule,") == true)
    }
}
