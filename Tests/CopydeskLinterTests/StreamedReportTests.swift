import CopydeskCore
import CopydeskPolicy
import CopydeskRules
import Foundation
import Synchronization
import Testing
@testable import CopydeskLinter

/// An archive with something for every part of a report: errors, warnings
/// and notes, a suppressed finding, a file that is not UTF-8, a file that
/// moved since the baseline was written, and one with nothing to say.
private func archive() throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory()
    try directory.write("desk/a-ferry.md", "# Ferry\n\nBy Ines Calder\n\nThe pilot said \"we sail at dawn.\n")
    try directory.write("desk/b-market.md", "# Market day\n\nTraders set up at six on the square.\n")
    try directory.write("desk/c-school.md", """
        # School

        By Ines Calder

        <!-- copydesk-disable-next-line quote-balance -- the quote runs on in the next piece -->
        The head said "we are ready.

        The bell rang at nine.

        """)
    try directory.write("desk/d-broken.md", bytes: Array("# Bad\n\nBy Ines Calder\n\nCaf".utf8) + [0xE9, 0x0A])
    try directory.write("desk/e-quiet.md", "# Quiet\n\nBy Ines Calder\n\nNothing happened at the council.\n")
    return directory
}

private let context = ReportContext(toolVersion: "9.9.9-test", generatedAt: Date(timeIntervalSince1970: 1_714_557_600),
                                    workingDirectory: "/newsroom")

@Suite("Reports written as the run goes")
struct StreamedReportTests {
    private let policy = try! PolicyLoader(schemas: RuleRegistry.schemas).builtin("default")

    private func options(_ directory: TemporaryDirectory) -> LintOptions {
        LintOptions(paths: ["desk"], workingDirectory: directory.path)
    }

    /// The report `ReportedLint` writes, and the one rendered from the
    /// whole run with the same baseline and --quiet.
    private func bothReports<Stream: ReportStream>(_ format: Stream.Type, _ directory: TemporaryDirectory,
                                                   baseline: Baseline?, quiet: Severity?) throws -> (String, String) {
        let linter = Linter(policyLookup: { _ in policy })
        let plan = try linter.plan(options(directory))
        var streamed = ""
        let index = baseline.map {
            (index: BaselineIndex($0, directory: directory.path, workingDirectory: directory.path,
                                  lintedPaths: plan.displayPaths), path: "b.json")
        }
        _ = ReportedLint<Stream>(context: context, baseline: index, quietThreshold: quiet)
            .run(plan, with: linter) { streamed += $0 }

        var whole = try linter.lint(options(directory))
        if let baseline {
            whole.compare(with: baseline, path: "b.json", directory: directory.path, workingDirectory: directory.path)
        }
        if let quiet { whole = whole.keepingOnly(atLeast: quiet) }
        return (streamed, Stream.render(whole, context: context))
    }

    @Test("Every format writes, file by file, the report of the whole run", arguments: [false, true])
    func streamedEqualsWhole(quiet: Bool) throws {
        let directory = try archive()
        let threshold: Severity? = quiet ? .error : nil
        for (streamed, whole) in [
            try bothReports(TextReport.Stream.self, directory, baseline: nil, quiet: threshold),
            try bothReports(JSONReport.Stream.self, directory, baseline: nil, quiet: threshold),
            try bothReports(SARIFReport.Stream.self, directory, baseline: nil, quiet: threshold),
            try bothReports(GitHubReport.Stream.self, directory, baseline: nil, quiet: threshold),
        ] {
            #expect(streamed == whole)
            #expect(streamed.contains("a-ferry.md"))
        }
    }

    @Test("With a baseline, a finding that moved with its article takes the gone file's entry, as in the whole run")
    func streamedBaselineEqualsWhole() throws {
        let directory = try archive()
        let linter = Linter(policyLookup: { _ in policy })
        let baseline = Baseline(recording: try linter.lint(options(directory)), directory: directory.path,
                                workingDirectory: directory.path)
        #expect(!baseline.entries.isEmpty)
        // The ferry story is renamed, the market story gets a new finding.
        try FileManager.default.moveItem(atPath: directory.path + "/desk/a-ferry.md",
                                         toPath: directory.path + "/desk/f-ferry-renamed.md")
        try directory.write("desk/b-market.md", "# Market day\n\nBy Ines Calder\n\nA trader said \"prices are up.\n")
        for quiet in [nil, Severity.error] {
            let (json, wholeJSON) = try bothReports(JSONReport.Stream.self, directory, baseline: baseline, quiet: quiet)
            #expect(json == wholeJSON)
            #expect(json.contains("\"baselineState\" : \"new\""))
            if quiet == nil {
                // The renamed story's unbalanced quote is the one recorded under its old name.
                let report = try JSONDecoder().decode(JSONLintReport.self, from: Data(json.utf8))
                let renamed = report.files.first { $0.path.hasSuffix("f-ferry-renamed.md") }
                #expect(renamed?.findings.filter { $0.ruleId == "quote-balance" }.map(\.baselineState) == ["unchanged"])
            }
            let (sarif, wholeSARIF) = try bothReports(SARIFReport.Stream.self, directory, baseline: baseline, quiet: quiet)
            #expect(sarif == wholeSARIF)
            let (text, wholeText) = try bothReports(TextReport.Stream.self, directory, baseline: baseline, quiet: quiet)
            #expect(text == wholeText)
            #expect(text.contains("already in the baseline"))
        }
    }

    @Test("The SARIF cap keeps the same results whether the log is built whole or file by file")
    func cappedSARIF() throws {
        let directory = try archive()
        for limit in [1, 2, 3, 50] {
            var capped = context
            capped.maxResults = limit
            let linter = Linter(policyLookup: { _ in policy })
            let plan = try linter.plan(options(directory))
            var streamed = ""
            let outcome = ReportedLint<SARIFReport.Stream>(context: capped).run(plan, with: linter) { streamed += $0 }
            let whole = try linter.lint(options(directory))
            #expect(streamed == SARIFReport.Stream.render(whole, context: capped))
            #expect(outcome.resultsLeftOut == SARIFReport.omittedResults(whole, maxResults: limit))
        }
    }
}

@Suite("Ordered work on every core")
struct OrderedWorkTests {
    @Test("Results arrive in index order, whatever order the work finishes in")
    func order() {
        var received: [Int] = []
        OrderedWork.run(count: 500, window: 8, workers: 4, { index in
            // Early pieces take longest, so later ones finish first.
            if index % 50 == 0 { usleep(2_000) }
            return index * 3
        }, receive: { index, value in
            #expect(value == index * 3)
            received.append(index)
        })
        #expect(received == Array(0..<500))
    }

    @Test("Finished work waiting for its turn never exceeds the window")
    func bounded() {
        let ahead = Mutex(0)
        let mostAhead = Mutex(0)
        OrderedWork.run(count: 300, window: 5, workers: 4, { index in
            ahead.withLock { $0 += 1 }
            return index
        }, receive: { _, _ in
            let waiting = ahead.withLock { count -> Int in
                count -= 1
                return count
            }
            mostAhead.withLock { $0 = max($0, waiting) }
            usleep(200)
        })
        // Each worker may hold one more finished piece while it waits.
        #expect(mostAhead.withLock { $0 } <= 5 + 4)
    }

    @Test("No work, one piece, and more workers than pieces all finish")
    func edges() {
        var count = 0
        OrderedWork.run(count: 0, { $0 }, receive: { _, _ in count += 1 })
        OrderedWork.run(count: 1, { $0 }, receive: { _, _ in count += 1 })
        OrderedWork.run(count: 3, workers: 16, { $0 }, receive: { _, _ in count += 1 })
        #expect(count == 4)
    }
}
