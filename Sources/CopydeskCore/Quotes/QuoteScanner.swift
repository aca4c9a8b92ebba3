/// Finds the quotations in a document's prose blocks and the quotation
/// marks that have no partner.
///
/// It reads UTF-8 bytes, one block at a time, and decides for every mark
/// whether it opens, closes, or is not a quotation mark at all (an
/// apostrophe in don’t, ’90s or students’, a prime in 6'2"). Curly marks say
/// their direction; straight ones take it from their neighbours (space
/// before and a letter after opens). A quotation left open at the end of a
/// paragraph whose next paragraph reopens with a quotation mark runs on, as
/// AP style writes a quote of several paragraphs.
package enum QuoteScanner {
    /// - Parameter singleQuotesArePrimary: British style: ‘…’ is the
    ///   quotation and “…” the quotation inside it.
    package static func scan(_ document: inout Document, singleQuotesArePrimary: Bool = false) {
        var scans: [BlockScan?] = Array(repeating: nil, count: document.blocks.count)
        for index in document.blocks.indices where document.blocks[index].kind.isProse {
            scans[index] = BlockScan(block: document.blocks[index], singleQuotesArePrimary: singleQuotesArePrimary)
        }
        var quotes: [Quote] = []
        var unbalanced: [UnbalancedQuoteMark] = []
        var continuesFromPrevious = false
        var closesWrappedQuote = false
        for index in document.blocks.indices {
            guard let scan = scans[index] else { continue }
            let nextIndex = nextProseBlock(after: index, scans: scans, blocks: document.blocks)
            let nextReopens = nextIndex.map { scans[$0]!.startsWithOpeningDouble } ?? false
            let block = document.blocks[index]
            // A quotation that runs on into the next paragraph without being
            // reopened there, closed by the first mark of that paragraph: a
            // line break inside a quotation where the text has one paragraph
            // per line, or copy that does not follow AP's reopening style.
            let wrapsIntoNext = nextIndex.map { next in scans[next]!.leadingLoneCloser != nil } ?? false
            if closesWrappedQuote, let closer = scan.leadingLoneCloser {
                var quote = Quote(blockIndex: index, textRange: 0..<closer.upperBound,
                                  range: document.range(of: 0..<closer.upperBound, in: index), in: block)
                quote.continuesPrevious = true
                quotes.append(quote)
            }
            for found in scan.quotes {
                var quote = Quote(blockIndex: index, textRange: found.range,
                                  range: document.range(of: found.range, in: index), in: block, depth: found.depth)
                if found.depth == 0 && found.range.lowerBound == scan.firstOpeningDouble && continuesFromPrevious {
                    quote.continuesPrevious = true
                }
                if found.isOpenAtEnd && found.depth == 0 {
                    quote.continuesNext = nextReopens || (wrapsIntoNext && scan.endsWithOpenDouble)
                }
                quotes.append(quote)
            }
            for mark in scan.unbalanced {
                // A quotation open at the end of its paragraph is no error when
                // the next paragraph reopens it.
                if mark.problem == .neverClosed && mark.isLastOpenDouble && (nextReopens || wrapsIntoNext) { continue }
                if mark.problem == .neverOpened && closesWrappedQuote && mark.offset == scan.leadingLoneCloser?.lowerBound { continue }
                let range = document.range(of: mark.offset..<mark.offset + mark.length, in: index)
                unbalanced.append(UnbalancedQuoteMark(blockIndex: index, textOffset: mark.offset, mark: mark.scalar,
                                                      problem: mark.problem, range: range))
            }
            continuesFromPrevious = scan.endsWithOpenDouble && nextReopens
            closesWrappedQuote = scan.endsWithOpenDouble && wrapsIntoNext && !nextReopens
        }
        addBlockquotes(document, to: &quotes)
        document.quotes = quotes
        document.unbalancedQuoteMarks = unbalanced
    }

    /// A blockquote is a quotation in itself unless it holds quotation marks,
    /// whose quotations are then read (and attributed) one by one. Consecutive blockquote paragraphs are one
    /// quotation that runs on.
    private static func addBlockquotes(_ document: Document, to quotes: inout [Quote]) {
        var added: [Quote] = []
        for (index, block) in document.blocks.enumerated() where block.kind == .blockquote {
            guard block.content.count > 0, !quotes.contains(where: { $0.blockIndex == index && $0.depth == 0 }) else { continue }
            var quote = Quote(blockIndex: index, textRange: 0..<block.content.count,
                              range: document.range(of: 0..<block.content.count, in: index), in: block, isBlockquote: true)
            if var previous = added.last, previous.blockIndex == index - 1 {
                previous.continuesNext = true
                added[added.count - 1] = previous
                quote.continuesPrevious = true
            }
            added.append(quote)
        }
        guard !added.isEmpty else { return }
        quotes.append(contentsOf: added)
        quotes.sort { ($0.blockIndex, $0.textRange.lowerBound, $0.depth) < ($1.blockIndex, $1.textRange.lowerBound, $1.depth) }
    }

    /// The next block a quotation could run on into: prose of the same
    /// flow, skipping page furniture and images.
    private static func nextProseBlock(after index: Int, scans: [BlockScan?], blocks: [Block]) -> Int? {
        var next = index + 1
        while next < blocks.count {
            if scans[next] != nil { return next }
            if blocks[next].kind != .chrome && blocks[next].kind != .image { return nil }
            next += 1
        }
        return nil
    }
}

/// The quotation marks of one block, paired.
struct BlockScan {
    struct FoundQuote {
        var range: Range<Int>
        var depth: Int
        /// No closing mark before the end of the block.
        var isOpenAtEnd: Bool
    }

    struct LoneMark {
        var offset: Int
        var length: Int
        var scalar: Unicode.Scalar
        var problem: UnbalancedQuoteMark.Problem
        /// The double quotation still open when the block ended.
        var isLastOpenDouble: Bool
    }

    private(set) var quotes: [FoundQuote] = []
    private(set) var unbalanced: [LoneMark] = []
    private(set) var startsWithOpeningDouble = false
    private(set) var endsWithOpenDouble = false
    /// Offset of the first opening double mark, if any.
    private(set) var firstOpeningDouble: Int?
    /// A closing double mark with no opening one, before any other double
    /// mark: the end of a quotation the line before began.
    private(set) var leadingLoneCloser: Range<Int>?

    private let bytes: [UInt8]

    private struct OpenMark {
        var offset: Int
        var length: Int
        var scalar: Unicode.Scalar
    }

    /// A double quotation inside an open single one is nested in it, and
    /// closing it leaves the single one open.
    private let singleQuotesArePrimary: Bool

    init(block: Block, singleQuotesArePrimary: Bool = false) {
        self.singleQuotesArePrimary = singleQuotesArePrimary
        bytes = block.content.utf8
        scan(skipping: block.codeRanges)
    }

    // MARK: Character classes around a mark

    private enum Neighbour {
        case boundary      // start or end of text, white space
        case letter        // letters, digits and other word characters
        case digit
        case opening       // ( [ { and dashes and slashes before a word
        case closing       // . , ; : ! ? ) ] } …
        case quote
    }

    private func classify(_ scalar: Unicode.Scalar?) -> Neighbour {
        guard let scalar else { return .boundary }
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{A0}", "\u{2009}", "\u{202F}", "\u{2002}", "\u{2003}", "\u{200A}":
            return .boundary
        case "0"..."9":
            return .digit
        case "(", "[", "{", "—", "–", "-", "/", "\u{2015}", "=", "<":
            return .opening
        case "@", "#", "$", "%", "&", "_", "+", "~":
            return .letter
        case ".", ",", ";", ":", "!", "?", ")", "]", "}", "…", "*":
            return .closing
        default:
            if QuoteMarks.isQuoteScalar(scalar) { return .quote }
            if scalar.isASCII {
                let value = scalar.value
                if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { return .letter }
                return .closing
            }
            return TextScalars.isLetterOrDigit(scalar) ? .letter : .closing
        }
    }

    /// The scalar at `index` and its length; nil at the end and at a byte
    /// that is not valid UTF-8 (which reads as a boundary).
    private func scalar(at index: Int) -> (Unicode.Scalar, Int)? {
        guard let decoded = UTF8Scalars.decode(bytes, at: index), let scalar = decoded.scalar else { return nil }
        return (scalar, decoded.length)
    }

    private func scalar(before index: Int) -> Unicode.Scalar? {
        UTF8Scalars.decode(bytes, endingAt: index)?.scalar
    }

    // MARK: Scanning

    private mutating func scan(skipping codeRanges: [Range<Int>]) {
        // Open double quotations, outermost first. A quotation may hold one
        // of the other style (a paragraph in straight quotes quoting someone
        // in curly ones); a second of the same style means the first never closed.
        var openDoubles: [OpenMark] = []
        var openSingle: OpenMark?
        var codeIndex = 0
        var index = 0
        var sawText = false
        let count = bytes.count
        while index < count {
            if codeIndex < codeRanges.count && index >= codeRanges[codeIndex].lowerBound {
                index = max(index, codeRanges[codeIndex].upperBound)
                codeIndex += 1
                continue
            }
            let byte = bytes[index]
            // Quotation marks are ", ' and scalars starting E2 80 (curly) or C2 (guillemets).
            guard byte == 0x22 || byte == 0x27 || byte == 0xE2 || byte == 0xC2 else {
                if byte != 0x20 && byte != 0x0A && byte != 0x09 { sawText = true }
                index += 1
                continue
            }
            guard var (mark, length) = scalar(at: index), QuoteMarks.isQuoteScalar(mark) else {
                sawText = true
                index += 1
                continue
            }
            // Two straight single marks are the double mark of typewriter
            // and wire copy (''Pretty cool,'' she said).
            if mark == QuoteMarks.straightSingle && index + 1 < count && bytes[index + 1] == 0x27 {
                mark = QuoteMarks.straightDouble
                length = 2
            }
            // Two curly single marks are a double one too (’’Pretty cool,’’),
            // as some wire and archive systems set them.
            if (mark == QuoteMarks.leftSingle || mark == QuoteMarks.rightSingle), index + 5 < count,
               bytes[index + 3] == 0xE2, bytes[index + 4] == 0x80, bytes[index + 5] == bytes[index + 2] {
                mark = mark == QuoteMarks.leftSingle ? QuoteMarks.leftDouble : QuoteMarks.rightDouble
                length = 6
            }
            // » at the end of a link or teaser ("More stories »"), « before
            // "Previous": arrows, not quotation marks, when nothing pairs them.
            if isArrow(mark, at: index, length: length, openDoubles: openDoubles) {
                sawText = true
                index += length
                continue
            }
            let before = classify(scalar(before: index))
            let after = classify(scalar(at: index + length)?.0)
            if QuoteMarks.isDouble(mark) {
                handleDouble(mark, at: index, length: length, before: before, after: after,
                             open: &openDoubles, openSingle: &openSingle, isFirstText: !sawText)
            } else {
                handleSingle(mark, at: index, length: length, before: before, after: after,
                             insideDouble: !openDoubles.isEmpty, open: &openSingle)
            }
            sawText = true
            index += length
        }
        if let single = openSingle {
            reportUnclosedSingle(single)
        }
        closeWithSharedMark(&openDoubles)
        for (depth, open) in openDoubles.enumerated() {
            quotes.append(FoundQuote(range: open.offset..<count, depth: depth, isOpenAtEnd: true))
            unbalanced.append(LoneMark(offset: open.offset, length: open.length, scalar: open.scalar,
                                       problem: .neverClosed, isLastOpenDouble: depth == 0 && openDoubles.count == 1))
        }
        endsWithOpenDouble = !openDoubles.isEmpty
        quotes.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The last closing double mark so far, and the depth of the quotation
    /// it closed when a quotation of the same style stays open around it.
    private var lastDoubleCloser: (range: Range<Int>, nestedDepth: Int?, scalar: Unicode.Scalar)?

    /// A quotation mark of the style already open, where no sentence has
    /// just ended, opens a quotation inside the open one (“For me “Home”
    /// was the start) rather than a new one after a quotation left open:
    /// copy that does not switch to single marks for the inner quotation.
    private func opensNestedQuotation(at offset: Int) -> Bool {
        var index = offset
        while index > 0 {
            index -= 1
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A { continue }
            if UTF8Scalars.isContinuation(byte) { continue }
            // A sentence ended (. ! ? or an ellipsis): the open quotation
            // was never closed and a new one starts.
            if byte == 0x2E || byte == 0x21 || byte == 0x3F { return false }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 { return false }
            return true
        }
        return false
    }

    /// Nested quotations that end together are often closed with one mark:
    /// Russian and other guillemet copy writes «Издание «Имя» for a name
    /// quoted inside a title, and English copy ends a paragraph with one ”
    /// where an inner and an outer quotation both end. A quotation still
    /// open at the end whose inner quotation of the same style closed last,
    /// with no double mark after it, is taken to close there; for curly and
    /// straight marks only when nothing but punctuation follows the mark.
    private mutating func closeWithSharedMark(_ openDoubles: inout [OpenMark]) {
        guard let closer = lastDoubleCloser, let depth = closer.nestedDepth, depth <= openDoubles.count else { return }
        let isGuillemet = closer.scalar == QuoteMarks.rightGuillemet
        if !isGuillemet {
            let rest = bytes[closer.range.upperBound...]
            guard rest.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x2E || $0 == 0x29 }) else { return }
        }
        let straight = Self.isStraight(closer.scalar)
        // A quotation opened after that mark is open for real.
        guard openDoubles.allSatisfy({ $0.offset < closer.range.lowerBound }),
              openDoubles.allSatisfy({ Self.isStraight($0.scalar) == straight }) else { return }
        for (index, open) in openDoubles.enumerated() {
            quotes.append(FoundQuote(range: open.offset..<closer.range.upperBound, depth: index, isOpenAtEnd: false))
        }
        openDoubles.removeAll()
    }

    /// A guillemet standing apart at the end (») or the start («) of the
    /// block with no partner: the arrow of a link, not a quotation.
    private func isArrow(_ mark: Unicode.Scalar, at index: Int, length: Int, openDoubles: [OpenMark]) -> Bool {
        switch mark {
        case QuoteMarks.rightGuillemet:
            guard !openDoubles.contains(where: { $0.scalar == QuoteMarks.leftGuillemet }),
                  index > 0, bytes[index - 1] == 0x20 else { return false }
            return bytes[(index + length)...].allSatisfy { $0 == 0x20 || $0 == 0x0A }
        case QuoteMarks.leftGuillemet:
            guard bytes[..<index].allSatisfy({ $0 == 0x20 || $0 == 0x0A }),
                  index + length < bytes.count, bytes[index + length] == 0x20 else { return false }
            let rest = bytes[(index + length)...]
            return !zip(rest, rest.dropFirst()).contains { $0 == 0xC2 && $1 == 0xBB }
        default:
            return false
        }
    }

    private enum Direction {
        case opens
        case closes
        case either
    }

    private func direction(of mark: Unicode.Scalar, before: Neighbour, after: Neighbour) -> Direction {
        switch mark {
        case QuoteMarks.leftDouble:
            // A left mark typed where a right one belongs (review“ of) closes
            // an open quotation: autocorrect often gets this wrong. So does
            // one standing between spaces (brain, “ says), which can open nothing.
            let closesHere = (before == .letter || before == .digit || before == .closing) && (after == .boundary || after == .closing)
            return closesHere || (before == .boundary && after == .boundary) ? .either : .opens
        case QuoteMarks.lowDouble, QuoteMarks.leftGuillemet:
            return .opens
        case QuoteMarks.rightDouble, QuoteMarks.rightGuillemet:
            // A right mark typed where a left one belongs ( ”Hello ) still opens.
            return before == .boundary && (after == .letter || after == .digit) ? .either : .closes
        default:
            let leftFlanking = before == .boundary || before == .opening || before == .quote
            let rightFlanking = after == .boundary || after == .closing || after == .quote
            if leftFlanking && !rightFlanking { return .opens }
            if rightFlanking && !leftFlanking { return .closes }
            return .either
        }
    }

    private static func isStraight(_ mark: Unicode.Scalar) -> Bool { mark == QuoteMarks.straightDouble }

    private mutating func handleDouble(_ mark: Unicode.Scalar, at offset: Int, length: Int, before: Neighbour, after: Neighbour,
                                       open: inout [OpenMark], openSingle: inout OpenMark?, isFirstText: Bool) {
        let straight = Self.isStraight(mark)
        // A straight double mark after a digit is an inch mark (6'2", a 12" record)
        // unless it closes an open quotation.
        if straight && before == .digit && (!open.contains { Self.isStraight($0.scalar) } || isFeetAndInches(endingAt: offset)) {
            return
        }
        var direction = direction(of: mark, before: before, after: after)
        if direction == .either {
            direction = open.isEmpty ? .opens : .closes
        }
        switch direction {
        case .opens:
            if let sameStyle = open.lastIndex(where: { Self.isStraight($0.scalar) == straight }),
               !opensNestedQuotation(at: offset) {
                // A quotation of this style is already open: it was never closed.
                for (depth, previous) in open.enumerated().dropFirst(sameStyle) {
                    quotes.append(FoundQuote(range: previous.offset..<offset, depth: depth, isOpenAtEnd: false))
                    unbalanced.append(LoneMark(offset: previous.offset, length: previous.length, scalar: previous.scalar,
                                               problem: .neverClosed, isLastOpenDouble: false))
                }
                open.removeSubrange(sameStyle...)
                // A single mark still open goes with its double quotation:
                // its closing mark may have been read as an apostrophe.
                if !singleQuotesArePrimary { openSingle = nil }
            }
            open.append(OpenMark(offset: offset, length: length, scalar: mark))
            if firstOpeningDouble == nil { firstOpeningDouble = offset }
            if isFirstText { startsWithOpeningDouble = true }
        case .closes:
            guard !open.isEmpty else {
                if firstOpeningDouble == nil && quotes.isEmpty && unbalanced.isEmpty {
                    leadingLoneCloser = offset..<offset + length
                }
                unbalanced.append(LoneMark(offset: offset, length: length, scalar: mark, problem: .neverOpened,
                                           isLastOpenDouble: false))
                return
            }
            // A closing mark closes the innermost quotation of its own style,
            // else the innermost one; any opened inside it were never closed.
            let target = open.lastIndex { Self.isStraight($0.scalar) == straight } ?? open.count - 1
            for (depth, inner) in open.enumerated().dropFirst(target + 1) {
                quotes.append(FoundQuote(range: inner.offset..<offset, depth: depth, isOpenAtEnd: false))
                unbalanced.append(LoneMark(offset: inner.offset, length: inner.length, scalar: inner.scalar,
                                           problem: .neverClosed, isLastOpenDouble: false))
            }
            let nesting = singleQuotesArePrimary && openSingle != nil ? 1 : 0
            quotes.append(FoundQuote(range: open[target].offset..<offset + length, depth: target + nesting, isOpenAtEnd: false))
            let closesNested = open[..<target].contains { Self.isStraight($0.scalar) == straight }
            lastDoubleCloser = (offset..<offset + length, closesNested ? target : nil, mark)
            open.removeSubrange(target...)
            if !singleQuotesArePrimary { openSingle = nil }
        case .either:
            break
        }
    }

    /// `6'2"`: digits, a prime (' ’ or ′), digits, then this mark.
    private func isFeetAndInches(endingAt offset: Int) -> Bool {
        var index = offset - 1
        while index >= 0 && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index -= 1 }
        guard index < offset - 1, index >= 1 else { return false }
        var primeStart = index
        if bytes[index] != 0x27 {
            guard index >= 3, bytes[index - 2] == 0xE2, bytes[index - 1] == 0x80,
                  bytes[index] == 0x99 || bytes[index] == 0xB2 else { return false }
            primeStart = index - 2
        }
        return primeStart >= 1 && bytes[primeStart - 1] >= 0x30 && bytes[primeStart - 1] <= 0x39
    }

    private func startsElision(at index: Int) -> Bool {
        var word: [UInt8] = []
        var cursor = index
        while cursor < bytes.count && word.count < 7, (bytes[cursor] | 0x20) >= 0x61 && (bytes[cursor] | 0x20) <= 0x7A {
            word.append(bytes[cursor] | 0x20)
            cursor += 1
        }
        let text = String(decoding: word, as: UTF8.self)
        return ["em", "til", "tis", "twas", "cause", "n", "round", "bout", "nother", "cos", "kay"].contains(text)
    }

    /// t, s, d, m, ll, re or ve standing as a word of its own: the tail of
    /// a contraction (n’t, ’s, ’ll).
    private func endsContraction(at index: Int) -> Bool {
        var end = index
        while end < bytes.count && end - index < 3, (bytes[end] | 0x20) >= 0x61 && (bytes[end] | 0x20) <= 0x7A { end += 1 }
        guard end > index, end - index <= 2 else { return false }
        if end < bytes.count && classify(scalar(at: end)?.0) != .boundary && classify(scalar(at: end)?.0) != .closing { return false }
        let tail = String(decoding: bytes[index..<end].map { $0 | 0x20 }, as: UTF8.self)
        return ["t", "s", "d", "m", "ll", "re", "ve"].contains(tail)
    }

    private mutating func handleSingle(_ mark: Unicode.Scalar, at offset: Int, length: Int, before: Neighbour, after: Neighbour,
                                       insideDouble: Bool, open: inout OpenMark?) {
        let isLetter = { (neighbour: Neighbour) in neighbour == .letter || neighbour == .digit }
        // don’t, O’Brien, rock ’n’ roll: a mark between word characters is an apostrophe.
        if isLetter(before) && isLetter(after) { return }
        // ’90s, ’em, ’til: an elision at the start of a word.
        if before == .boundary || before == .opening || before == .quote {
            if after == .digit || startsElision(at: offset + length) {
                if mark != QuoteMarks.leftSingle || after == .digit { return }
            }
        }
        // 5'10": a prime.
        if mark == QuoteMarks.straightSingle && before == .digit { return }
        // isn ‘t, it ’s: a contraction with a stray space before its apostrophe.
        if before == .boundary && isLetter(classify(scalar(before: offset - 1))) && endsContraction(at: offset + length) { return }
        switch mark {
        case QuoteMarks.leftSingle:
            // A left mark after a word, where a right one belongs (the
            // ‘open plan‘ office), closes the quotation open before it.
            if let previous = open, isLetter(before) || before == .closing, after == .boundary || after == .closing {
                quotes.append(FoundQuote(range: previous.offset..<offset + length, depth: insideDouble ? 1 : 0,
                                         isOpenAtEnd: false))
                open = nil
                return
            }
            open = OpenMark(offset: offset, length: length, scalar: mark)
        case QuoteMarks.rightSingle, QuoteMarks.straightSingle:
            let opensHere = (before == .boundary || before == .opening || before == .quote) && isLetter(after)
            if opensHere && mark == QuoteMarks.straightSingle && open == nil {
                open = OpenMark(offset: offset, length: length, scalar: mark)
                return
            }
            if let previous = open, !opensHere {
                // students’ closes an open single quotation; otherwise it is a
                // plural possessive.
                quotes.append(FoundQuote(range: previous.offset..<offset + length, depth: insideDouble ? 1 : 0,
                                         isOpenAtEnd: false))
                open = nil
            }
        default:
            break
        }
    }

    /// An opening ‘ with no mark after it that could close it. Only curly
    /// opening marks are reported: a straight ' is too often an apostrophe.
    private mutating func reportUnclosedSingle(_ single: OpenMark) {
        guard single.scalar == QuoteMarks.leftSingle else { return }
        var index = single.offset + single.length
        while index + 2 < bytes.count {
            if bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99 { return }
            index += 1
        }
        unbalanced.append(LoneMark(offset: single.offset, length: single.length, scalar: single.scalar,
                                   problem: .neverClosed, isLastOpenDouble: false))
    }
}
