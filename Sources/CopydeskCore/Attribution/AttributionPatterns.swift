/// A speaker and a cue found in one block, as text ranges of that block.
struct AttributionHit {
    var speaker: Range<Int>?
    var cue: Range<Int>?
}

/// The constructions that credit a quotation, each read from the tokens
/// around it: a speaker and verb after it, a colon or dash before it, a
/// signature or bracketed source after it, a transcript label, a poll, a
/// framing clause. Each answers for one place and keeps no state;
/// `BlockAnalysis` decides which to ask, in which order.
struct AttributionPatterns {
    let tokens: ProseTokens
    let vocabulary: AttributionVocabulary
    let grammar: ClauseGrammar
    let names: NameDetection

    init(grammar: ClauseGrammar) {
        tokens = grammar.tokens
        vocabulary = grammar.vocabulary
        self.grammar = grammar
        names = grammar.names
    }

    // MARK: Limits

    /// How far from a quotation, in tokens, the searches for the verb that
    /// frames it, for the subject of a later clause (both back) and for
    /// the cues of its sentence (both ways) go: past any sentence of news
    /// copy, and it keeps a run-on "sentence" of thousands of quotations
    /// linear to read (each quotation searched the whole sentence).
    static let lookBack = 200

    // MARK: Around a quotation in its sentence

    /// `"PENCE: Well, look, …"`, `"Chris Matthews: Seriously …"`: a
    /// transcript's speaker label opening the quotation.
    func transcriptLabelHit(_ quoteToken: Int) -> AttributionHit? {
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

    /// `“Go back to the newsroom,” Ferrand barked`: right after the quotation, a
    /// speaker and a verb, whatever the verb.
    func postQuoteHit(after quoteToken: Int, in sentence: Range<Int>) -> AttributionHit? {
        var index = quoteToken + 1
        if tokens.isPunctuation(index, 0x2C) { index += 1 }
        guard index < sentence.upperBound, tokens.isWord(index) else { return nil }
        // "“Hamilton to play Chicago,” by Variety's Gordon Cox": a credit.
        // "“…,” by the New York Post's Amy Spencer".
        let creditStart = tokens.isWord(index + 1) && word(index + 1) == "the" && tokens.isCapitalized(index + 2) ? index + 2 : index + 1
        if word(index) == "by", tokens.isCapitalized(creditStart), names.isLikelyName(creditStart, sentenceStart: sentence.lowerBound) {
            let end = names.nameRunEnd(from: creditStart, limit: sentence.upperBound)
            return AttributionHit(speaker: tokens.tokens[index + 1].range.lowerBound..<tokens.tokens[end].range.upperBound,
                                  cue: tokens.tokens[index].range)
        }
        let lowered = word(index)
        // An inversion with any verb: "…," agrees Nora Pike; "…,"
        // remembered Ivo Renn; "…" reacted Ferrand; "…," tweeted another.
        // Never a participle: "…,” answering a question" has no speaker after it.
        if !tokens.isCapitalized(index), !lowered.hasSuffix("ing"), grammar.isVerbLike(index) || AttributionWords.isPresentTense(lowered), !AttributionWords.auxiliaries.contains(lowered),
           !AttributionWords.addressingVerbs.contains(lowered) || tokens.quoteIndex(quoteToken) != nil,
           let speaker = grammar.speakerAfter(index, in: sentence) {
            return AttributionHit(speaker: speaker, cue: tokens.tokens[index].range)
        }
        var end = index
        // "“This is your movement,” it now says": "it" speaks only with a cue.
        let itSpeaks = lowered == "it"
        if AttributionWords.pronouns.contains(lowered) && !["which", "who", "one"].contains(lowered) {
            end = index
        } else if (tokens.isCapitalized(index) && !AttributionWords.isFunctionWord(lowered)) || names.opensNameWithTitle(index) {
            end = names.nameRunEnd(from: index, limit: sentence.upperBound)
        } else if tokens.isCapitalized(index), tokens.isWord(index + 1), AttributionWords.unmistakableVerbs.contains(word(index + 1)),
                  !AttributionWords.pronouns.contains(lowered) {
            // "“…,” From said": a surname that is also a word.
            end = index
        } else if AttributionWords.determiners.contains(lowered) {
            // "…," this Ferrand look-alike declared; "…," his wife, Clara Nguyen, wrote.
            // A word right after an article is a noun: "one of the states suing".
            while end + 1 < sentence.upperBound, tokens.isWord(end + 1), end - index < 5,
                  !grammar.isVerbLike(end + 1) || AttributionWords.articles.contains(word(end)), !AttributionWords.phraseBreakers.contains(word(end + 1)) { end += 1 }
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
        while verb < sentence.upperBound && tokens.isWord(verb) && AttributionWords.auxiliaries.contains(word(verb)) && skipped < 3 {
            verb += 1
            skipped += 1
        }
        guard verb < sentence.upperBound, tokens.isWord(verb), !tokens.isCapitalized(verb) else { return nil }
        // "“…,” Marlow sings": after a quotation a name's verb may be in the present.
        let verbWord = word(verb)
        let presentVerb = !AttributionWords.pronouns.contains(lowered) && AttributionWords.isPresentTense(verbWord) && !AttributionWords.phraseBreakers.contains(verbWord)
        guard itSpeaks ? vocabulary.cueWords.contains(verbWord) : (grammar.isVerbLike(verb) || presentVerb) else { return nil }
        return AttributionHit(speaker: tokens.tokens[index].range.lowerBound..<tokens.tokens[end].range.upperBound,
                              cue: tokens.tokens[verb].range)
    }

    /// `Ferrand: “…”`, `Reuters: “…”`, `Nora Pike ― “…”`: a speaker then
    /// a colon or a dash right before the quotation.
    func colonHit(before quoteToken: Int, in sentence: Range<Int>) -> AttributionHit? {
        let colon = quoteToken - 1
        guard colon > sentence.lowerBound, tokens.isPunctuation(colon, 0x3A) || grammar.isDash(colon) else { return nil }
        // The words right before the mark speak only when they are all the
        // clause ("Ferrand: “…”"); in "emailed a link with one sentence: “…”"
        // they are an object, and the subject speaks.
        if let before = grammar.speakerBefore(colon, in: sentence), let first = tokens.token(startingAt: before.lowerBound),
           first == sentence.lowerBound || tokens.tokens[first - 1].kind == .punctuation {
            return AttributionHit(speaker: before, cue: tokens.tokens[colon].range)
        }
        guard let speaker = grammar.subject(of: sentence, endingBefore: colon)?.range else { return nil }
        return AttributionHit(speaker: speaker, cue: tokens.tokens[colon].range)
    }

    /// A quotation inside a sentence whose subject is a speaker doing
    /// something with words: "Hale also bemoaned the climate in which
    /// people “literally hate each other”", "Ferrand went even further: “…”".
    /// The verb after the subject is the cue.
    func subjectHit(in sentence: Range<Int>, before quoteToken: Int) -> AttributionHit? {
        if let found = grammar.subject(of: sentence, endingBefore: quoteToken), let hit = verbHit(found, before: quoteToken) {
            return hit
        }
        // A later clause: "Speaking to Harbor Radio on Monday, which …, Keller referred
        // to Hale as “…”"; the clause nearest the quotation wins.
        var start = quoteToken - 1
        while start > max(sentence.lowerBound, quoteToken - Self.lookBack) {
            let boundary = start - 1
            let opensClause = (tokens.tokens[boundary].kind == .punctuation
                && [0x2C, 0x3B, 0x3A, 0x28, 0x94, 0x93].contains(tokens.bytes[tokens.tokens[boundary].range.upperBound - 1]))
                || (tokens.isWord(boundary) && AttributionWords.clauseOpeners.contains(word(boundary)))
            if opensClause, tokens.isWord(start), let found = grammar.clauseSubject(at: start, endingBefore: quoteToken),
               let hit = verbHit(found, before: quoteToken) {
                return hit
            }
            start -= 1
        }
        return nil
    }

    /// The verb after a subject, before the quotation.
    private func verbHit(_ found: (range: Range<Int>, next: Int), before quoteToken: Int) -> AttributionHit? {
        var index = found.next
        var skipped = 0
        var progressive = false
        while index < quoteToken && tokens.isWord(index) && (AttributionWords.auxiliaries.contains(word(index)) || grammar.isMannerAdverb(index)) && skipped < 4 {
            progressive = progressive || ["is", "are", "was", "were", "been"].contains(word(index))
            index += 1
            skipped += 1
        }
        guard index < quoteToken, tokens.isWord(index), !tokens.isCapitalized(index) else { return nil }
        // Right after its subject a verb may take any form: "The ad targets a
        // “corrupt political system”", "Ferrand is questioning whether …".
        let lowered = word(index)
        let presentTense = skipped == 0 && AttributionWords.isPresentTense(lowered) && !AttributionWords.phraseBreakers.contains(lowered)
        let participle = progressive && lowered.count >= 5 && lowered.hasSuffix("ing")
        guard grammar.isVerbLike(index) || presentTense || participle else { return nil }
        return AttributionHit(speaker: found.range, cue: tokens.tokens[index].range)
    }

    /// A quoted phrase of up to eight words inside a sentence ("The Florida
    /// senator likes “The Walking Dead”", "the administration waves off the
    /// delay as “minimal”", "the coach promises fans he will tell the
    /// “doubters” to “wait and see”") is the framing clause's: its subject is the
    /// speaker and its verb, whatever it is, the cue. Longer quotations are
    /// statements of their own and need a cue; reading them this loosely
    /// would credit quotations whose attribution was cut.
    func partialQuoteHit(_ quoteToken: Int, in sentence: Range<Int>) -> AttributionHit? {
        guard ProseHeuristics.wordCount(tokens.bytes[tokens.tokens[quoteToken].range]) <= 8 else { return nil }
        var verb = quoteToken - 1
        while verb > max(sentence.lowerBound, quoteToken - Self.lookBack) {
            defer { verb -= 1 }
            guard tokens.isWord(verb), !tokens.isCapitalized(verb) else { continue }
            let lowered = word(verb)
            guard grammar.isVerbLike(verb) || AttributionWords.isPresentTense(lowered), !AttributionWords.auxiliaries.contains(lowered) else { continue }
            var end = verb - 1
            while end >= sentence.lowerBound, tokens.isWord(end), AttributionWords.auxiliaries.contains(word(end)) { end -= 1 }
            guard end >= sentence.lowerBound, tokens.isWord(end) else { continue }
            let lastWord = word(end)
            guard AttributionWords.pronouns.contains(lastWord) || tokens.isCapitalized(end) || vocabulary.speakerNounSet.contains(lastWord)
                    || AttributionWords.articles.contains(word(max(sentence.lowerBound, end - 1))),
                  let phrase = grammar.nounPhrase(endingAt: end, in: sentence, looseDescriptions: true) else { continue }
            return AttributionHit(speaker: phrase, cue: tokens.tokens[verb].range)
        }
        return nil
    }

    /// "Vance said she recalled thinking, “…”", "Brandt said he would
    /// advise Ferrand on the “strategic threats”": a pronoun opening what a
    /// named speaker said reports that speaker's words, under that speaker's cue.
    func namedSubject(for speaker: Range<Int>) -> AttributionHit? {
        guard let pronoun = tokens.token(startingAt: speaker.lowerBound), tokens.tokens[pronoun].range == speaker,
              ["he", "she", "they", "it"].contains(word(pronoun).split(separator: "'").first.map(String.init) ?? ""),
              let sentenceIndex = tokens.sentence(containing: pronoun),
              let found = grammar.subject(of: tokens.sentences[sentenceIndex], endingBefore: pronoun),
              found.range.upperBound <= speaker.lowerBound, let first = tokens.token(startingAt: found.range.lowerBound),
              !AttributionWords.pronouns.contains(word(first)) || word(first) == word(pronoun) else { return nil }
        let verb = grammar.pastAuxiliaries(from: found.next, before: pronoun)
        guard verb < pronoun, tokens.isWord(verb) else { return nil }
        // "The mayor condemned what she called a “reckless delay”": the
        // pronoun of a clause naming the subject's words is the subject.
        if tokens.isWord(pronoun - 1), ["what", "which", "whom"].contains(word(pronoun - 1)),
           grammar.isVerbLike(verb) || vocabulary.cueWords.contains(word(verb)) || word(verb).hasSuffix("ing") {
            return hitCue(after: pronoun).map { AttributionHit(speaker: found.range, cue: $0) }
        }
        // "Ferrand at the time said he'd asked": a short phrase of time before the cue.
        if !vocabulary.cueWords.contains(word(verb)), AttributionWords.prepositions.contains(word(verb)) || word(verb) == "last",
           let cue = (verb + 1..<min(pronoun, verb + 5)).first(where: { vocabulary.cueWords.contains(word($0)) }),
           (verb..<cue).allSatisfy({ tokens.isWord($0) && !tokens.isCapitalized($0) || AttributionWords.leadIns.contains(word($0)) }),
           pronoun == cue + 1 || (pronoun == cue + 2 && word(cue + 1) == "that") {
            return AttributionHit(speaker: found.range, cue: tokens.tokens[cue].range)
        }
        guard vocabulary.cueWords.contains(word(verb)) else { return nil }
        // "Brandt said the county would act, and he urged …".
        let afterConjunction = pronoun - 1 > verb && tokens.isWord(pronoun - 1) && AttributionWords.conjunctions.contains(word(pronoun - 1))
        guard pronoun == verb + 1 || (pronoun == verb + 2 && word(verb + 1) == "that") || afterConjunction else { return nil }
        return AttributionHit(speaker: found.range, cue: tokens.tokens[verb].range)
    }

    /// The cue word right after a pronoun (past auxiliaries): "what he called".
    private func hitCue(after pronoun: Int) -> Range<Int>? {
        var index = pronoun + 1
        while tokens.isWord(index), AttributionWords.auxiliaries.contains(word(index)) { index += 1 }
        return tokens.isWord(index) && vocabulary.cueWords.contains(word(index)) ? tokens.tokens[index].range : nil
    }

    // MARK: Signatures

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

    /// `“…” ― Pamela Padilla`: a dash and a name right after the quotation,
    /// as reader comments and pull quotes are signed.
    func dashNameHit(after quoteToken: Int, in sentence: Range<Int>) -> AttributionHit? {
        let dash = quoteToken + 1
        let isHyphenDash = tokens.isPunctuation(dash, 0x2D)
        guard grammar.isDash(dash) || isHyphenDash else { return nil }
        var start = dash + 1
        while tokens.isPunctuation(start, 0x2D) { start += 1 }
        // "“Very good reporter” –@harborferrand": a handle signs a post.
        if tokens.isPunctuation(start, 0x40), tokens.isWord(start + 1),
           tokens.tokens[start].range.upperBound == tokens.tokens[start + 1].range.lowerBound {
            return AttributionHit(speaker: tokens.tokens[start].range.lowerBound..<tokens.tokens[start + 1].range.upperBound,
                                  cue: tokens.tokens[dash].range)
        }
        guard start < tokens.tokens.count, tokens.isCapitalized(start),
              !AttributionWords.isFunctionWord(word(start)) || names.opensNameWithTitle(start) else { return nil }
        let end = names.nameRunEnd(from: start, limit: tokens.tokens.count)
        return AttributionHit(speaker: tokens.tokens[start].range.lowerBound..<tokens.tokens[end].range.upperBound,
                              cue: tokens.tokens[dash].range)
    }

    /// `“…” [WaPo.]`: a publication in brackets right after the quotation.
    func bracketHit(after quoteToken: Int) -> AttributionHit? {
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

    // MARK: Sources of a sentence or a paragraph

    /// "“…,” Vance said, according to Harbor Radio Weekly", "Ferrand said: “…,”
    /// the Times reported.": the source that reports the words is the one
    /// the story stands on.
    func isReportingCue(_ cue: ClosedRange<Int>) -> Bool {
        (cue.count == 2 && tokens.lowercasedWord(cue.lowerBound) == "according")
            || (cue.count == 1 && ["reported", "reports"].contains(tokens.lowercasedWord(cue.lowerBound))
                && tokens.isCapitalized(cue.lowerBound - 1) && !tokens.isWord(cue.upperBound + 1))
    }

    /// "In a county survey published Monday, only 12 percent of renters
    /// said …": the poll is the source the story stands on.
    func pollHit(in sentence: Range<Int>) -> AttributionHit? {
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

    /// "Ortiz: My first answer was “Not this year.”": in a transcript or a
    /// Q&A, the label that opens the paragraph names who speaks all of it,
    /// the quotations inside included.
    func speakerLabelHit() -> AttributionHit? {
        guard let first = tokens.tokens.indices.first, tokens.isWord(first), tokens.isCapitalized(first),
              !AttributionWords.isFunctionWord(word(first)) || names.opensNameWithTitle(first) else { return nil }
        let end = names.nameRunEnd(from: first, limit: min(tokens.tokens.count, first + 5))
        guard end - first < 4, tokens.isPunctuation(end + 1, 0x3A),
              tokens.tokens[end].range.count > 1, !AttributionWords.fieldLabels.contains(word(end)) else { return nil }
        return AttributionHit(speaker: tokens.tokens[first].range.lowerBound..<tokens.tokens[end].range.upperBound,
                              cue: tokens.tokens[end + 1].range)
    }

    /// `“…” Tune in tonight. [AP.]`: a publication in brackets closing the
    /// paragraph credits its quotations, as digests and newsletters do.
    func closingCreditHit() -> AttributionHit? {
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

    private func word(_ index: Int) -> String { tokens.lowercasedWord(index) }
}
