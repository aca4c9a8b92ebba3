import Testing
@testable import CopydeskRules

@Suite("A repeated text's excerpt")
struct RepeatedTextExcerptTests {
    /// The excerpt as first written: flatten every word, then cut.
    private func flattenedWhole(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == " " }).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit - 1)) + "…"
    }

    @Test("Reading only the start gives what flattening the whole text gave")
    func sameAsFlatteningEverything() {
        let pieces = ["Council", "  ", "\n", "\t", "votes", "café", "e\u{301}", "🇫🇷", "\r\n", "“quoted,”", " \u{301}", "—", "x"]
        var texts = ["", " ", "\n\n", "one", "   leading and trailing   ", String(repeating: "word ", count: 40)]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(Int(seed % 40)) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            texts.append(text)
        }
        for text in texts {
            for limit in [1, 5, 12, 60] {
                #expect(RepeatedText.excerpt(text, limit: limit) == flattenedWhole(text, limit: limit), "\(text.debugDescription)")
            }
        }
    }
}
