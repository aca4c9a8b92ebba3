/// What a page says about itself in its head: meta tags (`og:title`,
/// `author`, `article:author`, Parse.ly and Sailthru keys) and JSON-LD
/// (`headline`, `author` as a string, a Person, an array, or an `@id`
/// reference into an `@graph`), every value with its range in the source.
struct HTMLPageMetadata {
    /// A value found in the metadata, decoded, with its source range.
    struct Value {
        var text: MappedText
        var key: String
    }

    /// An author named by the metadata.
    struct Author {
        var name: MappedText
        var origin: CreditSource
        /// The metadata says this is an organisation, not a person.
        var isOrganization: Bool
    }

    var headlines: [Value] = []
    /// The `<title>` element, without a trailing " | Site" or " - Site".
    var titleElement: Value?
    var jsonLDAuthors: [Author] = []
    var metaAuthors: [Author] = []
    /// Names in microdata `itemprop="name"` meta tags inside an author.
    var microdataAuthors: [Author] = []
    /// The site and its publisher (`og:site_name`, JSON-LD `publisher`), so
    /// that an outlet credited beside the writer is not taken for a person.
    var siteNames: [String] = []

    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "asksnewsarticle",
        "askpublicnewsarticle", "liveblogposting", "socialmediaposting", "techarticle", "scholarlyarticle",
        "report", "satiricalarticle", "review", "webpage", "itempage", "medicalwebpage", "posting",
        "discussionforumposting", "creativework", "videoobject", "podcastepisode", "howto", "recipe",
    ]

    /// Meta keys that name a page's author, best first; those that hold a
    /// URL (`article:author` often links a profile) are dropped later.
    static let authorKeys: [String] = [
        "author", "article:author", "og:article:author", "parsely-author", "sailthru.author", "dc.creator",
        "dcterms.creator", "byl", "cxenseparse:author", "article.author", "article:author_name", "twitter:data1",
    ]

    static let headlineKeys: [String] = ["og:title", "twitter:title", "headline", "title", "sailthru.title",
                                         "parsely-title"]

    init(reader: HTMLBlockReader, bytes: [UInt8]) {
        for tag in reader.metaTags {
            let text = HTMLBlockReader.attributeText(tag.content, in: bytes)
            guard !text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else { continue }
            if tag.context.contains(.itempropAuthorName) {
                microdataAuthors.append(Author(name: text, origin: .microdata, isOrganization: false))
            } else if tag.context.contains(.itempropAuthor) && tag.key == "author" {
                microdataAuthors.append(Author(name: text, origin: .microdata, isOrganization: false))
            }
            if tag.key == "og:site_name" || tag.key == "application-name" || tag.key == "publisher" {
                siteNames.append(text.text)
            }
            if Self.headlineKeys.contains(tag.key) {
                headlines.append(Value(text: text, key: tag.key))
            }
            if Self.authorKeys.contains(tag.key) {
                // Twitter's label/data pairs carry "Written by" only in data1.
                if tag.key == "twitter:data1" && !reader.metaTags.contains(where: {
                    $0.key == "twitter:label1" && String(decoding: bytes[$0.content], as: UTF8.self).lowercased().contains("written by")
                }) { continue }
                metaAuthors.append(Author(name: text, origin: .meta(tag.key), isOrganization: false))
            }
        }
        metaAuthors.sort { Self.rank($0.origin) < Self.rank($1.origin) }
        // The `<title>` last: it usually ends with the site's name.
        if let title = reader.title {
            let text = HTMLBlockReader.attributeText(title, in: bytes)
            if !text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
                titleElement = Value(text: Self.withoutSiteName(text), key: "title")
            }
        }
        for script in reader.jsonLD {
            var jsonReader = JSONSourceReader(bytes: bytes, range: script)
            for value in jsonReader.readAll() {
                readLinkedData(value, bytes: bytes)
            }
        }
    }

    /// "Council passes budget | The Ledger" → "Council passes budget": the
    /// part after the last " | ", " - " or " – " goes when it is short, as a
    /// site's name is.
    static func withoutSiteName(_ text: MappedText) -> MappedText {
        var trimmed = text
        trimmed.trimLeadingWhitespace()
        trimmed.trimTrailingWhitespace()
        let bytes = trimmed.utf8
        let separators: [[UInt8]] = [Array(" | ".utf8), Array(" - ".utf8), Array(" – ".utf8), Array(" — ".utf8)]
        var cut: Int?
        for separator in separators {
            var index = bytes.count - separator.count
            while index > 0 {
                if bytes[index..<index + separator.count].elementsEqual(separator) { cut = max(cut ?? 0, index); break }
                index -= 1
            }
        }
        guard let cut, cut > 0, ProseHeuristics.wordCount(bytes[cut...]) <= 5 else { return trimmed }
        var headline = MappedText()
        headline.append(0..<cut, of: trimmed)
        return headline
    }

    private static func rank(_ origin: CreditSource) -> Int {
        authorKeys.firstIndex { .meta($0) == origin } ?? authorKeys.count
    }

    private mutating func readLinkedData(_ root: JSONSourceValue, bytes: [UInt8]) {
        // Every object of the data, with `@graph`s and arrays flattened, so
        // an `@id` reference can be resolved against the rest.
        var objects: [JSONSourceValue] = []
        var pending: [(JSONSourceValue, Int)] = [(root, 0)]
        while let (value, depth) = pending.popLast() {
            guard depth < 8 else { continue }
            switch value {
            case .array(let items):
                pending.append(contentsOf: items.reversed().map { ($0, depth + 1) })
            case .object(let members):
                objects.append(value)
                for member in members.reversed() where member.key == "@graph" || member.key == "mainEntity"
                    || member.key == "mainEntityOfPage" || member.key == "itemListElement" {
                    pending.append((member.value, depth + 1))
                }
            default:
                break
            }
        }
        var byID: [String: JSONSourceValue] = [:]
        for object in objects {
            if case .string(let id)? = object["@id"] { byID[String(decoding: bytes[id], as: UTF8.self)] = object }
        }
        for object in objects {
            guard let publisher = object["publisher"] else { continue }
            for entry in publisher.elements {
                if case .string(let name)? = entry["name"] { siteNames.append(JSONSourceText.decode(name, in: bytes).text) }
            }
        }
        for object in objects where isArticle(object, bytes: bytes) {
            if case .string(let headline)? = object["headline"] ?? object["name"] {
                headlines.append(Value(text: JSONSourceText.decode(headline, in: bytes), key: "json-ld headline"))
            }
            for key in ["author", "creator"] {
                guard let authors = object[key] else { continue }
                for author in authors.elements {
                    addAuthor(author, byID: byID, bytes: bytes)
                }
                break
            }
        }
    }

    private mutating func addAuthor(_ value: JSONSourceValue, byID: [String: JSONSourceValue], bytes: [UInt8]) {
        switch value {
        case .string(let range):
            let text = JSONSourceText.decode(range, in: bytes)
            guard !looksLikeURL(text.utf8) else { return }
            jsonLDAuthors.append(Author(name: text, origin: .jsonLD, isOrganization: false))
        case .object:
            var object = value
            if object["name"] == nil, case .string(let id)? = object["@id"],
               let resolved = byID[String(decoding: bytes[id], as: UTF8.self)] {
                object = resolved
            }
            let types = typeNames(object, bytes: bytes)
            let isOrganization = types.contains("organization") || types.contains("newsmediaorganization")
                || types.contains("corporation")
            if case .string(let name)? = object["name"] {
                jsonLDAuthors.append(Author(name: JSONSourceText.decode(name, in: bytes), origin: .jsonLD,
                                            isOrganization: isOrganization))
            } else if let names = object["name"], case .array = names {
                for case .string(let name) in names.elements {
                    jsonLDAuthors.append(Author(name: JSONSourceText.decode(name, in: bytes), origin: .jsonLD,
                                                isOrganization: isOrganization))
                }
            }
        case .array(let items):
            for item in items.prefix(32) { addAuthor(item, byID: byID, bytes: bytes) }
        case .scalar:
            break
        }
    }

    private func isArticle(_ object: JSONSourceValue, bytes: [UInt8]) -> Bool {
        let types = typeNames(object, bytes: bytes)
        if types.contains(where: { Self.articleTypes.contains($0) || $0.hasSuffix("article") }) { return true }
        // Some pages leave out @type but still give headline and author.
        return types.isEmpty && object["headline"] != nil
    }

    private func typeNames(_ object: JSONSourceValue, bytes: [UInt8]) -> [String] {
        guard let type = object["@type"] else { return [] }
        return type.elements.compactMap {
            if case .string(let range) = $0 {
                var name = String(decoding: bytes[range], as: UTF8.self).lowercased()
                if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
                return name
            }
            return nil
        }
    }

    func looksLikeURL(_ text: [UInt8]) -> Bool {
        text.starts(with: Array("http".utf8)) || text.starts(with: Array("//".utf8)) || text.starts(with: Array("www.".utf8))
            || text.contains(UInt8(ascii: "/")) && !text.contains(0x20)
    }
}
