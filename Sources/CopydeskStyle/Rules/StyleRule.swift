import CopydeskCore
import Foundation

/// What every Vale rule has, whatever it checks. A class, so that the
/// engine's loop over rules and blocks shares one copy instead of copying a
/// dozen strings and arrays at every read.
public final class RuleBase: Sendable {
    /// `Style.Rule`, Vale's id.
    public let id: String
    public var style: String { String(id.prefix { $0 != "." }) }
    public let file: String
    public let kind: String
    public let message: String
    public let description: String
    public let level: ValeLevel
    public let scope: ScopeSelector
    public let link: String?
    /// At most this many alerts per file (0: no limit).
    public let limit: Int
    public let actionName: String?
    public let actionParams: [String]

    public init(id: String, file: String, kind: String, message: String, description: String, level: ValeLevel,
                scope: ScopeSelector, link: String?, limit: Int, actionName: String?, actionParams: [String]) {
        self.id = id
        self.file = file
        self.kind = kind
        self.message = message
        self.description = description
        self.level = level
        self.scope = scope
        self.link = link
        self.limit = limit
        self.actionName = actionName
        self.actionParams = actionParams
    }

    /// The same rule read in another scope (metric rules read the summary).
    func with(scope: ScopeSelector) -> RuleBase {
        RuleBase(id: id, file: file, kind: kind, message: message, description: description, level: level, scope: scope,
                 link: link, limit: limit, actionName: actionName, actionParams: actionParams)
    }
}

/// One alert, at a byte range of the text the check read.
struct RawAlert {
    var range: Range<Int>
    var message: String
    /// Vale's "match": the text the position is about.
    var match: String
    /// For alerts about a whole block (readability): no position of their own.
    var wholeBlock = false
    /// What the check would write instead, for a `replace` action without
    /// params (substitution's swap, capitalization's converted form).
    var replacements: [String] = []
}

/// What a check keeps across the blocks of one file.
final class FileState {
    /// Consistency: the alternatives seen so far, per rule.
    var seen: [String: Set<String>] = [:]
    /// Conditional: the antecedents defined so far, per rule.
    var defined: [String: Set<String>] = [:]
    /// Metric rules: the document's counts, made once.
    var metrics: DocumentMetrics?
    /// The shared word-list automaton's matches in the block being read.
    var phraseHits: [String: [Range<Int>]]?
}

protocol StyleCheck: Sendable {
    var base: RuleBase { get }
    func run(_ text: CheckText, state: FileState) -> [RawAlert]
    /// Literals one of which a block must hold for the check to raise an
    /// alert in it (`LiteralGate`); nil when the check must read every block.
    var requiredLiterals: [RequiredLiterals.Literal]? { get }
}

extension StyleCheck {
    var requiredLiterals: [RequiredLiterals.Literal]? { nil }
}

/// The literals of a check made of a pattern and a plain word list: the
/// pattern's and the words; nil when the pattern has none.
func requiredLiterals(pattern: StyleRegex?, phrases: PhraseList?) -> [RequiredLiterals.Literal]? {
    var out: [RequiredLiterals.Literal] = []
    if let pattern {
        guard let required = pattern.required else { return nil }
        out += required.literals
    }
    for phrase in phrases?.phrases ?? [] {
        let digitsRead = phrase.map(PhraseMatcher.foldDigit)
        out.append(RequiredLiterals.Literal(folded: digitsRead.map(TextScalars.foldASCII),
                                            exact: phrases!.ignoreCase ? nil : digitsRead))
    }
    return out.isEmpty ? nil : out
}

enum ValeMessage {
    /// Vale's `FormatMessage`: each `%s` in turn takes the next
    /// substitution, cycling; `%%` is a percent sign.
    static func format(_ message: String, _ subs: [String]) -> String {
        guard !subs.isEmpty, message.contains("%") else { return message }
        var out = ""
        var index = 0
        var chars = message.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { out.append(c); continue }
            guard let next = chars.next() else { out.append(c); break }
            // Go's indexed verb, %[2]s: the second substitution.
            if next == "[" {
                var digits = ""
                while let d = chars.next(), d != "]" { digits.append(d) }
                let verb = chars.next()
                if let n = Int(digits), n >= 1, verb == "s" || verb == "v" {
                    out += subs[(n - 1) % subs.count]
                    index = n
                    continue
                }
                out += "%[\(digits)]" + (verb.map { String($0) } ?? "")
                continue
            }
            switch next {
            case "%": out.append("%")
            case "s", "v", "q":
                let sub = subs[index % subs.count]
                out += next == "q" ? "\"\(sub)\"" : sub
                index += 1
            default:
                out.append(c)
                out.append(next)
            }
        }
        return out
    }

    /// Vale's `ToSentence`: `'a'`, `'a' or 'b'`, `'a', 'b', or 'c'`.
    static func sentence(_ items: [String], _ conjunction: String) -> String {
        let quoted = items.map { "'\($0)'" }
        switch quoted.count {
        case 0: return ""
        case 1: return quoted[0]
        case 2: return "\(quoted[0]) \(conjunction) \(quoted[1])"
        default: return quoted.dropLast().joined(separator: ", ") + ", \(conjunction) " + quoted.last!
        }
    }
}

/// Vale's phrase test: a term without pattern syntax.
func isPhrase(_ s: String) -> Bool {
    !s.contains { "[](){}*+?|^$\\".contains($0) }
}

extension RuleFile {
    func base(id: String, kind: String, defaultScope: String = "text") throws(StyleError) -> RuleBase {
        guard let message = try string("message") else {
            throw error(nil, "missing the required 'message' key")
        }
        var level = ValeLevel.warning  // Vale's default
        if let (name, node) = try stringNode("level") {
            guard let parsed = ValeLevel(name: name) else {
                throw error(node, "'level' must be one of suggestion, warning, error",
                            hint: RuleFile.nearest(name, in: ["suggestion", "warning", "error"]).map { "did you mean '\($0)'?" })
            }
            level = parsed
        }
        var scopes = try strings("scope").map(\.0)
        if scopes.isEmpty { scopes = [defaultScope] }
        var actionName: String?
        var actionParams: [String] = []
        if case .mapping(let mapping)? = node("action") {
            for (k, v) in mapping {
                if k.string == "name" { actionName = v.string }
                if k.string == "params", case .sequence(let items) = v { actionParams = items.compactMap(\.string) }
            }
        }
        return RuleBase(id: id, file: path, kind: kind, message: message, description: try string("description") ?? "",
                        level: level, scope: ScopeSelector(scopes), link: try string("link"),
                        limit: try int("limit") ?? 0, actionName: actionName, actionParams: actionParams)
    }
}
