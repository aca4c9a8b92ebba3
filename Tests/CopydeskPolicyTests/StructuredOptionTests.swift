import CopydeskCore
import Testing
@testable import CopydeskPolicy
import CopydeskRules

/// Options whose values are lists of mappings, decoded with the same
/// positions and suggestions as scalar ones.
@Suite("Structured rule options")
struct StructuredOptionTests {
    let loader = PolicyLoader(schemas: RuleRegistry.schemas + [TestCatalogue.swapRule])

    @Test("A list of mappings decodes in order, with defaults for the keys left out")
    func listOfMappings() throws {
        let yaml = """
            schema: 1
            rules:
              swap-rule:
                swaps:
                  - {find: utilise, replace: use}
                  - find: per cent
                    replace: percent
                    ignore-case: false
            """
        let policy = try loader.load(yaml: yaml, path: "policy.yml")
        let swaps = try #require(policy.rules["swap-rule"]?.options["swaps"])
        #expect(swaps == .list([
            .mapping([OptionField("find", .string("utilise")), OptionField("replace", .string("use")),
                      OptionField("ignore-case", .bool(true))]),
            .mapping([OptionField("find", .string("per cent")), OptionField("replace", .string("percent")),
                      OptionField("ignore-case", .bool(false))]),
        ]))
        #expect(swaps.description == "[{find: utilise, replace: use, ignore-case: true}, {find: per cent, replace: percent, ignore-case: false}]")
    }

    @Test("A misspelt key inside an entry is an error at that key, with the nearest key suggested")
    func unknownKeyInsideAnEntry() {
        let yaml = "schema: 1\nrules:\n  swap-rule:\n    swaps:\n      - {find: utilise, replac: use}\n"
        let error = policyError { () throws(PolicyError) in try loader.load(yaml: yaml, path: "policy.yml") }
        #expect(error?.location == PolicyLocation(file: "policy.yml", line: 5, column: 25))
        #expect(error?.message == "unknown key 'replac' in an item of option 'swaps' in rule 'swap-rule'")
        #expect(error?.hint == "did you mean 'replace'?")
    }

    @Test("A wrong value inside an entry points at the value")
    func wrongValueInsideAnEntry() {
        let yaml = "schema: 1\nrules:\n  swap-rule:\n    swaps:\n      - find: utilise\n        ignore-case: sometimes\n"
        let error = policyError { () throws(PolicyError) in try loader.load(yaml: yaml, path: "policy.yml") }
        #expect(error?.location == PolicyLocation(file: "policy.yml", line: 6, column: 22))
        #expect(error?.message.hasPrefix("'ignore-case' in an item of option 'swaps' in rule 'swap-rule' must be true or false") == true)
    }

    @Test("An entry that is not a mapping is refused")
    func entryThatIsNotAMapping() {
        let yaml = "schema: 1\nrules:\n  swap-rule:\n    swaps: [utilise]\n"
        let error = policyError { () throws(PolicyError) in try loader.load(yaml: yaml, path: "policy.yml") }
        #expect(error?.location == PolicyLocation(file: "policy.yml", line: 4, column: 13))
        #expect(error?.message.contains("must be a mapping of find, replace, ignore-case") == true)
    }

    @Test("policy show renders a structured option so that it loads back to the same value")
    func renderedBack() throws {
        let yaml = "schema: 1\nrules:\n  swap-rule:\n    swaps: [{find: \"it's\", replace: \"it is\"}]\n"
        let policy = try loader.load(yaml: yaml, path: "policy.yml")
        let rendered = policy.renderYAML()
        #expect(rendered.contains("    swaps: [{find: \"it's\", replace: \"it is\", ignore-case: true}]"))
        let reloaded = try loader.load(yaml: rendered, path: "shown.yml")
        #expect(reloaded.rules["swap-rule"]?.options["swaps"] == policy.rules["swap-rule"]?.options["swaps"])
    }

    @Test("Notices are a section of the policy, not a setting under the rule")
    func noticesUnderTheRuleAreRedirected() {
        let yaml = "schema: 1\nrules:\n  legal-notice:\n    notices: []\n"
        let error = policyError { () throws(PolicyError) in try loader.load(yaml: yaml, path: "policy.yml") }
        #expect(error?.location == PolicyLocation(file: "policy.yml", line: 4, column: 5))
        #expect(error?.message == "'notices' is a section of the policy, not a setting of rule 'legal-notice'")
    }
}
