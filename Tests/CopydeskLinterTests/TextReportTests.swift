import CopydeskCore
import Testing
@testable import CopydeskLinter

@Suite struct TextReportTests {
    /// The snippet lines for a finding on `needle` in a one-file run.
    private func snippet(_ text: String, _ needle: String, to last: String? = nil) -> [String] {
        let source = SourceText(path: "a.md", string: text)
        let range = last.map { ReportFixtures.range(from: needle, to: $0, in: source) }
            ?? ReportFixtures.range(of: needle, in: source)
        return Snippet(source: source, range: range).lines(style: TextStyle(enabled: false))
    }

    @Test func underlineReproducesTabsBeforeTheRange() {
        let lines = snippet("\tTabbed\tline teh typo\n", "teh")
        #expect(lines == [
            "  1 | \tTabbed\tline teh typo",
            "    | \t      \t     ^~~",
        ])
    }

    @Test func wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        // ☕ and 🎉 are drawn two columns wide; the e + U+0301 of "Cafe\u{301}" is one.
        let lines = snippet("☕🎉 Cafe\u{301} teh\n", "teh")
        #expect(lines[1] == "    | " + String(repeating: " ", count: 2 + 2 + 1 + 4 + 1) + "^~~")
    }

    @Test func multibyteTextUnderTheCaretsCountsCharactersNotBytes() {
        let lines = snippet("Le café ferme.\n", "café")
        #expect(lines[1] == "    |    ^~~~")
    }

    @Test func rangeOverSeveralLinesIsUnderlinedToTheEndOfItsFirstLine() {
        let lines = snippet("One sentence\nthat wraps.\n", "sentence", to: "wraps.")
        #expect(lines == ["  1 | One sentence", "    |     ^~~~~~~~"])
    }

    @Test func emptyRangeAtTheEndOfALineGetsOneCaretAfterTheText() {
        let source = SourceText(path: "a.md", string: "No full stop\nNext\n")
        let end = source.lineByteRange(1).upperBound
        let lines = Snippet(source: source, range: source.range(end..<end)).lines(style: TextStyle(enabled: false))
        #expect(lines[1] == "    |             ^")
    }

    @Test func controlCharactersAreShownAsPicturesNotSentToTheTerminal() {
        let lines = snippet("Bell\u{07} and escape\u{1B}[31m teh\n", "teh")
        #expect(lines[0] == "  1 | Bell\u{2407} and escape\u{241B}[31m teh")
        #expect(!lines[0].contains("\u{1B}"))
        #expect(lines[1] == "    | " + String(repeating: " ", count: 22) + "^~~")
    }

    @Test func aLongLineIsShownAroundTheRangeAndCutWithEllipses() {
        let text = String(repeating: "<span>x</span>", count: 100) + "teh typo" + String(repeating: "<b>é</b>", count: 50)
        #expect(text.utf8.count > Snippet.longLine)
        let lines = snippet(text, "teh")
        let shownBefore = "…" + String(String(repeating: "<span>x</span>", count: 100).suffix(Snippet.contextBefore))
        let shownAfter = String(" typo" + String(repeating: "<b>é</b>", count: 50)).prefix(Snippet.contextAfter)
        #expect(lines[0] == "  1 | " + shownBefore + "teh" + shownAfter + "…")
        #expect(lines[1] == "    | " + String(repeating: " ", count: Snippet.contextBefore + 1) + "^~~")
    }

    @Test func gutterWidensWithTheLineNumber() {
        let text = String(repeating: "x\n", count: 11) + "the teh\n"
        let lines = snippet(text, "teh")
        #expect(lines == ["  12 | the teh", "     |     ^~~"])
    }

    @Test func suppressedFindingsAreLeftOutAndCountedApart() {
        let report = renderReport(ReportFixtures.run, format: .text, context: ReportFixtures.context)
        #expect(!report.contains("Zürich\"."))
        #expect(report.hasSuffix("2 errors, 3 warnings, 1 note in 2 files (1 suppressed); 1 file not linted because of an error, 1 file skipped\n"))
    }

    @Test func findingLineIsCompilerStyleWithRelatedNotesIndented() {
        let report = renderReport(ReportFixtures.run, format: .text, context: ReportFixtures.context)
        let lines = report.split(separator: "\n").map(String.init)
        #expect(lines.contains("world/café-report.md:4:30: error: Write \"per cent\" rather than \"%\". [house-style]"))
        #expect(lines.contains("  world/café-report.md:4:17: note: straight quotation marks are also used here"))
        #expect(lines.contains("../archive/Ölfeld notes.md:2:5: error: invalid UTF-8 at byte offset 40 (line 2, column 5); save the file as UTF-8"))
        #expect(lines.contains("photos/lede.md: warning: binary file (it contains NUL bytes), skipped"))
    }

    @Test func cleanRunSaysSo() {
        let source = SourceText(path: "a.md", string: "Fine.\n")
        let suppressed = Finding(ruleID: "spelling", severity: .error, message: "m", range: source.range(0..<4),
                                 suppression: SuppressionInfo(kind: .inSource, justification: "ok", directiveRange: nil))
        let clean = LintRun(files: [FileResult(path: "a.md", format: .markdown, findings: [], source: source)],
                            problems: [], rules: [])
        let quiet = LintRun(files: [FileResult(path: "a.md", format: .markdown, findings: [suppressed], source: source)],
                            problems: [], rules: [])
        #expect(renderReport(clean, format: .text, context: ReportFixtures.context) == "No problems found in 1 file.\n")
        #expect(renderReport(quiet, format: .text, context: ReportFixtures.context)
                == "No problems found in 1 file (1 suppressed).\n")
    }

    @Test func colourOnlyWhenAskedFor() {
        var context = ReportFixtures.context
        #expect(!renderReport(ReportFixtures.run, format: .text, context: context).contains("\u{1B}["))
        context.color = true
        let coloured = renderReport(ReportFixtures.run, format: .text, context: context)
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
    }

    @Test func colourOnlyForATerminalWithoutNoColor() {
        #expect(ColorChoice.useColor(flag: nil, outputIsTerminal: true, environment: [:]))
        #expect(!ColorChoice.useColor(flag: nil, outputIsTerminal: false, environment: [:]))
        #expect(!ColorChoice.useColor(flag: nil, outputIsTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(ColorChoice.useColor(flag: nil, outputIsTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(ColorChoice.useColor(flag: true, outputIsTerminal: false, environment: ["NO_COLOR": "1"]))
    }

    @Test func summaryPluralises() {
        let source = SourceText(path: "a.md", string: "ab\n")
        let findings = [
            Finding(ruleID: "r", severity: .error, message: "m", range: source.range(0..<1)),
            Finding(ruleID: "r", severity: .warning, message: "m", range: source.range(1..<2)),
            Finding(ruleID: "r", severity: .warning, message: "m", range: source.range(1..<2)),
        ]
        let run = LintRun(files: [FileResult(path: "a.md", format: .markdown, findings: findings, source: source)],
                          problems: [], rules: [])
        #expect(TextReport.summaryLine(ReportSummary(run)) == "1 error, 2 warnings, 0 notes in 1 file")
    }
}
