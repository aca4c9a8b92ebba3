import Testing
@testable import CopydeskCore

@Suite("Many globs matched as one")
struct GlobSetTests {
    static let globs = [
        "drafts/**", "archive", "*.draft.md", "news/2019/a.md", "notes.md", "**/tmp/*", "b?d.md", "[ab]*.txt",
        "world/**/*.html", "/rooted.md", "./dot/**", "x/", "*", "**", "*.md", "sport/*/live.md", "deep/er/**",
        "caf\u{e9}.md", "*\u{e9}.md", "a\\*b.md", "", "**/", "/", ".hidden",
    ]

    static let paths = [
        "drafts/a.md", "drafts", "drafts/", "news/drafts/a.md", "archive", "archive/2019/x.md", "old/archive/y.md",
        "story.draft.md", "news/story.draft.md", ".draft.md", "news/2019/a.md", "news/2019/a.md/extra", "notes.md",
        "desk/notes.md", "a/tmp/b.md", "tmp/b.md", "bad.md", "bid.md", "apple.txt", "zebra.txt",
        "world/europe/x.html", "world/x.html", "rooted.md", "dot/a.md", "./dot/a.md", "x", "x/y", "plain.md",
        "sport/football/live.md", "sport/live.md", "deep/er/z", "deep/er", "caf\u{e9}.md", "d\u{e9}j\u{e0}/caf\u{e9}.md",
        "a*b.md", "a/b", "a//b", "/abs/notes.md", "/notes.md", "", ".hidden", "x/.hidden/y",
    ]

    @Test("Each glob alone: the set answers as the glob does", arguments: globs)
    func eachGlobAlone(pattern: String) {
        let glob = Glob(pattern)
        let set = GlobSet([glob])
        for path in Self.paths {
            #expect(set.matches(path) == glob.matches(path), "glob \(pattern) on \(path)")
        }
    }

    @Test("Every subset of a sample: the set answers as trying every glob does")
    func subsets() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let chosen = Self.globs.filter { _ in Bool.random(using: &generator) }.map(Glob.init)
            let set = GlobSet(chosen)
            for path in Self.paths {
                #expect(set.matches(path) == chosen.contains { $0.matches(path) }, "\(chosen) on \(path)")
            }
        }
    }

    @Test("Ten thousand literal paths still match by lookup")
    func manyPaths() {
        let globs = (0..<10_000).map { Glob("archive/\($0 / 100)/story-\($0).md") } + [Glob("*.tmp")]
        let set = GlobSet(globs)
        #expect(set.matches("archive/42/story-4217.md"))
        #expect(set.matches("archive/42/story-4217.md.tmp"))
        #expect(!set.matches("archive/42/story-4300.md"))
        #expect(!GlobSet([]).matches("anything.md"))
    }
}
