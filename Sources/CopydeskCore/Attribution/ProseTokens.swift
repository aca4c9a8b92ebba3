/// A block's text as words, punctuation and whole quotations, split into
/// sentences: the level at which attribution is read ("…,” she said).
/// Token ranges are byte ranges of the block's text.
struct ProseTokens {
    enum Kind: Equatable {
        case word
        case punctuation
        /// A whole quotation, marks included: the index into the quotes given.
        case quote(Int)
    }

    struct Token {
        var kind: Kind
        var range: Range<Int>
    }

    let bytes: [UInt8]
    private(set) var tokens: [Token] = []
    /// Token index ranges of the sentences, in order.
    private(set) var sentences: [Range<Int>] = []

    /// - Parameter quotes: text ranges of the quotations in the block, sorted;
    ///   each becomes one token.
    init(bytes: [UInt8], quotes: [Range<Int>], skipping codeRanges: [Range<Int>] = []) {
        self.bytes = bytes
        tokenize(quotes: quotes, codeRanges: codeRanges)
        lowercaseWords()
        splitSentences()
    }

    // MARK: Words

    func text(_ index: Int) -> Substring {
        Substring(decoding: bytes[tokens[index].range], as: UTF8.self)
    }

    /// The word with its ASCII letters lowercased, made once per token:
    /// the attribution search compares words against lists many times.
    func lowercasedWord(_ index: Int) -> String { loweredWords[index] }

    private(set) var loweredWords: [String] = []

    private mutating func lowercaseWords() {
        loweredWords.reserveCapacity(tokens.count)
        for token in tokens {
            guard token.kind == .word else { loweredWords.append(""); continue }
            let range = token.range
            // A curly apostrophe reads as a straight one ("Ferrand’s" is "trump's"),
            // so word lists need one spelling.
            let word = String(unsafeUninitializedCapacity: range.count) { buffer in
                var length = 0
                var index = range.lowerBound
                while index < range.upperBound {
                    if bytes[index] == 0xE2, index + 2 < range.upperBound, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                        buffer[length] = 0x27
                        index += 3
                    } else {
                        buffer[length] = TextScalars.foldASCII(bytes[index])
                        index += 1
                    }
                    length += 1
                }
                return length
            }
            loweredWords.append(word)
        }
    }

    func indices(contains index: Int) -> Bool { tokens.indices.contains(index) }

    func isWord(_ index: Int) -> Bool { tokens.indices.contains(index) && tokens[index].kind == .word }

    func isPunctuation(_ index: Int, _ mark: UInt8) -> Bool {
        tokens.indices.contains(index) && tokens[index].kind == .punctuation && bytes[tokens[index].range.lowerBound] == mark
    }

    func quoteIndex(_ index: Int) -> Int? {
        guard tokens.indices.contains(index), case .quote(let quote) = tokens[index].kind else { return nil }
        return quote
    }

    /// The word starts with a capital letter (or a digit, as in "3M").
    func isCapitalized(_ index: Int) -> Bool {
        guard isWord(index) else { return false }
        let first = bytes[tokens[index].range.lowerBound]
        if first >= 0x41 && first <= 0x5A { return true }
        if first < 0x80 { return false }
        let range = tokens[index].range
        return UTF8Scalars.decode(bytes, at: range.lowerBound, end: range.upperBound).scalar?.properties.isUppercase ?? false
    }

    /// The token that starts at `offset`, if any.
    func token(startingAt offset: Int) -> Int? { token(where: \.lowerBound, is: offset) }

    /// The token that ends at `offset`, if any.
    func token(endingAt offset: Int) -> Int? { token(where: \.upperBound, is: offset) }

    /// Binary search over the tokens, which are sorted by both their starts and their ends.
    private func token(where bound: KeyPath<Range<Int>, Int>, is offset: Int) -> Int? {
        var low = 0
        var high = tokens.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let value = tokens[mid].range[keyPath: bound]
            if value == offset { return mid }
            if value < offset { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// The sentences are in order and cover the tokens without gaps, so
    /// the one holding `token` is found by binary search.
    func sentence(containing token: Int) -> Int? {
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].upperBound <= token { low = middle + 1 } else { high = middle }
        }
        return low < sentences.count && sentences[low].contains(token) ? low : nil
    }

    // MARK: Tokenizing

    /// An ASCII letter or digit, or any byte of a scalar past ASCII (which
    /// `nonASCIIScalar` and `unicodeSpaceWidth` then sort out).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        TextScalars.isASCIILetterOrDigit(byte) || byte >= 0x80
    }

    private mutating func tokenize(quotes: [Range<Int>], codeRanges: [Range<Int>]) {
        var index = 0
        var quoteCursor = 0
        var codeCursor = 0
        let count = bytes.count
        while index < count {
            if quoteCursor < quotes.count && index >= quotes[quoteCursor].lowerBound {
                tokens.append(Token(kind: .quote(quoteCursor), range: quotes[quoteCursor]))
                index = max(index, quotes[quoteCursor].upperBound)
                quoteCursor += 1
                continue
            }
            if codeCursor < codeRanges.count && index >= codeRanges[codeCursor].lowerBound {
                index = max(index, codeRanges[codeCursor].upperBound)
                codeCursor += 1
                continue
            }
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
                continue
            }
            if let width = unicodeSpaceWidth(at: index) {
                index += width
                continue
            }
            let limit = quoteCursor < quotes.count ? min(count, quotes[quoteCursor].lowerBound) : count
            if byte >= 0x80, case let scalar = nonASCIIScalar(at: index), scalar.isPunctuation {
                tokens.append(Token(kind: .punctuation, range: index..<min(limit, index + scalar.length)))
                index += scalar.length
                continue
            }
            if Self.isWordByte(byte) {
                var end = index
                while end < limit {
                    let next = bytes[end]
                    if next < 0x80 {
                        if Self.isWordByte(next) {
                            end += 1
                            continue
                        }
                    } else if case let scalar = nonASCIIScalar(at: end), !scalar.isPunctuation && unicodeSpaceWidth(at: end) == nil {
                        end += scalar.length
                        continue
                    }
                    // Apostrophes, hyphens and the dots of U.S. stay inside a word
                    // when a word character follows.
                    // A dot joins only short parts (U.S., D.C., a.m.), not two words
                    // that lost the space between them ("said.Ferrand").
                    let partStart = (bytes[index..<end].lastIndex(of: 0x2E)).map { $0 + 1 } ?? index
                    let joinsDot = next != 0x2E || end - partStart <= 3
                    if (next == 0x27 || next == 0x2D || next == 0x2E) && joinsDot && end + 1 < limit && isWordCharacter(at: end + 1) {
                        end += 1
                        continue
                    }
                    // "9/11", "3/4": a slash between digits.
                    if next == 0x2F && end + 1 < limit && (0x30...0x39).contains(bytes[end - 1]) && (0x30...0x39).contains(bytes[end + 1]) {
                        end += 1
                        continue
                    }
                    if next == 0xE2 && end + 3 < limit && bytes[end + 1] == 0x80 && bytes[end + 2] == 0x99 && isWordCharacter(at: end + 3) {
                        end += 3
                        continue
                    }
                    break
                }
                end = min(end, limit)
                // "U.S." keeps its final dot when the word is dotted inside.
                if end < limit && bytes[end] == 0x2E && bytes[index..<end].contains(0x2E) { end += 1 }
                tokens.append(Token(kind: .word, range: index..<end))
                index = end
                continue
            }
            tokens.append(Token(kind: .punctuation, range: index..<index + 1))
            index += 1
        }
    }

    /// A letter or digit starts at `index` (not punctuation, not a space).
    private func isWordCharacter(at index: Int) -> Bool {
        let byte = bytes[index]
        guard Self.isWordByte(byte) else { return false }
        return byte < 0x80 || (!nonASCIIScalar(at: index).isPunctuation && unicodeSpaceWidth(at: index) == nil)
    }

    /// No-break, thin and other Unicode spaces (U+00A0, U+2000–U+200A,
    /// U+202F), which pages saved as text are full of.
    private func unicodeSpaceWidth(at index: Int) -> Int? {
        let lead = bytes[index]
        if lead == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        if lead == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
           (0x80...0x8A).contains(bytes[index + 2]) || bytes[index + 2] == 0xAF {
            return 3
        }
        return nil
    }

    /// The scalar that starts at `index` (a byte past ASCII): its length,
    /// and whether it is punctuation, that is anything but a letter, a digit
    /// or a combining mark: dashes, curly quotes, ellipses, symbols such as ✓
    /// and emoji. Bytes that are not valid UTF-8 are not punctuation: they
    /// stay inside a word, a byte each.
    private func nonASCIIScalar(at index: Int) -> (length: Int, isPunctuation: Bool) {
        let decoded = UTF8Scalars.decode(bytes, at: index, end: bytes.count)
        guard let scalar = decoded.scalar else { return (1, false) }
        // The common case, U+2000–U+203F of General Punctuation, needs no property lookup.
        if scalar.value >= 0x2000 && scalar.value <= 0x203F { return (decoded.length, true) }
        let properties = scalar.properties
        let isPunctuation = !(TextScalars.isLetterOrDigit(scalar) || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark)
        return (decoded.length, isPunctuation)
    }

    // MARK: Sentences

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
        "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "v", "etc", "prof", "rev", "hon", "pres",
        "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "ave", "blvd",
        "u.s", "u.n", "u.k", "e.u", "d.c", "a.m", "p.m",
    ]

    private mutating func splitSentences() {
        var start = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if case .quote = token.kind, quoteEndsSentence(at: index) {
                sentences.append(start..<index + 1)
                start = index + 1
            } else if token.kind == .punctuation, token.range.count == 1 {
                let mark = bytes[token.range.lowerBound]
                if (mark == 0x2E || mark == 0x3F || mark == 0x21) && endsSentence(at: index) {
                    sentences.append(start..<index + 1)
                    start = index + 1
                }
            }
            index += 1
        }
        if start < tokens.count { sentences.append(start..<tokens.count) }
    }

    /// `…jihadists.” A Ortiz campaign official later said`: a quotation
    /// that ends with its own full stop, question or exclamation mark ends
    /// the sentence when an article, a conjunction or a preposition opens
    /// the next. A name may not ("“Get out!” Ferrand barked."), since what
    /// follows is often the attribution.
    private func quoteEndsSentence(at index: Int) -> Bool {
        guard index + 1 < tokens.count, tokens[index + 1].kind == .word, isCapitalized(index + 1),
              Self.sentenceOpeners.contains(lowercasedWord(index + 1)) else { return false }
        var end = tokens[index].range.upperBound
        while end > tokens[index].range.lowerBound {
            let byte = bytes[end - 1]
            if byte == 0x22 || byte == 0x27 || byte == 0x20 { end -= 1; continue }
            if end - 3 >= tokens[index].range.lowerBound, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
               bytes[end - 1] == 0x9D || bytes[end - 1] == 0x99 {
                end -= 3
                continue
            }
            break
        }
        guard end > tokens[index].range.lowerBound else { return false }
        return [0x2E, 0x3F, 0x21].contains(bytes[end - 1])
    }

    static let sentenceOpeners: Set<String> = [
        "a", "an", "the", "but", "and", "so", "yet", "in", "on", "at", "as", "when", "while", "if", "after", "before",
        "since", "because", "though", "although", "still", "also", "now", "later", "meanwhile", "however", "instead",
        "for", "with", "without", "to", "of", "by", "from", "this", "that", "these", "those", "there", "here", "it",
        "his", "her", "their", "our", "my", "its", "even", "only", "many", "some", "all", "both", "several", "other",
        "he", "she", "they", "we", "i",
    ]

    /// A full stop ends a sentence unless it closes an abbreviation or an
    /// initial, and only when what follows starts a sentence.
    private func endsSentence(at index: Int) -> Bool {
        let next = index + 1
        if next < tokens.count {
            switch tokens[next].kind {
            case .quote: break
            case .word: if !isCapitalized(next) { return false }
            case .punctuation:
                // `.)`, `Ky.,` and `Inc.;` continue; a dash or bracket may open the next sentence.
                if [0x29, 0x2C, 0x3B, 0x3A].contains(bytes[tokens[next].range.lowerBound]) { return false }
            }
        }
        guard bytes[tokens[index].range.lowerBound] == 0x2E, index > 0, isWord(index - 1),
              tokens[index - 1].range.upperBound == tokens[index].range.lowerBound else { return true }
        let word = lowercasedWord(index - 1)
        if Self.abbreviations.contains(word) { return false }
        // A single capital letter is an initial: "Mary K. Keller".
        return !(tokens[index - 1].range.count == 1 && isCapitalized(index - 1))
    }
}
