import Foundation
import Testing
@testable import CopydeskStyle

@Suite struct GoRegexTests {
    @Test func namedGroupsBecomeICUNamedGroups() throws {
        #expect(try GoRegex.translate("(?P<year>[0-9]{4})") == "(?<year>[0-9]{4})")
        let regex = try GoRegex.compile("(?P<word>cat)s?")
        #expect(regex.matches("two cats"))
    }

    @Test func shorthandClassesAreASCIIAsInGo() throws {
        #expect(try GoRegex.translate(#"\d+"#) == "[0-9]+")
        #expect(try GoRegex.translate(#"[\w-]"#) == "[0-9A-Za-z_-]")
        let word = try GoRegex.compile(#"^\w+$"#)
        #expect(word.matches("plain"))
        #expect(!word.matches("café"))
        #expect(!(try GoRegex.compile(#"\d"#)).matches("٣"))
    }

    @Test func bracketsAndAmpersandsInsideAClassAreLiteral() throws {
        let regex = try GoRegex.compile("[[&]+")
        #expect(regex.matches("&&"))
        #expect(regex.matches("["))
        #expect(try GoRegex.translate("[]x]") == #"[\]x]"#)
    }

    @Test func posixClassesBecomeRanges() throws {
        #expect(try GoRegex.translate("[[:digit:]]") == "[0-9]")
        #expect((try GoRegex.compile("^[[:upper:]][[:lower:]]+$")).matches("Harbour"))
    }

    @Test func aBraceThatIsNotARepetitionIsALiteral() throws {
        #expect(try GoRegex.translate("{{.+?}}") == #"\{\{.+?\}\}"#)
        #expect((try GoRegex.compile("{{.+?}}")).matches("see {{ name }} here"))
        #expect(try GoRegex.translate("a{2,3}") == "a{2,3}")
    }

    @Test func lookaroundsAndFlagsCarryOver() throws {
        let regex = try GoRegex.compile("(?i)(?<!very )tall")
        #expect(regex.matches("A Tall tale"))
        #expect(!regex.matches("a very tall tale"))
    }

    @Test func whatCannotBeHonouredIsAnError() {
        #expect(throws: GoRegexError.self) { try GoRegex.translate("(?U)a+") }
        #expect(throws: GoRegexError.self) { try GoRegex.translate(#"\C"#) }
        #expect(throws: GoRegexError.self) { try GoRegex.translate("[[:^alpha:]]") }
        #expect(throws: GoRegexError.self) { try GoRegex.compile("(unclosed") }
    }
}

@Suite struct LiteralPrefilterTests {
    @Test func findsTheLongestRequiredRun() throws {
        let filter = try #require(LiteralPrefilter(pattern: #"(?i)change in(?: )?to the (.*) directory"#))
        #expect(String(decoding: filter.literal, as: UTF8.self) == " directory")
        #expect(filter.foldCase)
        #expect(filter.mayMatch(Array("Move to the DIRECTORY now".utf8)))
        #expect(!filter.mayMatch(Array("nothing here".utf8)))
    }

    @Test func optionalPartsAlternationAndLateFlagsGiveNoFilter() {
        #expect(LiteralPrefilter(pattern: "cats?|dogs") == nil)
        #expect(LiteralPrefilter(pattern: "ab?c") == nil)
        #expect(LiteralPrefilter(pattern: "foo(?i)barbaz") == nil)
        // A repetition's bounds are not text: "1,3" is not in "$4.00".
        #expect(LiteralPrefilter(pattern: #"\$\d{1,3}(?:,\d{3})*\.00"#)?.literal == Array(".00".utf8))
        #expect(LiteralPrefilter(pattern: #"\$0?\.\d{1,2}"#) == nil)
        #expect(LiteralPrefilter(pattern: #"\bper cent\b"#).map { String(decoding: $0.literal, as: UTF8.self) } == "per cent")
    }

    @Test func aPrefilteredRegexFindsWhatTheRegexFinds() throws {
        let regex = try GoRegex.compile(#"\d+ per cent"#)
        #expect(regex.prefilter != nil)
        #expect(regex.matches(in: CheckText("up 4 per cent")).count == 1)
        #expect(regex.matches(in: CheckText("up 4 percent")).isEmpty)
    }
}

@Suite("Patterns anchored at the start of the text")
struct StartAnchorTests {
    @Test("Every alternative must start with \\A, directly or inside a group", arguments: [
        ("\\Afoo", true),
        ("(?m)(?:(\\Afoo)|(\\Abar(x|y)))", true),
        ("(?i)(?m)(?:(?P<a>\\Ahere)|(?:\\Athere))", true),
        ("(?m)(?:(\\Afoo)|(bar))", false),
        ("(\\Afoo|bar)baz", false),
        ("(?=\\A)foo", false),
        ("[\\A]foo", false),
        ("\\bfoo", false),
        ("foo|\\Abar", false),
    ])
    func detection(pattern: String, anchored: Bool) {
        #expect(StartAnchor.everyAlternativeStartsWithA(pattern) == anchored)
    }

    @Test("An anchored pattern finds the same matches when tried only at the start")
    func sameMatches() throws {
        let regex = try GoRegex.compile("(?m)(?:(\\APORT [A-Z]+, )Texas( —)|(\\AHILL, )Ohio( —))")
        #expect(regex.startsAtTextStart)
        for text in ["PORT ARTHUR, Texas — Rain fell.", "Rain fell in PORT ARTHUR, Texas — again.", "HILL, Ohio — Snow."] {
            let plain = try NSRegularExpression(pattern: "(?m)(?:(\\APORT [A-Z]+, )Texas( —)|(\\AHILL, )Ohio( —))")
            let expected = plain.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).count
            #expect(regex.matches(text) == (expected > 0), "\(text)")
        }
    }
}

@Suite("A literal from each token of an alternation")
struct AnyLiteralTests {
    @Test("A text with none of the tokens' literals is not searched; one with any is")
    func anyLiteral() throws {
        var regex = try GoRegex.compile(#"(?m)\b(?:sen(?:d|ds|t) shock ?waves|sparked (?:outrage|fury))\b"#)
        regex.requireAnyLiteral(of: ["sen(?:d|ds|t) shock ?waves", "sparked (?:outrage|fury)"])
        #expect(regex.anyLiteral != nil)
        func found(_ text: String) -> Int { regex.matches(in: CheckText(bytes: Array(text.utf8))).count }
        #expect(found("The plan sparked outrage downtown.") == 1)
        #expect(found("It sent shockwaves through the market.") == 1)
        #expect(found("A quiet day at the harbour.") == 0)
    }

    @Test("A token without a literal of its own leaves the pattern unfiltered")
    func tokenWithoutLiteral() throws {
        var regex = try GoRegex.compile(#"(?m)(?:\d+%|per ?cent)"#)
        regex.requireAnyLiteral(of: [#"\d+%"#, "per ?cent"])
        #expect(regex.anyLiteral == nil)
    }
}
