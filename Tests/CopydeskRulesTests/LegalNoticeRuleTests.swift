import CopydeskCore
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules
import Foundation
import Testing

/// Lints `text` with only `legal-notice` (and the engine rules) on and the
/// given notices defined.
func lintNotices(_ text: String, _ notices: [Notice], format: InputFormat = .markdown) throws -> [Finding] {
    let policy = Policy(rules: ["legal-notice": RuleSetting(), "unused-suppression": RuleSetting(),
                                "suppression-without-reason": RuleSetting()],
                        notices: notices)
    let source = SourceText(path: format == .markdown ? "story.md" : "story.txt", string: text)
    return Linter.lint(source: source, format: format, ruleSet: try RuleRegistry.configure(policy)).file.findings
}

extension Finding {
    var place: String { "\(range.start.line):\(range.start.column)" }
}

@Suite("legal-notice")
struct LegalNoticeRuleTests {
    static let copyright = Notice(id: "wire-copyright", text: "© Example Wire. Used under licence; not for redistribution.",
                                  required: .always, placement: .end)
    static let twoParagraphs = Notice(
        id: "regional-warning",
        text: "Readers in Freedonia: this outlet is banned there.\n\nSharing this article may be an offence under Freedonian law.",
        required: .when([NoticeCondition(mentions: ["Freedonia"])]), placement: .end)

    func notice(_ placement: Notice.Placement, required: Notice.Requirement = .always,
                forbidden: [NoticeCondition] = [], caseSensitive: Bool = false) -> Notice {
        Notice(id: "house-note", text: "This story was checked by the standards desk.", caseSensitive: caseSensitive,
               required: required, placement: placement, forbiddenWhen: forbidden)
    }

    // MARK: Missing

    @Test("A missing notice is reported where it belongs, saying why it is required and where to add it",
          arguments: [
              (Notice.Placement.end, "9:31", "at the end of the article, after the paragraph that ends here"),
              (.anywhere, "9:31", "to the article, after the paragraph that ends here"),
              (.afterBody, "5:19", "after the body of the article, after the paragraph that ends here"),
              (.beforeBody, "3:1", "before the body of the article, after the headline and byline, above the paragraph that starts here"),
          ])
    func missing(placement: Notice.Placement, place: String, advice: String) throws {
        let text = """
            # Floods close the coast road

            The road closed.

            It reopens Friday.

            Mary Jones

            Mary Jones is a correspondent.
            """
        // Plain text, where the last two paragraphs are an author card.
        let findings = try lintNotices(text, [notice(placement)], format: .text)
        #expect(findings.map(\.place) == [place])
        let message = try #require(findings.first?.message)
        #expect(message.hasPrefix("Legal notice 'house-note' (“This story was checked by the standards desk.”) is missing: "
            + "it is required in every article. Add its approved text "))
        #expect(message.contains(advice))
        #expect(findings.first?.subject == "house-note")
        #expect(findings.first?.range.start == findings.first?.range.end)
    }

    @Test("A notice required by a mention names the term and its line; without the mention nothing is needed")
    func missingByMention() throws {
        let findings = try lintNotices("# Talks\n\nTalks with the neighbours.\n\nFreedonia's envoy left early.\n", [Self.twoParagraphs])
        #expect(findings.map(\.place) == ["5:30"])
        #expect(findings.first?.message.contains("required because the article mentions “Freedonia” (line 5)") == true)
        #expect(try lintNotices("# Talks\n\nTalks with the Freedonians stalled.\n", [Self.twoParagraphs]).isEmpty)
        #expect(try lintNotices("# Talks\n\nTalks with the neighbours stalled.\n", [Self.twoParagraphs]).isEmpty)
    }

    @Test("Among many notices, each kind of condition still makes its notice required, and only then")
    func requirementsAmongMany() throws {
        // Filler notices with conditions the articles below never meet.
        var notices = (0..<200).map { index in
            Notice(id: "filler-\(index)", text: "Filler notice number \(index) for the bench.",
                   required: .when([NoticeCondition(mentions: ["Zorvania\(index)"])]))
        }
        notices += [
            Notice(id: "by-mention", text: "Coverage of the canal is sponsored.", required: .when([NoticeCondition(mentions: ["canal"])])),
            Notice(id: "by-field", text: "This is opinion.", required: .when([NoticeCondition(frontMatter: [
                NoticeCondition.FieldTest(field: "section", match: .anyOf(["opinion"])),
            ])])),
            Notice(id: "by-wire", text: "Wire copy, used under licence.", required: .when([NoticeCondition(wire: ["Example Wire"])])),
            Notice(id: "by-pattern", text: "Figures are provisional.", required: .when([NoticeCondition(patterns: ["\\d+ per ?cent"])])),
            Notice(id: "always", text: "Corrections: email the desk.", required: .always),
        ]
        func missing(_ text: String) throws -> [String] {
            try lintNotices(text, notices).compactMap { finding in
                finding.message.hasPrefix("Legal notice '") ? String(finding.message.dropFirst(14).prefix { $0 != "'" }) : nil
            }.sorted()
        }
        #expect(try missing("# Quiet day\n\nNothing happened at all.\n") == ["always"])
        #expect(try missing("# Canal\n\nThe canal reopened, up 4 per cent.\n") == ["always", "by-mention", "by-pattern"])
        #expect(try missing("---\nsection: opinion\n---\n# View\n\nA view.\n") == ["always", "by-field"])
        #expect(try missing("# Storm\n\nBy Example Wire\n\nRain fell.\n") == ["always", "by-wire"])
        #expect(try missing("# Z\n\nZorvania17 voted.\n") == ["always", "filler-17"])
    }

    @Test("A notice that is never required is not missing, but is still checked where it appears")
    func neverRequired() throws {
        let optional = notice(.end, required: .never)
        #expect(try lintNotices("# Floods\n\nThe road closed.\n", [optional]).isEmpty)
        let altered = try lintNotices("# Floods\n\nThe road closed.\n\nThis story was checked by the news desk.\n", [optional])
        #expect(altered.map(\.place) == ["5:31"])
        #expect(altered.first?.message.contains("“standards” changed to “news”") == true)
    }

    @Test("A policy built in code with an unreadable pattern is an error when the rule is built")
    func badPatternInCode() {
        let notice = notice(.end, required: .when([NoticeCondition(patterns: ["(unclosed"])]))
        #expect(throws: RuleOptionError.self) {
            try RuleRegistry.configure(Policy(rules: ["legal-notice": RuleSetting()], notices: [notice]))
        }
    }

    @Test("No notices in the policy: the rule finds nothing")
    func noNotices() throws {
        #expect(try lintNotices("# Floods\n\nThe road closed.\n", []).isEmpty)
    }

    // MARK: Altered

    @Test("An altered notice is reported at its first change, naming every change")
    func altered() throws {
        let text = "# Floods\n\nThe road closed.\n\n© Example Wire. Used under licence; not for resale or reuse.\n"
        let findings = try lintNotices(text, [Self.copyright])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.place == "5:45")
        #expect(finding.range.end.column == 61)
        // The full stop both sides share is not part of the change.
        #expect(finding.message == "Legal notice 'wire-copyright' is not in its approved wording: “redistribution” changed to “resale or reuse”. "
            + "Restore the approved text, or have the policy updated if the new wording is approved.")
        #expect(finding.related.map(\.range.start.line) == [5])
    }

    @Test("Added and removed words are named as such")
    func addedAndRemoved() throws {
        let added = try lintNotices("# F\n\nBody.\n\n© Example Wire. Used under licence; strictly not for redistribution.\n", [Self.copyright])
        #expect(added.map(\.place) == ["5:37"])
        #expect(added.first?.message.contains("“strictly” added") == true)
        let removed = try lintNotices("# F\n\nBody.\n\n© Example Wire. Used under licence; for redistribution.\n", [Self.copyright])
        #expect(removed.map(\.place) == ["5:37"])
        #expect(removed.first?.message.contains("“not” removed") == true)
    }

    @Test("A passage too different from the notice is not the notice: the notice is missing")
    func tooDifferent() throws {
        let findings = try lintNotices("# F\n\nBody.\n\n© Example News. All rights reserved.\n", [Self.copyright])
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("is missing") == true)
    }

    @Test("Many changes are summed up after the first few")
    func manyChanges() throws {
        let tail = "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
        let notice = Notice(id: "long", text: "one two three four five six seven eight nine ten " + tail, required: .always)
        let findings = try lintNotices("# F\n\nBody.\n\none 2 three 4 five 6 seven 8 nine ten \(tail)\n", [notice])
        #expect(findings.first?.message.contains("“two” changed to “2”; “four” changed to “4”; “six” changed to “6”; “eight” changed to “8”.") == true)
        let more = try lintNotices("# F\n\nBody.\n\none 2 three 4 five 6 seven 8 nine 10 \(tail)\n", [notice])
        #expect(more.first?.message.contains("“eight” changed to “8”; and 1 more change.") == true)
    }

    // MARK: Normalisation

    @Test("Quotation marks, dashes, white space and case do not matter; punctuation does")
    func normalisation() throws {
        let styled = Notice(id: "desk-credit", text: "This story was produced by Example Wire’s “Local Desk” — all rights reserved.",
                            required: .always, placement: .end)
        for variant in [
            "This story was produced by Example Wire's \"Local Desk\" -- all rights reserved.",
            "THIS STORY WAS PRODUCED BY EXAMPLE WIRE’S “LOCAL DESK”—ALL RIGHTS RESERVED.",
            "This story was produced\nby Example Wire’s „Local Desk“ – all rights   reserved.",
        ] {
            #expect(try lintNotices("# F\n\nBody.\n\n\(variant)\n", [styled]).isEmpty, "\(variant)")
        }
        let punctuated = try lintNotices("# F\n\nBody.\n\nThis story was produced by Example Wire’s “Local Desk” — all rights reserved\n", [styled])
        #expect(punctuated.first?.message.contains("“reserved.” changed to “reserved”") == true)
    }

    @Test("A case-sensitive notice reports a change of case")
    func caseSensitive() throws {
        let strict = notice(.end, caseSensitive: true)
        #expect(try lintNotices("# F\n\nBody.\n\nThis story was checked by the standards desk.\n", [strict]).isEmpty)
        let findings = try lintNotices("# F\n\nBody.\n\nThis story was checked by the Standards Desk.\n", [strict])
        #expect(findings.first?.message.contains("“standards desk” changed to “Standards Desk”") == true)
        #expect(try lintNotices("# F\n\nBody.\n\nThis story was checked by the Standards Desk.\n", [notice(.end)]).isEmpty)
    }

    @Test("Markup around a notice does not matter: links, emphasis, entities")
    func markup() throws {
        let text = "# F\n\nBody.\n\n*This story was checked by the [standards desk](https://example.com/standards).*\n"
        #expect(try lintNotices(text, [notice(.end)]).isEmpty)
    }

    // MARK: Several paragraphs

    @Test("A notice of several paragraphs matches them as written, or run together into one")
    func multiParagraph() throws {
        let body = "# Talks\n\nTalks with Freedonia stalled.\n\n"
        #expect(try lintNotices(body + "Readers in Freedonia: this outlet is banned there.\n\n"
                                + "Sharing this article may be an offence under Freedonian law.\n", [Self.twoParagraphs]).isEmpty)
        #expect(try lintNotices(body + "Readers in Freedonia: this outlet is banned there. "
                                + "Sharing this article may be an offence under Freedonian law.\n", [Self.twoParagraphs]).isEmpty)
        let missingParagraph = try lintNotices(body + "Readers in Freedonia: this outlet is banned there.\n\n"
                                               + "Sharing this article may be an offence.\n", [Self.twoParagraphs])
        #expect(missingParagraph.map(\.place) == ["7:32"])
        #expect(missingParagraph.first?.message.contains("“offence under Freedonian law” changed to “offence”") == true)
    }

    @Test("A notice missing its last paragraph is altered, with the paragraph named as removed at the end of the passage")
    func lastParagraphRemoved() throws {
        let notice = Notice(id: "three", text: "First paragraph of the notice here.\n\nSecond paragraph of the notice here.\n\nClick here.",
                            required: .always, placement: .end)
        let findings = try lintNotices("# T\n\nBody.\n\nFirst paragraph of the notice here.\n\nSecond paragraph of the notice here.\n", [notice])
        #expect(findings.map(\.place) == ["7:37"])
        #expect(findings.first?.message.contains("“Click here.” removed") == true)
    }

    // MARK: Misplaced

    @Test("A notice out of its place is reported where it stands, with where it belongs as a related place")
    func misplaced() throws {
        let end = try lintNotices("# F\n\nThe road closed.\n\n© Example Wire. Used under licence; not for redistribution.\n\nIt reopens Friday.\n",
                                  [Self.copyright])
        #expect(end.map(\.place) == ["5:1"])
        #expect(end.first?.message == "Legal notice 'wire-copyright' must stand at the end of the article, but the article goes on after it "
            + "(to line 7). Move it after the article's last paragraph.")
        #expect(end.first?.related.map(\.range.start.line) == [7])

        let before = try lintNotices("# F\n\nThe road closed.\n\nThis story was checked by the standards desk.\n\nIt reopens Friday.\n",
                                     [notice(.beforeBody)])
        #expect(before.map(\.place) == ["5:1"])
        #expect(before.first?.message.contains("must stand before the body of the article, but the body starts earlier (at line 3)") == true)
        #expect(before.first?.related.map(\.range.start.line) == [3])

        let after = try lintNotices("# F\n\nThis story was checked by the standards desk.\n\nThe road closed.\n", [notice(.afterBody)])
        #expect(after.map(\.place) == ["3:1"])
        #expect(after.first?.related.map(\.range.start.line) == [5])
    }

    @Test("In place: notices may follow each other at the end, author cards may follow a notice after the body")
    func inPlace() throws {
        let bothAtEnd = "# F\n\nThe road closed.\n\nThis story was checked by the standards desk.\n\n"
            + "© Example Wire. Used under licence; not for redistribution.\n"
        #expect(try lintNotices(bothAtEnd, [notice(.end), Self.copyright]).isEmpty)
        let cardAfter = "# F\n\nThe road closed.\n\nThis story was checked by the standards desk.\n\nMary Jones\n\nMary Jones is a correspondent.\n"
        #expect(try lintNotices(cardAfter, [notice(.afterBody)], format: .text).isEmpty)
        let cardAfterEnd = try lintNotices(cardAfter, [notice(.end)], format: .text)
        #expect(cardAfterEnd.map(\.place) == ["5:1"])
        let beforeBody = "# F\n\nThis story was checked by the standards desk.\n\nThe road closed.\n"
        #expect(try lintNotices(beforeBody, [notice(.beforeBody)]).isEmpty)
        #expect(try lintNotices(beforeBody, [notice(.anywhere)]).isEmpty)
    }

    // MARK: Duplicated

    @Test("A second copy is reported, with the first as a related place")
    func duplicated() throws {
        let copy = "© Example Wire. Used under licence; not for redistribution."
        let findings = try lintNotices("# F\n\nBody.\n\n\(copy)\n\n\(copy)\n", [Self.copyright])
        #expect(findings.map(\.place) == ["7:1"])
        #expect(findings.first?.message == "Legal notice 'wire-copyright' appears again here; it already stands at line 5. Remove this copy.")
        #expect(findings.first?.related.map(\.range.start.line) == [5])

        let alteredCopy = try lintNotices("# F\n\nBody.\n\n\(copy)\n\n© Example Wire. Used under licence; not for resale.\n",
                                          [Self.copyright])
        #expect(alteredCopy.map(\.place) == ["7:1"])
        #expect(alteredCopy.first?.message.contains("(and this copy's wording differs from the approved text)") == true)
    }

    @Test("The verbatim copy is the notice; an altered copy before it is the duplicate")
    func exactCopyWins() throws {
        let copy = "© Example Wire. Used under licence; not for redistribution."
        let findings = try lintNotices("# F\n\nBody.\n\n© Example Wire. Used under licence; not for resale.\n\n\(copy)\n", [Self.copyright])
        #expect(findings.map(\.place) == ["5:1"])
        #expect(findings.first?.message.contains("appears again here") == true)
    }

    // MARK: Forbidden

    @Test("A forbidden notice is reported where it stands, naming the condition; forbidden wins over required")
    func forbidden() throws {
        let sponsored = Notice(
            id: "sponsored-content", text: "Sponsored content: paid for by an advertiser.",
            required: .when([NoticeCondition(frontMatter: [.init(field: "section", match: .anyOf(["sponsored"]))])]),
            placement: .beforeBody,
            forbiddenWhen: [NoticeCondition(frontMatter: [.init(field: "section", match: .noneOf(["sponsored"]))])])
        let news = "---\nsection: News\n---\n# Budget\n\nSponsored content: paid for by an advertiser.\n\nThe council voted.\n"
        let findings = try lintNotices(news, [sponsored])
        #expect(findings.map(\.place) == ["6:1"])
        #expect(findings.first?.message == "Legal notice 'sponsored-content' must not appear in this article: its front matter gives "
            + "section “News”, none of sponsored. Remove it.")
        #expect(try lintNotices("---\nsection: sponsored\n---\n# Gardens\n\nSponsored content: paid for by an advertiser.\n\nThe first garden.\n",
                                [sponsored]).isEmpty)
        // Without a section, neither the list nor `not` holds.
        #expect(try lintNotices("# Gardens\n\nSponsored content: paid for by an advertiser.\n\nThe first garden.\n", [sponsored]).isEmpty)

        let both = notice(.end, required: .always, forbidden: [NoticeCondition(mentions: ["Freedonia"])])
        #expect(try lintNotices("# F\n\nFreedonia votes.\n", [both]).isEmpty)
        let present = try lintNotices("# F\n\nFreedonia votes.\n\nThis story was checked by the standards desk.\n", [both])
        #expect(present.first?.message.contains("must not appear in this article: the article mentions “Freedonia” (line 3)") == true)
    }

    // MARK: Conditions

    @Test("Mentions are whole words in any case; the notice's own words do not count")
    func mentions() throws {
        let notice = Self.twoParagraphs
        #expect(try lintNotices("# T\n\nThe FREEDONIA desk.\n", [notice]).count == 1)
        #expect(try lintNotices("# T\n\nFreedonians voted.\n", [notice]).isEmpty)
        // An altered copy alone does not make the notice required by its own words, but it is still reported as altered.
        let alone = try lintNotices("# T\n\nTalks stalled.\n\nReaders in Freedonia: this outlet is banned there.\n\n"
                                    + "Sharing this story may be an offence under Freedonian law.\n", [notice])
        #expect(alone.count == 1)
        #expect(alone.first?.message.contains("“article” changed to “story”") == true)
    }

    @Test("Patterns are regular expressions matched in each paragraph")
    func patterns() throws {
        let notice = notice(.end, required: .when([NoticeCondition(patterns: ["(?i)\\bcase no\\. \\d+"])]))
        let findings = try lintNotices("# F\n\nThe court heard Case No. 1234 today.\n", [notice])
        #expect(findings.first?.message.contains("because the article matches the pattern ‘(?i)\\bcase no\\. \\d+’ (“Case No. 1234”, line 3)") == true)
        #expect(try lintNotices("# F\n\nThe court heard the case today.\n", [notice]).isEmpty)
    }

    @Test("Every part of a condition must hold; any condition of a list may")
    func conjunctionAndDisjunction() throws {
        let both = notice(.end, required: .when([NoticeCondition(
            mentions: ["Freedonia"], frontMatter: [.init(field: "region", match: .anyOf(["east"]))])]))
        #expect(try lintNotices("---\nregion: east\n---\n# F\n\nFreedonia votes.\n", [both]).count == 1)
        #expect(try lintNotices("---\nregion: west\n---\n# F\n\nFreedonia votes.\n", [both]).isEmpty)
        #expect(try lintNotices("---\nregion: east\n---\n# F\n\nSylvania votes.\n", [both]).isEmpty)
        let either = notice(.end, required: .when([NoticeCondition(mentions: ["Freedonia"]),
                                                   NoticeCondition(frontMatter: [.init(field: "tags", match: .anyOf(["east"]))])]))
        #expect(try lintNotices("---\ntags: [sport, East]\n---\n# F\n\nSylvania votes.\n", [either]).first?.message
            .contains("because its front matter gives tags “East”") == true)
    }

    @Test("A wire service is credited by a byline field in front matter or a dateline, not by a mention")
    func wire() throws {
        let wire = notice(.end, required: .when([NoticeCondition(wire: ["AP", "Reuters"])]))
        let byline = try lintNotices("---\nauthor: Jane Doe, Reuters\n---\n# F\n\nThe road closed.\n", [wire])
        #expect(byline.first?.message.contains("because the byline or dateline credits “Reuters”") == true)
        #expect(try lintNotices("# F\n\nWASHINGTON (AP) — The road closed.\n", [wire]).count == 1)
        #expect(try lintNotices("# F\n\nReuters reported that the road closed.\n", [wire]).isEmpty)
        #expect(try lintNotices("---\nauthor: Jane Doe\n---\n# F\n\nThe road closed.\n", [wire]).isEmpty)
    }

    // MARK: The example article

    static let articlePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/articles/rferl-obama-putin-meeting.txt").standardized.path

    /// The article's lines, and a policy requiring its closing notice (lines
    /// 54 to 58, read from the article: its text is not copied here) when an
    /// article mentions Russia.
    static func exampleArticle() throws -> (lines: [String], notice: Notice) {
        let text = try String(contentsOfFile: articlePath, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let notice = Notice(id: "rferl-warning", text: lines[53...57].joined(separator: "\n"),
                            required: .when([NoticeCondition(mentions: ["Russia"])]), placement: .end)
        return (lines, notice)
    }

    static let articleExists = FileManager.default.fileExists(atPath: articlePath)

    @Test("The example article carries its notice verbatim", .enabled(if: articleExists, "../shared is not here"),
          arguments: ["\n", "\r\n"])
    func exampleArticleVerbatim(lineBreak: String) throws {
        let (lines, notice) = try Self.exampleArticle()
        #expect(notice.paragraphs.count == 3)
        #expect(try lintNotices(lines.joined(separator: lineBreak), [notice], format: .text).isEmpty)
    }

    @Test("One word of the notice changed is reported at line 54, naming the change",
          .enabled(if: articleExists, "../shared is not here"), arguments: ["\n", "\r\n"])
    func exampleArticleOneWordChanged(lineBreak: String) throws {
        var (lines, notice) = try Self.exampleArticle()
        var words = lines[53].components(separatedBy: " ")
        let original = words[3]
        words[3] = "named"
        lines[53] = words.joined(separator: " ")
        let findings = try lintNotices(lines.joined(separator: lineBreak), [notice], format: .text)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        let column = words[..<3].joined(separator: " ").count + 2
        #expect(finding.place == "54:\(column)")
        #expect(finding.message.contains("“\(original)” changed to “named”"))
    }

    @Test("Without its notice the example article is reported as missing it",
          .enabled(if: articleExists, "../shared is not here"), arguments: ["\n", "\r\n"])
    func exampleArticleWithoutNotice(lineBreak: String) throws {
        let (lines, notice) = try Self.exampleArticle()
        let findings = try lintNotices(lines[..<52].joined(separator: lineBreak), [notice], format: .text)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.message.contains("is missing: it is required because the article mentions “Russia”"))
        #expect(finding.range.start.line == 52)
    }
}

@Suite("legal-notice on hostile patterns")
struct LegalNoticeSlowPatternTests {
    @Test("A pattern that passes the policy check but backtracks for too long is given up and reported")
    func slowPattern() throws {
        // Polynomial backtracking of high degree: no nested repetition for
        // the policy check to refuse, and far too slow on 200 a's.
        let pattern = "a*a*a*a*a*a*a*a*a*b"
        let notice = Notice(id: "house-note", text: "This story was checked by the standards desk.",
                            required: .when([NoticeCondition(patterns: [pattern])]), placement: .end)
        // Many such paragraphs: the pattern is given up once, not once per paragraph.
        let paragraph = String(repeating: "a", count: 200) + "\n\n"
        let findings = try lintNotices("# F\n\n" + String(repeating: paragraph, count: 40), [notice])
        #expect(findings.count == 1)
        #expect(findings.first?.message.hasPrefix("The policy's pattern ‘a*a*a*a*a*a*a*a*a*b’ took more than 250 ms") == true)
        #expect(findings.first?.place == "3:1")
    }
}

/// A policy with many notices compares an article only with the notices
/// whose signature words it holds; that must never lose a finding.
@Suite("legal-notice with many notices")
struct ManyNoticesTests {
    /// Notices built from a shared frame of common words, each with a few
    /// words of its own, as a house's regional and syndication notes are.
    static func crowd(_ count: Int) -> [Notice] {
        let places = ["Ardenne", "Brisca", "Calder", "Dunmore", "Elsworth", "Farrow", "Glenna", "Hollin"]
        return (0..<count).map { index in
            let place = places[index % places.count]
            return Notice(id: "note-\(index)",
                          text: "Readers in \(place) district \(index) should know this report may be restricted there.",
                          required: .never, placement: .anywhere)
        }
    }

    static let article = """
        # Harbour works begin

        Work on the new harbour wall began on Monday, the port authority said.

        Readers in Calder district 2 should know this report is restricted there by order.

        © Example Wire. Used under licence; not for redistribution in any form.
        """

    @Test("An altered notice among hundreds is reported exactly as when it is alone")
    func alteredNoticeAmongMany() throws {
        let alone = try lintNotices(Self.article, [LegalNoticeRuleTests.copyright] + [Self.crowd(3)[2]])
        let crowded = try lintNotices(Self.article, [LegalNoticeRuleTests.copyright] + Self.crowd(400))
        #expect(alone.map(\.message) == crowded.map(\.message))
        #expect(alone.map(\.place) == crowded.map(\.place))
        #expect(crowded.count == 2)
        #expect(crowded.contains { $0.subject == "note-2" && $0.message.contains("not in its approved wording") })
        #expect(crowded.contains { $0.subject == "wire-copyright" && $0.message.contains("not in its approved wording") })
    }

    @Test("A notice made only of common words is still compared")
    func noticeOfCommonWordsOnly() throws {
        let plain = Notice(id: "plain", text: "This is not for you and it was not said by us.", required: .always, placement: .end)
        let text = "# Note\n\nA short story about the sea and the boats.\n\nThis is not for you and it was not said by them.\n"
        let findings = try lintNotices(text, [plain] + Self.crowd(50))
        #expect(findings.map(\.subject) == ["plain"])
        #expect(findings.first?.message.contains("“us” changed to “them”") == true)
    }
}

@Suite("legal-notice and duplicate-paragraph")
struct RepeatedNoticeTests {
    /// Lints with both rules on, as the default policy has them.
    func lint(_ text: String, notices: [Notice]) throws -> [Finding] {
        let policy = Policy(rules: ["legal-notice": RuleSetting(), "duplicate-paragraph": RuleSetting()], notices: notices)
        let source = SourceText(path: "story.md", string: text)
        return Linter.lint(source: source, format: .markdown, ruleSet: try RuleRegistry.configure(policy)).file.findings
    }

    static let article = """
        # Ferry service resumes after the winter storms

        The harbour ferry made its first crossing in three weeks on Monday morning.

        *This article was produced with support from the Coastal Fund, which had no say over its content.*

        Crews replaced two damaged pontoons before the service could restart.

        *This article was produced with support from the Coastal Fund, which had no say over its content.*
        """

    @Test("A policy notice pasted twice is one finding, legal-notice's duplicate, not also a duplicate paragraph")
    func noticePastedTwice() throws {
        let notice = Notice(id: "funding", text: "This article was produced with support from the Coastal Fund, which had no say over its content.",
                            required: .always, placement: .anywhere)
        let findings = try lint(Self.article, notices: [notice])
        #expect(findings.map(\.ruleID) == ["legal-notice"])
        #expect(findings.first?.range.start.line == 9)
        #expect(findings.first?.message.contains("funding") == true)
    }

    @Test("Without the notice in the policy, the same repeated paragraph is a duplicate paragraph")
    func ordinaryRepeat() throws {
        let findings = try lint(Self.article, notices: [])
        #expect(findings.map(\.ruleID) == ["duplicate-paragraph"])
        #expect(findings.first?.range.start.line == 9)
    }
}
