/// Many globs matched as one: a path is tested against every glob in time
/// that does not grow with their number for the shapes exclude lists are
/// made of (a file or folder name anywhere, `*.ext` anywhere, a path, a
/// folder and everything under it); other globs are tried one by one. It
/// answers exactly as `globs.contains { $0.matches(path) }`.
package struct GlobSet: Sendable {
    /// Anchored globs without wildcards: `news/2019/a.md`.
    private var paths: Set<[UInt8]> = []
    /// Unanchored globs without wildcards: `archive`, `notes.md`.
    private var names: Set<[UInt8]> = []
    /// Unanchored `*SUFFIX` globs, by suffix length: `*.draft.md`.
    private var nameSuffixes: [Int: Set<[UInt8]>] = [:]
    /// Anchored `FOLDER/**` globs, each with its trailing `/`.
    private var folderContents: Set<[UInt8]> = []
    private var others: [Glob] = []

    package let isEmpty: Bool

    package init(_ globs: [Glob]) {
        isEmpty = globs.isEmpty
        for glob in globs {
            let tokens = glob.tokens
            if let literal = Self.literal(tokens[...]) {
                paths.insert(literal)
            } else if tokens.first == .anySegments, let literal = Self.literal(tokens.dropFirst()),
                      !literal.contains(UInt8(ascii: "/")) {
                names.insert(literal)
            } else if tokens.count >= 2, tokens[0] == .anySegments, tokens[1] == .star,
                      let suffix = Self.literal(tokens.dropFirst(2)), !suffix.contains(UInt8(ascii: "/")) {
                nameSuffixes[suffix.count, default: []].insert(suffix)
            } else if tokens.last == .anyRest, let folder = Self.literal(tokens.dropLast()),
                      folder.last == UInt8(ascii: "/") {
                folderContents.insert(folder)
            } else {
                others.append(glob)
            }
        }
    }

    /// The bytes of tokens that are all literal; nil if any is a wildcard.
    private static func literal(_ tokens: ArraySlice<Glob.Token>) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tokens.count)
        for token in tokens {
            guard case .byte(let byte) = token else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// Whether any glob matches `path` or a directory on the way to it.
    package func matches(_ path: String) -> Bool {
        guard !isEmpty else { return false }
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        let bytes = Array(trimmed.utf8)
        let slash = UInt8(ascii: "/")
        // The path itself and each directory leading to it, as a glob is tried.
        var ends: [Int] = []
        for index in bytes.indices where bytes[index] == slash && index > 0 { ends.append(index) }
        ends.append(bytes.count)
        var segmentStart = 0
        for end in ends {
            let candidate = bytes[..<end]
            if !paths.isEmpty && paths.contains(Array(candidate)) { return true }
            // A slash at the very start is not a segment boundary for `**/`,
            // so a candidate that holds one has no name to match.
            let segment = bytes[segmentStart..<end]
            let hasName = segmentStart > 0 || !segment.contains(slash)
            if hasName {
                if !names.isEmpty && names.contains(Array(segment)) { return true }
                for (length, suffixes) in nameSuffixes where segment.count >= length {
                    if suffixes.contains(Array(segment.suffix(length))) { return true }
                }
            }
            if end + 1 < bytes.count, !folderContents.isEmpty, folderContents.contains(Array(bytes[...end])) { return true }
            segmentStart = end + 1
        }
        return others.contains { $0.matches(path) }
    }
}
