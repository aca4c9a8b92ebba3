import Foundation
import Yams

/// `extends: sequence` for rules whose tokens are all patterns: a run of
/// words in one sentence where each token's pattern matches its word
/// (or, with `negate`, does not), a token's `skip: n` letting up to n other
/// words come before it. Tokens with a part-of-speech `tag` need a tagger
/// copydesk does not have: such rules are not run, and said so.
struct SequenceCheck: StyleCheck {
    struct Token: Sendable {
        var pattern: StyleRegex
        var negate: Bool
        var skip: Int
    }

    let base: RuleBase
    let tokens: [Token]

    func run(_ text: CheckText, state: FileState) -> [RawAlert] {
        let words = Self.words(text.bytes)
        guard !tokens.isEmpty, !words.isEmpty else { return [] }
        var alerts: [RawAlert] = []
        var start = 0
        while start < words.count {
            if let end = match(words, text: text, from: start) {
                let range = words[start].lowerBound..<words[end].upperBound
                let steps = words[start...end].map(text.slice)
                alerts.append(RawAlert(range: range, message: ValeMessage.format(base.message, steps), match: text.slice(range)))
                start = end + 1
            } else {
                start += 1
            }
        }
        return alerts
    }

    /// The last word of a match starting at `start`, if one does.
    private func match(_ words: [Range<Int>], text: CheckText, from start: Int) -> Int? {
        var position = start
        for (index, token) in tokens.enumerated() {
            // The first token must match at `start`; later ones may skip words.
            let allowance = index == 0 ? 0 : token.skip
            var found: Int?
            var look = position
            while look < words.count && look <= position + allowance {
                if token.pattern.matchesWhole(text.slice(words[look])) != token.negate {
                    found = look
                    break
                }
                look += 1
            }
            guard let hit = found else { return nil }
            position = hit + 1
        }
        return position - 1
    }

    /// Words and punctuation marks as separate tokens; "'s", "n't" and the
    /// like split from their word, as Vale's tokenizer does.
    static func words(_ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 || b == 0x2D || b == 0x5F
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { i += 1; continue }
            if b == 0x27, i + 1 < bytes.count, isWordByte(bytes[i + 1]), !out.isEmpty, out.last!.upperBound == i {
                var j = i + 1
                while j < bytes.count, isWordByte(bytes[j]) { j += 1 }
                out.append(i..<j)
                i = j
                continue
            }
            if isWordByte(b) {
                var j = i
                while j < bytes.count, isWordByte(bytes[j]) { j += 1 }
                out.append(i..<j)
                i = j
                continue
            }
            out.append(i..<(i + 1))
            i += 1
        }
        return out
    }

    /// Not run (with the reason) when a token needs a part-of-speech tag.
    static func build(_ file: RuleFile, base: RuleBase) throws(StyleError) -> LoadedRule {
        guard case .sequence(let items)? = file.node("tokens") else {
            throw file.error(file.node("tokens"), "a sequence rule needs a list of 'tokens'")
        }
        let ignorecase = try file.bool("ignorecase")
        var tokens: [Token] = []
        for item in items {
            guard case .mapping(let mapping) = item else { throw file.error(item, "each sequence token is a mapping") }
            var pattern: (String, Node)?
            var negate = false
            var skip = 0
            for (key, value) in mapping {
                switch key.string {
                case "tag"?:
                    return .unsupported("its tokens match parts of speech (tag), which need a language model copydesk does not have")
                case "pattern"?: pattern = value.string.map { ($0, value) }
                case "negate"?: negate = ["true", "yes"].contains(value.string?.lowercased() ?? "")
                case "skip"?:
                    guard let n = value.string.flatMap(Int.init) else { throw file.error(value, "'skip' must be a whole number") }
                    skip = n
                default:
                    throw file.error(key, "unknown sequence token key '\(key.string ?? "")'",
                                     hint: RuleFile.nearest(key.string ?? "", in: ["pattern", "tag", "negate", "skip"]).map { "did you mean '\($0)'?" })
                }
            }
            guard let (text, node) = pattern else { throw file.error(item, "a sequence token needs 'pattern' or 'tag'") }
            tokens.append(Token(pattern: try file.regex(text, at: node, caseInsensitive: ignorecase), negate: negate, skip: skip))
        }
        let sentenceBase = base.with(scope: ScopeSelector(["sentence"]))
        return .check(SequenceCheck(base: sentenceBase, tokens: tokens))
    }
}
