import Foundation
import Testing
@testable import CopydeskStyle

@Suite struct ValeIniTests {
    @Test func readsGlobalKeysAndSectionsInOrder() throws {
        let ini = try ValeIni.parse("""
            # a comment
            StylesPath = styles
            MinAlertLevel = warning
            Vocab = Desk

            [*]
            BasedOnStyles = House, Vale

            [*.{md,txt}]
            House.Passive = NO
            """, path: "/tmp/x/.vale.ini")
        #expect(ini.globalValue("StylesPath")?.value == "styles")
        #expect(ini.globalValue("minalertlevel")?.value == "warning")
        #expect(ini.sections.map(\.name) == ["*", "*.{md,txt}"])
        #expect(ini.sections[1].entries.first?.key == "House.Passive")
        #expect(ini.sections[1].entries.first?.line == 10)
    }

    @Test func aLineThatIsNeitherKeyNorSectionIsAnErrorWithItsLine() {
        #expect(throws: StyleError.self) { try ValeIni.parse("StylesPath = s\nnonsense here\n", path: "c.ini") }
        do {
            _ = try ValeIni.parse("StylesPath = s\nnonsense here\n", path: "c.ini")
        } catch {
            #expect(error.line == 2)
        }
    }

    @Test func sectionGlobsMatchLikeVales() {
        #expect(SectionGlob("*").matches("desk/story.md"))
        #expect(SectionGlob("*.md").matches("desk/story.md"))
        #expect(!SectionGlob("*.md").matches("story.txt"))
        #expect(SectionGlob("*.{md,txt}").matches("story.txt"))
        #expect(SectionGlob("story.md").matches("story.md"))
        #expect(!SectionGlob("!*.md").matches("story.md"))
    }

    @Test func patternListsKeepCommasInsideGroups() {
        #expect(ValeValues.patternList("({%.+?%}), ({{.+?}})") == ["({%.+?%})", "({{.+?}})"])
        #expect(ValeValues.patternList("(a{1,2}), b") == ["(a{1,2})", "b"])
    }

    @Test func theNearestConfigurationAboveAnArticleIsFound() throws {
        let fixture = try StyleFixture(ini: "MinAlertLevel = error\n", files: ["desk/metro/story.md": "Text.\n"])
        let found = ValeIni.find(from: fixture.root + "/desk/metro")
        #expect(found == fixture.root + "/.vale.ini")
        try "x = y\n".write(toFile: fixture.root + "/desk/_vale.ini", atomically: true, encoding: .utf8)
        #expect(ValeIni.find(from: fixture.root + "/desk/metro") == fixture.root + "/desk/_vale.ini")
    }

    @Test func perGlobSettingsSwitchAndReLevelRules() throws {
        let fixture = try StyleFixture(ini: """
            StylesPath = styles
            MinAlertLevel = suggestion

            [*]
            BasedOnStyles = House

            [*.txt]
            House.Filler = NO

            [brief.md]
            House.Filler = error
            """, rules: ["Filler": """
            extends: existence
            message: "Cut '%s'."
            level: suggestion
            tokens:
              - basically
            """])
        #expect(try fixture.lint("a.md", "It was basically over.\n") == ["a.md:1:8:House.Filler:Cut 'basically'."])
        #expect(try fixture.lint("a.txt", "It was basically over.\n").isEmpty)
        let library = StyleLibrary()
        let selection = try #require(try library.selection(forArticle: fixture.root + "/brief.md"))
        #expect(selection.rules.first?.level == .error)
    }

    @Test func minAlertLevelHidesLowerLevels() throws {
        let fixture = try StyleFixture(ini: """
            StylesPath = styles
            MinAlertLevel = error

            [*]
            BasedOnStyles = House
            """, rules: ["Soft": """
            extends: existence
            message: "Soft: '%s'."
            level: warning
            tokens: [perhaps]
            """, "Hard": """
            extends: existence
            message: "Hard: '%s'."
            level: error
            tokens: [definitely]
            """])
        #expect(try fixture.lint("a.md", "Perhaps it definitely rained.\n") == ["a.md:1:12:House.Hard:Hard: 'definitely'."])
    }

    @Test func vocabulariesMakeTermsAndAvoid() throws {
        let fixture = try StyleFixture(ini: """
            StylesPath = styles
            Vocab = Desk

            [*]
            BasedOnStyles = Vale
            """, files: [
            "styles/config/vocabularies/Desk/accept.txt": "# house spellings\nTransitAuthority\n",
            "styles/config/vocabularies/Desk/reject.txt": "synergy\n",
        ])
        let found = try fixture.lint("a.md", "The transitauthority spoke of synergy.\n")
        #expect(found == [
            "a.md:1:5:Vale.Terms:Use 'TransitAuthority' instead of 'transitauthority'.",
            "a.md:1:31:Vale.Avoid:Avoid using 'synergy'.",
        ])
    }
}
