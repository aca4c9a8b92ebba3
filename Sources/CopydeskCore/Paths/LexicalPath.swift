/// Path arithmetic on the text of a path, with no symbolic links resolved,
/// so that paths in messages read as the user wrote them. Shared by the
/// engine (articles) and the policy loader (policy files).
package enum LexicalPath {
    /// The path without `.` segments, empty segments, or `..` segments that
    /// can be folded into the segment before them.
    package static func normalized(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".":
                continue
            case "..":
                if let last = segments.last, last != ".." {
                    segments.removeLast()
                } else if !isAbsolute {
                    segments.append(segment)
                }
            default:
                segments.append(segment)
            }
        }
        let joined = segments.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
