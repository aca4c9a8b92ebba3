import CopydeskCore
import CopydeskPolicy
@testable import CopydeskLinter
import Foundation
import Testing

/// The newsroom style pack on its fixtures: a flagged and a clean article
/// per rule, written for the pack, with every alert listed in expected.txt
/// as Vale's line output prints it (path:line:column:rule:message).
@Suite("The newsroom style pack on its fixtures")
struct NewsroomPackTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CopydeskStyleTests/Fixtures/newsroom")

    @Test("Every alert in expected.txt, and no other")
    func fixturesGiveTheExpectedAlerts() throws {
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let run = try linter().lint(LintOptions(paths: ["."], workingDirectory: Self.fixtures.path))
        var got: [String] = []
        for file in run.files {
            for finding in file.findings where finding.ruleID.hasPrefix("newsroom.") && !finding.isSuppressed {
                let start = finding.range.start
                got.append("\(file.path):\(start.line):\(start.column):\(finding.ruleID):\(finding.message)")
            }
        }
        #expect(!expected.isEmpty)
        #expect(Set(got).subtracting(expected).sorted() == [])
        #expect(Set(expected).subtracting(got).sorted() == [])
        // Each rule has a clean article on which it says nothing.
        let rules = Set(got.compactMap { $0.split(separator: ":")[3] })
        #expect(rules.count >= 18)
    }
}
