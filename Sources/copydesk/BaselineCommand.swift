import ArgumentParser

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record an archive's findings, so that lint --baseline fails only on new ones.",
        subcommands: [BaselineWriteCommand.self])
}
