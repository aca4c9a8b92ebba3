import CopydeskCore
import Foundation
import Testing

/// Every place that lists the extensions copydesk reads says the same as
/// `InputFormat.extensions`, the one list discovery goes by.
struct ExtensionListTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.txt`, `.md`…: the extensions written in backticks in `text`.
    static func backtickedExtensions(in text: some StringProtocol) -> Set<String> {
        var found: Set<String> = []
        for piece in text.split(separator: "`").enumerated() where piece.offset % 2 == 1 {
            let word = piece.element
            if word.hasPrefix("."), word.dropFirst().allSatisfy({ $0.isLetter }) { found.insert(String(word.dropFirst())) }
        }
        return found
    }

    @Test("Every extension maps to its format, in any letter case, and nothing else does")
    func discoveryFollowsTheList() {
        for (name, format) in InputFormat.extensions {
            #expect(InputFormat.forPath("story." + name) == format)
            #expect(InputFormat.forPath("dir.x/STORY." + name.uppercased()) == format)
        }
        #expect(InputFormat.forPath("story.mdx") == nil)
        #expect(InputFormat.forPath("dir.md/story") == nil)
        #expect(InputFormat.extensionList == ".txt, .text, .md, .markdown, .mdown, .mkd, .html, .htm, .xhtml")
    }

    @Test("README's Input formats section names exactly the extensions copydesk reads")
    func readmeAgrees() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Input formats"))
        let paragraph = readme[section.upperBound...].split(separator: "\n\n", omittingEmptySubsequences: true).first ?? ""
        #expect(Self.backtickedExtensions(in: paragraph) == Set(InputFormat.extensions.map(\.name)))
    }

    @Test("lint --help and the unknown-type error list every extension", .enabled(if: builtCopydeskBinary != nil))
    func helpAndErrorAgree() throws {
        let directory = try TemporaryDirectory()
        try directory.write("notes.mdx", "# Notes\n")
        let help = try runCopydesk(["lint", "--help"], in: directory.path)
        let flattened = help.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flattened.contains("searched for " + InputFormat.extensionList + " files"))
        let unknown = try runCopydesk(["lint", "notes.mdx"], in: directory.path)
        #expect(unknown.status == 2)
        #expect(unknown.standardOutput.contains("notes.mdx: error: not a known article type (copydesk reads "
                                                + InputFormat.extensionList + ")"))
    }
}
