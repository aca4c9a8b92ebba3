/// The clause and part-of-speech layer under the attribution search: which
/// words of a block read as finite verbs, auxiliaries or nouns, and where
/// a sentence's or a clause's subject stands. Speaker phrases before and
/// after a cue are in SpeakerPhrases.swift.
struct ClauseGrammar {
    let tokens: ProseTokens
    let vocabulary: AttributionVocabulary
    let names: NameDetection

    init(tokens: ProseTokens, vocabulary: AttributionVocabulary) {
        self.tokens = tokens
        self.vocabulary = vocabulary
        names = NameDetection(tokens: tokens)
    }

    func word(_ index: Int) -> String { tokens.lowercasedWord(index) }

    // MARK: Marks

    /// An em dash, en dash or horizontal bar token.
    func isDash(_ index: Int) -> Bool {
        guard tokens.indices(contains: index), tokens.tokens[index].kind == .punctuation, tokens.tokens[index].range.count == 3 else { return false }
        let bytes = tokens.bytes[tokens.tokens[index].range]
        return bytes.first == 0xE2 && (0x93...0x95).contains(bytes.last!)
    }

    /// "NEW YORK": a dateline's capitals.
    private func isAllCapitals(_ index: Int) -> Bool {
        guard tokens.isWord(index), tokens.tokens[index].range.count >= 2 else { return false }
        return !tokens.bytes[tokens.tokens[index].range].contains(where: { $0 >= 0x61 && $0 <= 0x7A })
    }

    /// A comma, or a quotation whose comma sits inside its closing mark
    /// ("hailed the vote as “fantastic,” telling reporters"): either way a
    /// participle after it goes on from the clause before.
    func closesWithComma(_ index: Int) -> Bool {
        if tokens.isPunctuation(index, 0x2C) { return true }
        guard tokens.quoteIndex(index) != nil else { return false }
        let range = tokens.tokens[index].range
        var end = range.upperBound - 1
        // Step back over the closing mark: a straight quote, or a three-byte curly one.
        if tokens.bytes[end] == 0x22 || tokens.bytes[end] == 0x27 { end -= 1 } else if end - 2 >= range.lowerBound { end -= 3 }
        return end >= range.lowerBound && tokens.bytes[end] == 0x2C
    }

    /// A quotation of at most three words: a name, a title or a term.
    func isShortQuotation(_ index: Int) -> Bool {
        tokens.quoteIndex(index) != nil && ProseHeuristics.wordCount(tokens.bytes[tokens.tokens[index].range]) <= 3
    }

    // MARK: Parts of speech

    /// "cynically", "forcefully": a manner adverb between a subject and its verb.
    func isMannerAdverb(_ index: Int) -> Bool {
        let lowered = word(index)
        return lowered.count >= 5 && lowered.hasSuffix("ly") && !tokens.isCapitalized(index)
    }

    /// The first token from `index` that is neither an auxiliary nor a
    /// manner adverb: where a subject's verb stands ("has repeatedly said").
    func pastAuxiliaries(from index: Int, before limit: Int) -> Int {
        var index = index
        while index < limit, tokens.isWord(index), AttributionWords.auxiliaries.contains(word(index)) || isMannerAdverb(index) { index += 1 }
        return index
    }

    /// A cue word or an irregular past: a verb whatever follows it.
    func isFiniteVerb(_ index: Int) -> Bool {
        guard tokens.isWord(index), !tokens.isCapitalized(index) else { return false }
        let lowered = word(index)
        return AttributionWords.irregularVerbs.contains(lowered) || vocabulary.cueWords.contains(lowered)
    }

    /// A lowercase word that reads as a finite verb: a known cue, an
    /// irregular past, or a regular past or third-person form.
    func isVerbLike(_ index: Int) -> Bool {
        guard tokens.isWord(index), !tokens.isCapitalized(index) else { return false }
        let lowered = word(index)
        if AttributionWords.irregularVerbs.contains(lowered) || vocabulary.cueWords.contains(lowered) { return true }
        if AttributionWords.phraseBreakers.contains(lowered) || AttributionWords.determiners.contains(lowered) { return false }
        guard lowered.count >= 4, lowered.allSatisfy({ $0.isLetter || $0 == "-" }) else { return false }
        // A regular past; "-s" forms are too often plural nouns ("years").
        return lowered.hasSuffix("ed")
    }

    /// "battleground states", "one of the states", "a meeting with state
    /// officials": a cue that can be a noun is one after a preposition, and a
    /// plural one after an article or a lowercase word that cannot stand
    /// between a subject and its verb. "His remarks" and "Ferrand's claims"
    /// still name someone's words.
    func isNounUse(_ cue: ClosedRange<Int>) -> Bool {
        guard cue.count == 1, !AttributionWords.unmistakableVerbs.contains(word(cue.lowerBound)) else { return false }
        let before = cue.lowerBound - 1
        guard tokens.isWord(before) else { return false }
        let form = word(cue.lowerBound)
        // "22% of Democratic claims": a plural after a preposition and an adjective.
        if tokens.isCapitalized(before) {
            return form.hasSuffix("s") && tokens.isWord(before - 1) && AttributionWords.prepositions.contains(word(before - 1))
        }
        let previous = word(before)
        // "a contest called the Harbor Light Award", "a documentary
        // called “River Towns”": a noun named, not words spoken.
        if form == "called", !AttributionWords.pronouns.contains(previous), !AttributionWords.auxiliaries.contains(previous), !previous.hasSuffix("ly"),
           !AttributionWords.conjunctions.contains(previous), !vocabulary.speakerNounSet.contains(previous),
           !AttributionWords.phraseBreakers.contains(previous), previous != "that" {
            return true
        }
        // "erred in saying", "after saying": a gerund still speaks for the subject.
        if AttributionWords.prepositions.contains(previous) { return !word(cue.lowerBound).hasSuffix("ing") }
        // "he was open to some refugees": an adjective after a form of "be".
        if ["is", "was", "are", "were", "be", "been"].contains(previous) {
            let form = word(cue.lowerBound)
            return !form.hasSuffix("ed") && !form.hasSuffix("ing") && !AttributionWords.irregularVerbs.contains(form)
        }
        // "Kim's mental state": a verb's base form follows a subject, "to"
        // or a modal, never an adjective. Only for cues whose noun is no
        // speech ("a snappy retort" still credits the subject).
        if AttributionWords.cuesWithOtherNouns.contains(form) {
            // "in the state", "her state", "this post": after an article or
            // a possessive, the noun.
            if AttributionWords.nounDeterminers.contains(previous) { return true }
            return !(AttributionWords.auxiliaries.contains(previous) || AttributionWords.pronouns.contains(previous) || AttributionWords.determiners.contains(previous)
                || AttributionWords.conjunctions.contains(previous) || previous == "to" || previous.hasSuffix("ly")
                || vocabulary.speakerNounSet.contains(previous) || previous.hasSuffix("s") || AttributionWords.phraseBreakers.contains(previous))
        }
        guard form.hasSuffix("s") else { return false }
        if ["the", "a", "an", "these", "those"].contains(previous) { return true }
        return !(AttributionWords.auxiliaries.contains(previous) || AttributionWords.pronouns.contains(previous) || AttributionWords.determiners.contains(previous)
            || AttributionWords.conjunctions.contains(previous)
            || previous.hasSuffix("ly") || previous.hasSuffix("'s") || previous.hasSuffix("s'")
            || vocabulary.speakerNounSet.contains(previous))
    }

    /// "went on" reports speech only before its words ("…,” he went on,
    /// “…”", "went on to say"), not in "once the Senate goes on recess".
    func isGoingOn(_ cue: ClosedRange<Int>) -> Bool {
        guard cue.count == 2, tokens.lowercasedWord(cue.upperBound) == "on" else { return false }
        let next = cue.upperBound + 1
        return tokens.isWord(next) && word(next) != "to"
    }

    // MARK: Subjects

    /// The subject at the start of a sentence (past an opening phrase such
    /// as "On Monday," or a dateline), when it ends before `limit`: a name,
    /// a pronoun or a descriptive phrase.
    func subject(of sentence: Range<Int>, endingBefore limit: Int) -> (range: Range<Int>, next: Int)? {
        var index = sentence.lowerBound
        while index < limit && tokens.tokens[index].kind == .punctuation { index += 1 }
        guard index < limit, tokens.isWord(index) else { return nil }
        if AttributionWords.conjunctions.contains(word(index)) { index += 1 }
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
           AttributionWords.leadIns.contains(word(index)) || (AttributionWords.isNumeral(word(index)) && tokens.isWord(index + 1) && AttributionWords.timeUnits.contains(word(index + 1))) {
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
        if AttributionWords.personalPronouns.contains(lowered) {
            return (tokens.tokens[index].range, index + 1)
        }
        var end = index
        let sentenceStart = tokens.sentence(containing: index).map { tokens.sentences[$0].lowerBound } ?? index
        // "17-year-old Jared Potts": an age before the name.
        let ageFirst = lowered.first?.isNumber == true && lowered.contains("-") && index + 1 < limit
            && names.isLikelyName(index + 1, sentenceStart: index + 1)
        if ageFirst || names.isLikelyName(index, sentenceStart: sentenceStart) {
            end = names.nameRunEnd(from: ageFirst ? index + 1 : index, limit: limit)
            // "Republican mayoral nominee Dana Ferrand", "Former
            // Oregon Gov. Ada Brook": a title between capitalised runs.
            var next = end + 1
            while next < limit, next - end <= 3, tokens.isWord(next), !tokens.isCapitalized(next),
                  !AttributionWords.phraseBreakers.contains(word(next)), !isVerbLike(next), !AttributionWords.determiners.contains(word(next)) {
                if vocabulary.speakerNounSet.contains(word(next)), tokens.isCapitalized(next + 1), next + 1 < limit {
                    end = names.nameRunEnd(from: next + 1, limit: limit)
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
        } else if AttributionWords.articles.contains(lowered) || tokens.isCapitalized(index) {
            // "The GOP presidential candidate", "Multiple outlets": up to the
            // last speaker noun before the verb.
            var scan = index
            var head: Int?
            // The description ends at its verb ("The New York Times characterized"),
            // though not at an adjective right after the article ("The retired neurosurgeon").
            while scan + 1 < limit, tokens.isWord(scan + 1), scan - index < 6, !AttributionWords.phraseBreakers.contains(word(scan + 1)),
                  scan == index || !isVerbLike(scan + 1) {
                scan += 1
                if vocabulary.speakerNounSet.contains(word(scan)) || tokens.isCapitalized(scan) { head = scan }
            }
            if let head {
                end = head
            } else {
                // "The radioman pointed out": an unknown noun is the head when a verb follows it.
                guard let verb = (index + 2..<max(index + 2, min(limit, index + 6))).first(where: { isVerbLike($0) }), verb - 1 > index,
                      (index + 1..<verb).allSatisfy({ tokens.isWord($0) && !AttributionWords.phraseBreakers.contains(word($0)) })
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
            end = names.nameRunEnd(from: end + 2, limit: limit)
        } else if end + 1 < limit, tokens.isWord(end + 1), word(end + 1) == "of",
           let verb = (end + 2..<min(limit, end + 6)).first(where: { isVerbLike($0) && !AttributionWords.articles.contains(word($0 - 1)) }),
           (end + 2..<verb).allSatisfy({ tokens.isWord($0) && !AttributionWords.phraseBreakers.contains(word($0)) }), verb > end + 2 {
            end = verb - 1
        }
        // "Ortiz's campaign is seeking": the possessed noun is the subject's head.
        var owned = 0
        while owned < 2, word(end).hasSuffix("'s") || word(end).hasSuffix("s'"), end + 1 < limit, tokens.isWord(end + 1),
              !tokens.isCapitalized(end + 1), !isVerbLike(end + 1), !AttributionWords.phraseBreakers.contains(word(end + 1)) {
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

    /// The subject of the sentence's main verb: the first lowercase finite
    /// verb (a cue, an irregular past or a regular past, not a participle)
    /// that a name, a pronoun or a description stands right before, so
    /// opening phrases ("Speaking in Salem, New Hampshire,", "Hours later,")
    /// are passed over.
    func mainSubject(of sentence: Range<Int>, endingBefore limit: Int) -> Range<Int>? {
        var index = sentence.lowerBound
        // "In a statement released Thursday, the senator reacted …, saying":
        // the verbs of an opening phrase are not the clause's.
        if tokens.isWord(index), AttributionWords.leadIns.contains(word(index)),
           let comma = (index..<min(limit, index + 16)).first(where: { tokens.isPunctuation($0, 0x2C) }) {
            index = comma + 1
        }
        while index < limit {
            defer { index += 1 }
            guard tokens.isWord(index), !tokens.isCapitalized(index) else { continue }
            let lowered = word(index)
            guard !lowered.hasSuffix("ing"), isVerbLike(index) || AttributionWords.finiteAuxiliaries.contains(lowered),
                  !isNounUse(index...index) else { continue }
            var end = index - 1
            while end >= sentence.lowerBound, tokens.isWord(end), AttributionWords.auxiliaries.contains(word(end)) { end -= 1 }
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
}
