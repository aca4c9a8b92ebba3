import ArgumentParser
import CopydeskCore
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

    /// "5 rules enabled, 2 legal notices", and a warning when the notices
    /// would go unchecked.
    static func summary(of policy: Policy) -> String {
        var summary = Counted.phrase(policy.enabledRuleIDs.count, "rule") + " enabled"
        guard !policy.notices.isEmpty else { return summary }
        summary += ", " + Counted.phrase(policy.notices.count, "legal notice")
        let ruleID = LegalNoticeRule.description.id
        if policy.rules[ruleID]?.enabled != true {
            summary += "; warning: \(ruleID) is off, so the notices are not checked (add '\(ruleID): error' under rules)"
        }
        return summary
    }

    func run() throws {
        let loader = PolicyLoader(schemas: RuleRegistry.schemas)
        var failed = false
        for file in files {
            do throws(PolicyError) {
                let policy = try loader.load(path: file)
                // Options that name files (a staff list) are checked too.
                _ = try Linter.ruleSet(for: policy)
                Console.output("\(file): ok (\(Self.summary(of: policy)))\n")
                if let house = PolicyShadowing.shadowedPolicy(by: policy, file: file) {
                    Console.output("\(file): warning: \(PolicyShadowing.warning(policyFile: file, shadowing: house))\n")
                }
            } catch {
                Console.error(error.description)
                failed = true
            }
        }
        if failed { throw Console.usageOrInputError }
    }
}
