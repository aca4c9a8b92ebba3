import Foundation
import Testing
@testable import CopydeskLinter

/// Each report format rendered from the fixed run in `ReportFixtures`, with
/// version "9.9.9-test" and a fixed clock, compared byte for byte with a file
/// under `Golden/`.
///
/// After an intended change to a format, regenerate the files with
///
///     COPYDESK_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests
///
/// which writes the goldens into the source tree instead of comparing, then
/// review the diff (`git diff Tests/CopydeskLinterTests/Golden`) before
/// committing it.
@Suite struct ReportGoldenTests {
    @Test func textReport() throws {
        try expectGolden("report.txt", renderReport(ReportFixtures.run, format: .text, context: ReportFixtures.context))
    }

    @Test func colouredTextReport() throws {
        var context = ReportFixtures.context
        context.color = true
        try expectGolden("report-color.txt", renderReport(ReportFixtures.run, format: .text, context: context))
    }

    @Test func jsonReport() throws {
        try expectGolden("report.json", renderReport(ReportFixtures.run, format: .json, context: ReportFixtures.context))
    }

    /// `.sarif.json` because the repository ignores `*.sarif` (report output).
    @Test func sarifReport() throws {
        try expectGolden("report.sarif.json", renderReport(ReportFixtures.run, format: .sarif, context: ReportFixtures.context))
    }

    @Test func githubReport() throws {
        try expectGolden("report-github.txt",
                         renderReport(ReportFixtures.run, format: .github, context: ReportFixtures.context))
    }

    @Test func inspectReport() throws {
        try expectGolden("inspect.json", renderInspect(ReportFixtures.inspectDocuments,
                                                       paths: ["world/café-report.md", "wire/summit.txt"]))
    }
}

enum Golden {
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["COPYDESK_UPDATE_GOLDEN"] == "1" }

    /// The golden in the source tree, which update mode writes.
    static func sourceURL(_ name: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    }

    /// The golden as the test bundle carries it.
    static func contents(_ name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"),
              let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

func expectGolden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    if Golden.isUpdating {
        try Data(actual.utf8).write(to: Golden.sourceURL(name))
        return
    }
    guard let expected = Golden.contents(name) else {
        Issue.record("Golden/\(name) is missing; create it with COPYDESK_UPDATE_GOLDEN=1 swift test",
                     sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        Issue.record("""
            \(name) differs from Golden/\(name) at line \(firstDifference + 1):
              expected: \(firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end>")
              actual:   \(firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end>")
            If the change is intended, rerun with COPYDESK_UPDATE_GOLDEN=1 and review the diff.
            """, sourceLocation: sourceLocation)
    }
}
