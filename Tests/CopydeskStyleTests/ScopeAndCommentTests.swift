import Foundation
import Testing
@testable import CopydeskStyle

@Suite struct ScopeTests {
    @Test func selectorsReadSectionsNegationAndConjunction() {
        let block: Set<String> = ["text", "heading", "h2", "md"]
        #expect(ScopeSelector(["heading"]).matches(block))
        #expect(ScopeSelector(["heading.h2"]).matches(block))
        #expect(!ScopeSelector(["heading.h1"]).matches(block))
        #expect(ScopeSelector(["heading & ~heading.h1"]).matches(block))
        #expect(!ScopeSelector(["heading & ~heading.h2"]).matches(block))
        #expect(ScopeSelector(["paragraph", "heading.h2"]).matches(block))
        #expect(!ScopeSelector(["~heading"]).matches(["raw", "md"]))
        #expect(ScopeSelector(["text.md"]).matches(block))
        #expect(!ScopeSelector(["text.html"]).matches(block))
    }

    static let annotations = """
        extends: existence
        message: "'%s' left in."
        level: error
        tokens: [TK]
        """

    @Test func headingListAndTableScopes() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: [
            "Heads": "extends: existence\nmessage: \"Head: %s\"\nscope: heading\ntokens: [TK]\n",
            "Items": "extends: existence\nmessage: \"Item: %s\"\nscope: list\ntokens: [TK]\n",
            "Cells": "extends: existence\nmessage: \"Cell: %s\"\nscope: table.cell\ntokens: [TK]\n",
        ])
        let article = "# Budget TK\n\nBody TK here.\n\n- item TK\n\n| Year | Cost |\n|------|------|\n| TK   | 12   |\n"
        #expect(try fixture.lint("a.md", article) == [
            "a.md:1:10:House.Heads:Head: TK",
            "a.md:5:8:House.Items:Item: TK",
            "a.md:9:3:House.Cells:Cell: TK",
        ])
    }

    @Test func inlineCodeAndBareAddressesAreNotProse() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: ["Notes": Self.annotations])
        #expect(try fixture.lint("a.md", "Run `TK` now, see https://example.com/TK and fix TK.\n")
                == ["a.md:1:50:House.Notes:'TK' left in."])
    }

    @Test func rawScopeSeesTheMarkup() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: ["Fence": """
            extends: existence
            message: "Fence language '%s'."
            scope: raw
            nonword: true
            raw:
              - '```\\w+'
            """])
        #expect(try fixture.lint("a.md", "Intro.\n\n```sh\nls\n```\n") == ["a.md:3:1:House.Fence:Fence language '```sh'."])
    }

    @Test func wordsInsideAttributedQuotationsAreLeftAlone() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: [
            "Slang": "extends: existence\nmessage: \"Slang: %s\"\ntokens: [gonna]\n",
            "QuotedSlang": "extends: existence\nmessage: \"Quoted slang: %s\"\nscope: quote\ntokens: [gonna]\n",
        ])
        let article = "\"We are gonna win,\" the coach said on Sunday.\n\nThe club is gonna appeal.\n"
        #expect(try fixture.lint("a.md", article) == [
            "a.md:1:9:House.QuotedSlang:Quoted slang: gonna",
            "a.md:3:13:House.Slang:Slang: gonna",
        ])
    }

    @Test func newsScopesFollowCopydesksBlocks() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: [
            "HeadlineCase": "extends: existence\nmessage: \"Headline: %s\"\nscope: headline\ntokens: [TK]\n",
        ])
        #expect(try fixture.lint("a.md", "# Council TK vote\n\nBody TK.\n") == ["a.md:1:11:House.HeadlineCase:Headline: TK"])
    }
}

@Suite struct ValeCommentTests {
    @Test func offOnAndPerRuleSwitches() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: [
            "Notes": ScopeTests.annotations,
            "Other": "extends: existence\nmessage: \"Other: %s\"\nlevel: error\ntokens: [TBD]\n",
        ])
        let article = """
            TK one.

            <!-- vale off -->

            TK two.

            <!-- vale on -->

            <!-- vale House.Notes = NO -->

            TK three, TBD.

            <!-- vale House.Notes = YES -->

            TK four.

            <!-- vale House = NO -->

            TK five, TBD.

            """
        #expect(try fixture.lint("a.md", article) == [
            "a.md:1:1:House.Notes:'TK' left in.",
            "a.md:11:11:House.Other:Other: TBD",
            "a.md:15:1:House.Notes:'TK' left in.",
        ])
    }

    @Test func switchesParse() {
        #expect(ValeComments.parse("vale off", offset: 0).first?.on == false)
        let two = ValeComments.parse("vale A.B = NO, A.C = YES", offset: 3)
        #expect(two.map(\.target) == ["A.B", "A.C"])
        #expect(ValeComments.parse("copydesk disable x", offset: 0).isEmpty)
    }
}

@Suite struct RuleFileErrorTests {
    @Test func anUnknownKeyNamesItsPlaceAndTheNearestKey() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: ["Typo": """
            extends: existence
            message: "x"
            tokenz:
              - a
            """])
        let error = try #require(fixture.loadError())
        #expect(error.file.hasSuffix("House/Typo.yml"))
        #expect(error.line == 3)
        #expect(error.column == 1)
        #expect(error.hint == "did you mean 'tokens'?")
    }

    @Test func aPatternCopydeskCannotHonourIsAnErrorAtItsLine() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: ["Greedy": """
            extends: existence
            message: "x"
            tokens:
              - fine
              - '(?U)a+b'
            """])
        let error = try #require(fixture.loadError())
        #expect(error.line == 5)
        #expect(error.column == 5)
        #expect(error.message.contains("ungreedy"))
    }

    @Test func aBadExtendsOrLevelIsAnError() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: ["Kind": "extends: existance\nmessage: x\n"])
        #expect(fixture.loadError()?.hint == "did you mean 'existence'?")
        let levels = try StyleFixture(ini: StyleFixture.houseIni, rules: ["Level": "extends: existence\nmessage: x\nlevel: loud\ntokens: [a]\n"])
        #expect(levels.loadError()?.line == 3)
    }

    @Test func sequenceRulesAreNamedAsNotRun() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: ["Tagged": """
            extends: sequence
            message: "x"
            tokens:
              - tag: NN
              - pattern: up
            """, "Plain": "extends: existence\nmessage: x\ntokens: [a]\n"])
        let selection = try #require(try StyleLibrary().selection(forArticle: fixture.root + "/a.md"))
        #expect(selection.notRun.count == 1)
        #expect(selection.notRun.first?.hasPrefix("House.Tagged is not run") == true)
    }

    @Test func messagesFormatLikeVales() {
        #expect(ValeMessage.format("Use '%s' instead of '%s'.", ["a", "b"]) == "Use 'a' instead of 'b'.")
        #expect(ValeMessage.format("'%s' and '%s' again", ["x"]) == "'x' and 'x' again")
        #expect(ValeMessage.format("100%% sure: %s", ["y"]) == "100% sure: y")
        #expect(ValeMessage.sentence(["a", "b", "c"], "or") == "'a', 'b', or 'c'")
    }
}

@Suite struct MarkupScopeTests {
    @Test func htmlContainersGiveListAndCellScopes() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: [
            "Items": "extends: existence\nmessage: \"Item: %s\"\nscope: list\ntokens: [TK]\n",
            "Cells": "extends: existence\nmessage: \"Cell: %s\"\nscope: table.cell\ntokens: [TK]\n",
        ])
        let page = """
            <html><body>
            <p>Lead TK paragraph.</p>
            <ul>
            <li><p>First TK point</p></li>
            </ul>
            <table><tr><td><p>TK</p></td></tr></table>
            </body></html>
            """
        #expect(try fixture.lint("a.html", page) == [
            "a.html:4:14:House.Items:Item: TK",
            "a.html:6:19:House.Cells:Cell: TK",
        ])
    }

    @Test func altTextOfImagesInsideAParagraph() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: [
            "Alt": "extends: occurrence\nmessage: \"Alt text too long.\"\nscope: alt\nmax: 20\ntoken: '[\\w\\s]'\n",
        ])
        let article = "Look: ![a long description of the harbour at dawn](pic.jpg) and ![short](b.jpg).\n"
        #expect(try fixture.lint("a.md", article) == ["a.md:1:9:House.Alt:Alt text too long."])
        #expect(ValeBlocks.inlineImageAlts(Array(article.utf8), in: 0..<article.utf8.count).count == 2)
    }

    @Test func ignoredClassesAndSkippedTagsAreRegions() {
        let html = Array(#"<p class="note x">skip <b>this</b></p><p>keep</p><pre>code</pre>"#.utf8)
        let regions = MarkupRegions.ignored(html, classes: ["note"], tags: ["pre"])
        #expect(regions.count == 2)
        #expect(regions[0].lowerBound == 0)
        #expect(String(decoding: html[regions[1]], as: UTF8.self) == "<pre>code</pre>")
    }
}
