import ArgumentParser

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Check policy files and show the effective policy.",
        subcommands: [PolicyCheckCommand.self, PolicyShowCommand.self])
}
