import CopydeskCore
import CopydeskRules

/// The outcome of linting one file.
public struct FileResult: Sendable {
    /// The path as the user gave it or as found under a directory they gave,
    /// relative to the working directory where possible.
    public var path: String
    public var format: InputFormat
    /// Every finding, suppressed ones included, sorted by position then rule id.
    public private(set) var findings: [Finding]
    /// Each finding's `FindingFingerprint`, in the order of `findings`.
    /// Computed once over every finding of the file, so leaving some out
    /// of a report (`--quiet`, `--max-results`) never changes the others'.
    public private(set) var fingerprints: [String]
    /// Each finding's place against a baseline, in the order of `findings`;
    /// nil when the run was not compared with one.
    public private(set) var baselineStates: [BaselineState]?
    /// What reports show of the file's text: the lines its findings start
    /// on. The rest is let go as soon as the file is linted, so a run over
    /// an archive holds its findings, not its articles.
    public var source: SourceExcerpt

    public init(path: String, format: InputFormat, findings: [Finding], source: SourceText) {
        self.path = path
        self.format = format
        self.findings = findings
        self.source = SourceExcerpt(source, linesOf: findings)
        self.fingerprints = FindingFingerprint.fingerprints(of: findings, in: self.source)
    }

    public var unsuppressedFindings: [Finding] { findings.filter { !$0.isSuppressed } }

    /// Whether the finding at `index` counts: not suppressed, and not
    /// already recorded in the baseline the run was compared with.
    public func counts(_ index: Int) -> Bool { standing(of: index) == .counted }

    /// Where the finding at `index` stands: counted, already in the
    /// baseline, or suppressed (which wins over the baseline).
    public func standing(of index: Int) -> FindingStanding {
        if findings[index].isSuppressed { return .suppressed }
        return baselineStates?[index] == .unchanged ? .baselined : .counted
    }

    /// The findings that count (see `counts(_:)`).
    public var countedFindings: [Finding] { findings.indices.filter(counts).map { findings[$0] } }

    public mutating func setBaselineStates(_ states: [BaselineState]) {
        precondition(states.count == findings.count, "one baseline state per finding")
        baselineStates = states
    }

    /// Lets go of the lines the findings start on, once the fingerprints
    /// (which read them) are made; reports without snippets need only the
    /// file's size.
    public mutating func dropSourceLines() { source = source.withoutLines() }

    /// The file with only the findings at the indices `predicate` accepts,
    /// each keeping its fingerprint and baseline state.
    func keepingFindings(where predicate: (Int) -> Bool) -> FileResult {
        var copy = self
        let kept = findings.indices.filter(predicate)
        copy.findings = kept.map { findings[$0] }
        copy.fingerprints = kept.map { fingerprints[$0] }
        copy.baselineStates = baselineStates.map { states in kept.map { states[$0] } }
        return copy
    }
}

/// The lines of a file that its findings start on, with their byte ranges
/// in the file, and the file's size: all the reports read of its text.
public struct SourceExcerpt: Sendable {
    /// One line of the file, without its line break.
    public struct Line: Sendable {
        public var number: Int
        /// Where the line stands in the file, in bytes.
        public var byteRange: Range<Int>
        public var bytes: [UInt8]

        /// The line's bytes at file offsets `range`, clamped to the line.
        public func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
            let lower = min(max(range.lowerBound, byteRange.lowerBound), byteRange.upperBound)
            let upper = min(max(range.upperBound, lower), byteRange.upperBound)
            return bytes[(lower - byteRange.lowerBound)..<(upper - byteRange.lowerBound)]
        }

        public func string(_ range: Range<Int>) -> String { String(decoding: slice(range), as: UTF8.self) }

        /// The byte at file offset `offset`, which must be on the line.
        public subscript(offset: Int) -> UInt8 { bytes[offset - byteRange.lowerBound] }
    }

    public let path: String
    /// The file's size in bytes.
    public let byteCount: Int
    private let lines: [Int: Line]

    public init(_ source: SourceText, linesOf findings: [Finding]) {
        self.init(source, lines: findings.map(\.range.start.line))
    }

    /// The excerpt holding the given lines (numbers outside the file are skipped).
    public init(_ source: SourceText, lines numbers: some Sequence<Int>) {
        path = source.path
        byteCount = source.bytes.count
        var lines: [Int: Line] = [:]
        for number in numbers {
            guard lines[number] == nil, number >= 1, number <= source.lineCount else { continue }
            let range = source.lineByteRange(number)
            lines[number] = Line(number: number, byteRange: range, bytes: Array(source.bytes[range]))
        }
        self.lines = lines
    }

    private init(path: String, byteCount: Int, lines: [Int: Line]) {
        self.path = path
        self.byteCount = byteCount
        self.lines = lines
    }

    /// The same file's excerpt without any line.
    public func withoutLines() -> SourceExcerpt { SourceExcerpt(path: path, byteCount: byteCount, lines: [:]) }

    /// The line numbered `number`, if a finding starts on it.
    public func line(_ number: Int) -> Line? { lines[number] }
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
///
/// A run that streamed its files to a report (`Linter.run(_:receive:)`)
/// holds none of them; `streamed` keeps their counts for the summary and
/// the exit status.
public struct LintRun: Sendable {
    /// The files the run holds.
    public var files: [FileResult]
    /// Counts of findings the run no longer holds: those of files handed
    /// to a report and let go, and suppressed and baselined findings
    /// `--quiet` took out of the files it holds.
    public var streamed = FileTally()
    /// Every linted file's path, held or streamed.
    public var lintedPaths: Set<String> = []
    public var problems: [InputProblem]
    /// Descriptions of every rule enabled for any linted file, sorted by id
    /// (SARIF rule metadata).
    public var rules: [RuleDescription]
    /// The style rules (Vale rule files) the run applied, sorted by id.
    public var styleRules: [StyleRuleSummary]
    /// Set by `compare(with:…)` when the run was compared with a baseline.
    public var baseline: BaselineComparison?
    /// Counted findings `--quiet` left out of the report, by severity.
    public var hiddenByQuiet: [Severity: Int] = [:]
    /// Problems with the policies that applied which do not stop the run
    /// (a desk policy that hides the house one), as "file: message".
    public var policyWarnings: [PolicyWarning] = []
    /// Files under the directories given that copydesk does not read, by
    /// extension (`""` for none): said in the summary, never skipped silently.
    public var unreadFormats: [String: Int] = [:]

    public init(files: [FileResult], problems: [InputProblem], rules: [RuleDescription],
                styleRules: [StyleRuleSummary] = []) {
        self.files = files
        self.problems = problems
        self.rules = rules
        self.styleRules = styleRules
    }

    /// Counts over every file of the run, streamed or held.
    public var tally: FileTally {
        var tally = streamed
        for file in files { tally.add(file) }
        return tally
    }
}

/// What a run's files add up to, file by file: enough for a summary and
/// an exit status without holding the files.
public struct FileTally: Sendable, Hashable {
    public var files = 0
    /// Findings that count (`FileResult.counts(_:)`), by severity.
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    public var suppressed = 0
    /// Unsuppressed findings already in the baseline.
    public var baselined = 0

    public init() {}

    public mutating func add(_ file: FileResult) {
        files += 1
        for index in file.findings.indices {
            switch file.standing(of: index) {
            case .suppressed: suppressed += 1
            case .baselined: baselined += 1
            case .counted:
                switch file.findings[index].severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .note: notes += 1
                }
            }
        }
    }

    /// Counted findings of `severity`.
    public func counted(_ severity: Severity) -> Int {
        switch severity {
        case .error: return errors
        case .warning: return warnings
        case .note: return notes
        }
    }

    public static func + (lhs: FileTally, rhs: FileTally) -> FileTally {
        var sum = lhs
        sum.files += rhs.files
        sum.errors += rhs.errors
        sum.warnings += rhs.warnings
        sum.notes += rhs.notes
        sum.suppressed += rhs.suppressed
        sum.baselined += rhs.baselined
        return sum
    }
}

/// What a finding is to a report: one that counts, one the baseline
/// already holds, or one suppressed in the article. In this order reports
/// rank them.
public enum FindingStanding: Int, Sendable, Hashable, CaseIterable {
    case counted
    case baselined
    case suppressed
}

extension LintRun {
    /// The run with only the counted findings at or above `threshold` kept
    /// (`--quiet`), and how many of each severity were left out. Suppressed
    /// and baselined findings are not findings the run reports as problems,
    /// so they go too.
    public func keepingOnly(atLeast threshold: Severity) -> LintRun {
        var copy = self
        var hidden: [Severity: Int] = hiddenByQuiet
        copy.files = files.map { $0.keepingOnly(atLeast: threshold, hidden: &hidden) }
        copy.hiddenByQuiet = hidden
        // Left out of the report, not out of the summary's count of them.
        let before = tally, after = copy.tally
        copy.streamed.suppressed += before.suppressed - after.suppressed
        copy.streamed.baselined += before.baselined - after.baselined
        return copy
    }
}

extension FileResult {
    /// The file with only its counted findings at or above `threshold`
    /// (`--quiet`), adding the counted ones left out to `hidden`.
    public func keepingOnly(atLeast threshold: Severity, hidden: inout [Severity: Int]) -> FileResult {
        keepingFindings { index in
            let keep = counts(index) && findings[index].severity >= threshold
            if !keep && counts(index) { hidden[findings[index].severity, default: 0] += 1 }
            return keep
        }
    }
}

/// A policy that applies but may not say what its author meant.
public struct PolicyWarning: Sendable, Hashable {
    /// The policy file, as reports show paths.
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
}
