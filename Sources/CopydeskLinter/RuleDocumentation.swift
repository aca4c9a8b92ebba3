import CopydeskCore
import CopydeskPolicy
import CopydeskRules

/// The parts of the documentation that are written from the rules'
/// descriptions and the embedded default policy rather than by hand, so they
/// cannot drift from what copydesk does. `scripts/generate-docs.sh` writes
/// them into docs/rules.md and docs/policies.md between the markers below; a
/// test fails while a checked-in file differs.
public enum RuleDocumentation {
    /// The generated part of a file starts after this line and ends before
    /// `endMarker` (or at the end of the file).
    public static func beginMarker(_ name: String) -> String {
        "<!-- generated: \(name) (scripts/generate-docs.sh writes it; edit the rule descriptions, not this) -->"
    }

    public static func endMarker(_ name: String) -> String { "<!-- end generated: \(name) -->" }

    /// Replaces the generated section `name` of `document` with `content`;
    /// nil when the document has no such section.
    public static func replacingSection(_ name: String, in document: String, with content: String) -> String? {
        guard let begin = document.range(of: beginMarker(name) + "\n"),
              let end = document.range(of: endMarker(name), range: begin.upperBound..<document.endIndex) else { return nil }
        return String(document[..<begin.upperBound]) + content + String(document[end.lowerBound...])
    }

    /// The generated section `name` of `document`, as it stands.
    public static func section(_ name: String, in document: String) -> String? {
        guard let begin = document.range(of: beginMarker(name) + "\n"),
              let end = document.range(of: endMarker(name), range: begin.upperBound..<document.endIndex) else { return nil }
        return String(document[begin.upperBound..<end.lowerBound])
    }

    /// Every rule: summary, default severity, rationale, options and
    /// examples, one section each, in id order.
    public static func ruleReference(_ descriptions: [RuleDescription] = RuleCatalog.all) -> String {
        var output = ""
        for description in descriptions.sorted(by: { $0.id < $1.id }) {
            output += "## \(description.id)\n\n"
            output += "**\(description.summary)** Default severity: `\(description.defaultSeverity.rawValue)`.\n\n"
            output += description.rationale.trimmingTrailingWhitespace() + "\n\n"
            if description.options.isEmpty {
                output += "Options: none.\n\n"
            } else {
                output += "| option | value | default | meaning |\n|---|---|---|---|\n"
                for option in description.options {
                    let defaultValue = option.defaultValue.description
                    output += "| `\(option.name)` | \(cell(option.kind.summary)) | \(defaultValue.isEmpty ? "empty" : "`" + cell(defaultValue) + "`") | \(cell(option.summary)) |\n"
                }
                output += "\n"
            }
            output += examples("Triggers on (`↓` marks where each finding starts)", description.triggering, of: description)
            output += examples("Does not trigger on", description.nonTriggering, of: description)
        }
        return output
    }

    /// The rules the embedded default policy turns on, with their severities.
    public static func defaultPolicyRules(_ policy: Policy, descriptions: [RuleDescription] = RuleCatalog.all) -> String {
        let byID = Dictionary(uniqueKeysWithValues: descriptions.map { ($0.id, $0) })
        var output = "| rule | severity | summary |\n|---|---|---|\n"
        for id in policy.enabledRuleIDs {
            guard let description = byID[id] else { continue }
            let severity = policy.rules[id]?.severity ?? description.defaultSeverity
            output += "| `\(id)` | \(severity.rawValue) | \(cell(description.summary)) |\n"
        }
        let off = descriptions.map(\.id).filter { !policy.enabledRuleIDs.contains($0) }.sorted()
        output += "\n" + (off.isEmpty ? "Every rule is on."
                          : "Off unless a policy turns them on: " + off.map { "`\($0)`" }.joined(separator: ", ") + ".") + "\n"
        return output
    }

    private static func examples(_ heading: String, _ examples: [RuleExample], of description: RuleDescription) -> String {
        guard !examples.isEmpty else { return "" }
        var output = "\(heading):\n\n"
        for example in examples {
            var label = "`\(example.path)`"
            let (options, notices) = example.splitNotices(of: description)
            if !options.isEmpty {
                label += " with " + options.sorted { $0.key < $1.key }.map { "`\($0.key): \($0.value)`" }.joined(separator: ", ")
            }
            for notice in notices {
                label += "; policy notice `\(notice.id)` (\(RuleCatalog.summary(of: notice)))"
            }
            output += label + ":\n\n"
            let fence = example.text.contains("```") ? "~~~~" : "```"
            let language = example.format == .markdown ? "markdown" : example.format == .html ? "html" : "text"
            output += fence + language + "\n" + example.text.trimmingTrailingWhitespace() + "\n" + fence + "\n\n"
        }
        return output
    }

    /// Text for a Markdown table cell: pipes escaped, lines joined.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        var result = self
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return result
    }
}
