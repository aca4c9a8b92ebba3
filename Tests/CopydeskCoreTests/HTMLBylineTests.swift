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

/// Credits a page's layout puts in unusual places, and things that look
/// like credits and are not.
struct HTMLCreditPlacementTests {
    private func bylines(_ html: String) -> [Byline] {
        ArticleParser.parse(SourceText(path: "t.html", string: html), format: .html).bylines
    }

    private static let paragraph = "<p>" + String(repeating: "The ferry service resumed on Monday after a week of storms. ", count: 3) + "</p>"

    private func article(_ header: String, body: String = paragraph + paragraph, articleClass: String = "") -> String {
        "<html><body><article class=\"\(articleClass)\"><h1>Ferries run again</h1>\(header)\(body)</article></body></html>"
    }

    @Test func aSourceFieldInTheHeaderCreditsTheOrganisation() {
        let asField = bylines(article("<dl><dt>Date:</dt><dd>May 2, 2024</dd><dt>Source:</dt><dd>Harbour Research Institute</dd></dl>"))
        #expect(asField.map(\.credited) == [["Harbour Research Institute"]])
        #expect(asField.first?.origin == "source field")
        let asLine = bylines(article("<p>Source: Harbour Research Institute</p>"))
        #expect(asLine.map(\.credited) == [["Harbour Research Institute"]])
    }

    @Test func aSourceLineUnderAChartInTheBodyIsNoCredit() {
        let body = Self.paragraph + "<figure><img src=\"/c/chart.png\" alt=\"\"><figcaption>Source: Port Authority</figcaption></figure>" + Self.paragraph
        #expect(bylines(article("<p>By Mara Quist</p>", body: body)).flatMap(\.names) == ["Mara Quist"])
    }

    @Test func aPostTaggedWithItsAuthorsNameIsNotAByline() {
        let html = article("", body: "<h2>Timetable for the week</h2>" + Self.paragraph, articleClass: "post type-post author-harbourdesk")
        #expect(bylines(html).isEmpty)
    }

    @Test func aLinkToAPersonsPageInsideAParagraphIsAMention() {
        let body = "<p>The minister who opened the terminal, <a href=\"/people/oren-vale\">Oren Vale</a>, said the timetable "
            + "would return to normal by Friday and that the fares would not rise this year.</p>" + Self.paragraph
        #expect(bylines(article("<p>By <a href=\"/author/mara-quist\">Mara Quist</a></p>", body: body)).flatMap(\.names) == ["Mara Quist"])
    }

    @Test func threeNamesSeparatedByCommasAreThreeReporters() {
        #expect(bylines(article("<p class=\"byline\">By Mara Quist, Oren Vale, Tilde Marsh</p>")).flatMap(\.names)
            == ["Mara Quist", "Oren Vale", "Tilde Marsh"])
        #expect(bylines(article("<p class=\"byline\">By Mara Quist, Harbour Times</p>")).flatMap(\.names) == ["Mara Quist"])
    }

    @Test func aNameLineAfterTheFirstParagraphNamesAPicturesSubject() {
        let body = Self.paragraph + "<p>Oren Vale</p>" + Self.paragraph
        #expect(bylines(article("", body: body)).isEmpty)
    }

    @Test func aWireDatelineCreditsTheAgencyWhenThePageShowsNoByline() {
        let body = "<p>PORT AMITY, Fla. (AP) — The ferry service resumed on Monday after a week of storms.</p>" + Self.paragraph
        let credits = bylines(article("", body: body))
        #expect(credits.map(\.kind) == [.wireCredit])
        #expect(credits.first?.wireCredit?.text == "AP")
    }

    @Test func oneBylineMarkedUpTwiceIsOneByline() {
        let html = article("<div class=\"author\"><span class=\"author-name\"><a rel=\"author\" href=\"/author/mq\">Mara Quist</a></span></div>"
            + "<div class=\"byline\">by Mara Quist</div>")
        #expect(bylines(html).count == 1)
    }
}
