import CopydeskCore
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules
import Testing

/// Any bytes that are UTF-8 must parse and lint without a crash, in every
/// format, with every default rule on. Inputs are generated from a fixed
/// seed out of the characters that drive the parsers (Markdown syntax,
/// quotation marks, dashes, HTML, entities, line breaks, multibyte text), so
/// a failure reproduces.
struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so no run depends on the clock.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [String] = [
        "\"", "“", "”", "‘", "’", "'", "''", "„", "«", "»", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "# ", "> ",
        "- ", "1. ", "```", "~~~", "    ", "*", "_", "**", "`", "[", "]", "(", ")", "![", "<!--", "-->", "<p>", "</p>",
        "<figure>", "<figcaption>", "<img alt=\"x\">", "&amp;", "&#8220;", "&", "---\n", "title: x\n", "By ", "said",
        "told", "according to", "he", "The Mayor", "Ana Ruiz", ",", ".", ":", "—", "–", "…", "é", "e\u{301}",
        "👩‍👩‍👧", "東京", "\u{A0}", "\u{FEFF}", "6'2\"", "don’t", "<!-- copydesk-disable quote-balance -->",
        "<!-- copydesk-enable all -->", "copydesk:", "  disable:", "\\", "|", "=", "===", "<", ">", "\u{2028}",
        "<h1>", "<article>", "<nav>", "<footer>", "<aside>", "<blockquote>", "<p class=\"byline\">", "<a rel=\"author\">",
        "</a>", "<span>", "</span>", "<script type=\"application/ld+json\">{\"author\":\"", "</script>", "&ldquo;",
        "&rdquo;", "&#147;", "<br>", "<li>", "<td>",
    ]

    static let ruleSet: RuleSet = {
        let policy = try! PolicyLoader(schemas: RuleRegistry.schemas).builtin("default")
        return try! RuleRegistry.configure(policy)
    }()

    @Test(arguments: [InputFormat.text, .markdown, .html])
    func randomArticlesNeverCrash(format: InputFormat) {
        var generator = Generator(state: format == .text ? 1 : format == .markdown ? 2 : 3)
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<Int.random(in: 0...120, using: &generator) {
                text += Self.pieces.randomElement(using: &generator)!
            }
            let source = SourceText(path: "fuzz", string: text)
            let result = Linter.lint(source: source, format: format, ruleSet: Self.ruleSet).file
            for finding in result.findings {
                #expect(finding.range.start.offset <= finding.range.end.offset)
                #expect(finding.range.end.offset <= source.bytes.count)
                #expect(finding.range.start.line >= 1 && finding.range.start.column >= 1)
            }
        }
    }

    /// Inputs the fuzzers (scripts/fuzz.sh) found crashing, kept so they
    /// never come back: a paragraph that is a lone apostrophe (a quoted
    /// subhead check read the byte before the first).
    @Test(arguments: [
        (InputFormat.text, "Title\n\n'\n\nBody text here.\n"),
        (.text, "'"),
        (.markdown, "# Title\n\n'\n\nBody.\n"),
        (.text, "‘\n\nA line.\n"),
    ])
    func inputsTheFuzzersFound(format: InputFormat, text: String) {
        let source = SourceText(path: "found", string: text)
        let result = Linter.lint(source: source, format: format, ruleSet: Self.ruleSet).file
        // A lone straight apostrophe is an apostrophe, not an unclosed
        // quotation; a lone opening curly mark is one.
        #expect(result.findings.contains { $0.ruleID == "quote-balance" } == text.contains("‘"))
        for finding in result.findings {
            #expect(finding.range.start.offset <= finding.range.end.offset)
            #expect(finding.range.end.offset <= source.bytes.count)
        }
    }

    @Test func aLongSingleLineAndManyBlankLinesAreFine() {
        let long = String(repeating: "word “quoted” ", count: 2_000)
        let blank = String(repeating: "\n", count: 5_000) + "text"
        for text in [long, blank] {
            let source = SourceText(path: "big", string: text)
            for format in [InputFormat.markdown, .text, .html] {
                let result = Linter.lint(source: source, format: format, ruleSet: Self.ruleSet).file
                // Every quotation on the long line is closed, and the findings stay inside the text.
                #expect(!result.findings.contains { $0.ruleID == "quote-balance" })
                for finding in result.findings {
                    #expect(finding.range.end.offset <= source.bytes.count)
                    #expect(finding.range.start.line <= source.lineCount)
                }
            }
        }
    }
}
