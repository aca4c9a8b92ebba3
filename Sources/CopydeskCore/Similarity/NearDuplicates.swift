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
package enum NearDuplicates {
    package struct Match: Sendable, Hashable {
        /// Position of the earlier text in the list.
        package var index: Int
        package var similarity: Double
    }

    /// For each text, the earlier texts at least `threshold` similar to it
    /// (`threshold` above 0, at most 1; 1 finds texts with the same words).
    /// An empty text matches nothing.
    ///
    /// Texts with the same shingles are one group, compared once: a text
    /// printed 20,000 times costs as much as printing it twice, and the
    /// answer is kept per group rather than as a list of every earlier copy
    /// for every text, which grew with the square of the copies.
    package static func earlierMatches(in fingerprints: [TextFingerprint], threshold: Double) -> EarlierMatches {
        let threshold = min(1, max(threshold, 0.01))
        var groupOf = [Int32](repeating: -1, count: fingerprints.count)
        var representatives: [Int] = []
        // Keyed by a digest of the shingles (themselves hashes), checked
        // for equality on a hit: hashing whole arrays with `Hasher`, and an
        // array per group, cost more than the comparisons on ordinary
        // articles, where every paragraph is its own group.
        var groupByDigest: [UInt64: Int32] = [:]
        var collidingGroups: [UInt64: [Int32]] = [:]
        for (position, fingerprint) in fingerprints.enumerated() where !fingerprint.shingles.isEmpty {
            let digest = Self.digest(fingerprint.shingles)
            func isSame(_ group: Int32) -> Bool { fingerprints[representatives[Int(group)]].shingles == fingerprint.shingles }
            if let group = groupByDigest[digest], isSame(group) {
                groupOf[position] = group
            } else if let group = collidingGroups[digest]?.first(where: isSame) {
                groupOf[position] = group
            } else {
                let group = Int32(representatives.count)
                if groupByDigest[digest] == nil { groupByDigest[digest] = group } else { collidingGroups[digest, default: []].append(group) }
                groupOf[position] = group
                representatives.append(position)
            }
        }
        // Each group's texts, ascending, as one flat list with offsets.
        var memberOffsets = [Int32](repeating: 0, count: representatives.count + 1)
        for group in groupOf where group >= 0 { memberOffsets[Int(group) + 1] += 1 }
        for group in representatives.indices { memberOffsets[group + 1] += memberOffsets[group] }
        var memberList = [Int32](repeating: 0, count: Int(memberOffsets[representatives.count]))
        var filled = memberOffsets
        for (position, group) in groupOf.enumerated() where group >= 0 {
            memberList[Int(filled[Int(group)])] = Int32(position)
            filled[Int(group)] += 1
        }
        var similar = [[EarlierMatches.Link]](repeating: [], count: representatives.count)

        let total = representatives.reduce(0) { $0 + fingerprints[$1].shingles.count }
        var table = ShingleTable(capacity: total)
        for position in representatives {
            for shingle in fingerprints[position].shingles { table.count(shingle) }
        }
        // The last group each earlier one was a candidate for, so that one
        // sharing several prefix shingles is compared once.
        var lastProbe = [Int](repeating: -1, count: representatives.count)
        var ranked: [(frequency: Int32, shingle: UInt64, slot: Int)] = []
        var candidates: [Int32] = []
        for (group, position) in representatives.enumerated() {
            let fingerprint = fingerprints[position]
            let size = fingerprint.shingles.count
            let needed = Int((threshold * Double(size) - 1e-9).rounded(.up))
            let prefixLength = min(size, size - max(needed, 1) + 1)
            ranked.removeAll(keepingCapacity: true)
            for shingle in fingerprint.shingles {
                let slot = table.slot(of: shingle)
                // A shingle no other group has cannot lead to a match.
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
                    if lastProbe[item] != group {
                        lastProbe[item] = group
                        candidates.append(Int32(item))
                    }
                    link = table.next[Int(link)]
                }
            }
            for candidate in candidates {
                let other = fingerprints[representatives[Int(candidate)]]
                let otherSize = other.shingles.count
                // Sets of very different sizes cannot be similar enough.
                guard Double(min(size, otherSize)) >= threshold * Double(max(size, otherSize)) - 1e-9 else { continue }
                let similarity = fingerprint.similarity(to: other)
                if similarity >= threshold - 1e-9 {
                    similar[group].append(EarlierMatches.Link(group: candidate, similarity: similarity))
                    similar[Int(candidate)].append(EarlierMatches.Link(group: Int32(group), similarity: similarity))
                }
            }
            for entry in ranked.prefix(prefix) { table.post(Int32(group), at: entry.slot) }
        }
        return EarlierMatches(groupOf: groupOf, memberOffsets: memberOffsets, memberList: memberList, similar: similar)
    }

    fileprivate static func digest(_ shingles: [UInt64]) -> UInt64 {
        var digest: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(shingles.count)
        for shingle in shingles { digest = (digest ^ shingle) &* 0x0000_0100_0000_01B3 }
        return digest
    }
}

/// Hands back an earlier fingerprint with the same shingles in place of an
/// equal new one, so that a text printed many times in an article holds
/// its shingles once, not once a copy, while all of them wait to be
/// compared. An equal fingerprint is the same value: nothing compared
/// with it can tell.
package struct RepeatedFingerprints {
    private var byDigest: [UInt64: TextFingerprint] = [:]

    package init() {}

    package mutating func shared(_ fingerprint: TextFingerprint) -> TextFingerprint {
        guard !fingerprint.shingles.isEmpty else { return fingerprint }
        let digest = NearDuplicates.digest(fingerprint.shingles)
        guard let earlier = byDigest[digest] else {
            byDigest[digest] = fingerprint
            return fingerprint
        }
        return earlier == fingerprint ? earlier : fingerprint
    }
}

/// The earlier texts each text repeats, kept as groups of texts with the
/// same shingles and the pairs of groups similar enough: a text's earlier
/// matches are the earlier members of its own group (similarity 1) and of
/// every group similar to it, read in list order on demand.
package struct EarlierMatches: Sendable {
    struct Link: Sendable {
        var group: Int32
        var similarity: Double
    }

    /// Each text's group, or -1 for an empty text.
    let groupOf: [Int32]
    /// Each group's texts, ascending: `memberList[memberOffsets[g]..<memberOffsets[g + 1]]`.
    let memberOffsets: [Int32]
    let memberList: [Int32]
    var groupCount: Int { memberOffsets.count - 1 }

    func members(_ group: Int) -> ArraySlice<Int32> {
        memberList[Int(memberOffsets[group])..<Int(memberOffsets[group + 1])]
    }
    /// Each group's similar groups, earlier and later.
    let similar: [[Link]]

    /// How many earlier matches `first(of:where:)` reads at most before it
    /// gives up: far more than an article prints one text, and it keeps a
    /// text printed thousands of times linear to check.
    package static let examinedLimit = 100

    package var count: Int { groupOf.count }

    /// Whether any text matches an earlier one.
    package var isEmpty: Bool {
        (0..<groupCount).allSatisfy { members($0).count < 2 } && similar.allSatisfy(\.isEmpty)
    }

    /// The earliest text `index` repeats.
    package func first(of index: Int) -> NearDuplicates.Match? {
        let group = Int(groupOf[index])
        guard group >= 0 else { return nil }
        var best: NearDuplicates.Match?
        if let first = members(group).first, Int(first) < index {
            best = NearDuplicates.Match(index: Int(first), similarity: 1)
        }
        for link in similar[group] {
            guard let first = members(Int(link.group)).first.map(Int.init) else { continue }
            if first < index && first < (best?.index ?? Int.max) {
                best = NearDuplicates.Match(index: first, similarity: link.similarity)
            }
        }
        return best
    }

    /// The earliest text `index` repeats that `accept` takes, reading at
    /// most `examinedLimit` of its matches in list order.
    package func first(of index: Int, where accept: (NearDuplicates.Match) -> Bool) -> NearDuplicates.Match? {
        var found: NearDuplicates.Match?
        visit(index, limit: Self.examinedLimit) { match in
            guard accept(match) else { return true }
            found = match
            return false
        }
        return found
    }

    /// Every earlier text `index` repeats, in list order.
    package func all(of index: Int) -> [NearDuplicates.Match] {
        var matches: [NearDuplicates.Match] = []
        visit(index, limit: Int.max) { matches.append($0); return true }
        return matches
    }

    /// Earlier matches of `index` in list order, until `body` returns false
    /// or `limit` have been read: a merge of the sorted member lists.
    private func visit(_ index: Int, limit: Int, _ body: (NearDuplicates.Match) -> Bool) {
        let group = Int(groupOf[index])
        guard group >= 0 else { return }
        var lists: [(group: Int, similarity: Double, cursor: Int)] = [(group, 1, 0)]
        for link in similar[group] { lists.append((Int(link.group), link.similarity, 0)) }
        var read = 0
        while read < limit {
            var best = -1
            var bestIndex = index
            for (slot, list) in lists.enumerated() {
                let entries = members(list.group)
                guard list.cursor < entries.count else { continue }
                let candidate = Int(entries[entries.startIndex + list.cursor])
                if candidate < bestIndex {
                    best = slot
                    bestIndex = candidate
                }
            }
            guard best >= 0 else { return }
            lists[best].cursor += 1
            read += 1
            guard body(NearDuplicates.Match(index: bestIndex, similarity: lists[best].similarity)) else { return }
        }
    }

    /// For each text, how many texts its group of repeats holds: texts
    /// joined by any chain of matches, itself included.
    package func copyCounts() -> [Int] {
        var parent = Array(0..<groupCount)
        func root(_ item: Int) -> Int {
            var item = item
            while parent[item] != item {
                parent[item] = parent[parent[item]]
                item = parent[item]
            }
            return item
        }
        for (group, links) in similar.enumerated() {
            for link in links {
                let (a, b) = (root(group), root(Int(link.group)))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var sizes = [Int](repeating: 0, count: groupCount)
        for group in 0..<groupCount { sizes[root(group)] += members(group).count }
        return groupOf.map { $0 < 0 ? 1 : sizes[root(Int($0))] }
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
