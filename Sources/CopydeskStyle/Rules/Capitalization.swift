import Foundation

/// `extends: capitalization`: the whole block (usually a heading) must be
/// in `$title` (AP or Chicago), `$sentence`, `$lower` or `$upper` case, or
/// match a pattern.
struct CapitalizationCheck: StyleCheck {
    enum Match: Sendable {
        case title(chicago: Bool)
        case sentence
        case lower
        case upper
        case pattern(StyleRegex)
    }

    let base: RuleBase
    let match: Match
    let exceptions: [String]
    let exceptionPattern: StyleRegex?
    let tokenPattern: StyleRegex
    let indicators: [String]
    let threshold: Double
    let prefix: StyleRegex?

    func run(_ text: CheckText, state: FileState) -> [RawAlert] {
        let whole = text.string
        var subject = whole
        if let prefix, let r = prefix.firstMatch(in: text), r.lowerBound == 0 {
            subject = String(decoding: text.bytes[r.upperBound...], as: UTF8.self)
        }
        let ok: Bool
        var suggestion = whole
        switch match {
        case .title(let chicago):
            suggestion = TitleCase.convert(subject, chicago: chicago)
            ok = title(subject, expected: suggestion)
        case .sentence: ok = sentence(subject)
        case .lower:
            ok = subject == subject.lowercased() || exceptions.contains(subject)
            suggestion = whole.lowercased()
        case .upper:
            ok = subject == subject.uppercased() || exceptions.contains(subject)
            suggestion = whole.uppercased()
        case .pattern(let regex): ok = regex.matches(subject) || exceptions.contains(subject)
        }
        guard !ok else { return [] }
        return [RawAlert(range: 0..<text.bytes.count, message: ValeMessage.format(base.message, [whole, suggestion]),
                         match: whole, replacements: suggestion == whole ? [] : [suggestion])]
    }

    private func tokens(_ s: String) -> [String] {
        let text = CheckText(s)
        return tokenPattern.matches(in: text).compactMap { $0[0].map(text.slice) }
    }

    private func excepted(_ word: String) -> Bool {
        exceptionPattern?.matches(word) ?? false
    }

    private func title(_ s: String, expected: String) -> Bool {
        let want = tokens(expected)
        var count = 0.0
        var words = 0.0
        for (i, word) in tokens(s).enumerated() {
            if i >= want.count || word == want[i] || excepted(word) || word == word.uppercased() { count += 1 }
            words += 1
        }
        return words == 0 || count / words > threshold
    }

    private func sentence(_ s: String) -> Bool {
        var trimmed = Substring(s)
        while let last = trimmed.last, "?!.:".contains(last) { trimmed = trimmed.dropLast() }
        // A leading number ("1." in "1. An important heading") numbers the
        // heading: the sentence starts after it.
        var list = tokens(String(trimmed))
        if let first = list.first, first.count > 1, first.last == "." || first.last == ")",
           first.dropLast().allSatisfy(\.isNumber) {
            list.removeFirst()
        }
        var count = 0.0
        var total = 0.0
        for (i, token) in list.enumerated() {
            total += 1
            let previous = i > 0 ? list[i - 1] : ""
            if excepted(token) {
                count += 1
                continue
            }
            var w = token
            for separator in ["-", "'", "’"] where w.contains(separator) {
                w = w.components(separatedBy: separator)[0]
                break
            }
            if w == w.uppercased() || indicators.contains(where: { previous.hasSuffix($0) }) || excepted(w) {
                count += 1
            } else if i == 0 && w != w.lowercased().capitalizedFirst {
                return false
            } else if i == 0 || w == w.lowercased() {
                count += 1
            }
        }
        return total == 0 || count / total > threshold
    }

    static func build(_ file: RuleFile, base: RuleBase, accepted: [String]) throws(StyleError) -> CapitalizationCheck {
        guard let (matchText, matchNode) = try file.stringNode("match") else {
            throw file.error(nil, "a capitalization rule needs 'match'")
        }
        let match: Match
        switch matchText {
        case "$title":
            let style = try file.string("style") ?? "AP"
            guard ["AP", "Chicago"].contains(style) else {
                throw file.error(file.node("style"), "'style' must be AP or Chicago")
            }
            match = .title(chicago: style == "Chicago")
        case "$sentence": match = .sentence
        case "$lower": match = .lower
        case "$upper": match = .upper
        default: match = .pattern(try file.regex(matchText, at: matchNode))
        }
        let listed = try file.strings("exceptions")
        var exceptions = listed.map(\.0) + accepted
        exceptions.sort { $0.count > $1.count }
        let escapedTerms = exceptions.map { isPhrase($0) ? NSRegularExpression.escapedPattern(for: $0) : $0 }
        var exceptionPattern: StyleRegex?
        if !exceptions.isEmpty {
            exceptionPattern = try file.regex("(?m)\\b(?:" + escapedTerms.joined(separator: "|") + ")\\b",
                                              at: file.keys["exceptions"]?.value)
        }
        let tokenSource = (exceptions.isEmpty ? "" : "\\b(?:" + escapedTerms.joined(separator: "|") + ")\\b|")
            + "[\\p{N}\\p{L}*]+[^\\s]*"
        var prefix: StyleRegex?
        if let (text, node) = try file.stringNode("prefix") { prefix = try file.regex(text, at: node) }
        return CapitalizationCheck(base: base, match: match, exceptions: exceptions, exceptionPattern: exceptionPattern,
                                   tokenPattern: try file.regex(tokenSource, at: file.keys["exceptions"]?.value),
                                   indicators: try file.strings("indicators").map(\.0),
                                   threshold: try file.double("threshold") ?? 0.8, prefix: prefix)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// Title case as AP or Chicago style has it: every word capitalized except
/// short articles, conjunctions and prepositions inside the title.
enum TitleCase {
    static let ap: Set<String> = ["a", "an", "and", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "so",
                                  "the", "to", "up", "yet", "as", "if", "off", "per", "via", "vs", "vs."]
    static let chicago: Set<String> = ap.union(["about", "above", "across", "after", "against", "along", "among",
        "around", "before", "behind", "below", "beneath", "beside", "between", "beyond", "down", "during", "except",
        "from", "inside", "into", "like", "near", "onto", "out", "outside", "over", "past", "since", "than", "that",
        "through", "throughout", "till", "toward", "towards", "under", "underneath", "until", "upon", "with",
        "within", "without"])

    static func convert(_ s: String, chicago: Bool) -> String {
        let small = chicago ? Self.chicago : Self.ap
        let words = s.split(separator: " ", omittingEmptySubsequences: false)
        let last = words.lastIndex { !$0.isEmpty } ?? 0
        return words.enumerated().map { index, word -> String in
            let text = String(word)
            if text.isEmpty { return text }
            if index != 0 && index != last && small.contains(text.lowercased()) { return text.lowercased() }
            // Capitalize the first letter and any letter after a hyphen.
            var out = ""
            var upperNext = true
            for c in text {
                if upperNext && c.isLetter { out += c.uppercased(); upperNext = false } else { out.append(c) }
                if c == "-" { upperNext = true }
            }
            return out
        }.joined(separator: " ")
    }
}
