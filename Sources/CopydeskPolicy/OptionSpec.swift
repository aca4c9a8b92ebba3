import CopydeskCore

/// A value a policy gives a rule option.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case strings([String])

    public var description: String {
        switch self {
        case .bool(let value): return String(value)
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .string(let value): return value
        case .strings(let values): return "[" + values.joined(separator: ", ") + "]"
        }
    }
}

/// What values an option takes; the policy loader checks values against it.
public enum OptionKind: Sendable, Hashable {
    case bool
    case integer(ClosedRange<Int>)
    case number(ClosedRange<Double>)
    case string
    case strings
    /// One of a fixed set of words.
    case choice([String])

    public var summary: String {
        switch self {
        case .bool: return "true or false"
        case .integer(let range): return "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .number(let range): return "a number from \(range.lowerBound) to \(range.upperBound)"
        case .string: return "a string"
        case .strings: return "a list of strings"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        }
    }
}

/// One option of a rule, as the rule declares it.
public struct OptionSpec: Sendable, Hashable {
    public var name: String
    public var kind: OptionKind
    public var defaultValue: OptionValue
    public var summary: String

    public init(_ name: String, _ kind: OptionKind, default defaultValue: OptionValue, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
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
}

/// A rule's option values after the policy is applied: every declared
/// option has a value, the policy's or the default.
public struct RuleOptions: Sendable, Hashable {
    public private(set) var values: [String: OptionValue]
    /// The directory of the policy file, against which options that name
    /// files (a staff list) are resolved; nil for an embedded policy, whose
    /// relative paths are taken from the working directory.
    public var baseDirectory: String?

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

    /// A file-name option as a path to open: absolute paths as given,
    /// relative ones against `baseDirectory`. Nil when the option is empty.
    public func path(_ name: String) -> String? {
        let value = string(name)
        guard !value.isEmpty else { return nil }
        if value.hasPrefix("/") { return value }
        guard let baseDirectory, baseDirectory != "." else { return value }
        return baseDirectory.hasSuffix("/") ? baseDirectory + value : baseDirectory + "/" + value
    }

    public func bool(_ name: String) -> Bool {
        if case .bool(let value) = values[name] { return value }
        return false
    }

    public func integer(_ name: String) -> Int {
        switch values[name] {
        case .integer(let value): return value
        case .number(let value): return Int(value)
        default: return 0
        }
    }

    public func number(_ name: String) -> Double {
        switch values[name] {
        case .number(let value): return value
        case .integer(let value): return Double(value)
        default: return 0
        }
    }

    public func string(_ name: String) -> String {
        switch values[name] {
        case .string(let value): return value
        case .some(let other): return other.description
        case nil: return ""
        }
    }

    public func strings(_ name: String) -> [String] {
        switch values[name] {
        case .strings(let values): return values
        case .string(let value): return [value]
        default: return []
        }
    }
}
