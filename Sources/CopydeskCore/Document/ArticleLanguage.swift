/// The language an article is written in, as far as its quotation rules
/// need to know: English, whose conventions of attribution copydesk reads,
/// or another language, whose copy the English heuristics must not judge.
///
/// The text decides when there is enough of it: the script of its letters
/// (Cyrillic, Greek, Arabic, Hebrew, the CJK scripts, Devanagari, Thai…)
/// and, for Latin script, how many of its words are English function words.
/// Templates often declare `lang="en"` on pages written in other languages,
/// and the other way round, so the declaration (`<html lang>`, front matter
/// `lang:` or `language:`) counts only when the text is too short to tell.
public struct ArticleLanguage: Sendable, Hashable {
    public enum Source: String, Sendable {
        case text
        case markup
        case frontMatter = "front-matter"
        case assumed
    }

    /// A primary language subtag ("en", "ru") when known; "latin" for
    /// Latin-script copy that is not English; a script name otherwise.
    public var code: String
    public var source: Source

    public var isEnglish: Bool { code == "en" }

    public static let unknown = ArticleLanguage(code: "en", source: .assumed)

    public init(code: String, source: Source) {
        self.code = code
        self.source = source
    }

    /// Words of running text needed before the text outweighs a declaration.
    static let enoughWords = 40

    public static func detect(in document: Document) -> ArticleLanguage {
        var counter = ScriptCounter()
        for block in document.blocks where block.kind.isProse && block.kind != .notice {
            counter.add(block.content.utf8)
            // A few hundred words tell a language as surely as the whole
            // text (English runs at a function word in every three or four).
            if counter.words >= 300 { break }
        }
        if counter.words >= enoughWords, let code = counter.language { return ArticleLanguage(code: code, source: .text) }
        if let frontMatter = document.frontMatter,
           let value = (frontMatter["lang"] ?? frontMatter["language"])?.scalarText, let code = primarySubtag(value) {
            return ArticleLanguage(code: code, source: .frontMatter)
        }
        if let declared = document.declaredLanguage, let code = primarySubtag(declared) {
            return ArticleLanguage(code: code, source: .markup)
        }
        if counter.words > 0, let code = counter.language { return ArticleLanguage(code: code, source: .text) }
        return .unknown
    }

    /// "en-GB" → "en"; "English" → "en".
    static func primarySubtag(_ value: String) -> String? {
        let lowered = value.trimmingASCIIWhitespace().lowercased()
        if lowered == "english" { return "en" }
        let subtag = lowered.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        guard (2...3).contains(subtag.count), subtag.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return subtag
    }
}

/// Counts letters by script and English function words over UTF-8 text.
struct ScriptCounter {
    private(set) var words = 0
    private var englishWords = 0
    private var latinLetters = 0
    private var otherLetters: [String: Int] = [:]

    /// Words that make up a large share of any English text and few of
    /// other Latin-script languages' ("a", "in", "is" are left out: they are
    /// words of other languages too).
    /// Each word packed into an integer, a byte a letter (none is longer
    /// than eight), so a word is looked up without building a string.
    private static let englishFunctionWords: Set<UInt64> = Set([
        "the", "and", "of", "to", "that", "for", "with", "was", "said", "his", "her", "they", "this", "from", "have",
        "has", "are", "were", "which", "been", "would", "their", "about", "will", "there", "what", "when", "who",
        "she", "he", "it", "we", "you", "not", "but", "at", "by", "on", "an", "or", "be", "had", "its", "our",
    ].map { word in word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

    mutating func add(_ bytes: [UInt8]) {
        // The word so far, packed; `wordLength` past 8 means too long to be a function word.
        var word: UInt64 = 0
        var wordLength = 0
        var index = 0
        func append(_ byte: UInt8) {
            word = word << 8 | UInt64(byte)
            wordLength += 1
        }
        func finishWord() {
            guard wordLength > 0 else { return }
            words += 1
            if wordLength <= 8 && Self.englishFunctionWords.contains(word) { englishWords += 1 }
            word = 0
            wordLength = 0
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                let lower = byte | 0x20
                if lower >= 0x61 && lower <= 0x7A {
                    latinLetters += 1
                    append(lower)
                } else if byte == 0x27 && wordLength > 0 {
                    // don't: one word
                } else {
                    finishWord()
                }
                index += 1
                continue
            }
            // A byte that is not valid UTF-8 is skipped: it neither counts
            // nor ends a word.
            let decoded = UTF8Scalars.decode(bytes, at: index, end: bytes.count)
            index += decoded.length
            guard let value = decoded.scalar?.value else { continue }
            if let script = Self.script(of: value) {
                if script == "latin" {
                    latinLetters += 1
                    // An accented letter keeps the word going but makes it no English function word.
                    append(0xFF)
                } else {
                    otherLetters[script, default: 0] += 1
                    // Scripts without spaces count a word per letter.
                    if script == "cjk" || script == "thai" {
                        finishWord()
                        words += 1
                    } else {
                        append(0xFF)
                    }
                }
            } else if value != 0x2019 {
                finishWord()
            }
        }
        finishWord()
    }

    /// The language the counts show, nil for too little text.
    var language: String? {
        let other = otherLetters.max { $0.value < $1.value }
        if let other, other.value > latinLetters {
            switch other.key {
            case "cyrillic": return "cyrillic"
            default: return other.key
            }
        }
        guard words > 0, latinLetters > 0 else { return nil }
        // English running text has a function word in every four or five
        // words; French, German, Spanish or Portuguese copy has few of them.
        return englishWords * 100 >= words * 12 ? "en" : "latin"
    }

    private static func script(of value: UInt32) -> String? {
        switch value {
        case 0x00C0...0x024F, 0x1E00...0x1EFF: return value == 0xD7 || value == 0xF7 ? nil : "latin"
        case 0x0370...0x03FF: return "greek"
        case 0x0400...0x052F: return "cyrillic"
        case 0x0530...0x058F: return "armenian"
        case 0x0590...0x05FF: return "hebrew"
        case 0x0600...0x06FF, 0x0750...0x077F: return "arabic"
        case 0x0900...0x097F: return "devanagari"
        case 0x0E00...0x0E7F: return "thai"
        case 0x10A0...0x10FF: return "georgian"
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF: return "cjk"
        default: return nil
        }
    }
}
