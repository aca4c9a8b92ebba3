import CopydeskCore
import Foundation
@testable import CopydeskStyle

/// A throwaway folder with a `.vale.ini`, a style's rule files and an
/// article, linted with the style engine alone.
struct StyleFixture {
    let root: String

    init(ini: String, rules: [String: String] = [:], files: [String: String] = [:]) throws {
        root = NSTemporaryDirectory() + "copydesk-style-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/styles/House", withIntermediateDirectories: true)
        try ini.write(toFile: root + "/.vale.ini", atomically: true, encoding: .utf8)
        for (name, text) in rules {
            try text.write(toFile: root + "/styles/House/\(name).yml", atomically: true, encoding: .utf8)
        }
        for (path, text) in files {
            let full = root + "/" + path
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    /// A configuration using the House style for every file.
    static let houseIni = """
        StylesPath = styles
        MinAlertLevel = suggestion

        [*]
        BasedOnStyles = House
        """

    /// `path:line:column:Rule:message` for every finding on `article`.
    func lint(_ name: String, _ article: String) throws -> [String] {
        let path = root + "/" + name
        try article.write(toFile: path, atomically: true, encoding: .utf8)
        guard let selection = try StyleLibrary().selection(forArticle: path) else { return [] }
        let format = InputFormat.forPath(name) ?? .text
        let document = ArticleParser.parse(SourceText(path: name, string: article), format: format)
        return StyleEngine.check(document, selection: selection)
            .sorted { ($0.range.start.offset, $0.ruleID) < ($1.range.start.offset, $1.ruleID) }
            .map { "\(name):\($0.range.start.line):\($0.range.start.column):\($0.ruleID):\($0.message)" }
    }

    /// `Rule: suggestion | suggestion…` for every finding on `article`.
    func suggestions(_ name: String, _ article: String) throws -> [String] {
        let path = root + "/" + name
        try article.write(toFile: path, atomically: true, encoding: .utf8)
        guard let selection = try StyleLibrary().selection(forArticle: path) else { return [] }
        let document = ArticleParser.parse(SourceText(path: name, string: article), format: InputFormat.forPath(name) ?? .text)
        return StyleEngine.check(document, selection: selection)
            .sorted { $0.range.start.offset < $1.range.start.offset }
            .map { "\($0.ruleID): " + $0.suggestions.joined(separator: " | ") }
    }

    /// The error loading the configuration gives, if any.
    func loadError(for name: String = "a.md") -> StyleError? {
        let path = root + "/" + name
        try? "Some words.\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try StyleLibrary().selection(forArticle: path)
            return nil
        } catch {
            return error
        }
    }
}
