import CopydeskCore
import CopydeskPolicy
import CopydeskRules
import Foundation
import Testing
@testable import CopydeskLinter

/// Front-matter waivers of legal notices, through the whole pipeline and
/// into the reports.
@Suite("Legal notice waivers")
struct LegalNoticeWaiverTests {
    static let notices = [
        Notice(id: "wire-copyright", text: "© Example Wire. Used under licence; not for redistribution.",
               required: .always, placement: .end),
        Notice(id: "regional-warning", text: "Readers in Freedonia: this outlet is banned there.",
               required: .when([NoticeCondition(mentions: ["Freedonia"])]), placement: .end),
    ]

    static func policy(legalNotice: Bool = true) -> Policy {
        Policy(name: "waivers", rules: ["legal-notice": RuleSetting(enabled: legalNotice),
                                        "suppression-without-reason": RuleSetting(),
                                        "unused-suppression": RuleSetting()],
               notices: notices)
    }

    func lint(_ text: String, policy: Policy = LegalNoticeWaiverTests.policy()) throws -> (LintRun, FileResult) {
        let directory = try TemporaryDirectory()
        try directory.write("story.md", text)
        let run = try linter(policy: policy).lint(LintOptions(paths: ["story.md"], workingDirectory: directory.path))
        return (run, try #require(run.files.first))
    }

    @Test("A waived notice's finding is kept, suppressed, with the reason as its justification")
    func waivedFindingIsSuppressed() throws {
        let (run, file) = try lint("""
            ---
            copydesk:
              waive:
                wire-copyright: syndicated under the partner agreement, which waives the line
            ---
            # Floods close the coast road

            The road closed on Tuesday.

            """)
        #expect(file.findings.count == 1)
        let finding = try #require(file.findings.first)
        #expect(finding.ruleID == "legal-notice")
        #expect(finding.subject == "wire-copyright")
        #expect(finding.message.contains("is missing"))
        #expect(finding.suppression?.kind == .inSource)
        #expect(finding.suppression?.justification == "syndicated under the partner agreement, which waives the line")
        #expect(finding.suppression?.directiveRange?.start.line == 4)

        let sarif = renderReport(run, format: .sarif, context: ReportFixtures.context)
        let log = try JSONDecoder().decode(SARIFLog.self, from: Data(sarif.utf8))
        let result = try #require(log.runs[0].results.first { $0.ruleId == "legal-notice" })
        let suppression = try #require(result.suppressions?.first)
        #expect(suppression.kind == "inSource")
        #expect(suppression.justification == "syndicated under the partner agreement, which waives the line")
        #expect(suppression.location?.physicalLocation.region?.startLine == 4)
        #expect(renderReport(run, format: .text, context: ReportFixtures.context).contains("No problems found in 1 file (1 suppressed)"))
    }

    @Test("A waiver covers only the notice it names")
    func waiverNamesOneNotice() throws {
        let (_, file) = try lint("""
            ---
            copydesk:
              waive:
                regional-warning: the story is for the domestic edition only
            ---
            # Talks

            Talks with Freedonia stalled.

            """)
        let byNotice = Dictionary(grouping: file.findings.filter { $0.ruleID == "legal-notice" }, by: { $0.subject ?? "" })
        #expect(byNotice["regional-warning"]?.allSatisfy(\.isSuppressed) == true)
        #expect(byNotice["wire-copyright"]?.allSatisfy { !$0.isSuppressed } == true)
        #expect(!file.findings.contains { $0.ruleID == "unused-suppression" })
    }

    @Test("Every finding about a waived notice is suppressed: altered, misplaced and duplicated alike")
    func waiverCoversEveryKind() throws {
        let copy = "© Example Wire. Used under licence; not for resale."
        let (_, file) = try lint("""
            ---
            copydesk:
              waive: {wire-copyright: "the agency approved this wording by email on 3 May"}
            ---
            # Floods

            \(copy)

            The road closed.

            \(copy)

            """)
        let notices = file.findings.filter { $0.ruleID == "legal-notice" }
        #expect(notices.count == 3)
        #expect(notices.allSatisfy { $0.suppression?.justification == "the agency approved this wording by email on 3 May" })
    }

    @Test("A waiver the article does not need is reported as unused")
    func unusedWaiver() throws {
        let (_, file) = try lint("""
            ---
            copydesk:
              waive:
                regional-warning: domestic edition
            ---
            # Floods

            The road closed.

            © Example Wire. Used under licence; not for redistribution.

            """)
        let unused = try #require(file.findings.first { $0.ruleID == "unused-suppression" })
        #expect(unused.range.start.line == 4)
        #expect(unused.message == "front-matter waiver of notice 'regional-warning' waives nothing: the article carries the notice "
            + "as approved or does not need it; remove the waiver")
        #expect(file.findings.count == 1)
    }

    @Test("A waiver of an unknown notice is reported with the nearest id")
    func unknownNotice() throws {
        let (_, file) = try lint("---\ncopydesk:\n  waive:\n    wire-copyrite: partner agreement\n---\n# F\n\nBody.\n")
        let unused = try #require(file.findings.first { $0.ruleID == "unused-suppression" })
        #expect(unused.message == "front-matter waiver names unknown notice 'wire-copyrite' (did you mean 'wire-copyright'?); "
            + "remove it or correct the id")
        // The notice it meant to waive is still required.
        #expect(file.findings.contains { $0.ruleID == "legal-notice" && !$0.isSuppressed })
    }

    @Test("A waiver without a reason still applies, and asks for one")
    func waiverWithoutReason() throws {
        let (_, file) = try lint("---\ncopydesk:\n  waive: [wire-copyright]\n---\n# F\n\nBody.\n")
        let notice = try #require(file.findings.first { $0.ruleID == "legal-notice" })
        #expect(notice.isSuppressed)
        #expect(notice.suppression?.justification == nil)
        let reasonless = try #require(file.findings.first { $0.ruleID == "suppression-without-reason" })
        #expect(reasonless.range.start.line == 3)
        #expect(reasonless.message.hasPrefix("front-matter waiver of notice 'wire-copyright' gives no reason"))
        #expect(!file.findings.contains { $0.ruleID == "unused-suppression" })
    }

    @Test("With legal-notice off, a waiver is unused and says why")
    func ruleOff() throws {
        let (_, file) = try lint("---\ncopydesk:\n  waive:\n    wire-copyright: partner agreement\n---\n# F\n\nBody.\n",
                                 policy: Self.policy(legalNotice: false))
        let unused = try #require(file.findings.first { $0.ruleID == "unused-suppression" })
        #expect(unused.message.hasSuffix("remove the waiver (the policy does not enable legal-notice)"))
    }

    @Test("A waiver does not silence other rules, and a disable of other rules does not waive a notice")
    func waiversAndDisablesStayApart() throws {
        let (_, file) = try lint("""
            ---
            copydesk:
              waive:
                wire-copyright: partner agreement
              disable:
                quote-balance: transcript
            ---
            # F

            "Body.

            """, policy: {
                var policy = Self.policy()
                policy.rules["quote-balance"] = RuleSetting()
                return policy
            }())
        let quote = try #require(file.findings.first { $0.ruleID == "quote-balance" })
        #expect(quote.suppression?.justification == "transcript")
        let notice = try #require(file.findings.first { $0.ruleID == "legal-notice" })
        #expect(notice.suppression?.justification == "partner agreement")
    }
}

@Suite("Legal notice fingerprints")
struct LegalNoticeFingerprintTests {
    @Test("Two notices missing at the same place have fingerprints of their own, unchanged when the other goes")
    func fingerprintPerNotice() throws {
        let notices = LegalNoticeWaiverTests.notices.map { notice -> Notice in
            var always = notice
            always.required = .always
            return always
        }
        func fingerprints(_ notices: [Notice]) throws -> [String: String] {
            let policy = Policy(rules: ["legal-notice": RuleSetting()], notices: notices)
            let source = SourceText(path: "story.md", string: "# Floods\n\nThe road closed.\n")
            let file = Linter.lint(source: source, format: .markdown, ruleSet: try RuleRegistry.configure(policy)).file
            #expect(file.findings.allSatisfy { $0.range.start.line == 3 })
            return Dictionary(uniqueKeysWithValues: zip(file.findings.map { $0.subject ?? "" },
                                                        FindingFingerprint.fingerprints(of: file)))
        }
        let both = try fingerprints(notices)
        #expect(both.count == 2)
        #expect(Set(both.values).count == 2)
        for notice in notices {
            #expect(try fingerprints([notice]) == [notice.id: both[notice.id]])
        }
    }
}
