/// A run of plain characters every match of a pattern must contain, found
/// by reading the pattern; a block without it cannot match, so the regex
/// engine is not started on it.
struct LiteralPrefilter: Sendable {
    let literal: [UInt8]
    let foldCase: Bool

    /// Only the top level of the pattern is read: groups, classes and
    /// anything under a `?`/`*`/`{0,…}` quantifier may be absent, and a
    /// top-level `|` means no single literal is required.
    init?(pattern: String) {
        var chars = Array(pattern.unicodeScalars)[...]
        var fold = false
        while chars.starts(with: "(?".unicodeScalars), let close = chars.firstIndex(of: ")") {
            let flags = String(String.UnicodeScalarView(chars[(chars.startIndex + 2)..<close]))
            guard !flags.isEmpty, flags.unicodeScalars.allSatisfy({ "imsU".unicodeScalars.contains($0) }) else { break }
            if flags.contains("i") { fold = true }
            chars = chars[(close + 1)...]
        }
        var runs: [[UInt8]] = []
        var current: [UInt8] = []
        var depth = 0
        var inClass = false
        var index = chars.startIndex
        func endRun() {
            if !current.isEmpty { runs.append(current) }
            current = []
        }
        func optionalNext(_ i: Int) -> Bool {
            guard i < chars.endIndex else { return false }
            let q = chars[i]
            return q == "?" || q == "*" || (q == "{" && i + 1 < chars.endIndex && chars[i + 1] == "0")
        }
        while index < chars.endIndex {
            let c = chars[index]
            if inClass {
                if c == "\\" { index += 2; continue }
                if c == "]" { inClass = false }
                index += 1
                continue
            }
            switch c {
            case "\\":
                guard index + 1 < chars.endIndex else { return nil }
                let n = chars[index + 1]
                let literal = n.isASCII && !(("a"..."z").contains(n) || ("A"..."Z").contains(n) || ("0"..."9").contains(n))
                if depth == 0 && literal && !optionalNext(index + 2) {
                    current.append(UInt8(n.value))
                } else {
                    endRun()
                }
                index += 2
                continue
            case "(":
                // A flag group past the start ("foo(?i)bar") changes how the
                // rest reads: no prefilter.
                if index + 1 < chars.endIndex, chars[index + 1] == "?",
                   let close = chars[index...].firstIndex(of: ")"),
                   chars[(index + 2)..<close].allSatisfy({ "imsU-".unicodeScalars.contains($0) }) {
                    return nil
                }
                depth += 1
                endRun()
            case ")": depth -= 1; endRun()
            case "[": inClass = true; endRun()
            case "|": if depth == 0 { return nil }
            case "{":
                // A repetition's bounds ({1,3}) are not text the match holds.
                endRun()
                if let close = chars[index...].firstIndex(of: "}") {
                    index = close + 1
                    continue
                }
            case ".", "^", "$", "+", "*", "?", "}": endRun()
            default:
                if depth == 0 && c.isASCII && !optionalNext(index + 1) {
                    current.append(UInt8(c.value))
                } else {
                    if depth == 0 && optionalNext(index + 1) { endRun() }
                    if depth == 0 && !c.isASCII { endRun() }
                }
            }
            index += 1
        }
        endRun()
        guard let best = runs.max(by: { $0.count < $1.count }), best.count >= 3 else { return nil }
        literal = fold ? best.map(LiteralPrefilter.fold) : best
        foldCase = fold
    }

    static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    func mayMatch(_ bytes: [UInt8]) -> Bool {
        let n = literal.count
        guard bytes.count >= n else { return false }
        let first = literal[0]
        var i = 0
        let last = bytes.count - n
        while i <= last {
            let b = foldCase ? Self.fold(bytes[i]) : bytes[i]
            if b == first {
                var j = 1
                while j < n && (foldCase ? Self.fold(bytes[i + j]) : bytes[i + j]) == literal[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
