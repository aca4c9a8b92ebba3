/// Word-level tests on UTF-8 text shared by the parsers. They read only
/// short blocks or a block's first bytes, so they stay off the hot path.
package enum ProseHeuristics {
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
    package static func isChrome(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= 48, !bytes.contains(0x0A) else { return false }
        if isImagePlaceholder(bytes) { return true }
        let text = stripBullet(String(decoding: bytes, as: UTF8.self)).lowercased()
        if text.isEmpty { return true }
        return chromeLines.contains(text)
    }

    /// "• 16x9 Image", "Image", "Photo": where a page had a picture.
    package static func isImagePlaceholder(_ bytes: [UInt8]) -> Bool {
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
    package static func looksLikeCaption(_ bytes: [UInt8]) -> Bool {
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
    package static func looksLikeNotice(_ bytes: [UInt8]) -> Bool {
        if noticeStartMatcher.prefixMatch(of: bytes) != nil { return true }
        return bytes.count <= 200 && rightsReservedMatcher.contains(in: bytes)
    }

    /// Two to four capitalised words and nothing else: "Mike Eckel",
    /// "Mary-Jane O'Neil", "Juan de la Cruz".
    package static func looksLikePersonName(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3, bytes.count <= 60, !bytes.contains(0x0A) else { return false }
        let words = String(decoding: bytes, as: UTF8.self).split(separator: " ")
        guard (2...5).contains(words.count) else { return false }
        var capitalised = 0
        for word in words {
            guard let first = word.unicodeScalars.first else { return false }
            if NameParticles.all.contains(String(word)) { continue }
            guard first.properties.isUppercase else { return false }
            guard word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }) else {
                return false
            }
            capitalised += 1
        }
        return capitalised >= 2
    }

    /// Words separated by ASCII white space.
    package static func wordCount<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        countWords(bytes, stoppingAt: .max)
    }

    /// Whether there are at least `minimum` words, reading no further than
    /// it takes to know.
    package static func hasWords<Bytes: Sequence<UInt8>>(_ bytes: Bytes, atLeast minimum: Int) -> Bool {
        countWords(bytes, stoppingAt: minimum) >= minimum
    }

    private static func countWords<Bytes: Sequence<UInt8>>(_ bytes: Bytes, stoppingAt limit: Int) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if !isSpace && !inWord {
                count += 1
                if count >= limit { return count }
            }
            inWord = !isSpace
        }
        return count
    }
}
