import Foundation

/// `extends: spelling`: words not in the rule's Hunspell dictionaries.
/// Dictionaries are found in `dicpath` (relative to StylesPath), then in
/// StylesPath/config/dictionaries, then in the system's Hunspell folders;
/// `ignore` files add accepted words; `filters` skip words they match;
/// unless `custom: true`, Vale's default filters skip numbers, acronyms,
/// file names, hyphenated and camel-case words.
struct SpellingCheck: StyleCheck {
    let base: RuleBase
    let dictionary: HunspellDictionary
    /// The rule's own filters.
    let filters: [StyleRegex]
    /// Vale's default filters as one alternation, unless `custom`.
    let defaultFilter: StyleRegex?
    let exceptions: StyleRegex?

    static let defaultFilters: [String] = [
        #"(?:\w+)?\.\w{1,4}\b"#, #"\b(?:[a-zA-Z]\.){2,}"#, #"0[xX][0-9a-fA-F]+"#, #"\w+-\w+"#,
        #"[A-Z]{1}[a-z]+[A-Z]+\w+"#, #"[0-9]"#, #"[A-Z]+$"#, #"\W"#, #"\w{3,}\.\w{3,}"#, #"@.*\b"#,
    ]

    static let systemFolders = ["/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
                                "/Library/Spelling", NSHomeDirectory() + "/Library/Spelling"]

    func run(_ text: CheckText, state: FileState) -> [RawAlert] {
        var alerts: [RawAlert] = []
        for range in Self.words(text.bytes) {
            var word = text.slice(range)
            for (from, to) in dictionary.inputConversions { word = word.replacingOccurrences(of: from, with: to) }
            if filters.contains(where: { $0.matches(word) }) { continue }
            // A word of ASCII letters, capitalized at most at its start, is
            // one no default filter takes: skip asking them.
            if let defaultFilter, !Self.plainWord(word), defaultFilter.matches(word) { continue }
            if word.allSatisfy({ $0.isNumber || $0.isPunctuation }) { continue }
            if dictionary.accepts(word) { continue }
            if let exceptions, exceptions.matches(word) { continue }
            alerts.append(RawAlert(range: range, message: ValeMessage.format(base.message, [word]), match: word))
        }
        return alerts
    }

    static func plainWord(_ word: String) -> Bool {
        var first = true
        for byte in word.utf8 {
            let lower = byte >= 0x61 && byte <= 0x7A
            let upper = byte >= 0x41 && byte <= 0x5A
            guard lower || (upper && first) else { return false }
            first = false
        }
        // "I", "A": one capital is an acronym to `[A-Z]+$`.
        return !word.isEmpty && !(word.utf8.count == 1 && word.utf8.first! <= 0x5A)
    }

    /// Words: runs between spaces, without the punctuation around them
    /// (apostrophes and hyphens inside a word stay).
    static func words(_ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let text = String(decoding: bytes, as: UTF8.self)
        var offset = 0
        var start: Int?
        func close(_ end: Int) {
            guard let s = start else { return }
            start = nil
            var lower = s, upper = end
            let scalars = Array(String(decoding: bytes[lower..<upper], as: UTF8.self).unicodeScalars)
            var head = 0, tail = scalars.count
            func edge(_ u: Unicode.Scalar) -> Bool {
                !(u.properties.isAlphabetic || ("0"..."9").contains(u))
            }
            while head < tail, edge(scalars[head]) { lower += String(scalars[head]).utf8.count; head += 1 }
            while tail > head, edge(scalars[tail - 1]) { upper -= String(scalars[tail - 1]).utf8.count; tail -= 1 }
            if lower < upper { out.append(lower..<upper) }
        }
        for scalar in text.unicodeScalars {
            let width = String(scalar).utf8.count
            let breaker = scalar.properties.isWhitespace || "/()[]{}<>\"“”—–…,;!?*|=+`".unicodeScalars.contains(scalar)
            if breaker { close(offset) } else if start == nil { start = offset }
            offset += width
        }
        close(offset)
        return out
    }

    static func build(_ file: RuleFile, base: RuleBase, accepted: [String], stylesPath: String?,
                      builtin: Bool = false) throws(StyleError) -> SpellingCheck {
        let custom = try file.bool("custom")
        var filters: [StyleRegex] = []
        for (pattern, node) in try file.strings("filters") { filters.append(try file.regex(pattern, at: node)) }
        let defaultFilter = custom ? nil : try file.regex(defaultFilters.map { "(?:\($0))" }.joined(separator: "|"), at: nil)
        let dicpath = try file.string("dicpath")
        var folders: [String] = []
        if let dicpath {
            folders.append(dicpath.hasPrefix("/") ? dicpath : ((stylesPath ?? ".") as NSString).appendingPathComponent(dicpath))
        }
        if let stylesPath { folders.append((stylesPath as NSString).appendingPathComponent("config/dictionaries")) }
        folders += systemFolders
        func find(_ name: String, _ ext: String) -> String? {
            folders.map { ($0 as NSString).appendingPathComponent("\(name).\(ext)") }
                .first { FileManager.default.fileExists(atPath: $0) }
        }
        let dictionary = HunspellDictionary()
        let names = try file.strings("dictionaries").map(\.0)
        let append = try file.bool("append")
        if let aff = try file.string("aff"), let dic = try file.string("dic") {
            dictionary.merge(.load(dic: dic, aff: aff))
        } else {
            if names.isEmpty || append {
                guard find("en_US", "dic") != nil else {
                    throw file.error(nil, "no en_US Hunspell dictionary found",
                                     hint: "put en_US.dic and en_US.aff in StylesPath/config/dictionaries or install one system-wide")
                }
                dictionary.merge(.load(dic: find("en_US", "dic"), aff: find("en_US", "aff")))
            }
            for name in names {
                dictionary.merge(.load(dic: find(name, "dic"), aff: find(name, "aff")))
            }
        }
        if builtin, let stylesPath {
            // Vale.Spelling: every dictionary in StylesPath/config/dictionaries,
            // every word list under StylesPath/config/ignore.
            let fm = FileManager.default
            let dictionaries = (stylesPath as NSString).appendingPathComponent("config/dictionaries")
            for name in ((try? fm.contentsOfDirectory(atPath: dictionaries)) ?? []).sorted() where name.hasSuffix(".dic") {
                let stem = (dictionaries as NSString).appendingPathComponent((name as NSString).deletingPathExtension)
                if stem.hasSuffix("/en_US") { continue }
                dictionary.merge(.load(dic: stem + ".dic", aff: fm.fileExists(atPath: stem + ".aff") ? stem + ".aff" : nil))
            }
            let ignores = (stylesPath as NSString).appendingPathComponent("config/ignore")
            if let walker = fm.enumerator(atPath: ignores) {
                for case let name as String in walker where name.hasSuffix(".txt") {
                    for word in ValeValues.lines(of: (ignores as NSString).appendingPathComponent(name)) { dictionary.add(word) }
                }
            }
        }
        for (ignore, _) in try file.strings("ignore") {
            let path = ignore.hasPrefix("/") ? ignore : ((stylesPath ?? ".") as NSString).appendingPathComponent(ignore)
            for word in ValeValues.lines(of: path) { dictionary.add(word) }
        }
        var exceptions: StyleRegex?
        if !accepted.isEmpty {
            exceptions = try? GoRegex.compile("(?i)" + accepted.joined(separator: "|"))
        }
        return SpellingCheck(base: base, dictionary: dictionary, filters: filters, defaultFilter: defaultFilter,
                             exceptions: exceptions)
    }
}
