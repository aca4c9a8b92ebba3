import ArgumentParser
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules
import Foundation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, default severity and summary.",
        discussion: "Run `copydesk explain RULE` for a rule's rationale, options and examples.")

    @Option(help: "Output format.")
    var format: ListingFormat = .text

    func run() throws {
        switch format {
        case .text:
            // The style rules a policy or .vale.ini here loads, then those built in.
            let directory = FileManager.default.currentDirectoryPath
            let (styleRules, errors) = StyleCatalog.rulesInReach(of: directory)
            for error in errors { Console.error(error) }
            Console.output(RuleCatalog.listing() + StyleCatalog.listing(styleRules))
        case .json: Console.output(try RuleCatalog.listingJSON())
        case .markdown: Console.output(RuleDocumentation.ruleReference())
        }
    }
}
