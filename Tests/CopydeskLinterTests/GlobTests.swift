import CopydeskCore
import CopydeskLinter
import Testing

@Suite("Glob")
struct GlobTests {
    @Test("a star stays within one segment; a pattern with a slash is anchored")
    func starAndAnchoring() {
        let glob = Glob("news/*.md")
        #expect(glob.matches("news/today.md"))
        #expect(!glob.matches("news/2024/today.md"))
        #expect(!glob.matches("old/news/today.md"))
    }

    @Test("a pattern without a slash names a file or directory at any depth")
    func unanchored() {
        #expect(Glob("*.draft.md").matches("a.draft.md"))
        #expect(Glob("*.draft.md").matches("desk/sport/a.draft.md"))
        #expect(!Glob("*.draft.md").matches("desk/sport/a.md"))
        #expect(Glob("drafts").matches("desk/drafts/a.md"))
        #expect(!Glob("drafts").matches("desk/drafts-old/a.md"))
    }

    @Test("a double star matches any number of segments, none included")
    func doubleStar() {
        let glob = Glob("archive/**/old-*.md")
        #expect(glob.matches("archive/old-1.md"))
        #expect(glob.matches("archive/2019/05/old-2.md"))
        #expect(!glob.matches("archive/2019/new-2.md"))
        #expect(Glob("archive/**").matches("archive/2019/a.md"))
        #expect(!Glob("archive/**").matchesExactly("archive"))
        #expect(Glob("**/*.txt").matches("a.txt"))
        // Not a whole segment: the same as a single star.
        #expect(Glob("a**b.md").matches("axyzb.md"))
        #expect(!Glob("a**b.md").matches("ax/yb.md"))
    }

    @Test("a directory pattern excludes everything below it")
    func ancestors() {
        #expect(Glob("desk/archive").matches("desk/archive/2019/a.md"))
        #expect(Glob("desk/archive/").matches("desk/archive/a.md"))
        #expect(!Glob("desk/archive").matchesExactly("desk/archive/a.md"))
    }

    @Test("question marks and character classes match one character, never a slash")
    func questionAndClasses() {
        #expect(Glob("day-?.md").matches("day-1.md"))
        #expect(!Glob("day-?.md").matches("day-12.md"))
        #expect(Glob("day-?.md").matches("day-é.md"))
        #expect(Glob("a?b").matchesExactly("a?b"))
        #expect(!Glob("a?b").matchesExactly("a/b"))
        #expect(Glob("[ab].md").matches("a.md"))
        #expect(!Glob("[ab].md").matches("c.md"))
        #expect(Glob("day-[0-9].md").matches("day-7.md"))
        #expect(Glob("day-[!0-9].md").matches("day-x.md"))
        #expect(!Glob("day-[^0-9].md").matches("day-7.md"))
        #expect(Glob("[]x].md").matches("].md"))
        #expect(Glob("[é-ë].md").matches("ê.md"))
        // An unclosed bracket is an ordinary character.
        #expect(Glob("[a.md").matches("[a.md"))
    }

    @Test("escapes, leading ./ and leading / are accepted")
    func escapesAndPrefixes() {
        #expect(Glob(#"\*.md"#).matches("*.md"))
        #expect(!Glob(#"\*.md"#).matches("a.md"))
        #expect(Glob("./news/*.md").matches("news/a.md"))
        #expect(Glob("/news/*.md").matches("./news/a.md"))
    }
}
