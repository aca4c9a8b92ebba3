/// Turns a source file into a `Document`: blocks with their ranges, then the
/// quotes in them.
public enum ArticleParser {
    public static func parse(_ source: SourceText, format: InputFormat) -> Document {
        var document: Document
        switch format {
        case .text:
            document = TextParser.parse(source)
        case .markdown:
            document = MarkdownParser.parse(source)
        case .html:
            document = HTMLParser.parse(source)
        }
        document.language = ArticleLanguage.detect(in: document)
        QuoteScanner.scan(&document)
        return document
    }
}
