/// Credits each direct quotation of a document to a speaker, as an editor
/// reads it: a cue (said, told, according to) tied to a speaker (a name, a
/// pronoun, "the spokesman", "a White House official") in the quotation's
/// own sentence; else in the sentence before or after it in the paragraph;
/// else in a lead-in paragraph that ends with a colon ("Ferrand said:"); else
/// in the opening paragraph of a quotation that runs on.
public struct AttributionFinder: Sendable {
    /// What a quotation paragraph with no credit of its own, after a
    /// paragraph that ends with an attributed quotation, is.
    public enum Continuation: String, Sendable, CaseIterable {
        /// The same speaker going on, as news copy writes a run of quotes.
        case previousSpeaker = "previous-speaker"
        /// Uncredited: every paragraph names its speaker.
        case strict
    }

    public let vocabulary: AttributionVocabulary
    public let continuation: Continuation

    public init(vocabulary: AttributionVocabulary = .standard, continuation: Continuation = .previousSpeaker) {
        self.vocabulary = vocabulary
        self.continuation = continuation
    }

    /// Fills `attribution` of every primary quotation (depth 0) of the
    /// document; it stays nil where no speaker is credited.
    ///
    /// - Parameter needsAttribution: quotations to look for a speaker for;
    ///   a rule that exempts short quotations need not pay for them.
    public func attribute(_ document: inout Document, where needsAttribution: (Quote) -> Bool = { _ in true }) {
        let snapshot = document
        var byBlock: [Int: [Int]] = [:]
        // Each quotation's place among its block's, looked up rather than
        // searched for: a block of thousands of quotations searched its
        // list once per quotation.
        var positionInBlock: [Int: Int] = [:]
        for (index, quote) in snapshot.quotes.enumerated() where quote.depth == 0 && !quote.isBlockquote {
            positionInBlock[index] = byBlock[quote.blockIndex]?.count ?? 0
            byBlock[quote.blockIndex, default: []].append(index)
        }
        var analyses: [Int: BlockAnalysis] = [:]
        let unclosedOpenings = Set(snapshot.unbalancedQuoteMarks.lazy.filter { $0.problem == .neverClosed }
            .map { UnclosedKey(block: $0.blockIndex, offset: $0.textOffset) })
        func analysis(_ block: Int) -> BlockAnalysis {
            if let known = analyses[block] { return known }
            let quoteIndices = byBlock[block] ?? []
            let made = BlockAnalysis(block: snapshot.blocks[block], quotes: quoteIndices.map { snapshot.quotes[$0].textRange },
                                     vocabulary: vocabulary)
            analyses[block] = made
            return made
        }
        func attribution(_ hit: AttributionHit, in block: Int) -> Attribution {
            Attribution(speaker: hit.speaker.map { snapshot.span(of: $0, in: block) },
                        cue: hit.cue.map { snapshot.span(of: $0, in: block) })
        }
        // Quotations that run on over paragraphs share one attribution,
        // wherever in the run it stands.
        var chain: [Int] = []
        for index in document.quotes.indices where document.quotes[index].depth == 0 {
            let quote = document.quotes[index]
            let blockIndex = quote.blockIndex
            let opensBlock: Bool
            if !needsAttribution(quote) {
                opensBlock = false
            } else if quote.isBlockquote {
                opensBlock = true
                if let hit = Self.dashAttribution(in: snapshot.blocks[blockIndex].content.utf8) {
                    document.quotes[index].attribution = attribution(hit, in: blockIndex)
                } else if let next = nextProseBlock(after: blockIndex, in: snapshot),
                          snapshot.blocks[next].kind != .blockquote,
                          let hit = Self.dashAttribution(in: snapshot.blocks[next].content.utf8, firstLineOnly: true) {
                    document.quotes[index].attribution = attribution(hit, in: next)
                }
            } else {
                let block = analysis(blockIndex)
                guard let position = positionInBlock[index] else { continue }
                opensBlock = block.quoteOpensBlock(position)
                if let hit = block.attribution(ofQuote: position) {
                    document.quotes[index].attribution = attribution(hit, in: blockIndex)
                }
            }
            // "“There wasn't a lot of education, said Calder, whose group …":
            // a quotation whose closing mark is missing (quote-balance reports
            // it) may hold its own attribution; read its words as prose.
            if document.quotes[index].attribution == nil, !quote.isBlockquote, !quote.continuesNext, needsAttribution(quote),
               unclosedOpenings.contains(UnclosedKey(block: blockIndex, offset: quote.textRange.lowerBound)) {
                let others = (byBlock[blockIndex] ?? []).filter { $0 != index }.map { snapshot.quotes[$0].textRange }
                let prose = BlockAnalysis(block: snapshot.blocks[blockIndex], quotes: others, vocabulary: vocabulary)
                if let hit = prose.attribution(inside: quote.textRange) {
                    document.quotes[index].attribution = attribution(hit, in: blockIndex)
                }
            }
            if document.quotes[index].attribution == nil, opensBlock, !quote.continuesPrevious,
               let leadIn = leadInBlock(before: blockIndex, in: snapshot), analysis(leadIn).endsWithColon,
               let hit = analysis(leadIn).attributionAtEnd() {
                document.quotes[index].attribution = attribution(hit, in: leadIn)
            }
            // "“…,” the coach said. ¶ “We kept going.”": a quotation paragraph
            // with no credit of its own, after a paragraph that ends with an
            // attributed quotation, is the same speaker going on.
            if continuation == .previousSpeaker, document.quotes[index].attribution == nil, opensBlock,
               !quote.continuesPrevious, !quote.isBlockquote,
               let position = positionInBlock[index], !analysis(blockIndex).quoteAwaitsCredit(position),
               let leadIn = leadInBlock(before: blockIndex, in: snapshot),
               let last = byBlock[leadIn]?.last, var carried = document.quotes[last].attribution,
               let leadInCount = byBlock[leadIn]?.count, analysis(leadIn).quoteEndsBlock(leadInCount - 1) {
                carried.inherited = true
                document.quotes[index].attribution = carried
            }
            if !quote.continuesPrevious { chain = [] }
            chain.append(index)
            if !quote.continuesNext && chain.count > 1 {
                let quotes = document.quotes
                let shared = chain.lazy.compactMap { quotes[$0].attribution }.first
                for member in chain where document.quotes[member].attribution == nil {
                    document.quotes[member].attribution = shared
                }
            }
        }
    }

    /// "— Abraham Lincoln" on a line of its own: the dash is the cue, the
    /// name after it the speaker.
    static func dashAttribution(in bytes: [UInt8], firstLineOnly: Bool = false) -> AttributionHit? {
        var lineStart = 0
        while lineStart < bytes.count {
            var index = lineStart
            var dashEnd: Int?
            if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80,
               (0x93...0x95).contains(bytes[index + 2]) {
                dashEnd = index + 3
            } else if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "~") {
                dashEnd = index + 1
                while dashEnd! < bytes.count && bytes[dashEnd!] == UInt8(ascii: "-") { dashEnd! += 1 }
            }
            if let dashEnd {
                index = dashEnd
                while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
                let nameStart = index
                while index < bytes.count && bytes[index] != 0x0A && bytes[index] != UInt8(ascii: ",") { index += 1 }
                var nameEnd = index
                while nameEnd > nameStart && (bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == UInt8(ascii: ".")) { nameEnd -= 1 }
                if nameEnd > nameStart, nameEnd - nameStart <= 80,
                   let first = bytes[nameStart...].first, first >= 0x80 || (first >= 0x41 && first <= 0x5A) {
                    return AttributionHit(speaker: nameStart..<nameEnd, cue: lineStart..<dashEnd)
                }
            }
            if firstLineOnly { return nil }
            while lineStart < bytes.count && bytes[lineStart] != 0x0A { lineStart += 1 }
            lineStart += 1
        }
        return nil
    }

    private func nextProseBlock(after index: Int, in document: Document) -> Int? {
        var candidate = index + 1
        while candidate < document.blocks.count {
            let kind = document.blocks[candidate].kind
            if kind.isProse { return candidate }
            if kind != .image && kind != .chrome { return nil }
            candidate += 1
        }
        return nil
    }

    /// The prose block just before `index`, past images and page furniture.
    private func leadInBlock(before index: Int, in document: Document) -> Int? {
        var candidate = index - 1
        while candidate >= 0 {
            let kind = document.blocks[candidate].kind
            if kind.isProse { return candidate }
            if kind != .image && kind != .chrome { return nil }
            candidate -= 1
        }
        return nil
    }
}

private struct UnclosedKey: Hashable {
    var block: Int
    var offset: Int
}

/// A speaker and a cue found in one block, as text ranges of that block.
struct AttributionHit {
    var speaker: Range<Int>?
    var cue: Range<Int>?
}

/// One block's tokens, sentences and cues, and the attribution search in it.
final class BlockAnalysis {
    let tokens: ProseTokens
    let vocabulary: AttributionVocabulary
    /// Cue matches as token index ranges, in order.
    let cues: [ClosedRange<Int>]
    let quoteTokens: [Int]
    /// The cues that read as verbs here, not as nouns or parts of names.
    private(set) var verbCues: [ClosedRange<Int>] = []
    /// Whether `cues` (and so `verbCues`) are in order of their first
    /// token, so that a sentence's cues are found by binary search.
    private var cuesAscend = true
    /// For each token, the first subordinating word at or after it; and
    /// running counts of commas, semicolons and dashes: a cue's clause is
    /// judged without walking from the quotation to the cue.
    /// Made on first use: only a quotation with a cue after it in its
    /// sentence asks, and most blocks have none.
    private lazy var nextSubordinator: [Int] = {
        var next = Array(repeating: Int.max, count: tokens.tokens.count + 1)
        for index in tokens.tokens.indices.reversed() {
            next[index] = tokens.isWord(index) && Self.subordinators.contains(word(index)) ? index : next[index + 1]
        }
        return next
    }()
    private lazy var clauseBreaks: [Int] = {
        var breaks = Array(repeating: 0, count: tokens.tokens.count + 1)
        for index in tokens.tokens.indices {
            breaks[index + 1] = breaks[index]
                + (tokens.isPunctuation(index, 0x2C) || tokens.isPunctuation(index, 0x3B) || isDash(index) ? 1 : 0)
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
    /// a speaker (-1 for none), as far as `earlierHitsKnown`.
    private var latestCreditingSentence: [Int] = []

    init(block: Block, quotes: [Range<Int>], vocabulary: AttributionVocabulary) {
        let tokens = ProseTokens(bytes: block.content.utf8, quotes: quotes, skipping: block.codeRanges)
        self.tokens = tokens
        self.vocabulary = vocabulary
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
                && !isNounUse(cue) && !isGoingOn(cue)
        }
    }

    /// The cues of `list` (`cues` or `verbCues`) whose first token lies in
    /// `range`, in order; all of them when the cues are not in order.
    private func cues(_ list: [ClosedRange<Int>], startingIn range: Range<Int>) -> ArraySlice<ClosedRange<Int>> {
        guard cuesAscend else { return list[...] }
        func firstSlot(atLeast token: Int) -> Int {
            var low = 0
            var high = list.count
            while low < high {
                let middle = (low + high) / 2
                if list[middle].lowerBound < token { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let start = firstSlot(atLeast: range.lowerBound)
        return list[start..<max(start, firstSlot(atLeast: range.upperBound))]
    }

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

    /// The attribution of the block's last sentence (a lead-in paragraph).
    func attributionAtEnd() -> AttributionHit? {
        guard let sentence = tokens.sentences.last else { return nil }
        if let hit = wholeSentenceAttribution(sentence, nearest: sentence.upperBound - 1) { return hit }
        // "Transcript as follows:", "Mayor Ortiz released the following
        // statement:": the subject of a lead-in ending with a colon.
        guard endsWithColon, let subject = subject(of: sentence, endingBefore: sentence.upperBound - 1) else { return nil }
        return AttributionHit(speaker: subject.range, cue: tokens.tokens[sentence.upperBound - 1].range)
    }

    /// Attribution of quotation `quote` (index among the block's quotations)
    /// from this block.
    func attribution(ofQuote quote: Int) -> AttributionHit? {
        guard let hit = directAttribution(ofQuote: quote) else { return nil }
        if let speaker = hit.speaker, let named = namedSubject(for: speaker) { return named }
        return hit
    }

    /// "Vance said she recalled thinking, “…”", "Brandt said he would
    /// advise Ferrand on the “strategic threats”": a pronoun opening what a
    /// named speaker said reports that speaker's words, under that speaker's cue.
    private func namedSubject(for speaker: Range<Int>) -> AttributionHit? {
        guard let pronoun = tokens.token(startingAt: speaker.lowerBound), tokens.tokens[pronoun].range == speaker,
              ["he", "she", "they", "it"].contains(word(pronoun).split(separator: "'").first.map(String.init) ?? ""),
              let sentenceIndex = tokens.sentence(containing: pronoun),
              let found = subject(of: tokens.sentences[sentenceIndex], endingBefore: pronoun),
              found.range.upperBound <= speaker.lowerBound, let first = tokens.token(startingAt: found.range.lowerBound),
              !Self.pronouns.contains(word(first)) || word(first) == word(pronoun) else { return nil }
        let verb = pastAuxiliaries(from: found.next, before: pronoun)
        guard verb < pronoun, tokens.isWord(verb) else { return nil }
        // "The mayor condemned what she called a “reckless delay”": the
        // pronoun of a clause naming the subject's words is the subject.
        if tokens.isWord(pronoun - 1), ["what", "which", "whom"].contains(word(pronoun - 1)),
           isVerbLike(verb) || vocabulary.cueWords.contains(word(verb)) || word(verb).hasSuffix("ing") {
            return hitCue(after: pronoun).map { AttributionHit(speaker: found.range, cue: $0) }
        }
        // "Ferrand at the time said he'd asked": a short phrase of time before the cue.
        if !vocabulary.cueWords.contains(word(verb)), Self.prepositions.contains(word(verb)) || word(verb) == "last",
           let cue = (verb + 1..<min(pronoun, verb + 5)).first(where: { vocabulary.cueWords.contains(word($0)) }),
           (verb..<cue).allSatisfy({ tokens.isWord($0) && !tokens.isCapitalized($0) || Self.leadIns.contains(word($0)) }),
           pronoun == cue + 1 || (pronoun == cue + 2 && word(cue + 1) == "that") {
            return AttributionHit(speaker: found.range, cue: tokens.tokens[cue].range)
        }
        guard vocabulary.cueWords.contains(word(verb)) else { return nil }
        // "Brandt said the county would act, and he urged …".
        let afterConjunction = pronoun - 1 > verb && tokens.isWord(pronoun - 1) && Self.conjunctions.contains(word(pronoun - 1))
        guard pronoun == verb + 1 || (pronoun == verb + 2 && word(verb + 1) == "that") || afterConjunction else { return nil }
        return AttributionHit(speaker: found.range, cue: tokens.tokens[verb].range)
    }

    /// The cue word right after a pronoun (past auxiliaries): "what he called".
    private func hitCue(after pronoun: Int) -> Range<Int>? {
        var index = pronoun + 1
        while tokens.isWord(index), Self.auxiliaries.contains(word(index)) { index += 1 }
        return tokens.isWord(index) && vocabulary.cueWords.contains(word(index)) ? tokens.tokens[index].range : nil
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

    /// `"PENCE: Well, look, …"`, `"Chris Matthews: Seriously …"`: a
    /// transcript's speaker label opening the quotation.
    private func transcriptLabelHit(_ quoteToken: Int) -> AttributionHit? {
        let range = tokens.tokens[quoteToken].range
        let bytes = tokens.bytes
        var index = range.lowerBound
        if bytes[index] == 0x22 { index += 1 } else if bytes[index] == 0xE2 { index += 3 } else { return nil }
        let start = index
        var words = 0
        while index < range.upperBound, words < 4 {
            guard bytes[index] >= 0x41 && bytes[index] <= 0x5A else { return nil }
            while index < range.upperBound, bytes[index] >= 0x80 || (bytes[index] | 0x20 >= 0x61 && bytes[index] | 0x20 <= 0x7A)
                    || bytes[index] == 0x2E || bytes[index] == 0x2D || bytes[index] == 0x27 { index += 1 }
            words += 1
            guard index < range.upperBound else { return nil }
            if bytes[index] == 0x3A {
                guard index + 1 < range.upperBound, bytes[index + 1] == 0x20 else { return nil }
                // "PENCE:", or "Chris Matthews:" before a passage; not a
                // title with a subtitle ("Collapse: How Societies Fail").
                let label = bytes[start..<index]
                let capitals = !label.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) && label.count >= 2
                guard capitals || (words >= 2 && ProseHeuristics.wordCount(bytes[(index + 1)..<range.upperBound]) >= 8) else { return nil }
                return AttributionHit(speaker: start..<index, cue: index..<index + 1)
            }
            guard bytes[index] == 0x20 else { return nil }
            index += 1
        }
        return nil
    }

    /// "“…,” Vance said, according to Harbor Radio Weekly", "Ferrand said: “…,”
    /// the Times reported.": the source that reports the words is the one
    /// the story stands on.
    private func isReportingCue(_ cue: ClosedRange<Int>) -> Bool {
        (cue.count == 2 && tokens.lowercasedWord(cue.lowerBound) == "according")
            || (cue.count == 1 && ["reported", "reports"].contains(tokens.lowercasedWord(cue.lowerBound))
                && tokens.isCapitalized(cue.lowerBound - 1) && !tokens.isWord(cue.upperBound + 1))
    }

    private func reportingSourceHit(in sentence: Range<Int>) -> AttributionHit? {
        if let known = reportingHits[sentence.lowerBound] { return known }
        let hit = findReportingSourceHit(in: sentence)
        reportingHits[sentence.lowerBound] = hit
        return hit
    }

    private func findReportingSourceHit(in sentence: Range<Int>) -> AttributionHit? {
        for cue in cues(cues, startingIn: sentence) where sentence.contains(cue.lowerBound) && sentence.contains(cue.upperBound) && isReportingCue(cue) {
            if let speaker = speaker(for: cue, in: sentence) {
                return AttributionHit(speaker: speaker, cue: tokens.tokens[cue.lowerBound].range.lowerBound..<tokens.tokens[cue.upperBound].range.upperBound)
            }
        }
        return nil
    }

    private func directAttribution(ofQuote quote: Int) -> AttributionHit? {
        let token = quoteTokens[quote]
        guard token >= 0, let sentenceIndex = tokens.sentence(containing: token) else { return nil }
        if let hit = transcriptLabelHit(token) { return hit }
        let sentence = tokens.sentences[sentenceIndex]
        if let hit = reportingSourceHit(in: sentence) { return hit }
        if let hit = colonClauseHit(before: token, in: sentence) { return hit }
        if let hit = bestHit(in: sentence, nearest: token) { return hit }
        if let hit = colonHit(before: token, in: sentence) { return hit }
        if let hit = bracketHit(after: token) { return hit }
        if let hit = dashNameHit(after: token, in: sentence) { return hit }
        if let hit = postQuoteHit(after: token, in: sentence) { return hit }
        // The second half of a split quotation: “It is,” she said, “too late.”
        if let hit = latestPostQuoteHit(before: token, in: sentence) { return hit }
        if let hit = subjectHit(in: sentence, before: token) { return hit }
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
        if let hit = partialQuoteHit(token, in: sentence) { return hit }
        if let hit = speakerLabelHit() { return hit }
        if let hit = closingCreditHit() { return hit }
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

    /// The first token of `sentence` that is neither punctuation nor a
    /// conjunction or lead-in word (its end when there is none).
    private func leadRunEnd(of sentence: Range<Int>) -> Int {
        if let known = leadRuns[sentence.lowerBound] { return known }
        let end = sentence.first { !(tokens.tokens[$0].kind == .punctuation
            || (tokens.isWord($0) && (Self.conjunctions.contains(word($0)) || Self.leadIns.contains(word($0))))) }
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
                latest = postQuoteHit(after: cursor, in: sentence) ?? latest
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

    /// A quoted phrase of up to eight words inside a sentence ("The Florida
    /// senator likes “The Walking Dead”", "the administration waves off the
    /// delay as “minimal”", "the coach promises fans he will tell the
    /// “doubters” to “wait and see”") is the framing clause's: its subject is the
    /// speaker and its verb, whatever it is, the cue. Longer quotations are
    /// statements of their own and need a cue; reading them this loosely
    /// would credit quotations whose attribution was cut.
    private func partialQuoteHit(_ quoteToken: Int, in sentence: Range<Int>) -> AttributionHit? {
        guard ProseHeuristics.wordCount(tokens.bytes[tokens.tokens[quoteToken].range]) <= 8 else { return nil }
        var verb = quoteToken - 1
        while verb > max(sentence.lowerBound, quoteToken - Self.lookBack) {
            defer { verb -= 1 }
            guard tokens.isWord(verb), !tokens.isCapitalized(verb) else { continue }
            let lowered = word(verb)
            guard isVerbLike(verb) || Self.isPresentTense(lowered), !Self.auxiliaries.contains(lowered) else { continue }
            var end = verb - 1
            while end >= sentence.lowerBound, tokens.isWord(end), Self.auxiliaries.contains(word(end)) { end -= 1 }
            guard end >= sentence.lowerBound, tokens.isWord(end) else { continue }
            let lastWord = word(end)
            guard Self.pronouns.contains(lastWord) || tokens.isCapitalized(end) || vocabulary.speakerNounSet.contains(lastWord)
                    || Self.articles.contains(word(max(sentence.lowerBound, end - 1))),
                  let phrase = nounPhrase(endingAt: end, in: sentence, looseDescriptions: true) else { continue }
            return AttributionHit(speaker: phrase, cue: tokens.tokens[verb].range)
        }
        return nil
    }

    /// `“Go back to the newsroom,” Ferrand barked`: right after the quotation, a
    /// speaker and a verb, whatever the verb.
    private func postQuoteHit(after quoteToken: Int, in sentence: Range<Int>) -> AttributionHit? {
        var index = quoteToken + 1
        if tokens.isPunctuation(index, 0x2C) { index += 1 }
        guard index < sentence.upperBound, tokens.isWord(index) else { return nil }
        // "“Hamilton to play Chicago,” by Variety's Gordon Cox": a credit.
        // "“…,” by the New York Post's Amy Spencer".
        let creditStart = tokens.isWord(index + 1) && word(index + 1) == "the" && tokens.isCapitalized(index + 2) ? index + 2 : index + 1
        if word(index) == "by", tokens.isCapitalized(creditStart), isLikelyName(creditStart, sentenceStart: sentence.lowerBound) {
            let end = nameRunEnd(from: creditStart, limit: sentence.upperBound)
            return AttributionHit(speaker: tokens.tokens[index + 1].range.lowerBound..<tokens.tokens[end].range.upperBound,
                                  cue: tokens.tokens[index].range)
        }
        let lowered = word(index)
        // An inversion with any verb: "…," agrees Nora Pike; "…,"
        // remembered Ivo Renn; "…" reacted Ferrand; "…," tweeted another.
        // Never a participle: "…,” answering a question" has no speaker after it.
        if !tokens.isCapitalized(index), !lowered.hasSuffix("ing"), isVerbLike(index) || Self.isPresentTense(lowered), !Self.auxiliaries.contains(lowered),
           !Self.addressingVerbs.contains(lowered) || tokens.quoteIndex(quoteToken) != nil,
           let speaker = speakerAfter(index, in: sentence) {
            return AttributionHit(speaker: speaker, cue: tokens.tokens[index].range)
        }
        var end = index
        // "“This is your movement,” it now says": "it" speaks only with a cue.
        let itSpeaks = lowered == "it"
        if Self.pronouns.contains(lowered) && !["which", "who", "one"].contains(lowered) {
            end = index
        } else if (tokens.isCapitalized(index) && !Self.isFunctionWord(lowered)) || opensNameWithTitle(index) {
            end = nameRunEnd(from: index, limit: sentence.upperBound)
        } else if tokens.isCapitalized(index), tokens.isWord(index + 1), Self.unmistakableVerbs.contains(word(index + 1)),
                  !Self.pronouns.contains(lowered) {
            // "“…,” From said": a surname that is also a word.
            end = index
        } else if Self.determiners.contains(lowered) {
            // "…," this Ferrand look-alike declared; "…," his wife, Clara Nguyen, wrote.
            // A word right after an article is a noun: "one of the states suing".
            while end + 1 < sentence.upperBound, tokens.isWord(end + 1), end - index < 5,
                  !isVerbLike(end + 1) || Self.articles.contains(word(end)), !Self.phraseBreakers.contains(word(end + 1)) { end += 1 }
            guard end > index else { return nil }
        } else {
            return nil
        }
        var verb = end + 1
        if tokens.isPunctuation(verb, 0x2C) {
            let window = verb + 1..<min(sentence.upperBound, verb + 25)
            if let close = window.first(where: { tokens.isPunctuation($0, 0x2C) }) {
                verb = close + 1
            } else if let cue = window.first(where: { tokens.isWord($0) && vocabulary.cueWords.contains(word($0)) }) {
                // "“…,” Nate Silver, the polling guru who founded the site tweeted": the closing comma is missing.
                verb = cue
            }
        }
        var skipped = 0
        while verb < sentence.upperBound && tokens.isWord(verb) && Self.auxiliaries.contains(word(verb)) && skipped < 3 {
            verb += 1
            skipped += 1
        }
        guard verb < sentence.upperBound, tokens.isWord(verb), !tokens.isCapitalized(verb) else { return nil }
        // "“…,” Marlow sings": after a quotation a name's verb may be in the present.
        let verbWord = word(verb)
        let presentVerb = !Self.pronouns.contains(lowered) && Self.isPresentTense(verbWord) && !Self.phraseBreakers.contains(verbWord)
        guard itSpeaks ? vocabulary.cueWords.contains(verbWord) : (isVerbLike(verb) || presentVerb) else { return nil }
        return AttributionHit(speaker: tokens.tokens[index].range.lowerBound..<tokens.tokens[end].range.upperBound,
                              cue: tokens.tokens[verb].range)
    }

    /// `“…” [WaPo.]`: a publication in brackets right after the quotation.
    private func bracketHit(after quoteToken: Int) -> AttributionHit? {
        let open = quoteToken + 1
        guard tokens.isPunctuation(open, 0x5B), tokens.isCapitalized(open + 1) else { return nil }
        var close = open + 1
        while close < tokens.tokens.count && close - open < 8 && !tokens.isPunctuation(close, 0x5D) { close += 1 }
        guard tokens.isPunctuation(close, 0x5D) else { return nil }
        return enclosedCredit(open: open, close: close)
    }

    /// The credit between a bracket or parenthesis and its closing one, a
    /// final full stop left out: "[AP.]", "(SVP/Global Risk Insights.)".
    private func enclosedCredit(open: Int, close: Int) -> AttributionHit? {
        var last = close - 1
        if tokens.isPunctuation(last, 0x2E) { last -= 1 }
        guard last > open, tokens.isWord(last) else { return nil }
        return AttributionHit(speaker: tokens.tokens[open + 1].range.lowerBound..<tokens.tokens[last].range.upperBound,
                              cue: tokens.tokens[open].range)
    }

    /// `“…” Tune in tonight. [AP.]`: a publication in brackets closing the
    /// paragraph credits its quotations, as digests and newsletters do.
    private func closingCreditHit() -> AttributionHit? {
        guard var close = tokens.tokens.indices.last else { return nil }
        // "… (2015). (SVP/Global Risk Insights.)": a source in parentheses.
        if tokens.isPunctuation(close, 0x29) {
            guard let open = (max(0, close - 8)..<close).last(where: { tokens.isPunctuation($0, 0x28) }),
                  open == 0 || tokens.isPunctuation(open - 1, 0x2E), tokens.isCapitalized(open + 1),
                  !(open + 1..<close).contains(where: { tokens.quoteIndex($0) != nil }) else { return nil }
            return enclosedCredit(open: open, close: close)
        }
        if tokens.isPunctuation(close, 0x2E), tokens.isPunctuation(close - 1, 0x5D) { close -= 1 }
        guard tokens.isPunctuation(close, 0x5D),
              let open = (max(0, close - 8)..<close).last(where: { tokens.isPunctuation($0, 0x5B) }) else { return nil }
        return tokens.quoteIndex(open - 1) == nil ? bracketHit(after: open - 1) : nil
    }

    /// A quotation inside a sentence whose subject is a speaker doing
    /// something with words: "Hale also bemoaned the climate in which
    /// people “literally hate each other”", "Ferrand went even further: “…”".
    /// The verb after the subject is the cue.
    private func subjectHit(in sentence: Range<Int>, before quoteToken: Int) -> AttributionHit? {
        if let found = subject(of: sentence, endingBefore: quoteToken), let hit = verbHit(found, before: quoteToken) {
            return hit
        }
        // A later clause: "Speaking to Harbor Radio on Monday, which …, Keller referred
        // to Hale as “…”"; the clause nearest the quotation wins.
        var start = quoteToken - 1
        while start > max(sentence.lowerBound, quoteToken - Self.lookBack) {
            let boundary = start - 1
            let opensClause = (tokens.tokens[boundary].kind == .punctuation
                && [0x2C, 0x3B, 0x3A, 0x28, 0x94, 0x93].contains(tokens.bytes[tokens.tokens[boundary].range.upperBound - 1]))
                || (tokens.isWord(boundary) && Self.clauseOpeners.contains(word(boundary)))
            if opensClause, tokens.isWord(start), let found = clauseSubject(at: start, endingBefore: quoteToken),
               let hit = verbHit(found, before: quoteToken) {
                return hit
            }
            start -= 1
        }
        return nil
    }

    /// Words after which a new clause, with its own subject, begins.
    static let clauseOpeners: Set<String> = [
        "and", "but", "while", "as", "when", "after", "because", "so", "then", "before", "since", "which", "where", "whom",
    ]

    /// The verb after a subject, before the quotation.
    private func verbHit(_ found: (range: Range<Int>, next: Int), before quoteToken: Int) -> AttributionHit? {
        var index = found.next
        var skipped = 0
        var progressive = false
        while index < quoteToken && tokens.isWord(index) && (Self.auxiliaries.contains(word(index)) || isMannerAdverb(index)) && skipped < 4 {
            progressive = progressive || ["is", "are", "was", "were", "been"].contains(word(index))
            index += 1
            skipped += 1
        }
        guard index < quoteToken, tokens.isWord(index), !tokens.isCapitalized(index) else { return nil }
        // Right after its subject a verb may take any form: "The ad targets a
        // “corrupt political system”", "Ferrand is questioning whether …".
        let lowered = word(index)
        let presentTense = skipped == 0 && Self.isPresentTense(lowered) && !Self.phraseBreakers.contains(lowered)
        let participle = progressive && lowered.count >= 5 && lowered.hasSuffix("ing")
        guard isVerbLike(index) || presentTense || participle else { return nil }
        return AttributionHit(speaker: found.range, cue: tokens.tokens[index].range)
    }

    /// The first token from `index` that is neither an auxiliary nor a
    /// manner adverb: where a subject's verb stands ("has repeatedly said").
    private func pastAuxiliaries(from index: Int, before limit: Int) -> Int {
        var index = index
        while index < limit, tokens.isWord(index), Self.auxiliaries.contains(word(index)) || isMannerAdverb(index) { index += 1 }
        return index
    }

    /// "cynically", "forcefully": a manner adverb between a subject and its verb.
    private func isMannerAdverb(_ index: Int) -> Bool {
        let lowered = word(index)
        return lowered.count >= 5 && lowered.hasSuffix("ly") && !tokens.isCapitalized(index)
    }

    /// Irregular past forms that report speech or thought.
    static let irregularVerbs: Set<String> = [
        "thought", "felt", "knew", "saw", "made", "took", "gave", "found", "went", "came", "put", "set", "got",
        "held", "brought", "meant", "sought", "taught", "wrote", "spoke", "told", "said", "began", "rang", "sang",
        "swore", "bore", "drew", "threw", "shot", "hit", "struck", "let", "kept", "left", "sent", "lent", "built",
        "fought", "caught", "led", "read", "ran", "won", "lost", "paid", "heard", "chose", "rose", "woke",
        "gone", "taken", "given", "seen", "shown", "spoken", "sworn", "drawn", "thrown", "known", "done",
    ]

    /// "sings", "targets": a third-person present, told from plurals such as
    /// "class" and "campus" by its ending only, so callers add what they know.
    static func isPresentTense(_ lowered: String) -> Bool {
        lowered.count >= 4 && lowered.hasSuffix("s") && !lowered.hasSuffix("ss") && !lowered.hasSuffix("us")
    }

    /// A cue word or an irregular past: a verb whatever follows it.
    private func isFiniteVerb(_ index: Int) -> Bool {
        guard tokens.isWord(index), !tokens.isCapitalized(index) else { return false }
        let lowered = word(index)
        return Self.irregularVerbs.contains(lowered) || vocabulary.cueWords.contains(lowered)
    }

    /// A lowercase word that reads as a finite verb: a known cue, an
    /// irregular past, or a regular past or third-person form.
    private func isVerbLike(_ index: Int) -> Bool {
        guard tokens.isWord(index), !tokens.isCapitalized(index) else { return false }
        let lowered = word(index)
        if Self.irregularVerbs.contains(lowered) || vocabulary.cueWords.contains(lowered) { return true }
        if Self.phraseBreakers.contains(lowered) || Self.determiners.contains(lowered) { return false }
        guard lowered.count >= 4, lowered.allSatisfy({ $0.isLetter || $0 == "-" }) else { return false }
        // A regular past; "-s" forms are too often plural nouns ("years").
        return lowered.hasSuffix("ed")
    }

    /// Words that open a sentence before its subject: "On Monday, Ferrand said".
    static let leadIns: Set<String> = [
        "on", "in", "at", "after", "before", "during", "when", "while", "since", "as", "at", "by", "for", "from",
        "meanwhile", "still", "later", "earlier", "then", "instead", "however", "moreover", "yet", "speaking",
        "asked", "last", "this", "following", "despite", "although", "though", "because", "if", "unlike", "like",
        "separately", "previously", "now", "today", "yesterday", "tuesday", "monday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "indeed", "finally", "first", "second", "also", "again", "here",
        "over", "amid", "among", "against", "through", "throughout", "within", "without", "beyond", "toward",
        "towards", "under", "with", "across", "behind", "upon", "hours", "minutes", "days", "weeks", "months",
        "years", "moments", "outside", "inside", "alongside", "shortly", "soon", "preceded", "elsewhere", "ever",
    ]
    static let conjunctions: Set<String> = ["and", "but", "so", "or", "nor"]

    static func isNumeral(_ lowered: String) -> Bool {
        if lowered.first?.isNumber == true { return true }
        let head = lowered.split(separator: "-").first.map(String.init) ?? lowered
        return numberWords.contains(head)
    }

    static let timeUnits: Set<String> = ["years", "months", "weeks", "days", "hours", "minutes", "decades", "year", "month", "week", "day"]

    static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousands", "dozens",
    ]

    /// The subject of the sentence's main verb: the first lowercase finite
    /// verb (a cue, an irregular past or a regular past, not a participle)
    /// that a name, a pronoun or a description stands right before, so
    /// opening phrases ("Speaking in Salem, New Hampshire,", "Hours later,")
    /// are passed over.
    func mainSubject(of sentence: Range<Int>, endingBefore limit: Int) -> Range<Int>? {
        var index = sentence.lowerBound
        // "In a statement released Thursday, the senator reacted …, saying":
        // the verbs of an opening phrase are not the clause's.
        if tokens.isWord(index), Self.leadIns.contains(word(index)),
           let comma = (index..<min(limit, index + 16)).first(where: { tokens.isPunctuation($0, 0x2C) }) {
            index = comma + 1
        }
        while index < limit {
            defer { index += 1 }
            guard tokens.isWord(index), !tokens.isCapitalized(index) else { continue }
            let lowered = word(index)
            guard !lowered.hasSuffix("ing"), isVerbLike(index) || Self.finiteAuxiliaries.contains(lowered),
                  !isNounUse(index...index) else { continue }
            var end = index - 1
            while end >= sentence.lowerBound, tokens.isWord(end), Self.auxiliaries.contains(word(end)) { end -= 1 }
            guard end >= sentence.lowerBound else { continue }
            if let phrase = nounPhrase(endingAt: end, in: sentence, looseDescriptions: false)
                ?? speakerBefore(end + 1, in: sentence, looseDescriptions: false) {
                return phrase
            }
            // "The conservative publication has been outspoken …, arguing":
            // a description that opens the sentence.
            if let opening = subject(of: sentence, endingBefore: limit), opening.next <= index {
                return opening.range
            }
        }
        return nil
    }

    /// "NEW YORK": a dateline's capitals.
    private func isAllCapitals(_ index: Int) -> Bool {
        guard tokens.isWord(index), tokens.tokens[index].range.count >= 2 else { return false }
        return !tokens.bytes[tokens.tokens[index].range].contains(where: { $0 >= 0x61 && $0 <= 0x7A })
    }

    /// The subject at the start of a sentence (past an opening phrase such
    /// as "On Monday," or a dateline), when it ends before `limit`: a name,
    /// a pronoun or a descriptive phrase.
    func subject(of sentence: Range<Int>, endingBefore limit: Int) -> (range: Range<Int>, next: Int)? {
        var index = sentence.lowerBound
        while index < limit && tokens.tokens[index].kind == .punctuation { index += 1 }
        guard index < limit, tokens.isWord(index) else { return nil }
        if Self.conjunctions.contains(word(index)) { index += 1 }
        // A dateline: "WASHINGTON, Dec. 8 (UPI) —", "NEW YORK --".
        if let dash = (index..<min(limit, index + 12)).first(where: {
            (tokens.tokens[$0].kind == .punctuation && [0x94, 0x93].contains(tokens.bytes[tokens.tokens[$0].range.upperBound - 1])
                && tokens.tokens[$0].range.count == 3) || (tokens.isPunctuation($0, 0x2D) && tokens.isPunctuation($0 + 1, 0x2D))
                || (tokens.isPunctuation($0, 0x2D) && $0 > index && isAllCapitals($0 - 1))
        }), (index..<dash).allSatisfy({ !tokens.isWord($0) || tokens.isCapitalized($0) || tokens.lowercasedWord($0).first?.isNumber == true }) {
            index = dash + 1
            while tokens.isPunctuation(index, 0x2D) { index += 1 }
        }
        // "Thirty-one years ago, a local paper praised": a numeral opens a time phrase.
        if index < limit, tokens.isWord(index),
           Self.leadIns.contains(word(index)) || (Self.isNumeral(word(index)) && tokens.isWord(index + 1) && Self.timeUnits.contains(word(index + 1))) {
            guard let comma = (index..<min(limit, index + 16)).first(where: { tokens.isPunctuation($0, 0x2C) }) else { return nil }
            index = comma + 1
        }
        return clauseSubject(at: index, endingBefore: limit)
    }

    /// A name, a pronoun or a descriptive phrase starting at `index`, with
    /// the token after it (past an apposition in commas).
    func clauseSubject(at start: Int, endingBefore limit: Int) -> (range: Range<Int>, next: Int)? {
        let index = start
        guard index < limit, tokens.isWord(index) else { return nil }
        let lowered = word(index)
        if Self.personalPronouns.contains(lowered) {
            return (tokens.tokens[index].range, index + 1)
        }
        var end = index
        let sentenceStart = tokens.sentence(containing: index).map { tokens.sentences[$0].lowerBound } ?? index
        // "17-year-old Jared Potts": an age before the name.
        let ageFirst = lowered.first?.isNumber == true && lowered.contains("-") && index + 1 < limit
            && isLikelyName(index + 1, sentenceStart: index + 1)
        if ageFirst || isLikelyName(index, sentenceStart: sentenceStart) {
            end = nameRunEnd(from: ageFirst ? index + 1 : index, limit: limit)
            // "Republican mayoral nominee Dana Ferrand", "Former
            // Oregon Gov. Ada Brook": a title between capitalised runs.
            var next = end + 1
            while next < limit, next - end <= 3, tokens.isWord(next), !tokens.isCapitalized(next),
                  !Self.phraseBreakers.contains(word(next)), !isVerbLike(next), !Self.determiners.contains(word(next)) {
                if vocabulary.speakerNounSet.contains(word(next)), tokens.isCapitalized(next + 1), next + 1 < limit {
                    end = nameRunEnd(from: next + 1, limit: limit)
                    next = end + 1
                } else if vocabulary.speakerNounSet.contains(word(next)), word(next).hasSuffix("s") {
                    // "Law enforcement sources have said": the plural is the head.
                    end = next
                    next += 1
                } else {
                    next += 1
                }
            }
        } else if vocabulary.speakerNounSet.contains(lowered) && lowered.hasSuffix("s") {
            // "prosecutors say", "officials said".
            end = index
        } else if Self.articles.contains(lowered) || tokens.isCapitalized(index) {
            // "The GOP presidential candidate", "Multiple outlets": up to the
            // last speaker noun before the verb.
            var scan = index
            var head: Int?
            // The description ends at its verb ("The New York Times characterized"),
            // though not at an adjective right after the article ("The retired neurosurgeon").
            while scan + 1 < limit, tokens.isWord(scan + 1), scan - index < 6, !Self.phraseBreakers.contains(word(scan + 1)),
                  scan == index || !isVerbLike(scan + 1) {
                scan += 1
                if vocabulary.speakerNounSet.contains(word(scan)) || tokens.isCapitalized(scan) { head = scan }
            }
            if let head {
                end = head
            } else {
                // "The radioman pointed out": an unknown noun is the head when a verb follows it.
                guard let verb = (index + 2..<max(index + 2, min(limit, index + 6))).first(where: { isVerbLike($0) }), verb - 1 > index,
                      (index + 1..<verb).allSatisfy({ tokens.isWord($0) && !Self.phraseBreakers.contains(word($0)) })
                else { return nil }
                end = verb - 1
            }
        } else {
            return nil
        }
        // "the former secretary of state talked", "the secretary of the
        // Treasury said": an "of" phrase belongs to the subject.
        if end + 1 < limit, tokens.isWord(end + 1), word(end + 1) == "of", tokens.isCapitalized(end + 2) {
            // "Harbor Commissioner John F. Brandt".
            end = nameRunEnd(from: end + 2, limit: limit)
        } else if end + 1 < limit, tokens.isWord(end + 1), word(end + 1) == "of",
           let verb = (end + 2..<min(limit, end + 6)).first(where: { isVerbLike($0) && !Self.articles.contains(word($0 - 1)) }),
           (end + 2..<verb).allSatisfy({ tokens.isWord($0) && !Self.phraseBreakers.contains(word($0)) }), verb > end + 2 {
            end = verb - 1
        }
        // "Ortiz's campaign is seeking": the possessed noun is the subject's head.
        var owned = 0
        while owned < 2, word(end).hasSuffix("'s") || word(end).hasSuffix("s'"), end + 1 < limit, tokens.isWord(end + 1),
              !tokens.isCapitalized(end + 1), !isVerbLike(end + 1), !Self.phraseBreakers.contains(word(end + 1)) {
            end += 1
            owned += 1
        }
        // "Mara Lindgren, the assistant secretary of state, told": skip the apposition.
        var next = end + 1
        if tokens.isPunctuation(next, 0x2C),
           let close = (next + 1..<min(limit, next + 25)).first(where: { tokens.isPunctuation($0, 0x2C) }) {
            next = close + 1
        }
        return (tokens.tokens[index].range.lowerBound..<tokens.tokens[end].range.upperBound, next)
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
            if let hit = postQuoteHit(after: token, in: sentence) { return hit }
        }
        return nil
    }

    /// `“…” ― Pamela Padilla`: a dash and a name right after the quotation,
    /// as reader comments and pull quotes are signed.
    private func dashNameHit(after quoteToken: Int, in sentence: Range<Int>) -> AttributionHit? {
        let dash = quoteToken + 1
        let isHyphenDash = tokens.isPunctuation(dash, 0x2D)
        guard isDash(dash) || isHyphenDash else { return nil }
        var start = dash + 1
        while tokens.isPunctuation(start, 0x2D) { start += 1 }
        // "“Very good reporter” –@harborferrand": a handle signs a post.
        if tokens.isPunctuation(start, 0x40), tokens.isWord(start + 1),
           tokens.tokens[start].range.upperBound == tokens.tokens[start + 1].range.lowerBound {
            return AttributionHit(speaker: tokens.tokens[start].range.lowerBound..<tokens.tokens[start + 1].range.upperBound,
                                  cue: tokens.tokens[dash].range)
        }
        guard start < tokens.tokens.count, tokens.isCapitalized(start),
              !Self.isFunctionWord(word(start)) || opensNameWithTitle(start) else { return nil }
        let end = nameRunEnd(from: start, limit: tokens.tokens.count)
        return AttributionHit(speaker: tokens.tokens[start].range.lowerBound..<tokens.tokens[end].range.upperBound,
                              cue: tokens.tokens[dash].range)
    }

    /// A quotation of at most three words: a name, a title or a term.
    private func isShortQuotation(_ index: Int) -> Bool {
        tokens.quoteIndex(index) != nil && ProseHeuristics.wordCount(tokens.bytes[tokens.tokens[index].range]) <= 3
    }

    /// An em dash, en dash or horizontal bar token.
    private func isDash(_ index: Int) -> Bool {
        guard tokens.indices(contains: index), tokens.tokens[index].kind == .punctuation, tokens.tokens[index].range.count == 3 else { return false }
        let bytes = tokens.bytes[tokens.tokens[index].range]
        return bytes.first == 0xE2 && (0x93...0x95).contains(bytes.last!)
    }

    /// "After Ferrand suggested that the county would sue, Hale fired back: “…”":
    /// the clause that ends with the colon introduces the quotation, not a
    /// cue earlier in the sentence.
    private func colonClauseHit(before quoteToken: Int, in sentence: Range<Int>) -> AttributionHit? {
        let colon = quoteToken - 1
        guard colon > sentence.lowerBound, tokens.isPunctuation(colon, 0x3A) else { return nil }
        // "Ortiz seemed irritated: “…,” she wrote": a cue after the
        // quotation is nearer than the clause before it.
        if cues(cues, startingIn: sentence).contains(where: { $0.lowerBound > quoteToken && sentence.contains($0.lowerBound) && $0.lowerBound - quoteToken <= 3 }) {
            return nil
        }
        var start = colon - 1
        while start > sentence.lowerBound, !tokens.isPunctuation(start - 1, 0x2C), !tokens.isPunctuation(start - 1, 0x3B),
              tokens.quoteIndex(start - 1) == nil {
            start -= 1
        }
        let clause = start..<colon
        if let hit = bestHit(in: clause, nearest: colon - 1) { return hit }
        guard let found = clauseSubject(at: start, endingBefore: colon) else { return nil }
        var verb = found.next
        // "Sen. Claire McCaskill (D-Mo.) scolded him:".
        if tokens.isPunctuation(verb, 0x28), let close = (verb..<min(colon, verb + 8)).first(where: { tokens.isPunctuation($0, 0x29) }) {
            verb = close + 1
        }
        verb = pastAuxiliaries(from: verb, before: colon)
        guard verb < colon, tokens.isWord(verb), isVerbLike(verb) else { return nil }
        return AttributionHit(speaker: found.range, cue: tokens.tokens[colon].range)
    }

    /// `Ferrand: “…”`, `Reuters: “…”`, `Nora Pike ― “…”`: a speaker then
    /// a colon or a dash right before the quotation.
    private func colonHit(before quoteToken: Int, in sentence: Range<Int>) -> AttributionHit? {
        let colon = quoteToken - 1
        guard colon > sentence.lowerBound, tokens.isPunctuation(colon, 0x3A) || isDash(colon) else { return nil }
        // The words right before the mark speak only when they are all the
        // clause ("Ferrand: “…”"); in "emailed a link with one sentence: “…”"
        // they are an object, and the subject speaks.
        if let before = speakerBefore(colon, in: sentence), let first = tokens.token(startingAt: before.lowerBound),
           first == sentence.lowerBound || tokens.tokens[first - 1].kind == .punctuation {
            return AttributionHit(speaker: before, cue: tokens.tokens[colon].range)
        }
        guard let speaker = subject(of: sentence, endingBefore: colon)?.range else { return nil }
        return AttributionHit(speaker: speaker, cue: tokens.tokens[colon].range)
    }

    /// The cue nearest to `anchor` in the sentence that has a speaker.
    private func bestHit(in sentence: Range<Int>, nearest anchor: Int) -> AttributionHit? {
        // A capitalised cue inside a sentence is part of a name ("Islamic
        // State", "The Harbor Ledger"), not a verb.
        // Cues within `lookBack` tokens of the anchor: the whole of any
        // sentence of news copy, and a bounded number in a run-on one.
        let window = max(sentence.lowerBound, anchor - Self.lookBack)..<max(sentence.lowerBound, min(sentence.upperBound, anchor + Self.lookBack + 1))
        let candidates = cues(verbCues, startingIn: window).filter { sentence.contains($0.lowerBound) && sentence.contains($0.upperBound)
            && !(tokens.isCapitalized($0.lowerBound) && tokens.isWord($0.lowerBound - 1) && $0.lowerBound > sentence.lowerBound)
            && !isInSubordinateClause($0, after: anchor) }
            .sorted { rank($0, anchor) < rank($1, anchor) }
        var ordered = candidates
        if let reported = ordered.firstIndex(where: isReportingCue) {
            ordered.insert(ordered.remove(at: reported), at: 0)
        }
        if let poll = pollHit(in: sentence), let speaker = poll.speaker, speaker.upperBound <= tokens.tokens[anchor].range.lowerBound {
            return poll
        }
        for cue in ordered {
            if let speaker = speaker(for: cue, in: sentence) ?? subject(of: sentence, endingBefore: cue.lowerBound)?.range {
                // "“…,” interrupting a voter who asked about taxes": a
                // relative clause after the quotation speaks of someone else.
                if anchor < cue.lowerBound, let first = tokens.token(startingAt: speaker.lowerBound),
                   tokens.quoteIndex(anchor) != nil, ["who", "which", "that"].contains(word(first)) {
                    continue
                }
                let cueRange = tokens.tokens[cue.lowerBound].range.lowerBound..<tokens.tokens[cue.upperBound].range.upperBound
                return AttributionHit(speaker: speaker, cue: cueRange)
            }
        }
        return nil
    }

    /// "“…,” the day after the utility announced a rise", "“…,” before
    /// the board voted": a cue in a clause that a subordinating word opens
    /// after the quotation tells what else happened, not who spoke.
    private func isInSubordinateClause(_ cue: ClosedRange<Int>, after anchor: Int) -> Bool {
        guard tokens.quoteIndex(anchor) != nil, cue.lowerBound > anchor + 1 else { return false }
        let opener = nextSubordinator[anchor + 1]
        guard opener < cue.lowerBound else { return false }
        // "“…” while calling for a wall": a participle right after the
        // subordinating word has no subject of its own; it goes on from the clause.
        if opener + 1 == cue.lowerBound { return false }
        // "“…” before the fireworks, she said": a comma closes the clause,
        // and the cue after it is the main clause's.
        return clauseBreaks[cue.lowerBound] == clauseBreaks[opener + 1]
    }

    /// How far from a quotation, in tokens, the searches for the verb that
    /// frames it, for the subject of a later clause (both back) and for
    /// the cues of its sentence (both ways) go: past any sentence of news
    /// copy, and it keeps a run-on "sentence" of thousands of quotations
    /// linear to read (each quotation searched the whole sentence).
    static let lookBack = 200

    static let subordinators: Set<String> = ["after", "before", "when", "while", "because", "since", "until", "although", "though", "whereas", "once"]

    /// “We cannot wait,” the … : a quotation that opens its sentence and
    /// closes on a comma promises its credit in the words that follow it.
    /// When they hold none, the credit is missing, whatever the sentences
    /// around it say.
    func quoteAwaitsCredit(_ quote: Int) -> Bool {
        let token = quoteTokens[quote]
        guard token >= 0, let sentenceIndex = tokens.sentence(containing: token) else { return false }
        let sentence = tokens.sentences[sentenceIndex]
        return token == sentence.lowerBound && closesWithComma(token) && sentence.contains(token + 1) && tokens.isWord(token + 1)
    }

    /// "Ortiz: My first answer was “Not this year.”": in a transcript or a
    /// Q&A, the label that opens the paragraph names who speaks all of it,
    /// the quotations inside included.
    private func speakerLabelHit() -> AttributionHit? {
        guard let first = tokens.tokens.indices.first, tokens.isWord(first), tokens.isCapitalized(first),
              !Self.isFunctionWord(word(first)) || opensNameWithTitle(first) else { return nil }
        let end = nameRunEnd(from: first, limit: min(tokens.tokens.count, first + 5))
        guard end - first < 4, tokens.isPunctuation(end + 1, 0x3A),
              tokens.tokens[end].range.count > 1, !Self.fieldLabels.contains(word(end)) else { return nil }
        return AttributionHit(speaker: tokens.tokens[first].range.lowerBound..<tokens.tokens[end].range.upperBound,
                              cue: tokens.tokens[end + 1].range)
    }

    /// Labels of a form or of page furniture ("Name: …", "Update: …"),
    /// which name no speaker.
    static let fieldLabels: Set<String> = [
        "name", "age", "city", "job", "pay", "title", "date", "location", "note", "update", "correction", "source",
        "photo", "video", "watch", "read", "related", "question", "answer", "subject", "topic", "why", "what", "where",
        "when", "how", "summary", "background", "context", "warning", "disclaimer", "credit", "credits", "caption",
    ]

    /// "In a county survey published Monday, only 12 percent of renters
    /// said …": the poll is the source the story stands on.
    private func pollHit(in sentence: Range<Int>) -> AttributionHit? {
        let opener = sentence.lowerBound
        guard tokens.isWord(opener), word(opener) == "in", tokens.isWord(opener + 1),
              ["a", "an", "the"].contains(word(opener + 1)) else { return nil }
        var index = opener + 2
        while index < sentence.upperBound, index - opener < 12,
              tokens.isWord(index) || tokens.isPunctuation(index, 0x2D) || tokens.isPunctuation(index, 0x2F) {
            if ["poll", "survey", "study"].contains(word(index)) {
                return AttributionHit(speaker: tokens.tokens[opener + 1].range.lowerBound..<tokens.tokens[index].range.upperBound,
                                      cue: tokens.tokens[opener].range)
            }
            index += 1
        }
        return nil
    }

    /// "battleground states", "one of the states", "a meeting with state
    /// officials": a cue that can be a noun is one after a preposition, and a
    /// plural one after an article or a lowercase word that cannot stand
    /// between a subject and its verb. "His remarks" and "Ferrand's claims"
    /// still name someone's words.
    private func isNounUse(_ cue: ClosedRange<Int>) -> Bool {
        guard cue.count == 1, !Self.unmistakableVerbs.contains(word(cue.lowerBound)) else { return false }
        let before = cue.lowerBound - 1
        guard tokens.isWord(before) else { return false }
        let form = word(cue.lowerBound)
        // "22% of Democratic claims": a plural after a preposition and an adjective.
        if tokens.isCapitalized(before) {
            return form.hasSuffix("s") && tokens.isWord(before - 1) && Self.prepositions.contains(word(before - 1))
        }
        let previous = word(before)
        // "a contest called the Harbor Light Award", "a documentary
        // called “River Towns”": a noun named, not words spoken.
        if form == "called", !Self.pronouns.contains(previous), !Self.auxiliaries.contains(previous), !previous.hasSuffix("ly"),
           !Self.conjunctions.contains(previous), !vocabulary.speakerNounSet.contains(previous),
           !Self.phraseBreakers.contains(previous), previous != "that" {
            return true
        }
        // "erred in saying", "after saying": a gerund still speaks for the subject.
        if Self.prepositions.contains(previous) { return !word(cue.lowerBound).hasSuffix("ing") }
        // "he was open to some refugees": an adjective after a form of "be".
        if ["is", "was", "are", "were", "be", "been"].contains(previous) {
            let form = word(cue.lowerBound)
            return !form.hasSuffix("ed") && !form.hasSuffix("ing") && !Self.irregularVerbs.contains(form)
        }
        // "Kim's mental state": a verb's base form follows a subject, "to"
        // or a modal, never an adjective. Only for cues whose noun is no
        // speech ("a snappy retort" still credits the subject).
        if Self.cuesWithOtherNouns.contains(form) {
            // "in the state", "her state", "this post": after an article or
            // a possessive, the noun.
            if Self.nounDeterminers.contains(previous) { return true }
            return !(Self.auxiliaries.contains(previous) || Self.pronouns.contains(previous) || Self.determiners.contains(previous)
                || Self.conjunctions.contains(previous) || previous == "to" || previous.hasSuffix("ly")
                || vocabulary.speakerNounSet.contains(previous) || previous.hasSuffix("s") || Self.phraseBreakers.contains(previous))
        }
        guard form.hasSuffix("s") else { return false }
        if ["the", "a", "an", "these", "those"].contains(previous) { return true }
        return !(Self.auxiliaries.contains(previous) || Self.pronouns.contains(previous) || Self.determiners.contains(previous)
            || Self.conjunctions.contains(previous)
            || previous.hasSuffix("ly") || previous.hasSuffix("'s") || previous.hasSuffix("s'")
            || vocabulary.speakerNounSet.contains(previous))
    }

    static let cuesWithOtherNouns: Set<String> = ["state", "post", "open", "read", "counter", "cry", "order", "charge"]

    /// Prepositions, after which a word is a noun, never a verb.
    static let prepositions: Set<String> = [
        "with", "of", "for", "from", "in", "on", "at", "about", "into", "over", "under", "among", "between", "against",
        "without", "amid", "toward", "towards", "upon", "via", "alongside", "despite", "beyond", "across", "around",
        "behind", "near", "like", "unlike",
    ]

    /// "went on" reports speech only before its words ("…,” he went on,
    /// “…”", "went on to say"), not in "once the Senate goes on recess".
    private func isGoingOn(_ cue: ClosedRange<Int>) -> Bool {
        guard cue.count == 2, tokens.lowercasedWord(cue.upperBound) == "on" else { return false }
        let next = cue.upperBound + 1
        return tokens.isWord(next) && word(next) != "to"
    }

    /// Nearer cues first; a participle ("adding", "saying") only goes on
    /// from a finite cue, so it yields to one nearly as near.
    private func rank(_ cue: ClosedRange<Int>, _ anchor: Int) -> Int {
        let participle = cue.count == 1 && tokens.lowercasedWord(cue.lowerBound).hasSuffix("ing")
        return 2 * distance(cue, anchor) + (participle ? 5 : 0) + (cue.lowerBound > anchor ? 1 : 0)
    }

    private func distance(_ cue: ClosedRange<Int>, _ anchor: Int) -> Int {
        anchor < cue.lowerBound ? cue.lowerBound - anchor : max(0, anchor - cue.upperBound)
    }

    // MARK: Speakers

    static let quantityPronouns: Set<String> = ["several", "many", "some", "most", "both", "few", "all"]
    static let pronouns: Set<String> = Set(["he", "she", "they", "i", "we", "you", "it", "who", "which", "one"]).union(pronounContractions)
    /// The pronouns that open a clause as its subject, contracted or not ("He's claiming").
    static let personalPronouns: Set<String> = Set(["he", "she", "they", "i", "we"]).union(pronounContractions.filter { !$0.hasPrefix("you") && !$0.hasPrefix("who") })
    /// "He's", "they've", "I'm": a pronoun and its auxiliary in one word.
    static let pronounContractions: Set<String> = Set(["he", "she", "they", "we", "i", "you", "who"].flatMap { pronoun in
        ["'s", "'re", "'ve", "'d", "'ll"].map { pronoun + $0 }
    } + ["i'm"])
    /// Words that may stand between a speaker and the cue: "he also said",
    /// "Ferrand has repeatedly said", "she was quoted".
    static let auxiliaries: Set<String> = [
        "also", "later", "then", "previously", "once", "recently", "repeatedly", "has", "had", "have", "would",
        "will", "was", "were", "is", "are", "reportedly", "publicly", "privately", "earlier", "again", "further",
        "did", "does", "do", "not", "never", "quickly", "simply", "flatly", "angrily", "bluntly", "just", "often",
        "frequently", "famously", "initially", "finally", "subsequently", "first", "himself", "herself",
        "themselves", "itself", "could", "might", "may", "must", "should", "can", "even", "still", "already",
        "since", "long", "once", "sarcastically", "jokingly", "defiantly", "calmly", "simply", "bluntly",
        "tearfully", "openly", "loudly", "quietly", "proudly", "succinctly", "immediately", "being", "been",
        "only", "now", "further", "personally", "directly", "pointedly", "sharply",
    ]
    /// Auxiliaries that are finite verbs, unlike the adverbs ("later",
    /// "also") that may also stand between a subject and its verb.
    static let finiteAuxiliaries: Set<String> = [
        "has", "had", "have", "was", "were", "is", "are", "will", "would", "could", "can", "may", "might", "must",
        "should", "did", "does", "do",
    ]
    static let determiners: Set<String> = [
        "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "your", "two", "three",
        "several", "some", "many", "other", "this", "that", "these", "those", "both", "each", "every", "most",
    ]
    /// Determiners after which a word is a noun ("the report", "his call"),
    /// unlike "some said" or "others say".
    static let nounDeterminers: Set<String> = ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"]
    /// Determiners that introduce a description of a person ("the
    /// engineer", "a neighbour"), unlike possessives ("his standing").
    static let articles: Set<String> = ["the", "a", "an", "one", "another", "two", "three", "several", "some", "many", "most"]
    /// A word that begins a sentence or a clause rather than a name,
    /// contractions included: "That's", "Here's", "We're", "Don't".
    static func isFunctionWord(_ lowered: String) -> Bool {
        if functionWords.contains(lowered) { return true }
        guard let apostrophe = lowered.lastIndex(of: "'") else { return false }
        let base = lowered[..<apostrophe]
        switch lowered[lowered.index(after: apostrophe)...] {
        case "re", "m", "t", "ve", "ll", "d": return base.count > 1
        case "s": return functionWords.contains(String(base)) || ["what", "who", "let", "where", "how", "why"].contains(base)
        default: return false
        }
    }

    /// Capitalised words that begin a sentence or a clause rather than a name.
    static let functionWords: Set<String> = [
        "the", "a", "an", "and", "but", "or", "so", "yet", "in", "on", "at", "as", "when", "while", "if",
        "then", "after", "before", "since", "because", "though", "although", "still", "also", "now", "later",
        "meanwhile", "however", "instead", "asked", "speaking", "writing", "for", "with", "without", "to", "of",
        "by", "from", "this", "that", "these", "those", "there", "here", "it", "we", "he", "she", "they", "i",
        "you", "his", "her", "their", "our", "my", "its", "not", "no", "yes", "mr", "mrs", "ms", "even", "only",
        "just", "more", "most", "many", "some", "all", "every", "each", "both", "few", "several", "other",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "today", "yesterday",
        "tomorrow", "last", "next", "first", "what", "why", "how", "where", "who", "which", "whether",
    ]

    /// The last token of a name that starts at `start`: capitalised words,
    /// particles (de, van, al) and the full stops of titles and initials
    /// ("Sen. Ivo Renn", "Mary K. Keller").
    func nameRunEnd(from start: Int, limit: Int) -> Int {
        var end = start
        while end + 1 < limit {
            if tokens.isWord(end + 1), tokens.isCapitalized(end + 1) || Self.nameParticles.contains(word(end + 1)) {
                end += 1
            } else if tokens.isPunctuation(end + 1, 0x2E), isTitleOrInitial(end), end + 2 < limit, tokens.isCapitalized(end + 2) {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// The first token of a name that ends at `end`.
    func nameRunStart(from end: Int, lowerLimit: Int) -> Int {
        var start = end
        while start - 1 >= lowerLimit {
            if tokens.isWord(start - 1), tokens.isCapitalized(start - 1) || Self.nameParticles.contains(word(start - 1)),
               !Self.isFunctionWord(word(start - 1)) {
                start -= 1
            } else if tokens.isPunctuation(start - 1, 0x2E), start - 2 >= lowerLimit, isTitleOrInitial(start - 2) {
                start -= 2
            } else {
                break
            }
        }
        return start
    }

    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm", "maj", "prof", "rev",
        "hon", "pres", "jr", "sr", "st", "mt", "cmdr", "atty", "supt", "insp", "det",
    ]

    private func isTitleOrInitial(_ index: Int) -> Bool {
        guard tokens.isWord(index), tokens.isCapitalized(index) else { return false }
        return tokens.tokens[index].range.count == 1 || Self.titles.contains(word(index))
    }

    /// A capitalised word that begins its sentence is a name only if it does
    /// not read as an ordinary word: "Reprising", "Unemployment", "Boos".
    func isLikelyName(_ index: Int, sentenceStart: Int) -> Bool {
        if opensNameWithTitle(index) { return true }
        guard tokens.isCapitalized(index), !Self.isFunctionWord(word(index)) else { return false }
        guard index == sentenceStart, !tokens.isCapitalized(index + 1) || !tokens.isWord(index + 1) else { return true }
        let lowered = word(index)
        // Long enough that "King", "Bing" and "Ming" stay names.
        guard lowered.count >= 6 else { return true }
        return !(lowered.hasSuffix("ing") || lowered.hasSuffix("ly") || lowered.hasSuffix("ment") || lowered.hasSuffix("tion")
            || lowered.hasSuffix("ness") || lowered.hasSuffix("ous"))
    }
    /// "Mr. Aldine", "Ms Varga": a title opens a name, though "Mr" on
    /// its own is no speaker.
    func opensNameWithTitle(_ index: Int) -> Bool {
        guard tokens.isCapitalized(index), Self.titles.contains(word(index)) else { return false }
        return tokens.isCapitalized(tokens.isPunctuation(index + 1, 0x2E) ? index + 2 : index + 1)
    }

    static var nameParticles: Set<String> { NameParticles.withinProse }

    /// The speaker of a cue: before it ("Ferrand said", "a White House
    /// official told", "Lindgren, the assistant secretary, told") or after it
    /// ("said Marlow", "according to the statement").
    private func speaker(for cue: ClosedRange<Int>, in sentence: Range<Int>) -> Range<Int>? {
        let cueText = (cue.lowerBound...cue.upperBound).map { tokens.lowercasedWord($0) }.joined(separator: " ")
        let forwardOnly = cueText == "according to" || cueText.hasPrefix("in ") || cueText == "in the words of"
        let verb = tokens.lowercasedWord(cue.upperBound)
        // "The senator went after her rival, calling him “a lost cause”": a participle
        // after a comma belongs to the subject of the clause; what follows it
        // is its object.
        // "After saying her foot was “so swollen,” she was …": the subject
        // of the clause the opening phrase leads into.
        if verb.hasSuffix("ing"), cue.lowerBound - 1 == sentence.lowerBound, tokens.isWord(cue.lowerBound - 1),
           Self.prepositions.contains(word(cue.lowerBound - 1)) || ["after", "before", "while", "by", "since", "when"].contains(word(cue.lowerBound - 1)),
           let boundary = (cue.upperBound + 1..<min(sentence.upperBound, cue.upperBound + 30)).first(where: {
               tokens.isPunctuation($0, 0x2C) || (tokens.quoteIndex($0) != nil && tokens.bytes[tokens.tokens[$0].range].contains(0x2C))
           }),
           let found = clauseSubject(at: boundary + 1, endingBefore: sentence.upperBound) {
            return found.range
        }
        if verb.hasSuffix("ing"), closesWithComma(cue.lowerBound - 1) {
            // "Aldine said, adding", "Varga said Tuesday in Paris, noting":
            // the speaker of the cue the participle goes on from.
            for earlier in cues(cues, startingIn: sentence).reversed() where earlier.upperBound < cue.lowerBound - 1 && sentence.contains(earlier.lowerBound) {
                let earlierVerb = tokens.lowercasedWord(earlier.upperBound)
                // "with Dana Ferrand tweeting that … and asking, “…”": the
                // participle before, with its own subject.
                if earlierVerb.hasSuffix("ing"), tokens.isCapitalized(earlier.lowerBound - 1),
                   !tokens.isPunctuation(earlier.lowerBound - 1, 0x2C),
                   let named = speakerBefore(earlier.lowerBound, in: sentence, looseDescriptions: false),
                   let first = tokens.token(startingAt: named.lowerBound), first > sentence.lowerBound,
                   tokens.isWord(first - 1), word(first - 1) == "with" {
                    return named
                }
                guard cue.lowerBound - earlier.upperBound <= 8, !tokens.isCapitalized(earlier.lowerBound),
                      Self.unmistakableVerbs.contains(earlierVerb) || earlierVerb.hasSuffix("ed") else { break }
                if let speaker = speakerBefore(earlier.lowerBound, in: sentence, looseDescriptions: false) { return speaker }
                break
            }
            return mainSubject(of: sentence, endingBefore: cue.lowerBound - 1)
        }
        // "Hale was asked by host Theo Marsh": the asker speaks.
        if verb == "asked", tokens.isWord(cue.upperBound + 1), word(cue.upperBound + 1) == "by",
           let asker = speakerAfter(cue.upperBound + 1, in: sentence) {
            return asker
        }
        let unmistakablyVerb = verb.hasSuffix("ed") || Self.unmistakableVerbs.contains(verb)
        if !forwardOnly, let before = speakerBefore(cue.lowerBound, in: sentence, looseDescriptions: unmistakablyVerb) {
            // "Brandt released a statement saying", "Ortiz responded on
            // Facebook writing": before a participle, the object of a verb or a
            // preposition is what was released or where; the subject speaks.
            if verb.hasSuffix("ing"), let first = tokens.token(startingAt: before.lowerBound), first > sentence.lowerBound,
               tokens.isWord(first - 1), word(first - 1) != "with",
               Self.prepositions.contains(word(first - 1)) || ["to", "out", "up"].contains(word(first - 1)) || isVerbLike(first - 1),
               let subject = mainSubject(of: sentence, endingBefore: first) {
                return subject
            }
            // "Ruiz, who has in the past described …", "the mayor on
            // Tuesday called …": a phrase after a preposition is when or
            // where, not who; the subject stands before it.
            if let first = tokens.token(startingAt: before.lowerBound), first - 1 > sentence.lowerBound,
               tokens.isWord(first - 1), ["in", "on", "at", "during", "over", "since", "to", "for", "of", "from", "with"].contains(word(first - 1)),
               !tokens.isCapitalized(first),
               let earlier = speakerBefore(first - 1, in: sentence, looseDescriptions: false) {
                return earlier
            }
            return before
        }
        // The speaker follows the cue only in inversions right after a
        // quotation ("…,” said Marlow) and in "according to the statement";
        // elsewhere the word after a cue is its object ("said Islamic State").
        let previous = cue.lowerBound - 1
        // An inversion follows a quotation or a comma: "…,” said Marlow",
        // "…, says Theo Marsh, a political scientist".
        let inverted = tokens.quoteIndex(previous) != nil || tokens.isPunctuation(previous, 0x2C)
            || cue.lowerBound == sentence.lowerBound
        // After "told" or "asked" comes the listener ("…, told reporters"),
        // except in an inversion right after the quotation ("…?” asked Calder).
        let followsQuotation = tokens.quoteIndex(previous) != nil
            || (tokens.isPunctuation(previous, 0x2C) && tokens.quoteIndex(previous - 1) != nil)
        guard forwardOnly || (inverted && (followsQuotation || !Self.addressingVerbs.contains(verb))) else { return nil }
        // "…,” answering a question at a town hall": a participle never
        // inverts; what follows it is its object.
        if verb.hasSuffix("ing"), cue.lowerBound > sentence.lowerBound, !forwardOnly { return nil }
        // "…,” in an email message Monday to the paper": after "in an
        // email" comes more of the phrase or its recipient, never the writer.
        if cueText.hasPrefix("in "), cueText != "in the words of" { return nil }
        return speakerAfter(cue.upperBound, in: sentence)
    }

    private func word(_ index: Int) -> String { tokens.lowercasedWord(index) }

    /// A comma, or a quotation whose comma sits inside its closing mark
    /// ("hailed the vote as “fantastic,” telling reporters"): either way a
    /// participle after it goes on from the clause before.
    private func closesWithComma(_ index: Int) -> Bool {
        if tokens.isPunctuation(index, 0x2C) { return true }
        guard tokens.quoteIndex(index) != nil else { return false }
        let range = tokens.tokens[index].range
        var end = range.upperBound - 1
        // Step back over the closing mark: a straight quote, or a three-byte curly one.
        if tokens.bytes[end] == 0x22 || tokens.bytes[end] == 0x27 { end -= 1 } else if end - 2 >= range.lowerBound { end -= 3 }
        return end >= range.lowerBound && tokens.bytes[end] == 0x2C
    }

    static let addressingVerbs: Set<String> = ["told", "tells", "tell", "telling", "asked", "asks", "ask", "asking", "urged", "warned", "assured", "reminded"]

    /// Cue words that are never nouns, so "the engineer said" is a speaker
    /// and a cue, where "an implicit caution" is neither.
    static let unmistakableVerbs: Set<String> = [
        "said", "told", "wrote", "says", "tells", "writes", "asks", "adds", "argues", "insists", "explains", "warns",
        "recalls", "continues", "concludes", "spoke", "speaks", "tweets", "posts", "admits", "acknowledges",
    ]

    func speakerBefore(_ cueStart: Int, in sentence: Range<Int>, looseDescriptions: Bool = true) -> Range<Int>? {
        var index = cueStart - 1
        var skipped = 0
        while index >= sentence.lowerBound && tokens.isWord(index) && Self.auxiliaries.contains(word(index)) && skipped < 4 {
            index -= 1
            skipped += 1
        }
        guard index >= sentence.lowerBound else { return nil }
        // "Rep. Nell Varga (D-Ore.) said", "Gov. Ivo Renn (R-OR), said":
        // a parenthesis after the name.
        if tokens.isPunctuation(index, 0x2C) && tokens.isPunctuation(index - 1, 0x29) { index -= 1 }
        if tokens.isPunctuation(index, 0x29) {
            var open = index - 1
            while open > sentence.lowerBound && index - open < 12 && !tokens.isPunctuation(open, 0x28) { open -= 1 }
            guard tokens.isPunctuation(open, 0x28) else { return nil }
            index = open - 1
            if tokens.isPunctuation(index, 0x2C) { index -= 1 }
            guard index >= sentence.lowerBound else { return nil }
        }
        // "Ortiz — named by colleagues as the likely successor — told": an
        // apposition between dashes.
        if isDash(index), let open = (max(sentence.lowerBound, index - 40)..<index).last(where: { isDash($0) }), open > sentence.lowerBound {
            return nounPhrase(endingAt: open - 1, in: sentence, looseDescriptions: false)
        }
        // "Lindgren, the assistant secretary of state, told": an appositive
        // between commas stands between the speaker and the cue.
        // The apposition may hold commas of its own ("secretary of state for
        // population, refugees, and migration"): try each earlier comma.
        if tokens.isPunctuation(index, 0x2C) {
            // "…,” his chief of staff, Joe Kasper, told": the name just before
            // the comma is the speaker, the words before it describe him.
            let nameStart = nameRunStart(from: index - 1, lowerLimit: sentence.lowerBound)
            // Not "Columbus, Ohio," where a state follows its city.
            let stateAfterCity = nameStart == index - 1 && tokens.isCapitalized(nameStart - 2)
            if tokens.isCapitalized(index - 1), isLikelyName(index - 1, sentenceStart: sentence.lowerBound),
               let phrase = nounPhrase(endingAt: index - 1, in: sentence, looseDescriptions: false),
               tokens.isPunctuation(nameStart - 1, 0x2C), !stateAfterCity {
                return phrase
            }
            var open = index - 1
            // "Tom Aldine, wearing “Ana Ruiz” campaign pins, said": a
            // quoted name inside the apposition; the quotation attributed
            // stands before the speaker, not inside.
            while open > sentence.lowerBound && index - open < 40 && (tokens.quoteIndex(open) == nil || isShortQuotation(open)) {
                // "Ortiz, during a town hall in Columbus, Ohio, said": a
                // state after its city is no speaker.
                let cityState = tokens.isPunctuation(open, 0x2C) && open + 2 == index && tokens.isCapitalized(open + 1)
                if tokens.isPunctuation(open, 0x2C) && !cityState {
                    // "Sen. Ana Ruiz (D-Ore.), a budget committee member, said".
                    var nameEnd = open - 1
                    if tokens.isPunctuation(nameEnd, 0x29),
                       let paren = (max(sentence.lowerBound, nameEnd - 12)..<nameEnd).last(where: { tokens.isPunctuation($0, 0x28) }) {
                        nameEnd = paren - 1
                    }
                    if let phrase = nounPhrase(endingAt: nameEnd, in: sentence, looseDescriptions: false),
                       tokens.isCapitalized(nameEnd) || Self.pronouns.contains(word(nameEnd)) {
                        return phrase
                    }
                }
                open -= 1
            }
            return nil
        }
        return nounPhrase(endingAt: index, in: sentence, looseDescriptions: looseDescriptions)
    }

    /// A speaker ending at token `end`: a pronoun, a run of capitalised
    /// words, or a descriptive phrase ending in a speaker noun.
    private func nounPhrase(endingAt end: Int, in sentence: Range<Int>, looseDescriptions: Bool = true) -> Range<Int>? {
        guard end >= sentence.lowerBound, tokens.isWord(end) else { return nil }
        let lowered = word(end)
        // "Ferrand's" before a cue owns it ("Ferrand's remarks"); it does not speak.
        if lowered.hasSuffix("'s") || lowered.hasSuffix("s'") { return nil }
        // "“…,” From said": a surname that is also a word, right after the quotation.
        if tokens.isCapitalized(end), Self.isFunctionWord(lowered), !Self.pronouns.contains(lowered), end > sentence.lowerBound,
           tokens.quoteIndex(end - 1) != nil || tokens.isPunctuation(end - 1, 0x2C),
           tokens.isWord(end + 1), Self.unmistakableVerbs.contains(word(end + 1)) {
            return tokens.tokens[end].range
        }
        if Self.pronouns.contains(lowered) || lowered == "another" || lowered == "others" { return tokens.tokens[end].range }
        // "Several said", "Most say": a quantity of people.
        if Self.quantityPronouns.contains(lowered), end + 1 < sentence.upperBound, tokens.isWord(end + 1),
           vocabulary.cueWords.contains(word(end + 1)) || Self.auxiliaries.contains(word(end + 1)) {
            return tokens.tokens[end].range
        }
        if tokens.isCapitalized(end) && !Self.isFunctionWord(lowered) {
            let start = nameRunStart(from: end, lowerLimit: sentence.lowerBound)
            if start == end && !isLikelyName(end, sentenceStart: sentence.lowerBound) { return nil }
            return tokens.tokens[start].range.lowerBound..<tokens.tokens[end].range.upperBound
        }
        // "the engineer said", "a senior White House official told": a
        // descriptive phrase back to its determiner, or a known speaker noun.
        // "a headline that said": the description before the relative
        // pronoun, with it; names take "who", and "schools in Florida that
        // reminded him" is no speaker.
        if lowered == "that" {
            guard looseDescriptions, !tokens.isCapitalized(end - 1),
                  let antecedent = nounPhrase(endingAt: end - 1, in: sentence, looseDescriptions: true) else { return nil }
            return antecedent.lowerBound..<tokens.tokens[end].range.upperBound
        }
        // "she laughed and admitted": the subject of the verb before.
        if Self.conjunctions.contains(lowered) {
            guard isVerbLike(end - 1), let subject = speakerBefore(end - 1, in: sentence, looseDescriptions: looseDescriptions),
                  let first = tokens.token(startingAt: subject.lowerBound), !["who", "which", "that"].contains(word(first)) else { return nil }
            return subject
        }
        // "… criticized the president's policy and said" ends in no noun.
        if Self.phraseBreakers.contains(lowered) { return nil }
        var start = end
        while looseDescriptions || vocabulary.speakerNounSet.contains(lowered),
              start - 1 >= sentence.lowerBound, end - start < 6, tokens.isWord(start - 1) {
            start -= 1
            if Self.articles.contains(word(start)) {
                return tokens.tokens[start].range.lowerBound..<tokens.tokens[end].range.upperBound
            }
            if Self.phraseBreakers.contains(word(start)) { break }
        }
        if vocabulary.speakerNounSet.contains(lowered) {
            return tokens.tokens[end].range
        }
        return nil
    }

    /// Words a speaker's description does not run across.
    static let phraseBreakers: Set<String> = [
        "in", "at", "on", "during", "after", "before", "who", "which", "that", "and", "but", "or", "as", "to",
        "for", "with", "from", "by", "than", "when", "while", "if", "because", "about", "into", "over", "under",
        "was", "were", "is", "are", "be", "been", "has", "have", "had", "not", "said", "says", "told",
    ]

    private func speakerAfter(_ cueEnd: Int, in sentence: Range<Int>) -> Range<Int>? {
        var index = cueEnd + 1
        guard index < sentence.upperBound, tokens.isWord(index) else { return nil }
        let lowered = word(index)
        if (Self.pronouns.contains(lowered) && lowered != "it" && lowered != "which" && lowered != "one")
            || (["another", "others", "one"].contains(lowered) && !tokens.isWord(index + 1)) {
            return tokens.tokens[index].range
        }
        if (tokens.isCapitalized(index) && !Self.isFunctionWord(lowered)) || opensNameWithTitle(index) {
            let end = nameRunEnd(from: index, limit: sentence.upperBound)
            return tokens.tokens[index].range.lowerBound..<tokens.tokens[end].range.upperBound
        }
        if !Self.phraseBreakers.contains(lowered) && !Self.determiners.contains(lowered) && !Self.isFunctionWord(lowered) {
            // "said former Ruiz adviser Dana Keller", "said undecided voter
            // Ada Brook": descriptive words, then the name.
            var scan = index
            while scan < sentence.upperBound, tokens.isWord(scan), scan - index < 6,
                  !tokens.isCapitalized(scan), !Self.phraseBreakers.contains(word(scan)) {
                if vocabulary.speakerNounSet.contains(word(scan)) && !(scan + 1 < sentence.upperBound && tokens.isCapitalized(scan + 1)) {
                    return tokens.tokens[index].range.lowerBound..<tokens.tokens[scan].range.upperBound
                }
                scan += 1
            }
            if scan < sentence.upperBound, scan > index, tokens.isCapitalized(scan) {
                var end = nameRunEnd(from: scan, limit: sentence.upperBound)
                // "former Ruiz adviser Dana Keller": a title word between
                // two capitalised runs belongs to the description.
                var next = end + 1
                while next < sentence.upperBound, next - end <= 2, tokens.isWord(next), !tokens.isCapitalized(next),
                      vocabulary.speakerNounSet.contains(word(next)) || !Self.phraseBreakers.contains(word(next)) && !isFiniteVerb(next) {
                    if tokens.isCapitalized(next + 1) {
                        end = nameRunEnd(from: next + 1, limit: sentence.upperBound)
                        next = end + 1
                    } else {
                        next += 1
                    }
                }
                return tokens.tokens[index].range.lowerBound..<tokens.tokens[end].range.upperBound
            }
        }
        // "according to his longtime personal physician", "said his wife".
        if Self.articles.contains(lowered) || ["his", "her", "their", "our"].contains(lowered) {
            // "said the engineer", "said a spokeswoman for the mayor": up to
            // the first word that starts a clause or a prepositional phrase.
            // It must end in a speaker noun or at the end of the clause, so
            // "said the city embodied the …" is not taken for a speaker.
            // "-ed" words inside it are adjectives ("one unaligned Florida strategist").
            let start = index
            while index + 1 < sentence.upperBound, tokens.isWord(index + 1), index - start < 5,
                  !Self.phraseBreakers.contains(word(index + 1)), !isFiniteVerb(index + 1) {
                index += 1
            }
            guard index > start else { return nil }
            let endsClause = index + 1 >= sentence.upperBound || tokens.tokens[index + 1].kind != .word
                || Self.phraseBreakers.contains(word(index + 1))
            guard endsClause || vocabulary.speakerNounSet.contains(word(index)) else { return nil }
            return tokens.tokens[start].range.lowerBound..<tokens.tokens[index].range.upperBound
        }
        if vocabulary.speakerNounSet.contains(lowered) { return tokens.tokens[index].range }
        return nil
    }
}

extension String {
    /// "Ferrand's" → "Ferrand", "officials'" → "officials": a possessive is the
    /// same word for these tests.
    var trimmingPossessive: String {
        if hasSuffix("'s") || hasSuffix("’s") { return String(dropLast(2)) }
        if hasSuffix("s'") || hasSuffix("s’") { return String(dropLast(1)) }
        return self
    }
}
