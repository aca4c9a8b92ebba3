/// A text reduced to what makes two texts "the same" for a reader: its
/// words, case-folded, with punctuation stripped and white space collapsed,
/// taken in overlapping runs of `shingleSize` words (shingles), each hashed
/// to an integer. "Obama (left) and Putin" and "obama, left and putin" have
/// one fingerprint; a sentence with one word changed shares most shingles
/// with the original.
///
/// Built from UTF-8 bytes in one pass: ASCII is folded byte by byte, and
/// only letters outside ASCII are decoded to be lowercased.
public struct TextFingerprint: Sendable, Hashable {
    /// Distinct shingle hashes, ascending.
    public let shingles: [UInt64]
    public let wordCount: Int

    public static let defaultShingleSize = 3

    /// - Parameter shingleSize: words per shingle; a text with fewer words
    ///   is one shingle of all its words.
    public init(_ bytes: some Collection<UInt8>, shingleSize: Int = TextFingerprint.defaultShingleSize) {
        let words = Self.wordHashes(bytes)
        wordCount = words.count
        guard !words.isEmpty else {
            shingles = []
            return
        }
        let size = min(max(1, shingleSize), words.count)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(words.count - size + 1)
        for start in 0...(words.count - size) {
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(size)
            for word in words[start..<start + size] {
                hash = Self.mix(hash ^ word)
            }
            hashes.append(hash)
        }
        hashes.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(hashes.count)
        for hash in hashes where unique.last != hash { unique.append(hash) }
        shingles = unique
    }

    /// Jaccard similarity of the two shingle sets: shared shingles over all
    /// distinct shingles, 1 for the same words in the same order.
    public func similarity(to other: TextFingerprint) -> Double {
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

    /// FNV-1a hashes of the words: runs of letters and digits, lowercased.
    /// Apostrophes and hyphens inside a word are dropped without splitting
    /// it ("don’t" is "dont" whichever apostrophe is typed); every other
    /// character separates words.
    static func wordHashes(_ bytes: some Collection<UInt8>) -> [UInt64] {
        var words: [UInt64] = []
        var hash = fnvOffset
        var inWord = false
        var iterator = bytes.makeIterator()
        var pending: UInt8? = nil

        func feed(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* fnvPrime
            inWord = true
        }
        func endWord() {
            if inWord { words.append(hash) }
            hash = fnvOffset
            inWord = false
        }

        while let byte = pending ?? iterator.next() {
            pending = nil
            if byte < 0x80 {
                switch byte {
                case 0x30...0x39, 0x61...0x7A:
                    feed(byte)
                case 0x41...0x5A:
                    feed(byte | 0x20)
                case UInt8(ascii: "'"), UInt8(ascii: "-"):
                    continue
                default:
                    endWord()
                }
                continue
            }
            // A multi-byte scalar: decode it, then fold it if it is a letter.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            guard length > 1 else {
                endWord()
                continue
            }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            var complete = true
            for _ in 1..<length {
                guard let next = iterator.next() else { complete = false; break }
                if next & 0xC0 != 0x80 {
                    pending = next
                    complete = false
                    break
                }
                value = value << 6 | UInt32(next & 0x3F)
            }
            guard complete, let scalar = Unicode.Scalar(value) else {
                endWord()
                continue
            }
            // ’ and the Unicode hyphens join like their ASCII forms.
            if scalar == "\u{2019}" || scalar == "\u{2010}" || scalar == "\u{2011}" || scalar == "\u{AD}" { continue }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if properties.changesWhenLowercased {
                    for lower in properties.lowercaseMapping.utf8 { feed(lower) }
                } else {
                    for part in String(scalar).utf8 { feed(part) }
                }
            } else if properties.generalCategory == .nonspacingMark && inWord {
                for part in String(scalar).utf8 { feed(part) }
            } else {
                endWord()
            }
        }
        endWord()
        return words
    }

    private static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// SplitMix64's finaliser: spreads a combined hash over all 64 bits, so
    /// two different shingles almost never share one.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
