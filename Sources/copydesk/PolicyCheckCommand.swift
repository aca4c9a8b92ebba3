import ArgumentParser
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules

struct PolicyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check policy files (and everything they extend, and the files their options name) without linting anything.")

    @Argument(help: ArgumentHelp("Policy files.", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one policy file to check") }
    }

    func run() throws {
        let loader = PolicyLoader(schemas: RuleRegistry.schemas)
        var failed = false
        for file in files {
            do throws(PolicyError) {
                let policy = try loader.load(path: file)
                // Options that name files (a staff list) are checked too.
                _ = try Linter.ruleSet(for: policy)
                Console.output("\(file): ok (\(policy.enabledRuleIDs.count) rules enabled)\n")
            } catch {
                Console.error(error.description)
                failed = true
            }
        }
        if failed { throw Console.usageOrInputError }
    }
}
