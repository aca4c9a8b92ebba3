import CopydeskCore
import CopydeskPolicy

/// quote-attribution: every direct quotation is credited to a speaker.
public struct QuoteAttributionRule: Rule {
    public static let description = RuleDescription(
        id: "quote-attribution",
        summary: "Every direct quotation must say who said it.",
        rationale: """
            A direct quotation puts words in someone's mouth. If the story does not say whose, the \
            reader cannot weigh them and the newsroom cannot stand behind them, so an unattributed \
            quote must never be published.

            A quotation counts as attributed when a cue (said, told, added, asked, according to, \
            wrote, posted, tweeted, said in a statement, quoted as saying, …) is tied to a speaker (a \
            name, a pronoun, a title or description such as "the spokesman" or "a White House \
            official", an organisation or a publication) in the quotation's own sentence, in the \
            sentence just before or after it in the same paragraph, in an earlier sentence of the \
            paragraph (the speaker last credited goes on speaking), in a lead-in paragraph that ends \
            with a colon ("The mayor said:"), in a credit closing the paragraph ("[AP]"), or in \
            another paragraph of a quotation that runs on AP style. With `continuation: \
            previous-speaker` (the default), a quotation paragraph right after a paragraph that ends \
            with an attributed quotation is that speaker going on, as news copy writes a run of \
            quotes; `copydesk inspect` marks such an attribution `inherited`. `continuation: strict` \
            wants every paragraph to name its speaker. A blockquote is a quotation too, credited by \
            a "— Name" line inside or right after it, or by a lead-in paragraph.

            Each finding carries a confidence. A quotation standing as a sentence of its own in \
            narrative, with no speaker near, is what a cut credit leaves, and is an error. Published \
            copy also leaves quotations uncredited by convention, or credits them in wording \
            copydesk may not read: excerpts in blockquotes, phrases woven into the reporter's \
            sentence, answers to a question the reporter just put, quoted crossheads, social posts, \
            an article told in quotation paragraphs, words of saying elsewhere in the sentence or \
            paragraph, hypothetical speech ("like", "as if", "you might"). Each makes the finding \
            less certain; below `min-confidence` (0.7) it is a note that gives its reasons, for an \
            editor to look at without failing a build. Copy that is not in English (the article's \
            language is read from its text, else `<html lang>` or front matter `lang:`) is not \
            judged by these English cues at all, and a legal notice's quoted names are no speech.

            Quoted runs shorter than `min-words` words are scare quotes or terms, not quotations, \
            and are left alone; so are titles of works (quoted words in title case, or right after \
            "titled", "column", "book" and the like), quotations in \
            headlines, and epigraphs (a blockquote before the first paragraph). Whether "said" is \
            preferred over loaded verbs such as "claimed" is a style question for another rule; any \
            cue counts here. Houses add their own cues and speaker words with `extra-cues` and \
            `extra-speaker-nouns`.
            """,
        defaultSeverity: .error,
        options: [
            OptionSpec("min-words", .integer(1...100), default: .integer(4),
                       "Quoted runs with fewer words are scare quotes or terms, not quotations."),
            OptionSpec("extra-cues", .strings, default: .strings([]),
                       "More words or phrases that attribute a quotation (\"insisted on camera\")."),
            OptionSpec("ignore-cues", .strings, default: .strings([]),
                       "Built-in cues the house does not accept as attribution."),
            OptionSpec("extra-speaker-nouns", .strings, default: .strings([]),
                       "More nouns that name a speaker on their own (\"the ombudsman\")."),
            OptionSpec("primary-quote-mark", .choice(["double", "single"]), default: .string("double"),
                       "Which quotation marks open a quotation: double (“…”, US) or single (‘…’, UK)."),
            OptionSpec("exempt-titles", .bool, default: .bool(true),
                       "Leave quoted titles of works alone: title case, or right after “titled”, “book”, “column”."),
            OptionSpec("exempt-headlines", .bool, default: .bool(true),
                       "Leave quotations in headlines and headings alone."),
            OptionSpec("exempt-epigraphs", .bool, default: .bool(true),
                       "Leave a blockquote before the first paragraph alone."),
            OptionSpec("continuation", .choice(AttributionFinder.Continuation.allCases.map(\.rawValue)),
                       default: .string(AttributionFinder.Continuation.previousSpeaker.rawValue),
                       "previous-speaker: a quotation paragraph after one ending with an attributed quotation is "
                           + "that speaker going on; strict: every paragraph names its speaker."),
            OptionSpec("min-confidence", .number(0...1), default: .number(0.7),
                       "Findings the rule is less sure of than this (0 to 1) are reported as notes, not errors."),
        ],
        triggering: [
            RuleExample("The council met on Tuesday.\n\n↓“We will not raise taxes this year or next.”\n"),
            RuleExample("The council met. ↓“We will not raise taxes this year,” and the room went quiet.\n"),
            RuleExample("Residents packed the hall. ↓\"The bridge has to be rebuilt before winter.\"\n", format: .text),
            RuleExample("“The river rose overnight,” the engineer said.\n\n↓“By morning the levee held and the town was safe.”\n",
                        options: ["continuation": .string("strict")]),
            RuleExample("The mayor spoke for an hour.\n\n> ↓We shall fight on the beaches and in the streets.\n"),
            RuleExample("# Storm hits\n\nThe storm came in at night.\n\n↓“Nobody expected the water to rise so fast,” reporters during the briefing.\n"),
        ],
        nonTriggering: [
            RuleExample("“We will not raise taxes this year,” the mayor said.\n"),
            RuleExample("Mayor Ana Ruiz said, “We will not raise taxes this year.”\n"),
            RuleExample("“It is,” she said, “far too late to change the plan now.”\n"),
            RuleExample("“We will not raise taxes,” said a spokeswoman for the mayor.\n"),
            RuleExample("According to the city’s statement, “the bridge will reopen in the spring of next year.”\n"),
            RuleExample("The plan, she said, was “far out of step with what the neighbours asked for.”\n"),
            RuleExample("Marlow was quoted as saying it was wrong. “We don't turn down invitations.”\n"),
            RuleExample("The mayor said:\n\n“We will not raise taxes this year or next.”\n"),
            RuleExample("“The river rose overnight,” the engineer said. “We worked until dawn.\n\n“By morning the levee held and the town was safe.”\n"),
            RuleExample("Mara Lindgren, the assistant commissioner, told reporters “we have real concerns about the draft.”\n"),
            RuleExample("He called the plan “a bad idea.”\n"),
            RuleExample("She reads “The Old Man and the Sea” every summer.\n"),
            RuleExample("# “We Will Not Raise Taxes This Year,” Mayor Says\n\nThe council met.\n"),
            RuleExample("> We shall fight on the beaches and in the streets.\n> — Winston Churchill\n\nThe speech was in 1940.\n"),
            RuleExample("The prime minister told parliament:\n\n> We shall fight on the beaches and in the streets.\n"),
            RuleExample("‘We will not raise taxes this year,’ the mayor said.\n",
                        options: ["primary-quote-mark": .string("single")]),
            RuleExample("Ferrand tweeted: “The harbor board is working overtime today.”\n"),
            RuleExample("> “We asked for a budget a resident can read in one sitting,” said Ana Ruiz of the taxpayers’ association.\n"),
            RuleExample("“Go back to the drawing board and start again,” the councillor snapped.\n"),
            RuleExample("''We will not raise taxes this year,'' the mayor said.\n", format: .text),
            RuleExample("“The reservoir is at its lowest level since 1976” ― Water Board chair Ruth Okafor\n"),
            RuleExample("“Those are very small towns,” Woolson said. They lie in a media dead zone. “That’s a tough area to win.”\n"),
            RuleExample("Her column, “Tell your story to the people who need it,” ran on Sunday.\n"),
            RuleExample("“The budget will frame the choice facing voters this year.” Tune in at 9 p.m. [AP.]\n"),
            RuleExample("“The river rose overnight,” the engineer said.\n\n“And by morning the levee held and the town was safe.”\n"),
            RuleExample("“The river rose overnight,” the engineer said.\n\n“By morning the levee held and the town was safe.”\n"),
        ])

    public struct Configuration: RuleConfiguration, Hashable {
        public enum QuoteMark: String, Decodable, Sendable { case double, single }

        public var minWords: Int
        public var extraCues: [String]
        public var ignoreCues: [String]
        public var extraSpeakerNouns: [String]
        public var primaryQuoteMark: QuoteMark
        public var exemptTitles: Bool
        public var exemptHeadlines: Bool
        public var exemptEpigraphs: Bool
        package var continuation: AttributionFinder.Continuation
        public var minConfidence: Double

        enum CodingKeys: String, CodingKey {
            case minWords = "min-words", extraCues = "extra-cues", ignoreCues = "ignore-cues"
            case extraSpeakerNouns = "extra-speaker-nouns", primaryQuoteMark = "primary-quote-mark"
            case exemptTitles = "exempt-titles", exemptHeadlines = "exempt-headlines", exemptEpigraphs = "exempt-epigraphs"
            case continuation, minConfidence = "min-confidence"
        }

        /// The cues and speaker nouns these options give, for the rule and
        /// for `copydesk inspect`.
        package var vocabulary: AttributionVocabulary {
            let ignored = Set(ignoreCues.map { $0.lowercased() })
            guard !ignored.isEmpty || !extraCues.isEmpty || !extraSpeakerNouns.isEmpty else { return .standard }
            return AttributionVocabulary(
                cues: AttributionVocabulary.defaultCues.filter { !ignored.contains($0) } + extraCues,
                speakerNouns: AttributionVocabulary.defaultSpeakerNouns + extraSpeakerNouns)
        }
    }

    let configuration: Configuration
    let finder: AttributionFinder

    public init(configuration: Configuration) {
        self.configuration = configuration
        finder = AttributionFinder(vocabulary: configuration.vocabulary, continuation: configuration.continuation)
    }

    private var minWords: Int { configuration.minWords }
    private var singleQuotesArePrimary: Bool { configuration.primaryQuoteMark == .single }
    private var exemptTitles: Bool { configuration.exemptTitles }
    private var exemptHeadlines: Bool { configuration.exemptHeadlines }
    private var exemptEpigraphs: Bool { configuration.exemptEpigraphs }
    private var minConfidence: Double { configuration.minConfidence }
    private var continuation: AttributionFinder.Continuation { configuration.continuation }

    /// The document's quotations with their attributions, as this rule reads them.
    public func attributedQuotes(_ document: Document) -> [Quote] {
        var copy = document
        if singleQuotesArePrimary { QuoteScanner.scan(&copy, singleQuotesArePrimary: true) }
        finder.attribute(&copy)
        return copy.quotes
    }

    public func check(_ document: Document) -> [Violation] {
        // The cues and sentence shapes read here are English; copy in other
        // languages is not judged by them (inspect gives the language).
        guard document.language.isEnglish else { return [] }
        var copy = document
        if singleQuotesArePrimary { QuoteScanner.scan(&copy, singleQuotesArePrimary: true) }
        // Only quotations the rule would report need a speaker looked for.
        let minWords = self.minWords
        finder.attribute(&copy) { quote in
            quote.depth == 0 && ProseHeuristics.hasWords(quote.textBytes, atLeast: minWords)
        }
        let quotes = copy.quotes
        let surroundings = QuoteFindingConfidence.Surroundings(copy)
        let firstParagraph = document.blocks.firstIndex { $0.kind == .paragraph } ?? document.blocks.count
        var violations: [Violation] = []
        for quote in quotes where quote.depth == 0 && quote.attribution == nil {
            let block = document.blocks[quote.blockIndex]
            let words = quote.innerText.split { $0 == " " || $0 == "\n" || $0 == "\t" }
            if words.count < minWords { continue }
            if exemptHeadlines && (block.kind == .headline || block.kind == .heading || block.kind == .standfirst) { continue }
            if exemptEpigraphs && quote.isBlockquote && quote.blockIndex < firstParagraph { continue }
            if exemptTitles && !quote.isBlockquote
                && (Self.isTitle(words) || Self.followsNameOfWork(block.content.utf8, before: quote.textRange.lowerBound)) { continue }
            // A legal line quotes the names of publications, not anyone's words.
            if block.kind == .frontMatterField || block.kind == .chrome || block.kind == .notice { continue }
            let weighed = QuoteFindingConfidence(quote: quote, words: words.count, in: copy, surroundings: surroundings,
                                                 continuation: continuation)
            var text = message(for: quote, words: words.count)
            if weighed.value < minConfidence { text += " Less certain: " + weighed.reasons.joined(separator: "; ") + "." }
            violations.append(Violation(message: text, range: quote.range,
                                        confidence: weighed.value, isTentative: weighed.value < minConfidence))
        }
        return violations
    }

    private func message(for quote: Quote, words: Int) -> String {
        let excerpt = Self.excerpt(quote.innerText)
        if quote.isBlockquote {
            return "Blockquote “\(excerpt)” is not attributed: nothing says who wrote or said it. "
                + "Add a “— Name” line under it, or a lead-in such as “The mayor said:” before it."
        }
        return "Direct quotation “\(excerpt)” (\(Counted.phrase(words, "word"))) is not attributed: no speaker with a cue such as "
            + "“said”, “told” or “according to” in its sentence, the sentence before or after it, or a lead-in "
            + "ending with a colon. Credit the speaker, for example “…,” the mayor said."
    }

    /// Whether `text` has at least `minimum` words, counted on its bytes.
    static func wordCount(_ text: String, atLeast minimum: Int) -> Bool {
        ProseHeuristics.hasWords(text.utf8, atLeast: minimum)
    }

    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == " " }).joined(separator: " ")
        guard flat.count > 60 else { return flat }
        return String(flat.prefix(57)) + "…"
    }

    /// "Lena Ortiz's column, “Keep the ferry running, mayor,” is
    /// persuasive", "an op-ed titled “…”": a quotation right after a noun
    /// for a work, or a verb that names one, is its title.
    static func followsNameOfWork(_ bytes: [UInt8], before start: Int) -> Bool {
        var end = min(start, bytes.count)
        while end > 0, [0x20, 0x09, 0x0A, 0x2C].contains(bytes[end - 1]) { end -= 1 }
        var begin = end
        while begin > 0, bytes[begin - 1] >= 0x80 || (bytes[begin - 1] | 0x20 >= 0x61 && bytes[begin - 1] | 0x20 <= 0x7A) || bytes[begin - 1] == 0x2D {
            begin -= 1
        }
        guard end - begin >= 3 else { return false }
        return workWords.contains(String(decoding: bytes[begin..<end], as: UTF8.self).lowercased())
    }

    static let workWords: Set<String> = [
        "titled", "entitled", "headlined", "subtitled", "dubbed", "commentary", "column", "op-ed", "editorial",
        "essay", "article", "book", "memoir", "novel", "song", "album", "film", "movie", "documentary", "episode",
        "poem", "headline", "hashtag", "slogan", "motto", "banner", "line", "lines", "lyric", "lyrics", "tagline",
        "caption", "inscription", "sign", "placard", "refrain", "chorus", "verse", "series", "segment",
    ]

    /// Words a title leaves in lower case.
    static let minorTitleWords: Set<String> = ["with", "from", "into", "about", "over", "after", "upon", "than", "that", "onto"]

    /// "The Old Man and the Sea", "State of the Union,": most words
    /// capitalised, no question or exclamation at the end.
    static func isTitle(_ words: [Substring]) -> Bool {
        // American style puts a comma or full stop inside the marks even after a title.
        guard words.count <= 14, let last = words.last?.last, !"?!;:".contains(last) else { return false }
        let significant = words.filter { $0.count > 3 && !minorTitleWords.contains($0.lowercased()) }
        guard !significant.isEmpty else { return false }
        let capitalised = significant.filter { $0.unicodeScalars.first.map { $0.properties.isUppercase } ?? false }
        return capitalised.count * 4 >= significant.count * 3
    }
}

/// How sure quote-attribution is that an uncredited quotation is a missing
/// credit, from what surrounds it. A quotation standing as a sentence of
/// its own in a paragraph of narrative, with no speaker anywhere near, is
/// what a cut credit leaves and is reported with confidence; each
/// convention below, under which published copy leaves quotations
/// uncredited on purpose or credits them in words copydesk may not read,
/// makes the finding less certain.
struct QuoteFindingConfidence {
    private(set) var value = 0.9
    /// Why the finding is less certain, in words an editor reads.
    private(set) var reasons: [String] = []

    private mutating func lower(_ factor: Double, _ reason: String) {
        value *= factor
        reasons.append(reason)
    }

    /// What the document holds around its quotations, read once for all
    /// of its findings.
    struct Surroundings {
        /// Paragraphs that open with a quotation of eight words or more no
        /// one is credited with.
        let uncreditedQuoteParagraphs: Set<Int>
        /// Blocks holding a double-quoted quotation of four words or more.
        let quotingBlocks: Set<Int>
        /// Each paragraph's sentences and words of saying, read once for
        /// all of its quotations.
        let paragraphs = ParagraphFactsCache()

        init(_ document: Document) {
            var uncredited = Set<Int>()
            var quoting = Set<Int>()
            for quote in document.quotes where quote.depth == 0 {
                if !QuoteFindingConfidence.isSingleQuoted(quote), QuoteAttributionRule.wordCount(quote.innerText, atLeast: 4) {
                    quoting.insert(quote.blockIndex)
                }
                if quote.attribution == nil, !quote.isBlockquote, quote.textRange.lowerBound == 0,
                   document.blocks[quote.blockIndex].kind == .paragraph, QuoteAttributionRule.wordCount(quote.innerText, atLeast: 8) {
                    uncredited.insert(quote.blockIndex)
                }
            }
            uncreditedQuoteParagraphs = uncredited
            quotingBlocks = quoting
        }
    }

    init(quote: Quote, words: Int, in document: Document, surroundings: Surroundings,
         continuation: AttributionFinder.Continuation) {
        let block = document.blocks[quote.blockIndex]
        let bytes = block.content.utf8
        let facts = surroundings.paragraphs.facts(of: quote.blockIndex, bytes)
        // Excerpts, embedded posts, pull quotes and key-quote boxes: a
        // blockquote is credited by its link, its layout or its own card
        // as often as by words.
        if quote.isBlockquote || block.kind == .blockquote { lower(0.55, "a blockquote, often credited by its link or layout") }
        // A list or a caption quotes in shorthand (a list of sayings, a
        // sign in a picture).
        if block.kind == .listItem || block.kind == .caption { lower(0.6, "in a list or a caption") }
        let sentence = facts.sentence(around: quote.textRange)
        let before = sentence.lowerBound..<min(quote.textRange.lowerBound, bytes.count)
        let after = min(quote.textRange.upperBound, bytes.count)..<sentence.upperBound
        // Words of saying elsewhere in the sentence: the speaker is likely
        // there, in wording the finder does not read ("…,” the notice the
        // council pinned to the door last week reads).
        if facts.saying.contains(before) || facts.saying.contains(after) {
            lower(0.6, "words of saying elsewhere in its sentence")
        }
        // Woven into a sentence of the reporter's without the comma or
        // colon that introduces a full quotation, and starting in lower
        // case: a phrase, a term, a document's words, more often than a
        // missing speaker. ("…, “We will rebuild.”" is a full quotation.)
        let wovenIn = facts.hasWords(before) && !Self.isIntroduced(quote)
        if wovenIn { lower(words >= 20 ? 0.8 : 0.6, "woven into the sentence, not introduced as speech") }
        let markBefore = Self.lastNonSpace(before: quote.textRange.lowerBound, in: bytes)
        // In brackets: an aside quoting a document or an earlier remark.
        if markBefore == UInt8(ascii: "(") { lower(0.6, "in brackets") }
        // "The harbour board's annual report: “…”": a colon after a
        // sentence that names its source.
        if markBefore == UInt8(ascii: ":"), facts.namesSomeone(before) {
            lower(0.65, "after a colon that follows a named source")
        }
        // A speaker credited earlier in the paragraph goes on speaking, in
        // wording the finder may not read ("“…,” we heard the skipper
        // saying. “…”").
        if !wovenIn, facts.saying.contains(0..<sentence.lowerBound) {
            lower(0.7, "a speaker may be credited earlier in the paragraph")
        }
        // An answer to the question the reporter just put ("Does the
        // skipper mind the cold? “Never.”"): an interview written as prose.
        if facts.lastNonSpace(before: sentence.lowerBound) == UInt8(ascii: "?") {
            lower(0.6, "an answer to the question before it")
        }
        // The sentence before names a person who then speaks ("The skipper
        // took over the boat in May. She “…”").
        if facts.previousSentenceNamesSomeone(before: sentence.lowerBound) {
            lower(0.8, "the sentence before names who may be speaking")
        }
        // A short line in quotation marks with no closing punctuation: a
        // quoted crosshead or title, not speech.
        if words <= 8, block.kind == .paragraph, quote.textRange.count + 2 >= bytes.count,
           !Self.endsWithPunctuation(quote.innerText) {
            lower(0.5, "a short quoted line, like a crosshead")
        }
        // A social post's text (@handles, #tags) carries its own credit card.
        if quote.innerText.hasPrefix("@") || quote.innerText.hasPrefix("#") || quote.innerText.split(separator: "#").count > 2 {
            lower(0.6, "a social post's text")
        }
        // Single marks where the copy's quotations are double: a term, a
        // title, or British-style quotation credited in the paragraph around.
        if Self.isSingleQuoted(quote) { lower(0.7, "in single quotation marks") }
        // What someone might say, thought or wondered: no one said it.
        if facts.hypothetical.contains(before) { lower(0.6, "what someone might say, not what was said") }
        // A question put in quotation marks is often the reporter's or a
        // document's question, not a speaker's words.
        if quote.innerText.hasSuffix("?") || quote.innerText.hasSuffix("?”") { lower(wovenIn ? 0.6 : 0.8, "a question") }
        // An article told in quotation paragraphs (an interview, a profile
        // in the subject's words) credits its speaker once.
        let uncredited = surroundings.uncreditedQuoteParagraphs
        if uncredited.count - (uncredited.contains(quote.blockIndex) ? 1 : 0) >= 3 { lower(0.6, "the article is told in quotation paragraphs") }
        // After a paragraph that quotes someone, a quotation paragraph may
        // still be that speaker going on where copydesk could not tie the
        // earlier quotation to a speaker.
        // Unless the quotation closes on a comma with more of its sentence
        // to come: that comma promises a credit here, not an earlier speaker.
        let promisesCredit = !facts.hasWords(before) && quote.innerText.hasSuffix(",") && facts.hasWords(after)
        if continuation == .previousSpeaker, !wovenIn, !promisesCredit, let previous = Self.previousProse(before: quote.blockIndex, in: document),
           Self.storyKinds.contains(document.blocks[previous].kind), surroundings.quotingBlocks.contains(previous) {
            lower(0.6, "the paragraph before quotes someone who may be going on")
        }
        value = (value * 100).rounded() / 100
    }

    /// The sentence holding `range`: from the end of the sentence before it
    /// (". ", "?” ", a line break) to the end of its own.
    static func sentence(around range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var start = min(range.lowerBound, bytes.count)
        while start > 0 {
            if bytes[start - 1] == 0x0A { break }
            // "the answer is... “a longer rope.”": a lower-case word after
            // the stop goes on with the same sentence.
            if bytes[start - 1] == 0x20 && endsSentence(before: start - 1, in: bytes) && !startsLowercase(at: start, in: bytes) { break }
            start -= 1
        }
        var end = min(range.upperBound, bytes.count)
        while end < bytes.count {
            if bytes[end] == 0x0A || (bytes[end] == 0x20 && endsSentence(before: end, in: bytes)) { break }
            end += 1
        }
        return start..<max(end, start)
    }

    static func startsLowercase(at index: Int, in bytes: [UInt8]) -> Bool {
        var cursor = index
        while cursor < bytes.count, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 { cursor += 1 }
        if cursor + 2 < bytes.count, bytes[cursor] == 0xE2, bytes[cursor + 1] == 0x80 { cursor += 3 }
        return cursor < bytes.count && bytes[cursor] >= 0x61 && bytes[cursor] <= 0x7A
    }

    /// Whether the text before `index` ends a sentence: . ? ! or …, after
    /// which closing quotation marks and brackets may stand.
    static func endsSentence(before index: Int, in bytes: [UInt8]) -> Bool {
        var cursor = index
        while cursor >= 3, bytes[cursor - 3] == 0xE2, bytes[cursor - 2] == 0x80,
              bytes[cursor - 1] == 0x9D || bytes[cursor - 1] == 0x99 {
            cursor -= 3
        }
        while cursor >= 1, bytes[cursor - 1] == 0x22 || bytes[cursor - 1] == 0x27 || bytes[cursor - 1] == 0x29 { cursor -= 1 }
        guard cursor >= 1 else { return false }
        let last = bytes[cursor - 1]
        if last == 0x2E || last == 0x3F || last == 0x21 { return true }
        return cursor >= 3 && bytes[cursor - 3] == 0xE2 && bytes[cursor - 2] == 0x80 && bytes[cursor - 1] == 0xA6
    }

    /// A capital letter just after the opening mark: a full quotation of
    /// someone's words, as AP style introduces one. After a comma, a
    /// quotation in lower case still goes on with the reporter's sentence
    /// ("whatever the weather, “the boat sails at noon”").
    static func isIntroduced(_ quote: Quote) -> Bool {
        let first = quote.innerText.unicodeScalars.first(where: TextScalars.isLetterOrDigit)
        return first?.properties.isUppercase ?? false
    }

    /// Letters before the quotation in its sentence, beyond a conjunction
    /// or a dash.
    static func hasWords(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        var letters = 0
        for index in range where bytes[index] >= 0x41 {
            letters += 1
            if letters > 4 { return true }
        }
        return false
    }

    /// The paragraph before, past crossheads, pictures and furniture: an
    /// interview's subheading does not change who is speaking.
    static func previousProse(before index: Int, in document: Document) -> Int? {
        var candidate = index - 1
        while candidate >= 0 {
            let kind = document.blocks[candidate].kind
            if kind.isProse && kind != .caption && kind != .heading { return candidate }
            if kind != .image && kind != .chrome && kind != .caption && kind != .heading { return nil }
            candidate -= 1
        }
        return nil
    }

    static func lastNonSpace(before index: Int, in bytes: [UInt8]) -> UInt8? {
        var cursor = min(index, bytes.count)
        while cursor > 0, bytes[cursor - 1] == 0x20 || bytes[cursor - 1] == 0x0A { cursor -= 1 }
        return cursor > 0 ? bytes[cursor - 1] : nil
    }

    static func endsWithPunctuation(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { !$0.properties.isWhitespace }) else { return false }
        return ".!?,;:…".unicodeScalars.contains(last)
    }

    /// A capitalised word after the first of the range (a name), or a
    /// personal pronoun.
    static func namesSomeone(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        var index = range.lowerBound
        var wordStart = true
        var wordIndex = 0
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A {
                wordStart = true
            } else {
                if wordStart {
                    if wordIndex > 0, byte >= 0x41 && byte <= 0x5A { return true }
                    wordIndex += 1
                }
                wordStart = false
            }
            index += 1
        }
        return pronouns.contains(in: bytes, range: range)
    }

    /// The sentence before `start` in the same paragraph has a person as
    /// its subject.
    static func previousSentenceNamesSomeone(before start: Int, in bytes: [UInt8]) -> Bool {
        guard start > 1 else { return false }
        let previous = sentence(around: (start - 2)..<(start - 2), in: bytes)
        guard !previous.isEmpty, !bytes[previous].contains(0x22), !bytes[previous].contains(0xE2) else { return false }
        return pronouns.contains(in: bytes, range: previous)
    }

    static let pronouns = PhraseMatcher(["he", "she", "they", "his", "her", "their", "him"], wholeWords: true)

    static let storyKinds: Set<BlockKind> = [.paragraph, .blockquote, .listItem]

    /// ‘…’: in copy whose quotations are double, a single-quoted run is a
    /// term or a title.
    static func isSingleQuoted(_ quote: Quote) -> Bool {
        guard let first = quote.text.unicodeScalars.first else { return false }
        return first == "‘" || first == "'"
    }

    /// Strong verbs of saying and writing, and how documents and posts are
    /// quoted ("reads", "shared", "captioned"); nouns that look like verbs
    /// ("states", "calls") are left out.
    static let sayingWords = PhraseMatcher([
        "said", "says", "say", "saying", "told", "tells", "tell", "telling", "wrote", "writes", "asked", "asks",
        "asking", "added", "adds", "notes", "note",
        "according to", "explained", "explains", "shared", "captioned", "posted", "tweeted", "stated", "replied",
        "noted", "recalled", "recalls", "continued", "reads", "concluded", "described", "describes", "quoted",
        "insisted", "argued", "warned", "claimed", "joked", "admitted", "announced", "commented", "responded",
        "urged", "pleaded", "confessed", "confesses", "recounted", "recounts", "remarked", "conceded", "concedes",
    ], wholeWords: true)

    static let hypothetical = PhraseMatcher([
        "ask them", "tell them", "ask yourself", "try saying", "you might", "you could",
        "like", "as if", "as though", "imagine", "would say", "might say", "could say", "would ask", "thinking",
        "thought", "think", "wonder", "wondered", "wondering", "feel like", "felt like", "go like", "went like",
        "goes like", "dream", "dreamed", "pretend", "instead of", "rather than", "the idea that", "the notion that",
    ], wholeWords: true)
}

/// The paragraphs of one document whose quotations are weighed, each read
/// once: a paragraph of thousands of quotations in one long sentence cost
/// a scan of the sentence per quotation, the square of its length.
final class ParagraphFactsCache {
    private var facts: [Int: ParagraphFacts] = [:]

    func facts(of block: Int, _ bytes: [UInt8]) -> ParagraphFacts {
        if let known = facts[block] { return known }
        let made = ParagraphFacts(bytes)
        facts[block] = made
        return made
    }
}

/// What `QuoteFindingConfidence` asks of a paragraph's bytes, answered
/// from indexes built in one pass: the same answers as the scans in
/// `QuoteFindingConfidence` (`sentence(around:)`, `hasWords`,
/// `PhraseMatcher.contains`, `namesSomeone`), in time independent of the
/// length of the sentence.
final class ParagraphFacts {
    let bytes: [UInt8]
    /// Where `sentence(around:)` stops going back: positions after a line
    /// break, or after a space that follows a full stop with no lower-case
    /// word next. Ascending.
    private let sentenceStarts: [Int]
    /// Where it stops going on: line breaks, and spaces after a full stop.
    private let sentenceEnds: [Int]
    /// Running counts up to each index: bytes `hasWords` takes for letters;
    /// straight double quotes and lead bytes of curly ones (0x22, 0xE2);
    /// spaces and line breaks.
    private let letters: [Int32]
    private let quoteBytes: [Int32]
    private let spaces: [Int32]
    /// Positions of capitalised words: an ASCII capital after a space or a
    /// line break. Ascending.
    private let capitalWords: [Int]
    private(set) lazy var saying = PhraseIndex(QuoteFindingConfidence.sayingWords, bytes)
    private(set) lazy var hypothetical = PhraseIndex(QuoteFindingConfidence.hypothetical, bytes)
    private(set) lazy var pronouns = PhraseIndex(QuoteFindingConfidence.pronouns, bytes)
    private var lastNonSpaceBefore: [Int: UInt8?] = [:]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int] = []
        var ends: [Int] = []
        var capitals: [Int] = []
        var letters = [Int32](repeating: 0, count: bytes.count + 1)
        var quoteBytes = [Int32](repeating: 0, count: bytes.count + 1)
        var spaces = [Int32](repeating: 0, count: bytes.count + 1)
        for index in bytes.indices {
            let byte = bytes[index]
            letters[index + 1] = letters[index] + (byte >= 0x41 ? 1 : 0)
            quoteBytes[index + 1] = quoteBytes[index] + (byte == 0x22 || byte == 0xE2 ? 1 : 0)
            let isSpace = byte == 0x20 || byte == 0x0A
            spaces[index + 1] = spaces[index] + (isSpace ? 1 : 0)
            if byte == 0x0A || (byte == 0x20 && QuoteFindingConfidence.endsSentence(before: index, in: bytes)) {
                ends.append(index)
            }
            // A start at index + 1, judged by the byte before it.
            if byte == 0x0A || (byte == 0x20 && QuoteFindingConfidence.endsSentence(before: index, in: bytes)
                                && !QuoteFindingConfidence.startsLowercase(at: index + 1, in: bytes)) {
                starts.append(index + 1)
            }
            if isSpace, index + 1 < bytes.count, bytes[index + 1] >= 0x41 && bytes[index + 1] <= 0x5A {
                capitals.append(index + 1)
            }
        }
        sentenceStarts = starts
        sentenceEnds = ends
        capitalWords = capitals
        self.letters = letters
        self.quoteBytes = quoteBytes
        self.spaces = spaces
    }

    /// `QuoteFindingConfidence.sentence(around:in:)`.
    func sentence(around range: Range<Int>) -> Range<Int> {
        let from = min(range.lowerBound, bytes.count)
        // The last start at or before `from`.
        let startSlot = Self.firstSlot(in: sentenceStarts) { $0 > from } - 1
        let start = startSlot >= 0 ? sentenceStarts[startSlot] : 0
        let to = min(range.upperBound, bytes.count)
        let endSlot = Self.firstSlot(in: sentenceEnds) { $0 >= to }
        let end = endSlot < sentenceEnds.count ? sentenceEnds[endSlot] : bytes.count
        return start..<max(end, start)
    }

    /// `QuoteFindingConfidence.hasWords`.
    func hasWords(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        return letters[range.upperBound] - letters[range.lowerBound] > 4
    }

    /// `QuoteFindingConfidence.namesSomeone`: a capitalised word after the
    /// range's first word, or a pronoun.
    func namesSomeone(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        let slot = Self.firstSlot(in: capitalWords) { $0 > range.lowerBound }
        if slot < capitalWords.count, capitalWords[slot] < range.upperBound {
            let capital = capitalWords[slot]
            // It is the range's first word only if nothing but spaces comes before it.
            let spaceRun = Int(spaces[capital] - spaces[range.lowerBound])
            if spaceRun < capital - range.lowerBound { return true }
            if slot + 1 < capitalWords.count, capitalWords[slot + 1] < range.upperBound { return true }
        }
        return pronouns.contains(range)
    }

    /// `QuoteFindingConfidence.lastNonSpace(before:in:)`, remembered: the
    /// quotations of one sentence all ask it of the sentence's start.
    func lastNonSpace(before index: Int) -> UInt8? {
        if let known = lastNonSpaceBefore[index] { return known }
        let found = QuoteFindingConfidence.lastNonSpace(before: index, in: bytes)
        lastNonSpaceBefore[index] = found
        return found
    }

    /// `QuoteFindingConfidence.previousSentenceNamesSomeone(before:in:)`.
    func previousSentenceNamesSomeone(before start: Int) -> Bool {
        guard start > 1 else { return false }
        let previous = sentence(around: (start - 2)..<(start - 2))
        guard !previous.isEmpty, quoteBytes[previous.upperBound] == quoteBytes[previous.lowerBound] else { return false }
        return pronouns.contains(previous)
    }

    /// The first slot of a sorted array whose element satisfies `isPast`
    /// (false for a prefix, true after it).
    static func firstSlot(in sorted: [Int], where isPast: (Int) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(sorted[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Every match of a phrase list in a paragraph, to answer whether a range
/// holds one without scanning it: as `PhraseMatcher.contains(in:range:)`,
/// which finds exactly the matches lying wholly inside the range (word
/// boundaries are judged on the whole text either way).
struct PhraseIndex {
    /// Match ends, ascending, and the latest start among the matches up to
    /// each.
    private let ends: [Int]
    private let latestStart: [Int]

    init(_ matcher: PhraseMatcher, _ bytes: [UInt8]) {
        var ends: [Int] = []
        var latest: [Int] = []
        for match in matcher.matches(in: bytes) {
            ends.append(match.range.upperBound)
            latest.append(max(latest.last ?? Int.min, match.range.lowerBound))
        }
        self.ends = ends
        self.latestStart = latest
    }

    func contains(_ range: Range<Int>) -> Bool {
        let count = ParagraphFacts.firstSlot(in: ends) { $0 > range.upperBound }
        return count > 0 && latestStart[count - 1] >= range.lowerBound
    }
}

extension AttributionFinder.Continuation: Decodable {}
