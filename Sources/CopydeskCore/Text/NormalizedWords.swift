/// A word of a text compared against an approved wording: a key for its
/// normalised form and where it stands in the bytes it was read from.
package struct NormalizedWord: Sendable, Hashable {
    /// FNV-1a hash of the normalised word: equal words have equal keys.
    package var key: UInt64
    package var range: Range<Int>

    package init(key: UInt64, range: Range<Int>) {
        self.key = key
        self.range = range
    }
}

/// Splits UTF-8 text into words for verbatim comparison, reading bytes once:
///
/// - any run of white space (spaces, tabs, line breaks, no-break and other
///   Unicode spaces) separates words; zero-width spaces and soft hyphens are ignored;
/// - curly, low and angle quotation marks are the straight ones (`“ ” „ « »` are `"`,
///   `‘ ’ ‚ ‹ ›` and primes are `'`), so "don’t" and "don't" are one word;
/// - every dash (hyphen, non-breaking hyphen, en and em dash, minus, `--`) is
///   a word of its own, `-`, so "Russia-controlled", "Russia – controlled" and
///   "Russia—controlled" read alike;
/// - unless `caseSensitive`, letters are lowercased.
///
/// Punctuation stays part of its word: "us." and "us," differ.
package enum WordNormalizer {
    package static let dashKey: UInt64 = hash(Array("-".utf8))

    package static func hash(_ bytes: [UInt8]) -> UInt64 { FNV1a.hash(bytes) }

    private enum ScalarClass {
        case separator
        case ignored
        case dash
        case doubleQuote
        case singleQuote
        case other
    }

    package static func words(in bytes: [UInt8], range: Range<Int>? = nil, caseSensitive: Bool) -> [NormalizedWord] {
        var words: [NormalizedWord] = []
        forEachWord(in: bytes, range: range, caseSensitive: caseSensitive) { words.append($0) }
        return words
    }

    /// Calls `body` with each word of `bytes[range]` in order, for callers
    /// that only count or test words and need not keep them.
    package static func forEachWord(in bytes: [UInt8], range: Range<Int>? = nil, caseSensitive: Bool,
                                   _ body: (NormalizedWord) -> Void) {
        let range = range ?? 0..<bytes.count
        bytes.withUnsafeBufferPointer { text in
            forEachWord(in: text, range: range, caseSensitive: caseSensitive, body)
        }
    }

    private static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, caseSensitive: Bool,
                                    _ body: (NormalizedWord) -> Void) {
        // Read once: the loop tests it at every dash and letter, and a
        // static's every read goes through its lazy initialisation check.
        let dashKey = WordNormalizer.dashKey
        var key = FNV1a.offsetBasis
        var wordStart = -1
        var wordEnd = -1
        var index = range.lowerBound

        @inline(__always) func finishWord() {
            if wordStart >= 0 { body(NormalizedWord(key: key, range: wordStart..<wordEnd)) }
            wordStart = -1
            key = FNV1a.offsetBasis
        }
        @inline(__always) func add(_ byte: UInt8) { key = FNV1a.add(byte, to: key) }

        while index < range.upperBound {
            let lead = bytes[index]
            if lead < 0x80 {
                switch lead {
                case 0x09...0x0D, 0x20:
                    finishWord()
                case UInt8(ascii: "-"):
                    if !(wordStart >= 0 && key == dashKey && wordEnd == index) {
                        finishWord()
                        wordStart = index
                        add(lead)
                    }
                    wordEnd = index + 1
                case UInt8(ascii: "`"):
                    if wordStart < 0 { wordStart = index } else if key == dashKey { finishWord(); wordStart = index }
                    add(UInt8(ascii: "'"))
                    wordEnd = index + 1
                default:
                    if wordStart < 0 { wordStart = index } else if key == dashKey { finishWord(); wordStart = index }
                    add(caseSensitive || lead < 0x41 || lead > 0x5A ? lead : lead | 0x20)
                    wordEnd = index + 1
                }
                index += 1
                continue
            }
            // A byte that is not valid UTF-8 (a sequence cut short by the end
            // of the range included) is a character of its own, kept as it is.
            let decoded = UTF8Scalars.decode(bytes, at: index, end: range.upperBound)
            let scalar = decoded.scalar
            let end = index + decoded.length
            switch scalar.map(classify) ?? .other {
            case .separator:
                finishWord()
            case .ignored:
                break
            case .dash:
                if !(wordStart >= 0 && key == dashKey && wordEnd == index) {
                    finishWord()
                    wordStart = index
                    add(UInt8(ascii: "-"))
                }
                wordEnd = end
            case .doubleQuote, .singleQuote:
                if wordStart < 0 { wordStart = index } else if key == dashKey { finishWord(); wordStart = index }
                add(classify(scalar!) == .doubleQuote ? UInt8(ascii: "\"") : UInt8(ascii: "'"))
                wordEnd = end
            case .other:
                if wordStart < 0 { wordStart = index } else if key == dashKey { finishWord(); wordStart = index }
                if !caseSensitive, let scalar {
                    key = FNV1a.add(lowercased: scalar, to: key)
                } else {
                    for offset in index..<end { add(bytes[offset]) }
                }
                wordEnd = end
            }
            index = end
        }
        finishWord()
    }

    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return .separator
        case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF:
            return .ignored
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            return .dash
        case 0x201C...0x201F, 0xAB, 0xBB, 0x2033, 0xFF02:
            return .doubleQuote
        case 0x2018...0x201B, 0x2032, 0xB4, 0x2039, 0x203A, 0xFF07:
            return .singleQuote
        default:
            return .other
        }
    }
}

/// Word-level comparison of an approved wording with the text found: the
/// longest common subsequence of word keys, and the runs where they differ.
package enum WordDiff {
    /// A run where the texts differ: the expected words `expected` stand as
    /// the found words `found`. One of the two may be empty (words removed
    /// or added).
    package struct Change: Sendable, Hashable {
        package var expected: Range<Int>
        package var found: Range<Int>

        package init(expected: Range<Int>, found: Range<Int>) {
            self.expected = expected
            self.found = found
        }
    }

    /// Length of the longest common subsequence, in O(n·m) time and O(m) memory.
    package static func commonLength(_ expected: [UInt64], _ found: ArraySlice<UInt64>) -> Int {
        guard !expected.isEmpty, !found.isEmpty else { return 0 }
        let found = Array(found)
        var previous = [Int32](repeating: 0, count: found.count + 1)
        var current = previous
        for word in expected {
            for column in 0..<found.count {
                current[column + 1] = word == found[column]
                    ? previous[column] + 1 : max(previous[column + 1], current[column])
            }
            swap(&previous, &current)
        }
        return Int(previous[found.count])
    }

    /// 2·LCS / (n + m): 1 for equal sequences, 0 for nothing in common.
    package static func similarity(commonLength: Int, _ expectedCount: Int, _ foundCount: Int) -> Double {
        let total = expectedCount + foundCount
        return total == 0 ? 1 : Double(2 * commonLength) / Double(total)
    }

    /// The runs where `found` differs from `expected`, in order.
    package static func changes(expected: [UInt64], found: [UInt64]) -> [Change] {
        let rows = expected.count
        let columns = found.count
        let width = columns + 1
        // suffix[i * width + j]: LCS of expected[i...] and found[j...], so a
        // forward walk aligns each word with its earliest partner.
        var suffix = [Int32](repeating: 0, count: (rows + 1) * width)
        if rows > 0 && columns > 0 {
            for row in stride(from: rows - 1, through: 0, by: -1) {
                for column in stride(from: columns - 1, through: 0, by: -1) {
                    suffix[row * width + column] = expected[row] == found[column]
                        ? suffix[(row + 1) * width + column + 1] + 1
                        : max(suffix[(row + 1) * width + column], suffix[row * width + column + 1])
                }
            }
        }
        var changes: [Change] = []
        var row = 0
        var column = 0
        var open: (expected: Int, found: Int)?
        func close() {
            if let start = open { changes.append(Change(expected: start.expected..<row, found: start.found..<column)) }
            open = nil
        }
        while row < rows || column < columns {
            if row < rows && column < columns && expected[row] == found[column]
                && suffix[row * width + column] == suffix[(row + 1) * width + column + 1] + 1 {
                close()
                row += 1
                column += 1
                continue
            }
            if open == nil { open = (row, column) }
            if column >= columns || (row < rows && suffix[(row + 1) * width + column] >= suffix[row * width + column + 1]) {
                row += 1
            } else {
                column += 1
            }
        }
        close()
        return changes
    }
}
