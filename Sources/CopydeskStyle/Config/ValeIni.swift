import CopydeskCore
import Foundation

/// A problem in a style file (`.vale.ini`, a rule's YAML, a vocabulary),
/// with where it is.
public struct StyleError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var hint: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(place): error: \(message)" + (hint.map { " (\($0))" } ?? "")
    }
}

/// Vale's alert levels, lowest first.
public enum ValeLevel: Int, Sendable, Comparable, CaseIterable {
    case suggestion, warning, error

    public init?(name: String) {
        switch name.lowercased() {
        case "suggestion": self = .suggestion
        case "warning": self = .warning
        case "error": self = .error
        default: return nil
        }
    }

    public var name: String { ["suggestion", "warning", "error"][rawValue] }

    public static func < (lhs: ValeLevel, rhs: ValeLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a `.vale.ini` says, as written: the global keys and the glob
/// sections in file order.
public struct ValeIni: Sendable {
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: String
        public var line: Int
    }

    public struct Section: Sendable {
        public var name: String
        public var line: Int
        public var entries: [Entry]
    }

    public var path: String
    public var global: [Entry] = []
    public var sections: [Section] = []

    public var directory: String { (path as NSString).deletingLastPathComponent }

    /// The names Vale looks for, in its order.
    public static let fileNames = [".vale.ini", "_vale.ini", ".vale", "_vale"]

    public static func parse(_ text: String, path: String) throws(StyleError) -> ValeIni {
        var ini = ValeIni(path: path)
        var current: Section?
        var lineNumber = 0
        var pendingKey: (key: String, value: String, line: Int)?
        func flush() {
            guard let pending = pendingKey else { return }
            let entry = Entry(key: pending.key, value: pending.value.trimmingCharacters(in: .whitespaces), line: pending.line)
            if current != nil { current!.entries.append(entry) } else { ini.global.append(entry) }
            pendingKey = nil
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") {
                continue
            }
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                flush()
                if let section = current { ini.sections.append(section) }
                current = Section(name: String(trimmed.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces),
                                  line: lineNumber, entries: [])
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw StyleError(file: path, line: lineNumber, column: 1,
                                 message: "expected 'Key = value' or a [section], found '\(trimmed)'")
            }
            flush()
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let value = String(trimmed[trimmed.index(after: equals)...])
            pendingKey = (key, value, lineNumber)
        }
        flush()
        if let section = current { ini.sections.append(section) }
        return ini
    }

    /// The nearest Vale configuration at or above `directory`.
    public static func find(from directory: String) -> String? {
        var dir = directory
        let fm = FileManager.default
        while true {
            for name in fileNames {
                let candidate = (dir as NSString).appendingPathComponent(name)
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue { return candidate }
            }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }

    public func globalValue(_ key: String) -> Entry? {
        global.last { $0.key.caseInsensitiveCompare(key) == .orderedSame }
    }
}

/// A Vale section glob: `*`, `*.md`, `*.{md,txt}`, `docs/**/*.md`, `!*.py`.
/// Like Vale's, `*` also crosses `/`; a pattern matches a path relative to
/// the configuration's directory.
public struct SectionGlob: Sendable {
    let regex: NSRegularExpression?
    let negated: Bool

    public init(_ pattern: String) {
        var text = pattern
        negated = text.hasPrefix("!")
        if negated { text.removeFirst() }
        var out = "^"
        var inBraces = false
        for c in text {
            switch c {
            case "*": out += ".*"
            case "?": out += "."
            case "{": inBraces = true; out += "(?:"
            case "}" where inBraces: inBraces = false; out += ")"
            case "," where inBraces: out += "|"
            default: out += NSRegularExpression.escapedPattern(for: String(c))
            }
        }
        out += "$"
        regex = try? NSRegularExpression(pattern: out)
    }

    public func matches(_ relativePath: String) -> Bool {
        guard let regex else { return false }
        let ns = relativePath as NSString
        let hit = regex.firstMatch(in: relativePath, range: NSRange(location: 0, length: ns.length)) != nil
        return hit != negated
    }
}
