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
    public func exitStatus(failingOn threshold: FailureThreshold) -> LintExitStatus {
        if problems.contains(where: { $0.level == .error }) { return .usageOrInputError }
        let failing = files.contains { file in
            file.findings.contains { !$0.isSuppressed && threshold.isReached(by: $0.severity) }
        }
        return failing ? .findings : .clean
    }
}
