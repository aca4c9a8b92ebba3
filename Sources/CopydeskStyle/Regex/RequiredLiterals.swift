import CopydeskCore

/// A set of literal texts one of which every match of a pattern contains,
/// found by reading the pattern (Go's syntax, as Vale writes it): a text
/// that holds none of them cannot match, so the regex engine is not
/// started on it. This is what makes a pack of pattern rules cheap: most
/// blocks of an article hold none of a rule's literals.
///
/// The reading is the prefilter analysis of RE2 and codesearch, on sets
/// rather than trigrams. Each piece of the pattern is either *exact* (it
/// matches exactly one of a few known texts: `(?:a|an|the) `) or
/// *inexact* with a set one of which each of its matches contains.
/// Concatenation crosses exact sets while they stay small ("1 in" × "0"…"9"),
/// alternation unions them, and anything the reading cannot pin down
/// (`.`, a wide class, `x*`) knows nothing. Zero-width assertions
/// (`\b`, anchors, look-arounds) match the empty text, so they do not
/// break a run of literals.
///
/// Literals are ASCII-case-folded and read every ASCII digit as `0` (so
/// `\d{1,2} ?pm` is "0pm", "00 pm"… and crossing stays small); `exact` says whether the pattern
/// compares ASCII letters exactly, so a gate can check a folded hit
/// against the text. Under `(?i)`, a non-ASCII letter is unknown (ICU folds
/// it in ways bytes cannot follow), and a few non-ASCII letters fold to
/// ASCII ones (the Kelvin sign to "k", long s to "s", "ß" to "ss"): a
/// gate treats a text holding one of them as holding every literal
/// (`LiteralGate.foldsToASCII`).
struct RequiredLiterals: Sendable, Equatable {
    struct Literal: Sendable, Hashable {
        /// ASCII-case-folded bytes, digits read as `0`.
        var folded: [UInt8]
        /// The bytes as written (digits read as `0`), when ASCII letter
        /// case must match too.
        var exact: [UInt8]?
    }

    let literals: [Literal]

    /// Crossing exact sets stops beyond this many texts.
    static let crossLimit = 1024

    /// The literals of `pattern`, or nil when no useful set exists (the
    /// pattern can match without any literal, or only on very common ones).
    init?(pattern: String) {
        var reader = PatternReader(Array(pattern.unicodeScalars))
        guard let info = reader.alternation(), reader.atEnd, !reader.failed,
              let set = info.required, RequiredLiterals.isUseful(set) else { return nil }
        literals = set.sorted {
            $0.folded.count != $1.folded.count ? $0.folded.count < $1.folded.count
                : $0.folded.lexicographicallyPrecedes($1.folded) || ($0.folded == $1.folded && $0.exact == nil)
        }
    }

    init(literals: [Literal]) { self.literals = literals }

    /// A set is worth a scan when none of its texts is a single letter or
    /// space (those are in every block); a lone `%`, `$` or figure (`0`,
    /// which stands for any digit, and is missing from many blocks) is.
    static func isUseful(_ set: Set<Literal>) -> Bool {
        !set.isEmpty && set.allSatisfy { literal in
            literal.folded.count >= 2 || (literal.folded.count == 1 && !isWordOrSpace(literal.folded[0]))
        }
    }

    static func isWordOrSpace(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
            || byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x5F
    }

    /// How selective a set is: the weight of its lightest text, then
    /// fewer texts. Letters weigh 1; a figure (every digit reads as `0`),
    /// a space and common punctuation weigh less, being in most blocks; a
    /// sign such as `%`, `$` or `#` weighs more.
    static func score(_ set: Set<Literal>) -> (Double, Int) {
        (set.map { weight($0.folded) }.min() ?? 0, -set.count)
    }

    static func weight(_ bytes: [UInt8]) -> Double {
        bytes.reduce(0) { total, byte in
            switch byte {
            case 0x61...0x7A, 0x80...0xFF: return total + 1
            case 0x30: return total + 0.7
            case 0x20, 0x0A, 0x09: return total + 0.3
            case 0x2E, 0x2C, 0x2D, 0x27: return total + 0.5
            default: return total + 2
            }
        }
    }

}

/// What a piece of a pattern is known to match.
private struct PieceInfo {
    /// It matches exactly one of these texts.
    var exact: Set<RequiredLiterals.Literal>?
    /// Every match contains one of these (nil: nothing is known).
    var required: Set<RequiredLiterals.Literal>? {
        get { exact.map { set in set.contains { $0.folded.isEmpty } ? nil : set } ?? inexactRequired }
        set { inexactRequired = newValue; exact = nil }
    }
    private var inexactRequired: Set<RequiredLiterals.Literal>?

    /// A look-ahead or look-behind that must match: zero-width, but the
    /// text around the position holds what it matches.
    enum Assertion { case none, ahead, behind }
    var assertion = Assertion.none

    static let empty = PieceInfo(exact: [RequiredLiterals.Literal(folded: [], exact: [])])
    static let unknown = PieceInfo(exact: nil)

    init(exact: Set<RequiredLiterals.Literal>?) { self.exact = exact }

    static func requiring(_ set: Set<RequiredLiterals.Literal>?) -> PieceInfo {
        var info = PieceInfo.unknown
        info.required = set
        return info
    }
}

/// A recursive-descent reading of a Go pattern, only as deep as the
/// literal analysis needs. Anything it does not understand makes the whole
/// pattern "unknown" (`failed`), never a wrong set.
private struct PatternReader {
    typealias Literal = RequiredLiterals.Literal

    let chars: [Unicode.Scalar]
    var index = 0
    var foldCase = false
    var failed = false

    init(_ chars: [Unicode.Scalar]) { self.chars = chars }

    var atEnd: Bool { index >= chars.count }

    mutating func alternation() -> PieceInfo? {
        var branches: [PieceInfo] = []
        while true {
            guard let branch = concatenation() else { return nil }
            branches.append(branch)
            if !atEnd, chars[index] == "|" {
                index += 1
                continue
            }
            break
        }
        if branches.count == 1 { return branches[0] }
        if branches.allSatisfy({ $0.exact != nil }) {
            let union = branches.reduce(into: Set<Literal>()) { $0.formUnion($1.exact!) }
            if union.count <= RequiredLiterals.crossLimit { return PieceInfo(exact: union) }
        }
        var union = Set<Literal>()
        for branch in branches {
            guard let required = branch.required else { return .unknown }
            union.formUnion(required)
        }
        return .requiring(union)
    }

    mutating func concatenation() -> PieceInfo? {
        // Runs of exact pieces are crossed; a run that grows too large, or
        // an inexact piece, becomes a candidate, and the best candidate is
        // the requirement.
        var candidates: [Set<Literal>] = []
        var run: Set<Literal>? = [Literal(folded: [], exact: [])]
        var allExact = true
        func closeRun() {
            if let set = run, !set.contains(where: { $0.folded.isEmpty }) { candidates.append(set) }
            run = [Literal(folded: [], exact: [])]
        }
        // Groups with no alternation of their own, and no quantifier, are
        // read as part of this run, so a literal can cross their bounds
        // (`([A-Z.], )AL` holds ", AL"); the flags each saved.
        var inlined: [Bool] = []
        while !atEnd, chars[index] != "|" {
            if chars[index] == ")" {
                guard let saved = inlined.popLast() else { break }
                index += 1
                foldCase = saved
                continue
            }
            if chars[index] == "(", let contents = inlinableGroup(at: index) {
                inlined.append(foldCase)
                index = contents
                continue
            }
            guard let atom = atom() else { return nil }
            if atom.assertion != .none, !atEnd, "?*+{".unicodeScalars.contains(chars[index]) {
                // A quantified look-around: nothing is known of it.
                _ = quantified(.empty)
                continue
            }
            if atom.assertion == .ahead {
                // What follows the run so far: a requirement, but the run
                // goes on from before it.
                if let exact = atom.exact, let current = run, current.count * exact.count <= RequiredLiterals.crossLimit {
                    let ahead = Self.cross(current, exact)
                    if !ahead.contains(where: { $0.folded.isEmpty }) { candidates.append(ahead) }
                } else if let required = atom.required {
                    candidates.append(required)
                }
                continue
            }
            if atom.assertion == .behind {
                // What precedes the position: a new run starts with it.
                allExact = false
                closeRun()
                if let exact = atom.exact {
                    run = exact
                } else if let required = atom.required {
                    candidates.append(required)
                }
                continue
            }
            if let exact = atom.exact, !atEnd, chars[index] == "+" {
                // `x+` is one `x` and then anything: the run takes one and ends.
                index += 1
                if !atEnd, chars[index] == "?" || chars[index] == "+" { index += 1 }
                allExact = false
                if let current = run, current.count * exact.count <= RequiredLiterals.crossLimit {
                    run = Self.cross(current, exact)
                } else {
                    closeRun()
                    run = exact
                }
                closeRun()
                continue
            }
            let piece = quantified(atom)
            if failed { return nil }
            if let exact = piece.exact {
                if let current = run, current.count * exact.count <= RequiredLiterals.crossLimit {
                    run = Self.cross(current, exact)
                } else {
                    allExact = false
                    closeRun()
                    run = exact
                }
            } else {
                allExact = false
                closeRun()
                if let required = piece.required { candidates.append(required) }
            }
        }
        if allExact, let run {
            // A look-ahead's text may pin the match down better than the
            // match's own text ("Jan" before " 12").
            let exact = PieceInfo(exact: run)
            guard let ahead = candidates.filter(RequiredLiterals.isUseful)
                    .max(by: { RequiredLiterals.score($0) < RequiredLiterals.score($1) }) else { return exact }
            if let own = exact.required, RequiredLiterals.isUseful(own), RequiredLiterals.score(own) >= RequiredLiterals.score(ahead) {
                return exact
            }
            return .requiring(ahead)
        }
        closeRun()
        guard let best = candidates.filter(RequiredLiterals.isUseful).max(by: { RequiredLiterals.score($0) < RequiredLiterals.score($1) })
                ?? candidates.max(by: { RequiredLiterals.score($0) < RequiredLiterals.score($1) }) else {
            return .unknown
        }
        return .requiring(best)
    }

    /// Where the contents of the group opening at `start` begin, when it is
    /// a plain or named capturing group, or `(?:…)`, with no top-level `|`
    /// and no quantifier after it; nil otherwise.
    func inlinableGroup(at start: Int) -> Int? {
        var contents = start + 1
        if contents < chars.count, chars[contents] == "?" {
            guard contents + 1 < chars.count else { return nil }
            switch chars[contents + 1] {
            case ":":
                contents += 2
            case "P", "<":
                guard contents + 2 < chars.count, chars[contents + 2] != "=", chars[contents + 2] != "!",
                      let close = chars[contents...].firstIndex(of: ">") else { return nil }
                contents = close + 1
            default:
                return nil
            }
        }
        var i = contents
        var depth = 0
        while i < chars.count {
            switch chars[i] {
            case "\\":
                i += 2
                continue
            case "[":
                i += 1
                if i < chars.count, chars[i] == "^" { i += 1 }
                if i < chars.count, chars[i] == "]" { i += 1 }
                while i < chars.count, chars[i] != "]" {
                    if chars[i] == "\\" { i += 1 }
                    i += 1
                }
            case "(":
                depth += 1
            case ")":
                if depth == 0 {
                    let after = i + 1
                    if after < chars.count {
                        let next = chars[after]
                        if next == "?" || next == "*" || next == "+" || (next == "{" && repetition(at: after) != nil) { return nil }
                    }
                    return contents
                }
                depth -= 1
            case "|":
                if depth == 0 { return nil }
            default:
                break
            }
            i += 1
        }
        return nil
    }

    static func cross(_ a: Set<Literal>, _ b: Set<Literal>) -> Set<Literal> {
        var out = Set<Literal>()
        out.reserveCapacity(a.count * b.count)
        for x in a {
            for y in b {
                let exact: [UInt8]? = (x.exact != nil && y.exact != nil) ? x.exact! + y.exact! : nil
                out.insert(Literal(folded: x.folded + y.folded, exact: exact))
            }
        }
        return out
    }

    /// `x?`, `x*`, `x+`, `x{n,m}` (and their lazy forms) applied to an atom.
    mutating func quantified(_ atom: PieceInfo) -> PieceInfo {
        guard !atEnd else { return atom }
        var result = atom
        switch chars[index] {
        case "?":
            index += 1
            if let exact = atom.exact, exact.count < RequiredLiterals.crossLimit {
                result = PieceInfo(exact: exact.union([Literal(folded: [], exact: [])]))
            } else {
                result = .unknown
            }
        case "*":
            index += 1
            result = .unknown
        case "+":
            index += 1
            result = .requiring(atom.required)
        case "{":
            guard let (low, high, end) = repetition(at: index) else { return atom }
            index = end
            if low == 0 {
                if high == 1, let exact = atom.exact, exact.count < RequiredLiterals.crossLimit {
                    result = PieceInfo(exact: exact.union([Literal(folded: [], exact: [])]))
                } else {
                    result = .unknown
                }
            } else if low == 1 && high == 1 {
                result = atom
            } else if let exact = atom.exact, let high, high <= 4, let expanded = Self.repeated(exact, low...high) {
                result = PieceInfo(exact: expanded)
            } else {
                result = .requiring(atom.required)
            }
        default:
            return atom
        }
        // Lazy `?` or possessive `+` after a quantifier changes nothing here.
        if !atEnd, chars[index] == "?" || chars[index] == "+" { index += 1 }
        return result
    }

    /// Every text `set` repeated `counts` times, when there are few enough.
    static func repeated(_ set: Set<Literal>, _ counts: ClosedRange<Int>) -> Set<Literal>? {
        var out = Set<Literal>()
        var power: Set<Literal> = [Literal(folded: [], exact: [])]
        for count in 0...counts.upperBound {
            if count >= counts.lowerBound { out.formUnion(power) }
            guard count < counts.upperBound else { break }
            guard power.count * set.count <= RequiredLiterals.crossLimit else { return nil }
            power = cross(power, set)
        }
        return out.count <= RequiredLiterals.crossLimit ? out : nil
    }

    /// `{n}`, `{n,}`, `{n,m}` at `start`: bounds and the index after the
    /// brace; nil when the brace is a literal (Go reads it so).
    func repetition(at start: Int) -> (Int, Int?, Int)? {
        var i = start + 1
        func number() -> Int? {
            var value = 0
            var digits = 0
            while i < chars.count, ("0"..."9").contains(chars[i]) {
                value = value * 10 + Int(chars[i].value - 0x30)
                digits += 1
                i += 1
            }
            return digits > 0 ? value : nil
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if i < chars.count, chars[i] == "," {
            i += 1
            high = number()
        }
        guard i < chars.count, chars[i] == "}" else { return nil }
        return (low, high, i + 1)
    }

    mutating func atom() -> PieceInfo? {
        let c = chars[index]
        switch c {
        case "(":
            return group()
        case "[":
            return characterClass()
        case ".":
            index += 1
            return .unknown
        case "^", "$":
            index += 1
            return .empty
        case "\\":
            return escape()
        case "*", "+", "?":
            failed = true
            return nil
        case "{":
            // A brace that is not a repetition is a literal in Go.
            index += 1
            return literal(c)
        default:
            index += 1
            return literal(c)
        }
    }

    func literal(_ scalar: Unicode.Scalar) -> PieceInfo {
        if scalar.isASCII {
            let byte = PhraseMatcher.foldDigit(UInt8(scalar.value))
            let folded = TextScalars.foldASCII(byte)
            let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            return PieceInfo(exact: [Literal(folded: [folded], exact: foldCase && isLetter ? nil : [byte])])
        }
        // Under (?i), ICU folds non-ASCII letters in ways bytes cannot follow.
        if foldCase && (scalar.properties.changesWhenCaseFolded || scalar.properties.changesWhenCaseMapped) {
            return .unknown
        }
        let bytes = Array(String(scalar).utf8)
        return PieceInfo(exact: [Literal(folded: bytes, exact: bytes)])
    }

    mutating func group() -> PieceInfo? {
        index += 1  // (
        let savedFold = foldCase
        var zeroWidth = false
        var assertion = PieceInfo.Assertion.none
        if index < chars.count, chars[index] == "?" {
            index += 1
            guard index < chars.count else { failed = true; return nil }
            switch chars[index] {
            case ":":
                index += 1
            case "=", "!":
                assertion = chars[index] == "=" ? .ahead : .none
                index += 1
                zeroWidth = true
            case "<" where index + 1 < chars.count && (chars[index + 1] == "=" || chars[index + 1] == "!"):
                assertion = chars[index + 1] == "=" ? .behind : .none
                index += 2
                zeroWidth = true
            case "P", "<", "'":
                // A named group: skip the name.
                guard let close = chars[index...].firstIndex(where: { $0 == ">" || $0 == "'" }) else { failed = true; return nil }
                if chars[index] == "P", index + 1 < chars.count, chars[index + 1] == "=" {
                    failed = true  // a backreference by name
                    return nil
                }
                index = close + 1
            case ">":
                index += 1
            default:
                // Flags: `(?i)` for the rest of the enclosing group, or `(?i:…)`.
                var on = true
                var flags = foldCase
                while index < chars.count, chars[index] != ")" && chars[index] != ":" {
                    switch chars[index] {
                    case "-": on = false
                    case "i": flags = on
                    case "m", "s", "U": break
                    default:
                        failed = true  // (?x) and others change how the rest reads
                        return nil
                    }
                    index += 1
                }
                guard index < chars.count else { failed = true; return nil }
                if chars[index] == ")" {
                    index += 1
                    foldCase = flags
                    return .empty
                }
                index += 1  // :
                foldCase = flags
            }
        }
        guard let inner = alternation(), index < chars.count, chars[index] == ")" else {
            failed = true
            return nil
        }
        index += 1
        foldCase = savedFold
        guard zeroWidth else { return inner }
        guard assertion != .none else { return .empty }
        var asserted = inner
        asserted.assertion = assertion
        return asserted
    }

    mutating func escape() -> PieceInfo? {
        guard index + 1 < chars.count else { failed = true; return nil }
        let n = chars[index + 1]
        index += 2
        switch n {
        case "b", "B", "A", "z", "Z", "G":
            return .empty
        case "d":
            return PieceInfo(exact: [Literal(folded: [0x30], exact: [0x30])])
        case "D", "w", "W", "s", "S", "C", "X", "R":
            return .unknown
        case "p", "P":
            if index < chars.count, chars[index] == "{" {
                guard let close = chars[index...].firstIndex(of: "}") else { failed = true; return nil }
                index = close + 1
            } else {
                index += 1
            }
            return .unknown
        case "Q":
            var run = PieceInfo.empty
            while index < chars.count {
                if chars[index] == "\\", index + 1 < chars.count, chars[index + 1] == "E" {
                    index += 2
                    break
                }
                let piece = literal(chars[index])
                index += 1
                guard let a = run.exact, let b = piece.exact else { return .unknown }
                run = PieceInfo(exact: Self.cross(a, b))
            }
            return run
        case "n": return literal("\n")
        case "t": return literal("\t")
        case "r": return literal("\r")
        case "f": return literal("\u{0C}")
        case "v": return literal("\u{0B}")
        case "a": return literal("\u{07}")
        case "e": return literal("\u{1B}")
        case "x":
            var digits = ""
            if index < chars.count, chars[index] == "{" {
                guard let close = chars[index...].firstIndex(of: "}") else { failed = true; return nil }
                digits = String(String.UnicodeScalarView(chars[(index + 1)..<close]))
                index = close + 1
            } else {
                guard index + 2 <= chars.count else { failed = true; return nil }
                digits = String(String.UnicodeScalarView(chars[index..<(index + 2)]))
                index += 2
            }
            guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else { failed = true; return nil }
            return literal(scalar)
        default:
            if n.isASCII, n.properties.isAlphabetic || ("0"..."9").contains(n) {
                // Backreferences, octal escapes and the rest: not read.
                return .unknown
            }
            return literal(n)
        }
    }

    /// A bracketed class: a few ASCII characters become an exact set;
    /// anything wider or negated is unknown.
    mutating func characterClass() -> PieceInfo? {
        index += 1  // [
        var negated = false
        if index < chars.count, chars[index] == "^" {
            negated = true
            index += 1
        }
        var members = Set<UInt8>()
        var wide = false
        var first = true
        while index < chars.count {
            var c = chars[index]
            if c == "]" && !first { break }
            first = false
            if c == "[", index + 1 < chars.count, chars[index + 1] == ":" {
                guard let close = (index..<(chars.count - 1)).first(where: { chars[$0] == ":" && chars[$0 + 1] == "]" && $0 > index + 1 })
                else { failed = true; return nil }
                index = close + 2
                wide = true
                continue
            }
            if c == "\\" {
                guard index + 1 < chars.count else { failed = true; return nil }
                let n = chars[index + 1]
                index += 2
                if n.isASCII && (n.properties.isAlphabetic || ("0"..."9").contains(n)) {
                    switch n {
                    case "n": c = "\n"
                    case "t": c = "\t"
                    case "r": c = "\r"
                    case "f": c = "\u{0C}"
                    case "v": c = "\u{0B}"
                    case "d": members.formUnion(0x30...0x39); continue
                    case "p", "P":
                        if index < chars.count, chars[index] == "{",
                           let close = chars[index...].firstIndex(of: "}") { index = close + 1 } else { index += 1 }
                        wide = true
                        continue
                    case "x":
                        if index < chars.count, chars[index] == "{",
                           let close = chars[index...].firstIndex(of: "}") { index = close + 1 } else { index += 2 }
                        wide = true
                        continue
                    default:
                        wide = true
                        continue
                    }
                } else {
                    c = n
                }
            } else {
                index += 1
            }
            // A range `a-z`.
            if index + 1 < chars.count, chars[index] == "-", chars[index + 1] != "]" {
                var high = chars[index + 1]
                index += 2
                if high == "\\", index < chars.count {
                    high = chars[index]
                    index += 1
                }
                if c.isASCII, high.isASCII, high.value >= c.value, high.value - c.value < 128 {
                    for value in c.value...high.value { members.insert(UInt8(value)) }
                } else {
                    wide = true
                }
                continue
            }
            if c.isASCII { members.insert(UInt8(c.value)) } else { wide = true }
        }
        guard index < chars.count else { failed = true; return nil }
        index += 1  // ]
        if negated || wide { return .unknown }
        // Each folded byte once: without an exact form when the class
        // holds both cases of a letter, or under (?i).
        var exactByFolded: [UInt8: [UInt8]?] = [:]
        for member in members {
            let byte = PhraseMatcher.foldDigit(member)
            let folded = TextScalars.foldASCII(byte)
            let isLetter = folded >= 0x61 && folded <= 0x7A
            if let seen = exactByFolded[folded] {
                if seen != [byte] { exactByFolded[folded] = .some(nil) }
            } else {
                exactByFolded[folded] = isLetter && foldCase ? .some(nil) : [byte]
            }
            if exactByFolded.count > 12 { return .unknown }
        }
        return PieceInfo(exact: Set(exactByFolded.map { Literal(folded: [$0.key], exact: $0.value) }))
    }
}
