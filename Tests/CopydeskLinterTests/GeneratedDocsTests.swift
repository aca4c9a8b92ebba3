import CopydeskPolicy
import CopydeskRules
import Foundation
import Testing
@testable import CopydeskLinter

/// The rule reference in docs/rules.md and the default policy's rule list in
/// docs/policies.md are written from the rule descriptions; they fail here
/// when a description or the default policy changed and the docs did not.
/// `COPYDESK_UPDATE_DOCS=1` (scripts/generate-docs.sh) rewrites them.
struct GeneratedDocsTests {
    private static let docs = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs")

    static let sections: [(file: String, section: String, content: @Sendable () throws -> String)] = [
        ("rules.md", "rule reference", { RuleDocumentation.ruleReference() }),
        ("policies.md", "default policy rules", {
            RuleDocumentation.defaultPolicyRules(try PolicyLoader(schemas: RuleRegistry.schemas).builtin("default"))
        }),
        ("policies.md", "effective policy example", { try effectivePolicyExample() }),
    ]

    /// What `copydesk policy show` prints for the example at the top of
    /// docs/policies.md, saved where the page says.
    static func effectivePolicyExample() throws -> String {
        let page = try String(contentsOf: docs.appendingPathComponent("policies.md"), encoding: .utf8)
        let opening = try #require(page.range(of: "```yaml\n# .copydesk.yml\n"))
        let closing = try #require(page.range(of: "```", range: opening.upperBound..<page.endIndex))
        let example = String(page[opening.upperBound..<closing.lowerBound])
        let policy = try PolicyLoader(schemas: RuleRegistry.schemas).load(yaml: example, path: "/home/desk/articles/.copydesk.yml")
        return "```yaml\n" + policy.renderYAML() + "```\n"
    }

    @Test(arguments: sections.indices)
    func checkedInDocumentationIsCurrent(index: Int) throws {
        let (file, section, content) = Self.sections[index]
        let url = Self.docs.appendingPathComponent(file)
        let document = try String(contentsOf: url, encoding: .utf8)
        let expected = try content()
        if ProcessInfo.processInfo.environment["COPYDESK_UPDATE_DOCS"] == "1" {
            let updated = try #require(RuleDocumentation.replacingSection(section, in: document, with: expected),
                                       "docs/\(file) has no '\(section)' markers")
            try updated.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let current = try #require(RuleDocumentation.section(section, in: document), "docs/\(file) has no '\(section)' markers")
        #expect(current == expected, "docs/\(file) section '\(section)' is stale: run scripts/generate-docs.sh")
    }

    @Test func theReferenceCoversEveryRuleAndItsOptions() {
        let reference = RuleDocumentation.ruleReference()
        for description in RuleCatalog.all {
            #expect(reference.contains("## \(description.id)\n"))
            for option in description.options { #expect(reference.contains("| `\(option.name)` |")) }
        }
    }

    @Test func aSectionIsReplacedBetweenItsMarkers() {
        let document = "intro\n\(RuleDocumentation.beginMarker("x"))\nold\n\(RuleDocumentation.endMarker("x"))\nafter\n"
        let updated = RuleDocumentation.replacingSection("x", in: document, with: "new\n")
        #expect(updated == "intro\n\(RuleDocumentation.beginMarker("x"))\nnew\n\(RuleDocumentation.endMarker("x"))\nafter\n")
        #expect(RuleDocumentation.section("x", in: updated ?? "") == "new\n")
        #expect(RuleDocumentation.replacingSection("y", in: document, with: "new\n") == nil)
    }
}
