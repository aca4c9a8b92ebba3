import CopydeskPolicy
import Testing
@testable import CopydeskRules

/// The signatures of a list of notices are what the first way of building
/// them (a hash table of word counts per notice) gave: a word missing from a
/// signature would leave an article holding the notice uncompared.
@Suite struct NoticeSignaturesTests {
    @Test func signaturesMatchTheCountingDefinition() {
        // Invented wording from a small vocabulary, so words repeat within
        // a notice and across notices; function words and letter case mixed.
        let vocabulary = ["the", "Wire", "wire", "licence", "of", "and", "Freedonia", "offence", "readers", "may",
                          "story", "desk", "checked", "sponsored", "content", "partner", "paid", "for", "by", "—"]
        var state: UInt64 = 15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var notices: [CompiledNotice] = []
        for number in 0..<120 {
            let words = (0..<(3 + next(25))).map { _ in vocabulary[next(vocabulary.count)] }
            let notice = Notice(id: "n\(number)", text: words.joined(separator: " "), caseSensitive: next(4) == 0,
                                required: .always)
            notices.append(CompiledNotice(notice: notice, required: .always, forbidden: []))
        }
        for caseSensitive in [false, true] {
            for threshold in [0.7, 0.9, 1.0] {
                let built = NoticeSignatures(notices: notices, caseSensitive: caseSensitive, threshold: threshold)
                let expected = Self.counted(notices, caseSensitive: caseSensitive, threshold: threshold)
                #expect(built.noticesByKey == expected.noticesByKey, "caseSensitive \(caseSensitive), threshold \(threshold)")
                #expect(built.holders == expected.holders, "caseSensitive \(caseSensitive), threshold \(threshold)")
            }
        }
    }

    /// The signatures as first built, word counts in a table per notice.
    static func counted(_ notices: [CompiledNotice], caseSensitive: Bool, threshold: Double)
        -> (noticesByKey: [UInt64: [Int]], holders: [UInt64: [Int]]) {
        let compared = notices.indices.filter { notices[$0].notice.caseSensitive == caseSensitive }
        var noticeFrequency: [UInt64: Int] = [:]
        var multiplicities: [Int: [UInt64: Int]] = [:]
        var holders: [UInt64: [Int]] = [:]
        for index in compared {
            var counts: [UInt64: Int] = [:]
            for key in notices[index].keys(caseSensitive: caseSensitive) { counts[key, default: 0] += 1 }
            for key in counts.keys {
                noticeFrequency[key, default: 0] += 1
                holders[key, default: []].append(index)
            }
            multiplicities[index] = counts
        }
        let functionWords = NoticeSignatures.functionWordKeys(caseSensitive: caseSensitive)
        var noticesByKey: [UInt64: [Int]] = [:]
        for index in compared {
            guard let counts = multiplicities[index] else { continue }
            let wordCount = notices[index].keys(caseSensitive: caseSensitive).count
            let leastCommon = Int((threshold * Double(wordCount) / (2 - threshold)).rounded(.down))
            let commonestFirst = counts.keys
                .map { key in (functionWords.contains(key) ? 1 : 0, noticeFrequency[key, default: 0], key) }
                .sorted { $0 > $1 }
                .map(\.2)
            var setAside = 0
            for key in commonestFirst {
                let count = counts[key, default: 0]
                if setAside + count < leastCommon {
                    setAside += count
                } else {
                    noticesByKey[key, default: []].append(index)
                }
            }
        }
        return (noticesByKey, holders)
    }
}
