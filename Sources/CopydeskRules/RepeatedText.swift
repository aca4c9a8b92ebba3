import CopydeskCore
import CopydeskPolicy

/// What caption-duplication and duplicate-paragraph share: one piece of
/// text (a caption, an alt text, a paragraph), its fingerprint for
/// `NearDuplicates`, and the words their messages use.
struct RepeatedText {
    enum Role {
        case caption
        case altText
        case paragraph

        var name: String {
            switch self {
            case .caption: return "caption"
            case .altText: return "alt text"
            case .paragraph: return "paragraph"
            }
        }
    }

    var role: Role
    var blockIndex: Int
    var text: String
    /// The visible text in the source, markup left out.
    var range: SourceRange
    var fingerprint: TextFingerprint

    init(role: Role, blockIndex: Int, text: String, range: SourceRange) {
        self.role = role
        self.blockIndex = blockIndex
        self.text = text
        self.range = range
        fingerprint = TextFingerprint(text.utf8)
    }

    /// A block's visible text, placed where it stands in the source.
    init(role: Role, block index: Int, in document: Document) {
        let block = document.blocks[index]
        let range = block.content.isEmpty
            ? block.range : document.source.range(block.content.sourceRange(0..<block.content.count))
        self.init(role: role, blockIndex: index, text: block.text, range: range)
    }

    /// The similarity option both rules take.
    static let similarityOption = OptionSpec(
        "similarity", .number(0...1), default: .number(0.9),
        "How alike two texts must be to count as a repeat: the share of their three-word sequences "
            + "they have in common (case, punctuation and spacing ignored); 1 reports only exact repeats.")

    /// The start of a text, on one line, for a message.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == " " }).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit - 1)) + "…"
    }

    /// "repeats" for the same words, "nearly repeats (93% the same
    /// wording)" for a near-duplicate.
    static func verb(_ similarity: Double) -> String {
        guard similarity < 0.9999 else { return "repeats" }
        let percent = min(99, Int((similarity * 100).rounded(.down)))
        return "nearly repeats (\(percent)% the same wording)"
    }

    /// Where the first occurrence stands, seen from the repeat: "just above"
    /// when nothing but page furniture separates them.
    static func place(of first: RepeatedText, before repeated: RepeatedText, in document: Document) -> String {
        let between = document.blocks[(first.blockIndex + 1)..<max(first.blockIndex + 1, repeated.blockIndex)]
        let adjacent = between.allSatisfy { $0.kind == .chrome || $0.kind == .image }
        let line = "line \(first.range.start.line)"
        return adjacent && first.blockIndex != repeated.blockIndex ? "just above it (\(line))" : "at \(line)"
    }
}
