/// The input formats copydesk reads. The extension picks one; the CLI's
/// `--input-format` overrides it.
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    case text
    case markdown
    case html

    /// The extensions copydesk reads, each with its format: the one list
    /// file discovery, `lint --help`, error messages, the docs and the CI
    /// recipes' file patterns follow (CIRecipeTests checks the recipes).
    public static let extensions: [(name: String, format: InputFormat)] = [
        ("txt", .text), ("text", .text),
        ("md", .markdown), ("markdown", .markdown), ("mdown", .markdown), ("mkd", .markdown),
        ("html", .html), ("htm", .html), ("xhtml", .html),
    ]

    /// The extensions (lowercase, without the dot) copydesk reads as this
    /// format, matched without regard to case.
    public var extensions: [String] { Self.extensions.filter { $0.format == self }.map(\.name) }

    /// Every extension copydesk reads.
    public static var allExtensions: [String] { extensions.map(\.name) }

    /// ".txt, .text, .md, …, .xhtml": every extension read, for messages.
    public static var extensionList: String {
        extensions.map { "." + $0.name }.joined(separator: ", ")
    }

    /// The extension of the last path segment, lowercased; nil without one.
    public static func fileExtension(of path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let name = path[path.index(after: dot)...]
        return name.isEmpty ? nil : name.lowercased()
    }

    public static func forPath(_ path: String) -> InputFormat? {
        guard let name = fileExtension(of: path) else { return nil }
        return extensions.first { $0.name == name }?.format
    }
}

public enum BlockKind: String, Sendable, Codable, CaseIterable {
    case headline
    /// The summary under the headline (a dek, a standfirst) and summaries
    /// of the story set apart from its body (key points, highlights): they
    /// restate the body by design.
    case standfirst
    case byline
    case paragraph
    case caption
    case blockquote
    case listItem = "list-item"
    case heading
    case notice
    case frontMatterField = "front-matter-field"
    case image
    case authorCard = "author-card"
    /// Page furniture: navigation, share buttons, "Breaking News" banners.
    case chrome

    /// Blocks whose words are the article's own prose, which style and quote
    /// rules read.
    public var isProse: Bool {
        switch self {
        case .headline, .standfirst, .byline, .paragraph, .caption, .blockquote, .listItem, .heading, .notice, .authorCard:
            return true
        case .frontMatterField, .image, .chrome:
            return false
        }
    }
}

/// A piece of text and the source it came from.
public struct Span: Sendable, Hashable {
    public var text: String
    public var range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// An image's alt text and title, each with its own range.
public struct ImageInfo: Sendable, Hashable {
    public var alt: Span?
    public var title: Span?
    public var source: String
    /// Which picture this is (`PictureIdentity`), whatever copy of it in
    /// the markup this image is; nil when its address does not say.
    public var picture: String?

    public init(alt: Span?, title: Span?, source: String, picture: String? = nil) {
        self.alt = alt
        self.title = title
        self.source = source
        self.picture = picture ?? PictureIdentity.key(address: source)
    }
}

public struct Block: Sendable, Hashable {
    public var kind: BlockKind
    /// The whole block in the source, markup included.
    public var range: SourceRange
    /// The block's visible text, mapped back to the source.
    public var content: MappedText
    /// Text ranges of inline code, which prose checks leave alone.
    public var codeRanges: [Range<Int>]
    /// Heading level (1-6) for headings and headlines, else 0.
    public var level: Int
    public var image: ImageInfo? {
        get { imageStorage?.value }
        set { imageStorage = newValue.map(OutOfLine.init) }
    }
    /// Out of line: few blocks are images, and an image's alt text and
    /// title inline took about half of every block's size.
    private var imageStorage: OutOfLine<ImageInfo>?
    /// The key of a front-matter field.
    public var key: String?
    /// The figure an image or caption belongs to: blocks with the same
    /// number show or describe one picture (an image and the caption lines
    /// under it). Nil outside figures, and where the format cannot tell.
    public var figure: Int?
    /// Why the parser gave the block its kind, where that is a judgement
    /// rather than what the markup says plainly: chiefly why a block is
    /// page furniture and not the article. `copydesk inspect` shows it.
    public var why: String?

    public init(kind: BlockKind, range: SourceRange, content: MappedText, codeRanges: [Range<Int>] = [],
                level: Int = 0, image: ImageInfo? = nil, key: String? = nil, figure: Int? = nil, why: String? = nil) {
        self.kind = kind
        self.range = range
        self.content = content
        self.codeRanges = codeRanges
        self.level = level
        self.imageStorage = image.map(OutOfLine.init)
        self.key = key
        self.figure = figure
        self.why = why
    }

    public var text: String { content.text }
}

/// A value of the YAML front matter, with positions.
public indirect enum FrontMatterValue: Sendable, Hashable {
    case scalar(Span)
    case sequence([FrontMatterValue], SourceRange)
    case mapping([FrontMatterEntry], SourceRange)

    public var range: SourceRange {
        switch self {
        case .scalar(let span): return span.range
        case .sequence(_, let range), .mapping(_, let range): return range
        }
    }

    public var scalarText: String? {
        if case .scalar(let span) = self { return span.text }
        return nil
    }

    /// The scalar, or each scalar of a sequence.
    public var strings: [Span] {
        switch self {
        case .scalar(let span): return [span]
        case .sequence(let items, _): return items.flatMap { $0.strings }
        case .mapping: return []
        }
    }

    public subscript(key: String) -> FrontMatterValue? {
        if case .mapping(let entries, _) = self { return entries.first { $0.key.text == key }?.value }
        return nil
    }
}

public struct FrontMatterEntry: Sendable, Hashable {
    public var key: Span
    public var value: FrontMatterValue

    public init(key: Span, value: FrontMatterValue) {
        self.key = key
        self.value = value
    }
}

public struct FrontMatter: Sendable, Hashable {
    public var entries: [FrontMatterEntry]
    public var range: SourceRange

    public init(entries: [FrontMatterEntry], range: SourceRange) {
        self.entries = entries
        self.range = range
    }

    public subscript(key: String) -> FrontMatterValue? {
        entries.first { $0.key.text == key }?.value
    }
}

/// Who a quote is credited to, as far as copydesk can tell.
public struct Attribution: Sendable, Hashable {
    public var speaker: Span?
    public var cue: Span?
    /// Credited by the convention of news copy that a quotation paragraph
    /// after one ending with an attributed quotation is the same speaker
    /// going on; speaker and cue stand in that earlier paragraph.
    public var inherited: Bool

    public init(speaker: Span?, cue: Span?, inherited: Bool = false) {
        self.speaker = speaker
        self.cue = cue
        self.inherited = inherited
    }
}

/// A direct quotation: the run of text between a pair of quotation marks in
/// one block, marks included. A quote that runs on over paragraphs (AP style)
/// is one `Quote` per paragraph, linked by `continuesPrevious`/`continuesNext`.
public struct Quote: Sendable, Hashable {
    public var blockIndex: Int
    /// Text byte range in the block, quotation marks included.
    public var textRange: Range<Int>
    public var range: SourceRange
    /// The quotation as written, marks included.
    public var text: String {
        get {
            switch storage {
            case .owned(let text): return text
            case .slice(let bytes, let range): return String(decoding: bytes[range], as: UTF8.self)
            }
        }
        set { storage = .owned(newValue) }
    }
    /// The quotation's UTF-8 bytes, without decoding a String.
    package var textBytes: ArraySlice<UInt8> {
        switch storage {
        case .owned(let text): return ArraySlice(text.utf8)
        case .slice(let bytes, let range): return bytes[range]
        }
    }
    /// The quote has no opening mark in this block because it continues one
    /// from the paragraph before.
    public var continuesPrevious: Bool
    /// The quote is left open at the end of its paragraph and reopened in the next.
    public var continuesNext: Bool
    /// Nesting depth: 0 for a primary quote, 1 for a quote inside it.
    public var depth: Int
    /// A Markdown or HTML blockquote read as a quotation: it has no marks of
    /// its own, and its range is the quoted paragraph.
    public var isBlockquote: Bool
    public var attribution: Attribution? {
        get { attributionStorage?.value }
        set { attributionStorage = newValue.map(OutOfLine.init) }
    }
    /// Out of line: only quote-attribution fills it, and a speaker and a
    /// cue inline took about half of every quotation's size.
    private var attributionStorage: OutOfLine<Attribution>?

    /// The parser's quotes point into their block's bytes instead of copying
    /// them: a paragraph with thousands of quotations left open to its end
    /// would otherwise hold thousands of copies of its tail.
    private enum Storage: Sendable {
        case owned(String)
        case slice([UInt8], Range<Int>)
    }

    private var storage: Storage

    public init(blockIndex: Int, textRange: Range<Int>, range: SourceRange, text: String,
                continuesPrevious: Bool = false, continuesNext: Bool = false, depth: Int = 0,
                isBlockquote: Bool = false, attribution: Attribution? = nil) {
        self.init(blockIndex: blockIndex, textRange: textRange, range: range, storage: .owned(text),
                  continuesPrevious: continuesPrevious, continuesNext: continuesNext, depth: depth,
                  isBlockquote: isBlockquote, attribution: attribution)
    }

    /// A quote of `block`'s text in `textRange`, sharing the block's bytes.
    package init(blockIndex: Int, textRange: Range<Int>, range: SourceRange, in block: Block,
                 continuesPrevious: Bool = false, depth: Int = 0, isBlockquote: Bool = false) {
        let bytes = block.content.utf8
        let lower = min(max(0, textRange.lowerBound), bytes.count)
        let upper = min(max(lower, textRange.upperBound), bytes.count)
        self.init(blockIndex: blockIndex, textRange: textRange, range: range, storage: .slice(bytes, lower..<upper),
                  continuesPrevious: continuesPrevious, continuesNext: false, depth: depth,
                  isBlockquote: isBlockquote, attribution: nil)
    }

    private init(blockIndex: Int, textRange: Range<Int>, range: SourceRange, storage: Storage,
                 continuesPrevious: Bool, continuesNext: Bool, depth: Int, isBlockquote: Bool, attribution: Attribution?) {
        self.blockIndex = blockIndex
        self.textRange = textRange
        self.range = range
        self.storage = storage
        self.continuesPrevious = continuesPrevious
        self.continuesNext = continuesNext
        self.depth = depth
        self.isBlockquote = isBlockquote
        self.attributionStorage = attribution.map(OutOfLine.init)
    }

    public static func == (lhs: Quote, rhs: Quote) -> Bool {
        lhs.blockIndex == rhs.blockIndex && lhs.textRange == rhs.textRange && lhs.range == rhs.range
            && lhs.continuesPrevious == rhs.continuesPrevious && lhs.continuesNext == rhs.continuesNext
            && lhs.depth == rhs.depth && lhs.isBlockquote == rhs.isBlockquote && lhs.attribution == rhs.attribution
            && lhs.text == rhs.text
    }

    /// The text is left out: equal quotes have equal places, and hashing
    /// the place costs nothing however long the quotation.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(blockIndex)
        hasher.combine(textRange)
        hasher.combine(depth)
    }

    /// The words inside the marks.
    public var innerText: String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, QuoteMarks.isQuoteScalar(first) { scalars.removeFirst() }
        while let last = scalars.last, QuoteMarks.isQuoteScalar(last) { scalars.removeLast() }
        return String(scalars)
    }
}

/// A byline or author credit and the names in it.
public struct Byline: Sendable, Hashable {
    /// The form a credit takes. The raw values are the form names policies use.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A line of the article: "By Jane Doe", "Jane Doe | Reuters".
        case bylineLine = "by-line"
        /// Markdown front matter: `author`, `authors`, `byline`.
        case frontMatter = "front-matter"
        /// Page metadata that is not part of the visible text (an HTML
        /// `<meta name="author">`, structured data).
        case metadata
        /// A news agency credited instead of a person: "The Associated
        /// Press" on a line of its own, or "WASHINGTON (AP) —".
        case wireCredit = "wire-credit"
        /// A name line and a "Name is a … correspondent" paragraph, usually
        /// at the end.
        case authorCard = "author-card"
    }

    public var text: String
    /// The people credited, as they read ("JANE DOE" reads "Jane Doe").
    public var names: [String]
    /// Where each name stands in the source, in the order of `names`
    /// (empty when a parser could not place them).
    public var nameSpans: [Span]
    /// The whole credit: the byline line, the front-matter value, an author
    /// card from its name line to the end of its description.
    public var range: SourceRange
    /// Where it was found.
    public var source: CreditSource
    /// Where it was found, in the words inspect prints.
    public var origin: String { source.description }
    public var kind: Kind
    /// The block the credit is in, when it is one.
    public var blockIndex: Int?
    /// The agency credited ("Associated Press" in "By Jane Doe, Associated
    /// Press", or "AP" in "WASHINGTON (AP) —").
    public var wireCredit: Span?

    /// Who the credit names: its people, or else the agency or desk it
    /// credits ("The Associated Press", "Hollywood.com Staff"), which rules
    /// judge apart from people but a reader of `inspect` wants to see.
    public var credited: [String] {
        if !names.isEmpty { return names }
        if let wireCredit { return [wireCredit.text] }
        var credit = Substring(Self.withoutBy(text))
        while let last = credit.last, last == "." || last == "," || last == " " { credit = credit.dropLast() }
        // A long text is a sentence or an author card, not a credit line.
        return credit.isEmpty || credit.split(separator: " ").count > 6 ? [] : [String(credit)]
    }

    /// The credit without its "By" ("By ", "BY ", "by ", "By: "), trimmed:
    /// the one place a credit's lead word is taken off.
    package static func withoutBy(_ text: String) -> String {
        let trimmed = text.trimmingASCIIWhitespace()
        let lowered = trimmed.prefix(4).lowercased()
        for prefix in ["by: ", "by "] where lowered.hasPrefix(prefix) {
            return String(trimmed.dropFirst(prefix.count)).trimmingASCIIWhitespace()
        }
        return trimmed
    }

    /// A credit described by its origin in words ("json-ld", "meta author",
    /// "byline class"); the kind follows from it.
    public init(text: String, names: [String], range: SourceRange, origin: String) {
        let source = CreditSource(origin)
        self.init(kind: source.kind, text: text, names: names, range: range)
        self.source = source
    }

    public init(kind: Kind, text: String, names: [String], nameSpans: [Span] = [], range: SourceRange,
                blockIndex: Int? = nil, wireCredit: Span? = nil) {
        self.text = text
        self.names = names
        self.nameSpans = nameSpans
        self.range = range
        self.source = .kind(kind)
        self.kind = kind
        self.blockIndex = blockIndex
        self.wireCredit = wireCredit
    }
}

/// A quotation mark that has no partner in its paragraph.
public struct UnbalancedQuoteMark: Sendable, Hashable {
    public enum Problem: String, Sendable, Hashable {
        case neverClosed
        case neverOpened
    }

    public var blockIndex: Int
    public var textOffset: Int
    public var mark: Unicode.Scalar
    public var problem: Problem
    public var range: SourceRange

    public init(blockIndex: Int, textOffset: Int, mark: Unicode.Scalar, problem: Problem, range: SourceRange) {
        self.blockIndex = blockIndex
        self.textOffset = textOffset
        self.mark = mark
        self.problem = problem
        self.range = range
    }
}

/// Something the parser could read only in part, reported as a finding of
/// its own rather than failing the file.
public struct ParseDiagnostic: Sendable, Hashable {
    public var message: String
    public var range: SourceRange

    public init(message: String, range: SourceRange) {
        self.message = message
        self.range = range
    }
}

/// A value kept behind a reference, for a field of a type the parser makes
/// by the hundred thousand that is usually empty: it takes one word there
/// instead of its full size.
package indirect enum OutOfLine<Value: Sendable & Hashable>: Sendable, Hashable {
    case value(Value)

    package init(_ value: Value) { self = .value(value) }

    package var value: Value {
        switch self {
        case .value(let value): return value
        }
    }
}

/// An article as copydesk understands it: its source, its blocks in reading
/// order, and what was found in them. Every range was recorded while parsing.
public struct Document: Sendable {
    public let source: SourceText
    public let format: InputFormat
    public var blocks: [Block]
    public var frontMatter: FrontMatter?
    public var directives: [SuppressionDirective]
    public var quotes: [Quote]
    public var unbalancedQuoteMarks: [UnbalancedQuoteMark]
    public var bylines: [Byline]
    public var diagnostics: [ParseDiagnostic]
    /// The language the markup declares (`<html lang>`), as written.
    public var declaredLanguage: String?
    /// The article's language, as `ArticleLanguage` reads it.
    public var language = ArticleLanguage.unknown

    public init(source: SourceText, format: InputFormat, blocks: [Block] = [], frontMatter: FrontMatter? = nil,
                directives: [SuppressionDirective] = [], diagnostics: [ParseDiagnostic] = []) {
        self.source = source
        self.format = format
        self.blocks = blocks
        self.frontMatter = frontMatter
        self.directives = directives
        self.quotes = []
        self.unbalancedQuoteMarks = []
        self.bylines = []
        self.diagnostics = diagnostics
    }

    public var path: String { source.path }

    public var headline: Block? { blocks.first { $0.kind == .headline } }

    public var captions: [Block] { blocks.filter { $0.kind == .caption } }

    /// Source range of a text range of one of this document's blocks.
    public func range(of textRange: Range<Int>, in blockIndex: Int) -> SourceRange {
        source.range(blocks[blockIndex].content.sourceRange(textRange))
    }

    public func span(of textRange: Range<Int>, in blockIndex: Int) -> Span {
        Span(text: blocks[blockIndex].content.string(textRange), range: range(of: textRange, in: blockIndex))
    }
}
