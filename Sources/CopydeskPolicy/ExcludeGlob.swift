/// Path globs for `exclude`: `*` and `?` match within one path segment,
/// `[abc]`, `[a-z]` and `[!abc]` match one character of a class, a segment
/// `**` matches any number of segments (none included), and `\` takes the
/// next character literally.
struct ExcludeGlob: Sendable, Hashable {
    private let segments: [[Unicode.Scalar]]

    init(_ pattern: String) {
        segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
    }

    func matches(_ path: String) -> Bool {
        let pathSegments = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
        return matchSegments(segments[...], pathSegments[...])
    }

    private func matchSegments(_ pattern: ArraySlice<[Unicode.Scalar]>, _ path: ArraySlice<[Unicode.Scalar]>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == ["*", "*"] {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if matchSegments(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, Self.matchSegment(first[...], segment[...]) else { return false }
        return matchSegments(pattern.dropFirst(), path.dropFirst())
    }

    private static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ text: ArraySlice<Unicode.Scalar>) -> Bool {
        var patternIndex = pattern.startIndex
        var textIndex = text.startIndex
        // Where to resume after the last `*` when a later part fails to match.
        var starPattern: Int?
        var starText = text.startIndex
        while textIndex < text.endIndex {
            if patternIndex < pattern.endIndex {
                let token = pattern[patternIndex]
                if token == "*" {
                    starPattern = patternIndex
                    starText = textIndex
                    patternIndex += 1
                    continue
                }
                if let next = matchOne(pattern, at: patternIndex, text[textIndex]) {
                    patternIndex = next
                    textIndex += 1
                    continue
                }
            }
            guard let star = starPattern else { return false }
            patternIndex = star + 1
            starText += 1
            textIndex = starText
        }
        while patternIndex < pattern.endIndex, pattern[patternIndex] == "*" { patternIndex += 1 }
        return patternIndex == pattern.endIndex
    }

    /// Matches one character against the token at `index`; returns the
    /// index after the token, or nil.
    private static func matchOne(_ pattern: ArraySlice<Unicode.Scalar>, at index: Int, _ character: Unicode.Scalar) -> Int? {
        switch pattern[index] {
        case "?":
            return index + 1
        case "\\" where index + 1 < pattern.endIndex:
            return pattern[index + 1] == character ? index + 2 : nil
        case "[":
            guard let close = classEnd(pattern, from: index) else {
                return character == "[" ? index + 1 : nil
            }
            var cursor = index + 1
            let negated = pattern[cursor] == "!" || pattern[cursor] == "^"
            if negated { cursor += 1 }
            var found = false
            while cursor < close {
                if cursor + 2 < close, pattern[cursor + 1] == "-" {
                    if pattern[cursor] <= character && character <= pattern[cursor + 2] { found = true }
                    cursor += 3
                } else {
                    if pattern[cursor] == character { found = true }
                    cursor += 1
                }
            }
            return found != negated ? close + 1 : nil
        default:
            return pattern[index] == character ? index + 1 : nil
        }
    }

    /// The index of the `]` closing a class that opens at `index`; a `]`
    /// right after the opening (or after `!`) belongs to the class.
    private static func classEnd(_ pattern: ArraySlice<Unicode.Scalar>, from index: Int) -> Int? {
        var cursor = index + 1
        if cursor < pattern.endIndex, pattern[cursor] == "!" || pattern[cursor] == "^" { cursor += 1 }
        if cursor < pattern.endIndex, pattern[cursor] == "]" { cursor += 1 }
        while cursor < pattern.endIndex {
            if pattern[cursor] == "]" { return cursor }
            cursor += 1
        }
        return nil
    }
}

extension Policy {
    /// Whether one of the `exclude` globs matches the article, by its path
    /// relative to the policy's directory (the working directory for an
    /// embedded pack).
    public func excludes(articlePath: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let relative = PolicyPaths.relative(articlePath, to: directory ?? ".")
        return exclude.contains { ExcludeGlob($0).matches(relative) }
    }
}
