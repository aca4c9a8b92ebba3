import Foundation

/// Vale's `action`: what an editor could write in place of an alert's
/// match, shown in reports as suggestions (SARIF `fixes`, the JSON
/// report's `suggestions`, a line of the text report).
///
/// - `replace`: the rule's `params`, or, without params, what a
///   substitution's swap or a capitalization's conversion gives;
/// - `remove`: delete the match;
/// - `edit`: `regex PATTERN REPLACEMENT`, `trim_right|trim_left|trim
///   CUTSET`, `truncate SEP`, `split SEP INDEX`, applied to the match as
///   Vale's fixer applies them;
/// - `suggest` (spellings or a Tengo script) and `convert` offer nothing:
///   copydesk has neither a spelling suggester nor a script engine.
enum ValeAction {
    static func suggestions(name: String?, params: [String], match: String, replacements: [String]) -> [String] {
        switch name {
        case "replace": return params.isEmpty ? replacements : params
        case "remove": return [""]
        case "edit": return edit(params, match).map { [$0] } ?? []
        default: return []
        }
    }

    /// Vale's `edit` fixer; nil when the params are not one of its forms.
    static func edit(_ params: [String], _ match: String) -> String? {
        guard let kind = params.first else { return nil }
        switch (kind, params.count) {
        case ("regex", 3):
            guard let regex = try? GoRegex.compile(params[1]) else { return nil }
            return regex.replacingMatches(in: match, with: params[2])
        case ("trim_right", 2): return trim(match, cutset: params[1], left: false, right: true)
        case ("trim_left", 2): return trim(match, cutset: params[1], left: true, right: false)
        case ("trim", 2): return trim(match, cutset: params[1], left: true, right: true)
        case ("truncate", 2):
            guard !params[1].isEmpty else { return nil }
            return match.components(separatedBy: params[1]).first
        case ("split", 3):
            guard !params[1].isEmpty, let index = Int(params[2]) else { return nil }
            let parts = match.components(separatedBy: params[1])
            return parts.indices.contains(index) ? parts[index] : nil
        default: return nil
        }
    }

    /// Go's `strings.Trim*`: drops any of `cutset`'s characters from the ends.
    static func trim(_ text: String, cutset: String, left: Bool, right: Bool) -> String {
        let cut = Set(cutset.unicodeScalars)
        var scalars = Substring(text).unicodeScalars[...]
        if left { while let first = scalars.first, cut.contains(first) { scalars.removeFirst() } }
        if right { while let last = scalars.last, cut.contains(last) { scalars.removeLast() } }
        return String(String.UnicodeScalarView(scalars))
    }
}
