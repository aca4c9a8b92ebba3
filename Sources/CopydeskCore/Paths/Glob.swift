/// A shell-style path pattern, as `--exclude` and a policy's `exclude` take:
///
/// - `*` matches any run of characters within one path segment,
/// - `?` matches one character other than `/`,
/// - `[abc]`, `[a-z]`, `[!a-z]` (or `[^a-z]`) match one character of a class,
/// - `**` as a whole segment matches any number of segments, none included,
/// - `\` makes the next character literal.
///
/// A pattern without a `/` names a file or directory at any depth
/// (`*.draft.md`, `archive`), as in `.gitignore`. A pattern matches a path
/// when it matches the path itself or one of the directories leading to it,
/// so `archive/2019` excludes everything below that directory.
///
/// Matching works on UTF-8 bytes; a character class compares whole Unicode
/// scalars.
package struct Glob: Sendable, Hashable, CustomStringConvertible {
    enum Token: Sendable, Hashable {
        case byte(UInt8)
        /// `*`: any bytes except `/`.
        case star
        /// `?`: one scalar except `/`.
        case anyScalar
        case scalarClass(ranges: [ClosedRange<UInt32>], negated: Bool)
        /// `**/`: nothing, or any number of whole segments each with its `/`.
        case anySegments
        /// A trailing `**`: everything that is left.
        case anyRest
    }

    /// The pattern as written.
    package let pattern: String
    let tokens: [Token]

    package init(_ pattern: String) {
        self.pattern = pattern
        var body = Substring(pattern)
        while body.hasPrefix("./") { body = body.dropFirst(2) }
        if body.hasPrefix("/") { body = body.dropFirst() }
        while body.count > 1 && body.hasSuffix("/") { body = body.dropLast() }
        let anchored = body.contains("/")
        var tokens = anchored ? [] : [Token.anySegments]
        tokens.append(contentsOf: Glob.compile(Array(body.unicodeScalars)))
        self.tokens = tokens
    }

    package var description: String { pattern }

    /// What is wrong with `pattern`, or nil when it is a valid glob: an
    /// empty pattern, a `[` that is never closed and a trailing lone `\`
    /// match nothing like what their author meant.
    package static func problem(in pattern: String) -> String? {
        if pattern.isEmpty { return "the glob is empty; give a pattern such as drafts/** or *.tmp.md" }
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                if index + 1 == scalars.count {
                    return "the glob ends with a lone \\; remove it, or write \\\\ for a backslash"
                }
                index += 2
            case "[":
                guard let (_, next) = compileClass(scalars, from: index) else {
                    return "the [ at character \(index + 1) is never closed; close the class with ], or write \\[ for a bracket"
                }
                index = next
            default:
                index += 1
            }
        }
        return nil
    }

    /// Whether the pattern matches `path` (relative, `/`-separated) or any
    /// directory on the way to it.
    package func matches(_ path: String) -> Bool {
        let bytes = Array(Glob.normalized(path).utf8)
        if matchesWhole(bytes) { return true }
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/") && index > 0 && matchesWhole(Array(bytes[..<index])) {
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether the pattern matches all of `path`, not just a leading directory.
    package func matchesExactly(_ path: String) -> Bool {
        matchesWhole(Array(Glob.normalized(path).utf8))
    }

    private static func normalized(_ path: String) -> Substring {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        return trimmed
    }

    private static func compile(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        func atSegmentStart(_ position: Int) -> Bool { position == 0 || scalars[position - 1] == "/" }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "*":
                var end = index
                while end < scalars.count && scalars[end] == "*" { end += 1 }
                let isDoubleStar = end - index >= 2
                if isDoubleStar && atSegmentStart(index) && end < scalars.count && scalars[end] == "/" {
                    tokens.append(.anySegments)
                    index = end + 1
                } else if isDoubleStar && atSegmentStart(index) && end == scalars.count {
                    tokens.append(.anyRest)
                    index = end
                } else {
                    // `a**b` is not a segment of its own: it means what `*` means.
                    tokens.append(.star)
                    index = end
                }
            case "?":
                tokens.append(.anyScalar)
                index += 1
            case "[":
                if let (token, next) = compileClass(scalars, from: index) {
                    tokens.append(token)
                    index = next
                } else {
                    // An unclosed `[` is an ordinary character.
                    tokens.append(.byte(UInt8(ascii: "[")))
                    index += 1
                }
            case "\\" where index + 1 < scalars.count:
                tokens.append(contentsOf: String(scalars[index + 1]).utf8.map(Token.byte))
                index += 2
            default:
                tokens.append(contentsOf: String(scalar).utf8.map(Token.byte))
                index += 1
            }
        }
        return tokens
    }

    /// Reads `[...]` starting at `start`; nil if it is not closed.
    private static func compileClass(_ scalars: [Unicode.Scalar], from start: Int) -> (Token, Int)? {
        var index = start + 1
        var negated = false
        if index < scalars.count && (scalars[index] == "!" || scalars[index] == "^") {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while index < scalars.count {
            var scalar = scalars[index]
            // `]` right after the opening (or `!`) is a member, not the end.
            if scalar == "]" && !first { return (.scalarClass(ranges: ranges, negated: negated), index + 1) }
            first = false
            if scalar == "\\" && index + 1 < scalars.count {
                index += 1
                scalar = scalars[index]
            }
            if index + 2 < scalars.count && scalars[index + 1] == "-" && scalars[index + 2] != "]" {
                let upper = scalars[index + 2]
                ranges.append(min(scalar.value, upper.value)...max(scalar.value, upper.value))
                index += 3
            } else {
                ranges.append(scalar.value...scalar.value)
                index += 1
            }
        }
        return nil
    }

    private func matchesWhole(_ path: [UInt8]) -> Bool {
        var failed = Set<Int>()
        return match(token: 0, at: 0, in: path, failed: &failed)
    }

    /// Backtracking matcher; `failed` remembers (token, offset) pairs already
    /// known not to match, which keeps patterns like `**/**/*` linear-ish.
    private func match(token tokenIndex: Int, at offset: Int, in path: [UInt8], failed: inout Set<Int>) -> Bool {
        let key = tokenIndex &* (path.count + 1) &+ offset
        if failed.contains(key) { return false }
        let result = matchUncached(token: tokenIndex, at: offset, in: path, failed: &failed)
        if !result { failed.insert(key) }
        return result
    }

    private func matchUncached(token tokenIndex: Int, at offset: Int, in path: [UInt8], failed: inout Set<Int>) -> Bool {
        guard tokenIndex < tokens.count else { return offset == path.count }
        let slash = UInt8(ascii: "/")
        switch tokens[tokenIndex] {
        case .byte(let byte):
            return offset < path.count && path[offset] == byte
                && match(token: tokenIndex + 1, at: offset + 1, in: path, failed: &failed)
        case .star:
            var end = offset
            while true {
                if match(token: tokenIndex + 1, at: end, in: path, failed: &failed) { return true }
                if end >= path.count || path[end] == slash { return false }
                end += 1
            }
        case .anyScalar:
            guard offset < path.count, path[offset] != slash else { return false }
            return match(token: tokenIndex + 1, at: offset + Glob.scalarLength(path, at: offset), in: path, failed: &failed)
        case .scalarClass(let ranges, let negated):
            guard offset < path.count, path[offset] != slash else { return false }
            let length = Glob.scalarLength(path, at: offset)
            let value = String(decoding: path[offset..<offset + length], as: UTF8.self).unicodeScalars.first?.value ?? 0
            guard ranges.contains(where: { $0.contains(value) }) != negated else { return false }
            return match(token: tokenIndex + 1, at: offset + length, in: path, failed: &failed)
        case .anySegments:
            if match(token: tokenIndex + 1, at: offset, in: path, failed: &failed) { return true }
            var index = offset
            while index < path.count {
                if path[index] == slash && index > offset
                    && match(token: tokenIndex + 1, at: index + 1, in: path, failed: &failed) {
                    return true
                }
                index += 1
            }
            return false
        case .anyRest:
            return offset < path.count
        }
    }

    private static func scalarLength(_ bytes: [UInt8], at offset: Int) -> Int {
        UTF8Scalars.decode(bytes, at: offset, end: bytes.count).length
    }
}
