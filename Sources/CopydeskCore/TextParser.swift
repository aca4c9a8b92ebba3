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
        return Document(source: source, format: .text, blocks: blocks, directives: directives)
    }

    /// A group of lines is one paragraph (hard-wrapped, or a pull quote
    /// with its attribution on the next line) unless its lines repeat each
    /// other, as a caption pasted twice does, or every line is a long
    /// finished sentence, as in text written one paragraph per line.
    static func splitIntoBlocks(_ lines: [Line], bytes: [UInt8]) -> [[Line]] {
        guard lines.count > 1 else { return [lines] }
        let repeats = lines.indices.dropFirst().allSatisfy { bytes[lines[$0 - 1].content].elementsEqual(bytes[lines[$0].content]) }
        let paragraphPerLine = lines.allSatisfy { $0.content.count >= 100 && endsSentence(bytes[$0.content]) }
        return repeats || paragraphPerLine ? lines.map { [$0] } : [lines]
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
        while lower < upper && (bytes[lower] == 0x20 || bytes[lower] == 0x09) { lower += 1 }
        while upper > lower && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09) { upper -= 1 }
        return lower..<upper
    }
}
