import ArgumentParser
import CopydeskLinter

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, default severity and summary.",
        discussion: "Run `copydesk explain RULE` for a rule's rationale, options and examples.")

    @Option(help: "Output format.")
    var format: ListingFormat = .text

    func run() throws {
        switch format {
        case .text: Console.output(RuleCatalog.listing())
        case .json: Console.output(try RuleCatalog.listingJSON())
        case .markdown: Console.output(RuleDocumentation.ruleReference())
        }
    }
}
