/// A text reduced to what makes two texts "the same" for a reader: its
/// words, case-folded, with punctuation stripped and white space collapsed,
/// taken in overlapping runs of `shingleSize` words (shingles), each hashed
/// to an integer. "Obama (left) and Putin" and "obama, left and putin" have
/// one fingerprint; a sentence with one word changed shares most shingles
/// with the original.
///
/// Built from UTF-8 bytes in one pass: ASCII is folded byte by byte, and
/// only scalars outside ASCII are decoded.
package struct TextFingerprint: Sendable, Hashable {
    /// Distinct shingle hashes, ascending.
    package let shingles: [UInt64]
    package let wordCount: Int

    package static let defaultShingleSize = 3

    /// - Parameter shingleSize: words per shingle; a text with fewer words
    ///   is one shingle of all its words.
    package init(_ bytes: [UInt8], shingleSize: Int = TextFingerprint.defaultShingleSize) {
        let words = bytes.withUnsafeBufferPointer { Self.wordHashes($0) }
        wordCount = words.count
        guard !words.isEmpty else {
            shingles = []
            return
        }
        let size = min(max(1, shingleSize), words.count)
        // Each word's hash is mixed once (in `wordHashes`); a shingle combines
        // its words' hashes with a different odd multiplier per place, so
        // order counts.
        var hashes: [UInt64] = []
        hashes.reserveCapacity(words.count - size + 1)
        for start in 0...(words.count - size) {
            var hash = UInt64(size)
            for offset in 0..<size {
                hash = (hash &* 0x9E37_79B9_7F4A_7C15) &+ words[start + offset]
            }
            hashes.append(hash)
        }
        hashes.sort()
        // By index: iterating `hashes` itself while writing to it copied
        // every paragraph's hashes once more.
        var unique = 0
        for index in hashes.indices where unique == 0 || hashes[unique - 1] != hashes[index] {
            hashes[unique] = hashes[index]
            unique += 1
        }
        hashes.removeLast(hashes.count - unique)
        shingles = hashes
    }

    package init(_ text: String, shingleSize: Int = TextFingerprint.defaultShingleSize) {
        self.init(Array(text.utf8), shingleSize: shingleSize)
    }

    /// Jaccard similarity of the two shingle sets: shared shingles over all
    /// distinct shingles, 1 for the same words in the same order.
    package func similarity(to other: TextFingerprint) -> Double {
        guard !shingles.isEmpty, !other.shingles.isEmpty else { return 0 }
        let shared = sharedCount(with: other)
        return Double(shared) / Double(shingles.count + other.shingles.count - shared)
    }

    func sharedCount(with other: TextFingerprint) -> Int {
        var left = 0
        var right = 0
        var shared = 0
        let a = shingles
        let b = other.shingles
        while left < a.count && right < b.count {
            if a[left] == b[right] {
                shared += 1
                left += 1
                right += 1
            } else if a[left] < b[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return shared
    }

    // MARK: Words

    /// Mixed FNV-1a hashes of the words: runs of letters and digits, lowercased.
    /// Apostrophes and hyphens inside a word are dropped without splitting
    /// it ("don’t" is "dont" whichever apostrophe is typed); every other
    /// character separates words.
    static func wordHashes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(bytes.count / 5 + 1)
        // Read once: a static is checked for initialisation on every access.
        let asciiFold = Self.asciiFold
        let fnvOffset = FNV1a.offsetBasis
        var hash = fnvOffset
        var inWord = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                // Wrapping adds: `index < count`, so they cannot overflow, and
                // an overflow check would cost an instruction a byte.
                index &+= 1
                let folded = asciiFold[Int(byte)]
                if folded > 1 {
                    hash = FNV1a.add(folded, to: hash)
                    inWord = true
                } else if folded == 0 {
                    if inWord { words.append(mix(hash)) }
                    hash = fnvOffset
                    inWord = false
                }
                continue
            }
            // A multi-byte scalar: decode it, then fold it if it is a letter.
            // A byte that is not valid UTF-8 separates words.
            let decoded = UTF8Scalars.decode(bytes, at: index, end: count)
            index &+= decoded.length
            guard let scalar = decoded.scalar else {
                if inWord { words.append(mix(hash)) }
                hash = fnvOffset
                inWord = false
                continue
            }
            let value = scalar.value
            // ’ and the Unicode hyphens join like their ASCII forms.
            if scalar == "\u{2019}" || scalar == "\u{2010}" || scalar == "\u{2011}" || scalar == "\u{AD}" { continue }
            // Curly quotes, dashes, ellipses and spaces of General Punctuation,
            // and the no-break space: separators, without a property lookup.
            if (value >= 0x2000 && value <= 0x206F) || value == 0xA0 {
                if inWord { words.append(mix(hash)) }
                hash = fnvOffset
                inWord = false
                continue
            }
            let isLetter = TextScalars.isLetterOrDigit(scalar)
            if isLetter || (inWord && scalar.properties.generalCategory == .nonspacingMark) {
                hash = isLetter ? FNV1a.add(lowercased: scalar, to: hash) : FNV1a.add(scalar, to: hash)
                inWord = true
            } else {
                if inWord { words.append(mix(hash)) }
                hash = fnvOffset
                inWord = false
            }
        }
        if inWord { words.append(mix(hash)) }
        return words
    }

    /// For each ASCII byte: the lowercase letter or digit it stands for in a
    /// word, 1 for the apostrophe and hyphen (dropped inside a word), 0 for
    /// a separator.
    private static let asciiFold: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch UInt8(byte) {
        case 0x30...0x39, 0x61...0x7A: return UInt8(byte)
        case 0x41...0x5A: return UInt8(byte) | 0x20
        case UInt8(ascii: "'"), UInt8(ascii: "-"): return 1
        default: return 0
        }
    }


    /// SplitMix64's finaliser: spreads a word's hash over all 64 bits, so
    /// two different shingles almost never share one.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
