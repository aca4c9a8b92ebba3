import Testing
@testable import CopydeskCore

/// What of a page is the article: pictures told apart by what they show,
/// captions by their figure, and the parts of a page that repeat the story
/// by design (summaries, pull quotes, taglines, layout copies).
struct HTMLContentTests {
    private func parse(_ html: String) -> Document {
        ArticleParser.parse(SourceText(path: "t.html", string: html), format: .html)
    }

    /// A page with a headline, a byline and enough prose for its body to be found.
    private func page(_ inside: String, after: String = "") -> String {
        """
        <html><body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
        <article><h1>Ferry service resumes after repairs</h1>
        <p class="byline">By Lena Ortiz</p>
        <div class="article-body">
        <p>The harbor ferry carried passengers again on Monday after three months in dry dock for engine work.</p>
        \(inside)
        <p>Crews replaced both engines and rebuilt the passenger deck, the port authority said in a statement.</p>
        <p>Fares stay the same this year, and the first boat still leaves the north pier at a quarter past six.</p>
        </div>\(after)</article></body></html>
        """
    }

    private func blocks(_ document: Document, _ kind: BlockKind) -> [Block] {
        document.blocks.filter { $0.kind == kind }
    }

    @Test func lazyLoadedCopiesOfOnePictureAreOnePicture() {
        let document = parse(page("""
            <figure>
              <img src="data:image/gif;base64,R0lGOD" data-src="https://cdn.example/2024/ferry-pier-1024x683.jpg?w=800" alt="The ferry at the north pier">
              <figcaption class="caption-desktop">The ferry at the north pier on Monday.</figcaption>
              <figcaption class="caption-mobile">The ferry at the north pier on Monday.</figcaption>
            </figure>
            <div class="gallery"><img srcset="https://cdn.example/2024/ferry-pier-400x267.jpg 400w, https://cdn.example/2024/ferry-pier.jpg 1024w" alt="The ferry at the north pier">
            <p class="caption">The ferry at the north pier on Monday.</p></div>
            """))
        let images = blocks(document, .image)
        #expect(images.count == 1)
        #expect(images.first?.image?.picture == "ferry-pier")
        #expect(blocks(document, .caption).map(\.text) == ["The ferry at the north pier on Monday."])
        let copies = document.blocks.filter { $0.why?.hasPrefix("a copy of the") == true }
        #expect(copies.count == 3)
        #expect(copies.allSatisfy { $0.kind == .chrome })
    }

    @Test func decorationIsNoPicture() {
        let document = parse(page("""
            <img src="/assets/icons/share.png" alt="Share this story">
            <img src="/t.gif?id=1" width="1" height="1" alt="tracker">
            <img src="/img/deck.jpg" role="presentation" alt="Deck boards">
            <img src="/img/upload-4471.jpg" alt="IMG_4471.JPG">
            <img src="/img/new-engines.jpg" alt="Mechanics lower a new engine into the hull">
            """))
        #expect(blocks(document, .image).map(\.text) == ["Mechanics lower a new engine into the hull"])
        let whys = document.blocks.filter { $0.kind == .chrome }.compactMap(\.why)
        #expect(whys.contains { $0.contains("icon") })
        #expect(whys.contains { $0.contains("tracking pixel") })
        #expect(whys.contains { $0.contains("role=presentation") })
        #expect(whys.contains { $0.contains("placeholder") })
    }

    @Test func captionsBelongToTheirFigure() {
        let document = parse(page("""
            <figure><img src="/a/rain-chart.png" alt="Rainfall by month"><figcaption>Monthly totals measured at the county weather station.</figcaption></figure>
            <figure><img src="/a/river-chart.png" alt="River level by month"><figcaption>Monthly totals measured at the county weather station.</figcaption></figure>
            """))
        let captions = blocks(document, .caption)
        #expect(captions.count == 2)
        #expect(captions[0].figure != nil && captions[0].figure != captions[1].figure)
        let images = blocks(document, .image)
        #expect(images.map(\.figure) == captions.map(\.figure))
    }

    @Test func summariesAreStandfirsts() {
        let document = parse(page("""
            <div class="key-takeaways"><p>Crews replaced both engines and rebuilt the passenger deck, the port authority said in a statement.</p></div>
            """))
        let standfirst = blocks(document, .standfirst)
        #expect(standfirst.count == 1)
        #expect(standfirst.first?.why?.contains("key-takeaways") == true)
        #expect(blocks(document, .paragraph).filter { $0.text.hasPrefix("Crews replaced") }.count == 1)
    }

    @Test func pullQuotesRepeatTheBodyForDisplay() {
        let document = parse(page("""
            <p>Okafor said riders had waited all winter. “We had commuters asking every week when she would be back,” she said.</p>
            <blockquote>“We had commuters asking every week when she would be back”</blockquote>
            <blockquote>A line nobody printed in the body of the story at all.</blockquote>
            """))
        let pull = document.blocks.first { $0.text.hasPrefix("“We had commuters") }
        #expect(pull?.kind == .chrome)
        #expect(pull?.why?.contains("pull quote") == true)
        #expect(blocks(document, .blockquote).map(\.text) == ["A line nobody printed in the body of the story at all."])
    }

    @Test func boxesThatAskForMoneyOrHideAreFurniture() {
        let document = parse(page("""
            <div id="support-our-journalism"><p>Help keep local news free for everyone by giving as little as one dollar today.</p></div>
            <div class="hidden"><p>Text the page shows to nobody, kept in the markup for a script to reveal later on.</p></div>
            <div class="hidden md:block"><p>Text the page shows on wide screens, beside the story, for every reader there.</p></div>
            """))
        let texts = document.blocks.filter { $0.kind != .chrome }.map(\.text)
        #expect(!texts.contains { $0.hasPrefix("Help keep") })
        #expect(!texts.contains { $0.hasPrefix("Text the page shows to nobody") })
        #expect(texts.contains { $0.hasPrefix("Text the page shows on wide screens") })
    }

    @Test func markupPrintedAsTextIsFurniture() {
        let document = parse(page("""
            <p>Embed <code>&lt;iframe src="https://player.example/embed/12" width="100%" title="Audio player"&gt;</code></p>
            <p>[caption id="attachment_12" align="alignnone"] The pier at dawn [/caption]</p>
            """))
        let markup = document.blocks.filter { $0.why?.hasPrefix("markup printed as text") == true }
        #expect(markup.count == 2)
    }

    @Test func theAuthorsTaglineIsAboutTheAuthor() {
        let document = parse(page("", after: "<p><em>Lena Ortiz is a transport reporter who has covered the harbor since 2019.</em></p>"))
        let tagline = document.blocks.first { $0.text.hasPrefix("Lena Ortiz is") }
        #expect(tagline?.kind == .authorCard)
    }

    @Test func inspectSaysWhyABlockIsFurniture() {
        let document = parse(page("", after: "<aside class=\"related-stories\"><a href=\"/x\">More ferry news</a></aside>"))
        #expect(document.blocks.first?.why == "page furniture: inside <nav>")
        let related = document.blocks.first { $0.text == "More ferry news" }
        #expect(related?.kind == .chrome)
        #expect(related?.why?.contains("related-stories") == true)
    }
}

struct PictureIdentityTests {
    @Test func sizesQueriesAndFoldersDoNotChangeThePicture() {
        #expect(PictureIdentity.key(address: "https://cdn.example/uploads/2024/03/harbor-ferry-1024x683.jpg?resize=800") == "harbor-ferry")
        #expect(PictureIdentity.key(address: "/uploads/harbor-ferry-scaled.jpeg") == "harbor-ferry")
        #expect(PictureIdentity.key(address: "harbor-ferry@2x.webp 2x") == "harbor-ferry")
        #expect(PictureIdentity.key(address: "https://img.example/w_800,h_600/harbor-ferry.png") == "harbor-ferry")
    }

    @Test func shortNamesKeepTheirFolder() {
        #expect(PictureIdentity.key(address: "/gallery/ferry/1.jpg") == "ferry/1")
        #expect(PictureIdentity.key(address: "/gallery/pier/1.jpg") == "pier/1")
    }

    @Test func placeholdersNameNoPicture() {
        #expect(PictureIdentity.key(address: "data:image/gif;base64,R0lGODlh") == nil)
        #expect(PictureIdentity.key(address: "/assets/blank.gif") == nil)
        #expect(PictureIdentity.key(addresses: ["/assets/spacer.gif", "/photos/pier.jpg"]) == "photos/pier")
        #expect(PictureIdentity.isPlaceholderText("image"))
        #expect(PictureIdentity.isPlaceholderText("DSC_0042"))
        #expect(PictureIdentity.isPlaceholderText("ferry-final-v2.jpg"))
        #expect(!PictureIdentity.isPlaceholderText("The ferry leaves the pier"))
    }
}

struct NewsQuoteMarkTests {
    private func unbalanced(_ text: String) -> [String] {
        var document = ArticleParser.parse(SourceText(path: "t.md", string: "# Title\n\n" + text + "\n"), format: .markdown)
        QuoteScanner.scan(&document)
        return document.unbalancedQuoteMarks.map { String($0.mark) }
    }

    @Test func doubledCurlySinglesAreADoubleMark() {
        #expect(unbalanced("‘‘We will rebuild,’’ the mayor said.").isEmpty)
        #expect(unbalanced("“We will rebuild,’’ the mayor said.").isEmpty)
    }

    @Test func guillemetArrowsAreNoQuotationMarks() {
        #expect(unbalanced("More from the harbor »").isEmpty)
        #expect(unbalanced("« Previous story").isEmpty)
        #expect(unbalanced("Il a dit « nous reviendrons » hier.").isEmpty)
    }

    @Test func aMarkCurledTheWrongWayIsReadByItsPlace() {
        #expect(unbalanced("“It was slow, “ said the captain.").isEmpty)
        #expect(unbalanced("They call it the ‘open plan‘ office.").isEmpty)
    }

    @Test func aQuotationClosedInTheNextParagraphWithoutReopening() {
        #expect(unbalanced("“We waited all winter for her.\n\nNow she is back, and so are we,” Okafor said.").isEmpty)
        #expect(unbalanced("“We waited all winter for her.\n\nNobody said when she would return.") == ["“"])
    }
}
