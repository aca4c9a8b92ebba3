import CopydeskCore
import Foundation
import Testing
@testable import CopydeskStyle

@Suite("Literals every match of a pattern holds")
struct RequiredLiteralsTests {
    /// The folded literals, sorted, with `~` after those whose letter case
    /// does not matter.
    func literals(_ pattern: String) -> Set<String>? {
        RequiredLiterals(pattern: pattern).map { required in
            Set(required.literals.map { String(decoding: $0.folded, as: UTF8.self) + ($0.exact == nil ? "~" : "") })
        }
    }

    @Test("Plain text, alternations and optional parts become sets of texts")
    func exactSets() {
        #expect(literals("stated") == ["stated"])
        #expect(literals("(?i)stated") == ["stated~"])
        #expect(literals(#"\b(?:opined|remarked)\b"#) == ["opined", "remarked"])
        #expect(literals("colou?r") == ["color", "colour"])
        #expect(literals(#"(?i)per ?cent"#) == ["per cent~", "percent~"])
    }

    @Test("Every figure reads as 0, so a rule about numbers stays a small set")
    func figures() {
        #expect(literals(#"\d{1,2} ?[ap]m\b"#) == ["00 am", "00 pm", "00am", "00pm", "0 am", "0 pm", "0am", "0pm"])
        #expect(literals(#"\$\d+"#) == ["$0"])
    }

    @Test("The best-pinned piece is chosen when the pattern has loose parts")
    func bestCandidate() {
        // `.*` and a wide class know nothing; the literal run wins.
        #expect(literals(#"(?i)change (.*) directory"#) == [" directory~"])
        #expect(literals("[A-Z][a-z]+ Street") == [" street"])
        // A sign is rarer than a figure.
        #expect(literals(#"(\d+(?:\.\d+)?) ?%"#) == [" %", "%"])
    }

    @Test("A group's text joins the run around it; a quantified group does not")
    func groupsJoinRuns() {
        #expect(literals(#"\A([A-Z][A-Z.]*[A-Z.], )AL( —)"#) == [", al —"])
        #expect(literals("(?:abc)+d") == ["abc"])
        #expect(literals("x(?:ab)*yz") == ["yz"])
    }

    @Test("What a look-ahead or look-behind must see counts; a negative one does not")
    func lookarounds() {
        #expect(literals(#"\bJan(?= \d)"#) == ["jan 0"])
        #expect(literals(#"(?<=Dr\. )Smith"#) == ["dr. smith"])
        #expect(literals(#"(?<!not )guilty"#) == ["guilty"])
        #expect(literals(#"(?i)\b(?:a|the) male(?= (?:was|is)\b)"#) == [
            "a male is~", "a male was~", "the male is~", "the male was~",
        ])
    }

    @Test("No set when a match needs no literal, or only a very common one")
    func nothingUseful() {
        #expect(literals(".*") == nil)
        #expect(literals("cats?|.") == nil)
        #expect(literals("a") == nil)
        #expect(literals(#"\w+ly\b"#) == ["ly"])
        #expect(literals("(?x) a b c") == nil)
        // Under (?i) ICU folds non-ASCII letters in ways bytes cannot follow.
        #expect(literals("(?i)é") == nil)
        #expect(literals("é") == ["é"])
    }

    @Test("Whenever the regex matches a text, the text holds one of the literals",
          arguments: [
            #"(?i)\b(?:utili[sz](?:e|es|ed|ing))\b"#,
            #"(?<![\d:.])\b((?!12(?::00)?(?![:\d]))\d{1,2}(?::(?!00)[0-5]\d)?)(?: ?(?:P\.M\.|p\.m(?![.\w])|PM|pm)|p\.m\.)(?!\w)"#,
            #"\b(?:Mr|Mrs|Ms)\.?(?= [A-Z])"#,
            #"(?:\A|(?<=[a-z]{4}[.!?]\s))\d+(?=[ -][a-z])"#,
            #"(?i)\b(?:an?|the) (?:\d{1,3}-year-old )?(?:male|female)(?= (?:was|were|is)\b)"#,
            #"\A([A-Z][A-Z. -]*[A-Z.], )(?:Calif|CA)((?: \([A-Za-z .]{0,30}\))? ?[—–]| --?(?!\w))"#,
            #"(?i)\b(?:Jan|Feb|Aug)\.? (?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b"#,
            #"(?:\$\d{1,3}(?:,\d{3})*\.00|\d+ dollars)"#,
          ])
    func soundness(pattern: String) throws {
        let texts = [
            "The council utilised the fund.", "UTILIZING it", "at 5 p.m. sharp", "by 11:30pm", "at 12 PM", "noon",
            "Mr. Lee said", "Mrs Park", "Ms. chen", "He left early. 3 people stayed.", "7 men came", "in 1999 there",
            "a male was seen", "The 34-year-old female is", "THE MALE WAS", "ROCKVILLE, CA — Rain.", "ROCKVILLE, Calif. (AP) — x",
            "ST. PAUL, CA -- y", "Jan. 3rd", "aug 21st", "FEB 30TH", "cost $1,200.00 today", "about 40 dollars",
            "nothing of note", "Kelvin \u{212A}", "",
        ]
        let regex = try GoRegex.compile(pattern)
        let required = try #require(RequiredLiterals(pattern: pattern))
        for text in texts {
            let bytes = Array(text.utf8)
            guard !regex.matches(in: CheckText(bytes: bytes)).isEmpty else { continue }
            let folded = bytes.map { PhraseMatcher.foldDigit(TextScalars.foldASCII($0)) }
            let digitsRead = bytes.map(PhraseMatcher.foldDigit)
            let holds = required.literals.contains { literal in
                (0...max(0, folded.count - literal.folded.count)).contains { start in
                    guard start + literal.folded.count <= folded.count else { return false }
                    if let exact = literal.exact { return Array(digitsRead[start..<(start + exact.count)]) == exact }
                    return Array(folded[start..<(start + literal.folded.count)]) == literal.folded
                }
            }
            #expect(holds, "'\(text)' matches \(pattern) but holds none of its literals")
        }
    }
}

@Suite("One automaton for every rule's literals")
struct LiteralGateTests {
    func lit(_ text: String, exact: Bool = false) -> RequiredLiterals.Literal {
        let bytes = Array(text.utf8).map(PhraseMatcher.foldDigit)
        return RequiredLiterals.Literal(folded: bytes.map(TextScalars.foldASCII), exact: exact ? bytes : nil)
    }

    func opened(_ gate: LiteralGate, _ text: String) -> Set<String> {
        var open = [Bool](repeating: false, count: gate.slotCount)
        let set = gate.open(Array(text.utf8), into: &open)
        #expect(Set(set) == Set(open.indices.filter { open[$0] }))
        return Set(gate.slots.filter { open[$0.value] }.map(\.key))
    }

    @Test("A block opens the rules whose literals it holds, minding case where the rule does")
    func opensRules() throws {
        let gate = try #require(LiteralGate([
            (id: "House.Said", literals: [lit("stated", exact: true)]),
            (id: "House.Times", literals: [lit("0 pm"), lit("0pm")]),
            (id: "House.Percent", literals: [lit("%")]),
        ]))
        #expect(opened(gate, "She stated it at 4 PM.") == ["House.Said", "House.Times"])
        #expect(opened(gate, "STATED at noon") == [])
        #expect(opened(gate, "up 5%") == ["House.Percent"])
        #expect(opened(gate, "") == [])
    }

    @Test("A letter that case-folds to ASCII opens every rule")
    func foldingLetters() throws {
        let gate = try #require(LiteralGate([(id: "A.K", literals: [lit("kelvin")]), (id: "A.S", literals: [lit("class")])]))
        #expect(opened(gate, "273 \u{212A}elvin") == ["A.K", "A.S"])
        #expect(opened(gate, "Stra\u{00DF}e") == ["A.K", "A.S"])
        #expect(LiteralGate([]) == nil)
    }
}
