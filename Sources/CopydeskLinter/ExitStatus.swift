import CopydeskCore

/// The least severity that makes `copydesk lint` fail (`--fail-on`).
public enum FailureThreshold: String, Sendable, CaseIterable {
    case error
    case warning
    case note
    /// Findings never fail the run; input and policy errors still do.
    case never

    public func isReached(by severity: Severity) -> Bool {
        switch self {
        case .error: return severity >= .error
        case .warning: return severity >= .warning
        case .note: return severity >= .note
        case .never: return false
        }
    }
}

/// The process exit status of a lint run.
public enum LintExitStatus: Int32, Sendable {
    /// No unsuppressed finding at or above the threshold, no input error.
    case clean = 0
    /// Findings at or above `--fail-on`.
    case findings = 1
    /// A usage, policy or input error.
    case usageOrInputError = 2
}

extension LintRun {
    /// Input errors win over findings: a file that could not be read may hide
    /// anything, so a run that missed one is not a clean or merely failing run.
    /// Suppressed findings and findings already in the baseline never fail
    /// a run. `maxWarnings` (`--max-warnings`) fails it when more warnings
    /// than that count, whatever `threshold` says.
    public func exitStatus(failingOn threshold: FailureThreshold, maxWarnings: Int? = nil) -> LintExitStatus {
        if problems.contains(where: { $0.level == .error }) { return .usageOrInputError }
        let tally = tally
        let failing = Severity.allCases.contains { threshold.isReached(by: $0) && tally.counted($0) > 0 }
        if failing { return .findings }
        if let maxWarnings, tally.warnings > maxWarnings { return .findings }
        return .clean
    }

    /// Warnings that count: not suppressed, not in the baseline.
    public var countedWarnings: Int { tally.warnings }
}
