import Testing
@testable import CopydeskCore

struct HTMLBylineTests {
    private func parse(_ html: String) -> Document {
        ArticleParser.parse(SourceText(path: "t.html", string: html), format: .html)
    }

    private func names(_ html: String) -> [String] {
        parse(html).bylines.flatMap(\.names)
    }

    private static let body = "<p>" + String(repeating: "The council met on Tuesday and argued about the budget. ", count: 3) + "</p>"

    private func page(head: String = "", header: String) -> String {
        "<html><head>\(head)</head><body><article><h1>Council passes budget</h1>\(header)\(Self.body)\(Self.body)</article></body></html>"
    }

    @Test func byLineWithSeveralAuthors() {
        #expect(names(page(header: "<p>By Jane Doe, John Roe and Ann Poe</p>")) == ["Jane Doe", "John Roe", "Ann Poe"])
        #expect(names(page(header: "<div class=\"byline\">BY JANE DOE &amp; JOHN ROE | Updated Dec. 3</div>"))
            == ["Jane Doe", "John Roe"])
    }

    @Test func relAuthorLinksAndAuthorClasses() {
        #expect(names(page(header: #"<div class="meta">By <a rel="author" href="/x">Jane Doe</a> and <a rel="author" href="/y">John Roe</a></div>"#))
            == ["Jane Doe", "John Roe"])
        #expect(names(page(header: #"<p class="c-byline__author">Jane Doe<time>Dec 21, 2023</time></p>"#)) == ["Jane Doe"])
        #expect(names(page(header: #"<span class="author-name">Jane Doe</span><span class="author-title">Staff Writer</span>"#))
            == ["Jane Doe"])
    }

    @Test func microdataAuthorWithANestedName() {
        let html = page(header: """
            <div itemprop="author" itemscope itemtype="https://schema.org/Person">
            <a itemprop="url" href="/p/jd"><span itemprop="name">Jane Doe</span></a>, Reporter</div>
            """)
        #expect(names(html) == ["Jane Doe"])
    }

    @Test func jsonLDAuthorAsStringObjectArrayAndGraphReference() {
        let objects = #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council passes budget","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Li Wei"}]}</script>"#
        #expect(names(page(head: objects, header: "")) == ["Jane Doe", "Li Wei"])
        let string = #"<script type="application/ld+json">{"@type":"Article","author":"Jane Doe"}</script>"#
        #expect(names(page(head: string, header: "")) == ["Jane Doe"])
        let graph = #"""
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"NewsArticle","author":{"@id":"https://x/#jd"}},
            {"@type":"Person","@id":"https://x/#jd","name":"Jane \u0044oe"}]}</script>
            """#
        #expect(names(page(head: graph, header: "")) == ["Jane Doe"])
    }

    @Test func jsonLDNamesPointIntoTheScript() throws {
        let html = page(head: #"<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Jane Doe"}}</script>"#,
                        header: "")
        let byline = try #require(parse(html).bylines.first)
        let offset = html.utf8.count - html[html.range(of: "Jane Doe\"}")!.lowerBound...].utf8.count
        #expect(byline.range.start.offset == offset)
        #expect(byline.range.end.offset == offset + 8)
    }

    @Test func metaAuthorWhenThePageShowsNoByline() {
        #expect(names(page(head: #"<meta name="author" content="Jane Doe">"#, header: "")) == ["Jane Doe"])
        // A profile URL is no name.
        #expect(names(page(head: #"<meta property="article:author" content="https://facebook.com/janedoe">"#, header: "")).isEmpty)
    }

    @Test func theVisibleBylineWinsOverTheData() {
        let html = page(head: #"<meta name="author" content="Web Desk">"#, header: "<p>By Jane Doe</p>")
        #expect(names(html) == ["Jane Doe"])
        #expect(parse(html).blocks.contains { $0.kind == .byline && $0.text == "By Jane Doe" })
    }

    @Test func theOutletTheBylineMarkupCreditsWhenNoPersonIsNamed() {
        #expect(names(page(header: "<p class=\"byline\">By The Harbor Citizen</p>")) == ["The Harbor Citizen"])
        // Only the page's data names the author, as an organisation: that is the author.
        let data = #"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Harbor Wire"}}</script>"#
        #expect(names(page(head: data, header: "")) == ["Harbor Wire"])
    }

    @Test func creditsThatAreNotTheWritersByline() {
        // A photographer's credit in a caption, an author's card, contributors.
        #expect(names(page(header: "<figure><img alt=\"x\"><figcaption>Photo by Jane Doe</figcaption></figure>")).isEmpty)
        #expect(names(page(header: "<p class=\"byline\">Mr. Doe is the paper's deputy editor.</p>")).isEmpty)
        #expect(names(page(header: #"<div class="byline">By <a rel="author">Jane Doe</a></div><div>Contributions from</div><div class="author"><a rel="author">John Roe</a></div>"#))
            == ["Jane Doe"])
        #expect(names(page(header: "<p>By all accounts the vote was close, and the mayor knew it.</p>")).isEmpty)
    }

    @Test func theOutletBesideTheWriterIsNotASecondWriter() {
        let head = #"<meta property="og:site_name" content="Medical Xpress">"#
        #expect(names(page(head: head, header: "<p class=\"byline\">by Jane Doe, Medical Xpress</p>")) == ["Jane Doe"])
        #expect(names(page(header: "<p class=\"byline\">By Jane Doe, Forbes India Staff</p>")) == ["Jane Doe"])
        #expect(names(page(header: "<p class=\"byline\">By Jane Doe, National Institute of Allergy and Infectious Diseases</p>"))
            == ["Jane Doe"])
    }

    @Test func namesInSeparateElementsAreNotRunTogether() {
        #expect(names(page(header: #"<div class="byline"><a href="/a/jd">Jane Doe</a><span>Published Dec 3, 2023</span></div>"#))
            == ["Jane Doe"])
        #expect(names(page(header: #"<div class="byline"><span>By</span><a href="/author/jd">Jane Doe</a></div>"#)) == ["Jane Doe"])
    }

    @Test func aBylineFarFromTheHeadlineIsNotTheArticles() {
        let html = """
            <html><body><div class="card"><span class="author">Teaser Writer</span><p>Teaser text</p></div>
            <p>one</p><p>two</p><p>three</p><p>four</p>
            <article><h1>Council passes budget</h1>\(Self.body)\(Self.body)</article></body></html>
            """
        #expect(names(html).isEmpty)
    }

    @Test func elementBreaksSeparateAndOtherCreditsEndTheReading() {
        // "Jane Doe" and "Published" are separate elements, met without a space.
        let joined = Array("By Jane DoePublished Dec 3, 2023".utf8)
        let reading = HTMLCreditReader.read(joined, breaks: [11])
        #expect(reading.names.map(\.name) == ["Jane Doe"])
        #expect(reading.names.map(\.range) == [3..<11])
        // The text is cut at "Edited by"; a break recorded after it is not read.
        let edited = Array("By Jane Doe Edited by John Roe".utf8)
        #expect(HTMLCreditReader.read(edited, breaks: [3, 28]).names.map(\.name) == ["Jane Doe"])
    }

    @Test func agenciesAndDesksCreditNobodyAsInEveryFormat() throws {
        let wire = try #require(parse(page(header: "<p class=\"byline\">By The Associated Press</p>")).bylines.first)
        #expect(wire.names.isEmpty)
        #expect(wire.kind == .wireCredit)
        #expect(wire.wireCredit?.text == "The Associated Press")
        let staff = try #require(parse(page(header: "<p class=\"byline\">By Staff</p>")).bylines.first)
        #expect(staff.names.isEmpty)
        #expect(staff.kind == .bylineLine)
    }

    @Test func bylinesPointAtTheirBlockAndEachNameAtItsPlace() throws {
        let html = page(header: "<p class=\"byline\">By Jane Doe and John Roe</p>")
        let document = parse(html)
        let byline = try #require(document.bylines.first)
        let block = try #require(byline.blockIndex)
        #expect(document.blocks[block].kind == .byline)
        #expect(document.blocks[block].text == "By Jane Doe and John Roe")
        let offset = html.utf8.count - html[html.range(of: "John Roe")!.lowerBound...].utf8.count
        #expect(byline.nameSpans.map(\.text) == ["Jane Doe", "John Roe"])
        #expect(byline.nameSpans.last?.range.start.offset == offset)
        #expect(byline.nameSpans.last?.range.end.offset == offset + 8)
    }
}
