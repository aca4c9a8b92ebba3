import Testing
@testable import CopydeskCore

/// Malformed and hostile pages: every one must parse, without a crash,
/// and in time linear in its size (the tokenizer and the element stack
/// only move forward; nothing here is timed, the design is what bounds it).
struct HTMLRobustnessTests {
    private func parse(_ bytes: [UInt8]) -> Document {
        ArticleParser.parse(SourceText(path: "t.html", bytes: bytes), format: .html)
    }

    private func parse(_ html: String) -> Document { parse(Array(html.utf8)) }

    @Test func unclosedAndMisnestedTags() {
        let document = parse("<div><p>One<span>two<div>three</p></span><li>four<td>five</table></b></i><p>six")
        let text = document.blocks.map(\.text).joined(separator: "|")
        for word in ["One", "two", "three", "four", "five", "six"] {
            #expect(text.contains(word), "\(word) lost")
        }
    }

    @Test func endTagsWithNothingToClose() {
        let document = parse(String(repeating: "</div></p></span></li></table>", count: 10_000) + "<p>Still here</p>")
        #expect(document.blocks.last?.text == "Still here")
    }

    @Test func nestingDeeperThanAnyPage() {
        let depth = 100_000
        let document = parse(String(repeating: "<div><span>", count: depth) + "Deep text" + String(repeating: "</span></div>", count: depth))
        #expect(document.blocks.map(\.text) == ["Deep text"])
        let unclosed = parse(String(repeating: "<blockquote>", count: depth) + "Never closed")
        #expect(unclosed.blocks.last?.text == "Never closed")
    }

    @Test func aMegabyteAttribute() {
        let value = String(repeating: "x", count: 1_000_000)
        let document = parse("<p title=\"\(value)\" class='\(value)'>After the attribute</p><img alt=\"\(value)\">")
        #expect(document.blocks.first?.text == "After the attribute")
        #expect(document.blocks.last?.image?.alt?.text.utf8.count == 1_000_000)
    }

    @Test func aMegabyteUnclosedQuoteAndAMegabyteLine() {
        let document = parse("<p>Before</p><a href=\"" + String(repeating: "y", count: 1_000_000))
        #expect(document.blocks.map(\.text) == ["Before"])
        let line = String(repeating: "<span>word</span> ", count: 60_000)
        let long = parse("<p>" + line + "“end</p>")
        let mark = long.unbalancedQuoteMarks.first
        #expect(mark?.range.start.line == 1)
        #expect(mark?.range.start.column == 4 + line.unicodeScalars.count)
    }

    @Test func aTenMegabytePage() {
        var page = "<html><head><title>Big</title></head><body><article><h1>A long page</h1>"
        let section = """
            <section class="chunk"><h2>Part</h2><p>Paragraph with &ldquo;quotes&rdquo; &amp; entities, \
            <a href="/x">a link</a> and <em>emphasis</em>.</p><figure><img src="i.jpg" alt="A picture">\
            <figcaption>Crews repair the bridge deck on Monday.</figcaption></figure><script>var a = "<p>";</script><!-- note --></section>\n
            """
        let sections = 10_000_000 / section.utf8.count + 1
        page += String(repeating: section, count: sections) + "</article></body></html>"
        #expect(page.utf8.count > 10_000_000)
        let document = parse(page)
        // One picture with one caption, printed again in every section: read
        // once, its copies marked as such.
        #expect(document.blocks.filter { $0.kind == .caption }.count == 1)
        #expect(document.blocks.filter { $0.why?.hasPrefix("a copy of the caption") == true }.count == sections - 1)
        #expect(document.quotes.count == sections)
        #expect(document.unbalancedQuoteMarks.isEmpty)
    }

    /// Random pages built from HTML's significant pieces and raw bytes,
    /// invalid UTF-8 included, from a fixed seed so a failure reproduces.
    @Test func randomPagesNeverCrash() {
        var generator = SplitMix64(seed: 0x5EED_C0DE)
        let pieces: [[UInt8]] = [
            "<", ">", "</", "/>", "<!--", "-->", "<!", "<?", "<![CDATA[", "]]>", "&", ";", "&#", "&#x", "&amp",
            "\"", "'", "=", " ", "\n", "p", "div", "script", "style", "title", "svg", "a", "li", "td", "table",
            "class=byline", "rel=author", "itemprop=author", "<script type=application/ld+json>", "{\"author\":[",
            "\"name\":\"", "}", "]", "\\u", "“", "”", "é", "By ", "Jane Doe", "<h1>", "<p>", "<br>", "<meta name=author content=",
            "<span>", "</span>", "<a href=/author/x>", "</a>", "class=author", "Edited by", "Contributions from", "Posted on 3 by ",
            "<article>", "<nav>", "<footer>", "<figure>", "<figcaption>", "<img alt=", "<template>", "<head>", ",", " and ",
        ].map { Array($0.utf8) }
        for _ in 0..<1000 {
            var bytes: [UInt8] = []
            let length = Int(generator.next() % 400)
            for _ in 0..<length {
                if generator.next() % 4 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: generator.next()))
                } else {
                    bytes.append(contentsOf: pieces[Int(generator.next() % UInt64(pieces.count))])
                }
            }
            let document = parse(bytes)
            for block in document.blocks {
                #expect(block.range.start.offset <= block.range.end.offset)
                #expect(block.range.end.offset <= bytes.count)
            }
        }
    }
}

/// A small seedable generator (SplitMix64), so random tests reproduce.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
