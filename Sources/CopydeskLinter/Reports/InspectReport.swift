import CopydeskCore

/// `copydesk inspect --format json`: what copydesk understood of each
/// article, for people debugging a rule and for the scorers under
/// `../shared/eval`, which read this exact shape. A JSON array with one
/// object per document, in the order given; `paths[i]` names `documents[i]`
/// (the document's own path when `paths` is shorter).
///
/// Ranges are 1-based lines and columns in Unicode scalars, end exclusive.
/// A block's `range` is the whole block, markup included; the spans of the
/// headline, captions and notices cover their visible text.
public func renderInspect(_ documents: [Document], paths: [String]) -> String {
    var stream = InspectStream()
    var output = stream.begin()
    for (index, document) in documents.enumerated() {
        output += stream.add(encoded: InspectStream.encode(document, path: index < paths.count ? paths[index] : document.path))
    }
    return output + stream.finish()
}

/// The inspect report written document by document, so that inspecting an
/// archive holds one document at a time per core, not all of them. The
/// bytes are those of encoding the whole array at once.
public struct InspectStream {
    private var documents = 0

    public init() {}

    public func begin() -> String { "[" }

    /// One document's entry, ready for `add(encoded:)`; safe to call on any thread.
    public static func encode(_ document: Document, path: String) -> String {
        ReportEncoding.item(InspectDocument(document, path: path), indentedBy: "  ")
    }

    public mutating func add(encoded entry: String) -> String {
        documents += 1
        return (documents == 1 ? "\n" : ",\n") + entry
    }

    /// An empty array as JSONEncoder writes one.
    public func finish() -> String { documents == 0 ? "\n\n]\n" : "\n]\n" }
}

struct InspectDocument: Codable, Hashable {
    var path: String
    var format: String
    var language: InspectLanguage
    var headline: InspectSpan?
    var bylines: [InspectByline]
    var quotes: [InspectQuote]
    var captions: [InspectSpan]
    var notices: [InspectSpan]
    var blocks: [InspectBlock]

    enum CodingKeys: String, CodingKey {
        case path, format, language, headline, bylines, quotes, captions, notices, blocks
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(format, forKey: .format)
        try container.encode(language, forKey: .language)
        try container.encode(headline, forKey: .headline)
        try container.encode(bylines, forKey: .bylines)
        try container.encode(quotes, forKey: .quotes)
        try container.encode(captions, forKey: .captions)
        try container.encode(notices, forKey: .notices)
        try container.encode(blocks, forKey: .blocks)
    }
}

struct InspectSpan: Codable, Hashable {
    var text: String
    var range: InspectRange
}

struct InspectByline: Codable, Hashable {
    /// The form of the credit: by-line, front-matter, metadata, wire-credit, author-card.
    var kind: String
    /// Where the credit was read: "by-line", "rel=author", "byline class",
    /// "json-ld", "meta author", "source field", "front-matter"…; a page's
    /// metadata is used only when the page shows no byline.
    var source: String
    var text: String
    var names: [String]
    var range: InspectRange
}

struct InspectQuote: Codable, Hashable {
    var text: String
    /// From the opening to the closing quotation mark, both included.
    var range: InspectRange
    var attribution: InspectAttribution?

    enum CodingKeys: String, CodingKey {
        case text, range, attribution
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(range, forKey: .range)
        try container.encode(attribution, forKey: .attribution)
    }
}

struct InspectAttribution: Codable, Hashable {
    var speaker: InspectSpan?
    var cue: InspectSpan?
    /// The speaker of the paragraph before, going on (quote-attribution's
    /// `continuation: previous-speaker`); speaker and cue stand there.
    var inherited: Bool?

    enum CodingKeys: String, CodingKey {
        case speaker, cue, inherited
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(cue, forKey: .cue)
        try container.encodeIfPresent(inherited, forKey: .inherited)
    }
}

/// The article's language and whether the English quote rules read it.
struct InspectLanguage: Codable, Hashable {
    /// "en", a declared subtag, "latin" for other Latin-script copy, or a script name.
    var code: String
    /// text, markup, front-matter or assumed.
    var source: String
    /// Whether quote-attribution judges this article; it reads English only.
    var quoteAttribution: String
}

struct InspectBlock: Codable, Hashable {
    var kind: String
    var text: String
    var range: InspectRange
    /// Why the block has its kind, where the parser judged it (chiefly why
    /// it is page furniture); absent where the markup says so plainly.
    var why: String?
    /// The figure an image or caption belongs to: the same number, the
    /// same picture.
    var figure: Int?
    /// Which picture an image shows, read from its address.
    var picture: String?
}

struct InspectRange: Codable, Hashable {
    var start: InspectPosition
    var end: InspectPosition
}

struct InspectPosition: Codable, Hashable {
    var line: Int
    var column: Int
}

extension InspectDocument {
    init(_ document: Document, path: String) {
        self.path = path
        format = document.format.rawValue
        language = InspectLanguage(
            code: document.language.code, source: document.language.source.rawValue,
            quoteAttribution: document.language.isEnglish ? "checked"
                : "skipped: its cues and sentence shapes are English, and this article is not")
        headline = document.headline.map { InspectSpan(block: $0, in: document) }
        bylines = document.bylines.map {
            InspectByline(kind: $0.kind.rawValue, source: $0.origin, text: $0.text, names: $0.credited, range: InspectRange($0.range))
        }
        quotes = document.quotes.map { quote in
            InspectQuote(text: quote.text, range: InspectRange(quote.range),
                         attribution: quote.attribution.map {
                             InspectAttribution(speaker: $0.speaker.map(InspectSpan.init),
                                                cue: $0.cue.map(InspectSpan.init), inherited: $0.inherited ? true : nil)
                         })
        }
        captions = document.blocks.filter { $0.kind == .caption }.map { InspectSpan(block: $0, in: document) }
        notices = document.blocks.filter { $0.kind == .notice }.map { InspectSpan(block: $0, in: document) }
        blocks = document.blocks.map {
            InspectBlock(kind: $0.kind.rawValue, text: $0.text, range: InspectRange($0.range), why: $0.why, figure: $0.figure,
                         picture: $0.image?.picture)
        }
    }
}

extension InspectSpan {
    init(_ span: Span) {
        self.init(text: span.text, range: InspectRange(span.range))
    }

    /// The block's text and the source it was read from, markup excluded.
    init(block: Block, in document: Document) {
        let range = block.content.isEmpty
            ? block.range
            : document.source.range(block.content.sourceRange(0..<block.content.count))
        self.init(text: block.text, range: InspectRange(range))
    }
}

extension InspectRange {
    init(_ range: SourceRange) {
        self.init(start: InspectPosition(line: range.start.line, column: range.start.column),
                  end: InspectPosition(line: range.end.line, column: range.end.column))
    }
}
