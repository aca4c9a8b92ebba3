import ArgumentParser
import CopydeskPolicy
import CopydeskRules

struct PolicyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the effective policy as YAML, with everything it extends folded in.",
        discussion: """
            Without a file: the policy that applies to articles in the current directory \
            (the nearest .copydesk.yml, or the built-in default).
            """)

    @Argument(help: ArgumentHelp("A policy file.", valueName: "file"))
    var file: String?

    func run() throws {
        let loader = PolicyLoader(schemas: RuleRegistry.schemas)
        do throws(PolicyError) {
            let policy: Policy
            var policyFile = file
            if let file {
                policy = try loader.load(path: file)
            } else {
                let resolver = PolicyResolver(loader: loader, explicitPolicyPath: nil)
                policyFile = resolver.policyFile(forDirectory: Console.workingDirectory)
                if let policyFile {
                    policy = try loader.load(path: policyFile)
                } else {
                    policy = try loader.builtin(PolicyResolver.fallbackPolicyName)
                }
            }
            Console.output(policy.renderYAML())
            if let policyFile, let house = PolicyShadowing.shadowedPolicy(by: policy, file: policyFile) {
                let shown = PolicyShadowing.displayPath(policyFile, workingDirectory: Console.workingDirectory)
                Console.error("\(shown): warning: \(PolicyShadowing.warning(policyFile: policyFile, shadowing: house))")
            }
        } catch {
            Console.error(error.description)
            throw Console.usageOrInputError
        }
    }
}
