import ArgumentParser
import CopydeskLinter
import CopydeskRules

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: why it exists, its options, and examples that do and do not trigger it.")

    @Argument(help: ArgumentHelp("A rule id, as `copydesk rules` lists them.", valueName: "rule"))
    var rule: String

    func run() throws {
        guard let description = RuleRegistry.description(of: rule) else {
            Console.error(RuleCatalog.unknownRuleMessage(rule))
            throw Console.usageOrInputError
        }
        Console.output(RuleCatalog.explanation(of: description))
    }
}
