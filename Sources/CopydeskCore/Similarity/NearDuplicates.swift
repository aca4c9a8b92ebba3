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
        let total = fingerprints.reduce(0) { $0 + $1.shingles.count }
        var table = ShingleTable(capacity: total)
        for fingerprint in fingerprints {
            for shingle in fingerprint.shingles { table.count(shingle) }
        }
        // The last text each earlier one was a candidate for, so that one
        // sharing several prefix shingles is compared once.
        var lastProbe = [Int](repeating: -1, count: fingerprints.count)
        var result: [[Match]] = []
        result.reserveCapacity(fingerprints.count)
        var ranked: [(frequency: Int32, shingle: UInt64, slot: Int)] = []
        var candidates: [Int32] = []
        for (position, fingerprint) in fingerprints.enumerated() {
            let size = fingerprint.shingles.count
            guard size > 0 else {
                result.append([])
                continue
            }
            let needed = Int((threshold * Double(size) - 1e-9).rounded(.up))
            let prefixLength = min(size, size - max(needed, 1) + 1)
            ranked.removeAll(keepingCapacity: true)
            for shingle in fingerprint.shingles {
                let slot = table.slot(of: shingle)
                // A shingle no other text has cannot lead to a match.
                if table.frequency[slot] > 1 { ranked.append((table.frequency[slot], shingle, slot)) }
            }
            // Rarest first; the ones left out above would have come first.
            let prefix = max(0, prefixLength - (size - ranked.count))
            if prefix < ranked.count {
                ranked.sort { ($0.frequency, $0.shingle) < ($1.frequency, $1.shingle) }
            }
            candidates.removeAll(keepingCapacity: true)
            for entry in ranked.prefix(prefix) {
                var link = table.postings[entry.slot]
                while link >= 0 {
                    let item = Int(table.items[Int(link)])
                    if lastProbe[item] != position {
                        lastProbe[item] = position
                        candidates.append(Int32(item))
                    }
                    link = table.next[Int(link)]
                }
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
            for entry in ranked.prefix(prefix) { table.post(Int32(position), at: entry.slot) }
        }
        return result
    }
}

/// Shingle hashes to their frequency and the texts indexed under them:
/// open addressing on the hash itself (already well mixed), so no second
/// hashing per lookup, and postings as linked lists in two flat arrays.
private struct ShingleTable {
    private var keys: [UInt64]
    private(set) var frequency: [Int32]
    /// Head of each slot's list in `items`/`next`, or -1.
    private(set) var postings: [Int32]
    private(set) var items: [Int32] = []
    private(set) var next: [Int32] = []
    private var occupied: [Bool]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        frequency = Array(repeating: 0, count: size)
        postings = Array(repeating: -1, count: size)
        occupied = Array(repeating: false, count: size)
        mask = size - 1
    }

    /// The slot of `key`, claimed for it if it is new.
    mutating func slot(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: key) & mask
        while occupied[slot] && keys[slot] != key { slot = (slot + 1) & mask }
        if !occupied[slot] {
            occupied[slot] = true
            keys[slot] = key
        }
        return slot
    }

    mutating func count(_ key: UInt64) {
        frequency[slot(of: key)] += 1
    }

    mutating func post(_ item: Int32, at slot: Int) {
        items.append(item)
        next.append(postings[slot])
        postings[slot] = Int32(items.count - 1)
    }
}
