import Testing
@testable import CopydeskCore

struct TextFingerprintTests {
    private func fingerprint(_ text: String) -> TextFingerprint { TextFingerprint(text) }

    @Test func caseSpacingAndPunctuationDoNotCount() {
        let a = fingerprint("Ferrand (left) and Varga -- like this one -- met in 2013.")
        let b = fingerprint("ferrand, LEFT and varga like this one\nmet in   2013")
        #expect(a == b)
        #expect(a.similarity(to: b) == 1)
        #expect(a.wordCount == 10)
    }

    @Test func apostrophesAndHyphensJoinAWordWhicheverIsTyped() {
        #expect(fingerprint("We don't know the face-to-face plan") == fingerprint("We don’t know the face‑to‑face plan"))
        #expect(fingerprint("Ünïcödé CAFÉ prices rose") == fingerprint("ünïcödé café prices rose"))
        #expect(fingerprint("Ünïcödé café prices rose") != fingerprint("Unicode cafe prices rose"))
    }

    @Test func similarityIsTheShareOfThreeWordSequences() {
        // 7 words: 5 shingles; one word changed at the end changes 1 of them.
        let a = fingerprint("the council approved the budget on Wednesday")
        let b = fingerprint("the council approved the budget on Thursday")
        #expect(abs(a.similarity(to: b) - 4.0 / 6.0) < 1e-9)
        #expect(fingerprint("Read more").similarity(to: fingerprint("Read more")) == 1)
        #expect(fingerprint("Read more").shingles.count == 1)
        #expect(fingerprint("").shingles.isEmpty)
        #expect(fingerprint("").similarity(to: fingerprint("")) == 0)
        #expect(fingerprint("— … !").wordCount == 0)
    }

    @Test func wordOrderMatters() {
        let a = fingerprint("police said the suspect fled on foot")
        let b = fingerprint("the suspect fled on foot police said")
        #expect(a.similarity(to: b) < 0.9)
        #expect(a.similarity(to: b) > 0)
    }
}

struct NearDuplicatesTests {
    /// A reproducible stream of numbers, so the random texts are the same on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test func findsTheSamePairsAsComparingEveryPair() {
        var generator = Generator(state: 42)
        let vocabulary = ["the", "council", "budget", "vote", "storm", "river", "mayor", "said", "on", "a", "city", "road"]
        var texts: [String] = []
        for _ in 0..<300 {
            if !texts.isEmpty, Int.random(in: 0..<4, using: &generator) == 0 {
                // A near copy of an earlier text: one word changed, or none.
                var words = texts[Int.random(in: 0..<texts.count, using: &generator)].split(separator: " ").map(String.init)
                if Bool.random(using: &generator) {
                    words[Int.random(in: 0..<words.count, using: &generator)] = vocabulary.randomElement(using: &generator)!
                }
                texts.append(words.joined(separator: " "))
            } else {
                let count = Int.random(in: 1...25, using: &generator)
                texts.append((0..<count).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " "))
            }
        }
        let fingerprints = texts.map { TextFingerprint($0) }
        for threshold in [0.5, 0.8, 0.9, 1.0] {
            let found = NearDuplicates.earlierMatches(in: fingerprints, threshold: threshold)
            var pairs = 0
            for (position, fingerprint) in fingerprints.enumerated() {
                let expected = (0..<position).filter { fingerprints[$0].similarity(to: fingerprint) >= threshold - 1e-9 }
                #expect(found.all(of: position).map(\.index) == expected, "text \(position) at threshold \(threshold)")
                pairs += expected.count
            }
            #expect(pairs > 0)
        }
    }

    @Test func aLongArticleOfSimilarParagraphsFindsOnlyTheRepeats() {
        // 2,000 paragraphs that share most of their wording, and two repeats.
        let paragraphs = (0..<2000).map { "Paragraph \($0) tells of the \($0 * 7) residents who met on day \($0 % 31) in the hall." }
            + ["Paragraph 12 tells of the 84 residents who met on day 12 in the hall.",
               "Paragraph 1999 tells of the 13993 residents who met on day 15 in the hall!"]
        let found = NearDuplicates.earlierMatches(in: paragraphs.map { TextFingerprint($0) }, threshold: 0.9)
        var matched: [Int: [Int]] = [:]
        for position in paragraphs.indices where !found.all(of: position).isEmpty {
            matched[position] = found.all(of: position).map(\.index)
        }
        #expect(matched == [2000: [12], 2001: [1999]])
    }
}
