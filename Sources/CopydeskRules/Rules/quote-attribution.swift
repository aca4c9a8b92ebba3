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
            with a colon ("Putin said:"), in a credit closing the paragraph ("[AP]"), or in another \
            paragraph of a quotation that runs on AP style. A quotation paragraph that opens with a \
            conjunction ("And", "But", "So") goes on from the attributed quotation closing the \
            paragraph before; any other quotation standing alone in its paragraph needs its own \
            attribution, even when the paragraph before quoted someone. A blockquote is a quotation too, credited by a "— Name" line inside or right after \
            it, or by a lead-in paragraph.

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
        ],
        triggering: [
            RuleExample("The council met on Tuesday.\n\n↓“We will not raise taxes this year or next.”\n"),
            RuleExample("The council met. ↓“We will not raise taxes this year,” and the room went quiet.\n"),
            RuleExample("Residents packed the hall. ↓\"The bridge has to be rebuilt before winter.\"\n", format: .text),
            RuleExample("“The river rose overnight,” the engineer said.\n\n↓“By morning the levee held and the town was safe.”\n"),
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
            RuleExample("Ushakov was quoted as saying it was wrong. “We don't turn down invitations.”\n"),
            RuleExample("The mayor said:\n\n“We will not raise taxes this year or next.”\n"),
            RuleExample("“The river rose overnight,” the engineer said. “We worked until dawn.\n\n“By morning the levee held and the town was safe.”\n"),
            RuleExample("Sheba Crocker, the assistant secretary, told reporters “we have real concerns about the draft.”\n"),
            RuleExample("He called the plan “a bad idea.”\n"),
            RuleExample("She reads “The Old Man and the Sea” every summer.\n"),
            RuleExample("# “We Will Not Raise Taxes This Year,” Mayor Says\n\nThe council met.\n"),
            RuleExample("> We shall fight on the beaches and in the streets.\n> — Winston Churchill\n\nThe speech was in 1940.\n"),
            RuleExample("The prime minister told parliament:\n\n> We shall fight on the beaches and in the streets.\n"),
            RuleExample("‘We will not raise taxes this year,’ the mayor said.\n",
                        options: ["primary-quote-mark": .string("single")]),
            RuleExample("Trump tweeted: “The fake news media is working overtime today.”\n"),
            RuleExample("> “We asked for a budget a resident can read in one sitting,” said Ana Ruiz of the taxpayers’ association.\n"),
            RuleExample("“Go back to the drawing board and start again,” the councillor snapped.\n"),
            RuleExample("''We will not raise taxes this year,'' the mayor said.\n", format: .text),
            RuleExample("“The reservoir is at its lowest level since 1976” ― Water Board chair Ruth Okafor\n"),
            RuleExample("“Those are very small towns,” Woolson said. They lie in a media dead zone. “That’s a tough area to win.”\n"),
            RuleExample("Her column, “Tell your story to the people who need it,” ran on Sunday.\n"),
            RuleExample("“The budget will frame the choice facing voters this year.” Tune in at 9 p.m. [AP.]\n"),
            RuleExample("“The river rose overnight,” the engineer said.\n\n“And by morning the levee held and the town was safe.”\n"),
        ])

    let minWords: Int
    let finder: AttributionFinder
    let singleQuotesArePrimary: Bool
    let exemptTitles: Bool
    let exemptHeadlines: Bool
    let exemptEpigraphs: Bool

    public init(options: RuleOptions) {
        minWords = options.integer("min-words")
        finder = AttributionFinder(vocabulary: Self.vocabulary(options))
        singleQuotesArePrimary = options.string("primary-quote-mark") == "single"
        exemptTitles = options.bool("exempt-titles")
        exemptHeadlines = options.bool("exempt-headlines")
        exemptEpigraphs = options.bool("exempt-epigraphs")
    }

    /// The cues and speaker nouns a policy's options give, for the rule and
    /// for `copydesk inspect`.
    public static func vocabulary(_ options: RuleOptions) -> AttributionVocabulary {
        let ignored = Set(options.strings("ignore-cues").map { $0.lowercased() })
        let extraCues = options.strings("extra-cues")
        let extraNouns = options.strings("extra-speaker-nouns")
        guard !ignored.isEmpty || !extraCues.isEmpty || !extraNouns.isEmpty else { return .standard }
        return AttributionVocabulary(
            cues: AttributionVocabulary.defaultCues.filter { !ignored.contains($0) } + extraCues,
            speakerNouns: AttributionVocabulary.defaultSpeakerNouns + extraNouns)
    }

    /// The document's quotations with their attributions, as this rule reads them.
    public func attributedQuotes(_ document: Document) -> [Quote] {
        var copy = document
        if singleQuotesArePrimary { QuoteScanner.scan(&copy, singleQuotesArePrimary: true) }
        finder.attribute(&copy)
        return copy.quotes
    }

    public func check(_ document: Document) -> [Violation] {
        var copy = document
        if singleQuotesArePrimary { QuoteScanner.scan(&copy, singleQuotesArePrimary: true) }
        // Only quotations the rule would report need a speaker looked for.
        let minWords = self.minWords
        finder.attribute(&copy) { quote in
            quote.depth == 0 && Self.wordCount(quote.text, atLeast: minWords)
        }
        let quotes = copy.quotes
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
            if block.kind == .frontMatterField || block.kind == .chrome { continue }
            violations.append(Violation(message: message(for: quote, words: words.count), range: quote.range))
        }
        return violations
    }

    private func message(for quote: Quote, words: Int) -> String {
        let excerpt = Self.excerpt(quote.innerText)
        if quote.isBlockquote {
            return "Blockquote “\(excerpt)” is not attributed: nothing says who wrote or said it. "
                + "Add a “— Name” line under it, or a lead-in such as “The mayor said:” before it."
        }
        return "Direct quotation “\(excerpt)” (\(words) words) is not attributed: no speaker with a cue such as "
            + "“said”, “told” or “according to” in its sentence, the sentence before or after it, or a lead-in "
            + "ending with a colon. Credit the speaker, for example “…,” the mayor said."
    }

    /// Whether `text` has at least `minimum` words, counted on its bytes.
    static func wordCount(_ text: String, atLeast minimum: Int) -> Bool {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace && !inWord {
                count += 1
                if count >= minimum { return true }
            }
            inWord = !isSpace
        }
        return false
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
        "poem", "headline", "hashtag", "slogan", "motto", "banner",
    ]

    /// "The Old Man and the Sea", "State of the Union,": most words
    /// capitalised, no question or exclamation at the end.
    static func isTitle(_ words: [Substring]) -> Bool {
        // American style puts a comma or full stop inside the marks even after a title.
        guard words.count <= 14, let last = words.last?.last, !"?!;:".contains(last) else { return false }
        let significant = words.filter { $0.count > 3 }
        guard !significant.isEmpty else { return false }
        let capitalised = significant.filter { $0.unicodeScalars.first.map { $0.properties.isUppercase } ?? false }
        return capitalised.count * 4 >= significant.count * 3
    }
}
