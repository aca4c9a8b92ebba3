import CopydeskCore

/// 64-bit FNV-1a (`FNV1a`, the hash the text readers use): small, fast, and
/// the same on every platform and in every release, which is all a
/// fingerprint hash needs (Foundation on Linux has no CryptoKit, and Swift's
/// `Hasher` is seeded per process). Bytes are hashed from contiguous
/// storage: through a generic sequence each byte cost a call, and a
/// fingerprint hashes every byte of the lines findings stand on.
struct FNV1a64 {
    private(set) var value = FNV1a.offsetBasis

    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { combine($0) }
    }

    mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine($0) }
    }

    private mutating func combine(_ buffer: UnsafeBufferPointer<UInt8>) {
        var hash = value
        for byte in buffer { hash = FNV1a.add(byte, to: hash) }
        value = hash
    }

    /// 16 lowercase hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Fingerprints that identify a finding across edits of the article, so that
/// GitHub code scanning keeps an alert (and its dismissal) when lines are
/// added above it. A fingerprint hashes the rule id (with the finding's
/// subject, such as the legal notice it is about), the finding's line with
/// whitespace normalised, the text the finding covers on that line, and how
/// many earlier findings in the file share all three — never a line number.
enum FindingFingerprint {
    static let key = "copydeskFingerprint/v1"

    /// One fingerprint per finding of `file`, in the order of `file.findings`.
    static func fingerprints(of file: FileResult) -> [String] {
        file.fingerprints
    }

    /// One fingerprint per finding, in the order of `findings`; `source`
    /// must hold the lines the findings start on.
    static func fingerprints(of findings: [Finding], in source: SourceExcerpt) -> [String] {
        // Occurrences count in source order whatever order the findings come
        // in, and suppressed findings count too, so suppressing one finding
        // leaves the others' fingerprints alone.
        let order = findings.indices.sorted { lhs, rhs in
            let left = findings[lhs], right = findings[rhs]
            if left.range != right.range { return left.range < right.range }
            return left.ruleID < right.ruleID
        }
        // The identity is hashed as it streams: rule, line, covered text.
        // A line's normalised text and the hash up to it are computed once
        // per line and rule, not once per finding, so thousands of findings
        // on one long line (a megabyte paragraph of quotations) cost the
        // line once. The bytes hashed are the same as hashing the identity
        // string whole.
        var normalizedLines: [Int: (text: String, digest: String)] = [:]
        var prefixes: [String: FNV1a64] = [:]
        var seen: [String: Int] = [:]
        var result = Array(repeating: "", count: findings.count)
        for index in order {
            let finding = findings[index]
            let number = finding.range.start.line
            let line = source.line(number)
            let normalizedLine: (text: String, digest: String)
            if let known = normalizedLines[number] {
                normalizedLine = known
            } else {
                let text = normalizedWhitespace(line?.bytes[...] ?? [])
                var digest = FNV1a64()
                digest.combine(text)
                normalizedLine = (text, digest.hex + ":\(text.utf8.count)")
                normalizedLines[number] = normalizedLine
            }
            let covered = normalizedWhitespaceBytes(line.map { line -> ArraySlice<UInt8> in
                let start = min(max(finding.range.start.offset, line.byteRange.lowerBound), line.byteRange.upperBound)
                return line.slice(start..<max(finding.range.end.offset, start))
            } ?? [])
            // Two notices missing at the same place are two alerts, each
            // kept whatever happens to the other.
            let rule = finding.subject.map { finding.ruleID + "/" + $0 } ?? finding.ruleID
            let prefixKey = rule + "\u{0}\(number)"
            var hash: FNV1a64
            if let prefix = prefixes[prefixKey] {
                hash = prefix
            } else {
                hash = FNV1a64()
                hash.combine(rule + "\u{0}")
                hash.combine(normalizedLine.text)
                hash.combine("\u{0}")
                prefixes[prefixKey] = hash
            }
            hash.combine(covered)
            // Lines with the same text share occurrences, wherever they
            // stand. The covered text is keyed by its digest: a finding that
            // covers a whole paragraph would otherwise hash it once more.
            var coveredDigest = FNV1a64()
            coveredDigest.combine(covered)
            let identity = rule + "\u{0}" + normalizedLine.digest + "\u{0}" + coveredDigest.hex + ":\(covered.count)"
            let occurrence = seen[identity, default: 0]
            seen[identity] = occurrence + 1
            hash.combine("\u{0}\(occurrence)")
            result[index] = hash.hex
        }
        return result
    }

    /// The text with every run of ASCII whitespace made one space and the
    /// ends trimmed, so re-indenting or re-wrapping spaces keeps the identity.
    static func normalizedWhitespace(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: normalizedWhitespaceBytes(bytes), as: UTF8.self)
    }

    static func normalizedWhitespaceBytes(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(0x20)
                pendingSpace = false
            }
            output.append(byte)
        }
        return output
    }
}
