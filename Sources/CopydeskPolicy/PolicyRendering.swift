extension Policy {
    /// The effective policy as YAML the loader reads back to the same
    /// settings: a header naming the files it was folded from, then every
    /// rule the policy mentions, sorted by id, with its severity and all of
    /// its options spelt out (defaults marked as such).
    public func renderYAML() -> String {
        var lines: [String] = ["# Effective copydesk policy, folded from (later files override earlier ones):"]
        if sources.isEmpty {
            lines.append("#   (no files)")
        }
        for source in sources {
            lines.append("#   \(source)")
        }
        lines.append("schema: \(schemaVersion)")
        if let name {
            lines.append("name: \(YAMLText.quoted(name))" + fromAnotherFile(nameOrigin))
        }
        if exclude.isEmpty {
            lines.append("exclude: []")
        } else {
            lines.append("exclude:")
            for glob in exclude {
                lines.append("  - \(YAMLText.quoted(glob))" + fromAnotherFile(excludeOrigins[glob]))
            }
        }
        if rules.isEmpty {
            lines.append("rules: {}")
        } else {
            lines.append("rules:")
        }
        for id in rules.keys.sorted() {
            guard let setting = rules[id] else { continue }
            let schema = ruleSchemas[id]
            let place = setting.location.map { "  # set at \($0)" } ?? ""
            lines.append("  \(YAMLText.key(id)):\(place)")
            // A value set by another file than the one that last touched
            // the rule names its file: through extends, a rule's severity
            // and options can each come from a different policy.
            func origin(_ key: String) -> String {
                guard let file = setting.origins[key], file != setting.location?.file else { return "" }
                return Self.from(file)
            }
            if let severity = setting.severity ?? schema?.defaultSeverity {
                let isDefault = setting.severity == nil ? "  # default" : origin("severity")
                lines.append("    severity: \(severity.rawValue)\(isDefault)")
            }
            lines.append("    enabled: \(setting.enabled)")
            // Options written as sections of their own (notices) are rendered there.
            var optionNames = schema?.settingOptions.map(\.name) ?? []
            optionNames += setting.options.keys.filter { !optionNames.contains($0) }.sorted()
            for option in optionNames {
                let given = setting.options[option]
                guard let value = given ?? schema?.options.first(where: { $0.name == option })?.defaultValue else {
                    continue
                }
                let isDefault = given == nil ? "  # default" : origin(option)
                lines.append("    \(YAMLText.key(option)): \(Self.yaml(value))\(isDefault)")
            }
        }
        if !styles.isEmpty {
            lines.append("styles:")
            for style in styles {
                let place = style.location.map { "  # set at \($0)" } ?? ""
                lines.append("  - \(YAMLText.quoted(style.reference))\(place)")
            }
        }
        lines += renderNotices()
        return lines.joined(separator: "\n") + "\n"
    }

    /// The comment naming the file a top-level value came from, when that
    /// is not the policy file loaded.
    private func fromAnotherFile(_ file: String?) -> String {
        guard let file, file != sources.last else { return "" }
        return Self.from(file)
    }

    /// The comment naming the file a value came from.
    private static func from(_ file: String?) -> String {
        file.map { "  # from \($0)" } ?? ""
    }

    /// Every notice with all of its keys spelt out; conditions in flow style.
    private func renderNotices() -> [String] {
        guard !notices.isEmpty else { return ["notices: []"] }
        var lines = ["notices:"]
        for notice in notices {
            let place = notice.location.map { "  # set at \($0)" } ?? ""
            lines.append("  - id: \(YAMLText.quoted(notice.id))\(place)")
            lines.append("    text: \(YAMLText.quoted(notice.text))")
            lines.append("    case-sensitive: \(notice.caseSensitive)")
            switch notice.required {
            case .always: lines.append("    required: always")
            case .never: lines.append("    required: never")
            case .when(let conditions): lines.append("    required: {when: \(Self.yaml(conditions))}")
            }
            lines.append("    placement: \(notice.placement.rawValue)")
            lines.append("    forbidden-when: \(Self.yaml(notice.forbiddenWhen))")
        }
        return lines
    }

    private static func yaml(_ conditions: [NoticeCondition]) -> String {
        "[" + conditions.map(yaml).joined(separator: ", ") + "]"
    }

    private static func yaml(_ condition: NoticeCondition) -> String {
        func list(_ values: [String]) -> String { "[" + values.map(YAMLText.quoted).joined(separator: ", ") + "]" }
        var parts: [String] = []
        if !condition.mentions.isEmpty { parts.append("mentions: \(list(condition.mentions))") }
        if !condition.patterns.isEmpty { parts.append("patterns: \(list(condition.patterns))") }
        if !condition.frontMatter.isEmpty {
            let fields = condition.frontMatter.map { test in
                switch test.match {
                case .anyOf(let values): return "\(YAMLText.key(test.field)): \(list(values))"
                case .noneOf(let values): return "\(YAMLText.key(test.field)): {not: \(list(values))}"
                }
            }
            parts.append("front-matter: {" + fields.joined(separator: ", ") + "}")
        }
        if !condition.wire.isEmpty { parts.append("wire: \(list(condition.wire))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    private static func yaml(_ value: OptionValue) -> String {
        switch value {
        case .bool(let value): return String(value)
        case .integer(let value): return String(value)
        case .number(let value):
            // Swift prints whole numbers as `4.0` and small ones as `1e-05`;
            // both read back as the same Double.
            return "\(value)"
        case .string(let value): return YAMLText.quoted(value)
        case .list(let values): return "[" + values.map(yaml).joined(separator: ", ") + "]"
        case .mapping(let fields): return "{" + fields.map { "\(YAMLText.key($0.key)): \(yaml($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
