/// Names in a block's tokens: runs of capitalised words with their
/// particles, titles and initials ("Sen. Ivo Renn", "Mary K. Keller"), and
/// whether a capitalised word reads as a name or as an ordinary word that
/// opens a sentence.
struct NameDetection {
    let tokens: ProseTokens

    private func word(_ index: Int) -> String { tokens.lowercasedWord(index) }

    /// The last token of a name that starts at `start`: capitalised words,
    /// particles (de, van, al) and the full stops of titles and initials
    /// ("Sen. Ivo Renn", "Mary K. Keller").
    func nameRunEnd(from start: Int, limit: Int) -> Int {
        var end = start
        while end + 1 < limit {
            if tokens.isWord(end + 1), tokens.isCapitalized(end + 1) || AttributionWords.nameParticles.contains(word(end + 1)) {
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
            if tokens.isWord(start - 1), tokens.isCapitalized(start - 1) || AttributionWords.nameParticles.contains(word(start - 1)),
               !AttributionWords.isFunctionWord(word(start - 1)) {
                start -= 1
            } else if tokens.isPunctuation(start - 1, 0x2E), start - 2 >= lowerLimit, isTitleOrInitial(start - 2) {
                start -= 2
            } else {
                break
            }
        }
        return start
    }

    private func isTitleOrInitial(_ index: Int) -> Bool {
        guard tokens.isWord(index), tokens.isCapitalized(index) else { return false }
        return tokens.tokens[index].range.count == 1 || AttributionWords.titles.contains(word(index))
    }

    /// A capitalised word that begins its sentence is a name only if it does
    /// not read as an ordinary word: "Reprising", "Unemployment", "Boos".
    func isLikelyName(_ index: Int, sentenceStart: Int) -> Bool {
        if opensNameWithTitle(index) { return true }
        guard tokens.isCapitalized(index), !AttributionWords.isFunctionWord(word(index)) else { return false }
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
        guard tokens.isCapitalized(index), AttributionWords.titles.contains(word(index)) else { return false }
        return tokens.isCapitalized(tokens.isPunctuation(index + 1, 0x2E) ? index + 2 : index + 1)
    }
}
