import CopydeskCore
import CopydeskRules

/// The outcome of linting one file.
public struct FileResult: Sendable {
    /// The path as the user gave it or as found under a directory they gave,
    /// relative to the working directory where possible.
    public var path: String
    public var format: InputFormat
    /// Every finding, suppressed ones included, sorted by position then rule id.
    public var findings: [Finding]
    /// The source, for reports that show the offending line.
    public var source: SourceText

    public init(path: String, format: InputFormat, findings: [Finding], source: SourceText) {
        self.path = path
        self.format = format
        self.findings = findings
        self.source = source
    }

    public var unsuppressedFindings: [Finding] { findings.filter { !$0.isSuppressed } }
}

/// A file that could not be linted (missing, not UTF-8) or was skipped
/// (binary). Other files are linted regardless.
public struct InputProblem: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable {
        /// The run exits 2.
        case error
        /// Reported; does not change the exit code.
        case warning
    }

    public var path: String
    public var level: Level
    public var message: String
    /// Where in the file, when the problem has a place (invalid UTF-8).
    public var line: Int?
    public var column: Int?
    public var offset: Int?

    public init(path: String, level: Level, message: String, line: Int? = nil, column: Int? = nil, offset: Int? = nil) {
        self.path = path
        self.level = level
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }
}

/// Everything one `copydesk lint` run found, in a deterministic order:
/// files by path, findings by position.
public struct LintRun: Sendable {
    public var files: [FileResult]
    public var problems: [InputProblem]
    /// Descriptions of every rule enabled for any linted file, sorted by id
    /// (SARIF rule metadata).
    public var rules: [RuleDescription]

    public init(files: [FileResult], problems: [InputProblem], rules: [RuleDescription]) {
        self.files = files
        self.problems = problems
        self.rules = rules
    }
}
