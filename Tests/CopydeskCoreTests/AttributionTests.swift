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
        ("“We will win,” Ferrand said.", "Ferrand/said"),
        ("“We will win,” said former Ruiz adviser Dana Keller.", "former Ruiz adviser Dana Keller/said"),
        ("Mara Lindgren, the assistant harbor commissioner, told reporters “we have concerns.”", "Mara Lindgren/told reporters"),
        ("“It is a dog whistle,” Rep. Nell Varga (D-Ore.) said Friday.", "Rep. Nell Varga/said"),
        ("“Is it complicated?” asked Sen. Iris Calder of Oregon.", "Sen. Iris Calder/asked"),
        ("“Go back to the newsroom,” Ferrand barked.", "Ferrand/barked"),
        ("Ortiz went after Hale, calling him “a tired old fixer and a bore.”", "Ortiz/calling"),
        ("“A slow economy has us on an unsustainable path” ― Pamela Padilla", "Pamela Padilla/―"),
        ("Marlow was quoted as saying it was wrong. “We don't turn down invitations.”", "Marlow/quoted as saying"),
        ("The Florida senator likes “The Walking Dead.”", "The Florida senator/likes"),
        ("“Our guess is that the council will back down,” said Mr. Ferrand.", "Mr. Ferrand/said"),
        ("“The veto will be overridden,” Otto Brandt, R-Ore., said Tuesday.", "Otto Brandt/said"),
        ("“If she thinks voters forget that,” the ad’s narrator says.", "the ad’s narrator/says"),
        ("“They’d just fix it,” Sen. Ana Ruiz (D-Ore.), a budget committee member, said.", "Sen. Ana Ruiz/said"),
        ("He’s claiming that the ferry delay is “a huge, huge scandal for this town.”", "He’s/claiming"),
        ("At the mention of parking she laughed and admitted “meters have been useful, though a nuisance.”", "she/admitted"),
        ("Bidders saw a message that said “Sorry, this lot has been withdrawn from the sale.”", "a message that/said"),
        ("“We never get the early trains,” Ortiz said. Her stop is the last one. “It’s a long wait.”", "Ortiz/said"),
        ("The ad targets a “tired city hall that keeps in place a broken permit office.”", "The ad/targets"),
        ("Republican mayoral nominee Dana Ferrand, during interviews on Thursday, referred to Hale as “the most valuable player for them.”",
         "Republican mayoral nominee Dana Ferrand/referred"),
        ("“We’ve had better conventions than this one,” delegate Tom Aldine, wearing “Ana Ruiz” pins, said.", "Tom Aldine/said"),
        ("On Monday, Ferrand — named by colleagues as the likely successor — told Ana Ruiz that “you have to think about it very carefully.”",
         "Ferrand/told"),
        ("“Carry me home across the water,” Marlow sings to the crowd.", "Marlow/sings"),
        ("On his website, Hale has started. “This is your movement and your moment,” it now says.", "it/says"),
        ("The Harbor Ledger characterized the long fight over the pier as a “march from anger and refusal to compromise.”",
         "The Harbor Ledger/characterized"),
        ("In recent days, Hale has gone after Ortiz as a “spendthrift who will drain the reserves.”", "Hale/gone"),
        ("The two mayors will meet next month, Ferrand said, adding, “They ought to meet and settle this.”", "Ferrand/said"),
        ("After Hale suggested that the county would sue the city, Ortiz fired back: “If they sue us in court, they’re going to lose.”", "Ortiz/:"),
        ("According to his longtime personal physician, Hale “will be the healthiest mayor the city ever had.”", "his longtime personal physician/According to"),
        ("\"There wasn't much advice for new tenants about their deposits, said Marlow, whose group pushes for reform.", "Marlow/said"),
        ("\"FERRAND: Well, look, you know, my opponent has been out there saying some pretty wild things.\"", "FERRAND/:"),
        ("In June, Hale casually dismissed the island as being in the “backyard of the port, a noisy place.”", "Hale/dismissed"),
        ("After saying her left knee was “so stiff I could barely climb the stairs,” she was driven home.", "she/saying"),
        ("“The reasons to veto the bill don’t hold water,” said 9/11 responder Lena Vance.", "9/11 responder Lena Vance/said"),
        ("Ferrand released a statement saying he is “very proud of the campaign we have run.”", "Ferrand/saying"),
        ("Ortiz, during a public meeting in Salem, Oregon, said she was “about to warn every landlord in town.”", "Ortiz/said"),
        ("Sen. Ana Ruiz said that once the session goes on break, “I intend to visit every county I can.”", "Sen. Ana Ruiz/said"),
        ("Many residents saw the council as “the club of endless meetings,” From said.", "From/said"),
        ("Harbor Master Lena Ortiz condemned what she called a “reckless breach of port rules.”", "Harbor Master Lena Ortiz/called"),
        ("Ferrand said the county would act, and he urged the port authority to “resume the talks it abandoned.”", "Ferrand/said"),
        ("“I'll be voting for the senator in March,” Vance said, according to Harbor Radio Weekly.", "Harbor Radio Weekly/according to"),
        ("Fans chanted, “Build a wall around the school,” during the game, the Harbor Ledger reports.", "Harbor Ledger/reports"),
        ("Commissioner of Transport Ana M. Ruiz said the county would act, and she urged the city to take “firm steps in response.”",
         "Commissioner of Transport Ana M. Ruiz/said"),
        ("Ortiz’s campaign is trying to set her record against what they call Hale’s “empty promises to commuters.”",
         "Ortiz’s campaign/call"),
        ("Thirty-one years ago, a Ledger article praised Hale as “the builder who saved the docks.”", "a Ledger article/praised"),
        ("County Executive Ana Ruiz-Ferrand said Hale's mental state is “fraying under the pressure now.”", "County Executive Ana Ruiz-Ferrand/said"),
        ("She said she remembers the clerk being “puzzled and then very cross about it.”", "She/said"),
        ("Sen. Ana Ruiz (D-Ore.) scolded him: “The engineers are against you on this.”", "Sen. Ana Ruiz/:"),
        ("Ortiz seemed annoyed: “It's a public notice! Just post it,” she wrote.", "she/wrote"),
        ("If he could go back in time, prosecutors say that he told one agent, “I'd say you have done a good job.”", "prosecutors/say"),
        ("Hale at the time said he’d asked his staff to “look into covering the costs for her.”", "Hale/said"),
        ("Alongside union calls for action, a senior party strategist said Ortiz will have to choose, saying, “At some point she has to decide.”",
         "a senior party strategist/saying"),
        ("Harbor Forward, a pro-ferry action group, emailed a link with one sentence: “This cannot stand.”", "Harbor Forward/:"),
        ("Marta Lindqvist recalled Mr. Hale talking about “Tides: How Harbors Rise and Fall Over Centuries.”", "Marta Lindqvist/recalled"),
        // A participle after a comma inside the closing mark goes on from the clause's subject.
        ("The harbor master praised the new pier as “sturdy,” telling the board it would outlast the old one.", "The harbor master/telling"),
        ("Lena Ortiz has given a spirited defense of “harbor values,” saying the port embodied the “grit and patience of the coast.”",
         "Lena Ortiz/saying"),
        // The verbs of an opening phrase are not the clause's.
        ("In a statement released Friday, Councillor Ana Ruiz reacted to the vote, saying: “The budget cannot stand.”", "Councillor Ana Ruiz/saying"),
        // A phrase after a preposition says when, not who.
        ("Hale, who has in the past described the ferry as “a floating money pit,” voted for it anyway.", "who/described"),
        // A subordinate clause after the quotation holds someone else's verb;
        // a comma closes it, and the main clause's speaker follows.
        ("“The water was calm all evening” until the storm arrived, she said.", "she/said"),
        ("“We expected a quiet night,” the skipper said as the wind picked up.", "the skipper/said"),
        ("Hale dismissed the rival plan as “a fantasy” while calling for a vote.", "Hale/calling"),
        // A transcript label names who speaks the whole paragraph.
        ("Lindqvist: A clerk from the county told me the pier was safe. And my answer was “Not in a storm it isn't.”", "Lindqvist/:"),
        // "the state" is a place, not a cue; the cue is the one that follows.
        ("Ortiz, who has won two races in the state, is a “tireless campaigner,” the Harbor Ledger writes.", "Harbor Ledger/writes"),
    ])
    func findsTheSpeaker(text: String, expected: String) {
        #expect(attributions(text).first == expected)
    }

    /// A quotation ending with its own full stop ends its sentence when an
    /// article opens the next, so the next sentence's speaker is not the first's.
    @Test func aQuotationWithItsFullStopEndsTheSentence() {
        let found = attributions("He said it would hurt the “fishermen on the coast.” A campaign official later softened the remarks, saying Ortiz “didn’t mean the harbor crews.”")
        #expect(found.last == "A campaign official/saying")
    }

    @Test(arguments: [
        "The council met on Tuesday.\n\n“We will not raise taxes this year or next.”",
        "Residents packed the hall. “The bridge has to be rebuilt before winter.”",
        "“Nobody expected the water to rise so fast,” reporters during the briefing.",
        // Nouns, not cues: "states" after an article, "state" after a preposition.
        "“It is an invasion of the regulatory domain,” one of the states suing the agency.",
        "He met with state officials in Salem. “It surprised me how fast they pushed the plan along.”",
        // The relative clause after the quotation is about someone else.
        "“I have raised all I needed to win the vote,” interrupting a voter who asked about taxes.",
        "“It is the most important thing you can do,” who leads the Harbor Forward action group.",
        "“Asthma is the forgotten cousin among the illnesses,” He oversees a research center.",
        // The comma inside the closing mark promises a credit that never comes.
        "“The fees are far too high for families on the coast,” the day after the utility announced a rise.",
        "“I could not tell you every payment from those years,” in an email message Monday to the paper.",
        "“We have to keep the ferry running through the winter,” answering a question at the town hall.",
        // A form's field label is nobody speaking.
        "Name: Ana Ruiz Age: 31 Why “I work two jobs and still cannot afford the rent in this town.”",
        "Ortiz spoke first. “The pier will open in May,” she said.\n\n“It will be ready for the summer crowds and the fishing fleet,” Hale, to cheers from the hall.",
    ])
    func creditsNobodyWhereNobodySpeaks(text: String) {
        #expect(attributions(text).last == .some(nil))
    }
}

struct InversionTests {
    @Test(arguments: [
        ("\"Our ideas of a good harbor are different,\" agrees Marta Lindqvist of Port Amity.", "Marta Lindqvist"),
        ("\"Watch out for the count,\" tweeted another.", "another"),
        ("\"We need him,\" his wife, Gabriela Lazar, implored in a letter.", "his wife"),
    ])
    func anyVerbInvertsAfterAQuotation(text: String, speaker: String) {
        var document = ArticleParser.parse(SourceText(path: "t.md", string: text), format: .markdown)
        AttributionFinder().attribute(&document)
        #expect(document.quotes.first?.attribution?.speaker?.text == speaker)
    }
}
