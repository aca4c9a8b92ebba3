import Foundation
import Testing
@testable import CopydeskStyle

@Suite("A rule's action: what an editor could write instead")
struct ValeActionTests {
    @Test("Vale's edit forms, applied to the match")
    func editForms() {
        #expect(ValeAction.edit(["regex", #"(\w+)_(\w+)"#, "$1-$2"], "snake_case") == "snake-case")
        #expect(ValeAction.edit(["trim_right", ".!"], "Stop!.") == "Stop")
        #expect(ValeAction.edit(["trim_left", " -"], "- item") == "item")
        #expect(ValeAction.edit(["trim", "*"], "**bold**") == "bold")
        #expect(ValeAction.edit(["truncate", " "], "very big") == "very")
        #expect(ValeAction.edit(["split", "/", "1"], "and/or") == "or")
        #expect(ValeAction.edit(["split", "/", "5"], "and/or") == nil)
        #expect(ValeAction.edit(["reverse"], "text") == nil)
    }

    @Test("replace takes the params, or the check's own replacements; remove deletes; suggest offers nothing")
    func kinds() {
        #expect(ValeAction.suggestions(name: "replace", params: ["a", "b"], match: "x", replacements: ["c"]) == ["a", "b"])
        #expect(ValeAction.suggestions(name: "replace", params: [], match: "x", replacements: ["c"]) == ["c"])
        #expect(ValeAction.suggestions(name: "remove", params: [], match: "x", replacements: []) == [""])
        #expect(ValeAction.suggestions(name: "suggest", params: ["spellings"], match: "x", replacements: []).isEmpty)
        #expect(ValeAction.suggestions(name: nil, params: [], match: "x", replacements: ["c"]).isEmpty)
    }

    @Test("Findings carry the suggestions of their rule's action, and only when it has one")
    func findingsCarrySuggestions() throws {
        let fixture = try StyleFixture(ini: StyleFixture.houseIni, rules: [
            "Said": """
                extends: substitution
                message: "Use '%s' rather than '%s'."
                action:
                  name: replace
                swap:
                  stated: said
                  exclaimed: said|shouted
                """,
            "Plain": """
                extends: substitution
                message: "Use '%s' rather than '%s'."
                swap:
                  utilize: use
                """,
            "Filler": """
                extends: existence
                message: "Drop '%s'."
                action:
                  name: remove
                tokens:
                  - basically
                """,
            "Kebab": """
                extends: existence
                message: "'%s' should be kebab-case."
                nonword: true
                action:
                  name: edit
                  params:
                    - regex
                    - '(\\w+)_(\\w+)'
                    - '$1-$2'
                tokens:
                  - '\\w+_\\w+'
                """,
        ])
        let found = try fixture.suggestions("a.md", "She stated, basically, that we utilize the file_name field; he exclaimed.\n")
        #expect(found == ["House.Said: said", "House.Filler: ", "House.Plain: ", "House.Kebab: file-name",
                          "House.Said: said | shouted"])
    }
}
