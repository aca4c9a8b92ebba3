import Foundation
import Testing
@testable import CopydeskCore

/// The real news pages in ../shared/corpora/naeb beside the repository (205
/// pages from 106 sites, as downloaded): every one parses, with a headline,
/// blocks inside the file and in order. Third-party pages, read at test time
/// and never copied; without ../shared the test is skipped.
struct HTMLCorpusTests {
    static let directory: String = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/corpora/naeb/dev").path
    }()

    static let pages: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { $0.hasSuffix(".html") }.sorted()

    @Test(.enabled(if: !pages.isEmpty, "../shared/corpora/naeb is not beside the repository"))
    func everyRealPageParsesWithAHeadlineAndItsBody() throws {
        var withBody = 0
        for page in Self.pages {
            let bytes = try #require(FileManager.default.contents(atPath: Self.directory + "/" + page))
            let source = try InputDecoder.decode(path: page, bytes: Array(bytes))
            let document = ArticleParser.parse(source, format: .html)
            #expect(document.headline != nil, "\(page): no headline")
            for block in document.blocks {
                #expect(block.range.start.offset <= block.range.end.offset && block.range.end.offset <= bytes.count, "\(page)")
            }
            let prose = document.blocks.filter { $0.kind == .paragraph }.reduce(0) { $0 + $1.content.count }
            if prose >= 300 { withBody += 1 }
        }
        // Nearly every page is an article with at least a few paragraphs read as its body.
        #expect(withBody * 100 >= Self.pages.count * 95)
    }
}
