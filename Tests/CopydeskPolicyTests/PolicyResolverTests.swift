import CopydeskCore
import Foundation
import CopydeskRules
import Testing
@testable import CopydeskPolicy

@Suite("Finding the policy for an article")
struct PolicyResolverTests {
    @Test("The nearest .copydesk.yml in the article's directory or a parent applies")
    func nearestPolicy() throws {
        let directory = try TemporaryDirectory()
        let rootPolicy = try directory.write("news/.copydesk.yml", "schema: 1\nrules:\n  quote-balance: note\n")
        let deskPolicy = try directory.write("news/sport/.copydesk.yml",
                                             "schema: 1\nextends: ../.copydesk.yml\nrules:\n  unused-suppression: on\n")
        let resolver = PolicyResolver(loader: TestCatalogue.loader, explicitPolicyPath: nil)

        let deep = try resolver.policy(forArticleAt: directory.url("news/sport/football/match.md"))
        #expect(deep.sources == [rootPolicy, deskPolicy])
        let beside = try resolver.policy(forArticleAt: directory.url("news/sport/results.txt"))
        #expect(beside.sources == [rootPolicy, deskPolicy])
        let other = try resolver.policy(forArticleAt: directory.url("news/politics/vote.md"))
        #expect(other.sources == [rootPolicy])
        #expect(other.rules["quote-balance"]?.severity == .note)
        #expect(resolver.policyFile(forDirectory: directory.url("news/politics")) == rootPolicy)
    }

    @Test("Without a policy file, the embedded default pack applies")
    func fallbackToDefault() throws {
        let directory = try TemporaryDirectory()
        try directory.makeDirectory("plain")
        let resolver = PolicyResolver(loader: TestCatalogue.loader, explicitPolicyPath: nil)
        let policy = try resolver.policy(forArticleAt: directory.url("plain/article.md"))
        #expect(policy.sources == ["<builtin>/default.yml"])
        #expect(policy.enabledRuleIDs == RuleRegistry.descriptions.map(\.id).sorted())
        #expect(resolver.policyFile(forDirectory: directory.url("plain")) == nil)
    }

    @Test("An explicit policy path applies to every article, wherever it is")
    func explicitPath() throws {
        let directory = try TemporaryDirectory()
        try directory.write("desk/.copydesk.yml", "schema: 1\nrules:\n  quote-balance: note\n")
        let explicit = try directory.write("ci/policy.yml", "schema: 1\nrules:\n  quote-balance: warning\n")
        let resolver = PolicyResolver(loader: TestCatalogue.loader, explicitPolicyPath: explicit)
        for article in ["desk/a.md", "b.md", "elsewhere/c.txt"] {
            let policy = try resolver.policy(forArticleAt: directory.url(article))
            #expect(policy.sources == [explicit])
            #expect(policy.rules["quote-balance"]?.severity == .warning)
        }
        #expect(resolver.policyFile(forDirectory: directory.url("desk")) == explicit)
    }

    @Test("A broken policy file is an error for every article it governs")
    func brokenPolicy() throws {
        let directory = try TemporaryDirectory()
        let policyPath = try directory.write(".copydesk.yml", "schema: 1\nrules:\n  quote-balanse: error\n")
        let resolver = PolicyResolver(loader: TestCatalogue.loader, explicitPolicyPath: nil)
        for article in ["a.md", "sub/b.md"] {
            let error = policyError { () throws(PolicyError) in
                try resolver.policy(forArticleAt: directory.url(article))
            }
            #expect(error?.description == "\(policyPath):3:3: error: unknown rule 'quote-balanse' (did you mean 'quote-balance'?)")
        }
    }

    @Test("Concurrent lookups from many threads agree")
    func concurrentLookups() throws {
        let directory = try TemporaryDirectory()
        let desks = ["news", "sport", "culture", "opinion"]
        var expected: [String: String] = [:]
        for (index, desk) in desks.enumerated() {
            let severity = Severity.allCases[index % Severity.allCases.count].rawValue
            expected[desk] = try directory.write("\(desk)/.copydesk.yml", "schema: 1\nrules:\n  quote-balance: \(severity)\n")
        }
        let resolver = PolicyResolver(loader: TestCatalogue.loader, explicitPolicyPath: nil)
        let articles = (0..<400).map { desks[$0 % desks.count] + "/story-\($0 % 7)/article-\($0).md" }
        let results = ResultBox(count: articles.count)
        DispatchQueue.concurrentPerform(iterations: articles.count) { index in
            let sources = try? resolver.policy(forArticleAt: directory.url(articles[index])).sources
            results.set(index, sources?.first)
        }
        for (index, article) in articles.enumerated() {
            let desk = String(article.split(separator: "/")[0])
            #expect(results.get(index) == expected[desk])
        }
    }
}

/// Slots the concurrent test threads write into.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: String?) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
