import Testing
@testable import CopydeskCore

/// Hard punctuation for the quote scanner: nested quotes, apostrophes at
/// word ends, primes, quotes across paragraphs.
struct QuoteScannerTests {
    private func scan(_ text: String, format: InputFormat = .markdown) -> Document {
        ArticleParser.parse(SourceText(path: "t.md", string: text), format: format)
    }

    private func quoteTexts(_ text: String) -> [String] {
        scan(text).quotes.filter { $0.depth == 0 }.map(\.text)
    }

    private func problems(_ text: String) -> [String] {
        scan(text).unbalancedQuoteMarks.map { "\($0.problem.rawValue)@\($0.range.start.line):\($0.range.start.column)" }
    }

    @Test func pairsCurlyAndStraightDoubleQuotes() {
        #expect(quoteTexts("He said “yes” and \"no\".") == ["“yes”", "\"no\""])
    }

    @Test func quoteSplitByItsAttributionIsTwoQuotes() {
        #expect(quoteTexts("“It is,” she said, “too late.”") == ["“It is,”", "“too late.”"])
    }

    @Test func singleQuotesNestInsideDoubleQuotes() {
        let document = scan("“He told me ‘never again,’ and left,” she said.")
        #expect(document.quotes.map(\.depth).sorted() == [0, 1])
        #expect(document.unbalancedQuoteMarks.isEmpty)
    }

    @Test(arguments: [
        "Don’t touch the students’ books from the ’90s.",
        "It's the Joneses' house, rock 'n' roll since '68.",
        "O’Brien said ’em and ’til were fine.",
        "The 6'2\" forward and the 5′11″ guard.",
        "A 12\" record and a 7\" single.",
    ])
    func apostrophesAndPrimesAreNotQuotes(text: String) {
        let document = scan(text)
        #expect(document.quotes.isEmpty, "\(document.quotes.map(\.text))")
        #expect(document.unbalancedQuoteMarks.isEmpty)
    }

    @Test func closingMarkAfterPossessiveClosesAnOpenSingleQuote() {
        let document = scan("“She called them ‘the students’ and laughed,” he said.")
        #expect(document.quotes.contains { $0.depth == 1 && $0.text == "‘the students’" })
        #expect(document.unbalancedQuoteMarks.isEmpty)
    }

    @Test func quoteRunningOnIntoTheNextParagraphIsLinked() {
        let document = scan("“The river rose overnight.\n\n“By morning the levee held,” he said.\n")
        #expect(document.unbalancedQuoteMarks.isEmpty)
        #expect(document.quotes.count == 2)
        #expect(document.quotes[0].continuesNext)
        #expect(document.quotes[1].continuesPrevious)
    }

    @Test func quoteLeftOpenWithoutReopeningIsUnbalanced() {
        #expect(problems("“The river rose overnight.\n\nThe council met.\n") == ["neverClosed@1:1"])
    }

    @Test func closingMarkWithoutOpeningIsUnbalanced() {
        #expect(problems("The river rose overnight.” The council met.") == ["neverOpened@1:26"])
    }

    @Test func straightQuotesTakeTheirDirectionFromTheirNeighbours() {
        #expect(problems("\"Hello, he said. \"Bye.\"") == ["neverClosed@1:1"])
        #expect(quoteTexts("\"Stop,\" he said.") == ["\"Stop,\""])
        #expect(quoteTexts("The word \"the\"-prefix and (\"quoted\")") == ["\"the\"", "\"quoted\""])
    }

    @Test func bracketedInsertionsAndEllipsesStayInside() {
        #expect(quoteTexts("“We will address [Ukraine] … soon,” he said.") == ["“We will address [Ukraine] … soon,”"])
    }

    @Test func quoteRangesCoverTheMarksWithExactColumns() {
        let document = scan("Émile said “ça va” today.")
        let quote = document.quotes[0]
        #expect(quote.range.start.column == 12)
        #expect(quote.range.end.column == 19)
        #expect(quote.innerText == "ça va")
    }

    @Test func inlineCodeIsNotScanned() {
        #expect(problems("Type `\"` for inches.").isEmpty)
    }

    @Test func quotesInsideEmphasisAndLinksKeepSourcePositions() {
        let document = scan("She said *“[go](https://example.com) home”* twice.")
        let quote = document.quotes[0]
        #expect(quote.text == "“go home”")
        #expect(quote.range.start.column == 11)
        #expect(quote.range.end.column == 43)
    }
}

struct QuoteAcrossLinesTests {
    @Test func aQuotationMayCloseOnTheNextLineOfOneParagraphPerLineText() {
        let text = "Title\n\nHe arrived at noon.\n\"The reality is, we will lose Iowa.\nS.C. Rep. Jim Clyburn.\"\n"
        let document = ArticleParser.parse(SourceText(path: "t.txt", string: text), format: .text)
        #expect(document.blocks.count == 4)
        #expect(document.unbalancedQuoteMarks.isEmpty)
        #expect(document.quotes.map(\.continuesNext) == [true, false])
        #expect(document.quotes.map(\.continuesPrevious) == [false, true])
    }

    @Test func oneParagraphPerLineTextSplitsAtFinishedSentences() {
        let text = "Title\n\nThe council met.\n“We are done,” she said.\nIt was late, and\nthe hall was empty.\n"
        let document = ArticleParser.parse(SourceText(path: "t.txt", string: text), format: .text)
        #expect(document.blocks.map(\.text) == ["Title", "The council met.", "“We are done,” she said.", "It was late, and\nthe hall was empty."])
    }
}

/// Copy that quotes inside a quotation with the same marks, and closes
/// nested quotations that end together with one mark.
struct SameStyleNestingTests {
    private func problems(_ text: String) -> [String] {
        ArticleParser.parse(SourceText(path: "t.md", string: text), format: .markdown)
            .unbalancedQuoteMarks.map { "\($0.problem.rawValue)@\($0.range.start.column)" }
    }

    @Test(arguments: [
        "“We named the ferry “Pelican” after the bay,” the owner said.\n",
        "\"The brochure called it \"rustic\" and we laughed,\" he said.\n",
        "“For us “Harbour Lights” was the first song.\n\n“It still is,” she said.\n",
        "“People kept telling me, “You cannot build it here.”\n",
        "«Газета «Вечерний город» вышла в понедельник.\n",
    ])
    func nestedQuotationsOfTheSameStyleBalance(text: String) {
        #expect(problems(text).isEmpty)
    }

    @Test func aNewSentenceInQuotationMarksMeansThePreviousOneNeverClosed() {
        #expect(problems("“The hall is closed. “We reopen in May,” the manager said.\n") == ["neverClosed@1"])
    }

    @Test func anInnerQuotationClosingMidParagraphDoesNotCloseTheOuterOne() {
        #expect(problems("“For us “Harbour Lights” was the first song.\n\nThe band left at noon.\n") == ["neverClosed@1"])
    }

    @Test func aContractionWithAStraySpaceIsNotAQuotation() {
        #expect(problems("The council isn ‘t ready, and it ‘s late.\n").isEmpty)
    }
}

struct TypewriterQuoteTests {
    @Test func twoStraightSingleMarksAreADoubleMark() {
        let document = ArticleParser.parse(SourceText(path: "t.md", string: "''Pretty cool working there,'' she said, and it's ''fine.''"), format: .markdown)
        #expect(document.quotes.map(\.text) == ["''Pretty cool working there,''", "''fine.''"])
        #expect(document.unbalancedQuoteMarks.isEmpty)
    }
}
