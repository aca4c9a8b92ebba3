import CopydeskCore

/// A lint run written to a report as it goes, as `copydesk lint` runs:
/// each file compared with the baseline, shortened by `--quiet`, counted and
/// put into the report as soon as it and the files before it are linted,
/// then let go. The run holds the report's own state, never an archive's
/// findings.
///
/// What a file's report needs of the files before it is done in path order
/// on the calling thread; the rest (comparing a file with its own baseline
/// entries, encoding it) on the core that linted it.
public struct ReportedLint<Stream: ReportStream> {
    /// The baseline the run is compared with (`--baseline`), and its path as given.
    public var baseline: (index: BaselineIndex, path: String)?
    /// Counted findings below this severity are left out of the report
    /// (`--quiet`); they still count toward the exit status.
    public var quietThreshold: Severity?
    public var context: ReportContext

    public init(context: ReportContext, baseline: (index: BaselineIndex, path: String)? = nil,
                quietThreshold: Severity? = nil) {
        self.context = context
        self.baseline = baseline
        self.quietThreshold = quietThreshold
    }

    /// What the run found, with `streamed` counting every finding (for the
    /// exit status), and the results the report left out.
    public struct Outcome {
        public var run: LintRun
        public var resultsLeftOut: Int
    }

    /// Lints the plan, handing the report's text to `write` piece by piece.
    public func run(_ plan: LintPlan, with linter: Linter, write: (String) -> Void) -> Outcome {
        var stream = Stream(context: context)
        write(stream.begin())
        var matcher = baseline.map { BaselineMatcher($0.index, path: $0.path) }
        var every = FileTally()
        var hidden: [Severity: Int] = [:]
        let index = baseline?.index, threshold = quietThreshold, context = context

        var run = linter.run(plan, prepare: { result -> Prepared in
            var file = result
            guard let index else { return .ready(Self.report(file, quietThreshold: threshold, context: context)) }
            let marks = index.marks(for: file)
            // A finding that may have moved from a gone file waits for the
            // files before it, which may claim that file's entries first.
            guard marks.isSettled else { return .waiting(file, marks) }
            file.setBaselineStates(marks.states)
            return .ready(Self.report(file, marks: marks, quietThreshold: threshold, context: context))
        }, receive: { prepared in
            let reportedFile: ReportedFile
            switch prepared {
            case .ready(let ready):
                reportedFile = ready
                if var marks = ready.marks { matcher?.settle(&marks) }
            case .waiting(var file, var marks):
                matcher?.settle(&marks)
                file.setBaselineStates(marks.states)
                reportedFile = Self.report(file, quietThreshold: threshold, context: context)
            }
            every = every + reportedFile.every
            hidden.merge(reportedFile.hidden, uniquingKeysWith: +)
            write(stream.add(reportedFile.piece))
        })
        run.baseline = matcher?.comparison
        run.hiddenByQuiet = hidden
        // The report counts what --quiet hid apart; suppressed and baselined
        // findings it left out are still counted as such.
        var reported = every
        reported.errors -= hidden[.error, default: 0]
        reported.warnings -= hidden[.warning, default: 0]
        reported.notes -= hidden[.note, default: 0]
        run.streamed = reported
        write(stream.finish(run))
        run.streamed = every
        return Outcome(run: run, resultsLeftOut: stream.resultsLeftOut)
    }

    /// What the report takes of a file whose baseline states are final.
    private struct ReportedFile: Sendable {
        var every: FileTally
        var hidden: [Severity: Int]
        var piece: Stream.Piece
        /// The file's baseline marks, for the run's totals.
        var marks: BaselineMarks?
    }

    private enum Prepared: Sendable {
        case ready(ReportedFile)
        case waiting(FileResult, BaselineMarks)
    }

    private static func report(_ file: FileResult, marks: BaselineMarks? = nil, quietThreshold: Severity?,
                               context: ReportContext) -> ReportedFile {
        var every = FileTally()
        every.add(file)
        var hidden: [Severity: Int] = [:]
        let shown = quietThreshold.map { file.keepingOnly(atLeast: $0, hidden: &hidden) } ?? file
        return ReportedFile(every: every, hidden: hidden,
                            piece: Stream.piece(of: shown, context: context), marks: marks)
    }
}
