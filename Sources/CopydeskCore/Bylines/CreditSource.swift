/// Where a credit was found: what `copydesk inspect` reports as a byline's
/// `source`, and what decides its kind.
public enum CreditSource: Hashable, Sendable, CustomStringConvertible {
    /// A credit the text parsers record directly, of that kind.
    case kind(Byline.Kind)
    /// An HTML line that opens with "By".
    case byLineText
    /// An HTML line holding only a name, near the headline.
    case nameLine
    /// A "Source:" field in the page header.
    case sourceField
    /// HTML markup that names the author: `itemprop=author`, `rel=author`,
    /// an `author` or `byline` class, a link to an author page.
    case itempropAuthor, relAuthor, authorClass, bylineClass, authorLink
    /// Page metadata: JSON-LD, microdata, `<meta name=KEY>`.
    case jsonLD, microdata
    case meta(String)
    /// Words no parser writes (a caller's own), kept as given; a byline line.
    case other(String)

    /// The words inspect prints, and that `init(_:)` reads back.
    public var description: String {
        switch self {
        case .kind(let kind): kind.rawValue
        case .byLineText: "by line"
        case .nameLine: "name line"
        case .sourceField: "source field"
        case .itempropAuthor: "itemprop=author"
        case .relAuthor: "rel=author"
        case .authorClass: "author class"
        case .bylineClass: "byline class"
        case .authorLink: "author link"
        case .jsonLD: "json-ld"
        case .microdata: "microdata"
        case .meta(let key): "meta " + key
        case .other(let words): words
        }
    }

    /// The source its words name.
    public init(_ words: String) {
        if let kind = Byline.Kind(rawValue: words) {
            self = .kind(kind)
            return
        }
        switch words.lowercased() {
        case "by line": self = .byLineText
        case "name line": self = .nameLine
        case "source field": self = .sourceField
        case "itemprop=author": self = .itempropAuthor
        case "rel=author": self = .relAuthor
        case "author class": self = .authorClass
        case "byline class": self = .bylineClass
        case "author link": self = .authorLink
        case "json-ld": self = .jsonLD
        case "microdata": self = .microdata
        case let other where other.hasPrefix("meta "): self = .meta(String(words.dropFirst(5)))
        default: self = .other(words)
        }
    }

    /// The kind of credit a source gives.
    public var kind: Byline.Kind {
        switch self {
        case .kind(let kind): kind
        case .jsonLD, .microdata, .meta: .metadata
        case .byLineText, .nameLine, .sourceField, .itempropAuthor, .relAuthor, .authorClass, .bylineClass, .authorLink, .other:
            .bylineLine
        }
    }
}
