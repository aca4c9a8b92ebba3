import CopydeskCore
import Foundation
@testable import CopydeskPolicy
import CopydeskRules

/// A rule catalogue for tests: the shipped ids, plus a rule with an
/// option of every kind.
enum TestCatalogue {
    static let sampleRule = RuleSchema(id: "sample-rule", defaultSeverity: .warning, options: [
        OptionSpec("min-words", .integer(1...100), default: .integer(3), "Shortest sentence checked."),
        OptionSpec("ratio", .number(0...1), default: .number(0.5), "Share of sentences allowed."),
        OptionSpec("strict", .bool, default: .bool(false), "Also check headlines."),
        OptionSpec("house-name", .string, default: .string("Daily"), "The paper's name."),
        OptionSpec("banned-words", .strings, default: .strings([]), "Words never to print."),
        OptionSpec("style", .choice(["plain", "smart", "guillemets"]), default: .string("smart"), "Quote style."),
    ])

    /// A rule whose option is a list of mappings.
    static let swapRule = RuleSchema(id: "swap-rule", defaultSeverity: .warning, options: [
        OptionSpec("swaps", .list(.mapping(swapFields)), default: .list([]), "Words to replace, each with its replacement."),
    ])

    /// The fields of one entry of `swaps`, a list of mappings.
    static let swapFields = [
        OptionSpec("find", .string, default: .string(""), "The word to look for."),
        OptionSpec("replace", .string, default: .string(""), "What to write instead."),
        OptionSpec("ignore-case", .bool, default: .bool(true), "Match in any letter case."),
    ]

    static let schemas: [RuleSchema] = RuleRegistry.schemas + [sampleRule]

    static let loader = PolicyLoader(schemas: schemas)
}

/// A fresh directory under the system's temporary directory, removed when
/// the value goes away.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        // Symbolic links resolved, so paths the loader prints (which keep the
        // user's spelling) and paths the tests build agree.
        let base = URL(fileURLWithPath: FileManager.default.temporaryDirectory.path).resolvingSymlinksInPath()
        let url = base.appendingPathComponent("copydesk-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func url(_ relativePath: String) -> String {
        path + "/" + relativePath
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relativePath: String, bytes: [UInt8]) throws -> String {
        let file = url(relativePath)
        let directory = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func makeDirectory(_ relativePath: String) throws {
        try FileManager.default.createDirectory(atPath: url(relativePath), withIntermediateDirectories: true)
    }
}

/// The error a throwing policy call gave, or nil when it succeeded.
func policyError(_ body: () throws(PolicyError) -> Policy) -> PolicyError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}
