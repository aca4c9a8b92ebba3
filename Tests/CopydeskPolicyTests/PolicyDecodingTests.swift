import CopydeskCore
import Testing
@testable import CopydeskPolicy

@Suite("Decoding policy files")
struct PolicyDecodingTests {
    let loader = TestCatalogue.loader

    @Test("Shorthand settings turn a rule on or off or set its severity",
          arguments: [
              ("error", true, Severity.error),
              ("warning", true, .warning),
              ("note", true, .note),
              ("\"note\"", true, .note),
              ("on", true, nil),
              ("true", true, nil),
              ("yes", true, nil),
              ("off", false, nil),
              ("false", false, nil),
              ("no", false, nil),
          ] as [(String, Bool, Severity?)])
    func shorthand(value: String, enabled: Bool, severity: Severity?) throws {
        let policy = try loader.load(yaml: "schema: 1\nrules:\n  quote-balance: \(value)\n", path: "policy.yml")
        let setting = try #require(policy.rules["quote-balance"])
        #expect(setting.enabled == enabled)
        #expect(setting.severity == severity)
        #expect(setting.options.isEmpty)
        #expect(setting.location == PolicyLocation(file: "policy.yml", line: 3, column: 3))
    }

    @Test("The full form reads severity, enabled and an option of every kind")
    func fullForm() throws {
        let yaml = """
            schema: 1
            name: Example Daily house style
            exclude: ["drafts/**", "**/*.draft.md"]
            rules:
              sample-rule:
                severity: note
                enabled: true
                min-words: 4
                ratio: 0.25
                strict: yes
                house-name: 'The "Example" Daily'
                banned-words: [very, "really"]
                style: guillemets
              unused-suppression:
                enabled: false

            """
        let policy = try loader.load(yaml: yaml, path: "house/policy.yml")
        #expect(policy.name == "Example Daily house style")
        #expect(policy.exclude == ["drafts/**", "**/*.draft.md"])
        #expect(policy.sources == ["house/policy.yml"])
        #expect(policy.directory == "house")
        #expect(policy.enabledRuleIDs == ["sample-rule"])
        let setting = try #require(policy.rules["sample-rule"])
        #expect(setting.severity == .note)
        #expect(setting.options == [
            "min-words": .integer(4),
            "ratio": .number(0.25),
            "strict": .bool(true),
            "house-name": .string("The \"Example\" Daily"),
            "banned-words": .strings(["very", "really"]),
            "style": .string("guillemets"),
        ])
        #expect(setting.location == PolicyLocation(file: "house/policy.yml", line: 5, column: 3))
        #expect(policy.rules["unused-suppression"]?.enabled == false)
        #expect(policy.rules["unused-suppression"]?.severity == nil)
    }

    @Test("Single strings stand for one-entry lists in extends and exclude; numbers take integers")
    func lenientForms() throws {
        let policy = try loader.load(yaml: """
            schema: 1
            exclude: "drafts/**"
            rules:
              sample-rule: {ratio: 1, min-words: +7}

            """, path: "policy.yml")
        #expect(policy.exclude == ["drafts/**"])
        #expect(policy.rules["sample-rule"]?.options == ["ratio": .number(1), "min-words": .integer(7)])
    }

    @Test("With many rules, an unknown one points to 'copydesk rules' instead of listing them")
    func longRuleList() {
        let schemas = (1...20).map { RuleSchema(id: "rule-number-\($0)", defaultSeverity: .warning, options: []) }
        let error = policyError { () throws(PolicyError) in
            try PolicyLoader(schemas: schemas).load(yaml: "schema: 1\nrules:\n  headline-case: on\n", path: "policy.yml")
        }
        #expect(error?.description == "policy.yml:3:3: error: unknown rule 'headline-case' (run 'copydesk rules' to list the rules)")
    }

    @Test("A policy may name no rules at all")
    func emptyRules() throws {
        let policy = try loader.load(yaml: "schema: 1\nrules: {}\n", path: "policy.yml")
        #expect(policy.rules.isEmpty)
        #expect(try loader.load(yaml: "schema: 1\n", path: "policy.yml").rules.isEmpty)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var yaml: String
        var expected: String
        var testDescription: String { expected }

        init(_ yaml: String, _ expected: String) {
            self.yaml = yaml
            self.expected = expected
        }
    }

    static let errorCases: [Case] = [
        // The file as a whole.
        Case("", "policy.yml:1:1: error: the policy file is empty (start it with 'schema: 1' and a 'rules' mapping; see docs/policies.md)"),
        Case("# only a comment\n\n", "policy.yml:1:1: error: the policy file is empty (start it with 'schema: 1' and a 'rules' mapping; see docs/policies.md)"),
        Case("- quote-balance\n", "policy.yml:1:1: error: a policy must be a mapping of keys (schema, rules, ...), not a list (start the file with 'schema: 1' on its own line)"),
        Case("rules:\n  quote-balance: error\n", "policy.yml:1:1: error: the policy has no 'schema' key (add 'schema: 1' as the first line)"),
        Case("# house style\nschema: 2\n", "policy.yml:2:9: error: unsupported schema version 2 (the only supported version is 1)"),
        Case("schema: one\n", "policy.yml:1:9: error: 'schema' must be a whole number, not 'one' (write 'schema: 1')"),
        Case("schema: \"1\"\n", "policy.yml:1:9: error: 'schema' must be a whole number, not the quoted string '1' (write 'schema: 1')"),
        // Top-level keys.
        Case("schema: 1\nrule:\n  quote-balance: error\n", "policy.yml:2:1: error: unknown top-level key 'rule' (did you mean 'rules'?)"),
        Case("schema: 1\ncolour: blue\n", "policy.yml:2:1: error: unknown top-level key 'colour' (valid keys: schema, name, extends, exclude, rules, notices, styles)"),
        Case("schema: 1\nrules: [quote-balance]\n", "policy.yml:2:8: error: 'rules' must be a mapping of rule ids to settings, not a list (write one rule per line under 'rules:', such as '  quote-balance: error')"),
        Case("schema: 1\nname: [a, b]\n", "policy.yml:2:7: error: 'name' must be a string, not a list (write a name, such as 'name: House style')"),
        Case("schema: 1\nextends: {default: yes}\n", "policy.yml:2:10: error: 'extends' must be a string or a list of strings, not a mapping (write 'extends: default')"),
        Case("schema: 1\nexclude: [\"drafts/**\", 3, \"\"]\n", "policy.yml:2:27: error: every entry of 'exclude' must be a non-empty string, not the quoted string '' (write 'exclude: [\"drafts/**\"]')"),
        Case("schema: 1\nexclude:\n", "policy.yml:2:9: error: 'exclude' must be a string or a list of strings, not an empty value (write 'exclude: [\"drafts/**\"]')"),
        // Rule ids and settings.
        Case("schema: 1\nrules:\n  quote-balanse: error\n", "policy.yml:3:3: error: unknown rule 'quote-balanse' (did you mean 'quote-balance'?)"),
        Case("schema: 1\nrules:\n  headline-case: error\n", "policy.yml:3:3: error: unknown rule 'headline-case' (known rules: byline, caption-duplication, duplicate-paragraph, legal-notice, quote-attribution, quote-balance, sample-rule, suppression-without-reason, unused-suppression)"),
        Case("schema: 1\nrules:\n  quote-balance:\n    severty: error\n", "policy.yml:4:5: error: unknown key 'severty' in rule 'quote-balance' (did you mean 'severity'?)"),
        Case("schema: 1\nrules:\n  sample-rule:\n    min-word: 3\n", "policy.yml:4:5: error: unknown key 'min-word' in rule 'sample-rule' (did you mean 'min-words'?)"),
        Case("schema: 1\nrules:\n  sample-rule:\n    colour: red\n", "policy.yml:4:5: error: unknown key 'colour' in rule 'sample-rule' (valid keys: severity, enabled, min-words, ratio, strict, house-name, banned-words, style)"),
        Case("schema: 1\nrules:\n  quote-balance: fatal\n", "policy.yml:3:18: error: rule 'quote-balance' cannot be set to 'fatal' (use a severity (error, warning, note), on or off, true or false, or a mapping of settings)"),
        Case("schema: 1\nrules:\n  quote-balance: eror\n", "policy.yml:3:18: error: rule 'quote-balance' cannot be set to 'eror' (did you mean 'error'?)"),
        Case("schema: 1\nrules:\n  quote-balance: \"off\"\n", "policy.yml:3:18: error: rule 'quote-balance' cannot be set to the quoted string 'off' (remove the quotes around 'off')"),
        Case("schema: 1\nrules:\n  quote-balance:\n", "policy.yml:3:17: error: rule 'quote-balance' needs a setting, not an empty value (use a severity (error, warning, note), on or off, true or false, or a mapping of settings)"),
        Case("schema: 1\nrules:\n  quote-balance: [error]\n", "policy.yml:3:18: error: rule 'quote-balance' needs a setting, not a list (use a severity (error, warning, note), on or off, true or false, or a mapping of settings)"),
        Case("schema: 1\nrules:\n  quote-balance:\n    severity: critical\n", "policy.yml:4:15: error: invalid severity 'critical' for rule 'quote-balance' (use error, warning or note)"),
        Case("schema: 1\nrules:\n  quote-balance:\n    severity: warn\n", "policy.yml:4:15: error: invalid severity 'warn' for rule 'quote-balance' (did you mean 'warning'?)"),
        Case("schema: 1\nrules:\n  quote-balance:\n    severity: Error\n", "policy.yml:4:15: error: invalid severity 'Error' for rule 'quote-balance' (did you mean 'error'?)"),
        Case("schema: 1\nrules:\n  quote-balance:\n    severity:\n", "policy.yml:4:14: error: the severity of rule 'quote-balance' must be error, warning or note, not an empty value (write 'severity: warning', for example)"),
        Case("schema: 1\nrules:\n  quote-balance:\n    enabled: maybe\n", "policy.yml:4:14: error: 'enabled' in rule 'quote-balance' must be true or false, not 'maybe' (write 'enabled: true' or 'enabled: false')"),
        // Option values of every kind.
        Case("schema: 1\nrules:\n  sample-rule:\n    min-words: four\n", "policy.yml:4:16: error: option 'min-words' in rule 'sample-rule' must be a whole number, not 'four' (use a whole number from 1 to 100)"),
        Case("schema: 1\nrules:\n  sample-rule:\n    min-words: 4.5\n", "policy.yml:4:16: error: option 'min-words' in rule 'sample-rule' must be a whole number, not '4.5' (use a whole number from 1 to 100)"),
        Case("schema: 1\nrules:\n  sample-rule:\n    min-words: \"4\"\n", "policy.yml:4:16: error: option 'min-words' in rule 'sample-rule' must be a whole number, not the quoted string '4' (remove the quotes around '4')"),
        Case("schema: 1\nrules:\n  sample-rule:\n    min-words: 500\n", "policy.yml:4:16: error: option 'min-words' in rule 'sample-rule' is out of range: 500 (use a whole number from 1 to 100)"),
        Case("schema: 1\nrules:\n  sample-rule:\n    min-words: 99999999999999999999\n", "policy.yml:4:16: error: option 'min-words' in rule 'sample-rule' is out of range: 99999999999999999999 (use a whole number from 1 to 100)"),
        Case("schema: 1\nrules:\n  sample-rule: {ratio: 1.5}\n", "policy.yml:3:24: error: option 'ratio' in rule 'sample-rule' is out of range: 1.5 (use a number from 0.0 to 1.0)"),
        Case("schema: 1\nrules:\n  sample-rule: {ratio: .nan}\n", "policy.yml:3:24: error: option 'ratio' in rule 'sample-rule' must be a number, not '.nan' (use a number from 0.0 to 1.0)"),
        Case("schema: 1\nrules:\n  sample-rule: {strict: maybe}\n", "policy.yml:3:25: error: option 'strict' in rule 'sample-rule' must be true or false, not 'maybe' (use true or false)"),
        Case("schema: 1\nrules:\n  sample-rule: {strict: 'true'}\n", "policy.yml:3:25: error: option 'strict' in rule 'sample-rule' must be true or false, not the quoted string 'true' (remove the quotes around 'true')"),
        Case("schema: 1\nrules:\n  sample-rule:\n    house-name: [a]\n", "policy.yml:4:17: error: option 'house-name' in rule 'sample-rule' must be a string, not a list (use a string)"),
        Case("schema: 1\nrules:\n  sample-rule:\n    banned-words: very\n", "policy.yml:4:19: error: option 'banned-words' in rule 'sample-rule' must be a list of strings, not 'very' (write a list, such as [\"very\"])"),
        Case("schema: 1\nrules:\n  sample-rule:\n    banned-words:\n      - very\n      - {really: yes}\n", "policy.yml:6:9: error: every item of option 'banned-words' in rule 'sample-rule' must be a string, not a mapping (write each item as a quoted string)"),
        Case("schema: 1\nrules:\n  sample-rule:\n    style: smrt\n", "policy.yml:4:12: error: 'smrt' is not a valid value for option 'style' in rule 'sample-rule' (did you mean 'smart'?)"),
        Case("schema: 1\nrules:\n  sample-rule:\n    style: curly\n", "policy.yml:4:12: error: 'curly' is not a valid value for option 'style' in rule 'sample-rule' (valid values: plain, smart, guillemets)"),
        // Duplicate keys: reported where the key is repeated.
        Case("schema: 1\nrules:\n  quote-balance:\n    severity: error\n    severity: note\n", "policy.yml:5:5: error: duplicate key 'severity' ('severity' is already set at 4:5 in this mapping; keep one)"),
        Case("schema: 1\nrules:\n  quote-balance: error\n  unused-suppression: off\n  quote-balance: note\n", "policy.yml:5:3: error: duplicate key 'quote-balance' ('quote-balance' is already set at 3:3 in this mapping; keep one)"),
        Case("schema: 1\nrules:\n  sample-rule: {style: plain, ratio: 0.5, style: smart}\n", "policy.yml:3:43: error: duplicate key 'style' ('style' is already set at 3:17 in this mapping; keep one)"),
        Case("schema: 1\nname: a\nname: b\nname: c\n", "policy.yml:3:1: error: duplicate key 'name' ('name' is already set at 2:1 in this mapping; keep one)"),
        Case("schema: 1\n1: a\n\"1\": b\n", "policy.yml:3:1: error: duplicate key '1' ('1' is already set at 2:1 in this mapping; keep one)"),
        // YAML syntax, at the position libyaml reports.
        Case("schema: 1\nname: a: b\n", "policy.yml:2:8: error: invalid YAML: mapping values are not allowed in this context (check the YAML syntax near this place)"),
        Case("schema: 1\nexclude: [\"drafts/**\"\nrules: {}\n", "policy.yml:3:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at 2:10)"),
        Case("schema: 1\nname: 'unfinished\n", "policy.yml:3:1: error: invalid YAML: found unexpected end of stream (while scanning a quoted scalar that starts at 2:7)"),
        Case("schema: 1\n---\nschema: 1\n", "policy.yml:2:1: error: a policy file holds one YAML document, but a second one starts here (remove this '---' line or move the second document to its own file)"),
        Case("schema: 1\nname: a\u{7}b\n", "policy.yml:2:8: error: invalid YAML: control characters are not allowed (remove control characters from the file)"),
    ]

    @Test("Every error names the place to fix and how", arguments: errorCases)
    func errors(_ testCase: Case) {
        let error = policyError { () throws(PolicyError) in try loader.load(yaml: testCase.yaml, path: "policy.yml") }
        #expect(error?.description == testCase.expected)
        #expect(error?.file == "policy.yml")
        #expect(error?.hint != nil)
    }
}

@Suite("Suggestions")
struct NearestMatchTests {
    @Test("A near key is suggested, a far one is not",
          arguments: [
              ("severty", "severity"), ("sevreity", "severity"), ("Severity", "severity"),
              ("enabeld", "enabled"), ("warn", "warning"), ("colour", nil), ("x", nil),
          ] as [(String, String?)])
    func suggestion(typed: String, expected: String?) {
        #expect(NearestMatch.suggestion(for: typed, among: ["severity", "enabled", "warning"]) == expected)
    }

    @Test("Edit distance counts a swap of neighbours as one edit")
    func distance() {
        func distance(_ a: String, _ b: String) -> Int {
            NearestMatch.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
        }
        #expect(distance("", "abc") == 3)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("ab", "ba") == 1)
        #expect(distance("same", "same") == 0)
    }
}
