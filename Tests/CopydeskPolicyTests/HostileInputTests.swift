import Testing
@testable import CopydeskPolicy

/// Policies that would make copydesk hang: refused at load with the place
/// to fix.
struct HostilePolicyTests {
    let loader = TestCatalogue.loader

    static func aliasBomb(levels: Int) -> String {
        var lines = ["a0: &a0 \"lol\""]
        for level in 1...levels {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func anAliasBombIsRefusedAtItsPlace() {
        let yaml = "schema: 1\n" + Self.aliasBomb(levels: 9) + "? *a9\n: value\n"
        let error = policyError { () throws(PolicyError) in try loader.load(yaml: yaml, path: "policy.yml") }
        #expect(error?.description.hasPrefix("policy.yml:7:") == true)
        #expect(error?.message.contains("unfold into more than 100000 nodes") == true)
    }

    @Test func deepNestingIsRefused() {
        let yaml = "schema: 1\nexclude: " + String(repeating: "[", count: 500) + "\n"
        let error = policyError { () throws(PolicyError) in try loader.load(yaml: yaml, path: "policy.yml") }
        #expect(error?.message == "YAML nested more than 100 levels deep")
        #expect(error?.location?.line == 2)
        // Deeper than libyaml's own limit (1,000), libyaml stops first.
        let deeper = "schema: 1\nexclude: " + String(repeating: "[", count: 100_000) + "\n"
        let stopped = policyError { () throws(PolicyError) in try loader.load(yaml: deeper, path: "policy.yml") }
        #expect(stopped?.message.contains("nesting level") == true)
    }

    @Test("Patterns that backtrack exponentially are refused",
          arguments: ["(a+)+$", "(a*)*", "(a|a)*", "(?:x+)+y", "(\\w+\\s?)*$", "((ab)*)+", "(n|ns)+", "(a+){2,}", "(.|x)+"])
    func catastrophic(_ pattern: String) {
        #expect(PatternSafety.problem(in: pattern) != nil)
    }

    @Test("Ordinary patterns pass",
          arguments: ["\\bRussia(n|ns)?\\b", "(?i)\\bcase no\\. \\d+", "(ab)+", "[a-z]+(?:-[a-z]+)?", "a+b+", "(?i)(sponsored|paid) by",
                      "\\d{1,3}(,\\d{3})*", "\\(a+\\)+", "[(a+)]+", "(?<name>x)+", "(x|y){2}"])
    func ordinary(_ pattern: String) {
        #expect(PatternSafety.problem(in: pattern) == nil)
    }

    @Test func aCatastrophicPolicyPatternNamesItsPlace() {
        let yaml = "schema: 1\nnotices:\n  - id: n\n    text: Approved.\n    required: {when: {patterns: ['(a+)+$']}}\n"
        let error = policyError { () throws(PolicyError) in try loader.load(yaml: yaml, path: "policy.yml") }
        #expect(error?.description.hasPrefix("policy.yml:5:34: error: '(a+)+$' in 'required: when' in notice 'n' could take exponential time") == true)
    }
}
