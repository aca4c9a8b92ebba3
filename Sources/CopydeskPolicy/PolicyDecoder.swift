import CopydeskCore
import Yams

/// One policy file as written, before what it extends is folded in.
struct PolicyDocument: Sendable {
    struct ExtendsEntry: Sendable {
        var reference: String
        var location: PolicyLocation
    }

    /// A rule as one file sets it. Mentioning a rule turns it on unless the
    /// same entry turns it off, so `enabled` is always set; severity and
    /// options only when the file gives them.
    struct RuleEntry: Sendable {
        var id: String
        var enabled: Bool
        var severity: Severity?
        var options: [String: OptionValue]
        var location: PolicyLocation
    }

    var path: String
    var name: String?
    var extends: [ExtendsEntry] = []
    var exclude: [String] = []
    var rules: [RuleEntry] = []
    var notices: [Notice] = []
    /// Style folders as written (`style/NAME` or a path), with their places.
    var styles: [(reference: String, location: PolicyLocation)] = []
}

/// Turns the text of one policy file into a `PolicyDocument`, checking every
/// key and value against the rule catalogue. Errors point at the offending
/// key or value, with a hint.
struct PolicyDecoder {
    static let topLevelKeys = ["schema", "name", "extends", "exclude", "rules", "notices", "styles"]
    /// `extends` entries and `styles` entries starting with this name a
    /// style built into copydesk.
    static let builtinStylePrefix = "style/"
    static let settingKeys = ["severity", "enabled"]
    static let severityWords = Severity.allCases.reversed().map(\.rawValue)
    /// Beyond this many rules, an error about an unknown rule points to
    /// `copydesk rules` instead of listing them all on one line.
    static let longestRuleListInHints = 12

    let schemas: [String: RuleSchema]
    let path: String
    /// Errors found so far where decoding could go on past them.
    private let found = FoundErrors()

    init(schemas: [String: RuleSchema], path: String) {
        self.schemas = schemas
        self.path = path
    }

    /// Runs `body`, keeping its error to report with the others.
    func collecting(_ body: () throws(PolicyError) -> Void) {
        do throws(PolicyError) {
            try body()
        } catch {
            found.errors.append(contentsOf: error.all)
        }
    }

    func decode(yaml text: String) throws(PolicyError) -> PolicyDocument {
        // Yams tells libyaml the text is UTF-8, which then takes a byte-order
        // mark for content; without it, columns are also the ones editors show.
        let yaml = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        guard let root = try compose(yaml) else {
            throw PolicyError(file: path, location: PolicyLocation(file: path, line: 1, column: 1),
                              message: "the policy file is empty",
                              hint: "start it with 'schema: 1' and a 'rules' mapping; see docs/policies.md")
        }
        guard case .mapping(let mapping) = root else {
            throw error(at: root, "a policy must be a mapping of keys (schema, rules, ...), not \(Self.describe(root))",
                        hint: "start the file with 'schema: 1' on its own line")
        }
        let pairs = try uniquePairs(of: mapping)

        // The schema decides how to read everything else, so it is checked first.
        guard let schemaPair = pairs.first(where: { $0.key == "schema" }) else {
            throw error(at: root, "the policy has no 'schema' key", hint: "add 'schema: 1' as the first line")
        }
        try decodeSchemaVersion(schemaPair.value)

        var document = PolicyDocument(path: path)
        for pair in pairs { collecting { () throws(PolicyError) in
            switch pair.key {
            case "schema":
                break
            case "name":
                document.name = try decodeScalarText(pair.value, what: "'name'", hint: "write a name, such as 'name: House style'")
            case "extends":
                for (reference, location) in try decodeStringList(pair.value, what: "'extends'",
                                                                   example: "extends: default") {
                    if reference.hasPrefix(Self.builtinStylePrefix) {
                        document.styles.append((try builtinStyle(reference, at: location), location))
                    } else {
                        document.extends.append(.init(reference: reference, location: location))
                    }
                }
            case "styles":
                for (reference, location) in try decodeStringList(pair.value, what: "'styles'",
                                                                   example: "styles: [style/newsroom, styles/House]") {
                    let written = reference.hasPrefix(Self.builtinStylePrefix) ? try builtinStyle(reference, at: location) : reference
                    document.styles.append((written, location))
                }
            case "exclude":
                for (glob, _) in try decodeStringList(pair.value, what: "'exclude'", example: "exclude: [\"drafts/**\"]") {
                    document.exclude.append(glob)
                }
            case "rules":
                document.rules = try decodeRules(pair.value)
            case "notices":
                document.notices = try decodeNotices(pair.value)
            default:
                throw error(at: pair.keyNode, "unknown top-level key '\(pair.key)'",
                            hint: NearestMatch.hint(for: pair.key, among: Self.topLevelKeys, listing: "valid keys"))
            }
        } }
        if var first = found.errors.first {
            first.others = Array(found.errors.dropFirst())
            throw first
        }
        return document
    }

    // MARK: - Sections

    private func decodeSchemaVersion(_ node: Node) throws(PolicyError) {
        guard let text = plainText(node), isInteger(text) else {
            throw error(at: node, "'schema' must be a whole number, not \(Self.describe(node))", hint: "write 'schema: 1'")
        }
        guard Int(text) == Policy.currentSchemaVersion else {
            throw error(at: node, "unsupported schema version \(text)",
                        hint: "the only supported version is \(Policy.currentSchemaVersion)")
        }
    }

    private func decodeRules(_ node: Node) throws(PolicyError) -> [PolicyDocument.RuleEntry] {
        guard case .mapping(let mapping) = node else {
            throw error(at: node, "'rules' must be a mapping of rule ids to settings, not \(Self.describe(node))",
                        hint: "write one rule per line under 'rules:', such as '  quote-balance: error'")
        }
        var entries: [PolicyDocument.RuleEntry] = []
        for pair in try uniquePairs(of: mapping) { collecting { () throws(PolicyError) in
            // `Style.Rule`: a rule of one of the policy's style folders, set
            // like any rule; the folders are read when the policy is used,
            // which is when an id no folder has is reported.
            if pair.key.contains("."), schemas[pair.key] == nil {
                let schema = RuleSchema(id: pair.key, defaultSeverity: .warning, options: [])
                entries.append(try decodeRuleSetting(pair.value, schema: schema, location: location(of: pair.keyNode)))
                return
            }
            guard let schema = schemas[pair.key] else {
                let ids = schemas.keys.sorted()
                let hint = ids.count > Self.longestRuleListInHints
                    ? NearestMatch.suggestion(for: pair.key, among: ids).map { "did you mean '\($0)'?" }
                        ?? "run 'copydesk rules' to list the rules"
                    : NearestMatch.hint(for: pair.key, among: ids, listing: "known rules")
                throw error(at: pair.keyNode, "unknown rule '\(pair.key)'", hint: hint)
            }
            entries.append(try decodeRuleSetting(pair.value, schema: schema, location: location(of: pair.keyNode)))
        } }
        return entries
    }

    private func decodeRuleSetting(_ node: Node, schema: RuleSchema,
                                   location: PolicyLocation) throws(PolicyError) -> PolicyDocument.RuleEntry {
        var entry = PolicyDocument.RuleEntry(id: schema.id, enabled: true, severity: nil, options: [:], location: location)
        switch node {
        case .scalar(let scalar) where !Self.isNull(scalar):
            let word = scalar.string
            if let severity = Severity(rawValue: word) {
                entry.severity = severity
            } else if scalar.style == .plain, let enabled = Self.boolean(word) {
                entry.enabled = enabled
            } else {
                let words = Self.severityWords + ["on", "off", "true", "false"]
                let hint = Self.boolean(word) != nil ? quotedHint(node)
                    : NearestMatch.suggestion(for: word, among: words).map { "did you mean '\($0)'?" }
                throw error(at: node, "rule '\(schema.id)' cannot be set to \(Self.describe(node))",
                            hint: hint ?? "use a severity (error, warning, note), on or off, true or false, or a mapping of settings")
            }
        case .mapping(let mapping):
            let validKeys = Self.settingKeys + schema.settingOptions.map(\.name)
            for pair in try uniquePairs(of: mapping) { collecting { () throws(PolicyError) in
                switch pair.key {
                case "severity":
                    entry.severity = try decodeSeverity(pair.value, ruleID: schema.id)
                case "enabled":
                    guard let enabled = plainText(pair.value).flatMap(Self.boolean) else {
                        throw error(at: pair.value, "'enabled' in rule '\(schema.id)' must be true or false, not \(Self.describe(pair.value))",
                                    hint: quotedHint(pair.value) ?? "write 'enabled: true' or 'enabled: false'")
                    }
                    entry.enabled = enabled
                default:
                    if schema.options.contains(where: { $0.name == pair.key && $0.source == .policySection }) {
                        throw error(at: pair.keyNode, "'\(pair.key)' is a section of the policy, not a setting of rule '\(schema.id)'",
                                    hint: "write '\(pair.key):' at the top level of the policy, beside 'rules:'")
                    }
                    guard let spec = schema.settingOptions.first(where: { $0.name == pair.key }) else {
                        throw error(at: pair.keyNode, "unknown key '\(pair.key)' in rule '\(schema.id)'",
                                    hint: NearestMatch.hint(for: pair.key, among: validKeys, listing: "valid keys"))
                    }
                    entry.options[spec.name] = try decodeOption(pair.value, kind: spec.kind,
                                                                subject: "option '\(spec.name)' in rule '\(schema.id)'")
                }
            } }
        default:
            throw error(at: node, "rule '\(schema.id)' needs a setting, not \(Self.describe(node))",
                        hint: "use a severity (error, warning, note), on or off, true or false, or a mapping of settings")
        }
        return entry
    }

    private func decodeSeverity(_ node: Node, ruleID: String) throws(PolicyError) -> Severity {
        if case .scalar(let scalar) = node, !Self.isNull(scalar), let severity = Severity(rawValue: scalar.string) {
            return severity
        }
        guard let text = scalarText(node) else {
            throw error(at: node, "the severity of rule '\(ruleID)' must be error, warning or note, not \(Self.describe(node))",
                        hint: "write 'severity: warning', for example")
        }
        let hint = NearestMatch.suggestion(for: text, among: Self.severityWords).map { "did you mean '\($0)'?" }
        throw error(at: node, "invalid severity '\(text)' for rule '\(ruleID)'", hint: hint ?? "use error, warning or note")
    }

    /// A value of `kind`; lists and mappings recurse, so errors point at
    /// the item or key inside them.
    private func decodeOption(_ node: Node, kind: OptionKind, subject: String) throws(PolicyError) -> OptionValue {
        func wrongType(_ noun: String) -> PolicyError {
            error(at: node, "\(subject) must be \(noun), not \(Self.describe(node))",
                  hint: quotedHint(node) ?? "use \(kind.summary)")
        }
        switch kind {
        case .bool:
            guard let value = plainText(node).flatMap(Self.boolean) else { throw wrongType("true or false") }
            return .bool(value)
        case .integer(let range):
            guard let text = plainText(node), isInteger(text) else { throw wrongType("a whole number") }
            guard let value = Int(text), range.contains(value) else {
                throw error(at: node, "\(subject) is out of range: \(text)", hint: "use \(kind.summary)")
            }
            return .integer(value)
        case .number(let range):
            guard let text = plainText(node), isDecimal(text), let value = Double(text) else {
                throw wrongType("a number")
            }
            guard range.contains(value) else {
                throw error(at: node, "\(subject) is out of range: \(text)", hint: "use \(kind.summary)")
            }
            return .number(value)
        case .string:
            guard let text = scalarText(node) else { throw wrongType("a string") }
            return .string(text)
        case .choice(let words):
            guard let text = scalarText(node) else { throw wrongType("one of \(words.joined(separator: ", "))") }
            guard words.contains(text) else {
                throw error(at: node, "'\(text)' is not a valid value for \(subject)",
                            hint: NearestMatch.hint(for: text, among: words, listing: "valid values"))
            }
            return .string(text)
        case .list(let itemKind):
            guard case .sequence(let sequence) = node else {
                let hint = itemKind == .string ? scalarText(node).map { "write a list, such as [\(YAMLText.quoted($0))]" } : nil
                throw error(at: node, "\(subject) must be \(kind.summary), not \(Self.describe(node))",
                            hint: hint ?? "use \(kind.summary)")
            }
            var values: [OptionValue] = []
            for item in sequence {
                if itemKind == .string, scalarText(item) == nil {
                    throw error(at: item, "every item of \(subject) must be a string, not \(Self.describe(item))",
                                hint: "write each item as a quoted string")
                }
                values.append(try decodeOption(item, kind: itemKind, subject: "an item of \(subject)"))
            }
            return .list(values)
        case .mapping(let specs):
            guard case .mapping(let mapping) = node else { throw wrongType(kind.summary) }
            var given: [String: OptionValue] = [:]
            for pair in try uniquePairs(of: mapping) {
                guard let spec = specs.first(where: { $0.name == pair.key }) else {
                    throw error(at: pair.keyNode, "unknown key '\(pair.key)' in \(subject)",
                                hint: NearestMatch.hint(for: pair.key, among: specs.map(\.name), listing: "valid keys"))
                }
                given[spec.name] = try decodeOption(pair.value, kind: spec.kind, subject: "'\(spec.name)' in \(subject)")
            }
            // Keys in declaration order, defaults for the ones left out, so
            // equal settings compare equal however they were written.
            return .mapping(specs.map { OptionField($0.name, given[$0.name] ?? $0.defaultValue) })
        case .legalNotices:
            return Notice.optionValue(try decodeNotices(node))
        }
    }

    /// `style/NAME` for a style built into copydesk, checked against the embedded ones.
    private func builtinStyle(_ reference: String, at location: PolicyLocation) throws(PolicyError) -> String {
        let name = String(reference.dropFirst(Self.builtinStylePrefix.count))
        guard BuiltinStyles.folders[name] != nil else {
            let names = BuiltinStyles.folders.keys.sorted()
            let near = NearestMatch.suggestion(for: name, among: names).map { "did you mean 'style/\($0)'? " } ?? ""
            throw PolicyError(file: path, location: location, message: "unknown builtin style '\(reference)'",
                              hint: near + "Builtin styles: " + names.map { "style/\($0)" }.joined(separator: ", ")
                                  + "; to use a folder of your own, write its path under 'styles:'")
        }
        return reference
    }

    /// A string or a list of strings, each with its place (for `extends`
    /// errors that point at one entry).
    func decodeStringList(_ node: Node, what: String,
                                  example: String) throws(PolicyError) -> [(String, PolicyLocation)] {
        var items: [Node] = []
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar(let scalar) where !Self.isNull(scalar): items = [node]
        default:
            throw error(at: node, "\(what) must be a string or a list of strings, not \(Self.describe(node))",
                        hint: "write '\(example)'")
        }
        var values: [(String, PolicyLocation)] = []
        for item in items {
            guard let text = scalarText(item), !text.isEmpty else {
                throw error(at: item, "every entry of \(what) must be a non-empty string, not \(Self.describe(item))",
                            hint: "write '\(example)'")
            }
            values.append((text, location(of: item)))
        }
        return values
    }

    private func decodeScalarText(_ node: Node, what: String, hint: String) throws(PolicyError) -> String {
        guard let text = scalarText(node) else {
            throw error(at: node, "\(what) must be a string, not \(Self.describe(node))", hint: hint)
        }
        return text
    }

    // MARK: - Mappings and scalars

    struct Pair {
        var key: String
        var keyNode: Node
        var value: Node
    }

    /// The mapping's pairs with their keys as text, in file order. Yams
    /// rejects keys that are equal as YAML values; this also rejects keys
    /// that only differ in YAML type (`1` and `"1"`), since the policy reads
    /// every key as text.
    func uniquePairs(of mapping: Node.Mapping) throws(PolicyError) -> [Pair] {
        var pairs: [Pair] = []
        pairs.reserveCapacity(mapping.count)
        // Most mappings (a notice, a condition, a rule's setting) have a few
        // keys, compared faster one by one than through a hash table built
        // for each; a policy of a thousand notices has thousands of them.
        let fewKeys = mapping.count <= 8
        var firstPlaces: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = scalarText(keyNode) else {
                throw error(at: keyNode, "a key must be a word, not \(Self.describe(keyNode))",
                            hint: "write keys as plain words, such as 'severity'")
            }
            if let first = fewKeys ? pairs.first(where: { $0.key == key })?.keyNode : firstPlaces[key] {
                let place = location(of: first)
                throw error(at: keyNode, "duplicate key '\(key)'",
                            hint: "'\(key)' is already set at \(place.line):\(place.column) in this mapping; keep one")
            }
            if !fewKeys { firstPlaces[key] = keyNode }
            pairs.append(Pair(key: key, keyNode: keyNode, value: value))
        }
        return pairs
    }

    /// The text of a scalar that is not null, in any style.
    func scalarText(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, !Self.isNull(scalar) else { return nil }
        return scalar.string
    }

    /// The text of an unquoted scalar: only those can be booleans and numbers.
    func plainText(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, !Self.isNull(scalar) else { return nil }
        return scalar.string
    }

    /// The hint for a boolean or number written in quotes.
    func quotedHint(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, scalar.style != .plain, !Self.isNull(scalar) else { return nil }
        return "remove the quotes around '\(scalar.string)'"
    }

    static func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// YAML's boolean words, as a policy author may write them.
    static func boolean(_ word: String) -> Bool? {
        switch word {
        case "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES": return true
        case "false", "False", "FALSE", "off", "Off", "OFF", "no", "No", "NO": return false
        default: return nil
        }
    }

    private func isInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Decimal notation only: `Double(_:)` alone would also take `nan`,
    /// `inf` and hexadecimal.
    private func isDecimal(_ text: String) -> Bool {
        var sawDigit = false
        var sawDot = false
        var sawExponent = false
        var previous: UInt8 = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard index == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return false }
            case UInt8(ascii: "."):
                guard !sawDot, !sawExponent else { return false }
                sawDot = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard sawDigit, !sawExponent else { return false }
                sawExponent = true
                sawDigit = false
            default:
                return false
            }
            previous = byte
        }
        return sawDigit
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(scalar) { return "an empty value" }
            return scalar.style == .plain ? "'\(scalar.string)'" : "the quoted string '\(scalar.string)'"
        }
    }

    // MARK: - Places and errors

    func location(of node: Node) -> PolicyLocation {
        location(node.mark)
    }

    func location(_ mark: Mark?) -> PolicyLocation {
        PolicyLocation(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func location(_ place: YAMLText.Place) -> PolicyLocation {
        PolicyLocation(file: path, line: place.line, column: place.column)
    }

    func error(at node: Node, _ message: String, hint: String) -> PolicyError {
        PolicyError(file: path, location: location(of: node), message: message, hint: hint)
    }

    // MARK: - YAML syntax

    private func compose(_ yaml: String) throws(PolicyError) -> Node? {
        // Aliases that unfold into millions of nodes, or nesting deep enough
        // to exhaust the stack, are refused before Yams builds the tree.
        if let violation = YAMLBounds.check(yaml) {
            throw PolicyError(file: path, location: location(YAMLText.Place(line: violation.line, column: violation.column)),
                              message: violation.message,
                              hint: "a policy needs neither; write the values out, or use fewer anchors and aliases")
        }
        do {
            // The decoder reads each scalar's text and style itself (a plain
            // `true`, a quoted "1"), so Yams need not resolve tags by regex
            // for every scalar: a policy of a thousand notices spent an
            // eighth of its loading there.
            return try YAMLComposer.compose(yaml)
        } catch let yamlError as YamlError {
            throw syntaxError(yamlError, yaml: yaml)
        } catch {
            throw PolicyError(file: path, message: "cannot read the policy as YAML: \(error)",
                              hint: "check the file with a YAML validator")
        }
    }

    /// libyaml's words for the two mistakes people make most in a policy, a
    /// tab in the indentation and a glob starting with `*` (an alias in
    /// YAML), as the fix and the place of the offending character.
    static func commonMistake(near mark: Mark, context: YamlError.Context?,
                              in yaml: String) -> (YAMLText.Place, String)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ number: Int) -> [Character] {
            number >= 1 && number <= lines.count ? Array(lines[number - 1]) : []
        }
        if let context, context.text.contains("alias") {
            let text = line(context.mark.line)
            let start = context.mark.column - 1
            if start >= 0, start < text.count, text[start] == "*" {
                let value = String(text[start...].prefix { $0 != "," && $0 != "]" && $0 != "}" && $0 != "#" })
                    .trimmingCharacters(in: .whitespaces)
                return (YAMLText.Place(line: context.mark.line, column: context.mark.column),
                        "a value starting with '*' is read as a YAML alias; quote it: \(YAMLText.quoted(value))")
            }
        }
        // The tab is on the line libyaml stopped at, or in the indentation of
        // the line its scan started on.
        for number in [mark.line, context?.mark.line ?? mark.line] {
            let text = line(number)
            let indentation = text.prefix { $0 == " " || $0 == "\t" }
            if let tab = indentation.firstIndex(of: "\t") ?? (text.indices.contains(mark.column - 1) && number == mark.line
                                                               && text[mark.column - 1] == "\t" ? mark.column - 1 : nil) {
                return (YAMLText.Place(line: number, column: tab + 1),
                        "indent with spaces, not tabs: YAML does not allow a tab in indentation")
            }
        }
        return nil
    }

    private func syntaxError(_ yamlError: YamlError, yaml: String) -> PolicyError {
        func contextHint(_ context: YamlError.Context?) -> String {
            guard let context, !context.text.isEmpty else { return "check the YAML syntax near this place" }
            return "\(context.text) that starts at \(context.mark.line):\(context.mark.column)"
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            if let (place, hint) = Self.commonMistake(near: mark, context: context, in: yaml) {
                return PolicyError(file: path, location: location(place), message: "invalid YAML: \(problem)", hint: hint)
            }
            return PolicyError(file: path, location: location(mark), message: "invalid YAML: \(problem)",
                               hint: contextHint(context))
        case .composer(_, let problem, let mark, _) where problem.contains("another document"):
            return PolicyError(file: path, location: location(mark),
                               message: "a policy file holds one YAML document, but a second one starts here",
                               hint: "remove this '---' line or move the second document to its own file")
        case .composer(let context, let problem, let mark, _):
            return PolicyError(file: path, location: location(mark), message: "invalid YAML: \(problem)",
                               hint: contextHint(context))
        case .reader(let problem, let offset, _, _):
            let place = YAMLText.place(atCharacterOffset: offset ?? 0, in: yaml)
            return PolicyError(file: path, location: location(place), message: "invalid YAML: \(problem)",
                               hint: "remove control characters from the file")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            guard let repeatPlace = YAMLText.repeatedKeyPlace(key: key, firstAt: YAMLText.Place(context.mark), in: yaml) else {
                return PolicyError(file: path, location: location(context.mark), message: "duplicate key '\(key)'",
                                   hint: "'\(key)' appears more than once in this mapping; keep one")
            }
            return PolicyError(file: path, location: location(repeatPlace), message: "duplicate key '\(key)'",
                               hint: "'\(key)' is already set at \(context.mark.line):\(context.mark.column) in this mapping; keep one")
        default:
            return PolicyError(file: path, message: "cannot read the policy as YAML: \(yamlError)",
                               hint: "check the file with a YAML validator")
        }
    }
}

/// The errors one decoder has found; a class so that the decoder's
/// non-mutating methods can add to it.
private final class FoundErrors {
    var errors: [PolicyError] = []
}
