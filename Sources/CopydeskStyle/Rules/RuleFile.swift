import CopydeskCore
import Foundation
import Yams

/// One rule file's YAML, read with positions so every error names the
/// file, line and column it is about.
struct RuleFile {
    let path: String
    let root: Node.Mapping
    let keys: [String: (key: Node, value: Node)]

    /// Keys every rule takes.
    static let commonKeys = ["extends", "message", "description", "level", "scope", "link", "limit", "action",
                             "name", "code"]
    /// Keys each kind adds.
    static let kindKeys: [String: [String]] = [
        "existence": ["ignorecase", "nonword", "raw", "tokens", "exceptions", "append", "vocab", "string"],
        "substitution": ["ignorecase", "nonword", "swap", "exceptions", "pos", "capitalize", "vocab", "append"],
        "occurrence": ["max", "min", "token", "ignorecase"],
        "repetition": ["tokens", "ignorecase", "alpha", "max"],
        "consistency": ["either", "ignorecase", "nonword"],
        "conditional": ["first", "second", "ignorecase", "exceptions", "vocab"],
        "capitalization": ["match", "style", "exceptions", "indicators", "threshold", "prefix", "vocab"],
        "metric": ["formula", "condition"],
        "readability": ["metrics", "grade"],
        "spelling": ["custom", "dicpath", "dictionaries", "filters", "ignore", "append", "aff", "dic", "locale"],
        "sequence": ["tokens", "ignorecase"],
        "script": ["script"],
    ]

    init(path: String, text: String) throws(StyleError) {
        self.path = path
        let node: Node?
        do {
            node = try RuleFile.compose(text)
        } catch let error as YamlError {
            throw RuleFile.yamlError(error, path: path)
        } catch {
            throw StyleError(file: path, line: 1, column: 1, message: "cannot read YAML: \(error)")
        }
        guard case .mapping(let mapping)? = node else {
            throw StyleError(file: path, line: 1, column: 1, message: "a rule file must be a YAML mapping")
        }
        root = mapping
        var keys: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            keys[name] = (key, value)
        }
        self.keys = keys
    }

    /// Vale's YAML reader lets a later key replace an earlier one in a
    /// mapping (proselint's word lists repeat keys); Yams refuses. The
    /// earlier single-line entries of a repeated key are dropped, as Vale
    /// would overwrite them.
    static func compose(_ text: String) throws -> Node? {
        do {
            return try YAMLComposer.compose(text)
        } catch YamlError.duplicatedKeysInMapping(let duplicates, _) {
            var lines = text.components(separatedBy: "\n")
            for key in duplicates {
                let spellings = [key + ":", "'\(key)':", "\"\(key)\":"]
                let hits = lines.indices.filter { index in
                    let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
                    return spellings.contains { trimmed.hasPrefix($0) }
                }
                for index in hits.dropLast() { lines[index] = "" }
            }
            return try YAMLComposer.compose(lines.joined(separator: "\n"))
        }
    }

    static func yamlError(_ error: YamlError, path: String) -> StyleError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return StyleError(file: path, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
        default:
            return StyleError(file: path, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }

    func error(_ node: Node?, _ message: String, hint: String? = nil) -> StyleError {
        let mark = node?.mark ?? root.mark
        return StyleError(file: path, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message, hint: hint)
    }

    /// Unknown keys are errors, with the nearest known key as a hint.
    func checkKeys(kind: String) throws(StyleError) {
        let allowed = Set(RuleFile.commonKeys + (RuleFile.kindKeys[kind] ?? []))
        for (key, _) in root {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let guess = RuleFile.nearest(name, in: Array(allowed))
            throw error(key, "unknown key '\(name)' for a rule that extends \(kind)",
                        hint: guess.map { "did you mean '\($0)'?" })
        }
    }

    static func nearest(_ word: String, in candidates: [String]) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in 1...max(1, b.count) where !b.isEmpty {
                    let old = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = old
                }
            }
            return row[b.count]
        }
        let lowered = Array(word.lowercased())
        let best = candidates.map { ($0, distance(lowered, Array($0))) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    // MARK: - Typed access

    func node(_ key: String) -> Node? { keys[key]?.value }

    func string(_ key: String) throws(StyleError) -> String? {
        guard let value = node(key) else { return nil }
        if case .scalar(let scalar) = value { return scalar.string }
        throw error(value, "'\(key)' must be a string")
    }

    func stringNode(_ key: String) throws(StyleError) -> (String, Node)? {
        guard let value = node(key) else { return nil }
        if case .scalar(let scalar) = value { return (scalar.string, value) }
        throw error(value, "'\(key)' must be a string")
    }

    func bool(_ key: String) throws(StyleError) -> Bool {
        guard let value = node(key) else { return false }
        if case .scalar(let scalar) = value {
            switch scalar.string.lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0", "": return false
            default: break
            }
        }
        throw error(value, "'\(key)' must be true or false")
    }

    func int(_ key: String) throws(StyleError) -> Int? {
        guard let value = node(key) else { return nil }
        if case .scalar(let scalar) = value, let number = Int(scalar.string) { return number }
        throw error(value, "'\(key)' must be a whole number")
    }

    func double(_ key: String) throws(StyleError) -> Double? {
        guard let value = node(key) else { return nil }
        if case .scalar(let scalar) = value, let number = Double(scalar.string) { return number }
        throw error(value, "'\(key)' must be a number")
    }

    /// A list of strings; a lone string counts as a list of one.
    func strings(_ key: String) throws(StyleError) -> [(String, Node)] {
        guard let value = node(key) else { return [] }
        switch value {
        case .scalar(let scalar): return [(scalar.string, value)]
        case .sequence(let sequence):
            var out: [(String, Node)] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else { throw error(item, "'\(key)' must list strings") }
                out.append((scalar.string, item))
            }
            return out
        default: throw error(value, "'\(key)' must be a list of strings")
        }
    }

    /// A mapping of strings to strings, in file order.
    func pairs(_ key: String) throws(StyleError) -> [(String, String, Node)] {
        guard let value = node(key) else { return [] }
        switch value {
        case .mapping(let mapping):
            var out: [(String, String, Node)] = []
            for (k, v) in mapping {
                guard let ks = k.string, let vs = v.string else { throw error(k, "'\(key)' must map strings to strings") }
                out.append((ks, vs, k))
            }
            return out
        case .sequence(let sequence):
            // Vale also accepts a list of one-entry mappings.
            var out: [(String, String, Node)] = []
            for item in sequence {
                guard case .mapping(let mapping) = item else { throw error(item, "'\(key)' must map strings to strings") }
                for (k, v) in mapping {
                    guard let ks = k.string, let vs = v.string else { throw error(k, "'\(key)' must map strings to strings") }
                    out.append((ks, vs, k))
                }
            }
            return out
        default:
            throw error(value, "'\(key)' must be a mapping")
        }
    }

    /// Compiles a Vale pattern, or fails naming where it is written.
    /// Each of `parts` checked as `regex(_:at:)` would, without compiling
    /// each with ICU (a pack's hundreds of keys made loading slow): Go's
    /// syntax is read by the translator, and ICU compiles `joined`, the
    /// pattern the parts make together, which holds every part. Only when
    /// that fails, or a part's parentheses do not balance (it could pass
    /// joined to another), is each part compiled on its own, so the error
    /// points at the part at fault. Returns the joined regex and each
    /// part's number of capturing groups.
    func regexes(_ parts: [(String, Node?)], joined: String?, at node: Node?) throws(StyleError) -> (StyleRegex?, [Int]) {
        var captures: [Int] = []
        for (part, partNode) in parts {
            do {
                _ = try GoRegex.translate(part)
            } catch {
                throw self.error(partNode, "cannot use pattern: \(error.message)",
                                 hint: "copydesk reads Vale's Go (RE2) syntax through ICU")
            }
            guard let count = GoRegex.captureGroups(part) else {
                captures.append(try regex(part, at: partNode).captureGroups)
                continue
            }
            captures.append(count)
        }
        guard let joined else { return (nil, captures) }
        do {
            return (try GoRegex.compile(joined), captures)
        } catch {
            for (part, partNode) in parts { _ = try regex(part, at: partNode) }
            throw self.error(node, "cannot use pattern: \(error.message)",
                             hint: "copydesk reads Vale's Go (RE2) syntax through ICU")
        }
    }

    func regex(_ pattern: String, at node: Node?, caseInsensitive: Bool = false) throws(StyleError) -> StyleRegex {
        do {
            return try GoRegex.compile(pattern, caseInsensitive: caseInsensitive)
        } catch {
            throw self.error(node, "cannot use pattern: \(error.message)",
                             hint: "copydesk reads Vale's Go (RE2) syntax through ICU")
        }
    }
}
