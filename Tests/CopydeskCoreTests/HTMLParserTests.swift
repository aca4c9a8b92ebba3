import Testing
@testable import CopydeskCore

struct HTMLParserTests {
    private func parse(_ html: String) -> Document {
        ArticleParser.parse(SourceText(path: "t.html", string: html), format: .html)
    }

    /// Kind and text of every block that is not furniture.
    private func content(_ document: Document) -> [String] {
        document.blocks.filter { $0.kind != .chrome }.map { "\($0.kind.rawValue): \($0.text)" }
    }

    /// The 1-based line and column of the first occurrence of `needle`.
    private func position(of needle: String, in html: String) -> (line: Int, column: Int) {
        let source = SourceText(path: "t.html", string: html)
        let offset = html.utf8.count - html[html.range(of: needle)!.lowerBound...].utf8.count
        let position = source.position(at: offset)
        return (position.line, position.column)
    }

    static let article = """
        <!DOCTYPE html>
        <html><head>
        <title>Council passes budget | The Ledger</title>
        <meta property="og:title" content="Council passes budget">
        <script>var x = "<p>not text</p>";</script>
        <style>p { color: red }</style>
        </head>
        <body>
        <nav><ul><li><a href="/">Home</a><li><a href="/news">News</a></ul></nav>
        <article>
        <h1>Council passes budget</h1>
        <p class="byline">By <a rel="author" href="/author/ana-ruiz">Ana Ruiz</a></p>
        <figure><img src="hall.jpg" alt="City hall at dusk"><figcaption>City hall on Tuesday.</figcaption></figure>
        <p>The council voted 5&ndash;2 on Tuesday to pass the city&rsquo;s budget.
        It takes effect in July.</p>
        <p>&ldquo;We kept the libraries open,&rdquo; the mayor said.
        <blockquote><p>Budgets are moral documents.</p></blockquote>
        <aside>Editor&#8217;s note: An earlier version misstated the vote.</aside>
        <noscript><p>Enable JavaScript</p></noscript>
        <template><p>Hidden template</p></template>
        <svg><text>chart label</text></svg>
        </article>
        <div class="related-stories"><h2>Related</h2><p>Another story about the council and its long budget fights.</p></div>
        <footer><p>Copyright 2024 The Ledger. All rights reserved.</p><p><a href="/about">About us</a></p>
        <p>&copy; 2024 Ledger Media</p></footer>
        </body></html>
        """

    @Test func blocksOfAnArticleWithItsFurnitureSetApart() {
        let document = parse(Self.article)
        #expect(document.format == .html)
        #expect(content(document) == [
            "headline: Council passes budget",
            "byline: By Ana Ruiz",
            "image: City hall at dusk",
            "caption: City hall on Tuesday.",
            "paragraph: The council voted 5–2 on Tuesday to pass the city’s budget. It takes effect in July.",
            "paragraph: “We kept the libraries open,” the mayor said.",
            "blockquote: Budgets are moral documents.",
            "notice: Editor’s note: An earlier version misstated the vote.",
            "notice: Copyright 2024 The Ledger. All rights reserved.",
            "notice: © 2024 Ledger Media",
        ])
        let chrome = document.blocks.filter { $0.kind == .chrome }.map(\.text)
        #expect(chrome.contains("Home"))
        #expect(chrome.contains("Another story about the council and its long budget fights."))
        #expect(!document.blocks.contains { $0.text.contains("not text") || $0.text.contains("JavaScript")
            || $0.text.contains("template") || $0.text.contains("chart") })
    }

    @Test func blockRangesCoverTheirElementAndSpansPointIntoTheSource() throws {
        let html = Self.article
        let document = parse(html)
        let headline = try #require(document.headline)
        let h1 = position(of: "<h1>", in: html)
        #expect((headline.range.start.line, headline.range.start.column) == h1)
        let end = position(of: "</h1>", in: html)
        #expect((headline.range.end.line, headline.range.end.column) == (end.line, end.column + 5))
        let image = try #require(document.blocks.first { $0.kind == .image }?.image)
        let alt = position(of: "City hall at dusk", in: html)
        #expect((image.alt?.range.start.line, image.alt?.range.start.column) == (alt.line, alt.column))
        #expect(image.source == "hall.jpg")
    }

    @Test func decodedEntitiesMapBackToTheirReferences() throws {
        let html = "<p>Say &ldquo;hi&rdquo; &amp; go</p>"
        let document = parse(html)
        let block = try #require(document.blocks.first)
        #expect(block.text == "Say “hi” & go")
        // The closing quotation mark is text offset 9..<12 ("Say “hi" is 4 + 3 + 2 bytes).
        let closing = document.range(of: 9..<12, in: 0)
        #expect(closing.start.column == 1 + "<p>Say &ldquo;hi".count)
        #expect(closing.end.column == 1 + "<p>Say &ldquo;hi&rdquo;".count)
        let ampersand = document.range(of: 13..<14, in: 0)
        #expect(ampersand.start.column == 1 + "<p>Say &ldquo;hi&rdquo; ".count)
    }

    @Test func whiteSpaceCollapsesAndLineBreaksStay() {
        let document = parse("<p>  One\n   two\t\tthree <br> four<br><br>Five</p>")
        #expect(content(document) == ["paragraph: One two three\nfour", "paragraph: Five"])
    }

    @Test func optionalEndTagsAndImpliedCloses() {
        let document = parse("<ul><li>One<li>Two</ul><p>First<p>Second<div>Third</div><h2>Sub<h3>Deeper</h3>")
        #expect(content(document) == ["list-item: One", "list-item: Two", "paragraph: First", "paragraph: Second",
                                      "paragraph: Third", "heading: Sub", "heading: Deeper"])
        let table = parse("<table><tr><td>A<td>B<tr><td>C</table>")
        #expect(content(table) == ["paragraph: A", "paragraph: B", "paragraph: C"])
    }

    @Test func strayAndMisnestedEndTagsDoNotLoseText() {
        let document = parse("</div></span><p>One <b>two <i>three</b> four</i></p></p><p>Five</td></p>")
        #expect(content(document) == ["paragraph: One two three four", "paragraph: Five"])
    }

    @Test func aBodyWithoutItsHeadEndTagIsStillRead() {
        let document = parse("<html><head><title>T</title><p>Text without a body tag.</p>")
        #expect(content(document).last == "paragraph: Text without a body tag.")
    }

    @Test func inlineElementsJoinWithoutSpacesAndBlocksSplit() {
        let document = parse("<div>A<span>B</span><em>C</em><div>D</div>E</div>")
        #expect(content(document) == ["paragraph: ABC", "paragraph: D", "paragraph: E"])
    }

    @Test func hiddenAndScreenReaderTextIsNotRead() {
        let document = parse("""
            <p>Visible<span class="sr-only"> opens in a new window</span>.</p>
            <p hidden>Hidden</p><p aria-hidden="true">Also hidden</p><p style="display: none">Gone</p>
            """)
        #expect(content(document) == ["paragraph: Visible."])
    }

    @Test func headlineFromMetadataWhenThePageHasNoH1() throws {
        let html = #"<head><meta property="og:title" content="Storm &amp; surge"></head><body><p>Body text here.</p></body>"#
        let document = parse(html)
        let headline = try #require(document.headline)
        #expect(headline.text == "Storm & surge")
        #expect(headline.range.start.column == position(of: "Storm &amp;", in: html).column)
    }

    @Test func theTitleElementWithoutTheSiteNameIsTheLastResort() throws {
        let html = "<html><head><title>Storm &amp; surge hit the coast | The Harbor Ledger</title></head><body><p>Text.</p></body></html>"
        let headline = try #require(parse(html).headline)
        #expect(headline.text == "Storm & surge hit the coast")
        #expect(headline.range.start.column == position(of: "Storm &amp;", in: html).column)
    }

    @Test func theH1ThatRepeatsThePageTitleIsTheHeadline() {
        let document = parse("""
            <header><h1>The Ledger</h1></header>
            <meta property="og:title" content="Bridge reopens">
            <main><h1>Bridge reopens after repairs</h1><p>The bridge reopened on Monday after two years of work on its deck.</p></main>
            """)
        #expect(document.headline?.text == "Bridge reopens after repairs")
    }

    @Test func copydeskDirectivesInComments() {
        let document = parse("<p>One</p>\n<!-- copydesk-disable-next-line quote-balance -- quoted as printed -->\n<p>\"Two</p>")
        #expect(document.directives.count == 1)
        #expect(document.directives[0].kind == .disableNextLine)
        #expect(document.directives[0].reason == "quoted as printed")
        #expect(document.directives[0].range.start.line == 2)
    }

    @Test func anUnclosedCommentIsADiagnostic() {
        let document = parse("<p>One</p><!-- forgot to close\n<p>Two</p>")
        #expect(content(document) == ["paragraph: One"])
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics[0].message.contains("never closed"))
    }

    @Test func classNamesThatDescribeAStateAreNotFurniture() {
        let document = parse("""
            <article class="story comments-open has-share-tools"><h1>Title of the story</h1>
            <p>A paragraph long enough to count as the body of the article, with more words.</p></article>
            """)
        #expect(content(document) == ["headline: Title of the story",
                                      "paragraph: A paragraph long enough to count as the body of the article, with more words."])
    }

    @Test func theBodySplitAroundAPictureIsOneBody() {
        let first = String(repeating: "Words of the first half of the article body. ", count: 4)
        let second = String(repeating: "Words of the second half of the article body. ", count: 4)
        let document = parse("""
            <h1>Headline</h1><div class="wrap"><div class="part"><p>\(first)</p><p>\(first)</p></div>
            <figure><img alt="x"></figure>
            <div class="part"><p>\(second)</p></div></div>
            <div class="sidebar"><p>\(first)</p></div>
            """)
        let paragraphs = document.blocks.filter { $0.kind == .paragraph }
        #expect(paragraphs.count == 3)
        #expect(document.blocks.filter { $0.kind == .chrome }.count == 1)
    }

    @Test func labelsPictureCreditsAndBlankBlocksInTheBody() {
        let long = String(repeating: "The council met on Tuesday to argue about the budget. ", count: 3)
        let document = parse("""
            <article><h1>Budget</h1><p>\(long)</p><p>Advertisement</p><p>Related:</p>
            <p>Victor Virgile/Getty Images</p><p>&nbsp;</p><p>\(long)</p>
            <p>Jane Doe (left) and the mayor at the opening on Monday.</p></article>
            """)
        #expect(document.blocks.map(\.kind) == [.headline, .paragraph, .chrome, .chrome, .chrome, .paragraph, .caption])
    }

    @Test func inputFormatFollowsTheExtension() {
        #expect(InputFormat.forPath("a/story.html") == .html)
        #expect(InputFormat.forPath("STORY.HTM") == .html)
        #expect(InputFormat.forPath("page.xhtml") == .html)
    }
}
