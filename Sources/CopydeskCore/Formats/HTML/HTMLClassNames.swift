/// What the `class` and `id` of an element say about it, as news sites name
/// their markup: `c-byline__author`, `related-stories`, `newsletterSignup`,
/// `article-body`. A word counts when it stands as a part of a name,
/// delimited by the start or end of the name, a hyphen, an underscore, a
/// digit, or a change from lower to upper case; so `share` matches
/// `share-bar` and `socialShare` but not `shareholder`.
struct HTMLClassNames {
    struct Roles: OptionSet, Hashable {
        let rawValue: UInt32

        /// Furniture: navigation, related stories, sign-ups, share bars,
        /// comments, advertising.
        static let chrome = Roles(rawValue: 1 << 0)
        /// Text for screen readers only ("Opens in a new window").
        static let hidden = Roles(rawValue: 1 << 1)
        static let byline = Roles(rawValue: 1 << 2)
        static let author = Roles(rawValue: 1 << 3)
        /// About the author rather than naming them: bio, avatar, job title,
        /// social links.
        static let authorDetail = Roles(rawValue: 1 << 4)
        static let caption = Roles(rawValue: 1 << 5)
        /// The article's body text.
        static let articleBody = Roles(rawValue: 1 << 6)
        /// A date or time line.
        static let dateline = Roles(rawValue: 1 << 7)
        /// A headline or dek container.
        static let headline = Roles(rawValue: 1 << 8)
        /// A page-level header or masthead.
        static let pageHeader = Roles(rawValue: 1 << 9)
        /// A page footer.
        static let pageFooter = Roles(rawValue: 1 << 10)
        /// A summary of the story: a dek or standfirst, key points, highlights.
        static let summary = Roles(rawValue: 1 << 11)
        /// An element the page hides (`hidden`, `d-none` as a whole class).
        static let hiddenState = Roles(rawValue: 1 << 12)
        /// A pull quote.
        static let pullQuote = Roles(rawValue: 1 << 13)
    }

    private static let words: [(String, Roles)] = [
        // Furniture
        ("nav", .chrome), ("navbar", .chrome), ("navigation", .chrome), ("menu", .chrome), ("breadcrumb", .chrome),
        ("breadcrumbs", .chrome), ("sidebar", .chrome), ("rail", .chrome), ("related", .chrome),
        ("recommended", .chrome), ("recommendation", .chrome), ("recommendations", .chrome), ("recirc", .chrome),
        ("recirculation", .chrome), ("newsletter", .chrome), ("newsletters", .chrome), ("subscribe", .chrome),
        ("subscription", .chrome), ("signup", .chrome), ("share", .chrome), ("sharing", .chrome),
        ("sharebar", .chrome), ("social", .chrome), ("comments", .chrome), ("comment", .chrome),
        ("disqus", .chrome), ("promo", .chrome), ("promos", .chrome), ("advert", .chrome),
        ("advertisement", .chrome), ("ad", .chrome), ("ads", .chrome), ("adslot", .chrome), ("adunit", .chrome),
        ("dfp", .chrome), ("gpt", .chrome), ("outbrain", .chrome), ("taboola", .chrome), ("trending", .chrome),
        ("popular", .chrome), ("mostread", .chrome), ("cookie", .chrome), ("cookies", .chrome),
        ("consent", .chrome), ("gdpr", .chrome), ("popup", .chrome), ("modal", .chrome), ("toolbar", .chrome),
        ("tags", .chrome), ("readmore", .chrome), ("upnext", .chrome), ("playlist", .chrome),
        ("skip", .chrome), ("sponsored", .chrome), ("support", .chrome), ("donate", .chrome), ("donation", .chrome),
        ("donations", .chrome), ("contribute", .chrome), ("contribution", .chrome), ("membership", .chrome),
        ("paywall", .chrome), ("cta", .chrome), ("player", .chrome),
        ("tooltip", .chrome), ("dropdown", .chrome), ("pagination", .chrome), ("pager", .chrome),
        ("flyout", .chrome), ("drawer", .chrome), ("masthead", .pageHeader),
        ("footer", .pageFooter),
        // Screen-reader text
        ("sronly", .hidden), ("visuallyhidden", .hidden), ("screenreader", .hidden), ("offscreen", .hidden),
        // Bylines
        ("byline", .byline), ("bylines", .byline), ("byl", .byline), ("author", .author), ("authors", .author),
        ("authorname", .author), ("writer", .author), ("writers", .author), ("contributor", .author),
        ("contributors", .author), ("reporter", .author), ("creator", .author),
        ("bio", .authorDetail), ("avatar", .authorDetail), ("image", .authorDetail), ("img", .authorDetail),
        ("photo", .authorDetail), ("pic", .authorDetail), ("picture", .authorDetail), ("thumb", .authorDetail),
        ("thumbnail", .authorDetail), ("headshot", .authorDetail), ("twitter", .authorDetail),
        ("follow", .authorDetail), ("email", .authorDetail), ("title", .authorDetail), ("role", .authorDetail),
        ("position", .authorDetail), ("job", .authorDetail), ("description", .authorDetail),
        ("desc", .authorDetail), ("about", .authorDetail),
        // Captions
        ("caption", .caption), ("captions", .caption), ("figcaption", .caption), ("credit", .caption),
        ("credits", .caption),
        // Article body
        ("articlebody", .articleBody), ("storybody", .articleBody), ("entrycontent", .articleBody),
        ("postcontent", .articleBody), ("postbody", .articleBody), ("articlecontent", .articleBody),
        ("storycontent", .articleBody), ("articletext", .articleBody), ("storytext", .articleBody),
        ("bodytext", .articleBody), ("richtext", .articleBody), ("contentbody", .articleBody),
        ("textcontent", .articleBody), ("maincontent", .articleBody),
        // Dates
        ("date", .dateline), ("dateline", .dateline), ("time", .dateline), ("timestamp", .dateline),
        ("published", .dateline), ("updated", .dateline), ("pubdate", .dateline),
        ("headline", .headline),
        // Summaries that restate the body by design
        ("dek", .summary), ("subdeck", .summary), ("standfirst", .summary), ("summary", .summary),
        ("abstract", .summary), ("takeaways", .summary), ("keytakeaways", .summary), ("highlights", .summary),
        ("tldr", .summary), ("keypoints", .summary), ("bullets", .summary),
        ("pullquote", .pullQuote), ("pullout", .pullQuote),
    ]

    /// Words of two parts that sites write joined, hyphenated or
    /// camel-cased alike (`article-body`, `articleBody`, `article__body`):
    /// matched on the name with its separators removed.
    private static let compoundWords: Set<String> = [
        "articlebody", "storybody", "entrycontent", "postcontent", "postbody", "articlecontent", "storycontent",
        "articletext", "storytext", "bodytext", "richtext", "contentbody", "textcontent", "maincontent",
        "mostread", "readmore", "upnext", "sronly", "visuallyhidden", "screenreader", "authorname", "sharebar",
        "adslot", "adunit", "keytakeaways", "keypoints", "pullquote",
    ]

    static let matcher = PhraseMatcher(words.map(\.0))
    private static let roles: [Roles] = words.map(\.1)

    /// The roles the words of one `class` or `id` value give.
    static func roles(of range: Range<Int>, in bytes: [UInt8]) -> Roles {
        guard !range.isEmpty else { return [] }
        var found: Roles = []
        for match in matcher.matches(in: bytes, range: range)
        where isDelimited(match.range, in: bytes, within: range) && !isStateModifier(match.range, in: bytes, within: range) {
            let matchRoles = roles[match.phrase]
            if !matchRoles.isDisjoint(with: [.pageFooter, .pageHeader])
                && !namesPagePart(match.range, in: bytes, within: range) {
                continue
            }
            found.formUnion(matchRoles)
        }
        if let compound = compoundRoles(range, in: bytes) { found.formUnion(compound) }
        if hidesElement(range, in: bytes) { found.insert(.hiddenState) }
        return found
    }

    /// A whole class that hides the element (`hidden`, `d-none`,
    /// `is-hidden`), unless another class shows it on some screens
    /// (`d-none d-md-block`, `hidden md:flex`).
    private static func hidesElement(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        // Most class values hold neither word: look before splitting.
        guard mentions("hid", range, in: bytes) || mentions("none", range, in: bytes) else { return false }
        let tokens = bytes[range].split(whereSeparator: { isSpace($0) }).map { String(decoding: $0, as: UTF8.self).lowercased() }
        guard tokens.contains(where: { hidingClasses.contains($0) }) else { return false }
        return !tokens.contains { token in
            token.contains(":") || token.hasSuffix("block") || token.hasSuffix("flex") || token.hasSuffix("inline")
                || token.hasSuffix("grid") || token.contains("show") || token.contains("visible")
        }
    }

    private static func mentions(_ word: StaticString, _ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard range.count >= needle.count else { return false }
        var start = range.lowerBound
        while start + needle.count <= range.upperBound {
            var index = 0
            while index < needle.count && PhraseMatcher.fold(bytes[start + index]) == needle[index] { index += 1 }
            if index == needle.count { return true }
            start += 1
        }
        return false
    }

    private static let hidingClasses: Set<String> = ["hidden", "d-none", "is-hidden", "hide", "u-hidden"]

    /// Compound words whatever separates their parts: each class token is
    /// read without `-` and `_`, lowercased, and looked up whole-part.
    private static func compoundRoles(_ range: Range<Int>, in bytes: [UInt8]) -> Roles? {
        var found: Roles = []
        var token: [UInt8] = []
        var index = range.lowerBound
        func finish() {
            if token.count >= 6 {
                for (word, role) in compoundTable where contains(token, word) { found.formUnion(role) }
            }
            token.removeAll(keepingCapacity: true)
        }
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                finish()
            } else if byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") {
                token.append(PhraseMatcher.fold(byte))
            }
            index += 1
        }
        finish()
        return found.isEmpty ? nil : found
    }

    private static let compoundTable: [([UInt8], Roles)] = words.filter { compoundWords.contains($0.0) }
        .map { (Array($0.0.utf8), $0.1) }

    private static func contains(_ token: [UInt8], _ word: [UInt8]) -> Bool {
        guard token.count >= word.count else { return false }
        var start = 0
        while start + word.count <= token.count {
            if token[start] == word[0] && token[start..<start + word.count].elementsEqual(word) { return true }
            start += 1
        }
        return false
    }

    /// `has-social-tools`, `is-sharing`, `comments-open` on an article:
    /// classes that describe a state of the element rather than what it is.
    private static func isStateModifier(_ match: Range<Int>, in bytes: [UInt8], within range: Range<Int>) -> Bool {
        var start = match.lowerBound
        while start > range.lowerBound, !isSpace(bytes[start - 1]) { start -= 1 }
        var end = match.upperBound
        while end < range.upperBound, !isSpace(bytes[end]) { end += 1 }
        let token = bytes[start..<end].map(PhraseMatcher.fold)
        for prefix in stateModifierPrefixes where token.starts(with: prefix) { return true }
        for suffix in stateModifierSuffixes where token.reversed().starts(with: suffix.reversed()) { return true }
        // `layout-with-rail`, `headline--has-lowertext`: the word before says so.
        var partEnd = match.lowerBound
        while partEnd > start, bytes[partEnd - 1] == UInt8(ascii: "-") || bytes[partEnd - 1] == UInt8(ascii: "_") { partEnd -= 1 }
        var partStart = partEnd
        while partStart > start, bytes[partStart - 1] != UInt8(ascii: "-"), bytes[partStart - 1] != UInt8(ascii: "_") { partStart -= 1 }
        if partEnd < match.lowerBound {
            let previous = bytes[partStart..<partEnd].map(PhraseMatcher.fold)
            if stateWords.contains(where: { $0.elementsEqual(previous) }) { return true }
        }
        return false
    }

    private static let stateWords: [[UInt8]] = ["has", "is", "with", "no", "without", "show", "hide", "can"]
        .map { Array($0.utf8) }

    /// `site-footer`, `footer-nav`, `page-header`: a page's own header or
    /// footer is named first; `headline__footer` or `card-footer` is the
    /// footer of something else.
    private static func namesPagePart(_ match: Range<Int>, in bytes: [UInt8], within range: Range<Int>) -> Bool {
        var start = match.lowerBound
        while start > range.lowerBound, !isSpace(bytes[start - 1]) { start -= 1 }
        guard start < match.lowerBound else { return true }
        let before = bytes[start..<match.lowerBound].map(PhraseMatcher.fold)
        return pageQualifiers.contains { before == $0 }
    }

    private static let pageQualifiers: [[UInt8]] = ["site-", "site_", "page-", "page_", "global-", "global_", "main-",
                                                    "main_", "l-", "c-", "o-", "site", "page", "global"]
        .map { Array($0.utf8) }

    private static let stateModifierPrefixes: [[UInt8]] = ["has-", "has_", "is-", "is_", "with-", "no-", "show-", "hide-",
                                                            "can-", "enable-", "disable-"].map { Array($0.utf8) }
    private static let stateModifierSuffixes: [[UInt8]] = ["-open", "-enabled", "-disabled", "-closed", "-active",
                                                            "-on", "-off"].map { Array($0.utf8) }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// A match is a word of the name, not part of a longer word.
    private static func isDelimited(_ match: Range<Int>, in bytes: [UInt8], within range: Range<Int>) -> Bool {
        let first = bytes[match.lowerBound]
        if match.lowerBound > range.lowerBound {
            let before = bytes[match.lowerBound - 1]
            let camel = isLower(before) && isUpper(first)
            if isLetter(before) && !camel { return false }
        }
        if match.upperBound < range.upperBound {
            let after = bytes[match.upperBound]
            let lastIsLower = isLower(bytes[match.upperBound - 1])
            if isLower(after) { return false }
            if isUpper(after) && !lastIsLower { return false }
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool { isLower(byte) || isUpper(byte) }
    private static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
}
