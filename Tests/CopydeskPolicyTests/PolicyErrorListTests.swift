import CopydeskCore
import Testing
@testable import CopydeskPolicy

/// A policy is fixed in one pass: every error decoding can go on past is
/// reported, and libyaml's words for common mistakes come with the fix.
@Suite("Every policy error at once")
struct PolicyErrorListTests {
    let loader = TestCatalogue.loader

    func errors(_ yaml: String) -> [String] {
        (policyError { () throws(PolicyError) in try loader.load(yaml: yaml, path: "p.yml") }?.description ?? "")
            .split(separator: "\n").map(String.init)
    }

    @Test("Unknown rules, bad values, bad option keys and unknown top-level keys are all reported, in file order")
    func allErrors() {
        let found = errors("""
            schema: 1
            rules:
              quote-balanse: error
              sample-rule: {min-words: 500, strictt: true}
              suppression-without-reason: loud
            colour: blue

            """)
        #expect(found == [
            "p.yml:3:3: error: unknown rule 'quote-balanse' (did you mean 'quote-balance'?)",
            "p.yml:4:28: error: option 'min-words' in rule 'sample-rule' is out of range: 500 (use a whole number from 1 to 100)",
            "p.yml:4:33: error: unknown key 'strictt' in rule 'sample-rule' (did you mean 'strict'?)",
            "p.yml:5:31: error: rule 'suppression-without-reason' cannot be set to 'loud' (use a severity (error, warning, note), on or off, true or false, or a mapping of settings)",
            "p.yml:6:1: error: unknown top-level key 'colour' (valid keys: schema, name, extends, exclude, rules, notices, styles)",
        ])
        let error = policyError { () throws(PolicyError) in try loader.load(yaml: "schema: 1\nfoo: 1\nbar: 2\n", path: "p.yml") }
        #expect(error?.all.map(\.message) == ["unknown top-level key 'foo'", "unknown top-level key 'bar'"])
    }

    @Test("One error is one line, as before")
    func oneError() {
        #expect(errors("schema: 1\nrules:\n  quote-balance: loud\n").count == 1)
    }

    @Test("A tab in the indentation is named, at the tab, with the fix",
          arguments: ["schema: 1\nrules:\n\tquote-balance: error\n", "schema: 1\nrules:\n  quote-balance: error\n\tsample-rule: on\n"])
    func tabs(yaml: String) {
        let found = errors(yaml)
        let line = yaml.split(separator: "\n").firstIndex { $0.hasPrefix("\t") }.map { $0 + 1 } ?? 0
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("p.yml:\(line):1: error: invalid YAML: ") == true)
        #expect(found.first?.hasSuffix("(indent with spaces, not tabs: YAML does not allow a tab in indentation)") == true)
    }

    @Test("An unquoted glob starting with * is named, at the *, with the value quoted",
          arguments: [("schema: 1\nexclude:\n  - *.draft.md\n", "p.yml:3:5:", "\"*.draft.md\""),
                      ("schema: 1\nexclude: [drafts, *.tmp.md]\n", "p.yml:2:19:", "\"*.tmp.md\"")])
    func aliasGlobs(yaml: String, place: String, quoted: String) {
        let found = errors(yaml)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(place + " error: invalid YAML: ") == true)
        #expect(found.first?.hasSuffix("(a value starting with '*' is read as a YAML alias; quote it: \(quoted))") == true)
    }
}

@Suite("Every notice error at once")
struct NoticeErrorListTests {
    @Test("Each broken notice is reported, not only the first")
    func everyBrokenNotice() {
        let yaml = """
            schema: 1
            notices:
              - id: first
                text: The first notice.
                required: always
                placement: ends
              - id: second
                text: The second notice.
                required: sometimes

            """
        let error = policyError { () throws(PolicyError) in try TestCatalogue.loader.load(yaml: yaml, path: "n.yml") }
        let places = error?.all.compactMap(\.location).map { "\($0.line):\($0.column)" }
        #expect(places == ["6:16", "9:15"])
        #expect(error?.all.first?.hint == "did you mean 'end'?")
    }
}
