import ArgumentParser
import CopydeskLinter
import Foundation

@main
struct Copydesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copydesk",
        abstract: "Check news articles against the house editorial policy.",
        discussion: """
            Exit status: 0 clean; 1 findings at or above --fail-on; 2 a usage, policy or input error.
            """,
        version: CopydeskVersion.current,
        subcommands: [LintCommand.self, InspectCommand.self, RulesCommand.self, ExplainCommand.self,
                      PolicyCommand.self, BaselineCommand.self],
        defaultSubcommand: LintCommand.self)

    /// argument-parser exits 64 on a usage error; copydesk promises 2 for
    /// every usage, policy and input error, so CI scripts test one number.
    static func main() {
        Console.guardStandardDescriptors()
        if let typo = SubcommandTypo.message(for: Array(CommandLine.arguments.dropFirst())) {
            Console.error(typo)
            Foundation.exit(LintExitStatus.usageOrInputError.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { self.exit(withError: error) }
            Console.error(fullMessage(for: error))
            Foundation.exit(LintExitStatus.usageOrInputError.rawValue)
        }
    }
}
