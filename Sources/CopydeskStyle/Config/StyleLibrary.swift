import CopydeskCore
import Foundation
import Yams

/// One `.vale.ini` with everything it names loaded: its styles' rules
/// compiled, its vocabularies read.
public final class StyleConfig: @unchecked Sendable {
    public let ini: ValeIni
    public let stylesPath: String?
    public let minLevel: ValeLevel
    /// Every rule of every style the configuration names, by id.
    let rules: [String: any StyleCheck]
    /// Every plain word list of the configuration's existence rules, in one automaton.
    let sharedPhrases: SharedPhrases?
    /// The literals of every rule that needs one, in one automaton: a
    /// block is read once to learn which rules can raise an alert in it.
    let gate: LiteralGate?
    let ruleOrder: [String]
    /// Rules copydesk read but cannot run, and why.
    public let unsupported: [(id: String, reason: String)]
    /// Per section: TokenIgnores (masked like code) and BlockIgnores /
    /// IgnorePatterns (regions of the source no rule reads).
    let sectionIgnores: [(token: [StyleRegex], block: [StyleRegex])]
    let sections: [(glob: SectionGlob, section: ValeIni.Section)]
    /// Vale's `SkippedScopes` (blocks not read) and `IgnoredScopes`
    /// (inline markup masked).
    let skippedScopes: Set<String>
    let ignoredScopes: Set<String>
    /// Vale's `IgnoredClasses`: HTML elements with these classes are not read.
    let ignoredClasses: Set<String>
    let formats: [String: String]

    /// - Parameter folders: style folders given by name instead of found
    ///   under `StylesPath` (a copydesk policy's `styles`, the embedded packs).
    public init(ini: ValeIni, folders: [String: StyleFolder] = [:]) throws(StyleError) {
        self.ini = ini
        let dir = ini.directory
        if let entry = ini.globalValue("StylesPath") {
            let value = entry.value
            stylesPath = value.hasPrefix("/") ? value : (dir as NSString).appendingPathComponent(value)
        } else {
            stylesPath = nil
        }
        if let entry = ini.globalValue("MinAlertLevel") {
            guard let level = ValeLevel(name: entry.value) else {
                throw StyleError(file: ini.path, line: entry.line, column: 1,
                                 message: "MinAlertLevel must be suggestion, warning or error, not '\(entry.value)'")
            }
            minLevel = level
        } else {
            minLevel = .warning  // Vale's default
        }
        var formats: [String: String] = [:]
        var sections: [(SectionGlob, ValeIni.Section)] = []
        var styleNames: [String] = []
        var singleRules: [String] = []
        var sectionIgnores: [(token: [StyleRegex], block: [StyleRegex])] = []
        var vocabNames = ini.globalValue("Vocab").map { ValeValues.list($0.value) } ?? []
        for section in ini.sections {
            if section.name == "formats" {
                for entry in section.entries { formats[entry.key] = entry.value }
                continue
            }
            sections.append((SectionGlob(section.name), section))
            var ignores: (token: [StyleRegex], block: [StyleRegex]) = ([], [])
            defer { sectionIgnores.append(ignores) }
            for entry in section.entries {
                switch entry.key {
                case "BasedOnStyles": styleNames += ValeValues.list(entry.value)
                case "Vocab": vocabNames += ValeValues.list(entry.value)
                case "TokenIgnores", "BlockIgnores", "IgnorePatterns":
                    for pattern in ValeValues.patternList(entry.value) {
                        let compiled: StyleRegex
                        do {
                            compiled = try GoRegex.compile(pattern)
                        } catch {
                            throw StyleError(file: ini.path, line: entry.line, column: 1,
                                             message: "\(entry.key): cannot use pattern: \(error.message)")
                        }
                        if entry.key == "TokenIgnores" { ignores.token.append(compiled) } else { ignores.block.append(compiled) }
                    }
                default:
                    if entry.key.contains(".") { singleRules.append(entry.key) }
                }
            }
        }
        self.formats = formats
        self.sections = sections
        self.sectionIgnores = sectionIgnores
        skippedScopes = Set(ini.globalValue("SkippedScopes").map { ValeValues.list($0.value) }
            ?? ["script", "style", "pre", "figure", "noscript", "iframe"])
        ignoredClasses = Set(ini.globalValue("IgnoredClasses").map { ValeValues.list($0.value) } ?? [])
        ignoredScopes = Set(ini.globalValue("IgnoredScopes").map { ValeValues.list($0.value) } ?? ["tt", "code", "kbd"])

        // Vocabularies: accept.txt and reject.txt.
        var accepted: [String] = []
        var rejected: [String] = []
        for name in vocabNames {
            guard let stylesPath else { break }
            let candidates = [
                ((stylesPath as NSString).appendingPathComponent("config/vocabularies") as NSString).appendingPathComponent(name),
                ((stylesPath as NSString).appendingPathComponent("Vocab") as NSString).appendingPathComponent(name),
            ]
            guard let folder = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                throw StyleError(file: ini.path, line: ini.globalValue("Vocab")?.line, column: 1,
                                 message: "vocabulary '\(name)' not found under \(stylesPath)/config/vocabularies")
            }
            accepted += ValeValues.lines(of: (folder as NSString).appendingPathComponent("accept.txt"))
            rejected += ValeValues.lines(of: (folder as NSString).appendingPathComponent("reject.txt"))
        }

        var loaded: [String: any StyleCheck] = [:]
        var order: [String] = []
        var unsupported: [(String, String)] = []
        var loadedStyles = Set<String>()
        let root = stylesPath
        func load(style: String, only ruleName: String?) throws(StyleError) {
            if style == "Vale" { return }
            /// The files of a style folder on disk, each read when loaded.
            func filesOnDisk(_ folder: String, missing: String) throws(StyleError) -> [(name: String, path: String, text: () -> String?)] {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                    throw StyleError(file: ini.path, message: missing)
                }
                return names.sorted().map { name in
                    let path = (folder as NSString).appendingPathComponent(name)
                    return (name, path, { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } })
                }
            }
            let files: [(name: String, path: String, text: () -> String?)]
            let ruleRoot: String
            switch folders[style] {
            case .embedded(let texts):
                ruleRoot = root ?? ini.directory
                files = texts.keys.sorted().map { name in ("\(name)", "<builtin>/style/\(style)/\(name)", { texts[name] }) }
            case .directory(let folder):
                ruleRoot = (folder as NSString).deletingLastPathComponent
                files = try filesOnDisk(folder, missing: "style folder '\(folder)' cannot be read")
            case nil:
                guard let root else {
                    throw StyleError(file: ini.path, message: "style '\(style)' named but no StylesPath is set")
                }
                ruleRoot = root
                files = try filesOnDisk((root as NSString).appendingPathComponent(style),
                                        missing: "style '\(style)' not found in \(root)")
            }
            var pending: [(id: String, path: String, text: String)] = []
            for (name, path, read) in files where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                let ruleID = style + "." + (name as NSString).deletingPathExtension
                if let ruleName = ruleName, ruleID != ruleName { continue }
                if loaded[ruleID] != nil || pending.contains(where: { $0.id == ruleID }) { continue }
                guard let text = read() else { continue }
                pending.append((ruleID, path, text))
            }
            // Rule files are read on every core (a pack's patterns take
            // most of a short lint to compile), then taken in file order,
            // so the first error reported is the first file's.
            let accepted = accepted
            let queued = pending
            let outcomes = ConcurrentSlots<Result<LoadedRule, StyleError>>(count: pending.count)
            DispatchQueue.concurrentPerform(iterations: queued.count) { index in
                let rule = queued[index]
                outcomes.set(index, Result { () throws(StyleError) in
                    try RuleLoader.load(path: rule.path, text: rule.text, id: rule.id, accepted: accepted, stylesPath: ruleRoot)
                })
            }
            for (rule, outcome) in zip(pending, outcomes.values) {
                switch try outcome.get() {
                case .check(let check):
                    loaded[rule.id] = check
                    order.append(rule.id)
                case .unsupported(let reason):
                    unsupported.append((rule.id, reason))
                }
            }
        }
        for style in styleNames where !loadedStyles.contains(style) {
            loadedStyles.insert(style)
            try load(style: style, only: nil)
        }
        for rule in singleRules {
            let style = String(rule.prefix { $0 != "." })
            if loadedStyles.contains(style) || style == "Vale" { continue }
            guard folders[style] != nil || root.map({
                FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent(style))
            }) == true else { continue }
            try load(style: style, only: rule)
        }
        // Vale's own rules (Vale.Spelling loads a dictionary) only when the
        // configuration names the Vale style or one of its rules; no section
        // can turn them on otherwise.
        if styleNames.contains("Vale") || singleRules.contains(where: { $0.hasPrefix("Vale.") }) {
            for (id, check) in try BuiltinRules.make(accepted: accepted, rejected: rejected, stylesPath: stylesPath) {
                loaded[id] = check
                order.append(id)
            }
        }
        self.rules = loaded
        self.sharedPhrases = SharedPhrases(lists: loaded.compactMap { id, check in
            ((check as? ExistenceCheck)?.phrases ?? (check as? SubstitutionCheck)?.phrases).map { (id, $0) }
        })
        var gated = Set<String>()
        self.gate = LiteralGate(order.compactMap { id in
            guard gated.insert(id).inserted, let literals = loaded[id]?.requiredLiterals else { return nil }
            return (id, literals)
        })
        self.ruleOrder = order
        self.unsupported = unsupported
    }

    /// The rules that apply to an article, with their levels, per the
    /// sections whose glob matches it.
    public func selection(forArticle absolutePath: String) -> StyleSelection {
        var relative = absolutePath
        let dir = ini.directory + "/"
        if relative.hasPrefix(dir) { relative.removeFirst(dir.count) }
        var ext = (relative as NSString).pathExtension
        if let mapped = formats[ext] { ext = mapped }
        // Articles that match the same sections get the same selection: it
        // is made once per combination (an archive has a handful).
        let matching = sections.indices.filter { sections[$0].glob.matches(relative) }
        let key = SelectionKey(sections: matching, ext: ext)
        selectionLock.lock()
        let cached = selections[key]
        selectionLock.unlock()
        if let cached { return cached }
        let made = makeSelection(sections: matching, ext: ext)
        selectionLock.lock()
        selections[key] = made
        selectionLock.unlock()
        return made
    }

    private struct SelectionKey: Hashable {
        var sections: [Int]
        var ext: String
    }
    private let selectionLock = NSLock()
    private var selections: [SelectionKey: StyleSelection] = [:]

    private func makeSelection(sections matching: [Int], ext: String) -> StyleSelection {
        var based: [String] = []
        var settings: [(String, String)] = []
        var tokenIgnores: [StyleRegex] = []
        var blockIgnores: [StyleRegex] = []
        for number in matching {
            let section = sections[number].section
            tokenIgnores += sectionIgnores[number].token
            blockIgnores += sectionIgnores[number].block
            for entry in section.entries {
                if entry.key == "BasedOnStyles" {
                    based = ValeValues.list(entry.value)
                } else if entry.key.contains(".") {
                    settings.append((entry.key, entry.value))
                }
            }
        }
        var levels: [String: ValeLevel] = [:]
        for id in ruleOrder {
            let style = String(id.prefix { $0 != "." })
            if based.contains(style), let check = rules[id] { levels[id] = check.base.level }
        }
        for (key, value) in settings {
            let ids: [String] = key.split(separator: ".").count == 1 ? ruleOrder.filter { $0.hasPrefix(key + ".") } : [key]
            for id in ids {
                guard let check = rules[id] else { continue }
                switch value.uppercased() {
                case "NO": levels[id] = nil
                case "YES": levels[id] = check.base.level
                default:
                    if let level = ValeLevel(name: value) { levels[id] = level }
                }
            }
        }
        let skipped = unsupported.filter { item in
            let style = String(item.id.prefix { $0 != "." })
            var on = based.contains(style)
            for (key, value) in settings where key == item.id || key == style {
                on = value.uppercased() != "NO"
            }
            return on
        }.map { "\($0.id) is not run: \($0.reason)" }
        let chosen = ruleOrder.compactMap { id -> (any StyleCheck, ValeLevel)? in
            guard let level = levels[id], level >= minLevel, let check = rules[id] else { return nil }
            return (check, level)
        }
        return StyleSelection(config: self, rules: chosen, ext: ext.isEmpty ? "txt" : ext,
                              tokenIgnores: tokenIgnores, blockIgnores: blockIgnores, notRun: skipped)
    }
}

/// The rules one article gets.
public struct StyleSelection: @unchecked Sendable {
    public let config: StyleConfig
    let rules: [(check: any StyleCheck, level: ValeLevel)]
    let ext: String
    let tokenIgnores: [StyleRegex]
    let blockIgnores: [StyleRegex]
    /// Rules the configuration turns on for this article that copydesk
    /// cannot run, each with why.
    public let notRun: [String]

    public var isEmpty: Bool { rules.isEmpty }

    /// The ids (`Style.Rule`) of the rules the article gets.
    public var ruleIDs: [String] { rules.map(\.check.base.id) }

    /// The selection without the rules whose ids are in `ids` (another
    /// configuration already runs them on the article).
    public func excluding(_ ids: Set<String>) -> StyleSelection {
        StyleSelection(config: config, rules: rules.filter { !ids.contains($0.check.base.id) }, ext: ext,
                       tokenIgnores: tokenIgnores, blockIgnores: blockIgnores, notRun: notRun)
    }
}

enum ValeValues {
    static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A comma-separated list of patterns, where commas inside brackets,
    /// braces or parentheses belong to the pattern.
    static func patternList(_ value: String) -> [String] {
        var out: [String] = []
        var current = ""
        var depth = 0
        var escaped = false
        for c in value {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; current.append(c); continue }
            if "([{".contains(c) { depth += 1 }
            if ")]}".contains(c) { depth = max(0, depth - 1) }
            if c == "," && depth == 0 {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(c)
            }
        }
        out.append(current.trimmingCharacters(in: .whitespaces))
        return out.filter { !$0.isEmpty }
    }

    static func lines(of path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}

/// Where a style's rule files are, when not under `StylesPath`.
public enum StyleFolder: Sendable, Hashable {
    case directory(String)
    /// Rule files by file name, as embedded in the binary.
    case embedded([String: String])
}

extension StyleConfig {
    /// The configuration of style folders named outside a `.vale.ini` (a
    /// copydesk policy's styles, the embedded packs): every rule of every
    /// style at its file's level, suggestions included, then each setting
    /// (`Style.Rule` = YES, NO or a level) as a `.vale.ini` would give it.
    public static func forStyles(_ names: [String], folders: [String: StyleFolder], settings: [(id: String, value: String)],
                                 directory: String) throws(StyleError) -> StyleConfig {
        var text = "MinAlertLevel = suggestion\n[*]\nBasedOnStyles = " + names.joined(separator: ", ") + "\n"
        for (id, value) in settings { text += "\(id) = \(value)\n" }
        return try StyleConfig(ini: try ValeIni.parse(text, path: directory + "/.copydesk-styles.ini"), folders: folders)
    }

    /// Every rule id the configuration loaded, in load order.
    public var loadedRuleIDs: [String] { ruleOrder }

    /// What a loaded rule says of itself (id, file, kind, message,
    /// description, level, link), for `rules` and `explain`.
    public func rule(_ id: String) -> RuleBase? { rules[id]?.base }
}

/// Finds each article's configuration (searching up from its folder) and
/// loads each configuration once.
public final class StyleLibrary: @unchecked Sendable {
    private let lock = NSLock()
    private var iniForDirectory: [String: String?] = [:]
    private var configs: [String: StyleConfig] = [:]

    public init() {}

    /// The style rules for an article, or nil when no Vale configuration
    /// is found above it.
    /// - Parameter explicit: the article was named, not found by walking a
    ///   folder; like Vale, a walk does not lint `node_modules` or hidden
    ///   folders with style rules.
    public func selection(forArticle absolutePath: String, explicit: Bool = true) throws(StyleError) -> StyleSelection? {
        let directory = (absolutePath as NSString).deletingLastPathComponent
        lock.lock()
        let cached = iniForDirectory[directory]
        lock.unlock()
        let iniPath: String?
        if let cached { iniPath = cached } else {
            iniPath = ValeIni.find(from: directory)
            lock.lock()
            iniForDirectory[directory] = .some(iniPath)
            lock.unlock()
        }
        guard let iniPath else { return nil }
        if !explicit {
            let root = (iniPath as NSString).deletingLastPathComponent + "/"
            let relative = absolutePath.hasPrefix(root) ? String(absolutePath.dropFirst(root.count)) : absolutePath
            if relative.split(separator: "/").dropLast().contains(where: { $0 == "node_modules" || $0.hasPrefix(".") }) {
                return nil
            }
        }
        lock.lock()
        let existing = configs[iniPath]
        lock.unlock()
        if let existing { return existing.selection(forArticle: absolutePath) }
        guard let data = FileManager.default.contents(atPath: iniPath) else {
            throw StyleError(file: iniPath, message: "cannot read the Vale configuration")
        }
        let config = try StyleConfig(ini: try ValeIni.parse(String(decoding: data, as: UTF8.self), path: iniPath))
        lock.lock()
        configs[iniPath] = config
        lock.unlock()
        return config.selection(forArticle: absolutePath)
    }
}

