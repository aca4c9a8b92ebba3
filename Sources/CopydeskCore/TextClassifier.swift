/// Gives the blocks of a plain-text article their roles. Plain text has no
/// markup, so the roles come from what newsroom pages look like when saved
/// as text: furniture lines above the headline, a short headline, a photo
/// caption right under it, a byline, and an author card (a name line, then
/// "Name is a … correspondent") near the end; the last two are found by
/// `BylineBlocks`, which the Markdown parser shares.
enum TextClassifier {
    static func classify(_ blocks: inout [Block]) {
        markChrome(&blocks)
        let headline = markHeadline(&blocks)
        BylineBlocks.markBylines(&blocks, headline: headline)
        guard let headline else { return }
        markCaptions(&blocks, after: headline)
        BylineBlocks.markAuthorCards(&blocks)
        markNotices(&blocks)
        markQuotedSubheads(&blocks)
    }

    /// American copy quotes with double marks and writes its heads in
    /// headline style, with single ones: a short line of its own that opens
    /// with a single-quoted phrase ('Nice place to work.', 'Chaos at the
    /// market' in a northern port town) is a section head, not a
    /// quotation awaiting a speaker. Copy that quotes with single marks
    /// (British style) keeps such lines as paragraphs.
    private static func markQuotedSubheads(_ blocks: inout [Block]) {
        let candidates = blocks.indices.filter { index in
            let bytes = blocks[index].content.utf8
            return blocks[index].kind == .paragraph && isHeadlineStyleQuote(bytes) && !bytes.contains(0x0A)
                && ProseHeuristics.wordCount(bytes) <= 10
        }
        guard !candidates.isEmpty else { return }
        var doubleOpenings = 0
        var singleOpenings = 0
        for block in blocks {
            let bytes = block.content.utf8
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0xE2 && bytes[index + 1] == 0x80 {
                    if bytes[index + 2] == 0x9C { doubleOpenings += 1 } else if bytes[index + 2] == 0x98 { singleOpenings += 1 }
                    index += 3
                } else {
                    if bytes[index] == 0x22 { doubleOpenings += 1 }
                    index += 1
                }
            }
        }
        guard doubleOpenings > 2 * singleOpenings else { return }
        for index in candidates {
            blocks[index].kind = .heading
            blocks[index].level = 2
        }
    }

    /// Opens with one single quotation mark (not '' standing for a double)
    /// and ends either with a single closing mark or without a full stop.
    private static func isHeadlineStyleQuote(_ bytes: [UInt8]) -> Bool {
        let opensCurly = bytes.starts(with: [0xE2, 0x80, 0x98])
        let opensStraight = bytes.first == 0x27 && bytes.dropFirst().first != 0x27
        guard opensCurly || opensStraight, var end = bytes.indices.last else { return false }
        if bytes.count >= 3, bytes.suffix(3).elementsEqual([0xE2, 0x80, 0x99]) {
            end -= 3
        } else if bytes[end] == 0x27, end > 0, bytes[end - 1] != 0x27 {
            end -= 1
        } else {
            return ![0x2E, 0x3F, 0x21, 0x22].contains(bytes[end]) && !bytes.suffix(3).elementsEqual([0xE2, 0x80, 0x9D])
        }
        return end > 0
    }

    private static func markChrome(_ blocks: inout [Block]) {
        for index in blocks.indices where ProseHeuristics.isChrome(blocks[index].content.utf8) {
            blocks[index].kind = .chrome
        }
    }

    /// The headline is the first block that is not furniture or a "By"
    /// line, when it is a single short line and something follows it.
    private static func markHeadline(_ blocks: inout [Block]) -> Int? {
        guard let first = blocks.firstIndex(where: { $0.kind != .chrome && !BylineBlocks.isByLine($0.content.utf8[...]) }),
              first + 1 < blocks.count else { return nil }
        let block = blocks[first]
        let bytes = block.content.utf8
        guard !bytes.contains(0x0A), bytes.count <= 300, ProseHeuristics.wordCount(bytes) <= 30 else { return nil }
        blocks[first].kind = .headline
        blocks[first].level = 1
        return first
    }

    /// Captions sit between the headline and the body: a line describing a
    /// photo, or a line repeated under itself. Body paragraphs are never
    /// taken for captions, since a caption-like sentence there is prose.
    private static func markCaptions(_ blocks: inout [Block], after headline: Int) {
        var index = headline + 1
        var seen = 0
        while index < blocks.count && seen < 3 {
            if blocks[index].kind == .chrome || blocks[index].kind == .byline {
                index += 1
                continue
            }
            let bytes = blocks[index].content.utf8
            let repeated = (index > headline + 1 && blocks[index - 1].content.utf8 == bytes && blocks[index - 1].kind == .caption)
                || (index + 1 < blocks.count && blocks[index + 1].content.utf8 == bytes)
            if repeated || ProseHeuristics.looksLikeCaption(bytes) {
                blocks[index].kind = .caption
            } else {
                break
            }
            seen += 1
            index += 1
        }
        // A caption line also follows an image placeholder anywhere in the page.
        for index in blocks.indices.dropFirst() where blocks[index - 1].kind == .chrome
            && ProseHeuristics.isImagePlaceholder(blocks[index - 1].content.utf8)
            && blocks[index].kind == .paragraph && ProseHeuristics.looksLikeCaption(blocks[index].content.utf8) {
            blocks[index].kind = .caption
        }
    }

    private static func markNotices(_ blocks: inout [Block]) {
        for index in blocks.indices where blocks[index].kind == .paragraph
            && ProseHeuristics.looksLikeNotice(blocks[index].content.utf8) {
            blocks[index].kind = .notice
        }
    }
}

/// Word-level tests on UTF-8 text shared by the parsers. They read only
/// short blocks or a block's first bytes, so they stay off the hot path.
public enum ProseHeuristics {
    static let chromeLines: Set<String> = [
        "accessibility links", "skip to main content", "skip to content", "skip navigation", "breaking news",
        "share", "share this", "share this article", "print", "email", "e-mail", "advertisement", "advertising",
        "subscribe", "sign in", "log in", "login", "register", "menu", "search", "close", "follow us",
        "related", "related stories", "related articles", "read more", "more", "comments", "newsletter",
        "image", "photo", "video", "audio", "listen", "watch", "copy link", "share on facebook",
        "share on twitter", "share on x", "tweet", "top stories", "most popular", "most read", "trending",
        "latest news", "home", "back to top", "live", "sponsored", "loading...", "see all", "next", "previous",
        "related content", "article continues below this ad", "story continues below advertisement",
        "continue reading", "you may also like", "read next", "up next", "more from", "recommended",
        "advertisement - scroll to continue", "link copied!", "copied!",
    ]

    /// Page furniture: a short line that is a known label, a bullet with an
    /// image size ("• 16x9 Image"), or a lone symbol.
    public static func isChrome(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= 48, !bytes.contains(0x0A) else { return false }
        if isImagePlaceholder(bytes) { return true }
        let text = stripBullet(String(decoding: bytes, as: UTF8.self)).lowercased()
        if text.isEmpty { return true }
        return chromeLines.contains(text)
    }

    /// "• 16x9 Image", "Image", "Photo": where a page had a picture.
    public static func isImagePlaceholder(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= 40 else { return false }
        let text = stripBullet(String(decoding: bytes, as: UTF8.self)).lowercased()
        guard text.hasSuffix("image") || text.hasSuffix("photo") || text.hasSuffix("picture") else { return false }
        let head = text.split(separator: " ").first.map(String.init) ?? ""
        let isAspect = head.split(separator: "x").count == 2 && head.split(separator: "x").allSatisfy { $0.allSatisfy(\.isNumber) }
        return text == "image" || text == "photo" || isAspect
    }

    private static func stripBullet(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first == "•" || first == "·" || first == "*" || first == "-" || first == "▪" || first == " " {
            scalars.removeFirst()
        }
        return String(scalars)
    }

    static let captionMarkers: [String] = [
        "(left)", "(right)", "(center)", "(centre)", "(front)", "(top)", "(bottom)", "(l)", "(r)", "(c)",
        "(file)", "(file photo)", "pictured", "photo:", "photograph:", "photo by", "photo credit", "image:",
        "image credit", "ap photo", "getty images", "reuters/", "/reuters", "afp/", "/afp", "epa/", "/epa",
        "file photo", "in this photo", "in this image", "in this undated", "like this one", "shown here",
        "seen here", " is seen ", " are seen ", "poses for", "pose for", "credit:",
    ]

    static let captionMatcher = PhraseMatcher(captionMarkers)

    /// A line that describes a photograph: position markers, photo credits,
    /// "in this file photo".
    public static func looksLikeCaption(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= 600, !bytes.isEmpty else { return false }
        return captionMatcher.contains(in: bytes)
    }

    static let noticePrefixes: [String] = [
        "editor's note", "editor’s note", "editors' note", "editors’ note", "correction:", "corrections:",
        "clarification:", "disclosure:", "copyright ", "copyright©", "©", "(c) ", "sponsored content", "paid post",
        "this article was corrected", "this story has been corrected", "this story was corrected",
        "this content was paid for", "this content is sponsored",
    ]

    static let noticeStartMatcher = PhraseMatcher(noticePrefixes)
    static let rightsReservedMatcher = PhraseMatcher(["all rights reserved"])

    /// An editor's note, correction, disclosure or copyright line.
    public static func looksLikeNotice(_ bytes: [UInt8]) -> Bool {
        if noticeStartMatcher.prefixMatch(of: bytes) != nil { return true }
        return bytes.count <= 200 && rightsReservedMatcher.contains(in: bytes)
    }

    /// Two to four capitalised words and nothing else: "Mike Eckel",
    /// "Mary-Jane O'Neil", "Juan de la Cruz".
    public static func looksLikePersonName(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3, bytes.count <= 60, !bytes.contains(0x0A) else { return false }
        let words = String(decoding: bytes, as: UTF8.self).split(separator: " ")
        guard (2...5).contains(words.count) else { return false }
        let particles: Set<Substring> = ["de", "la", "van", "von", "der", "da", "di", "del", "bin", "al", "le"]
        var capitalised = 0
        for word in words {
            guard let first = word.unicodeScalars.first else { return false }
            if particles.contains(word) { continue }
            guard first.properties.isUppercase else { return false }
            guard word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }) else {
                return false
            }
            capitalised += 1
        }
        return capitalised >= 2
    }

    /// Words separated by ASCII white space.
    public static func wordCount<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }
}
