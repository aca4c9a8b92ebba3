/// Finds, among texts in reading order, the earlier texts each one repeats
/// or nearly repeats (Jaccard similarity of `TextFingerprint` shingles at or
/// above a threshold), without comparing every pair.
///
/// Prefix filtering: with every text's shingles in one global order, two
/// sets whose similarity is at least t must share one of the first
/// |A| − ⌈t·|A|⌉ + 1 shingles of each. The order is rarest first, so the
/// prefixes hold the shingles few texts share ("met on day 12"), not the
/// ones every paragraph has ("said in a"); only texts sharing a prefix
/// shingle are compared in full. A 1,000-paragraph article costs about as
/// much as reading it.
public enum NearDuplicates {
    public struct Match: Sendable, Hashable {
        /// Position of the earlier text in the list.
        public var index: Int
        public var similarity: Double
    }

    /// For each text, the earlier texts at least `threshold` similar to it
    /// (`threshold` above 0, at most 1; 1 finds texts with the same words),
    /// in list order. An empty text matches nothing.
    public static func earlierMatches(in fingerprints: [TextFingerprint], threshold: Double) -> [[Match]] {
        let threshold = min(1, max(threshold, 0.01))
        var frequency: [UInt64: Int32] = [:]
        for fingerprint in fingerprints {
            for shingle in fingerprint.shingles { frequency[shingle, default: 0] += 1 }
        }
        var postings: [UInt64: [Int32]] = [:]
        var result: [[Match]] = []
        result.reserveCapacity(fingerprints.count)
        for (position, fingerprint) in fingerprints.enumerated() {
            let size = fingerprint.shingles.count
            guard size > 0 else {
                result.append([])
                continue
            }
            let needed = Int((threshold * Double(size) - 1e-9).rounded(.up))
            let prefixLength = min(size, size - max(needed, 1) + 1)
            let prefix = fingerprint.shingles
                .sorted { (frequency[$0] ?? 0, $0) < (frequency[$1] ?? 0, $1) }
                .prefix(prefixLength)
            var candidates = Set<Int32>()
            for shingle in prefix {
                if let items = postings[shingle] { candidates.formUnion(items) }
            }
            var found: [Match] = []
            for candidate in candidates {
                let other = fingerprints[Int(candidate)]
                let otherSize = other.shingles.count
                // Sets of very different sizes cannot be similar enough.
                guard Double(min(size, otherSize)) >= threshold * Double(max(size, otherSize)) - 1e-9 else { continue }
                let similarity = fingerprint.similarity(to: other)
                if similarity >= threshold - 1e-9 {
                    found.append(Match(index: Int(candidate), similarity: similarity))
                }
            }
            result.append(found.sorted { $0.index < $1.index })
            for shingle in prefix { postings[shingle, default: []].append(Int32(position)) }
        }
        return result
    }
}
