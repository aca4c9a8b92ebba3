/// Plain-text articles: paragraphs separated by blank lines.
enum TextParser {
    static func parse(_ source: SourceText) -> Document {
        var blocks: [Block] = []
        var line = 1
        while line <= source.lineCount {
            let range = source.lineByteRange(line)
            if isBlank(source.bytes[range]) { line += 1; continue }
            let first = line
            while line <= source.lineCount && !isBlank(source.bytes[source.lineByteRange(line)]) { line += 1 }
            var content = MappedText()
            for index in first..<line {
                let lineRange = source.lineByteRange(index)
                if index > first { content.appendReplacement([0x0A], for: source.lineByteRange(index - 1).upperBound..<lineRange.lowerBound) }
                content.appendVerbatim(lineRange, of: source.bytes)
            }
            let whole = source.lineByteRange(first).lowerBound..<source.lineByteRange(line - 1).upperBound
            blocks.append(Block(kind: .paragraph, range: source.range(whole), content: content))
        }
        return Document(source: source, format: .text, blocks: blocks)
    }

    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
