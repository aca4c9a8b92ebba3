import Testing
@testable import CopydeskCore

/// Generated hostile inputs: each must give a bounded answer (an error, a
/// limit, a plain reading), never a hang or an explosion of memory. Their
/// speed is measured by scripts/hostile-bounds.sh, not here.
struct HostileInputTests {
    private func parse(_ text: String) -> Document {
        ArticleParser.parse(SourceText(path: "t.md", string: text), format: .markdown)
    }

    /// A "billion laughs": each anchor lists the one before it ten times.
    static func aliasBomb(levels: Int) -> String {
        var lines = ["a0: &a0 \"lol\""]
        for level in 1...levels {
            let items = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(items)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func frontMatterAliasBombIsRefusedWithItsPlace() {
        let document = parse("---\n" + Self.aliasBomb(levels: 9) + "title: t\n---\nThe council met on Tuesday.\n")
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.message.contains("unfold into more than 100000 nodes") == true)
        // The alias that crosses the bound: on the anchor line of level 5 (article line 7).
        #expect(document.diagnostics.first?.range.start.line == 7)
        #expect(document.blocks.last?.text == "The council met on Tuesday.")
    }

    @Test func frontMatterAliasBombAsAKeyIsRefused() {
        let document = parse("---\n" + Self.aliasBomb(levels: 9) + "? *a9\n: value\n---\nText.\n")
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.message.contains("aliases unfold") == true)
    }

    @Test func deeplyNestedFrontMatterIsRefused() {
        let document = parse("---\ndeep: " + String(repeating: "[", count: 500) + "\n---\nText.\n")
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.message.contains("nested more than 100 levels") == true)
        // Deeper than libyaml's own limit (1,000), libyaml stops first.
        let deeper = parse("---\ndeep: " + String(repeating: "[", count: 100_000) + "\n---\nText.\n")
        #expect(deeper.diagnostics.count == 1)
        #expect(deeper.blocks.last?.text == "Text.")
    }

    @Test func ordinaryAnchorsAndAliasesAreStillRead() {
        #expect(YAMLBounds.check("base: &b {x: 1}\nother: *b\nlist: [*b, *b]\n") == nil)
        let document = parse("---\ntags: &t [a, b]\nsection: *t\n---\nText.\n")
        #expect(document.diagnostics.isEmpty)
        #expect(YAMLBounds.check(Self.aliasBomb(levels: 4)) == nil)
        #expect(YAMLBounds.check(Self.aliasBomb(levels: 5))?.line == 6)
    }

    @Test func thousandsOfCopiesOfOneParagraphAreOneGroup() {
        let fingerprints = Array(repeating: TextFingerprint("x"), count: 20_000) + [TextFingerprint("y z")]
        let matches = NearDuplicates.earlierMatches(in: fingerprints, threshold: 0.9)
        #expect(matches.first(of: 0) == nil)
        #expect(matches.first(of: 19_999) == NearDuplicates.Match(index: 0, similarity: 1))
        #expect(matches.first(of: 20_000) == nil)
        #expect(matches.all(of: 3).map(\.index) == [0, 1, 2])
        let counts = matches.copyCounts()
        #expect(counts[0] == 20_000 && counts[19_999] == 20_000 && counts[20_000] == 1)
        #expect(!matches.isEmpty)
    }

    @Test func aRuleReadsAtMostTheFirstHundredMatchesOfAText() {
        let matches = NearDuplicates.earlierMatches(in: Array(repeating: TextFingerprint("x"), count: 5_000), threshold: 1)
        var read = 0
        let found = matches.first(of: 4_999) { _ in read += 1; return false }
        #expect(found == nil)
        #expect(read == EarlierMatches.examinedLimit)
        #expect(matches.first(of: 4_999) { $0.index == 42 }?.index == 42)
    }

    @Test func aMegabyteOfOpenBracketsIsText() {
        let text = String(repeating: "[", count: 200_000)
        let document = parse(text)
        #expect(document.blocks.map(\.text) == [text])
    }

    @Test func linksThatNeverCloseAreText() {
        let text = String(repeating: "[a](", count: 50_000)
        #expect(parse(text).blocks.map(\.text) == [text])
        let labels = String(repeating: "[a][", count: 50_000)
        #expect(parse(labels).blocks.map(\.text) == [labels])
    }

    @Test func linksStillReadAsTheirText() {
        #expect(parse("See [the [full] report](https://example.com/r) and [this][ref] [but \\] not](x).\n").blocks.map(\.text)
                == ["See the [full] report and this but ] not."])
        // A reference label ends on its line; an inline destination need not.
        #expect(parse("A [b][c\nd] e\n").blocks.map(\.text) == ["A [b][c\nd] e"])
    }
}

/// Attribution in a paragraph of thousands of quotations: the searches
/// remembered per sentence give what they give in a short paragraph of
/// the same pattern.
struct LongParagraphAttributionTests {
    private func attributions(_ text: String) -> [String?] {
        var document = ArticleParser.parse(SourceText(path: "t.md", string: text), format: .markdown)
        AttributionFinder().attribute(&document)
        return document.quotes.filter { $0.depth == 0 }.map { quote in
            quote.attribution.map { "\($0.speaker?.text ?? "?")/\($0.cue?.text ?? "?")" }
        }
    }

    @Test(arguments: [
        "“one two three four five,” said. ",
        "“One two three,” Ortiz said, “four five six.” ",
        "Ortiz said. “One two three four.” ",
        "“One two three.” Ortiz, who said so: “four five.” ",
        "“one two,” “three four,” according to ",
        "the \"one two\" and \"three four\" went on ",
    ])
    func aLongParagraphReadsAsAShortOne(_ unit: String) {
        let short = attributions(String(repeating: unit, count: 20))
        let long = attributions(String(repeating: unit, count: 2_000))
        #expect(long.count == 2_000 * short.count / 20)
        let perUnit = short.count / 20
        // Away from the paragraph's ends, every unit reads as the middle of the short paragraph does.
        let middle = Array(short[(10 * perUnit)..<(11 * perUnit)])
        for unitIndex in [10, 1_000, 1_990] {
            #expect(Array(long[(unitIndex * perUnit)..<((unitIndex + 1) * perUnit)]) == middle, "unit \(unitIndex)")
        }
        #expect(Array(long.prefix(5 * perUnit)) == Array(short.prefix(5 * perUnit)))
    }
}
