import CopydeskCore
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules
import Foundation
import Testing

/// The article the project started from, in ../shared beside the
/// repository. It is third-party text, so it is read at test time and never
/// copied; without ../shared (a user's fresh clone) these tests are skipped.
struct SharedArticleTests {
    static let articlePath: String = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/articles/rferl-obama-putin-meeting.txt").path
    }()

    static let bytes: [UInt8]? = FileManager.default.contents(atPath: articlePath).map { Array($0) }

    private func lint(_ bytes: [UInt8]) throws -> [Finding] {
        let policy = try PolicyLoader(schemas: RuleRegistry.schemas).builtin("default")
        let ruleSet = try RuleRegistry.configure(policy)
        return Linter.lint(source: SourceText(path: "rferl.txt", bytes: bytes), format: .text, ruleSet: ruleSet).file.findings
    }

    @Test(.enabled(if: bytes != nil, "../shared is not beside the repository"))
    func everyQuoteIsAttributed() throws {
        let findings = try lint(Self.bytes!)
        #expect(!findings.contains { $0.ruleID == QuoteAttributionRule.description.id })
        #expect(!findings.contains { $0.ruleID == QuoteBalanceRule.description.id })
    }

    @Test(.enabled(if: bytes != nil, "../shared is not beside the repository"))
    func theSentenceBeforeAttributesAQuoteThatStandsAlone() throws {
        var document = ArticleParser.parse(SourceText(path: "rferl.txt", bytes: Self.bytes!), format: .text)
        ArticleInspection.attributeQuotes(&document, policy: nil)
        #expect(document.headline?.range.start.line == 5)
        let invitations = try #require(document.quotes.first { $0.text.contains("turn down invitations") })
        #expect(invitations.attribution?.speaker?.text == "Ushakov")
        #expect(invitations.attribution?.speaker?.range.start.line == invitations.range.start.line)
        let scareQuote = try #require(document.quotes.first { $0.innerText == "desperate" })
        #expect(scareQuote.range.start.line == 20)
    }

    @Test(.enabled(if: bytes != nil, "../shared is not beside the repository"))
    func crlfCopyGivesTheSameLinesAndColumns() throws {
        let text = String(decoding: Self.bytes!, as: UTF8.self)
        let crlf = Array(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let lf = ArticleParser.parse(SourceText(path: "a.txt", bytes: Self.bytes!), format: .text)
        let other = ArticleParser.parse(SourceText(path: "b.txt", bytes: crlf), format: .text)
        #expect(lf.blocks.map { [$0.range.start.line, $0.range.start.column, $0.range.end.line, $0.range.end.column] }
            == other.blocks.map { [$0.range.start.line, $0.range.start.column, $0.range.end.line, $0.range.end.column] })
        #expect(lf.quotes.map { [$0.range.start.line, $0.range.start.column] } == other.quotes.map { [$0.range.start.line, $0.range.start.column] })
    }
}
