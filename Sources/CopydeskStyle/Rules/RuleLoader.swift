import Foundation
import Yams

enum LoadedRule {
    case check(any StyleCheck)
    case unsupported(String)
}

/// Reads one rule file into its check.
enum RuleLoader {
    static let kinds = ["existence", "substitution", "occurrence", "repetition", "consistency", "conditional",
                        "capitalization", "metric", "readability", "spelling", "sequence", "script"]

    static func load(path: String, text: String, id: String, accepted: [String],
                     stylesPath: String? = nil) throws(StyleError) -> LoadedRule {
        let file = try RuleFile(path: path, text: text)
        guard let (kind, node) = try file.stringNode("extends") else {
            throw file.error(nil, "missing the required 'extends' key")
        }
        guard kinds.contains(kind) else {
            throw file.error(node, "'extends' must be one of \(kinds.joined(separator: ", "))",
                             hint: RuleFile.nearest(kind, in: kinds).map { "did you mean '\($0)'?" })
        }
        try file.checkKeys(kind: kind)
        let base = try file.base(id: id, kind: kind)
        switch kind {
        case "existence": return .check(try ExistenceCheck.build(file, base: base, accepted: accepted))
        case "substitution": return .check(try SubstitutionCheck.build(file, base: base, accepted: accepted))
        case "occurrence": return .check(try OccurrenceCheck.build(file, base: base))
        case "repetition": return .check(try RepetitionCheck.build(file, base: base))
        case "consistency": return .check(try ConsistencyCheck.build(file, base: base))
        case "conditional": return .check(try ConditionalCheck.build(file, base: base, accepted: accepted))
        case "capitalization": return .check(try CapitalizationCheck.build(file, base: base, accepted: accepted))
        case "metric": return .check(try MetricCheck.build(file, base: base))
        case "readability": return .check(try ReadabilityCheck.build(file, base: base))
        case "spelling":
            do {
                return .check(try SpellingCheck.build(file, base: base, accepted: accepted, stylesPath: stylesPath))
            } catch where error.message.hasPrefix("no en_US") {
                return .unsupported(error.message)
            }
        case "sequence":
            return try SequenceCheck.build(file, base: base)
        case "script":
            return .unsupported("script rules run Tengo programs, which copydesk does not run")
        default:
            return .unsupported("'\(kind)' rules are not supported yet")
        }
    }
}

/// Vale's own style: `Vale.Repetition`, and `Vale.Terms` / `Vale.Avoid`
/// built from the vocabularies.
enum BuiltinRules {
    static func make(accepted: [String], rejected: [String], stylesPath: String?) throws(StyleError) -> [(String, any StyleCheck)] {
        var out: [(String, any StyleCheck)] = []
        let spelling = try RuleFile(path: "Vale.Spelling (built in)", text: """
            extends: spelling
            message: "Did you really mean '%s'?"
            level: error
            """)
        if let check = try? SpellingCheck.build(spelling, base: spelling.base(id: "Vale.Spelling", kind: "spelling"),
                                                accepted: accepted, stylesPath: stylesPath, builtin: true) {
            out.append(("Vale.Spelling", check))
        }
        let repetition = try RuleFile(path: "Vale.Repetition (built in)", text: """
            extends: repetition
            message: "'%s' is repeated!"
            level: error
            alpha: true
            tokens:
              - '[^\\s]+'
            """)
        out.append(("Vale.Repetition", try RepetitionCheck.build(repetition, base: repetition.base(id: "Vale.Repetition", kind: "repetition"))))
        let phrases = accepted.filter(isPhrase)
        if !phrases.isEmpty {
            let terms = try RuleFile(path: "Vale.Terms (built in)", text: """
                extends: substitution
                message: "Use '%s' instead of '%s'."
                level: error
                ignorecase: true
                """)
            var swaps: [(String, String, Node?)] = []
            var index: [String: Int] = [:]
            for term in phrases {
                let key = NSRegularExpression.escapedPattern(for: term.lowercased())
                if let at = index[key] { swaps[at] = (key, term, nil) } else {
                    index[key] = swaps.count
                    swaps.append((key, term, nil))
                }
            }
            out.append(("Vale.Terms", try SubstitutionCheck.build(terms, base: terms.base(id: "Vale.Terms", kind: "substitution"),
                                                                   accepted: [], swaps: swaps, ignorecase: true)))
        }
        if !rejected.isEmpty {
            let avoid = try RuleFile(path: "Vale.Avoid (built in)", text: """
                extends: existence
                message: "Avoid using '%s'."
                level: error
                """)
            let base = try avoid.base(id: "Vale.Avoid", kind: "existence")
            let pattern = try avoid.regex("(?m)\\b(?:" + rejected.joined(separator: "|") + ")\\b", at: nil)
            out.append(("Vale.Avoid", ExistenceCheck(base: base, pattern: pattern, phrases: nil, exceptions: nil)))
        }
        return out
    }
}
