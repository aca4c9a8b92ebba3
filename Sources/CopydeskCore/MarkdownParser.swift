enum MarkdownParser {
    static func parse(_ source: SourceText) -> Document {
        var document = TextParser.parse(source)
        document = Document(source: source, format: .markdown, blocks: document.blocks)
        return document
    }
}
