import CopydeskCore

/// A place in a policy file, for errors and for `policy show`.
public struct PolicyLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// What a policy says about one rule.
public struct RuleSetting: Sendable, Hashable {
    public var enabled: Bool
    /// nil: the rule's default severity.
    public var severity: Severity?
    /// Only the options the policy sets; defaults are filled in by `RuleOptions`.
    public var options: [String: OptionValue]
    /// Where the setting was made (the last file in the extends chain that touched it).
    public var location: PolicyLocation?
    /// The file that set each value, by key (`severity`, an option name),
    /// for `policy show`: through `extends`, one rule's values can come
    /// from several files.
    public var origins: [String: String] = [:]

    public init(enabled: Bool = true, severity: Severity? = nil, options: [String: OptionValue] = [:],
                location: PolicyLocation? = nil) {
        self.enabled = enabled
        self.severity = severity
        self.options = options
        self.location = location
    }

    /// Equal settings say the same, wherever each value was written.
    public static func == (lhs: RuleSetting, rhs: RuleSetting) -> Bool {
        lhs.enabled == rhs.enabled && lhs.severity == rhs.severity && lhs.options == rhs.options && lhs.location == rhs.location
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(enabled)
        hasher.combine(severity)
        hasher.combine(options)
        hasher.combine(location)
    }
}

/// An effective policy: a policy file with everything it extends folded in.
public struct Policy: Sendable, Hashable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// The policy's name or description, if it gives one.
    public var name: String?
    /// Every file that contributed, the extended ones first
    /// (`<builtin>/NAME.yml` for embedded packs).
    public var sources: [String]
    public var rules: [String: RuleSetting]
    /// Legal notices, in the order they were first defined; `legal-notice`
    /// checks them.
    public var notices: [Notice]
    /// Globs of article paths the policy leaves alone, matched against paths
    /// relative to `directory`.
    public var exclude: [String]
    /// The directory of the policy file that was loaded (the one that
    /// extends the others); nil for an embedded pack, whose exclude globs
    /// are matched against paths relative to the working directory.
    public var directory: String?
    /// Style folders whose Vale rule files the policy runs (`styles:`, or
    /// `style/NAME` in `extends`), in the order first named.
    public var styles: [PolicyStyle] = []
    /// The catalogue the policy was checked against, by rule id: it supplies
    /// the default severity and options `renderYAML()` spells out.
    public var ruleSchemas: [String: RuleSchema]
    /// The file that gave `name`, and each exclude glob's, for `policy show`.
    public var nameOrigin: String?
    public var excludeOrigins: [String: String] = [:]
    /// The loaded file itself has an `extends` entry: it builds on some
    /// policy by choice, rather than standing alone.
    public var extendsOthers = false

    public init(schemaVersion: Int = Policy.currentSchemaVersion, name: String? = nil, sources: [String] = [],
                rules: [String: RuleSetting] = [:], notices: [Notice] = [], exclude: [String] = [],
                directory: String? = nil, ruleSchemas: [String: RuleSchema] = [:]) {
        self.schemaVersion = schemaVersion
        self.name = name
        self.sources = sources
        self.rules = rules
        self.notices = notices
        self.exclude = exclude
        self.directory = directory
        self.ruleSchemas = ruleSchemas
    }

    /// The value of a top-level section that a rule option takes its value
    /// from (`OptionSpec.Source.policySection`); nil for a name that is no
    /// such section.
    public func sectionValue(_ name: String) -> OptionValue? {
        sectionNotices(name).map(Notice.optionValue)
    }

    /// The notices of a section of legal notices, as decoded; nil for a name
    /// that is no such section.
    public func sectionNotices(_ name: String) -> [Notice]? {
        name == "notices" ? notices : nil
    }

    /// Hashes only where the policy came from: equal policies come from the
    /// same files, and the lint pipeline looks its rule set up by policy
    /// once per article, which must not cost a pass over every notice and
    /// option. Equality still compares everything (cheaply, for copies that
    /// share storage).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(sources)
        hasher.combine(directory)
        hasher.combine(rules.count)
        hasher.combine(notices.count)
        hasher.combine(styles.count)
    }

    /// Enabled rules, sorted by id.
    public var enabledRuleIDs: [String] {
        rules.filter { $0.value.enabled }.keys.sorted()
    }

    /// The files the policy's options name (a staff list), absolute: they
    /// sit among the articles but are not articles.
    public var namedFiles: Set<String> {
        var files: Set<String> = []
        for (id, setting) in rules {
            for spec in ruleSchemas[id]?.options ?? [] where spec.namesFile {
                guard case .string(let written)? = setting.options[spec.name],
                      let resolved = PolicyFilePath(written: written, baseDirectory: directory).resolved else { continue }
                files.insert(PolicyPaths.absolute(resolved))
            }
        }
        return files
    }
}

/// A style folder a policy names: Vale rule files, one rule a file, whose
/// rules take ids `NAME.Rule` and are set under `rules:` like any other.
public struct PolicyStyle: Sendable, Hashable {
    /// The style's name: its folder's name.
    public var name: String
    /// The folder, absolute; nil for a style built into copydesk.
    public var folder: String?
    /// Where the policy names it.
    public var location: PolicyLocation?

    public init(name: String, folder: String?, location: PolicyLocation? = nil) {
        self.name = name
        self.folder = folder
        self.location = location
    }

    /// How a policy writes it: `style/NAME` for a built-in style, else the folder.
    public var reference: String { folder ?? "style/\(name)" }
}

/// A policy that cannot be used, with the place to fix.
public struct PolicyError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: PolicyLocation?
    public var file: String
    public var message: String
    /// How to fix it: "did you mean 'severity'?", the accepted values.
    public var hint: String?
    /// Further errors found in the same file after this one, in file order:
    /// a policy is fixed in one pass, not one error per run.
    public var others: [PolicyError] = []

    public init(file: String, location: PolicyLocation? = nil, message: String, hint: String? = nil) {
        self.file = file
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// This error and the others, one after another.
    public var all: [PolicyError] {
        var first = self
        first.others = []
        return [first] + others.flatMap(\.all)
    }

    /// `file:line:col: error: message (hint)`, one line per error.
    public var description: String {
        all.map { error in
            let place = error.location?.description ?? error.file
            return "\(place): error: \(error.message)" + (error.hint.map { " (\($0))" } ?? "")
        }.joined(separator: "\n")
    }
}
