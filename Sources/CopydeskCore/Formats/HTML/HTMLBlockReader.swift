/// Where an HTML block stands on the page, gathered from its ancestors
/// while reading: furniture, a page header or footer, a quotation, a
/// caption, a byline.
struct HTMLContext: OptionSet, Hashable {
    let rawValue: UInt32

    /// Text nobody reads as the page: scripts, hidden elements.
    static let skipped = HTMLContext(rawValue: 1 << 0)
    /// Navigation, related stories, sign-ups, share bars, comments, ads.
    static let chrome = HTMLContext(rawValue: 1 << 1)
    /// A `header` outside the article, or a masthead.
    static let pageHeader = HTMLContext(rawValue: 1 << 2)
    static let pageFooter = HTMLContext(rawValue: 1 << 3)
    static let aside = HTMLContext(rawValue: 1 << 4)
    static let link = HTMLContext(rawValue: 1 << 5)
    static let blockquote = HTMLContext(rawValue: 1 << 6)
    static let caption = HTMLContext(rawValue: 1 << 7)
    static let figure = HTMLContext(rawValue: 1 << 8)
    /// A `byline` class.
    static let byline = HTMLContext(rawValue: 1 << 9)
    /// An `author`, `writer`, `contributor` class.
    static let author = HTMLContext(rawValue: 1 << 10)
    /// About an author rather than their name: bio, avatar, job title.
    static let authorDetail = HTMLContext(rawValue: 1 << 11)
    /// schema.org microdata `itemprop="author"` (or `creator`).
    static let itempropAuthor = HTMLContext(rawValue: 1 << 12)
    /// `itemprop="name"` inside an author.
    static let itempropAuthorName = HTMLContext(rawValue: 1 << 13)
    /// A link with `rel="author"`.
    static let relAuthor = HTMLContext(rawValue: 1 << 14)
    static let dateline = HTMLContext(rawValue: 1 << 15)
    /// Inside an `article` element.
    static let article = HTMLContext(rawValue: 1 << 16)
    /// Inside `main`, `role="main"`.
    static let main = HTMLContext(rawValue: 1 << 17)
    /// Inside `itemprop="articleBody"` or a body class (`article-body`,
    /// `entry-content`).
    static let articleBody = HTMLContext(rawValue: 1 << 18)
    static let headlineClass = HTMLContext(rawValue: 1 << 20)
    /// A link to an author's page (`/author/jane-doe`, `/staff/…`).
    static let authorLink = HTMLContext(rawValue: 1 << 22)
    /// A summary of the story: a dek, key points, highlights.
    static let summary = HTMLContext(rawValue: 1 << 23)
    /// A pull quote: words of the body set large for display.
    static let pullQuote = HTMLContext(rawValue: 1 << 24)

    static let authorMarks: HTMLContext = [.byline, .author, .itempropAuthor, .itempropAuthorName, .relAuthor, .authorLink]
}

/// A block as read from the page, before the page is understood as a whole.
struct HTMLRawBlock {
    var kind: BlockKind
    var level: Int
    var text: MappedText
    /// The whole block in the source, its tags included where it is a whole element.
    var range: Range<Int>
    var context: HTMLContext
    /// The block element holding the text, and the one around that.
    var elementID: Int
    var parentElementID: Int
    /// Text bytes inside links.
    var linkBytes: Int
    var image: HTMLRawImage?
    /// Author-related inline elements inside the block, as text ranges.
    var marks: [HTMLInlineMark]
    /// Text offsets where two elements meet with no space between their
    /// words ("Jane Doe" in one span, "Published" in the next): a page lays
    /// them apart, so a byline is split there.
    var elementJoins: [Int]
}

/// An `img` as the markup gives it: its texts, its address, which picture
/// that is, and whether the markup says it is decoration.
struct HTMLRawImage {
    var alt: Range<Int>?
    var title: Range<Int>?
    var source: String
    var picture: String?
    /// Why the image is decoration rather than a picture of the story
    /// (`role="presentation"`, a 1×1 tracking pixel, an icon), if it is.
    var decoration: String?
}

struct HTMLInlineMark {
    var context: HTMLContext
    /// What the marked element itself says (an `author-title` is a job title).
    var own: HTMLContext
    var textRange: Range<Int>
}

/// A block element of the page: where it starts and ends, for choosing the
/// element that holds the article's body.
struct HTMLElementRecord {
    var name: String
    var start: Int
    var end: Int
    var parent: Int
    /// What the element and its ancestors say.
    var context: HTMLContext
    /// What the element itself says.
    var own: HTMLContext
    /// Its `class` attribute, or else its `id`, for saying which element
    /// made a block furniture.
    var label: Range<Int>?
    var labelIsID = false
}

/// A `<meta>` tag's key (`name`, `property` or `itemprop`, lowercased) and
/// the range of its `content` value.
struct HTMLMetaTag {
    var key: String
    var content: Range<Int>
    var context: HTMLContext
}

/// Walks the tokens of a page once, keeping a stack of open elements the
/// way the HTML parser does (optional end tags, implied closes, stray and
/// misnested end tags), and cuts the visible text into blocks with
/// whitespace collapsed and character references decoded, every byte
/// mapped to the source. It also collects what the page says about itself:
/// meta tags, JSON-LD, the title, comments with copydesk directives.
struct HTMLBlockReader {
    let source: SourceText
    private let bytes: [UInt8]
    private var tokenizer: HTMLTokenizer

    private(set) var blocks: [HTMLRawBlock] = []
    private(set) var elements: [HTMLElementRecord] = []
    private(set) var metaTags: [HTMLMetaTag] = []
    private(set) var jsonLD: [Range<Int>] = []
    private(set) var title: Range<Int>?
    /// The `lang` attribute of the `<html>` element.
    private(set) var declaredLanguage: Range<Int>?
    private(set) var directives: [SuppressionDirective] = []
    private(set) var diagnostics: [ParseDiagnostic] = []

    private struct OpenElement {
        var name: String
        var kind: HTMLElementKind
        /// Index in `elements` for block elements, else the enclosing one's.
        var elementID: Int
        var context: HTMLContext
        /// The roles this element itself adds, for inline marks.
        var own: HTMLContext
        /// Text offset where an author-related inline element began.
        var markStart: Int?
        var blocksBefore: Int
    }

    private var stack: [OpenElement] = []
    private var openCounts: [String: Int] = [:]
    /// Nesting beyond this is read as flat: a page of a million unclosed
    /// `div`s costs no more than a shallow one.
    private static let depthLimit = 512

    private static let headElements: Set<String> = [
        "meta", "link", "script", "style", "title", "noscript", "base", "template", "basefont", "bgsound", "head",
    ]

    private var text = MappedText()
    private var textSourceStart: Int?
    private var linkBytes = 0
    private var marks: [HTMLInlineMark] = []
    private var elementJoins: [Int] = []
    private var pendingJoin: Int?
    private var pendingJSONLD = false

    init(source: SourceText) {
        self.source = source
        self.bytes = source.bytes
        self.tokenizer = HTMLTokenizer(bytes: source.bytes, start: source.bomLength)
        elements.append(HTMLElementRecord(name: "#document", start: 0, end: source.bytes.count, parent: -1, context: [],
                                          own: [], label: nil))
    }

    private var context: HTMLContext { stack.last?.context ?? [] }
    private var currentElementID: Int { stack.last?.elementID ?? 0 }

    mutating func read() {
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                if !context.contains(.skipped) { appendText(range) }
            case .startTag:
                startTag()
            case .endTag:
                endTag(tokenizer.tag.name, range: tokenizer.tag.range)
            case .comment(let body, let whole):
                if let directive = HTMLComment.directive(body: body, whole: whole, in: source) {
                    directives.append(directive)
                }
            case .rawText(let range):
                rawText(range)
            case .markup:
                break
            }
        }
        if let unclosed = tokenizer.unclosedComment {
            diagnostics.append(ParseDiagnostic(message: "HTML comment is never closed, so the rest of the page is hidden; add `-->`",
                                               range: source.range(unclosed.lowerBound..<min(unclosed.lowerBound + 4, unclosed.upperBound))))
        }
        while !stack.isEmpty { pop(closingAt: bytes.count, explicit: false) }
        flush(closingAt: nil)
    }

    // MARK: Tags

    private mutating func startTag() {
        let tag = tokenizer.tag
        let name = tag.name
        let kind = HTMLElements.kind(of: name)
        if name == "meta" { readMeta() }
        if (openCounts["head"] ?? 0) > 0 && !Self.headElements.contains(name) {
            // Anything that belongs in the body ends a head left open.
            closeOpen(["head"], stopsAt: [], at: tokenizer.tag.range.lowerBound)
        }
        if case .block = kind { closeImplied(by: name) }
        switch kind {
        case .void:
            voidElement(name)
            return
        case .skipped:
            if name == "script" {
                pendingJSONLD = tokenizer.attribute("type").map { isJSONLD($0) } ?? false
            }
        case .block, .inline:
            break
        }
        if tag.isSelfClosing && (context.contains(.skipped) || name == "svg" || name == "math") {
            // Foreign content honours `/>`; an HTML element ignores it.
            return
        }
        if case .block = kind { flush(closingAt: nil) }
        if stack.count >= Self.depthLimit { return }
        push(name, kind: kind)
    }

    private mutating func push(_ name: String, kind: HTMLElementKind) {
        let tag = tokenizer.tag
        let inherited = context
        var own: HTMLContext = []
        if name == "html", declaredLanguage == nil { declaredLanguage = tokenizer.attribute("lang") }
        if case .skipped = kind { own.insert(.skipped) }
        if tokenizer.attribute("hidden") != nil || tokenizer.attribute("aria-hidden", is: "true") {
            own.insert(.skipped)
        }
        if let style = tokenizer.attribute("style"), isHiddenStyle(style) { own.insert(.skipped) }
        var classRoles: HTMLClassNames.Roles = []
        let ownClassRoles = tokenizer.attribute("class").map { HTMLClassNames.roles(of: $0, in: bytes) } ?? []
        classRoles.formUnion(ownClassRoles)
        if let value = tokenizer.attribute("id") { classRoles.formUnion(HTMLClassNames.roles(of: value, in: bytes)) }
        if classRoles.contains(.hidden) { own.insert(.skipped) }
        // A hiding class on the element itself; an id named `hidden` hides nothing.
        if ownClassRoles.contains(.hiddenState) { own.insert(.skipped) }
        if classRoles.contains(.summary) { own.insert(.summary) }
        if classRoles.contains(.pullQuote) { own.insert(.pullQuote) }
        // `byline-social`, `author-share`: the byline's own box, not furniture.
        if classRoles.contains(.chrome) && classRoles.isDisjoint(with: [.byline, .author]) { own.insert(.chrome) }
        // An article's own header and footer hold its byline and notes; only
        // the page's are furniture.
        let inArticle = !inherited.isDisjoint(with: [.article, .main, .articleBody])
        if classRoles.contains(.pageHeader) && !inArticle { own.insert(.pageHeader) }
        if classRoles.contains(.pageFooter) && !inArticle { own.insert(.pageFooter) }
        // A CMS tags the whole post with its author's name (WordPress's
        // `<article class="post author-jdoe">`, `<body class="author-jdoe">`):
        // the element holds the article, not a byline.
        let tagsWholePost = name == "body" || name == "html" || kind == .block(.article)
        if classRoles.contains(.byline) && !tagsWholePost { own.insert(.byline) }
        if classRoles.contains(.author) && !tagsWholePost { own.insert(.author) }
        if classRoles.contains(.authorDetail) && (classRoles.contains(.author) || classRoles.contains(.byline)
            || inherited.contains(.author) || inherited.contains(.byline) || inherited.contains(.itempropAuthor)) {
            own.insert(.authorDetail)
        }
        if classRoles.contains(.caption) { own.insert(.caption) }
        if classRoles.contains(.articleBody) { own.insert(.articleBody) }
        if classRoles.contains(.dateline) { own.insert(.dateline) }
        if classRoles.contains(.headline) { own.insert(.headlineClass) }
        if let itemprop = tokenizer.attribute("itemprop") {
            let words = String(decoding: bytes[itemprop], as: UTF8.self).lowercased().split(separator: " ")
            if words.contains("author") || words.contains("creator") { own.insert(.itempropAuthor) }
            if words.contains("name") && inherited.contains(.itempropAuthor) { own.insert(.itempropAuthorName) }
            if words.contains("articlebody") { own.insert(.articleBody) }
        }
        if tokenizer.attribute("rel").map({ String(decoding: bytes[$0], as: UTF8.self).lowercased()
            .split(separator: " ").contains("author") }) ?? false {
            own.insert(.relAuthor)
        }
        if tokenizer.attribute("role", is: "main") { own.insert(.main) }
        if tokenizer.attribute("role", is: "navigation") || tokenizer.attribute("role", is: "banner")
            || tokenizer.attribute("role", is: "complementary") || tokenizer.attribute("role", is: "contentinfo") {
            own.insert(.chrome)
        }
        switch kind {
        case .block(.nav), .block(.form):
            own.insert(.chrome)
        case .block(.header):
            // An article's own header holds its headline and byline; only
            // the page's header is furniture.
            if !inherited.contains(.article) && !inherited.contains(.main) && !inherited.contains(.articleBody) {
                own.insert(.pageHeader)
            }
        case .block(.footer):
            own.insert(.pageFooter)
        case .block(.aside):
            own.insert(.aside)
        case .block(.article):
            own.insert(.article)
        case .block(.main):
            own.insert(.main)
        case .block(.blockquote):
            own.insert(.blockquote)
            // A quoted post stays a quotation that credits itself ("— Name
            // (@handle)"); an Instagram or TikTok card is a widget.
            if let value = tokenizer.attribute("class"), embedKind(value) == .widget { own.insert(.chrome) }
        case .block(.figcaption):
            own.insert(.caption)
        case .block(.figure):
            own.insert(.figure)
        case .inline where name == "a":
            own.insert(.link)
            if let href = tokenizer.attribute("href"), isAuthorPage(href) { own.insert(.authorLink) }
        default:
            break
        }
        let combined = inherited.union(own)
        var elementID = currentElementID
        if case .block = kind {
            elementID = elements.count
            elements.append(HTMLElementRecord(name: name, start: tag.range.lowerBound, end: bytes.count,
                                              parent: currentElementID, context: combined, own: own,
                                              label: tokenizer.attribute("class") ?? tokenizer.attribute("id"),
                                              labelIsID: tokenizer.attribute("class") == nil))
        }
        let marksOwn = own.intersection(HTMLContext.authorMarks.union(.dateline))
        let isInline = kind == .inline
        if isInline { notePossibleJoin() }
        stack.append(OpenElement(name: name, kind: kind, elementID: elementID, context: combined, own: own,
                                 markStart: isInline && !marksOwn.isEmpty ? text.count : nil,
                                 blocksBefore: blocks.count))
        openCounts[name, default: 0] += 1
    }

    private mutating func endTag(_ name: String, range: Range<Int>) {
        if name == "br" {
            // `</br>` is read as `<br>`.
            lineBreak(range)
            return
        }
        if name == "p" && (openCounts["p"] ?? 0) == 0 {
            // A stray `</p>` still ends the paragraph before it.
            flush(closingAt: nil)
            return
        }
        guard (openCounts[name] ?? 0) > 0 else { return }
        while let top = stack.last {
            let isTarget = top.name == name
            pop(closingAt: isTarget ? range.upperBound : range.lowerBound, explicit: isTarget)
            if isTarget { break }
        }
    }

    /// Closes the elements a start tag ends implicitly: an open `p` before
    /// a block, a list item before the next, a table cell before the next.
    private mutating func closeImplied(by name: String) {
        let tagStart = tokenizer.tag.range.lowerBound
        if HTMLElements.closesParagraph.contains(name), (openCounts["p"] ?? 0) > 0 {
            closeOpen(["p"], stopsAt: HTMLElements.scopeBoundaries, at: tagStart)
        }
        if name.count == 2, name.hasPrefix("h"), let top = stack.last, case .block(.heading) = top.kind {
            pop(closingAt: tagStart, explicit: false)
            return
        }
        if let implied = HTMLElements.impliedEnds[name], !name.hasPrefix("h") {
            closeOpen(implied.closes, stopsAt: implied.stopsAt, at: tagStart)
        }
    }

    private mutating func closeOpen(_ names: Set<String>, stopsAt boundaries: Set<String>, at offset: Int) {
        guard names.contains(where: { (openCounts[$0] ?? 0) > 0 }) else { return }
        var index = stack.count - 1
        while index >= 0 {
            let name = stack[index].name
            if names.contains(name) {
                while stack.count > index { pop(closingAt: offset, explicit: false) }
                return
            }
            if boundaries.contains(name) { return }
            index -= 1
        }
    }

    private mutating func pop(closingAt offset: Int, explicit: Bool) {
        guard let top = stack.last else { return }
        switch top.kind {
        case .block:
            let ownsText = top.blocksBefore == blocks.count
            flush(closingAt: explicit && ownsText ? offset : nil)
            elements[top.elementID].end = offset
        case .inline:
            if let start = top.markStart, text.count > start {
                marks.append(HTMLInlineMark(context: top.context, own: top.own, textRange: start..<text.count))
            }
            notePossibleJoin()
        case .skipped, .void:
            break
        }
        stack.removeLast()
        openCounts[top.name, default: 1] -= 1
    }

    private mutating func voidElement(_ name: String) {
        let range = tokenizer.tag.range
        guard !context.contains(.skipped) else { return }
        switch name {
        case "br":
            lineBreak(range)
        case "hr":
            flush(closingAt: nil)
        case "img", "image":
            image(range)
        default:
            break
        }
    }

    /// A line break in the text; two in a row end the paragraph, as CMS
    /// exports separate paragraphs with `<br><br>`.
    private mutating func lineBreak(_ range: Range<Int>) {
        guard !text.isEmpty else { return }
        if text.utf8.last == 0x0A {
            flush(closingAt: nil)
        } else {
            if text.utf8.last == 0x20 { text.trimTrailingWhitespace() }
            text.appendReplacement([0x0A], for: range)
        }
    }

    private mutating func image(_ range: Range<Int>) {
        let alt = tokenizer.attribute("alt").map { tokenizer.trimmed($0) }
        let title = tokenizer.attribute("title").map { tokenizer.trimmed($0) }
        guard alt.map({ !$0.isEmpty }) ?? false || title.map({ !$0.isEmpty }) ?? false else { return }
        func value(_ range: Range<Int>?) -> String? { range.map { String(decoding: bytes[$0], as: UTF8.self) } }
        let sourceURL = value(tokenizer.attribute("src") ?? tokenizer.attribute("data-src")) ?? ""
        // Lazy loading keeps the real address in a data attribute and a
        // placeholder in `src`.
        let addresses = [
            value(tokenizer.attribute("data-src")), value(tokenizer.attribute("data-lazy-src")),
            value(tokenizer.attribute("data-original")), value(tokenizer.attribute("data-srcset")),
            value(tokenizer.attribute("data-lazy-srcset")), value(tokenizer.attribute("srcset")), value(tokenizer.attribute("src")),
        ].compactMap { $0 }
        let picture = PictureIdentity.key(addresses: addresses)
        let content = alt.map { Self.attributeText($0, in: bytes) } ?? MappedText()
        let info = HTMLRawImage(alt: alt, title: title, source: sourceURL, picture: picture,
                                decoration: decoration(picture: picture))
        blocks.append(HTMLRawBlock(kind: .image, level: 0, text: content, range: range, context: context,
                                   elementID: currentElementID, parentElementID: elements[currentElementID].parent,
                                   linkBytes: 0, image: info, marks: [], elementJoins: []))
    }

    /// What marks the image being read as decoration: its role, a size no
    /// photograph has, or a name that says icon or logo.
    private func decoration(picture: String?) -> String? {
        if tokenizer.attribute("role", is: "presentation") || tokenizer.attribute("role", is: "none") {
            return "a presentational image (role=presentation)"
        }
        let width = tokenizer.attribute("width").flatMap { Int(String(decoding: bytes[tokenizer.trimmed($0)], as: UTF8.self)) }
        let height = tokenizer.attribute("height").flatMap { Int(String(decoding: bytes[tokenizer.trimmed($0)], as: UTF8.self)) }
        if let width, let height {
            if width <= 2 && height <= 2 { return "a tracking pixel (\(width)×\(height))" }
            if width <= 48 && height <= 48 { return "an icon (\(width)×\(height))" }
        }
        let classWords = tokenizer.attribute("class").map { Self.nameParts(String(decoding: bytes[$0], as: UTF8.self)) } ?? []
        if let word = classWords.first(where: { Self.decorationWords.contains($0) }) { return "an image marked \(word)" }
        if let picture, let word = Self.nameParts(picture).first(where: { Self.decorationWords.contains($0) }) {
            return "an image file named as \(word == "icons" ? "icon" : word)"
        }
        return nil
    }

    private static let decorationWords: Set<String> = [
        "icon", "icons", "logo", "emoji", "spacer", "sprite", "avatar", "favicon", "badge",
    ]

    /// The lowercased parts of a name split at spaces, hyphens, underscores,
    /// slashes and dots: `c-share__icon` gives c, share, icon.
    private static func nameParts(_ name: String) -> [String] {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "/" || $0 == "." })
            .map(String.init)
    }

    private mutating func readMeta() {
        guard let content = tokenizer.attribute("content") else { return }
        let keyRange = tokenizer.attribute("property") ?? tokenizer.attribute("name") ?? tokenizer.attribute("itemprop")
        guard let keyRange else { return }
        let key = String(decoding: bytes[tokenizer.trimmed(keyRange)], as: UTF8.self).lowercased()
        var metaContext = context
        if let itemprop = tokenizer.attribute("itemprop"), metaContext.contains(.itempropAuthor),
           tokenizer.equalsIgnoringCase(tokenizer.trimmed(itemprop), "name") {
            metaContext.insert(.itempropAuthorName)
        }
        metaTags.append(HTMLMetaTag(key: key, content: content, context: metaContext))
    }

    private mutating func rawText(_ range: Range<Int>) {
        switch tokenizer.tag.name {
        case "script":
            if pendingJSONLD { jsonLD.append(range) }
            pendingJSONLD = false
        case "title":
            // An SVG drawing's title names the drawing, not the page.
            if title == nil && (openCounts["svg"] ?? 0) == 0 { title = range }
        default:
            break
        }
    }

    private func isJSONLD(_ range: Range<Int>) -> Bool {
        tokenizer.equalsIgnoringCase(tokenizer.trimmed(range), "application/ld+json")
    }

    private func isHiddenStyle(_ range: Range<Int>) -> Bool {
        guard range.count >= 12 else { return false }
        let compact = bytes[range].filter { $0 != 0x20 }.map(HTMLTokenizer.lowercase)
        return compact.starts(with: Array("display:none".utf8)) || containsSequence(compact, Array(";display:none".utf8))
            || containsSequence(compact, Array("visibility:hidden".utf8))
    }

    private func containsSequence(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// Author pages as CMSes address them: `/author/jane-doe`, `/authors/`,
    /// `/staff/`, `/people/`, `/contributors/`, `/profile/`, `/writers/`.
    private func isAuthorPage(_ range: Range<Int>) -> Bool {
        guard range.count >= 8, range.count <= 512 else { return false }
        return Self.authorPathMatcher.contains(in: bytes, range: range)
    }

    private static let authorPathMatcher = PhraseMatcher([
        "/author/", "/authors/", "/staff/", "/people/", "/person/", "/contributor/", "/contributors/", "/profile/", "/profiles/",
        "/writers/", "/writer/", "/journalist/", "/journalists/", "/reporters/", "/reporter/", "/byline/", "/by/",
        "/columnists/", "/columnist/", "/team/", "/experts/", "/expert/",
    ])

    private enum EmbedKind {
        case post
        case widget
    }

    private func embedKind(_ range: Range<Int>) -> EmbedKind? {
        let value = String(decoding: bytes[range], as: UTF8.self).lowercased()
        if value.contains("twitter-tweet") || value.contains("bluesky") || value.contains("mastodon") { return .post }
        if value.contains("instagram") || value.contains("tiktok") || value.contains("embed") { return .widget }
        return nil
    }

    // MARK: Text

    private mutating func notePossibleJoin() {
        if let last = text.utf8.last, last != 0x20, last != 0x0A { pendingJoin = text.count }
    }

    /// Appends a run of page text: white space collapsed to one space (and
    /// dropped at the start of a block), character references decoded.
    private mutating func appendText(_ range: Range<Int>) {
        let before = text.count
        if let join = pendingJoin, join == text.count, let first = range.first.map({ bytes[$0] }),
           first != 0x20, first != 0x0A, first != 0x09, first != 0x0D, first != 0x0C {
            elementJoins.append(join)
        }
        pendingJoin = nil
        bytes.withUnsafeBufferPointer { buffer in
            var index = range.lowerBound
            var runStart = index
            let end = range.upperBound
            while index < end {
                let byte = buffer[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    appendRun(runStart..<index)
                    let spaceStart = index
                    while index < end, buffer[index] == 0x20 || buffer[index] == 0x0A || buffer[index] == 0x09
                            || buffer[index] == 0x0D || buffer[index] == 0x0C {
                        index += 1
                    }
                    if let last = text.utf8.last, last != 0x20, last != 0x0A {
                        if index - spaceStart == 1 && byte == 0x20 {
                            text.appendVerbatim(spaceStart..<index, of: bytes)
                        } else {
                            text.appendReplacement([0x20], for: spaceStart..<index)
                        }
                    }
                    runStart = index
                } else if byte == UInt8(ascii: "&"),
                          let found = HTMLCharacterReference.decode(buffer, at: index, end: end, context: .text) {
                    appendRun(runStart..<index)
                    if textSourceStart == nil { textSourceStart = index }
                    var decoded = String(found.scalar)
                    if let second = found.second { decoded.unicodeScalars.append(second) }
                    text.appendReplacement(Array(decoded.utf8), for: index..<found.after)
                    index = found.after
                    runStart = index
                } else {
                    index += 1
                }
            }
            appendRun(runStart..<end)
        }
        if context.contains(.link) { linkBytes += text.count - before }
    }

    private mutating func appendRun(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if textSourceStart == nil { textSourceStart = range.lowerBound }
        text.appendVerbatim(range, of: bytes)
    }

    /// Ends the block being read, if it has any text. `closingAt` is the end
    /// of the end tag when the block is a whole element closing now.
    private mutating func flush(closingAt closing: Int?) {
        defer {
            text = MappedText()
            textSourceStart = nil
            linkBytes = 0
            marks.removeAll(keepingCapacity: true)
            elementJoins.removeAll(keepingCapacity: true)
            pendingJoin = nil
            for index in stack.indices where stack[index].markStart != nil { stack[index].markStart = 0 }
        }
        // Author-related inline elements still open carry their text so far.
        for element in stack where element.kind == .inline {
            if let start = element.markStart, text.count > start {
                marks.append(HTMLInlineMark(context: element.context, own: element.own, textRange: start..<text.count))
            }
        }
        text.trimTrailingWhitespace()
        guard !text.isEmpty, let textStart = textSourceStart, !isBlank(text.utf8) else { return }
        let holder = stack.last { if case .block = $0.kind { return true } else { return false } }
        let context = holder?.context ?? self.context
        var kind: BlockKind = .paragraph
        var level = 0
        if let holder, case .block(let role) = holder.kind {
            switch role {
            case .heading(let headingLevel):
                kind = .heading
                level = headingLevel
            case .listItem:
                kind = .listItem
            default:
                break
            }
        }
        if context.contains(.caption) { kind = .caption }
        if context.contains(.blockquote) { kind = .blockquote }
        let elementID = holder?.elementID ?? 0
        var start = textStart
        if let holder, holder.blocksBefore == blocks.count {
            start = min(start, elements[holder.elementID].start)
        }
        let end = closing ?? text.sourceOffset(text.count, isEnd: true)
        let clamped = marks.compactMap { mark -> HTMLInlineMark? in
            let upper = min(mark.textRange.upperBound, text.count)
            guard mark.textRange.lowerBound < upper else { return nil }
            return HTMLInlineMark(context: mark.context, own: mark.own, textRange: mark.textRange.lowerBound..<upper)
        }
        blocks.append(HTMLRawBlock(kind: kind, level: level, text: text, range: start..<max(start, end), context: context,
                                   elementID: elementID, parentElementID: elements[elementID].parent,
                                   linkBytes: linkBytes, image: nil, marks: clamped,
                                   elementJoins: elementJoins.filter { $0 < text.count }))
    }

    /// Only spaces of any kind (`&nbsp;`, zero-width spaces): nothing to read.
    private func isBlank(_ utf8: [UInt8]) -> Bool {
        guard utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: utf8, as: UTF8.self).unicodeScalars.allSatisfy {
            $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" || $0 == "\u{2060}"
        }
    }

    /// An attribute value's text, character references decoded, mapped to
    /// the source.
    static func attributeText(_ range: Range<Int>, in bytes: [UInt8]) -> MappedText {
        var text = MappedText()
        var index = range.lowerBound
        var runStart = index
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "&"),
               let (decoded, after) = HTMLCharacterReference.decode(bytes, at: index, end: range.upperBound, context: .attribute) {
                text.appendVerbatim(runStart..<index, of: bytes)
                text.appendReplacement(decoded, for: index..<after)
                index = after
                runStart = index
                continue
            }
            index += 1
        }
        text.appendVerbatim(runStart..<range.upperBound, of: bytes)
        return text
    }
}
