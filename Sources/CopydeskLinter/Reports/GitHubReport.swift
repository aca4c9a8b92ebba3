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

    public func render(_ run: LintRun, context: ReportContext) -> String {
        var output = ""
        for file in run.files {
            let path = ReportPaths.relative(file.path, to: context.workingDirectory)
            for finding in file.findings where !finding.isSuppressed {
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
                output += Self.command(Self.command(for: finding.severity), properties: properties,
                                       message: finding.message)
            }
        }
        for problem in run.problems {
            var properties = [("file", ReportPaths.relative(problem.path, to: context.workingDirectory))]
            if let line = problem.line {
                properties.append(("line", String(line)))
                if let column = problem.column { properties.append(("col", String(column))) }
            }
            output += Self.command(problem.level == .error ? "error" : "warning", properties: properties,
                                   message: problem.message)
        }
        return output
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
