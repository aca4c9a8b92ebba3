/// One block's tokens, sentences and cues, and the attribution search in it:
/// which patterns to ask for a quotation, in which order, and the answers
/// that depend only on a sentence, remembered for all its quotations. The
/// search for the cue that frames a quotation, and its speaker, is in
/// BlockAnalysis+CueSearch.swift.
final class BlockAnalysis {
    let tokens: ProseTokens
    let grammar: ClauseGrammar
    let patterns: AttributionPatterns
    /// Cue matches as token index ranges, in order.
    let cues: [ClosedRange<Int>]
    let quoteTokens: [Int]
    /// The cues that read as verbs here, not as nouns or parts of names.
    private(set) var verbCues: [ClosedRange<Int>] = []
    /// Whether `cues` (and so `verbCues`) are in order of their first
    /// token, so that a sentence's cues are found by binary search.
    private(set) var cuesAscend = true
    /// For each token, the first subordinating word at or after it; and
    /// running counts of commas, semicolons and dashes: a cue's clause is
    /// judged without walking from the quotation to the cue.
    /// Made on first use: only a quotation with a cue after it in its
    /// sentence asks, and most blocks have none.
    private(set) lazy var nextSubordinator: [Int] = {
        var next = Array(repeating: Int.max, count: tokens.tokens.count + 1)
        for index in tokens.tokens.indices.reversed() {
            next[index] = tokens.isWord(index) && AttributionWords.subordinators.contains(word(index)) ? index : next[index + 1]
        }
        return next
    }()
    private(set) lazy var clauseBreaks: [Int] = {
        var breaks = Array(repeating: 0, count: tokens.tokens.count + 1)
        for index in tokens.tokens.indices {
            breaks[index + 1] = breaks[index]
                + (tokens.isPunctuation(index, 0x2C) || tokens.isPunctuation(index, 0x3B) || grammar.isDash(index) ? 1 : 0)
        }
        return breaks
    }()
    /// Answers that depend only on a sentence (or on a quotation token),
    /// worked out once for all the block's quotations: in a long sentence
    /// of many quotations, each quotation asked them again, the square of
    /// the sentence's length.
    private var reportingHits: [Int: AttributionHit?] = [:]
    private var neighbourHits: [Int: AttributionHit?] = [:]
    private var wholeSentences: [Int: Bool] = [:]
    private var leadRuns: [Int: Int] = [:]
    private var postQuoteHits: [Int: AttributionHit?] = [:]
    private var postQuoteFrontier: [Int: Int] = [:]
    /// The sentence before each sentence, back to the start, that credits
    /// a speaker (-1 for none), filled as far as a quotation has asked.
    private var latestCreditingSentence: [Int] = []

    init(block: Block, quotes: [Range<Int>], vocabulary: AttributionVocabulary) {
        let tokens = ProseTokens(bytes: block.content.utf8, quotes: quotes, skipping: block.codeRanges)
        self.tokens = tokens
        let grammar = ClauseGrammar(tokens: tokens, vocabulary: vocabulary)
        self.grammar = grammar
        patterns = AttributionPatterns(grammar: grammar)
        var cues: [ClosedRange<Int>] = []
        for match in vocabulary.cueMatcher.matches(in: block.content.utf8) {
            guard let first = tokens.token(startingAt: match.range.lowerBound),
                  let last = tokens.token(endingAt: match.range.upperBound), first <= last,
                  (first...last).allSatisfy({ tokens.isWord($0) || tokens.tokens[$0].kind == .punctuation }) else { continue }
            // Overlapping cues ("said" in "said in a statement"): keep the longest.
            if let previous = cues.last, previous.overlaps(first...last) {
                if previous.count < (first...last).count { cues[cues.count - 1] = first...last }
                continue
            }
            cues.append(first...last)
        }
        self.cues = cues
        cuesAscend = zip(cues, cues.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound }
        var quoteTokens = Array(repeating: -1, count: quotes.count)
        for (index, token) in tokens.tokens.enumerated() {
            if case .quote(let quote) = token.kind { quoteTokens[quote] = index }
        }
        self.quoteTokens = quoteTokens
        // A capitalised cue inside a sentence is part of a name ("Islamic
        // State", "The Harbor Ledger"), not a verb; nor is a cue used as a
        // noun. Decided once per block: every search filters on it.
        verbCues = cues.filter { cue in
            let sentenceStart = tokens.sentence(containing: cue.lowerBound).map { tokens.sentences[$0].lowerBound } ?? cue.lowerBound
            return !(tokens.isCapitalized(cue.lowerBound) && tokens.isWord(cue.lowerBound - 1) && cue.lowerBound > sentenceStart)
                && !grammar.isNounUse(cue) && !grammar.isGoingOn(cue)
        }
    }

    // MARK: What the finder asks of a block

    var endsWithColon: Bool {
        guard let last = tokens.tokens.last else { return false }
        return last.kind == .punctuation && tokens.bytes[last.range.lowerBound] == 0x3A
    }

    func quoteOpensBlock(_ quote: Int) -> Bool { quoteTokens[quote] == 0 }

    /// The quotation stands in the block's last sentence.
    func quoteEndsBlock(_ quote: Int) -> Bool {
        guard let last = tokens.sentences.last else { return false }
        return last.contains(quoteTokens[quote])
    }

    /// “We cannot wait,” the … : a quotation that opens its sentence and
    /// closes on a comma promises its credit in the words that follow it.
    /// When they hold none, the credit is missing, whatever the sentences
    /// around it say.
    func quoteAwaitsCredit(_ quote: Int) -> Bool {
        let token = quoteTokens[quote]
        guard token >= 0, let sentenceIndex = tokens.sentence(containing: token) else { return false }
        let sentence = tokens.sentences[sentenceIndex]
        return token == sentence.lowerBound && grammar.closesWithComma(token) && sentence.contains(token + 1) && tokens.isWord(token + 1)
    }

    /// The attribution of the block's last sentence (a lead-in paragraph).
    func attributionAtEnd() -> AttributionHit? {
        guard let sentence = tokens.sentences.last else { return nil }
        if let hit = wholeSentenceAttribution(sentence, nearest: sentence.upperBound - 1) { return hit }
        // "Transcript as follows:", "Mayor Ortiz released the following
        // statement:": the subject of a lead-in ending with a colon.
        guard endsWithColon, let subject = grammar.subject(of: sentence, endingBefore: sentence.upperBound - 1) else { return nil }
        return AttributionHit(speaker: subject.range, cue: tokens.tokens[sentence.upperBound - 1].range)
    }

    /// Attribution of quotation `quote` (index among the block's quotations)
    /// from this block.
    func attribution(ofQuote quote: Int) -> AttributionHit? {
        guard let hit = directAttribution(ofQuote: quote) else { return nil }
        if let speaker = hit.speaker, let named = patterns.namedSubject(for: speaker) { return named }
        return hit
    }

    /// The first cue with a speaker in the sentences within `range`: the
    /// words of a quotation whose closing mark is missing.
    func attribution(inside range: Range<Int>) -> AttributionHit? {
        for sentence in tokens.sentences {
            guard let first = sentence.first, tokens.tokens[first].range.lowerBound < range.upperBound else { break }
            let inside = sentence.filter { tokens.tokens[$0].range.lowerBound >= range.lowerBound && tokens.tokens[$0].range.upperBound <= range.upperBound }
            guard let low = inside.first, let high = inside.last else { continue }
            if let hit = bestHit(in: low..<high + 1, nearest: low) { return hit }
        }
        return nil
    }

    // MARK: The order of search

    /// The credit of one quotation, nearest evidence first: a label inside
    /// it, a reporting source or a cue in its sentence, a construction
    /// around it, the sentences either side, the paragraph's label or
    /// closing credit, and last the speaker the paragraph last credited.
    private func directAttribution(ofQuote quote: Int) -> AttributionHit? {
        let token = quoteTokens[quote]
        guard token >= 0, let sentenceIndex = tokens.sentence(containing: token) else { return nil }
        if let hit = patterns.transcriptLabelHit(token) { return hit }
        let sentence = tokens.sentences[sentenceIndex]
        if let hit = reportingSourceHit(in: sentence) { return hit }
        if let hit = colonClauseHit(before: token, in: sentence) { return hit }
        if let hit = bestHit(in: sentence, nearest: token) { return hit }
        if let hit = patterns.colonHit(before: token, in: sentence) { return hit }
        if let hit = patterns.bracketHit(after: token) { return hit }
        if let hit = patterns.dashNameHit(after: token, in: sentence) { return hit }
        if let hit = patterns.postQuoteHit(after: token, in: sentence) { return hit }
        // The second half of a split quotation: “It is,” she said, “too late.”
        if let hit = latestPostQuoteHit(before: token, in: sentence) { return hit }
        if let hit = patterns.subjectHit(in: sentence, before: token) { return hit }
        if quoteAwaitsCredit(quote) { return nil }
        // The sentence before, when the quotation starts its sentence ("Marlow
        // said. “We don't turn down invitations.”"); the sentence after, when
        // the quotation is its sentence.
        // "But “…”": a conjunction may stand before a quotation that starts its sentence.
        let startsSentence = leadRunEnd(of: sentence) >= token
        if startsSentence && sentenceIndex > 0 {
            let previous = tokens.sentences[sentenceIndex - 1]
            if let hit = neighbourAttribution(previous, nearest: previous.upperBound - 1) { return hit }
        }
        if isWholeSentence(sentence) && sentenceIndex + 1 < tokens.sentences.count {
            let next = tokens.sentences[sentenceIndex + 1]
            if let hit = neighbourAttribution(next, nearest: next.lowerBound) { return hit }
        }
        if let hit = patterns.partialQuoteHit(token, in: sentence) { return hit }
        if let hit = patterns.speakerLabelHit() { return hit }
        if let hit = patterns.closingCreditHit() { return hit }
        // “We never get the early trains,” Ortiz said. Her stop is the last
        // on the line. “It's a long wait.”: within a
        // paragraph, the speaker last credited goes on speaking.
        let crediting = latestCreditingSentence(before: sentenceIndex)
        if crediting >= 0 {
            let earlier = tokens.sentences[crediting]
            return neighbourAttribution(earlier, nearest: earlier.upperBound - 1)
        }
        return nil
    }

    // MARK: Answers remembered per sentence

    private func reportingSourceHit(in sentence: Range<Int>) -> AttributionHit? {
        if let known = reportingHits[sentence.lowerBound] { return known }
        let hit = findReportingSourceHit(in: sentence)
        reportingHits[sentence.lowerBound] = hit
        return hit
    }

    private func findReportingSourceHit(in sentence: Range<Int>) -> AttributionHit? {
        for cue in cues(cues, startingIn: sentence) where sentence.contains(cue.lowerBound) && sentence.contains(cue.upperBound) && patterns.isReportingCue(cue) {
            if let speaker = speaker(for: cue, in: sentence) {
                return AttributionHit(speaker: speaker, cue: tokens.tokens[cue.lowerBound].range.lowerBound..<tokens.tokens[cue.upperBound].range.upperBound)
            }
        }
        return nil
    }

    /// The first token of `sentence` that is neither punctuation nor a
    /// conjunction or lead-in word (its end when there is none).
    private func leadRunEnd(of sentence: Range<Int>) -> Int {
        if let known = leadRuns[sentence.lowerBound] { return known }
        let end = sentence.first { !(tokens.tokens[$0].kind == .punctuation
            || (tokens.isWord($0) && (AttributionWords.conjunctions.contains(word($0)) || AttributionWords.leadIns.contains(word($0))))) }
            ?? sentence.upperBound
        leadRuns[sentence.lowerBound] = end
        return end
    }

    /// The sentence holds nothing but quotations and punctuation.
    private func isWholeSentence(_ sentence: Range<Int>) -> Bool {
        if let known = wholeSentences[sentence.lowerBound] { return known }
        let whole = sentence.allSatisfy { tokens.quoteIndex($0) != nil || tokens.tokens[$0].kind == .punctuation }
        wholeSentences[sentence.lowerBound] = whole
        return whole
    }

    /// `wholeSentenceAttribution` of a neighbouring sentence, remembered:
    /// every quotation of a sentence asks it of the same neighbours.
    private func neighbourAttribution(_ sentence: Range<Int>, nearest anchor: Int) -> AttributionHit? {
        // The anchor is the sentence's first or last token.
        let key = anchor == sentence.lowerBound ? -1 - sentence.lowerBound : sentence.lowerBound
        if let known = neighbourHits[key] { return known }
        let hit = wholeSentenceAttribution(sentence, nearest: anchor)
        neighbourHits[key] = hit
        return hit
    }

    /// The latest sentence before `sentenceIndex` whose attribution (read
    /// from its end) credits a speaker, or -1: the first the search back
    /// from the quotation's sentence would find.
    private func latestCreditingSentence(before sentenceIndex: Int) -> Int {
        while latestCreditingSentence.count < sentenceIndex {
            let index = latestCreditingSentence.count
            let sentence = tokens.sentences[index]
            let credits = neighbourAttribution(sentence, nearest: sentence.upperBound - 1) != nil
            latestCreditingSentence.append(credits ? index : (latestCreditingSentence.last ?? -1))
        }
        return sentenceIndex > 0 ? latestCreditingSentence[sentenceIndex - 1] : -1
    }

    /// `postQuoteHit` after the latest quotation before `token` in
    /// `sentence` that has one: the second half of a split quotation.
    private func latestPostQuoteHit(before token: Int, in sentence: Range<Int>) -> AttributionHit? {
        // Each quotation's entry holds the hit of the latest quotation up
        // to it in its sentence, filled forward from the sentence's start
        // as far as `postQuoteFrontier`.
        var cursor = max(sentence.lowerBound, postQuoteFrontier[sentence.lowerBound] ?? sentence.lowerBound)
        var latest = cursor < token ? latestPostQuoteEntry(before: cursor, in: sentence) : nil
        while cursor < token {
            if tokens.quoteIndex(cursor) != nil {
                latest = patterns.postQuoteHit(after: cursor, in: sentence) ?? latest
                postQuoteHits[cursor] = latest
            }
            cursor += 1
        }
        postQuoteFrontier[sentence.lowerBound] = max(cursor, postQuoteFrontier[sentence.lowerBound] ?? 0)
        return latestPostQuoteEntry(before: token, in: sentence)
    }

    /// The entry of the latest quotation before `token` in `sentence`.
    private func latestPostQuoteEntry(before token: Int, in sentence: Range<Int>) -> AttributionHit? {
        var earlier = token - 1
        while earlier >= sentence.lowerBound {
            if tokens.quoteIndex(earlier) != nil { return postQuoteHits[earlier] ?? nil }
            earlier -= 1
        }
        return nil
    }

    /// The attribution a neighbouring sentence gives: a cue with its
    /// speaker, or a speaker and verb after one of its quotations ("“…,” an
    /// angry Varga retaliated."). A mere subject and verb ("Residents
    /// packed the hall.") credits nobody with the next sentence's words.
    private func wholeSentenceAttribution(_ sentence: Range<Int>, nearest anchor: Int) -> AttributionHit? {
        if let hit = bestHit(in: sentence, nearest: anchor) { return hit }
        // Every quotation in order: the second half of a split quotation
        // (“It is,” she said, “too late.”) comes after its first.
        for token in sentence where tokens.quoteIndex(token) != nil {
            if let hit = patterns.postQuoteHit(after: token, in: sentence) { return hit }
        }
        return nil
    }

    func word(_ index: Int) -> String { tokens.lowercasedWord(index) }
}
