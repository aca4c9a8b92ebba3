import ArgumentParser
import CopydeskLinter
import CopydeskRules
import CopydeskPolicy
import CopydeskCore
import Foundation

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: why it exists, its options, and examples that do and do not trigger it.")

    @Argument(help: ArgumentHelp("A rule id, as `copydesk rules` lists them.", valueName: "rule"))
    var rule: String

    func run() throws {
        if RuleRegistry.description(of: rule) == nil, rule.contains(".") {
            let directory = FileManager.default.currentDirectoryPath
            let known = StyleCatalog.rulesInReach(of: directory).rules
            if let style = known.first(where: { $0.id == rule }) {
                Console.output(StyleCatalog.explanation(of: style))
                return
            }
            let hint = NearestMatch.suggestion(for: rule, among: known.map(\.id)).map { "did you mean '\($0)'? " } ?? ""
            Console.error("error: unknown style rule '\(rule)'; \(hint)run `copydesk rules` for the style rules in reach here")
            throw Console.usageOrInputError
        }
        guard let description = RuleRegistry.description(of: rule) else {
            Console.error(RuleCatalog.unknownRuleMessage(rule))
            throw Console.usageOrInputError
        }
        Console.output(RuleCatalog.explanation(of: description))
    }
}
