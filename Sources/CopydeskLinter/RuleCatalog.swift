import CopydeskCore
import CopydeskPolicy
import CopydeskRules
import Foundation

/// What `copydesk rules` and `copydesk explain` print.
public enum RuleCatalog {
    public static var all: [RuleDescription] { RuleRegistry.descriptions }

    /// One line per rule: id, default severity, summary, in aligned columns.
    public static func listing(_ descriptions: [RuleDescription] = all) -> String {
        let idWidth = descriptions.map(\.id.count).max() ?? 0
        let severityWidth = Severity.allCases.map(\.rawValue.count).max() ?? 0
        var output = ""
        for description in descriptions {
            output += pad(description.id, to: idWidth) + "  "
                + pad(description.defaultSeverity.rawValue, to: severityWidth) + "  "
                + description.summary + "\n"
        }
        return output
    }

    /// The `copydesk rules --format json` document.
    public struct ListingReport: Codable, Sendable, Hashable {
        public static let currentSchemaVersion = 1

        public struct Rule: Codable, Sendable, Hashable {
            public var id: String
            public var defaultSeverity: String
            public var summary: String
            public var options: [Option]
        }

        public struct Option: Codable, Sendable, Hashable {
            public var name: String
            /// How the policy writes a valid value ("a whole number from 1 to 10").
            public var kind: String
            public var defaultValue: String
            public var summary: String
        }

        public var schemaVersion: Int
        public var version: String
        public var rules: [Rule]

        public init(_ descriptions: [RuleDescription], version: String = CopydeskVersion.current) {
            schemaVersion = Self.currentSchemaVersion
            self.version = version
            rules = descriptions.map { description in
                Rule(id: description.id, defaultSeverity: description.defaultSeverity.rawValue,
                     summary: description.summary,
                     options: description.options.map {
                         Option(name: $0.name, kind: $0.kind.summary, defaultValue: $0.defaultValue.description,
                                summary: $0.summary)
                     })
            }
        }
    }

    public static func listingJSON(_ descriptions: [RuleDescription] = all,
                                   version: String = CopydeskVersion.current) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(ListingReport(descriptions, version: version))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Everything `copydesk explain RULE` shows. Examples are printed as
    /// written, `↓` markers included: they show where the finding starts.
    public static func explanation(of description: RuleDescription) -> String {
        var output = "\(description.id) (default severity: \(description.defaultSeverity.rawValue))\n\n"
        output += description.summary + "\n\n"
        output += description.rationale + "\n"
        if description.options.isEmpty {
            output += "\nOptions: none.\n"
        } else {
            output += "\nOptions:\n"
            for option in description.options {
                output += "  \(option.name): \(option.kind.summary) (default: \(option.defaultValue))\n"
                output += "      \(option.summary)\n"
            }
        }
        output += examples("Triggers on (↓ marks where the finding starts):", description.triggering, of: description)
        output += examples("Does not trigger on:", description.nonTriggering, of: description)
        return output
    }

    /// The message for `copydesk explain` with an id no rule has.
    public static func unknownRuleMessage(_ id: String) -> String {
        let hint = NearestMatch.suggestion(for: id, among: all.map(\.id)).map { "did you mean '\($0)'? " } ?? ""
        return "error: unknown rule '\(id)'; \(hint)run `copydesk rules` for the list of rule ids"
    }

    private static func examples(_ heading: String, _ examples: [RuleExample], of description: RuleDescription) -> String {
        guard !examples.isEmpty else { return "" }
        var output = "\n\(heading)\n"
        for (number, example) in examples.enumerated() {
            var label = "  Example \(number + 1) (\(example.format.rawValue), \(example.path)"
            let (options, notices) = example.splitNotices(of: description)
            if !options.isEmpty {
                let options = options.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                label += "; options \(options.joined(separator: ", "))"
            }
            output += label + "):\n"
            for notice in notices {
                output += "    [policy notice \(notice.id): \(summary(of: notice)); text “\(notice.text.replacingOccurrences(of: "\n\n", with: " ¶ "))”]\n"
            }
            var lines = example.text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            for line in lines { output += line.isEmpty ? "\n" : "    \(line)\n" }
        }
        return output
    }

    /// A notice's conditions in a phrase, for the examples `explain` prints.
    static func summary(of notice: Notice) -> String {
        func describe(_ conditions: [NoticeCondition]) -> String {
            conditions.map { condition in
                var parts: [String] = []
                if !condition.mentions.isEmpty { parts.append("it mentions " + condition.mentions.joined(separator: " or ")) }
                if !condition.patterns.isEmpty { parts.append("it matches " + condition.patterns.joined(separator: " or ")) }
                for test in condition.frontMatter {
                    switch test.match {
                    case .anyOf(let values): parts.append("front matter \(test.field) is " + values.joined(separator: " or "))
                    case .noneOf(let values): parts.append("front matter \(test.field) is set but not " + values.joined(separator: " or "))
                    }
                }
                if !condition.wire.isEmpty { parts.append("the byline credits " + condition.wire.joined(separator: " or ")) }
                return parts.joined(separator: " and ")
            }.joined(separator: ", or ")
        }
        var parts: [String] = []
        switch notice.required {
        case .always: parts.append("required always")
        case .never: parts.append("never required")
        case .when(let conditions): parts.append("required when " + describe(conditions))
        }
        parts.append("placement \(notice.placement.rawValue)")
        if !notice.forbiddenWhen.isEmpty { parts.append("forbidden when " + describe(notice.forbiddenWhen)) }
        return parts.joined(separator: "; ")
    }

    private static func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

extension RuleExample {
    /// The example's options, with those of legal-notice kind taken out as
    /// notices, which `explain` and the rule docs describe in words.
    func splitNotices(of description: RuleDescription) -> (options: [String: OptionValue], notices: [Notice]) {
        var options = self.options
        var notices: [Notice] = []
        for spec in description.options where spec.kind == .legalNotices {
            guard let value = options.removeValue(forKey: spec.name) else { continue }
            let decoded = try? RuleConfigurationDecoder.decode(NoticeList.self, from: RuleOptions(["notices": value]),
                                                                ruleID: description.id)
            notices += decoded?.notices ?? []
        }
        return (options, notices)
    }
}

/// A list of notices on its own, for reading an example's option.
private struct NoticeList: RuleConfiguration {
    var notices: [Notice]
}
