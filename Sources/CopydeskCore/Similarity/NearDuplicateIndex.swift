/// Finds, for each text added in reading order, the earlier texts it
/// repeats or nearly repeats (Jaccard similarity of `TextFingerprint`
/// shingles at or above a threshold), without comparing every pair.
///
/// Prefix filtering: with shingles in one global order (ascending hash),
/// two sets whose Jaccard similarity is at least t must share one of the
/// first |A| − ⌈t·|A|⌉ + 1 shingles of each. Only those prefix shingles are
/// indexed and probed, so a 1,000-paragraph article costs about as much as
/// reading it, and only real candidates are compared in full.
public struct NearDuplicateIndex: Sendable {
    public struct Match: Sendable, Hashable {
        /// The order in which the earlier text was added, from 0.
        public var index: Int
        public var similarity: Double
    }

    public let threshold: Double
    private var fingerprints: [TextFingerprint] = []
    private var postings: [UInt64: [Int32]] = [:]

    /// - Parameter threshold: the least similarity (above 0, at most 1)
    ///   that counts as a repeat; 1 finds only texts with the same words.
    public init(threshold: Double) {
        self.threshold = min(1, max(threshold, 0.01))
    }

    public var count: Int { fingerprints.count }

    /// Earlier texts at least `threshold` similar to `fingerprint`, in the
    /// order they were added. An empty text matches nothing.
    public func matches(for fingerprint: TextFingerprint) -> [Match] {
        guard !fingerprint.shingles.isEmpty else { return [] }
        var candidates = Set<Int32>()
        for shingle in fingerprint.shingles.prefix(prefixLength(fingerprint.shingles.count)) {
            if let items = postings[shingle] { candidates.formUnion(items) }
        }
        var found: [Match] = []
        let size = Double(fingerprint.shingles.count)
        for candidate in candidates {
            let other = fingerprints[Int(candidate)]
            let otherSize = Double(other.shingles.count)
            // Sets of very different sizes cannot be similar enough.
            guard min(size, otherSize) >= threshold * max(size, otherSize) - 1e-9 else { continue }
            let similarity = fingerprint.similarity(to: other)
            if similarity >= threshold - 1e-9 {
                found.append(Match(index: Int(candidate), similarity: similarity))
            }
        }
        return found.sorted { $0.index < $1.index }
    }

    /// Adds a text; returns the index it was given.
    @discardableResult
    public mutating func insert(_ fingerprint: TextFingerprint) -> Int {
        let index = fingerprints.count
        fingerprints.append(fingerprint)
        for shingle in fingerprint.shingles.prefix(prefixLength(fingerprint.shingles.count)) {
            postings[shingle, default: []].append(Int32(index))
        }
        return index
    }

    private func prefixLength(_ size: Int) -> Int {
        let needed = Int((threshold * Double(size) - 1e-9).rounded(.up))
        return min(size, size - max(needed, 1) + 1)
    }
}
