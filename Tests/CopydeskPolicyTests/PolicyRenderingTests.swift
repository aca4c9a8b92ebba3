import CopydeskCore
import Testing
@testable import CopydeskPolicy

@Suite("Rendering the effective policy")
struct PolicyRenderingTests {
    let loader = TestCatalogue.loader

    @Test("Rules are sorted, with every severity and option spelt out and defaults marked")
    func layout() throws {
        let base = "schema: 1\nrules:\n  quote-balance: error\n  suppression-without-reason: on\n"
        let loader = PolicyLoader(schemas: TestCatalogue.schemas, builtinPolicies: ["base": base])
        let policy = try loader.load(yaml: """
            schema: 1
            extends: base
            name: Example Daily
            exclude: "drafts/**"
            rules:
              unused-suppression: off
              sample-rule:
                min-words: 4
                banned-words: [very, "say \\"hi\\""]

            """, path: "desk/policy.yml")
        #expect(policy.renderYAML() == """
            # Effective copydesk policy, folded from (later files override earlier ones):
            #   <builtin>/base.yml
            #   desk/policy.yml
            schema: 1
            name: "Example Daily"
            exclude:
              - "drafts/**"
            rules:
              quote-balance:  # set at <builtin>/base.yml:3:3
                severity: error
                enabled: true
              sample-rule:  # set at desk/policy.yml:7:3
                severity: warning  # default
                enabled: true
                min-words: 4
                ratio: 0.5  # default
                strict: false  # default
                house-name: "Daily"  # default
                banned-words: ["very", "say \\"hi\\""]
                style: "smart"  # default
              suppression-without-reason:  # set at <builtin>/base.yml:4:3
                severity: warning  # default
                enabled: true
              unused-suppression:  # set at desk/policy.yml:6:3
                severity: warning  # default
                enabled: false
            notices: []

            """)
    }

    @Test("The rendered policy loads back to the same effective settings",
          arguments: [
              "schema: 1\nextends: default\n",
              "schema: 1\nrules: {}\n",
              """
              schema: 1
              name: "Quotes \\" and \\\\ backslashes, tabs\\t, é and ☕"
              exclude: ["drafts/**", "**/*.draft.md", "it's: [odd] # not a comment"]
              rules:
                sample-rule:
                  severity: note
                  enabled: false
                  min-words: 100
                  ratio: 0.000001
                  strict: on
                  house-name: "yes"
                  banned-words: ["~", "null", "", "- dash", "multi\\nline"]
                  style: plain
                quote-balance: on

              """,
          ])
    func roundTrip(yaml: String) throws {
        let original = try loader.load(yaml: yaml, path: "original.yml")
        let rendered = original.renderYAML()
        let reloaded = try loader.load(yaml: rendered, path: "rendered.yml")
        #expect(reloaded.name == original.name)
        #expect(reloaded.exclude == original.exclude)
        #expect(reloaded.rules.keys.sorted() == original.rules.keys.sorted())
        for (id, setting) in original.rules {
            let schema = try #require(TestCatalogue.schemas.first { $0.id == id })
            let copy = try #require(reloaded.rules[id])
            #expect(copy.enabled == setting.enabled)
            #expect((copy.severity ?? schema.defaultSeverity) == (setting.severity ?? schema.defaultSeverity))
            #expect(RuleOptions(defaultsOf: schema.options, overrides: copy.options)
                == RuleOptions(defaultsOf: schema.options, overrides: setting.options))
        }
        // Rendering again changes only the header and the places settings
        // came from (all options are explicit now, so none is a default).
        func body(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("#") }
                .map { line in
                    var line = String(line)
                    if let place = line.range(of: "  # set at ") { line = String(line[..<place.lowerBound]) }
                    if let place = line.range(of: "  # from ") { line = String(line[..<place.lowerBound]) }
                    if line.hasSuffix("  # default") { line = String(line.dropLast("  # default".count)) }
                    return line
                }
                .joined(separator: "\n")
        }
        #expect(body(reloaded.renderYAML()) == body(rendered))
    }
}
