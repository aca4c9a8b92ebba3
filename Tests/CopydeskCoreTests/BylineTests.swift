import Testing
@testable import CopydeskCore

struct BylineTextTests {
    struct NamesCase: CustomTestStringConvertible, Sendable {
        var text: String
        var names: [String]
        var testDescription: String { text }
    }

    static let nameCases: [NamesCase] = [
        NamesCase(text: "By Jane Doe", names: ["Jane Doe"]),
        NamesCase(text: "By Jane Doe and John Roe", names: ["Jane Doe", "John Roe"]),
        NamesCase(text: "By Jane Doe, John Roe and Ann Poe", names: ["Jane Doe", "John Roe", "Ann Poe"]),
        NamesCase(text: "By Jane Doe & John Roe", names: ["Jane Doe", "John Roe"]),
        NamesCase(text: "By JANE DOE, Associated Press", names: ["Jane Doe"]),
        NamesCase(text: "BY MARY-JANE O'NEIL AND JUAN DE LA CRUZ", names: ["Mary-Jane O'Neil", "Juan de la Cruz"]),
        NamesCase(text: "By Jane Doe, Staff Writer", names: ["Jane Doe"]),
        NamesCase(text: "By Jane Doe Senior Political Correspondent", names: ["Jane Doe"]),
        NamesCase(text: "Jane Doe | Reuters", names: ["Jane Doe"]),
        NamesCase(text: "By Jane Doe in Kyiv and John Roe in Moscow", names: ["Jane Doe", "John Roe"]),
        NamesCase(text: "By Jane Doe for The Harbor Ledger", names: ["Jane Doe"]),
        NamesCase(text: "By Juan de la Cruz", names: ["Juan de la Cruz"]),
        NamesCase(text: "By Ralph D. Russo and Bob Ferrante", names: ["Ralph D. Russo", "Bob Ferrante"]),
        NamesCase(text: "By RALPH D. RUSSO", names: ["Ralph D. Russo"]),
        NamesCase(text: "Robert E. Moffit, Ph.D.", names: ["Robert E. Moffit"]),
        NamesCase(text: "By Martin Luther King, Jr.", names: ["Martin Luther King Jr."]),
        NamesCase(text: "George T. Conway III", names: ["George T. Conway III"]),
        NamesCase(text: "By Zoë Ångström-Nuñez", names: ["Zoë Ångström-Nuñez"]),
        NamesCase(text: "By Jane Doe Updated June 3, 2024 10:45 a.m. EDT", names: ["Jane Doe"]),
        NamesCase(text: "Written by Jane Doe", names: ["Jane Doe"]),
        NamesCase(text: "By Jane Doe (AP)", names: ["Jane Doe"]),
        NamesCase(text: "By Staff", names: []),
        NamesCase(text: "The Associated Press", names: []),
        NamesCase(text: "By Web Desk", names: []),
        // Shapes of byline markup on news sites, for the HTML reader.
        NamesCase(text: "By Tom Albers, Riverton Daily", names: ["Tom Albers"]),
        NamesCase(text: "By Clara Nguyen For Harbor Ledger Online", names: ["Clara Nguyen"]),
        NamesCase(text: "Clara Nguyen Breaking News Intern", names: ["Clara Nguyen"]),
        NamesCase(text: "Tom Albers USA TODAY NETWORK", names: ["Tom Albers"]),
        NamesCase(text: "By Clara Nguyen Clara Nguyen", names: ["Clara Nguyen"]),
        NamesCase(text: "Clara Nguyen, Tom Albers", names: ["Clara Nguyen", "Tom Albers"]),
        NamesCase(text: "By Clara Nguyen, Harbor Institute of Marine Science and Coastal Studies", names: ["Clara Nguyen"]),
        NamesCase(text: "Review by Tom Albers Contributor", names: ["Tom Albers"]),
        NamesCase(text: "Clara Nguyen - Dec 21, 2023 1:00 pm UTC", names: ["Clara Nguyen"]),
        NamesCase(text: "By Clara Nguyen | December 13, 2023", names: ["Clara Nguyen"]),
        NamesCase(text: "By Associated Press 3 minute read", names: []),
        NamesCase(text: "Clara Nguyen @clarawrites", names: ["Clara Nguyen"]),
        NamesCase(text: "By Van Sias", names: ["Van Sias"]),
        NamesCase(text: "Clara Nguyen | Harbor Advance Media For Harbor.com", names: ["Clara Nguyen"]),
        NamesCase(text: "Harbor Editorial Guidelines", names: []),
        NamesCase(text: "‘YOU’RE DONE’", names: []),
        NamesCase(text: "By Juan de la Cruz and Van Sias", names: ["Juan de la Cruz", "Van Sias"]),
    ]

    @Test func textThatIsNotUTF8IsReadUpToItsFirstInvalidByte() {
        let bytes = Array("By Jane Doe and ".utf8) + [0xFF, 0xFE] + Array("John Roe".utf8)
        #expect(BylineText.read(bytes).names.map(\.text) == ["Jane Doe"])
    }

    @Test(arguments: nameCases)
    func namesInBylines(_ testCase: NamesCase) {
        #expect(BylineText.names(in: testCase.text) == testCase.names)
    }

    @Test(arguments: ["By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, John Roe and Ann Poe",
                      "By JANE DOE, Associated Press", "By Jane Doe, Staff Writer", "By Staff", "By Web Desk",
                      "By The Associated Press", "BY JANE DOE", "By: Jane Doe"])
    func byLines(_ text: String) {
        #expect(BylineText.read(text).isByLine)
    }

    @Test(arguments: ["By all accounts, the conversation will be serious.", "By Tuesday, the council had voted.",
                      "By contrast", "By contrast, the county spent less.", "By Tuesday", "By the end of the day",
                      "By 2030 the city will need 4,000 more homes.", "By Christmas Eve the shops were empty.",
                      "By then, Jane Doe had left.", "By far the biggest storm."])
    func sentencesThatStartWithByAreNotBylines(_ text: String) {
        let reading = BylineText.read(text)
        #expect(!reading.isByLine)
        #expect(!reading.isCreditLine)
    }

    @Test func creditLinesWithoutBy() {
        #expect(BylineText.read("Jane Doe | Reuters").isCreditLine)
        #expect(BylineText.read("JANE DOE, Associated Press").isCreditLine)
        #expect(BylineText.read("Jane Doe, Staff Writer").isCreditLine)
        #expect(BylineText.read("The Associated Press").isCreditLine)
        #expect(BylineText.read("Reuters").isCreditLine)
        #expect(BylineText.read("AFP").isCreditLine)
        // A bare name, a photo credit and a dateline are not bylines.
        #expect(!BylineText.read("Mike Eckel").isCreditLine)
        #expect(!BylineText.read("Jane Doe/Reuters").isCreditLine)
        #expect(!BylineText.read("HARRISBURG, PA").isCreditLine)
        #expect(!BylineText.read("Photo: Jane Doe | Reuters").isCreditLine)
    }

    @Test func wireCreditsAndRangesAreReported() {
        let reading = BylineText.read("By JANE DOE, Associated Press")
        #expect(reading.wireCredits.map(\.text) == ["Associated Press"])
        #expect(reading.names.map(\.range) == [3..<11])
        let accented = BylineText.read("By Zoë Doe")
        #expect(accented.names.map(\.range) == [3..<11])
    }
}

struct BylineDetectionTests {
    private func text(_ source: String) -> Document {
        ArticleParser.parse(SourceText(path: "t.txt", string: source), format: .text)
    }

    private func markdown(_ source: String) -> Document {
        ArticleParser.parse(SourceText(path: "t.md", string: source), format: .markdown)
    }

    @Test func bylineLineUnderTheHeadlineInPlainText() throws {
        let document = text("Storm nears the coast\n\nWater covers Main Street (left) on Monday.\n\nBy Clara Nguyen and Tom Albers\n\nThe storm strengthened overnight.\n")
        #expect(document.blocks.map(\.kind) == [.headline, .caption, .byline, .paragraph])
        let byline = try #require(document.bylines.first)
        #expect(document.bylines.count == 1)
        #expect(byline.kind == .bylineLine)
        #expect(byline.names == ["Clara Nguyen", "Tom Albers"])
        #expect(byline.nameSpans.map { "\($0.range.start.line):\($0.range.start.column)" } == ["5:4", "5:21"])
        #expect(byline.range.start.line == 5)
        #expect(byline.blockIndex == 2)
    }

    @Test func aBylineBeforeTheCaptionDoesNotHideTheCaption() {
        let document = text("Storm nears the coast\n\nBy Clara Nguyen\n\nWater covers Main Street (left) on Monday.\n\nThe storm strengthened overnight.\n")
        #expect(document.blocks.map(\.kind) == [.headline, .byline, .caption, .paragraph])
    }

    @Test func aByLineRightUnderTheHeadlineStandsApart() {
        let document = text("Storm nears the coast\nBy Clara Nguyen\nThe storm strengthened overnight.\n")
        #expect(document.blocks.map(\.kind) == [.headline, .byline, .paragraph])
        #expect(document.bylines.map(\.names) == [["Clara Nguyen"]])
    }

    @Test func byAllAccountsIsProse() {
        let document = text("Leaders meet\n\nBy all accounts, the conversation will be serious.\n\nBy Tuesday, the talks had ended.\n")
        #expect(document.bylines.isEmpty)
        #expect(!document.blocks.contains { $0.kind == .byline })
    }

    @Test func wireCreditLinesNearTheTop() {
        let document = text("Storm nears the coast\n\nThe Associated Press\n\nThe storm strengthened overnight.\n")
        #expect(document.bylines.map(\.kind) == [.wireCredit])
        #expect(document.bylines.first?.wireCredit?.text == "The Associated Press")
        let pipe = text("Storm nears the coast\n\nJane Doe | Reuters\n\nThe storm strengthened overnight.\n")
        #expect(pipe.bylines.map(\.kind) == [.bylineLine])
        #expect(pipe.bylines.first?.wireCredit?.text == "Reuters")
    }

    @Test func datelineCredit() throws {
        let document = text("Storm nears the coast\n\nPORT AMITY, Fla. (AP) — The storm strengthened overnight.\n")
        let byline = try #require(document.bylines.first)
        #expect(byline.kind == .wireCredit)
        #expect(byline.text == "AP")
        #expect(byline.range.start.column == 19)
    }

    @Test func authorCardWithNameLine() throws {
        let document = text("Leaders meet\n\nThe talks ended.\n\nMike Eckel\n\nMike Eckel is a senior correspondent in Moscow.\n\nRFE/RL has been declared an undesirable organization.\n")
        let byline = try #require(document.bylines.first)
        #expect(byline.kind == .authorCard)
        #expect(byline.names == ["Mike Eckel"])
        #expect(byline.range.start.line == 5)
        #expect(byline.range.end.line == 7)
        #expect(document.bylines.count == 1)
    }

    @Test func authorDescriptionAloneAtTheEnd() {
        let document = text("Storm nears\n\nThe storm strengthened.\n\nClara Nguyen covers weather for The Harbor Ledger.\n")
        #expect(document.blocks.last?.kind == .authorCard)
        #expect(document.bylines.map(\.names) == [["Clara Nguyen"]])
        let prose = text("Storm nears\n\nThe storm strengthened.\n\nTom Albers is a county official who lives in Lowell.\n")
        #expect(prose.bylines.isEmpty)
    }

    @Test func markdownByParagraphAndFrontMatter() {
        let document = markdown("""
            ---
            title: Storm nears
            authors: [Jane Doe, John Roe and Ann Poe]
            ---
            # Storm nears

            *By Clara Nguyen*

            The storm strengthened overnight.
            """)
        #expect(document.bylines.map(\.kind) == [.frontMatter, .bylineLine])
        #expect(document.bylines[0].names == ["Jane Doe", "John Roe", "Ann Poe"])
        #expect(document.bylines[0].nameSpans.map { "\($0.range.start.line):\($0.range.start.column)" } == ["3:11", "3:21", "3:34"])
        #expect(document.bylines[1].names == ["Clara Nguyen"])
        #expect(document.bylines[1].nameSpans.first?.range.start.column == 5)
        #expect(document.blocks.contains { $0.kind == .byline })
    }

    @Test func frontMatterAuthorInAnyShape() {
        let single = markdown("---\nauthor: jdoe\n---\nText.\n")
        #expect(single.bylines.map(\.names) == [["jdoe"]])
        let mapping = markdown("---\nauthor:\n  name: Ana Peña\n  email: ana@example.com\n---\nText.\n")
        #expect(mapping.bylines.map(\.names) == [["Ana Peña"]])
        let desk = markdown("---\nbyline: Web Desk\n---\nText.\n")
        #expect(desk.bylines.map(\.names) == [[]])
    }

    @Test func theKindOfACreditFollowsFromItsOriginInWords() {
        let range = SourceText(path: "a.html", string: "x").range(0..<1)
        let kinds = ["json-ld", "microdata", "meta author", "byline class", "author-card", "front-matter"].map {
            Byline(text: "Jane Doe", names: ["Jane Doe"], range: range, origin: $0).kind
        }
        #expect(kinds == [.metadata, .metadata, .metadata, .bylineLine, .authorCard, .frontMatter])
    }

    @Test func aByLineFarDownIsStillABylineButAnAgencyLineIsNot() {
        let paragraphs = (1...6).map { "Paragraph \($0) of the story." }.joined(separator: "\n\n")
        let document = text("Storm nears\n\n\(paragraphs)\n\nBy Clara Nguyen\n\nReuters\n\nThe end.\n")
        #expect(document.bylines.map(\.names) == [["Clara Nguyen"]])
    }
}

struct BylineCreditedTests {
    private func credit(_ text: String, names: [String]) -> Byline {
        let source = SourceText(path: "t", string: text)
        return Byline(text: text, names: names, range: source.range(0..<source.bytes.count), origin: "by-line")
    }

    @Test func peopleAreCreditedByName() {
        #expect(credit("By Jane Doe and John Roe", names: ["Jane Doe", "John Roe"]).credited == ["Jane Doe", "John Roe"])
    }

    @Test func aDeskOrAgencyWithoutPeopleIsCreditedByItsText() {
        #expect(credit("By Hollywood.com Staff", names: []).credited == ["Hollywood.com Staff"])
        #expect(credit("The Associated Press.", names: []).credited == ["The Associated Press"])
    }

    @Test func aSentenceIsNotACredit() {
        #expect(credit("Lena Ortiz is a senior correspondent covering the harbor and the port authority.", names: []).credited.isEmpty)
    }
}

/// Credit conventions beyond the one-line "By" byline: a byline with the
/// writer's title on the next line of the same paragraph, and a wire
/// sign-off at the end of the story.
struct BylineConventionTests {
    func markdown(_ source: String) -> Document {
        ArticleParser.parse(SourceText(path: "t.md", string: source), format: .markdown)
    }

    func text(_ source: String) -> Document {
        ArticleParser.parse(SourceText(path: "t.txt", string: source), format: .text)
    }

    static let body = "The pier reopened on Thursday after a winter of repairs, the port authority said.\n\n"
        + "Fishing boats were the first to tie up again, and the ferry returns next week.\n"

    @Test("A byline with the writer's title on its next line, plain or emphasised, credits the name",
          arguments: [
              "By Rosa Delgado\nStaff writer",
              "**By Rosa Delgado**\n*Staff writer*",
              "By Rosa Delgado\nSenior correspondent, The Harbor Ledger",
              "By Rosa Delgado\nThe Associated Press",
              "_By Rosa Delgado_\n_Special correspondent_\nMarch 4, 2025",
          ])
    func titleOnTheNextLine(byline: String) {
        let document = markdown("# Pier reopens\n\n\(byline)\n\n" + Self.body)
        #expect(document.blocks[1].kind == .byline)
        #expect(document.bylines.map(\.names) == [["Rosa Delgado"]])
        #expect(document.bylines.first?.nameSpans.first?.text == "Rosa Delgado")
    }

    @Test("In plain text, a By line with the title under it is one byline block")
    func titleUnderByInText() {
        let document = text("Pier reopens\n\nBy Rosa Delgado\nStaff writer\n\n" + Self.body)
        #expect(document.blocks.map(\.kind).prefix(3) == [.headline, .byline, .paragraph])
        #expect(document.bylines.map(\.names) == [["Rosa Delgado"]])
    }

    @Test("Near the headline, a name alone over the writer's title is a byline, in Markdown and text")
    func nameOverTitle() {
        for document in [markdown("# Pier reopens\n\nRosa Delgado\nHarbour correspondent\n\n" + Self.body),
                         text("Pier reopens\n\nRosa Delgado\nHarbour correspondent\n\n" + Self.body)] {
            #expect(document.bylines.map(\.names) == [["Rosa Delgado"]])
        }
        // Far from the headline, the same two lines are left alone.
        let more = (1...5).map { "Paragraph \($0) of the story goes on about the pier and its repairs.\n\n" }.joined()
        #expect(markdown("# Pier reopens\n\n" + more + "Rosa Delgado\nHarbour correspondent\n").bylines.isEmpty)
    }

    @Test("A second line that is prose keeps the paragraph a paragraph")
    func proseOnTheNextLine() {
        let document = markdown("# Pier reopens\n\nBy the end of the week\nthe boats were back in the harbour.\n\n" + Self.body)
        #expect(document.bylines.isEmpty)
        #expect(document.blocks[1].kind == .paragraph)
    }

    @Test("A wire sign-off at the end credits its reporters and writers, not its editors",
          arguments: [
              ("Reporting by Rosa Delgado; Editing by Owen Marsh", ["Rosa Delgado"]),
              ("Reporting by Rosa Delgado and Kai Brenner; Additional reporting by Lina Osei; Writing by Pavel Dorn; Editing by Owen Marsh",
               ["Rosa Delgado", "Kai Brenner", "Lina Osei", "Pavel Dorn"]),
              ("Reporting by Rosa Delgado in Lisbon; Writing by Pavel Dorn; Editing by Owen Marsh and Ida Fenn.",
               ["Rosa Delgado", "Pavel Dorn"]),
              ("Writing by Pavel Dorn", ["Pavel Dorn"]),
          ])
    func signOff(line: String, names: [String]) {
        for document in [markdown("# Pier reopens\n\n" + Self.body + "\n" + line + "\n"),
                         text("Pier reopens\n\n" + Self.body + "\n" + line + "\n")] {
            #expect(document.bylines.map(\.names) == [names])
            let byline = document.bylines.first
            #expect(byline?.nameSpans.map(\.text) == names)
            #expect(document.blocks.last?.kind == .byline)
            #expect(!(byline?.names.contains("Owen Marsh") ?? true))
        }
    }

    @Test("Lines that only look like sign-offs are not credits",
          arguments: [
              "Editing by Owen Marsh",
              "Reporting by the harbour authority found gaps in the repair budget.",
              "Reporting by Rosa Delgado was the first to reveal the cracks, and the council acted within a week.",
          ])
    func notSignOffs(line: String) {
        let document = markdown("# Pier reopens\n\n" + Self.body + "\n" + line + "\n")
        #expect(document.bylines.isEmpty)
        #expect(document.blocks.last?.kind == .paragraph)
    }

    @Test("A sign-off shape in the middle of the story is left alone")
    func signOffOnlyAtTheEnd() {
        let middle = "Reporting by Rosa Delgado; Editing by Owen Marsh\n\n"
        let more = (1...5).map { "Paragraph \($0) of the story goes on about the pier and its repairs.\n\n" }.joined()
        let document = markdown("# Pier reopens\n\n" + Self.body + "\n" + more + middle + more)
        #expect(document.bylines.isEmpty)
    }
}
