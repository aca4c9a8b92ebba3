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
