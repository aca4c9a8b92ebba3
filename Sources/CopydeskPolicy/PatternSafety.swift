/// A conservative static check for regular expressions that backtrack
/// catastrophically: a group repeated a varying number of times (`*`, `+`,
/// `{n,}`, `{n,m}` with m above n and 1) that itself holds an element
/// repeated so,
/// as in `(a+)+` or `(a*)*`, or alternatives that can start alike, as in
/// `(a|a)*` or `(n|ns)+`. ICU tries every way to split the text between
/// the two repetitions, which takes time exponential in the length of a
/// paragraph that almost matches.
///
/// The check reads the pattern's syntax only, so it refuses some patterns
/// that would run fast, and it never runs one.
public enum PatternSafety {
    /// Why `pattern` may backtrack catastrophically, or nil.
    public static func problem(in pattern: String) -> String? {
        let scalars = Array(pattern.unicodeScalars)
        struct Group {
            var start: Int
            var holdsRepetition = false
            /// First element of each alternative: a literal scalar, or nil
            /// for anything else (a class, an escape, a group).
            var firsts: [Unicode.Scalar?] = []
            var atAlternativeStart = true
        }
        var groups = [Group(start: 0)]
        var index = 0

        /// Reads a quantifier at `index`, if any: whether it repeats a
        /// varying number of times, more than once (`*`, `+`, `{2,}`,
        /// `{1,3}`; not `?` or `{3}`), and the index after it.
        func quantifier(at index: Int) -> (repeats: Bool, after: Int)? {
            guard index < scalars.count else { return nil }
            var after = index + 1
            let repeats: Bool
            switch scalars[index] {
            case "*", "+":
                repeats = true
            case "?":
                repeats = false
            case "{":
                var close = index + 1
                while close < scalars.count && scalars[close] != "}" { close += 1 }
                guard close < scalars.count else { return nil }
                let body = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                let parts = body.split(separator: ",", omittingEmptySubsequences: false)
                guard let low = parts.first.flatMap({ Int($0) }) else { return nil }
                if parts.count == 1 {
                    repeats = false
                } else {
                    let high = parts.count == 2 && !parts[1].isEmpty ? Int(parts[1]) : nil
                    repeats = high.map { $0 > 1 && $0 > low } ?? true
                }
                after = close + 1
            default:
                return nil
            }
            // Lazy and possessive forms repeat as much.
            if after < scalars.count && (scalars[after] == "?" || scalars[after] == "+") { after += 1 }
            return (repeats, after)
        }

        func noteElement(_ first: Unicode.Scalar?) {
            if groups[groups.count - 1].atAlternativeStart {
                groups[groups.count - 1].firsts.append(first)
                groups[groups.count - 1].atAlternativeStart = false
            }
        }

        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                noteElement(nil)
                if index + 1 < scalars.count && scalars[index + 1] == "Q" {
                    // \Q…\E quotes literally.
                    var end = index + 2
                    while end + 1 < scalars.count && !(scalars[end] == "\\" && scalars[end + 1] == "E") { end += 1 }
                    index = end + 2
                } else {
                    index += 2
                }
            case "[":
                noteElement(nil)
                var depth = 0
                var end = index
                while end < scalars.count {
                    if scalars[end] == "\\" { end += 2; continue }
                    if scalars[end] == "[" { depth += 1 }
                    if scalars[end] == "]" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    end += 1
                }
                index = end + 1
            case "(":
                noteElement(nil)
                groups.append(Group(start: index))
                index += 1
                // (?:, (?=, (?!, (?<=, (?<!, (?<name>, (?i): syntax, not elements.
                if index < scalars.count && scalars[index] == "?" {
                    index += 1
                    if index < scalars.count && [":", "=", "!", ">"].contains(scalars[index]) {
                        index += 1
                    } else if index < scalars.count && scalars[index] == "<" {
                        index += 1
                        if index < scalars.count && (scalars[index] == "=" || scalars[index] == "!") {
                            index += 1
                        } else {
                            while index < scalars.count && scalars[index] != ">" { index += 1 }
                            index += 1
                        }
                    } else {
                        // Flags: (?i:…) opens a group, (?i) sets them and is no group.
                        while index < scalars.count && scalars[index] != ":" && scalars[index] != ")" { index += 1 }
                        if index < scalars.count && scalars[index] == ")" { groups.removeLast() }
                        index += 1
                    }
                }
                continue
            case ")":
                guard groups.count > 1, let group = groups.popLast() else { index += 1; continue }
                index += 1
                let repeated = quantifier(at: index)
                if let repeated {
                    index = repeated.after
                    if repeated.repeats {
                        let text = String(String.UnicodeScalarView(scalars[group.start..<index]))
                        if group.holdsRepetition {
                            return "'\(text)' repeats a group that itself repeats, which backtracks exponentially"
                        }
                        let firsts = group.firsts
                        if firsts.count > 1, firsts.contains(nil) || Set(firsts.compactMap { $0 }).count < firsts.count {
                            return "'\(text)' repeats alternatives that can match the same text, which backtracks exponentially"
                        }
                    }
                }
                if group.holdsRepetition || repeated?.repeats == true {
                    groups[groups.count - 1].holdsRepetition = true
                }
                continue
            case "|":
                groups[groups.count - 1].atAlternativeStart = true
                index += 1
                continue
            default:
                if let repeated = quantifier(at: index) {
                    if repeated.repeats { groups[groups.count - 1].holdsRepetition = true }
                    index = repeated.after
                    continue
                }
                noteElement(scalar == "." || scalar == "^" || scalar == "$" ? nil : scalar)
                index += 1
                continue
            }
            // After an escape or a class: its quantifier.
            if let repeated = quantifier(at: index) {
                if repeated.repeats { groups[groups.count - 1].holdsRepetition = true }
                index = repeated.after
            }
        }
        return nil
    }
}
