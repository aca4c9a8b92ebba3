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
    var fingerprint: TextFingerprint
    /// Set for an alt text; a block's text is read from the document only
    /// for the messages of the few texts that repeat. Out of line: an
    /// article's every paragraph is one of these, and none has an alt text.
    private var altTextStorage: OutOfLine<Span>?
    private var altText: Span? { altTextStorage?.value }

    init(altText: Span, image index: Int) {
        role = .altText
        blockIndex = index
        altTextStorage = OutOfLine(altText)
        fingerprint = TextFingerprint(Array(altText.text.utf8))
    }

    init(role: Role, block index: Int, in document: Document) {
        self.role = role
        blockIndex = index
        fingerprint = TextFingerprint(document.blocks[index].content.utf8)
    }

    func text(in document: Document) -> String {
        altText?.text ?? document.blocks[blockIndex].text
    }

    /// The visible text in the source, markup left out.
    func range(in document: Document) -> SourceRange {
        if let altText { return altText.range }
        let block = document.blocks[blockIndex]
        return block.content.isEmpty
            ? block.range : document.source.range(block.content.sourceRange(0..<block.content.count))
    }

    /// The similarity option both rules take.
    static let similarityOption = OptionSpec(
        "similarity", .number(0...1), default: .number(0.9),
        "How alike two texts must be to count as a repeat: the share of their three-word sequences "
            + "they have in common (case, punctuation and spacing ignored); 1 reports only exact repeats.")

    /// The start of a text, on one line, for a message.
    ///
    /// Reads only as far as the excerpt goes: a message for a repeated
    /// 5,000-word paragraph needs its first few words, and flattening all of
    /// it for each repeat made an article that repeats itself slow.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        var flat = ""
        var count = 0
        var pendingSpace = false
        for character in text {
            if character == "\n" || character == "\t" || character == " " {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                flat.append(" ")
                count += 1
                pendingSpace = false
            }
            flat.append(character)
            count += 1
            if count > limit { break }
        }
        guard count > limit else { return flat }
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
        let line = "line \(first.range(in: document).start.line)"
        return adjacent && first.blockIndex != repeated.blockIndex ? "just above it (\(line))" : "at \(line)"
    }
}
