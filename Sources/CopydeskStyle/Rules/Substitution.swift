import CopydeskCore
import Foundation

/// `extends: substitution`: each `swap` key is a pattern, its value what to
/// write instead. All keys run as one alternation; each alternative is
/// wrapped in a group so a match knows its replacement, and a key's own
/// groups feed `$1`… in the replacement.
struct SubstitutionCheck: StyleCheck {
    struct Alternative: Sendable {
        var group: Int
        var innerGroups: Int
        var replacement: String
    }

    let base: RuleBase
    /// The keys that need the regex engine, as one alternation (nil when
    /// every key is plain text).
    let pattern: StyleRegex?
    let alternatives: [Alternative]
    /// Plain-text keys, matched by the configuration's shared automaton,
    /// and their replacements by key (case-folded when `ignorecase`).
    let phrases: PhraseList?
    let plainReplacements: [String: String]
    let exceptions: StyleRegex?
    let ignorecase: Bool
    let capitalize: Bool

    var requiredLiterals: [RequiredLiterals.Literal]? {
        CopydeskStyle.requiredLiterals(pattern: pattern, phrases: phrases)
    }

    func run(_ text: CheckText, state: FileState) -> [RawAlert] {
        // Every candidate: its range and what to write instead.
        var candidates: [(Range<Int>, String)] = []
        if let pattern {
            for groups in pattern.matches(in: text) {
                guard let alternative = alternatives.first(where: { groups[$0.group] != nil }),
                      let range = groups[alternative.group], !range.isEmpty else { continue }
                var expected = alternative.replacement
                if alternative.innerGroups > 0 {
                    for n in stride(from: alternative.innerGroups, through: 1, by: -1) {
                        let value = groups[alternative.group + n].map(text.slice) ?? ""
                        expected = expected.replacingOccurrences(of: "$\(n)", with: value)
                        expected = expected.replacingOccurrences(of: "${\(n)}", with: value)
                    }
                }
                candidates.append((range, expected))
            }
        }
        if let phrases {
            let hits = state.phraseHits.map { $0[base.id] ?? [] } ?? phrases.find(in: text.bytes, rule: base.id)
            let fromRegex = candidates.map(\.0)
            let kept = Set(PhraseList.merge(fromRegex, hits).map(\.lowerBound))
            candidates = candidates.filter { kept.contains($0.0.lowerBound) }
            for range in hits where kept.contains(range.lowerBound) && !fromRegex.contains(where: { $0.lowerBound == range.lowerBound }) {
                let key = text.slice(range)
                if let replacement = plainReplacements[ignorecase ? String(decoding: key.utf8.map(LiteralPrefilter.fold), as: UTF8.self) : key] {
                    candidates.append((range, replacement))
                }
            }
            candidates.sort { $0.0.lowerBound < $1.0.lowerBound }
        }
        var alerts: [RawAlert] = []
        for (range, replacement) in candidates {
            let observed = text.slice(range).trimmingCharacters(in: .whitespacesAndNewlines)
            var expected = replacement
            if capitalize, let first = observed.first, first.isUppercase {
                expected = expected.prefix(1).uppercased() + expected.dropFirst()
            }
            if Self.same(expected: expected, observed: observed) { continue }
            if let exceptions, exceptions.matchesWhole(observed) { continue }
            var message = base.message
            let choices = expected.components(separatedBy: "|")
            if base.actionName == "replace" && base.actionParams.isEmpty {
                expected = ValeMessage.sentence(expected.components(separatedBy: "|"), "or")
                for spec in ["'%s'", "\"%s\""] where message.components(separatedBy: spec).count - 1 == 2 {
                    if let r = message.range(of: spec) { message.replaceSubrange(r, with: "%s") }
                }
            }
            alerts.append(RawAlert(range: range, message: ValeMessage.format(message, [expected, observed]),
                                   match: observed, replacements: choices))
        }
        return alerts
    }

    /// Vale's `matchToken`: a phrase must be written exactly; a pattern
    /// must match the whole of what was found (case-sensitively).
    static func same(expected: String, observed: String) -> Bool {
        if isPhrase(expected) { return expected == observed }
        guard let regex = try? GoRegex.compile("^(?:\(expected))$") else { return expected == observed }
        return regex.matches(observed)
    }

    static func build(_ file: RuleFile, base: RuleBase, accepted: [String],
                      swaps explicit: [(String, String, Node?)]? = nil,
                      ignorecase forced: Bool? = nil) throws(StyleError) -> SubstitutionCheck {
        var ignorecase = try file.bool("ignorecase")
        if let forced { ignorecase = forced }
        let nonword = try file.bool("nonword")
        var swaps: [(String, String, Node?)]
        if let explicit { swaps = explicit } else {
            swaps = []
            for (key, value, node) in try file.pairs("swap") { swaps.append((key, value, node)) }
        }
        // Longest first: Vale's alternation order is a map's, so prefer
        // the greedy reading.
        swaps = swaps.enumerated().sorted { ($0.element.0.count, -$0.offset) > ($1.element.0.count, -$1.offset) }.map(\.element)
        var alternatives: [Alternative] = []
        var parts: [String] = []
        var regexKeys: [String] = []
        var group = 1
        var plain: [String] = []
        var plainReplacements: [String: String] = [:]
        var regexSwaps: [(key: String, replacement: String, node: Node?)] = []
        for (key, replacement, node) in swaps {
            if !nonword, let words = PhraseList.expand(key, ignorecase: ignorecase) {
                for word in words {
                    let folded = ignorecase ? String(decoding: word.utf8.map(LiteralPrefilter.fold), as: UTF8.self) : word
                    if plainReplacements[folded] == nil {
                        plainReplacements[folded] = replacement
                        plain.append(word)
                    }
                }
                continue
            }
            regexSwaps.append((key, replacement, node))
            parts.append("(\(key))")
            regexKeys.append(key)
        }
        let joined = parts.joined(separator: "|")
        var regex = nonword ? "(?m)(?:\(joined))" : "(?m)\\b(?:\(joined))\\b"
        if ignorecase { regex = "(?i)" + regex }
        var (pattern, captures) = try file.regexes(swaps.map { ($0.0, $0.2) }, joined: parts.isEmpty ? nil : regex,
                                                    at: file.keys["swap"]?.value)
        // Each key's groups, in the order of `regexSwaps`.
        let keyIndex = Dictionary(swaps.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var inner = regexSwaps.map { captures[keyIndex[$0.key]!] }
        if let compiled = pattern, compiled.captureGroups != inner.reduce(regexSwaps.count, +) {
            // The count read from the pattern disagrees with ICU's: ask ICU, key by key.
            inner = []
            for swap in regexSwaps { inner.append(try file.regex(swap.key, at: swap.node).captureGroups) }
        }
        for (swap, groups) in zip(regexSwaps, inner) {
            alternatives.append(Alternative(group: group, innerGroups: groups, replacement: swap.replacement))
            group += 1 + groups
        }
        pattern?.requireAnyLiteral(of: regexKeys)
        pattern?.required = RequiredLiterals(pattern: regex)
        return SubstitutionCheck(base: base, pattern: pattern, alternatives: alternatives,
                                 phrases: plain.isEmpty ? nil : PhraseList(plain, ignoreCase: ignorecase),
                                 plainReplacements: plainReplacements,
                                 exceptions: try exceptionPattern(file, accepted: accepted, ignorecase: ignorecase),
                                 ignorecase: ignorecase, capitalize: try file.bool("capitalize"))
    }
}

import Yams
