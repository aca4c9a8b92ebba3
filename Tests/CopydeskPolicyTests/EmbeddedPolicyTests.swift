import CopydeskCore
import CopydeskRules
import Foundation
import Testing
@testable import CopydeskPolicy

@Suite("Embedded policy packs")
struct EmbeddedPolicyTests {
    /// The repository root, found from this file's path
    /// (Tests/CopydeskPolicyTests/EmbeddedPolicyTests.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func policyFiles() throws -> [String: [UInt8]] {
        let policies = repositoryRoot.appendingPathComponent("policies")
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: policies.path)
        while let relative = enumerator?.nextObject() as? String {
            // policies/style/ holds Vale rule files, not policy packs
            // (scripts/embed-policies.sh leaves it out too).
            guard relative.hasSuffix(".yml"), !relative.hasPrefix("style/") else { continue }
            let data = try Data(contentsOf: policies.appendingPathComponent(relative))
            files[String(relative.dropLast(".yml".count))] = [UInt8](data)
        }
        return files
    }

    @Test("Every style folder under policies/style is embedded byte for byte (run scripts/embed-policies.sh)")
    func everyStyleEmbedded() throws {
        let styles = Self.repositoryRoot.appendingPathComponent("policies/style")
        var folders: [String: [String: String]] = [:]
        for folder in try FileManager.default.contentsOfDirectory(atPath: styles.path) {
            var isDirectory: ObjCBool = false
            let path = styles.appendingPathComponent(folder)
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            var files: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: path.path) where name.hasSuffix(".yml") {
                files[name] = String(decoding: try Data(contentsOf: path.appendingPathComponent(name)), as: UTF8.self)
            }
            folders[folder] = files
        }
        #expect(!folders.isEmpty)
        #expect(folders == BuiltinStyles.folders)
    }

    @Test("The embedded default pack is policies/default.yml byte for byte")
    func defaultMatchesFile() throws {
        let file = try Data(contentsOf: Self.repositoryRoot.appendingPathComponent("policies/default.yml"))
        let embedded = try #require(BuiltinPolicies.texts["default"])
        #expect(Array(embedded.utf8) == [UInt8](file))
    }

    @Test("Every file under policies/ is embedded, and nothing else (run scripts/embed-policies.sh)")
    func everyPackEmbedded() throws {
        let files = try Self.policyFiles()
        #expect(files.keys.sorted() == BuiltinPolicies.texts.keys.sorted())
        for (name, bytes) in files {
            #expect(BuiltinPolicies.texts[name].map { Array($0.utf8) } == bytes, "pack \(name)")
        }
    }

    @Test("Every embedded pack loads against the registered rules")
    func packsLoad() throws {
        let loader = PolicyLoader(schemas: RuleRegistry.schemas)
        for name in loader.builtinNames {
            let policy = try loader.builtin(name)
            #expect(policy.sources.last == "<builtin>/\(name).yml")
        }
        let defaultPolicy = try loader.builtin("default")
        #expect(defaultPolicy.enabledRuleIDs == RuleRegistry.descriptions.map(\.id).sorted())
        #expect(defaultPolicy.notices.isEmpty, "notices are house-specific: the default requires none")
        #expect(defaultPolicy.rules["quote-balance"]?.severity == .error)
    }
}

@Suite("Exclude globs")
struct ExcludeGlobTests {
    @Test("Globs match paths segment by segment",
          arguments: [
              ("drafts/**", "drafts/a.md", true),
              ("drafts/**", "drafts/2024/june/a.md", true),
              ("drafts/**", "news/drafts/a.md", false),
              ("**/*.draft.md", "a.draft.md", true),
              ("**/*.draft.md", "news/sport/a.draft.md", true),
              ("**/*.draft.md", "news/a.md", false),
              ("*.md", "a.md", true),
              ("*.md", "news/a.md", true),
              ("news/*/index.md", "news/sport/index.md", true),
              ("news/*/index.md", "news/sport/x/index.md", false),
              ("news/**/index.md", "news/index.md", true),
              ("?.txt", "a.txt", true),
              ("?.txt", "ab.txt", false),
              ("[ab]*.md", "beta.md", true),
              ("[!ab]*.md", "beta.md", false),
              ("[a-c]?.md", "c1.md", true),
              ("\\*.md", "*.md", true),
              ("\\*.md", "a.md", false),
              ("a*b*c", "aXbYbZc", true),
              ("a*b*c", "aXbYbZ", false),
          ])
    func glob(pattern: String, path: String, matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches)
    }

    @Test("A policy excludes articles by their path relative to its directory")
    func policyExcludes() throws {
        let directory = try TemporaryDirectory()
        let policyPath = try directory.write(".copydesk.yml", "schema: 1\nexclude: [\"drafts/**\", \"**/*.draft.md\"]\n")
        let policy = try TestCatalogue.loader.load(path: policyPath)
        #expect(policy.excludes(articlePath: directory.url("drafts/a.md")))
        #expect(policy.excludes(articlePath: directory.url("news/b.draft.md")))
        #expect(!policy.excludes(articlePath: directory.url("news/drafts/c.md")))
        #expect(!policy.excludes(articlePath: directory.url("news/c.md")))
    }
}
