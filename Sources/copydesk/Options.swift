import ArgumentParser
import CopydeskCore
import CopydeskLinter

struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Policy file for every article, instead of the nearest .copydesk.yml (or the built-in default).",
        valueName: "file"))
    var policy: String?
}

struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Read every file as this format, whatever its extension.", valueName: "format"))
    var inputFormat: InputFormat?

    @Option(name: .long, help: ArgumentHelp(
        """
        Skip paths matching this glob (*, ?, **, [a-z]), relative to the current directory; \
        a glob without / matches a file or directory name at any depth. Repeatable.
        """,
        valueName: "glob"))
    var exclude: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "The name to lint standard input (path -) under: it picks the format and the policy.",
        valueName: "name"))
    var stdinFilename: String?

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp(
        """
        Do not lint a file (or standard input) larger than this: bytes, or with K, M or G \
        (powers of 1024). Such a file is an input error. Default 64M.
        """,
        valueName: "size"))
    var maxFileSizeText: String?

    /// `--max-file-size` in bytes (validated in `validate()`).
    var maxFileSize: Int { maxFileSizeText.flatMap(ByteSize.parse) ?? BoundedFileReader.defaultLimit }

    func validateExcludes() throws {
        for pattern in exclude {
            if let problem = Glob.problem(in: pattern) {
                throw ValidationError("--exclude '\(pattern)': \(problem)")
            }
        }
    }

    func validate() throws {
        try validateExcludes()
        if let text = maxFileSizeText, ByteSize.parse(text) == nil {
            throw ValidationError("--max-file-size '\(text)' is not a size; give a whole number of bytes, "
                                  + "optionally with K, M or G (for example 64M)")
        }
    }
}

struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "Report format.")
    var format: ReportFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the report to this file instead of standard output.",
                                            valueName: "file"))
    var output: String?

    @Flag(inversion: .prefixedNo, help: """
        Colour the text report (default: only when writing to a terminal and NO_COLOR is unset).
        """)
    var color: Bool?

    @Option(name: .long, help: ArgumentHelp(
        "Exit 1 when an unsuppressed finding is at least this severe.", valueName: "severity"))
    var failOn: FailureThreshold = .error

    func useColor(environment: [String: String]) -> Bool {
        ColorChoice.useColor(flag: color, outputIsTerminal: output == nil && Console.standardOutputIsTerminal,
                             environment: environment)
    }
}
