import CopydeskCore

/// GitHub Actions workflow commands, one per unsuppressed finding, which the
/// runner turns into annotations on the changed lines of a pull request:
///
///     ::error file=news/café.md,line=3,col=12,endLine=3,endColumn=14,title=house-style::Spell out "per cent".
///
/// Paths are relative to the working directory (the checkout, in a workflow).
/// Columns are Unicode scalars and `endColumn` is exclusive, as in the other
/// reports. GitHub takes columns only for a single-line annotation, so a
/// finding over several lines gives `line` and `endLine` alone. Input
/// problems become annotations on their file too. Control and bidirectional
/// characters are written as `<U+XXXX>`: the runner prints the log on a
/// terminal-like view and would otherwise pass escape sequences through.
public struct GitHubReport: ReportRenderer {
    public init() {}

    /// What GitHub displays of a step's annotations: 10 of each level
    /// (error, warning, notice) a step, and 50 a job. The rest are in the
    /// log but nowhere on the pull request.
    public static let annotationsPerLevel = 10
    public static let annotationsPerJob = 50

    public func render(_ run: LintRun, context: ReportContext) -> String {
        Stream.render(run, context: context)
    }

    /// The report as the run goes. Its commands are held until the end,
    /// as text: the notice about what GitHub will not display comes first,
    /// so that it is among the notices shown, and needs every count.
    public struct Stream: ReportStream {
        public let context: ReportContext
        private var commands = ""
        private var counts: [String: Int] = [:]

        public init(context: ReportContext) { self.context = context }

        public mutating func begin() -> String { "" }

        /// The file's commands, and how many of each.
        public struct Piece: Sendable {
            var commands = ""
            var counts: [String: Int] = [:]
        }

        public mutating func add(_ piece: Piece) -> String {
            commands += piece.commands
            counts.merge(piece.counts, uniquingKeysWith: +)
            return ""
        }

        public static func piece(of file: FileResult, context: ReportContext) -> Piece {
            var piece = Piece()
            let path = ReportPaths.relative(file.path, to: context.workingDirectory)
            for (index, finding) in file.findings.enumerated() where file.counts(index) {
                let range = finding.range
                var properties = [("file", path), ("line", String(range.start.line))]
                if range.start.line == range.end.line {
                    properties.append(("col", String(range.start.column)))
                    properties.append(("endLine", String(range.end.line)))
                    properties.append(("endColumn", String(range.end.column)))
                } else {
                    properties.append(("endLine", String(range.end.line)))
                }
                properties.append(("title", finding.ruleID))
                let name = GitHubReport.command(for: finding.severity)
                piece.counts[name, default: 0] += 1
                piece.commands += GitHubReport.command(name, properties: properties, message: finding.message)
            }
            return piece
        }

        public mutating func finish(_ run: LintRun) -> String {
            var output = ""
            for problem in run.problems { counts[problem.level == .error ? "error" : "warning", default: 0] += 1 }
            if let notice = GitHubReport.limitNotice(counts) {
                output += GitHubReport.command("notice", properties: [("title", "copydesk: not every finding is annotated")],
                                               message: notice)
            }
            output += commands
            commands = ""
            for problem in run.problems {
                var properties = [("file", ReportPaths.relative(problem.path, to: context.workingDirectory))]
                if let line = problem.line {
                    properties.append(("line", String(line)))
                    if let column = problem.column { properties.append(("col", String(column))) }
                }
                output += GitHubReport.command(problem.level == .error ? "error" : "warning", properties: properties,
                                               message: problem.message)
            }
            return output
        }
    }

    /// What will not be displayed, given how many annotations of each
    /// command this report prints; nil when all of them will be.
    static func limitNotice(_ counts: [String: Int]) -> String? {
        let levels = ["error", "warning", "notice"]
        // The notice itself is one more notice annotation.
        var printed = counts
        let overLevel = levels.contains { printed[$0, default: 0] > annotationsPerLevel }
        let total = printed.values.reduce(0, +)
        guard overLevel || total > annotationsPerJob else { return nil }
        printed["notice", default: 0] += 1
        func counted(_ number: Int, _ level: String) -> String { "\(number) \(level)\(number == 1 ? "" : "s")" }
        let hidden = levels.compactMap { level -> String? in
            let extra = printed[level, default: 0] - annotationsPerLevel
            guard extra > 0 else { return nil }
            return "\(extra) of " + counted(printed[level]!, level)
        }
        var message = "GitHub displays at most \(annotationsPerLevel) annotations of each level per step and "
            + "\(annotationsPerJob) per job; this step prints "
            + levels.map { counted(printed[$0, default: 0], $0) }.joined(separator: ", ")
            + " (this notice included)."
        if !hidden.isEmpty { message += " Not displayed: " + hidden.joined(separator: ", ") + "." }
        message += " Every finding is in this step's log; upload a SARIF report to code scanning "
            + "(ci/github-actions.yml) to see them all on the pull request."
        return message
    }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(escapeData(message))\n"
    }

    /// The escaping the Actions runner undoes in a command's message.
    static func escapeData(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            case _ where TerminalText.needsEscape(scalar): output += TerminalText.notation(scalar)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// The escaping of a property value, where `:` and `,` would otherwise
    /// end the value.
    static func escapeProperty(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            case ":": output += "%3A"
            case ",": output += "%2C"
            case _ where TerminalText.needsEscape(scalar): output += TerminalText.notation(scalar)
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
