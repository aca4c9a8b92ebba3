import CopydeskCore

/// A value a policy gives a rule option: a scalar, a list, or a mapping of
/// named values, so a rule's configuration can be as structured as it needs
/// (a list of legal notices is a list of mappings).
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case list([OptionValue])
    /// Keys in the order they were written.
    case mapping([OptionField])

    /// A list of strings, the most common structured option.
    public static func strings(_ values: [String]) -> OptionValue { .list(values.map(OptionValue.string)) }

    public var description: String {
        switch self {
        case .bool(let value): return String(value)
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .string(let value): return value
        case .list(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let fields): return "{" + fields.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// The value of `key` in a mapping; nil for a missing key or a value that is not a mapping.
    public subscript(key: String) -> OptionValue? {
        guard case .mapping(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }
}

/// One key and value of a mapping option.
public struct OptionField: Sendable, Hashable {
    public var key: String
    public var value: OptionValue

    public init(_ key: String, _ value: OptionValue) {
        self.key = key
        self.value = value
    }
}

/// What values an option takes; the policy loader checks values against it.
public indirect enum OptionKind: Sendable, Hashable {
    case bool
    case integer(ClosedRange<Int>)
    case number(ClosedRange<Double>)
    case string
    /// One of a fixed set of words.
    case choice([String])
    /// A list whose every item is of one kind.
    case list(OptionKind)
    /// A mapping with these keys, each an option of its own; keys left out
    /// take their defaults.
    case mapping([OptionSpec])
    /// Legal notices, in the grammar of the policy's `notices` section
    /// (see docs/policies.md).
    case legalNotices

    public static let strings = OptionKind.list(.string)

    public var summary: String {
        switch self {
        case .bool: return "true or false"
        case .integer(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .number(let range): return "a number from \(range.lowerBound) to \(range.upperBound)"
        case .string: return "a string"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        case .list(.string): return "a list of strings"
        case .list(let item): return "a list, each item " + item.summary
        case .mapping(let fields): return "a mapping of " + fields.map(\.name).joined(separator: ", ")
        case .legalNotices: return "a list of legal notices"
        }
    }
}

/// One option of a rule, as the rule declares it.
public struct OptionSpec: Sendable, Hashable {
    /// Where a policy writes the option's value.
    public enum Source: Sendable, Hashable {
        /// Under the rule's own setting: `rules: {RULE: {NAME: value}}`.
        case ruleSetting
        /// A top-level section of the policy, named after the option, whose
        /// entries are merged by `id` through `extends` rather than replaced
        /// as a whole (legal notices: a house rewords one pack notice).
        case policySection
    }

    public var name: String
    public var kind: OptionKind
    public var defaultValue: OptionValue
    public var summary: String
    public var source: Source
    /// The value is the path of a file (a staff list): relative to the
    /// policy file that writes it, and that file is no article.
    public var namesFile: Bool

    public init(_ name: String, _ kind: OptionKind, default defaultValue: OptionValue, _ summary: String,
                source: Source = .ruleSetting, namesFile: Bool = false) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
        self.source = source
        self.namesFile = namesFile
    }
}

/// What the policy loader needs to know of a rule to check a policy's
/// settings for it.
public struct RuleSchema: Sendable, Hashable {
    public var id: String
    public var defaultSeverity: Severity
    public var options: [OptionSpec]

    public init(id: String, defaultSeverity: Severity, options: [OptionSpec]) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.options = options
    }

    /// The options a policy writes under the rule's setting.
    public var settingOptions: [OptionSpec] { options.filter { $0.source == .ruleSetting } }
}

/// A rule's option values after the policy is applied: every declared
/// option has a value, the policy's or the default. Rules do not read it
/// by name: `RuleConfigurationDecoder` turns it into the rule's typed
/// `Configuration`.
public struct RuleOptions: Sendable, Hashable {
    public private(set) var values: [String: OptionValue]
    /// The directory of the policy file, against which options that name
    /// files (a staff list) are resolved; nil for an embedded policy, whose
    /// relative paths are taken from the working directory.
    public var baseDirectory: String?
    /// Options of legal-notice kind given as the policy's notices, already
    /// decoded, by option name; they take the place of the value under the
    /// same name. Spelling a thousand notices out as option values for the
    /// decoder to read back cost more than decoding them from the YAML.
    public var notices: [String: [Notice]] = [:]

    public init(_ values: [String: OptionValue] = [:], baseDirectory: String? = nil) {
        self.values = values
        self.baseDirectory = baseDirectory
    }

    public init(defaultsOf specs: [OptionSpec], overrides: [String: OptionValue] = [:], baseDirectory: String? = nil) {
        var values: [String: OptionValue] = [:]
        for spec in specs { values[spec.name] = spec.defaultValue }
        for (key, value) in overrides { values[key] = value }
        self.values = values
        self.baseDirectory = baseDirectory
    }
}
