import CopydeskCore
import CopydeskRules
import Foundation
@testable import CopydeskLinter

/// A fixed lint run and fixed documents that exercise what reports get
/// wrong most easily: precomposed and decomposed accents, emoji (two UTF-16
/// units, two terminal columns), a tab before a finding, CRLF line breaks, a
/// range over two lines, a related location, a suppressed finding, `%`, `:`
/// and `,` for the GitHub escapes, a path with a space, and input problems.
enum ReportFixtures {
    static let workingDirectory = "/home/desk/news room"
    /// 2024-05-01T10:00:00Z.
    static let date = Date(timeIntervalSince1970: 1_714_557_600)
    static let context = ReportContext(toolVersion: "9.9.9-test", generatedAt: date,
                                       workingDirectory: workingDirectory, color: false)

    static let cafeText = """
        # Café owners rally ☕ in Zürich
        By Ana Peña

        The owners said "prices rose 5%" last week.
        \tTabbed line with teh typo 🎉 here,
        spanning two lines.
        <!-- copydesk-disable-next-line spelling -- place name -->
        "We will not close," said Müller in Zürich.

        """

    /// CRLF line breaks, a decomposed é (e + U+0301) before the finding.
    static let briefText = "Brief: Cafe\u{301} Zoë, the émigré, said 'hello'.\r\nSecond line.\r\n"

    static let cafe = SourceText(path: "world/café-report.md", string: cafeText)
    static let brief = SourceText(path: workingDirectory + "/briefs/brief.txt", string: briefText)

    static var run: LintRun {
        let cafeFindings = [
            Finding(ruleID: "headline-emoji", severity: .note, message: "Headline contains an emoji.",
                    range: range(of: "☕", in: cafe)),
            Finding(ruleID: "house-style", severity: .error, message: #"Write "per cent" rather than "%"."#,
                    range: range(of: "5%", in: cafe)),
            Finding(ruleID: "sentence-length", severity: .warning,
                    message: "Sentence runs over a line break: keep one sentence to a line, or shorten it.",
                    range: range(from: "Tabbed", to: "lines.", in: cafe)),
            Finding(ruleID: "spelling", severity: .warning, message: #"Possible misspelling "teh"; did you mean "the"?"#,
                    range: range(of: "teh", in: cafe)),
            Finding(ruleID: "quote-consistency", severity: .warning,
                    message: "Straight quotation marks; the house style uses curly quotes “…”.",
                    range: range(of: "\"We will not close,\"", in: cafe),
                    related: [RelatedLocation(range: range(of: "\"prices rose 5%\"", in: cafe),
                                              message: "straight quotation marks are also used here")]),
            Finding(ruleID: "spelling", severity: .warning, message: #"Possible misspelling "Zürich"."#,
                    range: range(of: "Zürich", in: cafe, occurrence: 1),
                    suppression: SuppressionInfo(kind: .inSource, justification: "place name",
                                                 directiveRange: range(of: "<!-- copydesk-disable-next-line spelling -- place name -->", in: cafe))),
        ]
        let briefFindings = [
            Finding(ruleID: "house-style", severity: .error, message: "Write “émigré” without the accents in briefs.",
                    range: range(of: "émigré", in: brief)),
        ]
        return LintRun(
            files: [
                FileResult(path: "briefs/brief.txt", format: .text, findings: briefFindings, source: brief),
                FileResult(path: "world/café-report.md", format: .markdown, findings: cafeFindings, source: cafe),
            ],
            problems: [
                InputProblem(path: "../archive/Ölfeld notes.md", level: .error,
                             message: "invalid UTF-8 at byte offset 40 (line 2, column 5); save the file as UTF-8",
                             line: 2, column: 5, offset: 40),
                InputProblem(path: "photos/lede.md", level: .warning,
                             message: "binary file (it contains NUL bytes), skipped"),
            ],
            rules: rules)
    }

    static let rules: [RuleDescription] = [
        RuleDescription(id: "headline-emoji", summary: "Headlines carry no emoji.",
                        rationale: "Emoji render differently on every platform and read as unserious in a headline.",
                        defaultSeverity: .note,
                        triggering: [RuleExample("# Prices ↓☕ rise\n")],
                        nonTriggering: [RuleExample("# Coffee prices rise\n")]),
        RuleDescription(id: "house-style", summary: "Follow the house style guide's spellings.",
                        rationale: "Consistent spellings let readers trust that a difference in wording means a difference in fact.",
                        defaultSeverity: .error,
                        triggering: [RuleExample("Prices rose ↓5% in a year.\n")],
                        nonTriggering: [RuleExample("Prices rose 5 per cent in a year, says `5%` code.\n")]),
        RuleDescription(id: "quote-consistency", summary: "Quotation marks follow the house style.",
                        rationale: "Mixed straight and curly quotation marks look careless in print.",
                        defaultSeverity: .warning,
                        triggering: [RuleExample("↓\"Yes,\" she said.\n")],
                        nonTriggering: [RuleExample("“Yes,” she said.\n")]),
        RuleDescription(id: "sentence-length", summary: "Sentences stay on one line.",
                        rationale: "A sentence per line keeps diffs readable for editors.",
                        defaultSeverity: .warning,
                        triggering: [RuleExample("↓One sentence\nthat wraps.\n", format: .text)],
                        nonTriggering: [RuleExample("One sentence.\n", format: .text)]),
        RuleDescription(id: "spelling", summary: "Words are spelled as the dictionary has them.",
                        rationale: "Misspellings undermine the reader's trust in the reporting.",
                        defaultSeverity: .warning,
                        triggering: [RuleExample("The ↓teh cat.\n")],
                        nonTriggering: [RuleExample("The cat.\n")]),
    ]

    /// The documents `copydesk inspect` would print for the café article and
    /// a plain-text wire story, built by hand so the golden file does not
    /// change with the parsers.
    static var inspectDocuments: [Document] {
        var markdown = Document(source: cafe, format: .markdown, blocks: [
            block(.headline, line: 1, textFrom: "Café", in: cafe, level: 1),
            block(.byline, line: 2, textFrom: "By", in: cafe),
            block(.paragraph, line: 4, textFrom: "The", in: cafe),
        ])
        markdown.bylines = [Byline(text: "By Ana Peña", names: ["Ana Peña"], range: range(of: "By Ana Peña", in: cafe),
                                   origin: "byline")]
        markdown.quotes = [Quote(blockIndex: 2, textRange: 16..<32, range: range(of: "\"prices rose 5%\"", in: cafe),
                                 text: "\"prices rose 5%\"")]

        let wire = SourceText(path: "wire/summit.txt", string: """
            Ferrand and Varga meet in Lisbon
            By Jane Doe and Li Wei
            Photo: The leaders shook hands. (AP)
            “We talked about ferries,” Ferrand told reporters.
            © 2024 Example News. All rights reserved.

            """)
        var text = Document(source: wire, format: .text, blocks: (1...5).map { line in
            let kinds: [BlockKind] = [.headline, .byline, .caption, .paragraph, .notice]
            let lineRange = wire.lineByteRange(line)
            return Block(kind: kinds[line - 1], range: wire.range(lineRange),
                         content: MappedText(verbatim: lineRange, of: wire.bytes))
        })
        text.bylines = [Byline(text: "By Jane Doe and Li Wei", names: ["Jane Doe", "Li Wei"],
                               range: range(of: "By Jane Doe and Li Wei", in: wire), origin: "byline")]
        let quoteRange = range(of: "“We talked about ferries,”", in: wire)
        text.quotes = [Quote(blockIndex: 3, textRange: 0..<(quoteRange.end.offset - quoteRange.start.offset),
                             range: quoteRange, text: "“We talked about ferries,”",
                             attribution: Attribution(speaker: Span(text: "Ferrand", range: range(of: "Ferrand", in: wire, occurrence: 1)),
                                                      cue: Span(text: "told", range: range(of: "told", in: wire))))]
        return [markdown, text]
    }

    /// A block from `needle` to the end of the line; the block's range starts
    /// at the line start, so markup such as `# ` is in the block but not in
    /// its text.
    static func block(_ kind: BlockKind, line: Int, textFrom needle: String, in source: SourceText,
                      level: Int = 0) -> Block {
        let lineRange = source.lineByteRange(line)
        let textStart = range(of: needle, in: source).start.offset
        return Block(kind: kind, range: source.range(lineRange),
                     content: MappedText(verbatim: textStart..<lineRange.upperBound, of: source.bytes), level: level)
    }

    /// The range of the `occurrence`-th `needle` in the source (test data
    /// only: the engine records positions while parsing).
    static func range(of needle: String, in source: SourceText, occurrence: Int = 0) -> SourceRange {
        let offset = byteOffset(of: needle, in: source, occurrence: occurrence)
        return source.range(offset..<(offset + needle.utf8.count))
    }

    static func range(from first: String, to last: String, in source: SourceText) -> SourceRange {
        let start = byteOffset(of: first, in: source, occurrence: 0)
        let end = byteOffset(of: last, in: source, occurrence: 0) + last.utf8.count
        return source.range(start..<end)
    }

    static func byteOffset(of needle: String, in source: SourceText, occurrence: Int) -> Int {
        let pattern = Array(needle.utf8)
        var found = 0
        var index = 0
        while index + pattern.count <= source.bytes.count {
            if source.bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                if found == occurrence { return index }
                found += 1
            }
            index += 1
        }
        fatalError("fixture text \(needle) not found")
    }
}
