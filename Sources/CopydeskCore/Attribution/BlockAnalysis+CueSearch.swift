/// The cue search of a block: which cue of a sentence frames a quotation,
/// and who speaks it.
extension BlockAnalysis {
    /// The cues of `list` (`cues` or `verbCues`) whose first token lies in
    /// `range`, in order; all of them when the cues are not in order.
    func cues(_ list: [ClosedRange<Int>], startingIn range: Range<Int>) -> ArraySlice<ClosedRange<Int>> {
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

    /// The cue nearest to `anchor` in the sentence that has a speaker.
    func bestHit(in sentence: Range<Int>, nearest anchor: Int) -> AttributionHit? {
        // A capitalised cue inside a sentence is part of a name ("Islamic
        // State", "The Harbor Ledger"), not a verb.
        // Cues within `lookBack` tokens of the anchor: the whole of any
        // sentence of news copy, and a bounded number in a run-on one.
        let lookBack = AttributionPatterns.lookBack
        let window = max(sentence.lowerBound, anchor - lookBack)..<max(sentence.lowerBound, min(sentence.upperBound, anchor + lookBack + 1))
        let candidates = cues(verbCues, startingIn: window).filter { sentence.contains($0.lowerBound) && sentence.contains($0.upperBound)
            && !(tokens.isCapitalized($0.lowerBound) && tokens.isWord($0.lowerBound - 1) && $0.lowerBound > sentence.lowerBound)
            && !isInSubordinateClause($0, after: anchor) }
            .sorted { rank($0, anchor) < rank($1, anchor) }
        var ordered = candidates
        if let reported = ordered.firstIndex(where: { patterns.isReportingCue($0) }) {
            ordered.insert(ordered.remove(at: reported), at: 0)
        }
        if let poll = patterns.pollHit(in: sentence), let speaker = poll.speaker, speaker.upperBound <= tokens.tokens[anchor].range.lowerBound {
            return poll
        }
        for cue in ordered {
            if let speaker = speaker(for: cue, in: sentence) ?? grammar.subject(of: sentence, endingBefore: cue.lowerBound)?.range {
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

    /// Nearer cues first; a participle ("adding", "saying") only goes on
    /// from a finite cue, so it yields to one nearly as near.
    private func rank(_ cue: ClosedRange<Int>, _ anchor: Int) -> Int {
        let participle = cue.count == 1 && tokens.lowercasedWord(cue.lowerBound).hasSuffix("ing")
        return 2 * distance(cue, anchor) + (participle ? 5 : 0) + (cue.lowerBound > anchor ? 1 : 0)
    }

    private func distance(_ cue: ClosedRange<Int>, _ anchor: Int) -> Int {
        anchor < cue.lowerBound ? cue.lowerBound - anchor : max(0, anchor - cue.upperBound)
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

    /// The speaker of a cue: before it ("Ferrand said", "a White House
    /// official told", "Lindgren, the assistant secretary, told") or after it
    /// ("said Marlow", "according to the statement").
    func speaker(for cue: ClosedRange<Int>, in sentence: Range<Int>) -> Range<Int>? {
        let cueText = (cue.lowerBound...cue.upperBound).map { tokens.lowercasedWord($0) }.joined(separator: " ")
        let forwardOnly = cueText == "according to" || cueText.hasPrefix("in ") || cueText == "in the words of"
        let verb = tokens.lowercasedWord(cue.upperBound)
        // "The senator went after her rival, calling him “a lost cause”": a participle
        // after a comma belongs to the subject of the clause; what follows it
        // is its object.
        // "After saying her foot was “so swollen,” she was …": the subject
        // of the clause the opening phrase leads into.
        if verb.hasSuffix("ing"), cue.lowerBound - 1 == sentence.lowerBound, tokens.isWord(cue.lowerBound - 1),
           AttributionWords.prepositions.contains(word(cue.lowerBound - 1)) || ["after", "before", "while", "by", "since", "when"].contains(word(cue.lowerBound - 1)),
           let boundary = (cue.upperBound + 1..<min(sentence.upperBound, cue.upperBound + 30)).first(where: {
               tokens.isPunctuation($0, 0x2C) || (tokens.quoteIndex($0) != nil && tokens.bytes[tokens.tokens[$0].range].contains(0x2C))
           }),
           let found = grammar.clauseSubject(at: boundary + 1, endingBefore: sentence.upperBound) {
            return found.range
        }
        if verb.hasSuffix("ing"), grammar.closesWithComma(cue.lowerBound - 1) {
            // "Aldine said, adding", "Varga said Tuesday in Paris, noting":
            // the speaker of the cue the participle goes on from.
            for earlier in cues(cues, startingIn: sentence).reversed() where earlier.upperBound < cue.lowerBound - 1 && sentence.contains(earlier.lowerBound) {
                let earlierVerb = tokens.lowercasedWord(earlier.upperBound)
                // "with Dana Ferrand tweeting that … and asking, “…”": the
                // participle before, with its own subject.
                if earlierVerb.hasSuffix("ing"), tokens.isCapitalized(earlier.lowerBound - 1),
                   !tokens.isPunctuation(earlier.lowerBound - 1, 0x2C),
                   let named = grammar.speakerBefore(earlier.lowerBound, in: sentence, looseDescriptions: false),
                   let first = tokens.token(startingAt: named.lowerBound), first > sentence.lowerBound,
                   tokens.isWord(first - 1), word(first - 1) == "with" {
                    return named
                }
                guard cue.lowerBound - earlier.upperBound <= 8, !tokens.isCapitalized(earlier.lowerBound),
                      AttributionWords.unmistakableVerbs.contains(earlierVerb) || earlierVerb.hasSuffix("ed") else { break }
                if let speaker = grammar.speakerBefore(earlier.lowerBound, in: sentence, looseDescriptions: false) { return speaker }
                break
            }
            return grammar.mainSubject(of: sentence, endingBefore: cue.lowerBound - 1)
        }
        // "Hale was asked by host Theo Marsh": the asker speaks.
        if verb == "asked", tokens.isWord(cue.upperBound + 1), word(cue.upperBound + 1) == "by",
           let asker = grammar.speakerAfter(cue.upperBound + 1, in: sentence) {
            return asker
        }
        let unmistakablyVerb = verb.hasSuffix("ed") || AttributionWords.unmistakableVerbs.contains(verb)
        if !forwardOnly, let before = grammar.speakerBefore(cue.lowerBound, in: sentence, looseDescriptions: unmistakablyVerb) {
            // "Brandt released a statement saying", "Ortiz responded on
            // Facebook writing": before a participle, the object of a verb or a
            // preposition is what was released or where; the subject speaks.
            if verb.hasSuffix("ing"), let first = tokens.token(startingAt: before.lowerBound), first > sentence.lowerBound,
               tokens.isWord(first - 1), word(first - 1) != "with",
               AttributionWords.prepositions.contains(word(first - 1)) || ["to", "out", "up"].contains(word(first - 1)) || grammar.isVerbLike(first - 1),
               let subject = grammar.mainSubject(of: sentence, endingBefore: first) {
                return subject
            }
            // "Ruiz, who has in the past described …", "the mayor on
            // Tuesday called …": a phrase after a preposition is when or
            // where, not who; the subject stands before it.
            if let first = tokens.token(startingAt: before.lowerBound), first - 1 > sentence.lowerBound,
               tokens.isWord(first - 1), ["in", "on", "at", "during", "over", "since", "to", "for", "of", "from", "with"].contains(word(first - 1)),
               !tokens.isCapitalized(first),
               let earlier = grammar.speakerBefore(first - 1, in: sentence, looseDescriptions: false) {
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
        guard forwardOnly || (inverted && (followsQuotation || !AttributionWords.addressingVerbs.contains(verb))) else { return nil }
        // "…,” answering a question at a town hall": a participle never
        // inverts; what follows it is its object.
        if verb.hasSuffix("ing"), cue.lowerBound > sentence.lowerBound, !forwardOnly { return nil }
        // "…,” in an email message Monday to the paper": after "in an
        // email" comes more of the phrase or its recipient, never the writer.
        if cueText.hasPrefix("in "), cueText != "in the words of" { return nil }
        return grammar.speakerAfter(cue.upperBound, in: sentence)
    }

    /// "After Ferrand suggested that the county would sue, Hale fired back: “…”":
    /// the clause that ends with the colon introduces the quotation, not a
    /// cue earlier in the sentence.
    func colonClauseHit(before quoteToken: Int, in sentence: Range<Int>) -> AttributionHit? {
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
        guard let found = grammar.clauseSubject(at: start, endingBefore: colon) else { return nil }
        var verb = found.next
        // "Sen. Claire McCaskill (D-Mo.) scolded him:".
        if tokens.isPunctuation(verb, 0x28), let close = (verb..<min(colon, verb + 8)).first(where: { tokens.isPunctuation($0, 0x29) }) {
            verb = close + 1
        }
        verb = grammar.pastAuxiliaries(from: verb, before: colon)
        guard verb < colon, tokens.isWord(verb), grammar.isVerbLike(verb) else { return nil }
        return AttributionHit(speaker: found.range, cue: tokens.tokens[colon].range)
    }
}
