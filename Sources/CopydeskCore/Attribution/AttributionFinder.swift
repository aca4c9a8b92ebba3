/// Credits each direct quotation of a document to a speaker, as an editor
/// reads it: a cue (said, told, according to) tied to a speaker (a name, a
/// pronoun, "the spokesman", "a White House official") in the quotation's
/// own sentence; else in the sentence before or after it in the paragraph;
/// else in a lead-in paragraph that ends with a colon ("Ferrand said:"); else
/// in the opening paragraph of a quotation that runs on.
///
/// This type carries credits across paragraphs; `BlockAnalysis` searches
/// within one, with `AttributionPatterns`, `ClauseGrammar` and
/// `NameDetection` beneath it.
package struct AttributionFinder: Sendable {
    /// What a quotation paragraph with no credit of its own, after a
    /// paragraph that ends with an attributed quotation, is.
    package enum Continuation: String, Sendable, CaseIterable {
        /// The same speaker going on, as news copy writes a run of quotes.
        case previousSpeaker = "previous-speaker"
        /// Uncredited: every paragraph names its speaker.
        case strict
    }

    package let vocabulary: AttributionVocabulary
    package let continuation: Continuation

    package init(vocabulary: AttributionVocabulary = .standard, continuation: Continuation = .previousSpeaker) {
        self.vocabulary = vocabulary
        self.continuation = continuation
    }

    /// Fills `attribution` of every primary quotation (depth 0) of the
    /// document; it stays nil where no speaker is credited.
    ///
    /// - Parameter needsAttribution: quotations to look for a speaker for;
    ///   a rule that exempts short quotations need not pay for them.
    package func attribute(_ document: inout Document, where needsAttribution: (Quote) -> Bool = { _ in true }) {
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
        var visitingBlock = -1
        for index in document.quotes.indices where document.quotes[index].depth == 0 {
            let quote = document.quotes[index]
            let blockIndex = quote.blockIndex
            // Quotations come in block order, and a block is asked about
            // only for its own quotations and as the lead-in of the next:
            // keeping every block's analysis held the tokens of the whole
            // article at once.
            if blockIndex != visitingBlock {
                visitingBlock = blockIndex
                let oldestAsked = min(blockIndex, leadInBlock(before: blockIndex, in: snapshot) ?? blockIndex)
                analyses = analyses.filter { $0.key >= oldestAsked }
            }
            let opensBlock: Bool
            if !needsAttribution(quote) {
                opensBlock = false
            } else if quote.isBlockquote {
                opensBlock = true
                if let hit = AttributionPatterns.dashAttribution(in: snapshot.blocks[blockIndex].content.utf8) {
                    document.quotes[index].attribution = attribution(hit, in: blockIndex)
                } else if let next = nextProseBlock(after: blockIndex, in: snapshot),
                          snapshot.blocks[next].kind != .blockquote,
                          let hit = AttributionPatterns.dashAttribution(in: snapshot.blocks[next].content.utf8, firstLineOnly: true) {
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
