import Foundation

/// `extends: occurrence`: too many (`max`) or too few (`min`) matches of
/// `token` in one block of the rule's scope.
struct OccurrenceCheck: StyleCheck {
    let base: RuleBase
    let pattern: StyleRegex
    let max: Int
    let min: Int

    func run(_ text: CheckText, state: FileState) -> [RawAlert] {
        let found = pattern.matches(in: text).compactMap { $0[0] }
        let count = found.count
        guard (max > 0 && count > max) || (min > 0 && count < min) else { return [] }
        let range = found.first ?? 0..<0
        return [RawAlert(range: range, message: ValeMessage.format(base.message, [text.slice(range)]),
                         match: text.slice(range), wholeBlock: found.isEmpty)]
    }

    static func build(_ file: RuleFile, base: RuleBase) throws(StyleError) -> OccurrenceCheck {
        guard let (token, node) = try file.stringNode("token") else {
            throw file.error(nil, "an occurrence rule needs 'token'")
        }
        let ignorecase = try file.bool("ignorecase")
        return OccurrenceCheck(base: base, pattern: try file.regex((ignorecase ? "(?i)" : "") + "(?:\(token))", at: node),
                               max: try file.int("max") ?? 0, min: try file.int("min") ?? 0)
    }
}

/// `extends: repetition`: the same token twice in a row ("the the").
struct RepetitionCheck: StyleCheck {
    let base: RuleBase
    let pattern: StyleRegex
    let ignorecase: Bool
    let alpha: Bool
    let max: Int

    func run(_ text: CheckText, state: FileState) -> [RawAlert] {
        var alerts: [RawAlert] = []
        var previous = ""
        var previousRange: Range<Int>?
        var count = 0
        for groups in pattern.matches(in: text) {
            guard let range = groups[0] else { continue }
            let current = text.slice(range).trimmingCharacters(in: .whitespacesAndNewlines)
            var hit = !current.isEmpty && (ignorecase ? current.lowercased() == previous.lowercased() : current == previous)
            hit = hit && (!alpha || current.allSatisfy(\.isLetter))
            if hit { count += 1 }
            if hit && count > max, let start = previousRange?.lowerBound,
               !text.bytes[start..<range.upperBound].contains(0x0A) {
                let span = start..<range.upperBound
                alerts.append(RawAlert(range: span, message: ValeMessage.format(base.message, [current]), match: current))
                count = 0
            }
            previousRange = range
            previous = current
        }
        return alerts
    }

    static func build(_ file: RuleFile, base: RuleBase) throws(StyleError) -> RepetitionCheck {
        let tokens = try file.strings("tokens")
        for (token, node) in tokens { _ = try file.regex(token, at: node) }
        let ignorecase = try file.bool("ignorecase")
        let regex = (ignorecase ? "(?i)" : "") + "(" + tokens.map(\.0).joined(separator: "|") + ")"
        return RepetitionCheck(base: base, pattern: try file.regex(regex, at: file.keys["tokens"]?.value),
                               ignorecase: ignorecase, alpha: try file.bool("alpha"), max: try file.int("max") ?? 0)
    }
}

/// `extends: consistency`: once both spellings of an `either` pair have
/// appeared in a file, the block where the second shows up is flagged.
struct ConsistencyCheck: StyleCheck {
    struct Pair: Sendable {
        var pattern: StyleRegex
        var names: [String]
    }

    let base: RuleBase
    let pairs: [Pair]

    func run(_ text: CheckText, state: FileState) -> [RawAlert] {
        var alerts: [RawAlert] = []
        for pair in pairs {
            var last: (Range<Int>, String)?
            var all: [Range<Int>] = []
            for groups in pair.pattern.matches(in: text) {
                for (offset, name) in pair.names.enumerated() {
                    if let range = groups[offset + 1] {
                        state.seen[base.id, default: []].insert(name)
                        last = (range, name)
                        all.append(range)
                    }
                }
            }
            guard let (range, _) = last, pair.names.allSatisfy({ state.seen[base.id]?.contains($0) == true }) else {
                continue
            }
            // Vale reports the block's last match; its position is where
            // that spelling first stands in the block.
            let observed = text.slice(range)
            let first = all.first { text.slice($0) == observed } ?? range
            alerts.append(RawAlert(range: first, message: ValeMessage.format(base.message, [observed]), match: observed))
        }
        return alerts
    }

    static func build(_ file: RuleFile, base: RuleBase) throws(StyleError) -> ConsistencyCheck {
        let ignorecase = try file.bool("ignorecase")
        let nonword = try file.bool("nonword")
        var pairs: [Pair] = []
        let key = base.id.split(separator: ".").last.map(String.init) ?? "c"
        for (index, (first, second, node)) in try file.pairs("either").enumerated() {
            _ = try file.regex(first, at: node)
            _ = try file.regex(second, at: node)
            let names = ["\(key)\(index * 2 + 1)", "\(key)\(index * 2 + 2)"]
            let inner = "(\(first))|(\(second))"
            var regex = nonword ? "(?m)(?:\(inner))" : "(?m)\\b(?:\(inner))\\b"
            if ignorecase { regex = "(?i)" + regex }
            pairs.append(Pair(pattern: try file.regex(regex, at: node), names: names))
        }
        return ConsistencyCheck(base: base, pairs: pairs)
    }
}

/// `extends: conditional`: a term (`first`) may only appear once what
/// `second` captures has defined it, earlier in the file or in its block.
struct ConditionalCheck: StyleCheck {
    let base: RuleBase
    let antecedent: StyleRegex
    let consequent: StyleRegex
    let exceptions: StyleRegex?

    func run(_ text: CheckText, state: FileState) -> [RawAlert] {
        for groups in consequent.matches(in: text) {
            for group in groups.dropFirst() {
                if let group, !group.isEmpty { state.defined[base.id, default: []].insert(text.slice(group)) }
            }
        }
        var alerts: [RawAlert] = []
        for groups in antecedent.matches(in: text) {
            guard let range = groups[0], !range.isEmpty else { continue }
            let observed = text.slice(range)
            if state.defined[base.id]?.contains(observed) == true { continue }
            if let exceptions, exceptions.matchesWhole(observed) { continue }
            alerts.append(RawAlert(range: range, message: ValeMessage.format(base.message, [observed]), match: observed))
        }
        return alerts
    }

    static func build(_ file: RuleFile, base: RuleBase, accepted: [String]) throws(StyleError) -> ConditionalCheck {
        let ignorecase = try file.bool("ignorecase")
        guard let (first, firstNode) = try file.stringNode("first"),
              let (second, secondNode) = try file.stringNode("second") else {
            throw file.error(nil, "a conditional rule needs 'first' and 'second'")
        }
        let prefix = ignorecase ? "(?i)" : ""
        return ConditionalCheck(base: base, antecedent: try file.regex(prefix + first, at: firstNode),
                                consequent: try file.regex(prefix + second, at: secondNode),
                                exceptions: try exceptionPattern(file, accepted: accepted, ignorecase: ignorecase))
    }
}
