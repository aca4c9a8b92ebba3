import CopydeskCore
import Testing
@testable import CopydeskPolicy

@Suite("Legal notices in policies")
struct PolicyNoticeTests {
    let loader = TestCatalogue.loader

    @Test("A notice reads with every key, conditions in both the single and the list form")
    func fullNotice() throws {
        let policy = try loader.load(yaml: """
            schema: 1
            notices:
              - id: regional-warning
                text: |
                  First paragraph of the
                  approved text.

                  Second paragraph.
                case-sensitive: true
                required:
                  when:
                    - mentions: [Freedonia, Kremlin]
                      patterns: ['\\bFreedonian?\\b']
                    - front-matter: {region: [east], desk: {not: [sport]}}
                      wire: [AP]
                placement: end
                forbidden-when: {front-matter: {edition: {not: [international]}}}
              - id: correction
                text: ["One.", "Two."]
                required: always
              - id: optional
                text: Only checked where it appears.
                required: never
                placement: before-body

            """, path: "policy.yml")
        #expect(policy.notices.map(\.id) == ["regional-warning", "correction", "optional"])
        let regional = policy.notices[0]
        #expect(regional.text == "First paragraph of the\napproved text.\n\nSecond paragraph.")
        #expect(regional.paragraphs == ["First paragraph of the\napproved text.", "Second paragraph."])
        #expect(regional.caseSensitive)
        #expect(regional.placement == .end)
        #expect(regional.location == PolicyLocation(file: "policy.yml", line: 3, column: 5))
        #expect(regional.required == .when([
            NoticeCondition(mentions: ["Freedonia", "Kremlin"], patterns: ["\\bFreedonian?\\b"]),
            NoticeCondition(frontMatter: [.init(field: "region", match: .anyOf(["east"])),
                                          .init(field: "desk", match: .noneOf(["sport"]))], wire: ["AP"]),
        ]))
        #expect(regional.forbiddenWhen == [NoticeCondition(frontMatter: [.init(field: "edition", match: .noneOf(["international"]))])])
        #expect(policy.notices[1].text == "One.\n\nTwo.")
        #expect(policy.notices[1].required == .always)
        #expect(policy.notices[1].placement == .anywhere)
        #expect(!policy.notices[1].caseSensitive)
        #expect(policy.notices[2].required == .never)
        #expect(policy.notices[2].placement == .beforeBody)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var yaml: String
        var expected: String
        init(_ yaml: String, _ expected: String) {
            self.yaml = yaml
            self.expected = expected
        }
        var testDescription: String { expected }
    }

    static let notice = "schema: 1\nnotices:\n  - id: n\n    text: Approved.\n"

    static let errorCases: [Case] = [
        Case("schema: 1\nnotices: {id: n}\n", "policy.yml:2:10: error: 'notices' must be a list of notices, not a mapping (write each notice as a mapping, such as '- {id: wire-copyright, text: \"…\", required: always, placement: end}')"),
        Case("schema: 1\nnotices:\n  - wire-copyright\n", "policy.yml:3:5: error: a notice must be a mapping of id, text, required and placement, not 'wire-copyright' (write each notice as a mapping, such as '- {id: wire-copyright, text: \"…\", required: always, placement: end}')"),
        Case("schema: 1\nnotices:\n  - text: Approved.\n    required: always\n", "policy.yml:3:5: error: the notice has no 'id' (add 'id:' with a name such as 'wire-copyright'; articles waive the notice by it)"),
        Case("schema: 1\nnotices:\n  - id: wire copyright\n    text: a\n    required: always\n", "policy.yml:3:9: error: notice id 'wire copyright' may hold only letters, digits, '-' and '_' (articles name the notice by its id in front matter; write it like 'regional-warning')"),
        Case("schema: 1\nnotices:\n  - id: n\n    required: always\n", "policy.yml:3:5: error: notice 'n' has no 'text' (add 'text:' with the approved wording; use 'text: |' for several paragraphs)"),
        Case(notice, "policy.yml:3:5: error: notice 'n' does not say when it is required (add 'required: always', 'required: never' or 'required: {when: {mentions: [...]}}')"),
        Case(notice + "    required: always\n    placment: end\n", "policy.yml:6:5: error: unknown key 'placment' in notice 'n' (did you mean 'placement'?)"),
        Case(notice + "    required: always\n    colour: red\n", "policy.yml:6:5: error: unknown key 'colour' in notice 'n' (valid keys: id, text, case-sensitive, required, placement, forbidden-when)"),
        Case(notice + "    required: allways\n", "policy.yml:5:15: error: 'required' in notice 'n' cannot be 'allways' (did you mean 'always'? write 'required: always', 'required: never' or 'required: {when: {mentions: [...]}}')"),
        Case(notice + "    required: [always]\n", "policy.yml:5:15: error: 'required' in notice 'n' cannot be a list (write 'required: always', 'required: never' or 'required: {when: {mentions: [...]}}')"),
        Case(notice + "    required: {wen: {mentions: [x]}}\n", "policy.yml:5:16: error: unknown key 'wen' in 'required' of notice 'n' (did you mean 'when'?)"),
        Case(notice + "    required: {when: []}\n", "policy.yml:5:22: error: 'required: when' in notice 'n' is an empty list (give at least one condition, or write 'required: never')"),
        Case(notice + "    required: {when: {}}\n", "policy.yml:5:22: error: a condition of 'required: when' in notice 'n' is empty (give at least one of mentions, patterns, front-matter, wire)"),
        Case(notice + "    required: {when: {mention: [x]}}\n", "policy.yml:5:23: error: unknown key 'mention' in a condition of 'required: when' in notice 'n' (did you mean 'mentions'?)"),
        Case(notice + "    required: {when: {mentions: {x: y}}}\n", "policy.yml:5:33: error: 'mentions' in 'required: when' in notice 'n' must be a string or a list of strings, not a mapping (write 'mentions: [Russia, Kremlin]')"),
        Case(notice + "    required: {when: {patterns: ['(unclosed']}}\n", "policy.yml:5:34: error: '(unclosed' in 'required: when' in notice 'n' is not a valid regular expression (patterns use ICU syntax; write them in single quotes so YAML keeps backslashes, such as '\\bRussia(n)?\\b')"),
        Case(notice + "    required: {when: {front-matter: [section]}}\n", "policy.yml:5:37: error: 'front-matter' in 'required: when' in notice 'n' must be a mapping of field names to values, not a list (write 'front-matter: {section: [politics], region: {not: [europe]}}')"),
        Case(notice + "    required: {when: {front-matter: {region: {only: [x]}}}}\n", "policy.yml:5:47: error: field 'region' in 'required: when' in notice 'n' must be a list of values or '{not: [values]}' (write 'region: [value]' to match those values, or 'region: {not: [value]}' to match any other)"),
        Case(notice + "    required: always\n    placement: bottom\n", "policy.yml:6:16: error: 'bottom' is not a placement for notice 'n' (valid placements: end, after-body, before-body, anywhere)"),
        Case(notice + "    required: always\n    placement: ends\n", "policy.yml:6:16: error: 'ends' is not a placement for notice 'n' (did you mean 'end'?)"),
        Case(notice + "    required: always\n    case-sensitive: \"yes\"\n", "policy.yml:6:21: error: 'case-sensitive' in notice 'n' must be true or false, not the quoted string 'yes' (remove the quotes around 'yes')"),
        Case(notice + "    required: always\n    forbidden-when: sometimes\n", "policy.yml:6:21: error: 'forbidden-when' in notice 'n' must be a condition (a mapping) or a list of conditions, not 'sometimes' (write a mapping such as '{mentions: [Russia], front-matter: {region: [europe]}}')"),
        Case("schema: 1\nnotices:\n  - id: n\n    text: \"  \"\n    required: always\n", "policy.yml:4:11: error: the text of notice 'n' is empty (give the approved wording of the notice)"),
        Case("schema: 1\nnotices:\n  - id: n\n    text: {a: b}\n    required: always\n", "policy.yml:4:11: error: the text of notice 'n' must be a string or a list of paragraphs, not a mapping (write 'text: |' and the approved wording on the lines below, indented)"),
        Case("schema: 1\nnotices:\n  - {id: n, text: a, required: always}\n  - {id: m, text: b, required: always}\n  - {id: n, text: c, required: never}\n", "policy.yml:5:10: error: duplicate notice id 'n' ('n' is already defined at 3:10 in this file; keep one, or give this notice another id)"),
    ]

    @Test("Every notice error names the place to fix and how", arguments: errorCases)
    func errors(_ testCase: Case) {
        let error = policyError { () throws(PolicyError) in try loader.load(yaml: testCase.yaml, path: "policy.yml") }
        #expect(error?.description == testCase.expected)
    }

    @Test("Extending replaces a notice of the same id in its place and appends new ones")
    func extendsMergesById() throws {
        let base = """
            schema: 1
            notices:
              - {id: first, text: First wording., required: always, placement: end}
              - {id: second, text: Second wording., required: never}

            """
        let loader = PolicyLoader(schemas: TestCatalogue.schemas, builtinPolicies: ["base": base])
        let policy = try loader.load(yaml: """
            schema: 1
            extends: base
            notices:
              - {id: third, text: Third wording., required: always}
              - {id: first, text: House wording., required: {when: {wire: [AP]}}}

            """, path: "house.yml")
        #expect(policy.notices.map(\.id) == ["first", "second", "third"])
        let first = policy.notices[0]
        #expect(first.text == "House wording.")
        #expect(first.required == .when([NoticeCondition(wire: ["AP"])]))
        // Replaced as a whole: the base's placement is not inherited.
        #expect(first.placement == .anywhere)
        #expect(first.location == PolicyLocation(file: "house.yml", line: 5, column: 6))
        #expect(policy.notices[1].location?.file == "<builtin>/base.yml")
    }

    @Test("The same id in two extended files is not a duplicate: the later one wins")
    func sameIdAcrossFiles() throws {
        let loader = PolicyLoader(schemas: TestCatalogue.schemas, builtinPolicies: [
            "a": "schema: 1\nnotices: [{id: n, text: From a., required: always}]\n",
            "b": "schema: 1\nnotices: [{id: n, text: From b., required: always}]\n",
        ])
        let policy = try loader.load(yaml: "schema: 1\nextends: [a, b]\n", path: "house.yml")
        #expect(policy.notices.map(\.text) == ["From b."])
    }

    @Test("The rendered policy spells out every notice and loads back to the same notices",
          arguments: [
              "schema: 1\n",
              """
              schema: 1
              notices:
                - id: regional-warning
                  text: "Quotes \\" and “curly” — dashes,\\n\\nand a second paragraph: here."
                  case-sensitive: true
                  required: {when: [{mentions: ["Freedonia", "null"], patterns: ['\\d+ "x"']}, {front-matter: {"odd key": [a, "b, c"], desk: {not: [sport]}}, wire: [AP]}]}
                  placement: after-body
                  forbidden-when: [{front-matter: {region: {not: [east]}}}]
                - {id: plain, text: Plain., required: never}
                - {id: always, text: Always., required: always, placement: before-body, forbidden-when: []}

              """,
          ])
    func roundTrip(yaml: String) throws {
        let original = try loader.load(yaml: yaml, path: "original.yml")
        let rendered = original.renderYAML()
        let reloaded = try loader.load(yaml: rendered, path: "rendered.yml")
        func withoutLocations(_ notices: [Notice]) -> [Notice] {
            notices.map { notice in
                var copy = notice
                copy.location = nil
                return copy
            }
        }
        #expect(withoutLocations(reloaded.notices) == withoutLocations(original.notices))
        #expect(rendered.contains(original.notices.isEmpty ? "notices: []" : "notices:\n  - id: "))
    }

    @Test("A notice's rendering shows each key, in the order the format documents")
    func renderingLayout() throws {
        let policy = try loader.load(yaml: """
            schema: 1
            notices:
              - id: regional-warning
                text: "One.\\n\\nTwo."
                required: {when: {mentions: [Freedonia]}}
                placement: end
                forbidden-when: {front-matter: {region: {not: [east]}}}

            """, path: "p.yml")
        #expect(policy.renderYAML().hasSuffix("""
            rules: {}
            notices:
              - id: "regional-warning"  # set at p.yml:3:5
                text: "One.\\n\\nTwo."
                case-sensitive: false
                required: {when: [{mentions: ["Freedonia"]}]}
                placement: end
                forbidden-when: [{front-matter: {region: {not: ["east"]}}}]

            """))
    }
}
