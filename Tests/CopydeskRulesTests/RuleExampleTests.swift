import CopydeskCore
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules
import Testing

/// Every rule's own examples, run through the whole lint pipeline: as
/// written, after multibyte text is put in front (columns must shift
/// exactly), and inside a suppression (the rule must fall silent).
struct RuleExampleTests {
    static let allRules: [RuleDescription] = RuleRegistry.descriptions
    static let documentRules: [RuleDescription] = RuleRegistry.documentRules.map { $0.description }

    struct Case: CustomTestStringConvertible, Sendable {
        var rule: RuleDescription
        var example: RuleExample
        var triggers: Bool
        var testDescription: String {
            "\(rule.id) \(triggers ? "triggering" : "non-triggering"): \(example.text.prefix(50).debugDescription)"
        }
    }

    static let cases: [Case] = allRules.flatMap { rule in
        rule.triggering.map { Case(rule: rule, example: $0, triggers: true) }
            + rule.nonTriggering.map { Case(rule: rule, example: $0, triggers: false) }
    }

    static let triggeringDocumentRuleCases: [Case] = cases.filter { testCase in
        testCase.triggers && documentRules.contains { $0.id == testCase.rule.id }
    }

    /// A policy that enables the rule under test with the example's options
    /// (legal notices among them, for legal-notice). Engine rules need document
    /// rules to have something to suppress, so every document rule is on
    /// for them.
    private static func ruleSet(for testCase: Case, engineRules: Bool) throws -> RuleSet {
        var rules: [String: RuleSetting] = [testCase.rule.id: RuleSetting(options: testCase.example.options)]
        if engineRules {
            for description in RuleRegistry.engineRules { rules[description.id] = RuleSetting() }
        }
        if RuleRegistry.engineRules.contains(where: { $0.id == testCase.rule.id }) {
            for type in RuleRegistry.documentRules { rules[type.description.id] = RuleSetting() }
        }
        return try RuleRegistry.configure(Policy(rules: rules))
    }

    private static func lint(_ text: String, _ testCase: Case, engineRules: Bool = false) throws -> [Finding] {
        let source = SourceText(path: testCase.example.path, string: text)
        let rules = try ruleSet(for: testCase, engineRules: engineRules)
        return Linter.lint(source: source, format: testCase.example.format, ruleSet: rules).file.findings
    }

    /// Where each marker should put a finding: (line, column in Unicode
    /// scalars), counted here from the text itself, not by the line index.
    private static func expectedPositions(_ text: String, markerOffsets: [Int]) -> [String] {
        let bytes = Array(text.utf8)
        return markerOffsets.map { offset in
            let before = String(decoding: bytes[..<offset], as: UTF8.self)
            var line = 1
            var lineStart = before.unicodeScalars.startIndex
            var index = before.unicodeScalars.startIndex
            while index < before.unicodeScalars.endIndex {
                let scalar = before.unicodeScalars[index]
                let next = before.unicodeScalars.index(after: index)
                if scalar == "\n" || (scalar == "\r" && (next == before.unicodeScalars.endIndex || before.unicodeScalars[next] != "\n")) {
                    line += 1
                    lineStart = next
                }
                index = next
            }
            return "\(line):\(before.unicodeScalars[lineStart...].count + 1)"
        }
    }

    private static func positions(of findings: [Finding], rule: String, suppressed: Bool = false) -> [String] {
        findings.filter { $0.ruleID == rule && $0.isSuppressed == suppressed }
            .map { "\($0.range.start.line):\($0.range.start.column)" }
    }

    @Test(arguments: cases)
    func examplesAsWritten(_ testCase: Case) throws {
        let (text, markers) = testCase.example.unmarked
        let findings = try Self.lint(text, testCase)
        let expected = testCase.triggers ? Self.expectedPositions(text, markerOffsets: markers) : []
        #expect(Self.positions(of: findings, rule: testCase.rule.id) == expected)
    }

    /// Multibyte text in front of the example: on the first line when that
    /// line is plain prose, else as a paragraph of its own.
    @Test(arguments: cases)
    func examplesAfterMultibyteText(_ testCase: Case) throws {
        let (text, markers) = testCase.example.unmarked
        let prefix = Self.multibytePrefix(for: text)
        let (prefixed, at) = Self.insert(prefix, into: text)
        let shifted = markers.map { $0 >= at ? $0 + prefix.utf8.count : $0 }
        let findings = try Self.lint(prefixed, testCase)
        let expected = testCase.triggers ? Self.expectedPositions(prefixed, markerOffsets: shifted) : []
        #expect(Self.positions(of: findings, rule: testCase.rule.id) == expected)
    }

    @Test(arguments: triggeringDocumentRuleCases)
    func examplesInsideASuppressionAreSilent(_ testCase: Case) throws {
        let (text, markers) = testCase.example.unmarked
        let open = "<!-- copydesk-disable \(testCase.rule.id) -- checked by the desk -->\n"
        let wrapped = Self.insert(open, into: text).text + "\n<!-- copydesk-enable \(testCase.rule.id) -->\n"
        let findings = try Self.lint(wrapped, testCase, engineRules: true)
        #expect(Self.positions(of: findings, rule: testCase.rule.id).isEmpty)
        #expect(Self.positions(of: findings, rule: testCase.rule.id, suppressed: true).count == markers.count)
        #expect(!findings.contains { $0.ruleID == EngineRules.suppressionWithoutReason.id })
        let suppressed = findings.filter { $0.ruleID == testCase.rule.id }
        #expect(suppressed.allSatisfy { $0.suppression?.justification == "checked by the desk" })
        #expect(!findings.contains { $0.ruleID == EngineRules.unusedSuppression.id && !$0.isSuppressed })
    }

    @Test func everyRuleHasExamplesOfBothKinds() {
        for rule in Self.allRules {
            #expect(!rule.triggering.isEmpty, "\(rule.id) has no triggering example")
            #expect(!rule.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
            #expect(rule.triggering.allSatisfy { !$0.unmarked.offsets.isEmpty }, "\(rule.id): a triggering example has no ↓")
        }
    }

    @Test func ruleIdsAreKebabCaseAndUnique() {
        let ids = Self.allRules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber }, "\(id)")
        }
    }

    static let multibyteLine = "Ünïcödé 👩‍👩‍👧 e\u{301} “prose” — ‘fine’ ✓ "

    private static func multibytePrefix(for text: String) -> String {
        let firstLine = text.prefix { $0 != "\n" }
        let blockSyntax: [String] = ["#", ">", "-", "*", "+", "<", "!", "`", "~", "|", "=", " ", "\t", "_"]
        if firstLine.isEmpty || blockSyntax.contains(where: { firstLine.hasPrefix($0) }) || firstLine.first?.isNumber == true {
            return multibyteLine + "\n\n"
        }
        return multibyteLine
    }

    /// Inserts `prefix` at the start of the text, after front matter if
    /// any; returns the new text and the UTF-8 offset of the insertion.
    private static func insert(_ prefix: String, into text: String) -> (text: String, at: Int) {
        guard text.hasPrefix("---\n"), let close = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else {
            return (prefix + text, 0)
        }
        let head = String(text[..<close.upperBound])
        return (head + prefix + String(text[close.upperBound...]), head.utf8.count)
    }
}
