import Testing
@testable import CopydeskCore

/// The attribution finder on the constructions news copy uses; each case
/// names the speaker and cue it must find (nil: nobody is credited).
struct AttributionTests {
    private func attributions(_ text: String) -> [String?] {
        var document = ArticleParser.parse(SourceText(path: "t.md", string: text), format: .markdown)
        AttributionFinder().attribute(&document)
        return document.quotes.filter { $0.depth == 0 }.map { quote in
            quote.attribution.map { "\($0.speaker?.text ?? "?")/\($0.cue?.text ?? "?")" }
        }
    }

    @Test(arguments: [
        ("“We will win,” Trump said.", "Trump/said"),
        ("“We will win,” said former Obama adviser David Axelrod.", "former Obama adviser David Axelrod/said"),
        ("Sheba Crocker, the assistant secretary of state, told reporters “we have concerns.”", "Sheba Crocker/told reporters"),
        ("“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said Friday.", "Rep. Gwen Moore/said"),
        ("“Is it complicated?” asked Sen. Maria Cantwell of Washington.", "Sen. Maria Cantwell/asked"),
        ("“Go back to Univision,” Trump barked.", "Trump/barked"),
        ("Trump went after Bush, calling him “a total stiff and a loser.”", "Trump/calling"),
        ("“A slow economy has us on an unsustainable path” ― Pamela Padilla", "Pamela Padilla/―"),
        ("Ushakov was quoted as saying it was wrong. “We don't turn down invitations.”", "Ushakov/quoted as saying"),
        ("The Florida senator likes “The Walking Dead.”", "The Florida senator/likes"),
        ("“Our assumption is that the veto will be overridden,” said Mr. McGinley.", "Mr. McGinley/said"),
        ("“The veto will be overridden,” Mitch McConnell, R-Ky., said Tuesday.", "Mitch McConnell/said"),
        ("“If he thinks that makes him smart,” the ad’s narrator says.", "the ad’s narrator/says"),
        ("“They’d just go get them,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said.", "Rep. Jim Jordan/said"),
        ("He’s claiming that voting fraud is “a big, big problem in this country.”", "He’s/claiming"),
        ("Over the mention of email she laughed and admitted “emails have been wonderful, although a curse.”", "she/admitted"),
        ("Supporters saw a message that said “Sorry, but the item is no longer in the system.”", "a message that/said"),
        ("“Oh gosh, those are very small towns,” Woolson said. They lie in a dead zone. “That’s a tough area.”", "Woolson/said"),
        ("The ad targets a “corrupt political system that keeps in place a rigged economy.”", "The ad/targets"),
        ("Republican presidential nominee Donald Trump, during interviews on Thursday, referred to Obama as “the most valuable player for them.”",
         "Republican presidential nominee Donald Trump/referred"),
        ("“We’ve had better conventions than this one,” delegate Bill Eastland, wearing “Ted Cruz” pins, said.", "Bill Eastland/said"),
        ("On Friday, Gingrich — mentioned by Newsmax as the leading choice — told Bill O’Reilly that “you have to look at it very seriously.”",
         "Gingrich/told"),
        ("“Promise mama you’ll keep your hands in sight,” Blige sings to Clinton.", "Blige/sings"),
        ("On his website, Sanders has started. “This is your movement and your moment,” it now says.", "it/says"),
        ("The New York Times characterized the path to the nomination as a “journey from denial and resistance to acceptance.”",
         "The New York Times/characterized"),
        ("In recent weeks, Reid has gone after Trump as a “human leech who will bleed the country.”", "Reid/gone"),
        ("Ryan and Trump will meet next week, Spicer said, adding, “They need to sit down and have a good talk.”", "Spicer/said"),
        ("After Trump suggested that Cuba would sue the U.S., Rubio fired back: “If they sue us in Miami, they’re going to lose.”", "Rubio/:"),
        ("According to his longtime personal physician, Trump “will be the healthiest individual ever elected.”", "his longtime personal physician/According to"),
        ("\"There wasn't a lot of education to adoptive parents about naturalizing, said Kessel, whose group pushes for bills.", "Kessel/said"),
        ("\"PENCE: Well, look, you know, Mark Cuban has been out there saying some pretty tough stuff.\"", "PENCE/:"),
        ("In July, Gingrich cynically dismissed Estonia as being in the “suburbs of St. Petersburg, a hostile place.”", "Gingrich/dismissed"),
        ("After saying her right foot was “so swollen I could barely get my shoe on,” she was whisked off.", "she/saying"),
        ("“The rationales to veto the bill don’t hold weight,” said 9/11 widow Terry Strada.", "9/11 widow Terry Strada/said"),
        ("Trump released a statement saying he is “very proud of the campaign we have run.”", "Trump/saying"),
        ("Clinton, during a town hall meeting in Columbus, Ohio, said she was “going to put a lot of miners out of business.”", "Clinton/said"),
        ("Sen. Marco Rubio said that once the Senate goes on recess, “I intend to do as much as I can.”", "Sen. Marco Rubio/said"),
        ("Many Americans saw the Democrats as “the party of overwhelming government,” From said.", "From/said"),
        ("Secretary General Ban Ki-moon condemned what he called a “brazen breach of U.N. resolutions.”", "Secretary General Ban Ki-moon/called"),
        ("Kerry said the United States would act, and he urged North Korea to “resume the talks it abandoned.”", "Kerry/said"),
        ("“I'll be voting for the senator in March,” Welch said, according to Vermont Edition.", "Vermont Edition/according to"),
        ("Fans chanted, “Build a wall around the school,” during the game, the Chicago Tribune reports.", "Chicago Tribune/reports"),
        ("Secretary of State John F. Kerry said the United States would act, and he urged the North to take “robust steps in response.”",
         "Secretary of State John F. Kerry/said"),
        ("Clinton’s campaign is seeking to contrast her approach with what they call Trump’s “self-centered message to voters.”",
         "Clinton’s campaign/call"),
        ("Twenty-two years ago, a Times article hailed Trump as “the kid who came back from ruin.”", "a Times article/hailed"),
        ("South Korean President Park Geun-hye said Kim's mental state is “spiraling out of control now.”", "South Korean President Park Geun-hye/said"),
        ("She said she recalls the colleague being “confused and then quite angry about it.”", "She/said"),
        ("Sen. Claire McCaskill (D-Mo.) scolded him: “The scientific community is against you on this.”", "Sen. Claire McCaskill/:"),
        ("Clinton seemed irritated: “It's a public statement! Just email it,” she wrote.", "she/wrote"),
        ("If he could go back in time, prosecutors say that he told one agent, “I'd say you have done a good job.”", "prosecutors/say"),
        ("Trump at the time said he’d asked his people to “look into paying the fees for him.”", "Trump/said"),
        ("Alongside BLM calls for action, a top GOP strategist said Clinton will have to choose, saying, “At some point she has to come out.”",
         "a top GOP strategist/saying"),
        ("Priorities USA, a pro-Clinton super PAC, emailed a link with one sentence: “This is not OK at all.”", "Priorities USA/:"),
        ("Benjamin Rhodes recalled Mr. Obama talking about “Collapse: How Societies Choose to Fail or Succeed.”", "Benjamin Rhodes/recalled"),
    ])
    func findsTheSpeaker(text: String, expected: String) {
        #expect(attributions(text).first == expected)
    }

    /// A quotation ending with its own full stop ends its sentence when an
    /// article opens the next, so the next sentence's speaker is not the first's.
    @Test func aQuotationWithItsFullStopEndsTheSentence() {
        let found = attributions("He said it would backfire on the “Muslims in the region.” A campaign official later walked back the comments, saying Clinton “didn’t have a video in mind.”")
        #expect(found.last == "A campaign official/saying")
    }

    @Test(arguments: [
        "The council met on Tuesday.\n\n“We will not raise taxes this year or next.”",
        "Residents packed the hall. “The bridge has to be rebuilt before winter.”",
        "“Nobody expected the water to rise so fast,” reporters during the briefing.",
        // Nouns, not cues: "states" after an article, "state" after a preposition.
        "“It is an invasion of the regulatory domain,” one of the states suing the agency.",
        "He met with state officials in Richmond. “It amazed me how quickly they rushed through everything.”",
        // The relative clause after the quotation is about someone else.
        "“I have raised all I needed to win the vote,” cutting off a reporter who asked about finances.",
        "“It is the most important thing you can do,” who leads the American Crossroads super PAC.",
        "“Alzheimer's is the red-haired stepchild among the diseases,” He oversees a research center.",
    ])
    func creditsNobodyWhereNobodySpeaks(text: String) {
        #expect(attributions(text).last == .some(nil))
    }
}

struct InversionTests {
    @Test(arguments: [
        ("\"Our ideas of success are different,\" agrees Michelle Stevens of Gainesville.", "Michelle Stevens"),
        ("\"Watch out for the count,\" tweeted another.", "another"),
        ("\"We need him,\" his wife, Gabriela Lazar, pleaded in a letter.", "his wife"),
    ])
    func anyVerbInvertsAfterAQuotation(text: String, speaker: String) {
        var document = ArticleParser.parse(SourceText(path: "t.md", string: text), format: .markdown)
        AttributionFinder().attribute(&document)
        #expect(document.quotes.first?.attribution?.speaker?.text == speaker)
    }
}
