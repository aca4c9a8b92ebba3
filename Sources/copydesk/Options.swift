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

/// The files and directories a command lints.
struct ArticlePaths: ParsableArguments {
    @Argument(help: ArgumentHelp("Files and directories to check (default: the current directory).",
                                 valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if paths.contains("") {
            throw ValidationError("an empty path names nothing; give a file or directory (. for the current directory)")
        }
    }

    var readsStandardInput: Bool { paths.contains(LintOptions.standardInputPath) }
}

/// Linting an archive that already has findings: fail only on new ones,
/// lint only what a change touched, and keep reports within what the tools
/// downstream show.
struct AdoptionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Findings recorded in this baseline file (copydesk baseline write) are not reported as new and do not fail the run.",
        valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("changed-since"), help: ArgumentHelp(
        """
        Lint only the articles among the paths that differ from this git revision's merge base with HEAD \
        (committed, staged, unstaged or untracked), as a pull request would change them.
        """,
        valueName: "ref"))
    var changedSince: String?

    @Flag(name: .long, help: """
        Report only findings at or above --fail-on (errors, with --fail-on never): warnings and notes are left out \
        of the report, but still count for --max-warnings.
        """)
    var quiet = false

    @Option(name: .customLong("max-warnings"), help: ArgumentHelp(
        "Exit 1 when more than this many warnings count (not suppressed, not in the baseline).",
        valueName: "n"))
    var maxWarnings: Int?

    @Option(name: .customLong("max-results"), help: ArgumentHelp(
        """
        With --format sarif, keep at most this many results, the most severe first (default 25000, \
        what GitHub code scanning accepts); the log says how many it left out.
        """,
        valueName: "n"))
    var maxResults: Int?

    func validate() throws {
        if baseline == "" { throw ValidationError("--baseline needs a file name") }
        if let maxWarnings, maxWarnings < 0 {
            throw ValidationError("--max-warnings \(maxWarnings) is negative; give 0 or more")
        }
        if let maxResults, maxResults < 1 {
            throw ValidationError("--max-results \(maxResults) keeps nothing; give 1 or more")
        }
    }

    /// The least severity `--quiet` keeps: what fails the run, and errors
    /// when nothing does (as ESLint's --quiet keeps errors).
    func quietThreshold(failOn: FailureThreshold) -> Severity {
        switch failOn {
        case .error, .never: return .error
        case .warning: return .warning
        case .note: return .note
        }
    }
}
