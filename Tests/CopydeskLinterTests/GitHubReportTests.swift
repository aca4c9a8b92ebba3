import CopydeskCore
import Testing
@testable import CopydeskLinter

@Suite struct GitHubReportTests {
    @Test func messageEscapesPercentAndLineBreaks() {
        #expect(GitHubReport.escapeData("50% of\r\nreaders: a, b") == "50%25 of%0D%0Areaders: a, b")
    }

    @Test func propertyEscapesAlsoColonAndComma() {
        #expect(GitHubReport.escapeProperty("dir:a,b/50%\n") == "dir%3Aa%2Cb/50%25%0A")
    }

    @Test func escapingLeavesNonASCIIAlone() {
        #expect(GitHubReport.escapeProperty("world/café ☕.md") == "world/café ☕.md")
    }

    @Test func oneCommandPerUnsuppressedFinding() {
        let report = renderReport(ReportFixtures.run, format: .github, context: ReportFixtures.context)
        let lines = report.split(separator: "\n").map(String.init)
        // Six unsuppressed findings and two input problems.
        #expect(lines.count == 8)
        #expect(!report.contains("Zürich\"."))
        #expect(lines.contains(
            "::error file=world/café-report.md,line=4,col=30,endLine=4,endColumn=32,title=house-style::"
                + "Write \"per cent\" rather than \"%25\"."))
        #expect(lines.contains(
            "::notice file=world/café-report.md,line=1,col=21,endLine=1,endColumn=22,title=headline-emoji::"
                + "Headline contains an emoji."))
    }

    @Test func findingOverSeveralLinesHasNoColumns() {
        let report = renderReport(ReportFixtures.run, format: .github, context: ReportFixtures.context)
        #expect(report.contains("::warning file=world/café-report.md,line=5,endLine=6,title=sentence-length::"
            + "Sentence runs over a line break: keep one sentence to a line, or shorten it.\n"))
    }

    @Test func absolutePathsBecomeRelativeToTheWorkingDirectory() {
        let report = renderReport(ReportFixtures.run, format: .github, context: ReportFixtures.context)
        let source = SourceText(path: "/home/desk/news room/briefs/brief.txt", string: ReportFixtures.briefText)
        let run = LintRun(files: [FileResult(path: source.path, format: .text, findings: [
            Finding(ruleID: "r", severity: .warning, message: "m", range: source.range(0..<5)),
        ], source: source)], problems: [], rules: [])
        #expect(renderReport(run, format: .github, context: ReportFixtures.context)
                == "::warning file=briefs/brief.txt,line=1,col=1,endLine=1,endColumn=6,title=r::m\n")
        #expect(report.contains("::error file=../archive/Ölfeld notes.md,line=2,col=5::invalid UTF-8"))
    }

    @Test func cleanRunPrintsNothing() {
        let run = LintRun(files: [], problems: [], rules: [])
        #expect(renderReport(run, format: .github, context: ReportFixtures.context) == "")
    }
}
