/// Gives the blocks of a plain-text article their roles. Plain text has no
/// markup, so the roles come from what newsroom pages look like when saved
/// as text: furniture lines above the headline, a short headline, a photo
/// caption right under it, a byline, and an author card (a name line, then
/// "Name is a … correspondent") near the end; the last two are found by
/// `BylineBlocks`, which the Markdown parser shares.
enum TextClassifier {
    static func classify(_ blocks: inout [Block]) {
        markChrome(&blocks)
        let headline = markHeadline(&blocks)
        BylineBlocks.markBylines(&blocks, headline: headline)
        guard let headline else { return }
        markCaptions(&blocks, after: headline)
        BylineBlocks.markAuthorCards(&blocks)
        markNotices(&blocks)
        markQuotedSubheads(&blocks)
    }

    /// American copy quotes with double marks and writes its heads in
    /// headline style, with single ones: a short line of its own that opens
    /// with a single-quoted phrase ('Nice place to work.', 'Chaos at the
    /// market' in a northern port town) is a section head, not a
    /// quotation awaiting a speaker. Copy that quotes with single marks
    /// (British style) keeps such lines as paragraphs.
    private static func markQuotedSubheads(_ blocks: inout [Block]) {
        let candidates = blocks.indices.filter { index in
            let bytes = blocks[index].content.utf8
            return blocks[index].kind == .paragraph && isHeadlineStyleQuote(bytes) && !bytes.contains(0x0A)
                && ProseHeuristics.wordCount(bytes) <= 10
        }
        guard !candidates.isEmpty else { return }
        var doubleOpenings = 0
        var singleOpenings = 0
        for block in blocks {
            let bytes = block.content.utf8
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0xE2 && bytes[index + 1] == 0x80 {
                    if bytes[index + 2] == 0x9C { doubleOpenings += 1 } else if bytes[index + 2] == 0x98 { singleOpenings += 1 }
                    index += 3
                } else {
                    if bytes[index] == 0x22 { doubleOpenings += 1 }
                    index += 1
                }
            }
        }
        guard doubleOpenings > 2 * singleOpenings else { return }
        for index in candidates {
            blocks[index].kind = .heading
            blocks[index].level = 2
        }
    }

    /// Opens with one single quotation mark (not '' standing for a double)
    /// and ends either with a single closing mark or without a full stop.
    private static func isHeadlineStyleQuote(_ bytes: [UInt8]) -> Bool {
        let opensCurly = bytes.starts(with: [0xE2, 0x80, 0x98])
        let opensStraight = bytes.first == 0x27 && bytes.dropFirst().first != 0x27
        guard opensCurly || opensStraight, var end = bytes.indices.last else { return false }
        if bytes.count >= 3, bytes.suffix(3).elementsEqual([0xE2, 0x80, 0x99]) {
            end -= 3
        } else if bytes[end] == 0x27, end > 0, bytes[end - 1] != 0x27 {
            end -= 1
        } else {
            return ![0x2E, 0x3F, 0x21, 0x22].contains(bytes[end]) && !bytes.suffix(3).elementsEqual([0xE2, 0x80, 0x9D])
        }
        return end > 0
    }

    private static func markChrome(_ blocks: inout [Block]) {
        for index in blocks.indices where ProseHeuristics.isChrome(blocks[index].content.utf8) {
            blocks[index].kind = .chrome
        }
    }

    /// The headline is the first block that is not furniture or a "By"
    /// line, when it is a single short line and something follows it.
    private static func markHeadline(_ blocks: inout [Block]) -> Int? {
        guard let first = blocks.firstIndex(where: { $0.kind != .chrome && !BylineBlocks.isByLine($0.content.utf8[...]) }),
              first + 1 < blocks.count else { return nil }
        let block = blocks[first]
        let bytes = block.content.utf8
        guard !bytes.contains(0x0A), bytes.count <= 300, ProseHeuristics.wordCount(bytes) <= 30 else { return nil }
        blocks[first].kind = .headline
        blocks[first].level = 1
        return first
    }

    /// Captions sit between the headline and the body: a line describing a
    /// photo, or a line repeated under itself. Body paragraphs are never
    /// taken for captions, since a caption-like sentence there is prose.
    private static func markCaptions(_ blocks: inout [Block], after headline: Int) {
        var index = headline + 1
        var seen = 0
        while index < blocks.count && seen < 3 {
            if blocks[index].kind == .chrome || blocks[index].kind == .byline {
                index += 1
                continue
            }
            let bytes = blocks[index].content.utf8
            let repeated = (index > headline + 1 && blocks[index - 1].content.utf8 == bytes && blocks[index - 1].kind == .caption)
                || (index + 1 < blocks.count && blocks[index + 1].content.utf8 == bytes)
            if repeated || ProseHeuristics.looksLikeCaption(bytes) {
                blocks[index].kind = .caption
            } else {
                break
            }
            seen += 1
            index += 1
        }
        // A caption line also follows an image placeholder anywhere in the page.
        for index in blocks.indices.dropFirst() where blocks[index - 1].kind == .chrome
            && ProseHeuristics.isImagePlaceholder(blocks[index - 1].content.utf8)
            && blocks[index].kind == .paragraph && ProseHeuristics.looksLikeCaption(blocks[index].content.utf8) {
            blocks[index].kind = .caption
        }
    }

    private static func markNotices(_ blocks: inout [Block]) {
        for index in blocks.indices where blocks[index].kind == .paragraph
            && ProseHeuristics.looksLikeNotice(blocks[index].content.utf8) {
            blocks[index].kind = .notice
        }
    }
}
