/// A legal notice a policy defines: its approved wording, when an article
/// must carry it, where it must stand, and when it must not appear. The
/// `legal-notice` rule checks articles against these.
public struct Notice: Sendable, Hashable {
    /// Where in the article the notice must stand.
    public enum Placement: String, Sendable, Hashable, CaseIterable {
        /// The last thing in the article: only other notices and page
        /// furniture may follow it.
        case end
        /// After the last paragraph of the body; author cards and other
        /// notices may follow it.
        case afterBody = "after-body"
        /// Before the first paragraph of the body, after the headline and byline.
        case beforeBody = "before-body"
        case anywhere
    }

    /// When an article must carry the notice.
    public enum Requirement: Sendable, Hashable {
        case always
        /// The notice is never required; it is still checked where it appears.
        case never
        /// When any of the conditions holds.
        case when([NoticeCondition])
    }

    /// How articles and waivers name the notice (`copydesk: {waive: {ID: reason}}`).
    public var id: String
    /// The approved wording; paragraphs are separated by blank lines.
    public var text: String
    /// Whether letter case must match too; white space, quotation marks
    /// and dashes never need to.
    public var caseSensitive: Bool
    public var required: Requirement
    public var placement: Placement
    /// The notice must not appear when any of these holds.
    public var forbiddenWhen: [NoticeCondition]
    /// Where the notice was defined (the last file in the extends chain that defined it).
    public var location: PolicyLocation?

    public init(id: String, text: String, caseSensitive: Bool = false, required: Requirement,
                placement: Placement = .anywhere, forbiddenWhen: [NoticeCondition] = [],
                location: PolicyLocation? = nil) {
        self.id = id
        self.text = text
        self.caseSensitive = caseSensitive
        self.required = required
        self.placement = placement
        self.forbiddenWhen = forbiddenWhen
        self.location = location
    }

    /// The approved wording's paragraphs, without surrounding white space.
    ///
    /// Lines are read from the UTF-8 bytes, not as Characters: splitting a
    /// thousand notices by Character was most of what building
    /// duplicate-paragraph cost. The lines are the same: a line feed is a
    /// Character of its own except after a carriage return, where the pair
    /// is one Character and no line break to `split`.
    public var paragraphs: [String] {
        var paragraphs: [String] = []
        let bytes = Array(text.utf8)
        // The bytes of the paragraph so far, from its first line's start to
        // its last line's end; a blank line ends it.
        var paragraph: Range<Int>?
        var lineStart = 0
        var blank = true
        func endLine(at end: Int) {
            if blank {
                if let range = paragraph { paragraphs.append(String(decoding: bytes[range], as: UTF8.self)) }
                paragraph = nil
            } else {
                paragraph = (paragraph?.lowerBound ?? lineStart)..<end
            }
        }
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x0A && !(index > 0 && bytes[index - 1] == 0x0D) {
                endLine(at: index)
                lineStart = index + 1
                blank = true
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                blank = false
            }
        }
        endLine(at: bytes.count)
        if let range = paragraph { paragraphs.append(String(decoding: bytes[range], as: UTF8.self)) }
        return paragraphs
    }
}

/// A test on an article. Every part it gives must hold; `mentions` and
/// `patterns` together are one part (the article mentions any of the terms
/// or matches any of the patterns).
public struct NoticeCondition: Sendable, Hashable {
    /// A front-matter field and the values that make it match.
    public struct FieldTest: Sendable, Hashable {
        public enum Match: Sendable, Hashable {
            /// The field has one of these values.
            case anyOf([String])
            /// The field is set, to none of these values.
            case noneOf([String])
        }

        public var field: String
        public var match: Match

        public init(field: String, match: Match) {
            self.field = field
            self.match = match
        }
    }

    /// Terms matched as whole words, ignoring ASCII case.
    public var mentions: [String]
    /// Regular expressions (ICU syntax, as `NSRegularExpression` reads them),
    /// matched against each paragraph.
    public var patterns: [String]
    public var frontMatter: [FieldTest]
    /// Wire services, one of which the byline or dateline must credit.
    public var wire: [String]

    public init(mentions: [String] = [], patterns: [String] = [], frontMatter: [FieldTest] = [], wire: [String] = []) {
        self.mentions = mentions
        self.patterns = patterns
        self.frontMatter = frontMatter
        self.wire = wire
    }

    public var isEmpty: Bool { mentions.isEmpty && patterns.isEmpty && frontMatter.isEmpty && wire.isEmpty }
}
