import CopydeskCore
import Foundation

/// A compiled pattern. NSRegularExpression is immutable and thread-safe
/// once built, so sharing it across the lint's cores is sound.
public struct StyleRegex: @unchecked Sendable {
    public let source: String
    let regex: NSRegularExpression
    /// A literal every match contains, when the pattern has one.
    var prefilter: LiteralPrefilter? = nil
    /// The pattern can match only at the start of the text (`StartAnchor`).
    var startsAtTextStart = false
    /// For an alternation of tokens: a literal from each, one of which every
    /// match contains (any letter case); a text with none is not searched.
    var anyLiteral: PhraseMatcher? = nil
    /// Literals one of which every match contains, for the configuration's
    /// `LiteralGate`; nil when the pattern can match without them.
    var required: RequiredLiterals? = nil

    /// Sets `anyLiteral` from the alternatives the pattern was joined from,
    /// when each has a literal it needs; otherwise leaves it unset.
    mutating func requireAnyLiteral(of alternatives: [String]) {
        var literals: [String] = []
        for alternative in alternatives {
            guard let required = LiteralPrefilter(pattern: alternative) else { return }
            literals.append(String(decoding: required.literal, as: UTF8.self))
        }
        guard !literals.isEmpty else { return }
        anyLiteral = PhraseMatcher(literals)
    }

    public var captureGroups: Int { regex.numberOfCaptureGroups }

    /// Every match in `text`, as UTF-8 byte ranges: the whole match first,
    /// then each group (nil where a group took no part).
    func matches(in text: CheckText) -> [[Range<Int>?]] {
        if let prefilter, !prefilter.mayMatch(text.bytes) { return [] }
        if let anyLiteral, !anyLiteral.contains(in: text.bytes) { return [] }
        let ns = text.ns
        let found = regex.matches(in: ns as String, options: startsAtTextStart ? [.anchored] : [],
                                  range: NSRange(location: 0, length: ns.length))
        return found.map { result in
            (0..<result.numberOfRanges).map { group in
                let r = result.range(at: group)
                guard r.location != NSNotFound else { return nil }
                return text.utf8Offset(r.location)..<text.utf8Offset(r.location + r.length)
            }
        }
    }

    func firstMatch(in text: CheckText) -> Range<Int>? {
        if let prefilter, !prefilter.mayMatch(text.bytes) { return nil }
        if let anyLiteral, !anyLiteral.contains(in: text.bytes) { return nil }
        let ns = text.ns
        guard let r = regex.firstMatch(in: ns as String, options: startsAtTextStart ? [.anchored] : [],
                                       range: NSRange(location: 0, length: ns.length))?.range,
              r.location != NSNotFound else { return nil }
        return text.utf8Offset(r.location)..<text.utf8Offset(r.location + r.length)
    }

    public func matches(_ string: String) -> Bool {
        let ns = string as NSString
        return regex.firstMatch(in: string, options: [], range: NSRange(location: 0, length: ns.length)) != nil
    }

    /// `string` with every match replaced by `template` (`$1` for a group).
    func replacingMatches(in string: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: string, range: NSRange(location: 0, length: (string as NSString).length),
                                       withTemplate: template)
    }

    /// Whether the whole of `string` matches.
    public func matchesWhole(_ string: String) -> Bool {
        let ns = string as NSString
        guard let r = regex.firstMatch(in: string, options: [.anchored], range: NSRange(location: 0, length: ns.length))
        else { return false }
        return r.range.length == ns.length
    }
}

/// A piece of UTF-8 text a check reads, with its NSString twin for the
/// regex engine and the mapping from UTF-16 offsets back to UTF-8 ones.
final class CheckText: @unchecked Sendable {
    let bytes: [UInt8]
    /// Made on first use: most blocks are never read as a String (a rule's
    /// literals are not in them).
    private(set) lazy var string = String(decoding: bytes, as: UTF8.self)
    private var cachedNS: NSString?
    private var utf16ToUTF8: [Int]?

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    convenience init(_ string: String) { self.init(bytes: Array(string.utf8)) }

    var ns: NSString {
        if let cachedNS { return cachedNS }
        let made = string as NSString
        cachedNS = made
        if bytes.contains(where: { $0 >= 0x80 }) {
            var table: [Int] = []
            table.reserveCapacity(made.length + 1)
            var offset = 0
            for scalar in string.unicodeScalars {
                let units = scalar.value > 0xFFFF ? 2 : 1
                for _ in 0..<units { table.append(offset) }
                offset += String(scalar).utf8.count
            }
            table.append(offset)
            utf16ToUTF8 = table
        }
        return made
    }

    func utf8Offset(_ utf16: Int) -> Int {
        guard let table = utf16ToUTF8 else { return utf16 }
        return table[min(max(0, utf16), table.count - 1)]
    }

    func slice(_ range: Range<Int>) -> String {
        String(decoding: bytes[max(0, range.lowerBound)..<min(bytes.count, range.upperBound)], as: UTF8.self)
    }
}
