import CopydeskCore
import Foundation

/// Reads policy files, checks them against the rule catalogue and folds
/// each file together with everything it extends into one `Policy`.
public struct PolicyLoader: Sendable {
    /// How embedded packs are named in `Policy.sources` and in errors.
    public static func builtinSourceName(_ name: String) -> String { "<builtin>/\(name).yml" }

    public let schemas: [RuleSchema]
    /// The embedded packs by name (`default`, later `folder/name`) as YAML text.
    public let builtinPolicies: [String: String]
    let schemasByID: [String: RuleSchema]

    /// - Parameters:
    ///   - schemas: every rule a policy may set (the CLI passes `RuleRegistry.schemas`).
    ///   - builtinPolicies: the packs `extends` and `builtin(_:)` can name;
    ///     the ones embedded in the binary unless a test brings its own.
    public init(schemas: [RuleSchema], builtinPolicies: [String: String] = BuiltinPolicies.texts) {
        self.schemas = schemas
        self.builtinPolicies = builtinPolicies
        var byID: [String: RuleSchema] = [:]
        for schema in schemas { byID[schema.id] = schema }
        self.schemasByID = byID
    }

    public var builtinNames: [String] { builtinPolicies.keys.sorted() }

    /// Reads the policy file at `path` and every file it extends.
    public func load(path: String) throws(PolicyError) -> Policy {
        let source = PolicySource.file(path: PolicyPaths.normalized(path))
        var folder = PolicyFolder(loader: self)
        try folder.fold(source, text: nil, extendedBy: nil)
        return folder.finish(directory: PolicyPaths.directory(of: source.displayName))
    }

    /// Checks policy text as if it were the file at `path`; the files it
    /// extends are read relative to that path.
    public func load(yaml: String, path: String) throws(PolicyError) -> Policy {
        let source = PolicySource.file(path: PolicyPaths.normalized(path))
        var folder = PolicyFolder(loader: self)
        try folder.fold(source, text: yaml, extendedBy: nil)
        return folder.finish(directory: PolicyPaths.directory(of: source.displayName))
    }

    /// An embedded pack, such as `default`.
    public func builtin(_ name: String) throws(PolicyError) -> Policy {
        guard builtinPolicies[name] != nil else {
            throw PolicyError(file: Self.builtinSourceName(name), message: "unknown builtin policy '\(name)'",
                              hint: NearestMatch.hint(for: name, among: builtinNames, listing: "builtin policies"))
        }
        var folder = PolicyFolder(loader: self)
        try folder.fold(.builtin(name: name), text: nil, extendedBy: nil)
        return folder.finish(directory: nil)
    }

    // MARK: - Sources

    /// What an `extends` entry names: entries ending in `.yml` or `.yaml`
    /// are files relative to the extending file, anything else is an
    /// embedded pack.
    func resolve(_ entry: PolicyDocument.ExtendsEntry, from parent: PolicySource) throws(PolicyError) -> PolicySource {
        let reference = entry.reference
        let isFile = reference.hasSuffix(".yml") || reference.hasSuffix(".yaml")
        if !isFile {
            guard builtinPolicies[reference] != nil else {
                let hint = NearestMatch.suggestion(for: reference, among: builtinNames).map { "did you mean '\($0)'?" }
                    ?? "builtin policies: \(builtinNames.joined(separator: ", ")); to extend a file, give its path ending in .yml"
                throw PolicyError(file: entry.location.file, location: entry.location,
                                  message: "unknown builtin policy '\(reference)'", hint: hint)
            }
            return .builtin(name: reference)
        }
        guard case .file(let parentPath) = parent else {
            throw PolicyError(file: entry.location.file, location: entry.location,
                              message: "a builtin policy cannot extend the file '\(reference)'",
                              hint: "builtin policies extend only other builtin policies, by name")
        }
        let path = reference.hasPrefix("/")
            ? reference : PolicyPaths.joined(PolicyPaths.directory(of: parentPath), reference)
        return .file(path: PolicyPaths.normalized(path))
    }

    /// The text of a pack or file; a missing file is reported at the
    /// `extends` entry that names it.
    func text(of source: PolicySource, extendedBy entry: PolicyDocument.ExtendsEntry?) throws(PolicyError) -> String {
        switch source {
        case .builtin(let name):
            // `resolve` and `builtin(_:)` only make sources for packs that exist.
            return builtinPolicies[name] ?? ""
        case .file(let path):
            func failure(_ message: String, _ hint: String) -> PolicyError {
                guard let entry else { return PolicyError(file: path, message: message, hint: hint) }
                return PolicyError(file: entry.location.file, location: entry.location,
                                   message: "\(message) (extended as '\(entry.reference)')", hint: hint)
            }
            // Read with POSIX calls: a FIFO is refused without blocking, a
            // device such as /dev/zero is refused before it is read.
            let bytes: [UInt8]
            do throws(FileReadError) {
                bytes = try BoundedFileReader.read(path: path, rejectBinary: false)
            } catch {
                switch error {
                case .notFound:
                    throw failure("policy file '\(path)' not found",
                                  entry == nil ? "check the path of the policy file"
                                      : "paths in 'extends' are relative to the directory of the file that extends them")
                case .isDirectory:
                    throw failure("'\(path)' is a directory, not a policy file", "give the path of a .yml file")
                case .notRegularFile(let kind):
                    throw failure("'\(path)' is not a regular file (it is \(kind))", "give the path of a .yml file")
                case .tooLarge(let size, let limit):
                    throw failure("policy file '\(path)' is too large (\(size.map { ByteSize.describe($0) } ?? "over the limit"); "
                                  + "policies are at most \(ByteSize.describe(Int64(limit))))", "give the path of a YAML policy file")
                case .permissionDenied:
                    throw failure("cannot read policy file '\(path)': permission denied", "check the file's permissions")
                default:
                    throw failure("cannot read policy file '\(path)': \(error.description)", "give the path of a YAML policy file")
                }
            }
            do {
                _ = try InputDecoder.decode(path: path, bytes: bytes)
            } catch {
                if case .invalidUTF8(_, let line, let column) = error {
                    throw PolicyError(file: path, location: PolicyLocation(file: path, line: line, column: column),
                                      message: "the policy file is not valid UTF-8",
                                      hint: "save it as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8`)")
                }
                throw PolicyError(file: path, message: "the policy file is not text: \(error)",
                                  hint: "give the path of a YAML policy file")
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// A policy file or an embedded pack.
enum PolicySource: Sendable, Hashable {
    case file(path: String)
    case builtin(name: String)

    /// The name errors and `Policy.sources` use.
    var displayName: String {
        switch self {
        case .file(let path): return path
        case .builtin(let name): return PolicyLoader.builtinSourceName(name)
        }
    }

    /// Two sources with the same identity are the same policy, however
    /// their paths were written: the test for cycles and repeats.
    var identity: String {
        switch self {
        case .file(let path): return PolicyPaths.canonical(path)
        case .builtin: return displayName
        }
    }
}

/// Folds a policy and what it extends, depth first: the extended policies
/// in list order, then the file itself, so later settings win.
struct PolicyFolder {
    let loader: PolicyLoader
    private var policy = Policy()
    /// Policies already folded in; one reached again through another branch
    /// of `extends` is not applied twice, so it cannot undo what a policy
    /// folded after it changed.
    private var folded: Set<String> = []
    /// The `extends` chain being read, for naming cycles.
    private var chain: [PolicySource] = []
    /// The file loaded (the one that extends the others): paths the others
    /// write are made relative to its directory, where options are resolved.
    private var root: PolicySource?
    private var rootExtendsOthers = false
    /// The globs and notice ids folded in so far, for lookups that a policy
    /// of ten thousand excludes or a thousand notices makes many of.
    private var excludesSeen = Set<String>()
    private var noticePlaces: [String: Int] = [:]

    init(loader: PolicyLoader) {
        self.loader = loader
    }

    mutating func fold(_ source: PolicySource, text: String?,
                       extendedBy entry: PolicyDocument.ExtendsEntry?) throws(PolicyError) {
        let identity = source.identity
        if let start = chain.firstIndex(where: { $0.identity == identity }), let entry {
            let names = chain[start...].map(\.displayName) + [source.displayName]
            throw PolicyError(file: entry.location.file, location: entry.location,
                              message: "policies extend each other in a cycle: " + names.joined(separator: " → "),
                              hint: "remove one of the 'extends' entries in this chain")
        }
        guard !folded.contains(identity) else { return }

        let yaml: String
        if let text {
            yaml = text
        } else {
            yaml = try loader.text(of: source, extendedBy: entry)
        }
        let document = try PolicyDecoder(schemas: loader.schemasByID, path: source.displayName).decode(yaml: yaml)
        if root == nil {
            root = source
            rootExtendsOthers = !document.extends.isEmpty
        }
        for glob in document.exclude {
            if let problem = Glob.problem(in: glob) {
                throw PolicyError(file: source.displayName, location: Self.location(of: glob, in: yaml, file: source.displayName),
                                  message: "exclude glob '\(glob)': \(problem)", hint: nil)
            }
        }
        chain.append(source)
        for extended in document.extends {
            try fold(loader.resolve(extended, from: source), text: nil, extendedBy: extended)
        }
        chain.removeLast()
        apply(document, from: source)
        folded.insert(identity)
    }

    /// Where `glob` first appears after the `exclude` key, for pointing at it.
    static func location(of glob: String, in yaml: String, file: String) -> PolicyLocation? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard let key = lines.firstIndex(where: { $0.hasPrefix("exclude") }) else { return nil }
        let needle = glob.isEmpty ? "\"\"" : glob
        for index in key..<lines.count {
            let line = index == key ? lines[index].dropFirst("exclude".count) : lines[index]
            if let range = line.range(of: needle) {
                return PolicyLocation(file: file, line: index + 1,
                                      column: lines[index].distance(from: lines[index].startIndex, to: range.lowerBound) + 1)
            }
        }
        return PolicyLocation(file: file, line: key + 1, column: 1)
    }

    /// A file path an extended policy writes (relative to itself), as the
    /// same file written from the loaded policy's directory, where rule
    /// options are resolved: a desk policy that extends the house one
    /// finds the house staff list beside the house policy.
    private func rebased(_ value: OptionValue, from source: PolicySource) -> OptionValue {
        guard case .string(let path) = value, !path.isEmpty, !path.hasPrefix("/"),
              case .file(let sourcePath) = source, case .file(let rootPath)? = root else { return value }
        let from = PolicyPaths.directory(of: sourcePath)
        let to = PolicyPaths.directory(of: rootPath)
        guard from != to else { return value }
        return .string(PolicyPaths.relative(PolicyPaths.joined(from, path), to: to))
    }

    private mutating func apply(_ document: PolicyDocument, from source: PolicySource) {
        let origin = source.displayName
        if let name = document.name {
            policy.name = name
            policy.nameOrigin = origin
        }
        for entry in document.rules {
            var setting = policy.rules[entry.id] ?? RuleSetting()
            setting.enabled = entry.enabled
            setting.origins["enabled"] = origin
            if let severity = entry.severity {
                setting.severity = severity
                setting.origins["severity"] = origin
            }
            let specs = loader.schemasByID[entry.id]?.options ?? []
            for (option, value) in entry.options {
                let namesFile = specs.contains { $0.name == option && $0.namesFile }
                setting.options[option] = namesFile ? rebased(value, from: source) : value
                setting.origins[option] = origin
            }
            setting.location = entry.location
            policy.rules[entry.id] = setting
        }
        // A notice defined again under the same id replaces the earlier
        // definition as a whole, in its place: a house rewords a pack's notice.
        for notice in document.notices {
            if let index = noticePlaces[notice.id] {
                policy.notices[index] = notice
            } else {
                noticePlaces[notice.id] = policy.notices.count
                policy.notices.append(notice)
            }
        }
        for (reference, location) in document.styles {
            let style: PolicyStyle
            if reference.hasPrefix(PolicyDecoder.builtinStylePrefix) {
                style = PolicyStyle(name: String(reference.dropFirst(PolicyDecoder.builtinStylePrefix.count)), folder: nil,
                                    location: location)
            } else {
                // A folder is relative to the file that names it.
                let base: String
                switch source {
                case .file(let path): base = PolicyPaths.directory(of: path)
                case .builtin: base = "."
                }
                let folder = PolicyPaths.normalized(reference.hasPrefix("/") ? reference : PolicyPaths.joined(base, reference))
                style = PolicyStyle(name: (folder as NSString).lastPathComponent, folder: folder, location: location)
            }
            if let index = policy.styles.firstIndex(where: { $0.name == style.name }) {
                policy.styles[index] = style
            } else {
                policy.styles.append(style)
            }
        }
        for glob in document.exclude where excludesSeen.insert(glob).inserted {
            policy.exclude.append(glob)
            policy.excludeOrigins[glob] = origin
        }
        policy.sources.append(source.displayName)
    }

    func finish(directory: String?) -> Policy {
        var result = policy
        result.directory = directory
        result.ruleSchemas = loader.schemasByID
        result.extendsOthers = rootExtendsOthers
        return result
    }
}
