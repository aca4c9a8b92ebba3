import Testing
@testable import CopydeskCore

struct MarkdownParserTests {
    private func parse(_ text: String) -> Document {
        ArticleParser.parse(SourceText(path: "t.md", string: text), format: .markdown)
    }

    private func kinds(_ document: Document) -> [BlockKind] { document.blocks.map(\.kind) }

    @Test func frontMatterHeadingsAndParagraphs() {
        let document = parse("""
            ---
            title: "Budget passes"
            author: [Ana Ruiz, Tom Lee]
            ---
            # Council passes budget

            The council *voted* 5-2 on **Tuesday**.
            A second line.

            Subhead
            -------
            """)
        #expect(document.frontMatter?["title"]?.scalarText == "Budget passes")
        #expect(document.frontMatter?["author"]?.strings.map(\.text) == ["Ana Ruiz", "Tom Lee"])
        #expect(document.frontMatter?["author"]?.strings[1].range.start.line == 3)
        #expect(document.frontMatter?["author"]?.strings[1].range.start.column == 20)
        #expect(document.headline?.text == "Council passes budget")
        #expect(document.headline?.range.start.line == 5)
        let paragraph = document.blocks.first { $0.kind == .paragraph }!
        #expect(paragraph.text == "The council voted 5-2 on Tuesday.\nA second line.")
        #expect(document.blocks.last?.kind == .heading)
        #expect(document.blocks.last?.level == 2)
    }

    @Test func frontMatterTitleIsTheHeadlineWithoutAnH1() {
        let document = parse("---\ntitle: Storm warning\n---\n\nBody.\n")
        #expect(document.headline?.text == "Storm warning")
        #expect(document.headline?.range.start.line == 2)
        #expect(document.headline?.range.start.column == 8)
    }

    @Test func imagesCaptionsAndFigures() {
        let document = parse("""
            ![Flooded street](flood.jpg "Main Street")
            *Water covers Main Street on Monday.*

            <figure><img src="a.jpg" alt="A &amp; B"><figcaption>The A&amp;B plant.</figcaption></figure>
            """)
        #expect(kinds(document) == [.image, .caption, .image, .caption])
        #expect(document.blocks[0].image?.alt?.text == "Flooded street")
        #expect(document.blocks[0].image?.title?.text == "Main Street")
        #expect(document.blocks[0].image?.title?.range.start.column == 30)
        #expect(document.blocks[1].text == "Water covers Main Street on Monday.")
        #expect(document.blocks[2].image?.alt?.text == "A & B")
        #expect(document.blocks[3].text == "The A&B plant.")
        #expect(document.blocks[3].range.start.column == 54)
    }

    @Test func codeIsNeverRead() {
        let document = parse("Before.\n\n```\n\"open\n```\n\n    \"indented\n\nAfter.\n")
        #expect(document.blocks.map(\.text) == ["Before.", "After."])
    }

    @Test func blockquotesListsAndComments() {
        let document = parse("""
            > “We are ready,” the chief said.
            > — Chief Ana Ruiz

            - First item
              continues
            - Second item

            <!-- a note for editors -->
            <!-- copydesk-disable quote-balance -- verified with the speaker -->
            Text.
            """)
        #expect(kinds(document) == [.blockquote, .listItem, .listItem, .paragraph])
        #expect(document.blocks[0].text == "“We are ready,” the chief said.\n— Chief Ana Ruiz")
        #expect(document.blocks[1].text == "First item\ncontinues")
        #expect(document.directives.count == 1)
        #expect(document.directives[0].ruleIDs == ["quote-balance"])
        #expect(document.directives[0].reason == "verified with the speaker")
        #expect(document.directives[0].range.start.line == 9)
    }

    @Test func frontMatterDisableBecomesFileDirectives() {
        let document = parse("---\ncopydesk:\n  disable:\n    quote-balance: poem with open quotes\n---\nText.\n")
        #expect(document.directives.map(\.kind) == [.disableFile])
        #expect(document.directives[0].reason == "poem with open quotes")
        #expect(document.directives[0].range.start.line == 4)
    }

    @Test func invalidFrontMatterIsADiagnosticNotAFailure() {
        let document = parse("---\ntitle: [unclosed\n---\nText.\n")
        #expect(document.diagnostics.count == 1)
        #expect(document.blocks.last?.text == "Text.")
    }

    @Test func entitiesAndEscapesAreDecodedWithSourcePositions() {
        let document = parse("AT&amp;T \\*not emphasis\\* &#8220;hi&#8221;")
        #expect(document.blocks[0].text == "AT&T *not emphasis* “hi”")
        #expect(document.quotes.first?.range.start.column == 27)
        #expect(document.quotes.first?.range.end.column == 43)
    }
}

struct TextParserTests {
    private func parse(_ text: String) -> Document {
        ArticleParser.parse(SourceText(path: "t.txt", string: text), format: .text)
    }

    @Test func pageChromeHeadlineAndRepeatedCaption() {
        let document = parse("""
            Skip to main content

            Breaking News

            Storm Floods Main Street

            Water covers Main Street (left) on Monday.
            Water covers Main Street (left) on Monday.

            By all accounts the storm was the worst in years.

            Ana Ruiz

            Ana Ruiz is a reporter covering the city.
            """)
        #expect(document.blocks.map(\.kind) == [.chrome, .chrome, .headline, .caption, .caption, .paragraph, .authorCard, .authorCard])
        #expect(document.headline?.range.start.line == 5)
        #expect(document.captions.map { $0.range.start.line } == [7, 8])
    }

    @Test func hardWrappedLinesFormOneParagraph() {
        let document = parse("Title\n\nThe storm came in\nfrom the west.\n")
        #expect(document.blocks.count == 2)
        #expect(document.blocks[1].text == "The storm came in\nfrom the west.")
    }

    @Test func notices() {
        let document = parse("Title\n\nBody.\n\nEditor's note: This story was updated.\n")
        #expect(document.blocks.last?.kind == .notice)
    }

    @Test func singleQuotedLinesAreSectionHeadsInCopyQuotingWithDoubleMarks() {
        let american = parse("Title\n\n“We don't have silver bullets,” he said.\n\n'Pretty cool working there.'\n\nThe shift ended at four.\n")
        #expect(american.blocks.map(\.kind) == [.headline, .paragraph, .heading, .paragraph])
        let british = parse("Title\n\n‘We don't have silver bullets,’ he said.\n\n‘Pretty cool working there.’\n\nThe shift ended at four.\n")
        #expect(british.blocks.map(\.kind) == [.headline, .paragraph, .paragraph, .paragraph])
    }
}
