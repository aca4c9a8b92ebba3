/// The speaker a cue names: the phrase that stands before it ("Ferrand
/// said", "a senior harbor official told", "Lindgren, the assistant
/// secretary, told") or after it ("said Marlow", "according to the statement").
extension ClauseGrammar {
    func speakerBefore(_ cueStart: Int, in sentence: Range<Int>, looseDescriptions: Bool = true) -> Range<Int>? {
        var index = cueStart - 1
        var skipped = 0
        while index >= sentence.lowerBound && tokens.isWord(index) && AttributionWords.auxiliaries.contains(word(index)) && skipped < 4 {
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
            let nameStart = names.nameRunStart(from: index - 1, lowerLimit: sentence.lowerBound)
            // Not "Columbus, Ohio," where a state follows its city.
            let stateAfterCity = nameStart == index - 1 && tokens.isCapitalized(nameStart - 2)
            if tokens.isCapitalized(index - 1), names.isLikelyName(index - 1, sentenceStart: sentence.lowerBound),
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
                       tokens.isCapitalized(nameEnd) || AttributionWords.pronouns.contains(word(nameEnd)) {
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
    func nounPhrase(endingAt end: Int, in sentence: Range<Int>, looseDescriptions: Bool = true) -> Range<Int>? {
        guard end >= sentence.lowerBound, tokens.isWord(end) else { return nil }
        let lowered = word(end)
        // "Ferrand's" before a cue owns it ("Ferrand's remarks"); it does not speak.
        if lowered.hasSuffix("'s") || lowered.hasSuffix("s'") { return nil }
        // "“…,” From said": a surname that is also a word, right after the quotation.
        if tokens.isCapitalized(end), AttributionWords.isFunctionWord(lowered), !AttributionWords.pronouns.contains(lowered), end > sentence.lowerBound,
           tokens.quoteIndex(end - 1) != nil || tokens.isPunctuation(end - 1, 0x2C),
           tokens.isWord(end + 1), AttributionWords.unmistakableVerbs.contains(word(end + 1)) {
            return tokens.tokens[end].range
        }
        if AttributionWords.pronouns.contains(lowered) || lowered == "another" || lowered == "others" { return tokens.tokens[end].range }
        // "Several said", "Most say": a quantity of people.
        if AttributionWords.quantityPronouns.contains(lowered), end + 1 < sentence.upperBound, tokens.isWord(end + 1),
           vocabulary.cueWords.contains(word(end + 1)) || AttributionWords.auxiliaries.contains(word(end + 1)) {
            return tokens.tokens[end].range
        }
        if tokens.isCapitalized(end) && !AttributionWords.isFunctionWord(lowered) {
            let start = names.nameRunStart(from: end, lowerLimit: sentence.lowerBound)
            if start == end && !names.isLikelyName(end, sentenceStart: sentence.lowerBound) { return nil }
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
        if AttributionWords.conjunctions.contains(lowered) {
            guard isVerbLike(end - 1), let subject = speakerBefore(end - 1, in: sentence, looseDescriptions: looseDescriptions),
                  let first = tokens.token(startingAt: subject.lowerBound), !["who", "which", "that"].contains(word(first)) else { return nil }
            return subject
        }
        // "… criticized the president's policy and said" ends in no noun.
        if AttributionWords.phraseBreakers.contains(lowered) { return nil }
        var start = end
        while looseDescriptions || vocabulary.speakerNounSet.contains(lowered),
              start - 1 >= sentence.lowerBound, end - start < 6, tokens.isWord(start - 1) {
            start -= 1
            if AttributionWords.articles.contains(word(start)) {
                return tokens.tokens[start].range.lowerBound..<tokens.tokens[end].range.upperBound
            }
            if AttributionWords.phraseBreakers.contains(word(start)) { break }
        }
        if vocabulary.speakerNounSet.contains(lowered) {
            return tokens.tokens[end].range
        }
        return nil
    }

    func speakerAfter(_ cueEnd: Int, in sentence: Range<Int>) -> Range<Int>? {
        var index = cueEnd + 1
        guard index < sentence.upperBound, tokens.isWord(index) else { return nil }
        let lowered = word(index)
        if (AttributionWords.pronouns.contains(lowered) && lowered != "it" && lowered != "which" && lowered != "one")
            || (["another", "others", "one"].contains(lowered) && !tokens.isWord(index + 1)) {
            return tokens.tokens[index].range
        }
        if (tokens.isCapitalized(index) && !AttributionWords.isFunctionWord(lowered)) || names.opensNameWithTitle(index) {
            let end = names.nameRunEnd(from: index, limit: sentence.upperBound)
            return tokens.tokens[index].range.lowerBound..<tokens.tokens[end].range.upperBound
        }
        if !AttributionWords.phraseBreakers.contains(lowered) && !AttributionWords.determiners.contains(lowered) && !AttributionWords.isFunctionWord(lowered) {
            // "said former Ruiz adviser Dana Keller", "said undecided voter
            // Ada Brook": descriptive words, then the name.
            var scan = index
            while scan < sentence.upperBound, tokens.isWord(scan), scan - index < 6,
                  !tokens.isCapitalized(scan), !AttributionWords.phraseBreakers.contains(word(scan)) {
                if vocabulary.speakerNounSet.contains(word(scan)) && !(scan + 1 < sentence.upperBound && tokens.isCapitalized(scan + 1)) {
                    return tokens.tokens[index].range.lowerBound..<tokens.tokens[scan].range.upperBound
                }
                scan += 1
            }
            if scan < sentence.upperBound, scan > index, tokens.isCapitalized(scan) {
                var end = names.nameRunEnd(from: scan, limit: sentence.upperBound)
                // "former Ruiz adviser Dana Keller": a title word between
                // two capitalised runs belongs to the description.
                var next = end + 1
                while next < sentence.upperBound, next - end <= 2, tokens.isWord(next), !tokens.isCapitalized(next),
                      vocabulary.speakerNounSet.contains(word(next)) || !AttributionWords.phraseBreakers.contains(word(next)) && !isFiniteVerb(next) {
                    if tokens.isCapitalized(next + 1) {
                        end = names.nameRunEnd(from: next + 1, limit: sentence.upperBound)
                        next = end + 1
                    } else {
                        next += 1
                    }
                }
                return tokens.tokens[index].range.lowerBound..<tokens.tokens[end].range.upperBound
            }
        }
        // "according to his longtime personal physician", "said his wife".
        if AttributionWords.articles.contains(lowered) || ["his", "her", "their", "our"].contains(lowered) {
            // "said the engineer", "said a spokeswoman for the mayor": up to
            // the first word that starts a clause or a prepositional phrase.
            // It must end in a speaker noun or at the end of the clause, so
            // "said the city embodied the …" is not taken for a speaker.
            // "-ed" words inside it are adjectives ("one unaligned Florida strategist").
            let start = index
            while index + 1 < sentence.upperBound, tokens.isWord(index + 1), index - start < 5,
                  !AttributionWords.phraseBreakers.contains(word(index + 1)), !isFiniteVerb(index + 1) {
                index += 1
            }
            guard index > start else { return nil }
            let endsClause = index + 1 >= sentence.upperBound || tokens.tokens[index + 1].kind != .word
                || AttributionWords.phraseBreakers.contains(word(index + 1))
            guard endsClause || vocabulary.speakerNounSet.contains(word(index)) else { return nil }
            return tokens.tokens[start].range.lowerBound..<tokens.tokens[index].range.upperBound
        }
        if vocabulary.speakerNounSet.contains(lowered) { return tokens.tokens[index].range }
        return nil
    }
}
