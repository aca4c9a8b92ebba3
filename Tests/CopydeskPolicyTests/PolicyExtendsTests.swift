import CopydeskCore
import CopydeskRules
import Testing
@testable import CopydeskPolicy

@Suite("Extends and merging")
struct PolicyExtendsTests {
    let loader = TestCatalogue.loader

    @Test("Paths in extends are relative to the extending file's directory")
    func relativePaths() throws {
        let directory = try TemporaryDirectory()
        try directory.write("shared/base.yml", "schema: 1\nrules:\n  quote-balance: note\n")
        let policyPath = try directory.write("desk/sub/.copydesk.yml",
                                             "schema: 1\nextends: ../../shared/base.yml\nrules:\n  unused-suppression: off\n")
        let policy = try loader.load(path: policyPath)
        #expect(policy.sources == [directory.url("shared/base.yml"), policyPath])
        #expect(policy.rules["quote-balance"]?.severity == .note)
        #expect(policy.rules["quote-balance"]?.location == PolicyLocation(file: directory.url("shared/base.yml"), line: 3, column: 3))
        #expect(policy.rules["unused-suppression"]?.enabled == false)
        #expect(policy.directory == directory.url("desk/sub"))
    }

    @Test("A relative policy path keeps its spelling in sources and errors")
    func relativeSpelling() throws {
        let directory = try TemporaryDirectory()
        try directory.write("base.yml", "schema: 1\nrules:\n  quote-balance: loud\n")
        let error = policyError { () throws(PolicyError) in
            try loader.load(yaml: "schema: 1\nextends: ./base.yml\n", path: directory.path + "/./policy.yml")
        }
        #expect(error?.description == "\(directory.url("base.yml")):3:18: error: rule 'quote-balance' cannot be set to 'loud' (use a severity (error, warning, note), on or off, true or false, or a mapping of settings)")
        #expect(error?.file == directory.url("base.yml"))
    }

    @Test("A builtin pack is named without a path and listed as <builtin>/NAME.yml")
    func builtinPack() throws {
        let policy = try loader.load(yaml: "schema: 1\nextends: default\nrules:\n  quote-balance: warning\n",
                                     path: "policy.yml")
        #expect(policy.sources == ["<builtin>/default.yml", "policy.yml"])
        #expect(policy.enabledRuleIDs == RuleRegistry.descriptions.map(\.id).sorted())
        #expect(policy.rules["quote-balance"]?.severity == .warning)
        #expect(policy.name == "copydesk default")
    }

    @Test("Later settings override earlier ones key by key, through a chain and in list order")
    func overrideOrder() throws {
        let directory = try TemporaryDirectory()
        try directory.write("grandparent.yml", """
            schema: 1
            name: Group style
            exclude: ["archive/**"]
            rules:
              sample-rule:
                severity: note
                min-words: 5
                style: plain
                banned-words: [very]

            """)
        try directory.write("parent.yml", """
            schema: 1
            extends: grandparent.yml
            exclude: ["drafts/**", "archive/**"]
            rules:
              sample-rule:
                severity: error
                strict: true

            """)
        try directory.write("sibling.yml", """
            schema: 1
            name: Sibling style
            rules:
              sample-rule: {min-words: 7, ratio: 0.1}
              quote-balance: error

            """)
        let policyPath = try directory.write("policy.yml", """
            schema: 1
            extends: [parent.yml, sibling.yml]
            rules:
              sample-rule:
                style: guillemets
              quote-balance: off

            """)
        let policy = try loader.load(path: policyPath)
        #expect(policy.sources == ["grandparent.yml", "parent.yml", "sibling.yml", "policy.yml"].map(directory.url))
        #expect(policy.name == "Sibling style")
        #expect(policy.exclude == ["archive/**", "drafts/**"])
        let setting = try #require(policy.rules["sample-rule"])
        #expect(setting.enabled)
        #expect(setting.severity == .error)
        #expect(setting.options == [
            "min-words": .integer(7), "ratio": .number(0.1), "style": .string("guillemets"),
            "strict": .bool(true), "banned-words": .strings(["very"]),
        ])
        #expect(setting.location == PolicyLocation(file: policyPath, line: 4, column: 3))
        let quoteBalance = try #require(policy.rules["quote-balance"])
        #expect(!quoteBalance.enabled)
        #expect(quoteBalance.severity == .error)
    }

    @Test("Mentioning a rule turns it back on; enabled: false turns it off and keeps its settings")
    func enabling() throws {
        let directory = try TemporaryDirectory()
        try directory.write("base.yml", "schema: 1\nrules:\n  quote-balance: off\n  sample-rule: {severity: error, min-words: 9}\n")
        let policy = try loader.load(yaml: """
            schema: 1
            extends: base.yml
            rules:
              quote-balance: {}
              sample-rule: {enabled: false}

            """, path: directory.url("policy.yml"))
        #expect(policy.rules["quote-balance"]?.enabled == true)
        #expect(policy.rules["sample-rule"] == RuleSetting(
            enabled: false, severity: .error, options: ["min-words": .integer(9)],
            location: PolicyLocation(file: directory.url("policy.yml"), line: 5, column: 3)))
    }

    @Test("A policy reached twice through extends is folded in once, at its first place")
    func diamond() throws {
        let directory = try TemporaryDirectory()
        try directory.write("base.yml", "schema: 1\nrules:\n  sample-rule: {min-words: 2}\n")
        try directory.write("left.yml", "schema: 1\nextends: base.yml\nrules:\n  sample-rule: {min-words: 4}\n")
        try directory.write("right.yml", "schema: 1\nextends: ./base.yml\nrules:\n  quote-balance: note\n")
        let policy = try loader.load(yaml: "schema: 1\nextends: [left.yml, right.yml]\n", path: directory.url("policy.yml"))
        #expect(policy.sources == ["base.yml", "left.yml", "right.yml", "policy.yml"].map(directory.url))
        #expect(policy.rules["sample-rule"]?.options["min-words"] == .integer(4))
    }

    @Test("A cycle is an error at the entry that closes it, naming the chain")
    func cycle() throws {
        let directory = try TemporaryDirectory()
        let a = try directory.write("a.yml", "schema: 1\nextends: b.yml\n")
        let b = try directory.write("b.yml", "schema: 1\nextends:\n  - default\n  - a.yml\n")
        let error = policyError { () throws(PolicyError) in try loader.load(path: a) }
        #expect(error?.description == "\(b):4:5: error: policies extend each other in a cycle: \(a) → \(b) → \(a) (remove one of the 'extends' entries in this chain)")
    }

    @Test("A policy that extends itself is a cycle")
    func selfCycle() throws {
        let directory = try TemporaryDirectory()
        let a = try directory.write("a.yml", "schema: 1\nextends: [default, ../\(directory.path.split(separator: "/").last!)/a.yml]\n")
        let error = policyError { () throws(PolicyError) in try loader.load(path: a) }
        #expect(error?.description == "\(a):2:20: error: policies extend each other in a cycle: \(a) → \(a) (remove one of the 'extends' entries in this chain)")
    }

    @Test("Builtin packs can extend each other, and cycles among them are found too")
    func builtinChains() throws {
        let packs = [
            "base": "schema: 1\nrules:\n  quote-balance: note\n",
            "house/strict": "schema: 1\nextends: base\nrules:\n  quote-balance: error\n",
            "loop-a": "schema: 1\nextends: loop-b\n",
            "loop-b": "schema: 1\nextends: loop-a\n",
            "to-file": "schema: 1\nextends: local.yml\n",
        ]
        let loader = PolicyLoader(schemas: TestCatalogue.schemas, builtinPolicies: packs)
        let strict = try loader.builtin("house/strict")
        #expect(strict.sources == ["<builtin>/base.yml", "<builtin>/house/strict.yml"])
        #expect(strict.rules["quote-balance"]?.severity == .error)
        #expect(strict.directory == nil)

        let loop = policyError { () throws(PolicyError) in try loader.builtin("loop-a") }
        #expect(loop?.description == "<builtin>/loop-b.yml:2:10: error: policies extend each other in a cycle: <builtin>/loop-a.yml → <builtin>/loop-b.yml → <builtin>/loop-a.yml (remove one of the 'extends' entries in this chain)")

        let toFile = policyError { () throws(PolicyError) in try loader.builtin("to-file") }
        #expect(toFile?.description == "<builtin>/to-file.yml:2:10: error: a builtin policy cannot extend the file 'local.yml' (builtin policies extend only other builtin policies, by name)")

        let unknown = policyError { () throws(PolicyError) in try loader.builtin("bsae") }
        #expect(unknown?.description == "<builtin>/bsae.yml: error: unknown builtin policy 'bsae' (did you mean 'base'?)")
    }

    @Test("A missing extended file is an error at its extends entry")
    func missingFile() throws {
        let directory = try TemporaryDirectory()
        let policyPath = try directory.write("policy.yml", "schema: 1\nextends:\n  - default\n  - house/missing.yml\n")
        let error = policyError { () throws(PolicyError) in try loader.load(path: policyPath) }
        #expect(error?.description == "\(policyPath):4:5: error: policy file '\(directory.url("house/missing.yml"))' not found (extended as 'house/missing.yml') (paths in 'extends' are relative to the directory of the file that extends them)")
        #expect(error?.file == policyPath)
    }

    @Test("Unknown builtin names get a suggestion or the list of packs",
          arguments: [
              ("defualt", "policy.yml:2:10: error: unknown builtin policy 'defualt' (did you mean 'default'?)"),
              ("house-style", "policy.yml:2:10: error: unknown builtin policy 'house-style' (builtin policies: default, legal/correction, legal/regional-warning, legal/sponsored-content, legal/wire-copyright; to extend a file, give its path ending in .yml)"),
          ])
    func unknownBuiltin(name: String, expected: String) {
        let error = policyError { () throws(PolicyError) in
            try loader.load(yaml: "schema: 1\nextends: \(name)\n", path: "policy.yml")
        }
        #expect(error?.description == expected)
    }

    @Test("Files that cannot be read are errors naming the file")
    func unreadableFiles() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.url("nope.yml")
        #expect(policyError { () throws(PolicyError) in try loader.load(path: missing) }?.description
            == "\(missing): error: policy file '\(missing)' not found (check the path of the policy file)")

        try directory.makeDirectory("folder.yml")
        let folder = directory.url("folder.yml")
        #expect(policyError { () throws(PolicyError) in try loader.load(path: folder) }?.description
            == "\(folder): error: '\(folder)' is a directory, not a policy file (give the path of a .yml file)")

        let latin1 = try directory.write("latin1.yml", bytes: Array("schema: 1\nname: caf".utf8) + [0xE9] + Array("\n".utf8))
        #expect(policyError { () throws(PolicyError) in try loader.load(path: latin1) }?.description
            == "\(latin1):2:10: error: the policy file is not valid UTF-8 (save it as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8`))")
    }

    @Test("A byte-order mark does not shift columns")
    func byteOrderMark() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("bom.yml", bytes: [0xEF, 0xBB, 0xBF] + Array("schema: 1\nname: a\nname: b\n".utf8))
        #expect(policyError { () throws(PolicyError) in try loader.load(path: path) }?.description
            == "\(path):3:1: error: duplicate key 'name' ('name' is already set at 2:1 in this mapping; keep one)")
    }

    @Test("Excludes from every file of the chain are kept once each, in the order first written, with where each came from")
    func excludesMergeOnce() throws {
        let loader = PolicyLoader(schemas: TestCatalogue.schemas, builtinPolicies: [
            "base": "schema: 1\nexclude: [\"drafts/**\", \"wire/*.txt\"]\n",
        ])
        let policy = try loader.load(yaml: """
            schema: 1
            extends: base
            exclude: ["wire/*.txt", "archive/**", "drafts/**", "archive/**"]

            """, path: "house.yml")
        #expect(policy.exclude == ["drafts/**", "wire/*.txt", "archive/**"])
        #expect(policy.excludeOrigins["wire/*.txt"] == "<builtin>/base.yml")
        #expect(policy.excludeOrigins["archive/**"] == "house.yml")
    }
}
