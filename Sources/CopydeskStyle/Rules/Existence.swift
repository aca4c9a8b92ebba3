import CopydeskCore
import Foundation

/// `extends: existence`: every match of the tokens (or `raw`) is an alert.
/// A list of plain words runs on one automaton (`PhraseMatcher`), so a
/// banned-words list of ten thousand costs about what ten do.
struct ExistenceCheck: StyleCheck {
    let base: RuleBase
    let pattern: StyleRegex?
    let phrases: PhraseList?
    let exceptions: StyleRegex?

    var requiredLiterals: [RequiredLiterals.Literal]? {
        CopydeskStyle.requiredLiterals(pattern: pattern, phrases: phrases)
    }

    func run(_ text: CheckText, state: FileState) -> [RawAlert] {
        var ranges: [Range<Int>] = []
        if let phrases {
            // The configuration's shared automaton has already read this block.
            ranges = state.phraseHits.map { $0[base.id] ?? [] } ?? phrases.find(in: text.bytes, rule: base.id)
        }
        if let pattern {
            let found = pattern.matches(in: text).compactMap { $0[0] }
            ranges = phrases == nil ? found : PhraseList.merge(ranges, found)
        }
        return ranges.compactMap { range in
            guard !range.isEmpty else { return nil }
            let observed = text.slice(range)
            if let exceptions, exceptions.matchesWhole(observed) { return nil }
            return RawAlert(range: range, message: ValeMessage.format(base.message, [observed]), match: observed)
        }
    }

    static func build(_ file: RuleFile, base: RuleBase, accepted: [String]) throws(StyleError) -> ExistenceCheck {
        let ignorecase = try file.bool("ignorecase")
        let nonword = try file.bool("nonword")
        let tokens = try file.strings("tokens")
        let raw = try file.strings("raw")
        let append = try file.bool("append")
        let exceptions = try exceptionPattern(file, accepted: accepted, ignorecase: ignorecase)
        // Plain words (and alternations of them) go to the shared automaton;
        // the rest stay a regex, as Vale writes it.
        var plain: [String] = []
        var patterns: [String] = []
        if raw.isEmpty && !nonword {
            for (token, _) in tokens {
                if let words = PhraseList.expand(token, ignorecase: ignorecase) { plain += words } else { patterns.append(token) }
            }
        } else {
            patterns = tokens.map(\.0)
        }
        let phrases = plain.isEmpty ? nil : PhraseList(plain, ignoreCase: ignorecase)
        if raw.isEmpty && patterns.isEmpty {
            return ExistenceCheck(base: base, pattern: nil, phrases: phrases, exceptions: exceptions)
        }
        let joined = patterns.joined(separator: "|")
        let wordy = !nonword && !patterns.isEmpty
        var regex = wordy ? "(?m)\\b(?:\(joined))\\b" : (patterns.isEmpty ? "" : "(?m)(?:\(joined))")
        let rawText = raw.map(\.0).joined()
        regex = append ? regex + rawText : rawText + regex
        if ignorecase { regex = "(?i)" + regex }
        let node = (raw.first ?? tokens.first)?.1 ?? file.keys["extends"]?.value
        guard var compiled = try file.regexes(tokens, joined: regex, at: node).0 else {
            preconditionFailure("a joined pattern always compiles or throws")
        }
        if raw.isEmpty { compiled.requireAnyLiteral(of: patterns) }
        compiled.required = RequiredLiterals(pattern: regex)
        return ExistenceCheck(base: base, pattern: compiled, phrases: phrases, exceptions: exceptions)
    }
}

/// A rule's `exceptions` and the vocabulary's accepted terms, as one
/// whole-match pattern.
func exceptionPattern(_ file: RuleFile, accepted: [String], ignorecase: Bool) throws(StyleError) -> StyleRegex? {
    let listed = try file.strings("exceptions")
    var terms = listed.map(\.0) + accepted
    guard !terms.isEmpty else { return nil }
    terms.sort { $0.count > $1.count }
    let pattern = (ignorecase ? "(?i)" : "") + "(?:" + terms.joined(separator: "|") + ")"
    return try file.regexes(listed, joined: pattern, at: file.keys["exceptions"]?.value).0
}

/// A rule's plain words and phrases. They are matched by the
/// configuration's one shared automaton (`SharedPhrases`); a rule read on
/// its own builds a small one for itself.
struct PhraseList: Sendable {
    let phrases: [[UInt8]]
    let ignoreCase: Bool

    init(_ phrases: [String], ignoreCase: Bool) {
        self.phrases = phrases.map { Array($0.utf8) }
        self.ignoreCase = ignoreCase
    }

    /// Text a regex would read literally, starting and ending with a
    /// letter or digit (so `\b` around it means what whole-word matching
    /// means).
    static func isPlain(_ token: String) -> Bool {
        guard let first = token.unicodeScalars.first, let last = token.unicodeScalars.last,
              first.properties.isAlphabetic || ("0"..."9").contains(first),
              last.properties.isAlphabetic || ("0"..."9").contains(last) else { return false }
        return !token.unicodeScalars.contains { "\\^$.|?*+()[]{}#\t\n".unicodeScalars.contains($0) }
    }

    /// The words a token stands for when it is plain text, or a
    /// non-capturing alternation of plain texts (`(?:cell phone|cellphone)`);
    /// nil when it needs the regex engine. Case-insensitive lists stay
    /// ASCII, the automaton's folding.
    static func expand(_ token: String, ignorecase: Bool) -> [String]? {
        var words = [token]
        if token.hasPrefix("(?:"), token.hasSuffix(")"), token.dropFirst(3).dropLast().allSatisfy({ $0 != "(" && $0 != ")" }) {
            words = token.dropFirst(3).dropLast().split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
        guard words.allSatisfy(isPlain) else { return nil }
        if ignorecase && !words.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) { return nil }
        return words
    }

    /// Matches from the automaton and from a regex, left to right, without
    /// overlaps (the earlier, then the longer, wins).
    static func merge(_ a: [Range<Int>], _ b: [Range<Int>]) -> [Range<Int>] {
        let all = (a + b).sorted { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }
        var out: [Range<Int>] = []
        var end = 0
        for range in all where range.lowerBound >= end {
            out.append(range)
            end = range.upperBound
        }
        return out
    }

    /// Non-overlapping matches, left to right, the longest at each start.
    func find(in bytes: [UInt8], rule: String) -> [Range<Int>] {
        SharedPhrases(lists: [(rule, self)])?.hits(in: bytes)[rule] ?? []
    }
}

/// Every plain word list of every existence rule in a configuration, in
/// one automaton: a block is scanned once for all of them, and each match
/// is handed to the rules that list it.
final class SharedPhrases: @unchecked Sendable {
    struct Owner {
        var rule: String
        var bytes: [UInt8]
        var ignoreCase: Bool
    }

    let matcher: PhraseMatcher
    let owners: [[Owner]]
    let rules: Set<String>

    convenience init?(_ checks: [ExistenceCheck]) {
        self.init(lists: checks.compactMap { check in check.phrases.map { (check.base.id, $0) } })
    }

    init?(lists: [(String, PhraseList)]) {
        var index: [String: Int] = [:]
        var phrases: [String] = []
        var owners: [[Owner]] = []
        var rules = Set<String>()
        for (rule, list) in lists {
            rules.insert(rule)
            for bytes in list.phrases {
                let key = String(decoding: bytes.map(LiteralPrefilter.fold), as: UTF8.self)
                let at: Int
                if let known = index[key] { at = known } else {
                    at = phrases.count
                    index[key] = at
                    phrases.append(key)
                    owners.append([])
                }
                owners[at].append(Owner(rule: rule, bytes: bytes, ignoreCase: list.ignoreCase))
            }
        }
        guard !rules.isEmpty else { return nil }
        matcher = PhraseMatcher(phrases, wholeWords: true)
        self.owners = owners
        self.rules = rules
    }

    /// Each rule's matches: non-overlapping, left to right, the longest at each start.
    func hits(in bytes: [UInt8]) -> [String: [Range<Int>]] {
        var best: [String: [Int: Range<Int>]] = [:]
        for match in matcher.matches(in: bytes) {
            for owner in owners[match.phrase] {
                if !owner.ignoreCase && !bytes[match.range].elementsEqual(owner.bytes) { continue }
                if let current = best[owner.rule]?[match.range.lowerBound], current.count >= match.range.count { continue }
                best[owner.rule, default: [:]][match.range.lowerBound] = match.range
            }
        }
        var out: [String: [Range<Int>]] = [:]
        for (rule, starts) in best {
            var end = 0
            var list: [Range<Int>] = []
            for start in starts.keys.sorted() where start >= end {
                let range = starts[start]!
                list.append(range)
                end = range.upperBound
            }
            out[rule] = list
        }
        return out
    }
}
