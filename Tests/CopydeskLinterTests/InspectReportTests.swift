import CopydeskCore
import Foundation
import Testing
@testable import CopydeskLinter

@Suite struct InspectReportTests {
    private func decoded(_ documents: [Document], paths: [String]) throws -> [InspectDocument] {
        try JSONDecoder().decode([InspectDocument].self, from: Data(renderInspect(documents, paths: paths).utf8))
    }

    @Test func hasTheShapeTheScorersRead() throws {
        let json = renderInspect(ReportFixtures.inspectDocuments, paths: ["a.md", "b.txt"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0].keys.sorted() == ["blocks", "bylines", "captions", "format", "headline", "language", "notices", "path", "quotes"])
        let quote = try #require((array[0]["quotes"] as? [[String: Any]])?.first)
        #expect(quote.keys.sorted() == ["attribution", "range", "text"])
        #expect(quote["attribution"] is NSNull)
        let range = try #require(quote["range"] as? [String: Any])
        #expect((range["start"] as? [String: Int]) == ["line": 4, "column": 17])
        #expect((range["end"] as? [String: Int]) == ["line": 4, "column": 33])
    }

    @Test func pathsComeFromTheArgumentsInOrder() throws {
        let documents = try decoded(ReportFixtures.inspectDocuments, paths: ["first.md", "second.txt"])
        #expect(documents.map(\.path) == ["first.md", "second.txt"])
        #expect(documents.map(\.format) == ["markdown", "text"])
    }

    @Test func headlineSpanCoversItsTextWhileTheBlockKeepsItsMarkup() throws {
        let document = try decoded(ReportFixtures.inspectDocuments, paths: ["a.md", "b.txt"])[0]
        let headline = try #require(document.headline)
        #expect(headline.text == "Café owners rally ☕ in Zürich")
        #expect(headline.range.start == InspectPosition(line: 1, column: 3))
        #expect(document.blocks[0].range.start == InspectPosition(line: 1, column: 1))
        #expect(headline.range.end == document.blocks[0].range.end)
    }

    @Test func captionsNoticesAndAttributionsComeFromTheDocument() throws {
        let document = try decoded(ReportFixtures.inspectDocuments, paths: ["a.md", "b.txt"])[1]
        #expect(document.captions.map(\.text) == ["Photo: The leaders shook hands. (AP)"])
        #expect(document.notices.map(\.text) == ["© 2024 Example News. All rights reserved."])
        #expect(document.bylines.map(\.names) == [["Jane Doe", "Li Wei"]])
        let attribution = try #require(document.quotes.first?.attribution)
        #expect(attribution.speaker?.text == "Ferrand")
        #expect(attribution.speaker?.range.start == InspectPosition(line: 4, column: 28))
        #expect(attribution.cue?.text == "told")
        #expect(document.blocks.map(\.kind) == ["headline", "byline", "caption", "paragraph", "notice"])
    }

    @Test func documentWithoutHeadlineHasNull() throws {
        let source = SourceText(path: "plain.txt", string: "Just text.\n")
        let document = Document(source: source, format: .text)
        let json = renderInspect([document], paths: [])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array[0]["headline"] is NSNull)
        #expect(array[0]["path"] as? String == "plain.txt")
    }
}
