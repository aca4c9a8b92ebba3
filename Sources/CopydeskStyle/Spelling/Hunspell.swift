import Foundation

/// A Hunspell dictionary (`.dic` word list, `.aff` affix rules) expanded
/// into the set of words it accepts: every stem with every prefix and
/// suffix its flags allow (cross products included). Compounding and
/// two-level affixes are not expanded; `ICONV` pairs are applied to the
/// text before lookup.
public final class HunspellDictionary: @unchecked Sendable {
    public private(set) var words: Set<String> = []
    public private(set) var inputConversions: [(String, String)] = []

    struct Affix {
        var strip: String
        var add: String
        var condition: [CharacterClass]
        var crossProduct: Bool
    }

    enum CharacterClass {
        case any
        case set(Set<Character>, negated: Bool)

        func matches(_ c: Character) -> Bool {
            switch self {
            case .any: return true
            case .set(let chars, let negated): return chars.contains(c) != negated
            }
        }
    }

    public init() {}

    /// Reads a dictionary; a missing `.aff` means no affixes, a missing
    /// `.dic` no words.
    public init(dic: String?, aff: String?) {
        var flagMode = "short"
        var prefixes: [String: [Affix]] = [:]
        var suffixes: [String: [Affix]] = [:]
        var needAffix: String?
        var onlyInCompound: String?
        var forbidden: String?
        var latin1 = false
        if let aff, let data = FileManager.default.contents(atPath: aff) {
            // Files often say ISO8859-1 yet hold UTF-8 (ICONV ’ '): UTF-8 when it decodes.
            var text = String(data: data, encoding: .utf8) ?? ""
            if text.isEmpty, let decoded = String(data: data, encoding: .isoLatin1) {
                text = decoded
                latin1 = true
            }
            var pendingHeader: [String: (crossProduct: Bool, kind: String)] = [:]
            for line in text.split(whereSeparator: \.isNewline) {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard let key = fields.first, !key.hasPrefix("#") else { continue }
                switch key {
                case "FLAG" where fields.count > 1: flagMode = fields[1]
                case "NEEDAFFIX" where fields.count > 1: needAffix = fields[1]
                case "ONLYINCOMPOUND" where fields.count > 1: onlyInCompound = fields[1]
                case "FORBIDDENWORD" where fields.count > 1: forbidden = fields[1]
                case "ICONV" where fields.count == 3: inputConversions.append((fields[1], fields[2]))
                case "PFX", "SFX":
                    guard fields.count >= 4 else { continue }
                    let flag = fields[1]
                    if Int(fields[3]) != nil && (fields[2] == "Y" || fields[2] == "N") && pendingHeader[key + flag] == nil {
                        pendingHeader[key + flag] = (fields[2] == "Y", key)
                        continue
                    }
                    let cross = pendingHeader[key + flag]?.crossProduct ?? false
                    let strip = fields[2] == "0" ? "" : fields[2]
                    var add = fields[3]
                    if let slash = add.firstIndex(of: "/") { add = String(add[..<slash]) }
                    if add == "0" { add = "" }
                    let condition = HunspellDictionary.parseCondition(fields.count > 4 ? fields[4] : ".")
                    let affix = Affix(strip: strip, add: add, condition: condition, crossProduct: cross)
                    if key == "PFX" { prefixes[flag, default: []].append(affix) } else { suffixes[flag, default: []].append(affix) }
                default: break
                }
            }
        }
        guard let dic, let data = FileManager.default.contents(atPath: dic) else { return }
        _ = latin1
        let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) ?? ""
        var first = true
        for line in text.split(whereSeparator: \.isNewline) {
            if first {
                first = false
                if Int(line.trimmingCharacters(in: .whitespaces)) != nil { continue }
            }
            var entry = line.split(separator: "\t", maxSplits: 1).first.map(String.init) ?? ""
            if let space = entry.firstIndex(of: " ") { entry = String(entry[..<space]) }
            guard !entry.isEmpty else { continue }
            var stem = entry
            var flags: [String] = []
            if let slash = entry.firstIndex(of: "/"), slash != entry.startIndex {
                stem = String(entry[..<slash])
                flags = HunspellDictionary.splitFlags(String(entry[entry.index(after: slash)...]), mode: flagMode)
            }
            if let forbidden, flags.contains(forbidden) { continue }
            let standalone = !(needAffix.map(flags.contains) ?? false) && !(onlyInCompound.map(flags.contains) ?? false)
            if standalone { words.insert(stem) }
            var suffixed: [(String, Bool)] = []
            for flag in flags {
                for affix in suffixes[flag] ?? [] where stem.count >= affix.strip.count && stem.hasSuffix(affix.strip) {
                    guard HunspellDictionary.conditionMatches(affix.condition, stem, atEnd: true) else { continue }
                    let form = String(stem.dropLast(affix.strip.count)) + affix.add
                    words.insert(form)
                    suffixed.append((form, affix.crossProduct))
                }
            }
            for flag in flags {
                for affix in prefixes[flag] ?? [] where stem.hasPrefix(affix.strip) {
                    guard HunspellDictionary.conditionMatches(affix.condition, stem, atEnd: false) else { continue }
                    words.insert(affix.add + String(stem.dropFirst(affix.strip.count)))
                    guard affix.crossProduct else { continue }
                    for (form, cross) in suffixed where cross && form.hasPrefix(affix.strip) {
                        words.insert(affix.add + String(form.dropFirst(affix.strip.count)))
                    }
                }
            }
        }
    }

    /// Words from ignore files, accepted whatever their case.
    public private(set) var ignored: Set<String> = []

    public func add(_ word: String) { ignored.insert(word.lowercased()) }

    public func merge(_ other: HunspellDictionary) {
        words.formUnion(other.words)
        ignored.formUnion(other.ignored)
        inputConversions += other.inputConversions
    }

    /// Whether the word is spelled right, trying the case variants
    /// Hunspell does: ALLCAPS as lower and Title case, Title as lower.
    public func accepts(_ word: String) -> Bool {
        if words.contains(word) { return true }
        let lower = word.lowercased()
        if ignored.contains(lower) { return true }
        if word == word.uppercased() && word != lower {
            return words.contains(lower) || words.contains(lower.capitalizedFirst)
        }
        if let first = word.first, first.isUppercase, word.dropFirst() == word.dropFirst().lowercased() {
            return words.contains(lower)
        }
        return false
    }

    static func splitFlags(_ text: String, mode: String) -> [String] {
        switch mode {
        case "long":
            var out: [String] = []
            var chars = Array(text)
            while chars.count >= 2 {
                out.append(String(chars[0..<2]))
                chars.removeFirst(2)
            }
            return out
        case "num": return text.split(separator: ",").map(String.init)
        default: return text.map(String.init)
        }
    }

    static func parseCondition(_ text: String) -> [CharacterClass] {
        if text == "." { return [] }
        var out: [CharacterClass] = []
        var chars = Array(text)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "." { out.append(.any) } else if c == "[" {
                var negated = false
                if chars.first == "^" { negated = true; chars = chars.dropFirst() }
                var set = Set<Character>()
                while let d = chars.first, d != "]" { set.insert(d); chars = chars.dropFirst() }
                chars = chars.dropFirst()
                out.append(.set(set, negated: negated))
            } else {
                out.append(.set([c], negated: false))
            }
        }
        return out
    }

    static func conditionMatches(_ condition: [CharacterClass], _ stem: String, atEnd: Bool) -> Bool {
        guard !condition.isEmpty else { return true }
        let chars = Array(stem)
        guard chars.count >= condition.count else { return false }
        let window = atEnd ? Array(chars.suffix(condition.count)) : Array(chars.prefix(condition.count))
        return zip(condition, window).allSatisfy { $0.matches($1) }
    }

    // MARK: - Loading once

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: HunspellDictionary] = [:]

    /// A dictionary by its files, read once per process.
    public static func load(dic: String?, aff: String?) -> HunspellDictionary {
        let key = "\(dic ?? "")|\(aff ?? "")"
        lock.lock()
        if let cached = cache[key] { lock.unlock(); return cached }
        lock.unlock()
        let made = HunspellDictionary(dic: dic, aff: aff)
        lock.lock()
        cache[key] = made
        lock.unlock()
        return made
    }
}
