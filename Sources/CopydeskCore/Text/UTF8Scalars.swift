/// One Unicode scalar read from UTF-8 bytes, or one byte that is not valid
/// UTF-8 where a scalar was expected.
package struct UTF8Scalar: Sendable, Hashable {
    /// The scalar; nil when the byte at that place does not start a valid
    /// UTF-8 sequence (see `UTF8Scalars` for the policy).
    package var scalar: Unicode.Scalar?
    /// Bytes read: 1 to 4 for a scalar, 1 for an invalid byte.
    package var length: Int

    package init(scalar: Unicode.Scalar?, length: Int) {
        self.scalar = scalar
        self.length = length
    }

    package var isValid: Bool { scalar != nil }

    /// The scalar, or U+FFFD REPLACEMENT CHARACTER for an invalid byte, as
    /// `String(decoding:as:)` shows it.
    package var scalarOrReplacement: Unicode.Scalar { scalar ?? "\u{FFFD}" }
}

/// The one way copydesk reads UTF-8 bytes as Unicode scalars, byte-oriented
/// and without building strings: the parsers and rules that need more than
/// ASCII decode through here, so every one treats broken bytes alike.
///
/// A sequence is valid under the same rules as `InputDecoder` checks files
/// with (and as the Unicode standard gives): no overlong forms, no
/// surrogates, nothing past U+10FFFF, every continuation byte present.
///
/// **Policy for invalid bytes**: a byte that does not start a valid
/// sequence (a stray continuation byte, C0, C1, F5–FF, a lead byte whose
/// sequence is cut short by the end of the range or by a byte that does not
/// continue it) is read as one invalid scalar (`scalar == nil`) of length 1,
/// and reading goes on at the next byte. So a truncated sequence costs one
/// invalid scalar per byte, and a valid scalar after broken bytes is
/// always found. (Swift's `String` shows the same bytes as U+FFFD, one per
/// maximal broken run rather than one per byte; `scalarOrReplacement`
/// gives U+FFFD.) Files copydesk lints are checked for valid UTF-8 before
/// any parser sees them, so the policy matters for library callers,
/// ranges cut inside a scalar, and fuzzing.
package enum UTF8Scalars {
    /// A continuation byte (10xxxxxx): never the first byte of a scalar.
    @inline(__always)
    package static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The length of the valid UTF-8 sequence at `bytes[index]` that ends
    /// by `end`, or 0 when the bytes there are not one.
    @inline(__always)
    package static func validLength<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int, end: Int) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowest = 0xA0         // no overlong 3-byte forms
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; highest = 0x9F        // no surrogates
        case 0xF0: length = 4; lowest = 0x90         // no overlong 4-byte forms
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; highest = 0x8F        // nothing past U+10FFFF
        default: return 0                             // continuation, C0, C1, F5–FF
        }
        guard index + length <= end else { return 0 }
        let second = bytes[index + 1]
        guard second >= lowest && second <= highest else { return 0 }
        if length > 2 && !isContinuation(bytes[index + 2]) { return 0 }
        if length > 3 && !isContinuation(bytes[index + 3]) { return 0 }
        return length
    }

    /// The scalar that starts at `bytes[index]` (`index < end`), read no
    /// further than `end`.
    ///
    /// The same rules as `validLength`, checked on the decoded value (one
    /// branch per length, no table): the text readers call this for every
    /// scalar past ASCII.
    @inline(__always)
    package static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int, end: Int) -> UTF8Scalar
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = bytes[index]
        if lead < 0x80 { return UTF8Scalar(scalar: Unicode.Scalar(lead), length: 1) }
        let invalid = UTF8Scalar(scalar: nil, length: 1)
        if lead < 0xE0 {
            // C2–DF: two bytes (80–C1 are continuation bytes and overlong leads).
            guard lead >= 0xC2, index + 1 < end else { return invalid }
            let second = bytes[index + 1]
            guard isContinuation(second) else { return invalid }
            return UTF8Scalar(scalar: checked(UInt32(lead & 0x1F) << 6 | UInt32(second & 0x3F)), length: 2)
        }
        if lead < 0xF0 {
            guard index + 2 < end else { return invalid }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            guard isContinuation(second) && isContinuation(third) else { return invalid }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
            // Not overlong, not a surrogate.
            guard value >= 0x800 && (value < 0xD800 || value > 0xDFFF) else { return invalid }
            return UTF8Scalar(scalar: checked(value), length: 3)
        }
        guard lead <= 0xF4, index + 3 < end else { return invalid }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        let fourth = bytes[index + 3]
        guard isContinuation(second) && isContinuation(third) && isContinuation(fourth) else { return invalid }
        let value = UInt32(lead & 0x07) << 18 | UInt32(second & 0x3F) << 12 | UInt32(third & 0x3F) << 6
            | UInt32(fourth & 0x3F)
        // Not overlong, not past U+10FFFF.
        guard value >= 0x10000 && value <= 0x10FFFF else { return invalid }
        return UTF8Scalar(scalar: checked(value), length: 4)
    }

    /// A value the caller has checked is a scalar (not a surrogate, at most
    /// U+10FFFF), without checking it again.
    @inline(__always)
    private static func checked(_ value: UInt32) -> Unicode.Scalar {
        unsafeBitCast(value, to: Unicode.Scalar.self)
    }

    /// The scalar at `index`, or nil at or past the end of `bytes`.
    @inline(__always)
    package static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int) -> UTF8Scalar?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        index < bytes.endIndex ? decode(bytes, at: index, end: bytes.endIndex) : nil
    }

    /// The scalar that ends just before `index` (`index > start`), reading
    /// back no further than `start`: the valid sequence of up to four bytes
    /// that ends there, or else the invalid byte `bytes[index - 1]`.
    @inline(__always)
    package static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes, endingAt index: Int, start: Int) -> UTF8Scalar
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var lead = index - 1
        while lead > start && index - lead < 4 && isContinuation(bytes[lead]) { lead -= 1 }
        let decoded = decode(bytes, at: lead, end: index)
        return decoded.isValid && lead + decoded.length == index ? decoded : UTF8Scalar(scalar: nil, length: 1)
    }

    /// The scalar before `index`, or nil at the start of `bytes`.
    @inline(__always)
    package static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes, endingAt index: Int) -> UTF8Scalar?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        index > bytes.startIndex ? decode(bytes, endingAt: index, start: bytes.startIndex) : nil
    }

    /// The scalars of `bytes[range]` in order, with their byte ranges.
    package static func scalars(in bytes: [UInt8], range: Range<Int>? = nil) -> ScalarSequence {
        ScalarSequence(bytes: bytes, range: range ?? 0..<bytes.count)
    }

    package struct ScalarSequence: Sequence {
        let bytes: [UInt8]
        let range: Range<Int>

        package struct Iterator: IteratorProtocol {
            let bytes: [UInt8]
            var index: Int
            let end: Int

            package mutating func next() -> (scalar: Unicode.Scalar?, range: Range<Int>)? {
                guard index < end else { return nil }
                let decoded = UTF8Scalars.decode(bytes, at: index, end: end)
                defer { index += decoded.length }
                return (decoded.scalar, index..<index + decoded.length)
            }
        }

        package func makeIterator() -> Iterator { Iterator(bytes: bytes, index: range.lowerBound, end: range.upperBound) }
    }
}

/// Character classes and case folding the text readers share.
package enum TextScalars {
    /// ASCII capitals lowercased; every other byte (UTF-8 lead and
    /// continuation bytes included) unchanged.
    @inline(__always)
    package static func foldASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// An ASCII letter or digit.
    @inline(__always)
    package static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// A letter or a digit of any script (alphabetic, or with a numeric
    /// value: ², ½ and Ⅻ count): what a word is made of.
    @inline(__always)
    package static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }
}

/// 64-bit FNV-1a, the hash of words the text readers key by, with the
/// case folding they share: a word is hashed as it is read, never built.
package enum FNV1a {
    package static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01B3

    @inline(__always)
    package static func add(_ byte: UInt8, to hash: UInt64) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    /// `hash` and the scalar's UTF-8 bytes.
    @inline(__always)
    package static func add(_ scalar: Unicode.Scalar, to hash: UInt64) -> UInt64 {
        var hash = hash
        for byte in scalar.utf8 { hash = add(byte, to: hash) }
        return hash
    }

    /// `hash` and the UTF-8 bytes of the scalar lowercased: its full
    /// lowercase mapping, which may be several scalars (İ is i and a dot).
    @inline(__always)
    package static func add(lowercased scalar: Unicode.Scalar, to hash: UInt64) -> UInt64 {
        if scalar.value < 0x80 { return add(TextScalars.foldASCII(UInt8(truncatingIfNeeded: scalar.value)), to: hash) }
        let properties = scalar.properties
        guard properties.changesWhenLowercased else { return add(scalar, to: hash) }
        var hash = hash
        for byte in properties.lowercaseMapping.utf8 { hash = add(byte, to: hash) }
        return hash
    }

    package static func hash<Bytes: Swift.Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var value = offsetBasis
        for byte in bytes { value = add(byte, to: value) }
        return value
    }
}
