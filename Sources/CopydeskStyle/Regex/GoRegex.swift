import Foundation

/// A Vale pattern copydesk cannot honour, with the byte offset in the
/// pattern where the problem is.
public struct GoRegexError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public var description: String { "\(message) (at pattern offset \(offset))" }
}

/// Vale writes its patterns in Go's dialect (RE2, with regexp2's
/// look-arounds). NSRegularExpression speaks ICU's. The two agree on most
/// syntax; this rewrites the rest so a pattern means what it meant to Vale:
///
/// - `(?P<name>…)` → `(?<name>…)`, `(?P=name)` → `\k<name>`;
/// - `\d`, `\w`, `\s` (and their negations) are ASCII in Go, Unicode in ICU:
///   they become explicit ASCII classes;
/// - POSIX classes (`[[:alpha:]]`) become explicit ASCII ranges;
/// - inside a class, `[` and `&` are literal in Go but set operators in
///   ICU: they are escaped; a `]` first in a class is literal in Go;
/// - a `{` that does not start a repetition is a literal in Go, an error in ICU.
///
/// What cannot be honoured is an error, never a silent change: the ungreedy
/// flag `(?U)`, `\C`, negated POSIX classes.
public enum GoRegex {
    static let word = "0-9A-Za-z_"
    static let space = "\\t\\n\\f\\r "
    static let posix: [String: String] = [
        "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x00-\\x7F", "blank": "\\t ",
        "cntrl": "\\x00-\\x1F\\x7F", "digit": "0-9", "graph": "!-~", "lower": "a-z",
        "print": " -~", "punct": "!-/:-@\\[-`{-~", "space": "\\t\\n\\x0B\\f\\r ", "upper": "A-Z",
        "word": "0-9A-Za-z_", "xdigit": "0-9A-Fa-f",
    ]

    /// The ICU spelling of a Go pattern.
    public static func translate(_ pattern: String) throws(GoRegexError) -> String {
        let chars = Array(pattern.unicodeScalars)
        // Scalars collected in an array and made a String once: appending
        // to a UnicodeScalarView one scalar at a time re-validates as it goes.
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(chars.count + 16)
        var index = 0
        var inClass = false
        var classStart = 0
        func byteOffset(_ i: Int) -> Int { String(String.UnicodeScalarView(chars[..<min(i, chars.count)])).utf8.count }
        func emit(_ s: String) { out.append(contentsOf: s.unicodeScalars) }
        while index < chars.count {
            let c = chars[index]
            if c == "\\" {
                guard index + 1 < chars.count else {
                    throw GoRegexError(offset: byteOffset(index), message: "trailing backslash at end of expression")
                }
                let n = chars[index + 1]
                switch n {
                case "d": emit(inClass ? "0-9" : "[0-9]")
                case "D": emit(inClass ? "\\D" : "[^0-9]")
                case "w": emit(inClass ? word : "[\(word)]")
                case "W": emit(inClass ? "\\W" : "[^\(word)]")
                case "s": emit(inClass ? space : "[\(space)]")
                case "S": emit(inClass ? "\\S" : "[^\(space)]")
                case "C":
                    throw GoRegexError(offset: byteOffset(index), message: "'\\C' (any byte) has no equivalent here")
                case "Q":
                    // \Q…\E: copied as is; ICU reads it the same way.
                    var end = index + 2
                    while end < chars.count && !(chars[end] == "\\" && end + 1 < chars.count && chars[end + 1] == "E") {
                        end += 1
                    }
                    let literal = String(String.UnicodeScalarView(chars[(index + 2)..<end]))
                    emit(NSRegularExpression.escapedPattern(for: literal))
                    index = min(end + 2, chars.count)
                    continue
                default:
                    out.append(c)
                    out.append(n)
                }
                index += 2
                continue
            }
            if inClass {
                if c == "]" && index > classStart {
                    inClass = false
                    out.append(c)
                } else if c == "]" {
                    emit("\\]")
                } else if c == "[" {
                    if index + 1 < chars.count && chars[index + 1] == ":" {
                        var end = index + 2
                        while end + 1 < chars.count && !(chars[end] == ":" && chars[end + 1] == "]") { end += 1 }
                        guard end + 1 < chars.count else {
                            throw GoRegexError(offset: byteOffset(index), message: "unterminated POSIX class")
                        }
                        let name = String(String.UnicodeScalarView(chars[(index + 2)..<end]))
                        if name.hasPrefix("^") {
                            throw GoRegexError(offset: byteOffset(index), message: "negated POSIX class '[:\(name):]' is not supported")
                        }
                        guard let ranges = posix[name] else {
                            throw GoRegexError(offset: byteOffset(index), message: "invalid character class range '[:\(name):]'")
                        }
                        emit(ranges)
                        index = end + 2
                        continue
                    }
                    emit("\\[")
                } else if c == "&" || c == "~" {
                    emit("\\\(Character(c))")
                } else if c == "-" && index + 1 < chars.count && chars[index + 1] == "-" {
                    emit("\\-")
                } else {
                    out.append(c)
                }
                index += 1
                continue
            }
            switch c {
            case "[":
                inClass = true
                out.append(c)
                index += 1
                if index < chars.count && chars[index] == "^" {
                    out.append("^")
                    index += 1
                }
                classStart = index
                continue
            case "(":
                if index + 1 < chars.count && chars[index + 1] == "?" {
                    // Read in place: copying the rest of the pattern at every
                    // group made long patterns (a hundred swaps) quadratic.
                    let isP = index + 3 < chars.count && chars[index + 2] == "P"
                    if isP && chars[index + 3] == "<" {
                        emit("(?<")
                        index += 4
                        continue
                    }
                    if isP && chars[index + 3] == "=" {
                        guard let close = chars[(index + 4)...].firstIndex(of: ")") else {
                            throw GoRegexError(offset: byteOffset(index), message: "missing closing )")
                        }
                        emit("\\k<\(String(String.UnicodeScalarView(chars[(index + 4)..<close])))>")
                        index = close + 1
                        continue
                    }
                    // Flags: (?i) (?m) (?s) (?U) and (?flags:…)
                    var end = index + 2
                    while end < chars.count, chars[end] != ")" && chars[end] != ":" {
                        if chars[end] == "U" {
                            throw GoRegexError(offset: byteOffset(end), message: "the ungreedy flag (?U) is not supported")
                        }
                        if !"imsx-".unicodeScalars.contains(chars[end]) { break }
                        end += 1
                    }
                }
                out.append(c)
            case "{":
                // A repetition is {n}, {n,} or {n,m}; anything else is a literal brace.
                var end = index + 1
                var sawDigit = false
                var sawComma = false
                var valid = false
                while end < chars.count {
                    let d = chars[end]
                    if d >= "0" && d <= "9" { sawDigit = true } else if d == "," && sawDigit && !sawComma { sawComma = true } else if d == "}" && sawDigit { valid = true; break } else { break }
                    end += 1
                }
                if valid && index > 0 {
                    emit(String(String.UnicodeScalarView(chars[index...end])))
                    index = end + 1
                    continue
                }
                emit("\\{")
            case "}":
                emit("\\}")
            default:
                out.append(c)
            }
            index += 1
        }
        if inClass {
            throw GoRegexError(offset: byteOffset(chars.count), message: "missing closing ]")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(out.count)
        for scalar in out { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The number of capturing groups in a Go pattern (plain and named
    /// groups), or nil when its parentheses do not balance.
    static func captureGroups(_ pattern: String) -> Int? {
        let chars = Array(pattern.unicodeScalars)
        var count = 0
        var depth = 0
        var index = 0
        while index < chars.count {
            switch chars[index] {
            case "\\":
                index += 1
            case "[":
                index += 1
                if index < chars.count, chars[index] == "^" { index += 1 }
                if index < chars.count, chars[index] == "]" { index += 1 }
                while index < chars.count, chars[index] != "]" {
                    if chars[index] == "\\" { index += 1 }
                    else if chars[index] == "[", index + 1 < chars.count, chars[index + 1] == ":",
                            let close = (index + 2..<chars.count).first(where: { chars[$0] == "]" }) { index = close }
                    index += 1
                }
            case "(":
                depth += 1
                let next = index + 1 < chars.count ? chars[index + 1] : " "
                if next != "?" {
                    count += 1
                } else if index + 2 < chars.count {
                    let kind = chars[index + 2]
                    if kind == "P" && index + 3 < chars.count && chars[index + 3] == "<" { count += 1 }
                    if kind == "<" && index + 3 < chars.count && chars[index + 3] != "=" && chars[index + 3] != "!" { count += 1 }
                }
            case ")":
                depth -= 1
                if depth < 0 { return nil }
            default:
                break
            }
            index += 1
        }
        return depth == 0 ? count : nil
    }

    /// Translates and compiles; an ICU error becomes a `GoRegexError`.
    public static func compile(_ pattern: String, caseInsensitive: Bool = false) throws(GoRegexError) -> StyleRegex {
        let icu = try translate(pattern)
        do {
            let options: NSRegularExpression.Options = caseInsensitive ? [.caseInsensitive] : []
            return StyleRegex(source: pattern, regex: try NSRegularExpression(pattern: icu, options: options),
                              prefilter: caseInsensitive ? nil : LiteralPrefilter(pattern: pattern),
                              startsAtTextStart: StartAnchor.everyAlternativeStartsWithA(pattern))
        } catch {
            throw GoRegexError(offset: 0, message: "invalid pattern '\(pattern)'")
        }
    }
}

/// Whether a pattern can match only at the start of the text: each of its
/// top-level alternatives begins with `\A`, after any flags and
/// non-capturing wrappers. Such a pattern (a dateline rule's hundred states,
/// each anchored) is tried at the start alone instead of at every position,
/// with the same matches.
enum StartAnchor {
    static func everyAlternativeStartsWithA(_ pattern: String) -> Bool {
        var body = Substring(pattern)
        // Leading flag groups such as (?m) or (?i).
        while body.hasPrefix("(?"), let close = body.firstIndex(of: ")"),
              body[body.index(body.startIndex, offsetBy: 2)..<close].allSatisfy({ $0.isLetter }) {
            body = body[body.index(after: close)...]
        }
        return isAnchored(body, depth: 0)
    }

    /// Every alternative of `text` starts with `\A`, or with a group whose
    /// own alternatives all do.
    private static func isAnchored(_ text: Substring, depth: Int) -> Bool {
        guard depth < 8 else { return false }
        let alternatives = topLevelAlternatives(text)
        return !alternatives.isEmpty && alternatives.allSatisfy { alternative in
            if alternative.hasPrefix("\\A") { return true }
            guard alternative.hasPrefix("("), let close = closingParen(of: alternative) else { return false }
            var inner = alternative[alternative.index(after: alternative.startIndex)..<close]
            if inner.hasPrefix("?:") {
                inner = inner.dropFirst(2)
            } else if inner.hasPrefix("?P<") || inner.hasPrefix("?<"), let end = inner.firstIndex(of: ">") {
                inner = inner[inner.index(after: end)...]
            } else if inner.hasPrefix("?") {
                return false  // a lookaround or flags: not a plain group
            }
            return isAnchored(inner, depth: depth + 1)
        }
    }

    /// The index of the parenthesis that closes the one `text` opens with.
    private static func closingParen(of text: Substring) -> Substring.Index? {
        var found: Substring.Index?
        scanStructure(text) { index, character, depth in
            if character == ")" && depth == 0 { found = index }
            return found == nil
        }
        return found
    }

    private static func topLevelAlternatives(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        scanStructure(text) { index, character, depth in
            if character == "|" && depth == 0 {
                parts.append(text[start..<index])
                start = text.index(after: index)
            }
            return true
        }
        parts.append(text[start..<text.endIndex])
        return parts
    }

    /// Calls `body` with each character of `text` that is pattern structure
    /// (not escaped, not inside a character class) and the group depth once
    /// it is read; stops when `body` returns false.
    private static func scanStructure(_ text: Substring, _ body: (Substring.Index, Character, Int) -> Bool) {
        var depth = 0
        var inClass = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                continue
            }
            if inClass {
                if character == "]" { inClass = false }
            } else if character == "[" {
                inClass = true
            } else {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
                if !body(index, character, depth) { return }
            }
            index = text.index(after: index)
        }
    }
}
