@testable import CopydeskCore

/// A sentence or two as the attribution layers see them: tokens with each
/// curly-quoted passage as one quotation, and the grammar, name and
/// pattern readers over them. For tests of one layer at a time.
struct ProseFixture {
    let tokens: ProseTokens
    let grammar: ClauseGrammar
    let patterns: AttributionPatterns

    init(_ text: String) {
        let bytes = Array(text.utf8)
        tokens = ProseTokens(bytes: bytes, quotes: Self.quoteRanges(in: bytes))
        grammar = ClauseGrammar(tokens: tokens, vocabulary: .standard)
        patterns = AttributionPatterns(grammar: grammar)
    }

    var names: NameDetection { grammar.names }

    /// The index of the first token that reads `text` (a word as written,
    /// a mark, or a whole quotation, marks included).
    func token(_ text: String, after earlier: Int = -1) -> Int {
        guard let found = tokens.tokens.indices.first(where: { $0 > earlier && String(tokens.text($0)) == text }) else {
            fatalError("no token \(text)")
        }
        return found
    }

    /// The first quotation's token.
    var firstQuote: Int { tokens.tokens.indices.first { tokens.quoteIndex($0) != nil }! }

    func sentence(holding token: Int) -> Range<Int> { tokens.sentences[tokens.sentence(containing: token)!] }

    /// The text of a byte range of the fixture.
    func text(_ range: Range<Int>?) -> String? {
        range.map { String(decoding: tokens.bytes[$0], as: UTF8.self) }
    }

    /// The text of a token range, first to last token.
    func text(tokens range: ClosedRange<Int>) -> String {
        text(tokens.tokens[range.lowerBound].range.lowerBound..<tokens.tokens[range.upperBound].range.upperBound)!
    }

    /// "speaker/cue", as AttributionTests writes a hit.
    func describe(_ hit: AttributionHit?) -> String? {
        hit.map { "\(text($0.speaker) ?? "?")/\(text($0.cue) ?? "?")" }
    }

    /// Byte ranges of “…” passages, marks included.
    static func quoteRanges(in bytes: [UInt8]) -> [Range<Int>] {
        let open: [UInt8] = [0xE2, 0x80, 0x9C]
        let close: [UInt8] = [0xE2, 0x80, 0x9D]
        var ranges: [Range<Int>] = []
        var start: Int?
        var index = 0
        while index + 3 <= bytes.count {
            let mark = Array(bytes[index..<index + 3])
            if mark == open, start == nil {
                start = index
            } else if mark == close, let opened = start {
                ranges.append(opened..<index + 3)
                start = nil
            }
            index += 1
        }
        return ranges
    }
}
