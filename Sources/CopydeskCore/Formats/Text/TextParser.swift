/// Plain-text articles, as saved from a web page or a wire feed: paragraphs
/// separated by blank lines, a headline first, perhaps page furniture above
/// it, a photo caption under it and an author card near the end.
enum TextParser {
    /// A line of a blank-line group: its content without indentation or
    /// trailing white space.
    struct Line {
        var number: Int
        var content: Range<Int>
    }

    static func parse(_ source: SourceText) -> Document {
        let bytes = source.bytes
        var groups: [[Line]] = []
        var current: [Line] = []
        var directives: [SuppressionDirective] = []
        for number in 1...source.lineCount {
            let content = trimmed(source.lineByteRange(number), in: bytes)
            if content.isEmpty {
                if !current.isEmpty { groups.append(current); current = [] }
                continue
            }
            // A line that is only a copydesk comment is an instruction, not prose.
            if let directive = HTMLComment.directiveLine(content, in: source) {
                directives.append(directive)
                if !current.isEmpty { groups.append(current); current = [] }
                continue
            }
            current.append(Line(number: number, content: content))
        }
        if !current.isEmpty { groups.append(current) }

        var blocks: [Block] = []
        for group in groups {
            for lines in splitIntoBlocks(group, bytes: bytes) {
                var content = MappedText()
                for (index, line) in lines.enumerated() {
                    if index > 0 {
                        content.appendReplacement([0x0A], for: lines[index - 1].content.upperBound..<line.content.lowerBound)
                    }
                    content.appendVerbatim(line.content, of: bytes)
                }
                let whole = lines[0].content.lowerBound..<lines[lines.count - 1].content.upperBound
                blocks.append(Block(kind: .paragraph, range: source.range(whole), content: content))
            }
        }
        TextClassifier.classify(&blocks)
        var document = Document(source: source, format: .text, blocks: blocks, directives: directives)
        BylineCollector.collect(&document)
        return document
    }

    /// A group of lines without blank lines between them is either one
    /// hard-wrapped paragraph or one paragraph per line, as text saved from
    /// a page often is. A line break after a finished sentence and before a
    /// capital (or a quotation mark, a digit) separates paragraphs; one in
    /// mid-sentence wraps. When most breaks in a group wrap, the group is
    /// one wrapped paragraph throughout. Lines that repeat each other (a
    /// caption pasted twice) always stand alone, and so does a "By" line,
    /// unless the writer's title follows it.
    static func splitIntoBlocks(_ lines: [Line], bytes: [UInt8]) -> [[Line]] {
        guard lines.count > 1 else { return [lines] }
        var separates: [Bool] = []
        for index in lines.indices.dropLast() {
            let current = bytes[lines[index].content]
            let next = bytes[lines[index + 1].content]
            // "By Jane Doe" over "Staff writer" is one byline, as in Markdown.
            let byLineOverTitle = BylineBlocks.isByLine(current) && BylineBlocks.isTitleLine(Array(next))
            separates.append(!byLineOverTitle && (current.elementsEqual(next) || (endsSentence(current) && startsParagraph(next))
                || BylineBlocks.isByLine(current) || BylineBlocks.isByLine(next)))
        }
        let wraps = separates.filter { !$0 }.count
        if wraps * 2 > separates.count {
            let repeats = lines.indices.dropFirst().allSatisfy { bytes[lines[$0 - 1].content].elementsEqual(bytes[lines[$0].content]) }
            return repeats ? lines.map { [$0] } : [lines]
        }
        var blocks: [[Line]] = [[lines[0]]]
        for (index, separate) in separates.enumerated() {
            if separate { blocks.append([lines[index + 1]]) } else { blocks[blocks.count - 1].append(lines[index + 1]) }
        }
        return blocks
    }

    /// A line that can open a paragraph: a capital, a digit, a quotation
    /// mark, a bracket or a dash; not a lowercase word continuing a sentence.
    static func startsParagraph(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        if first >= 0x61 && first <= 0x7A { return false }
        if first < 0x80 { return true }
        let scalar = String(decoding: line.prefix(4), as: UTF8.self).unicodeScalars.first
        return !(scalar?.properties.isLowercase ?? false)
    }

    static func endsSentence(_ line: ArraySlice<UInt8>) -> Bool {
        guard let last = line.last else { return false }
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: ")"),
             UInt8(ascii: ":"):
            return true
        case 0x9D, 0x99:
            // ” (E2 80 9D) and ’ (E2 80 99)
            return line.count >= 3 && line[line.endIndex - 3] == 0xE2 && line[line.endIndex - 2] == 0x80
        default:
            return false
        }
    }

    static func trimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        // Pages saved as text keep their no-break spaces (C2 A0) at line ends.
        while lower < upper {
            if bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 } else if lower + 1 < upper && bytes[lower] == 0xC2 && bytes[lower + 1] == 0xA0 { lower += 2 } else { break }
        }
        while upper > lower {
            if bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 } else if upper - 2 >= lower && bytes[upper - 2] == 0xC2 && bytes[upper - 1] == 0xA0 { upper -= 2 } else { break }
        }
        return lower..<upper
    }
}
