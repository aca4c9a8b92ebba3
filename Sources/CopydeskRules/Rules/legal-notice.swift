import CopydeskCore
import CopydeskPolicy
import Foundation

/// legal-notice: the legal notices the policy requires stand in the article,
/// word for word, once, in their place; forbidden ones do not appear.
public struct LegalNoticeRule: Rule {
    static let exampleCopyright = Notice(
        id: "wire-copyright", text: "© Example Wire. Used under licence; not for redistribution.",
        required: .always, placement: .end)
    static let exampleStyledCopyright = Notice(
        id: "desk-credit", text: "This story was produced by Example Wire’s “Local Desk” — all rights reserved.",
        required: .always, placement: .end)
    static let exampleRegional = Notice(
        id: "regional-warning",
        text: "Readers in Freedonia: this outlet is banned there.\n\nSharing this article may be an offence under Freedonian law.",
        required: .when([NoticeCondition(mentions: ["Freedonia", "Freedonian"])]), placement: .end)
    static let exampleSponsored = Notice(
        id: "sponsored-content", text: "Sponsored content: paid for by an advertiser, not produced by the newsroom.",
        required: .when([NoticeCondition(frontMatter: [.init(field: "section", match: .anyOf(["sponsored"]))])]),
        placement: .beforeBody,
        forbiddenWhen: [NoticeCondition(frontMatter: [.init(field: "desk", match: .anyOf(["news"]))])])

    public static let description = RuleDescription(
        id: "legal-notice",
        summary: "Required legal notices must appear word for word, once, in their place.",
        rationale: """
            Some notices carry legal weight: the copyright line wire copy is licensed under, a \
            correction, a sponsored-content disclosure, a warning to readers in a country where the \
            outlet is banned. A notice that is left out, reworded, moved or repeated can break a \
            licence or a law, and one that appears where it does not apply misleads readers. The \
            house policy defines each notice under `notices:` (see docs/policies.md): its approved \
            text, when it is required, where it must stand and when it is forbidden. This rule checks \
            only the notices the policy defines; the default policy defines none.

            A notice is found by comparing words: white space, curly and straight quotation marks \
            and the kinds of dash do not matter, nor letter case unless the notice is \
            `case-sensitive`; punctuation does. The notice is looked for in whole paragraphs (one or \
            several in a row). A passage that is close to the approved text but not equal is reported \
            with the words changed, added and removed; a required notice that is not there is \
            reported where it belongs. Copies after the first are reported as duplicates; a notice \
            outside its place (end of the article, after the body, before the body) as misplaced; a \
            notice whose `forbidden-when` condition holds as forbidden.

            An article that may go without a notice says so in its front matter, with the reason: \
            `copydesk: {waive: {NOTICE-ID: reason}}`. The findings for that notice are then kept as \
            suppressed, with the reason as their justification.
            """,
        defaultSeverity: .error,
        options: [
            OptionSpec("notices", .legalNotices, default: .list([]),
                       "The notices to check, written in the policy's top-level `notices:` section (docs/policies.md); "
                           + "a notice defined again under the same id in a policy that extends another replaces it.",
                       source: .policySection),
        ],
        triggering: [
            RuleExample("# Floods close the coast road\n\nThe road closed on Tuesday after the river rose.\n\n"
                            + "Crews expect to reopen it by Friday.↓\n",
                        options: ["notices": Notice.optionValue([exampleCopyright])]),
            RuleExample("# Floods close the coast road\n\nThe road closed on Tuesday.\n\n"
                            + "© Example Wire. Used under licence; not for ↓resale.\n",
                        options: ["notices": Notice.optionValue([exampleCopyright])]),
            RuleExample("# Floods close the coast road\n\n↓© Example Wire. Used under licence; not for redistribution.\n\n"
                            + "The road closed on Tuesday.\n",
                        options: ["notices": Notice.optionValue([exampleCopyright])]),
            RuleExample("# Floods close the coast road\n\nThe road closed on Tuesday.\n\n"
                            + "© Example Wire. Used under licence; not for redistribution.\n\n"
                            + "↓© Example Wire. Used under licence; not for redistribution.\n",
                        options: ["notices": Notice.optionValue([exampleCopyright])]),
            RuleExample("---\ndesk: news\n---\n# Council approves the budget\n\n"
                            + "↓Sponsored content: paid for by an advertiser, not produced by the newsroom.\n\n"
                            + "The council approved the budget on Monday.\n",
                        options: ["notices": Notice.optionValue([exampleSponsored])]),
            RuleExample("# Border talks stall\n\nTalks with Freedonia stalled on Monday.\n\nBoth sides will meet again in May.↓\n",
                        options: ["notices": Notice.optionValue([exampleRegional])]),
            RuleExample("# Border talks stall\n\nTalks with Freedonia stalled.\n\nReaders in Freedonia: this outlet is banned there.\n\n"
                            + "Sharing this ↓story may be an offence under Freedonian law.\n",
                        options: ["notices": Notice.optionValue([exampleRegional])]),
        ],
        nonTriggering: [
            RuleExample("# Floods close the coast road\n\nThe road closed on Tuesday.\n\n"
                            + "© Example Wire. Used under licence; not for redistribution.\n",
                        options: ["notices": Notice.optionValue([exampleCopyright])]),
            RuleExample("# Floods close the coast road\n\nThe road closed on Tuesday.\n\n"
                            + "this story was produced by Example Wire's \"Local Desk\" --\nall rights reserved.\n",
                        options: ["notices": Notice.optionValue([exampleStyledCopyright])]),
            RuleExample("# Border talks stall\n\nTalks with the neighbours stalled on Monday.\n",
                        options: ["notices": Notice.optionValue([exampleRegional])]),
            RuleExample("# Border talks stall\n\nTalks with Freedonia stalled.\n\nReaders in Freedonia: this outlet is banned there.\n\n"
                            + "Sharing this article may be an offence under Freedonian law.\n",
                        options: ["notices": Notice.optionValue([exampleRegional])]),
            RuleExample("---\nsection: sponsored\n---\n# Ten gardens to visit this spring\n\n"
                            + "Sponsored content: paid for by an advertiser, not produced by the newsroom.\n\n"
                            + "The first garden is by the river.\n",
                        options: ["notices": Notice.optionValue([exampleSponsored])]),
            RuleExample("---\ncopydesk:\n  waive:\n    wire-copyright: syndicated under the partner agreement, which waives the line\n"
                            + "---\n# Floods close the coast road\n\nThe road closed on Tuesday.\n",
                        options: ["notices": Notice.optionValue([exampleCopyright])]),
        ])

    /// Word-sequence similarity (2·common / total words) from which a
    /// passage counts as the notice with its wording changed. One changed
    /// word in ten leaves 0.9; an unrelated paragraph that shares the common
    /// words of a notice stays near 0.4.
    static let alteredThreshold = 0.7
    /// At most this many changes are spelt out in a message.
    static let changesNamed = 4

    let notices: [CompiledNotice]
    /// Per letter-case mode, which notices an article may hold at all.
    let signatures: [Bool: NoticeSignatures]
    /// Every `mentions` term of every condition, in one automaton.
    let mentionMatcher: PhraseMatcher
    /// Every `wire` name as written (for bylines and front matter), then the
    /// same names in parentheses (for datelines: "LONDON (Reuters) -").
    let wireMatcher: PhraseMatcher
    let wireNames: [String]
    /// Which notices an article can require, by what would make them
    /// required, so an article is not asked about each of a thousand.
    let triggers: RequirementTriggers

    public struct Configuration: RuleConfiguration, Hashable {
        public var notices: [Notice]
    }

    public init(configuration: Configuration) throws {
        try self.init(compiling: configuration.notices)
    }

    private init(mentionMatcher: PhraseMatcher, wireMatcher: PhraseMatcher, wireNames: [String], notices: [CompiledNotice]) {
        self.mentionMatcher = mentionMatcher
        self.wireMatcher = wireMatcher
        self.wireNames = wireNames
        self.notices = notices
        var signatures: [Bool: NoticeSignatures] = [:]
        for caseSensitive in [false, true] where notices.contains(where: { $0.notice.caseSensitive == caseSensitive }) {
            signatures[caseSensitive] = NoticeSignatures(notices: notices, caseSensitive: caseSensitive,
                                                         threshold: Self.alteredThreshold)
        }
        self.signatures = signatures
        self.triggers = RequirementTriggers(notices)
    }

    init(compiling notices: [Notice]) throws {
        var mentionTerms: [String] = []
        var mentionIndex: [String: Int] = [:]
        var wireNames: [String] = []
        var wireIndex: [String: Int] = [:]
        func index(of term: String, in terms: inout [String], _ indices: inout [String: Int]) -> Int {
            let key = term.lowercased()
            if let index = indices[key] { return index }
            indices[key] = terms.count
            terms.append(term)
            return terms.count - 1
        }
        // The policy loader has checked every pattern; a policy built in
        // code has not, so a bad one is still an error here.
        func compile(_ condition: NoticeCondition, of notice: Notice) throws -> CompiledCondition {
            var patterns: [CompiledPattern] = []
            for pattern in condition.patterns {
                if let problem = PatternSafety.problem(in: pattern) {
                    throw RuleOptionError(ruleID: Self.description.id, option: "notices",
                                          message: "notice '\(notice.id)': '\(pattern)' could take exponential time: \(problem)")
                }
                do {
                    patterns.append(CompiledPattern(text: pattern, expression: try NSRegularExpression(pattern: pattern)))
                } catch {
                    throw RuleOptionError(ruleID: Self.description.id, option: "notices",
                                          message: "notice '\(notice.id)': '\(pattern)' is not a valid regular expression")
                }
            }
            return CompiledCondition(
                mentions: condition.mentions.map { index(of: $0, in: &mentionTerms, &mentionIndex) },
                patterns: patterns,
                frontMatter: condition.frontMatter,
                wire: condition.wire.map { index(of: $0, in: &wireNames, &wireIndex) })
        }
        var compiled: [CompiledNotice] = []
        for notice in notices {
            let required: CompiledNotice.Requirement
            switch notice.required {
            case .always: required = .always
            case .never: required = .never
            case .when(let conditions): required = .when(try conditions.map { try compile($0, of: notice) })
            }
            compiled.append(CompiledNotice(notice: notice, required: required,
                                           forbidden: try notice.forbiddenWhen.map { try compile($0, of: notice) }))
        }
        self.init(mentionMatcher: PhraseMatcher(mentionTerms, wholeWords: true),
                  wireMatcher: PhraseMatcher(wireNames + wireNames.map { "(\($0))" }, wholeWords: true),
                  wireNames: wireNames, notices: compiled)
    }

    public func check(_ document: Document) -> [Violation] {
        guard !notices.isEmpty else { return [] }
        var article = ArticleWords(document: document, notices: notices, signatures: signatures)
        var occurrences: [[Occurrence]] = []
        for index in notices.indices {
            // Most notices of a long list share no signature word with a
            // given article; they are settled without a look at its words.
            occurrences.append(article.mayHold(notice: index) ? find(notice: index, in: &article) : [])
        }
        var noticeBlocks = Set(document.blocks.indices.filter { document.blocks[$0].kind == .notice })
        for found in occurrences {
            for occurrence in found { noticeBlocks.formUnion(occurrence.blocks) }
        }
        let layout = Layout(document: document, noticeBlocks: noticeBlocks)
        var facts = ArticleFacts(rule: self, document: document, noticeBlocks: noticeBlocks)
        var violations: [Violation] = []
        // A notice the article does not hold raises something only when it
        // is required; only those its triggers name can be.
        var candidates = triggers.notices(for: &facts)
        for (index, found) in occurrences.enumerated() where !found.isEmpty { candidates.insert(index) }
        for index in candidates.sorted() {
            violations += check(notices[index], found: occurrences[index], article: article, layout: layout, facts: &facts)
        }
        for slow in facts.slowPatterns {
            violations.append(Violation(
                message: "The policy's pattern ‘\(slow.pattern)’ took more than \(ArticleFacts.patternTimeLimit / 1_000_000) ms "
                    + "on this paragraph and was given up, so the paragraph counts as not matching it. Simplify the "
                    + "pattern in the policy: it backtracks too much to finish.",
                range: document.range(of: 0..<0, in: slow.block)))
        }
        return violations
    }

    // MARK: - One notice

    private func check(_ compiled: CompiledNotice, found: [Occurrence], article: ArticleWords, layout: Layout,
                       facts: inout ArticleFacts) -> [Violation] {
        let notice = compiled.notice
        let document = article.document
        if !found.isEmpty, let reason = facts.firstHolding(compiled.forbidden) {
            return found.map { occurrence in
                Violation(message: "Legal notice '\(notice.id)' must not appear in this article: \(reason). Remove it"
                            + "\(Self.definedAt(notice)).",
                          range: occurrence.range(in: document), subject: notice.id)
            }
        }
        guard let primary = found.first(where: \.isExact) ?? found.first else {
            // Where the notice is forbidden it is not required either.
            guard let reason = facts.requirement(compiled.required), facts.firstHolding(compiled.forbidden) == nil else {
                return []
            }
            let place = layout.missingPlace(for: notice.placement)
            let excerpt = Self.excerpt(notice.paragraphs.first ?? notice.text, words: 8)
            return [Violation(
                message: "Legal notice '\(notice.id)' (“\(excerpt)”) is missing: it is required \(reason). "
                    + "Add its approved text\(Self.definedAt(notice)) \(Self.where(notice.placement, place: place)).",
                range: Self.insertionPoint(place, in: document),
                subject: notice.id)]
        }
        var violations: [Violation] = []
        if !primary.isExact {
            violations.append(altered(compiled, primary, article: article))
        }
        if let misplaced = misplaced(notice, primary, layout: layout, document: document) {
            violations.append(misplaced)
        }
        let firstRange = primary.range(in: document)
        for occurrence in found where occurrence.blocks != primary.blocks {
            let differs = occurrence.isExact ? "" : " (and this copy's wording differs from the approved text)"
            violations.append(Violation(
                message: "Legal notice '\(notice.id)' appears again here\(differs); it already stands at line "
                    + "\(firstRange.start.line). Remove this copy.",
                range: occurrence.range(in: document),
                related: [RelatedLocation(range: firstRange, message: "the notice '\(notice.id)' already stands here")],
                subject: notice.id))
        }
        return violations
    }

    private func altered(_ compiled: CompiledNotice, _ occurrence: Occurrence, article: ArticleWords) -> Violation {
        let notice = compiled.notice
        let found = article.words(occurrence)
        let changes = WordDiff.changes(expected: compiled.keys(caseSensitive: notice.caseSensitive),
                                       found: found.map(\.word.key))
        let noticeWords = compiled.words(caseSensitive: notice.caseSensitive)
        let noticeBytes = compiled.textBytes
        func expectedText(_ range: Range<Int>) -> String {
            Self.flattened(String(decoding: noticeBytes[noticeWords[range.lowerBound].range.lowerBound
                                                          ..< noticeWords[range.upperBound - 1].range.upperBound], as: UTF8.self))
        }
        func foundText(_ range: Range<Int>) -> String {
            Self.flattened(article.text(of: found[range]))
        }
        var descriptions: [String] = []
        for change in changes.prefix(Self.changesNamed) {
            switch (change.expected.isEmpty, change.found.isEmpty) {
            case (false, false):
                let (expected, found) = Self.withoutSharedPunctuation(expectedText(change.expected), foundText(change.found))
                descriptions.append("“\(expected)” changed to “\(found)”")
            case (true, false): descriptions.append("“\(foundText(change.found))” added")
            default: descriptions.append("“\(expectedText(change.expected))” removed")
            }
        }
        if changes.count > Self.changesNamed {
            let more = changes.count - Self.changesNamed
            descriptions.append(more == 1 ? "and 1 more change" : "and \(more) more changes")
        }
        let range = changes.first.map { article.range(of: $0.found, in: found) } ?? occurrence.range(in: article.document)
        return Violation(
            message: "Legal notice '\(notice.id)' is not in its approved wording: \(descriptions.joined(separator: "; ")). "
                + "Restore the approved text\(Self.definedAt(notice)), or have the policy updated if the new wording is approved.",
            range: range,
            related: [RelatedLocation(range: occurrence.range(in: article.document), message: "the notice '\(notice.id)' as it stands")],
            subject: notice.id)
    }

    private func misplaced(_ notice: Notice, _ occurrence: Occurrence, layout: Layout, document: Document) -> Violation? {
        guard let first = occurrence.blocks.first, let last = occurrence.blocks.last else { return nil }
        let range = occurrence.range(in: document)
        let message: String
        let related: RelatedLocation
        switch notice.placement {
        case .anywhere:
            return nil
        case .end:
            guard let lastContent = layout.content.last, lastContent > last else { return nil }
            let place = document.blocks[lastContent].range
            message = "Legal notice '\(notice.id)' must stand at the end of the article, but the article goes on after it "
                + "(to line \(place.end.line)). Move it after the article's last paragraph."
            related = RelatedLocation(range: place, message: "the article ends here; the notice '\(notice.id)' belongs after this")
        case .afterBody:
            guard let lastBody = layout.body.last, lastBody > last else { return nil }
            let place = document.blocks[lastBody].range
            message = "Legal notice '\(notice.id)' must stand after the body of the article, but the body goes on after it "
                + "(to line \(place.end.line)). Move it after the body's last paragraph."
            related = RelatedLocation(range: place, message: "the body ends here; the notice '\(notice.id)' belongs after this")
        case .beforeBody:
            guard let firstBody = layout.body.first, firstBody < first else { return nil }
            let place = document.blocks[firstBody].range
            message = "Legal notice '\(notice.id)' must stand before the body of the article, but the body starts earlier "
                + "(at line \(place.start.line)). Move it above the body's first paragraph, after the headline and byline."
            related = RelatedLocation(range: place, message: "the body starts here; the notice '\(notice.id)' belongs before this")
        }
        return Violation(message: message, range: range, related: [related], subject: notice.id)
    }

    /// `"undesirable` and `"unwanted` as `undesirable` and `unwanted`: the
    /// marks both words carry are not part of the change.
    static func withoutSharedPunctuation(_ expected: String, _ found: String) -> (String, String) {
        var expected = Substring(expected)
        var found = Substring(found)
        func isMark(_ character: Character?) -> Bool {
            guard let character else { return false }
            return !character.isLetter && !character.isNumber
        }
        while expected.count > 1, found.count > 1, isMark(expected.first), expected.first == found.first {
            expected = expected.dropFirst()
            found = found.dropFirst()
        }
        while expected.count > 1, found.count > 1, isMark(expected.last), expected.last == found.last {
            expected = expected.dropLast()
            found = found.dropLast()
        }
        return (String(expected), String(found))
    }

    private static func `where`(_ placement: Notice.Placement, place: (block: Int, before: Bool)?) -> String {
        let here = place.map { $0.before ? ", above the paragraph that starts here" : ", after the paragraph that ends here" } ?? ""
        switch placement {
        case .end: return "at the end of the article" + here
        case .afterBody: return "after the body of the article" + here
        case .beforeBody: return "before the body of the article, after the headline and byline" + here
        case .anywhere: return "to the article" + here
        }
    }

    /// Where a missing notice goes: the end of the block it belongs after,
    /// or the start of the block it belongs before.
    private static func insertionPoint(_ place: (block: Int, before: Bool)?, in document: Document) -> SourceRange {
        guard let place else { return document.source.range(0..<0) }
        let range = document.blocks[place.block].range
        let point = place.before ? range.start : range.end
        return SourceRange(start: point, end: point)
    }

    private static func definedAt(_ notice: Notice) -> String {
        notice.location.map { " (defined at \($0))" } ?? ""
    }

    /// White space runs as single spaces, and at most 60 characters.
    static func flattened(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r\n" || $0 == "\r" })
            .joined(separator: " ")
        return flat.count > 60 ? String(flat.prefix(57)) + "…" : flat
    }

    static func excerpt(_ text: String, words: Int) -> String {
        let all = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r\n" || $0 == "\r" })
        return all.prefix(words).joined(separator: " ") + (all.count > words ? " …" : "")
    }

    // MARK: - Finding a notice

    /// The passages that are the notice, verbatim or altered, in reading
    /// order, none overlapping. Windows of consecutive blocks are compared
    /// with the notice when an upper bound on their similarity (how many of
    /// their words occur in the notice at all) allows a match, so most
    /// paragraphs of an article cost one bit test per word.
    private func find(notice index: Int, in article: inout ArticleWords) -> [Occurrence] {
        let compiled = notices[index]
        let caseSensitive = compiled.notice.caseSensitive
        let keys = compiled.keys(caseSensitive: caseSensitive)
        let count = keys.count
        guard count > 0, let tally = article.tallies[caseSensitive], let hits = tally.hits[index] else { return [] }
        let blockCount = tally.blocks.count
        let threshold = Self.alteredThreshold
        let shortest = Int((Double(count) * threshold / (2 - threshold)).rounded(.up))
        let longest = Int((Double(count) * (2 - threshold) / threshold).rounded(.down))
        // A passage shares at most as many words with the notice as the
        // whole article holds of them, and needs at least t·n / (2 − t).
        if let total = hits.last, Double(total) < Double(count) * threshold / (2 - threshold) { return [] }

        var windows: [Occurrence] = []
        for first in 0..<blockCount where hits[first + 1] > hits[first] {
            for last in first..<blockCount {
                let length = tally.starts[last + 1] - tally.starts[first]
                if length > longest { break }
                if length < shortest || hits[last + 1] == hits[last] { continue }
                let shared = min(hits[last + 1] - hits[first], count)
                if WordDiff.similarity(commonLength: shared, count, length) < threshold { continue }
                var slice: [UInt64] = []
                for block in tally.blocks[first...last] {
                    slice += article.cachedWords(ofBlock: block, caseSensitive: caseSensitive).map(\.key)
                }
                let exact = slice == keys
                let similarity = exact ? 1 : WordDiff.similarity(commonLength: WordDiff.commonLength(keys, slice[...]), count, length)
                if similarity >= threshold {
                    windows.append(Occurrence(blocks: Array(tally.blocks[first...last]), firstBlock: first,
                                              lastBlock: last, similarity: similarity, isExact: exact,
                                              caseSensitive: caseSensitive))
                }
            }
        }
        // The best windows first; a window overlapping a better one is the
        // same passage read with a paragraph more or less.
        windows.sort { ($1.similarity, $1.firstBlock) < ($0.similarity, $0.firstBlock) }
        var taken = [Bool](repeating: false, count: blockCount)
        var chosen: [Occurrence] = []
        for window in windows where !(window.firstBlock...window.lastBlock).contains(where: { taken[$0] }) {
            for block in window.firstBlock...window.lastBlock { taken[block] = true }
            chosen.append(window)
        }
        return chosen.sorted { $0.firstBlock < $1.firstBlock }
    }
}

// MARK: - Compiled policy

struct CompiledPattern: @unchecked Sendable {
    var text: String
    /// NSRegularExpression is immutable and documented as safe to share
    /// between threads.
    var expression: NSRegularExpression
}

struct CompiledCondition: Sendable {
    /// Indices into the rule's mention matcher.
    var mentions: [Int]
    var patterns: [CompiledPattern]
    var frontMatter: [NoticeCondition.FieldTest]
    /// Indices into the rule's wire names.
    var wire: [Int]
}

/// A notice with its words read once, for both letter-case modes it may need.
final class CompiledNotice: Sendable {
    enum Requirement: Sendable {
        case always
        case never
        case when([CompiledCondition])
    }

    let notice: Notice
    let required: Requirement
    let forbidden: [CompiledCondition]
    let textBytes: [UInt8]
    /// The words in the notice's own letter-case mode, the one every
    /// comparison reads: reading the other mode too doubled what a
    /// thousand notices cost to compile, for words nothing looked at.
    private let ownWords: [NormalizedWord]
    private let ownKeys: [UInt64]

    init(notice: Notice, required: Requirement, forbidden: [CompiledCondition]) {
        self.notice = notice
        self.required = required
        self.forbidden = forbidden
        textBytes = Array(notice.text.utf8)
        ownWords = WordNormalizer.words(in: textBytes, caseSensitive: notice.caseSensitive)
        ownKeys = ownWords.map(\.key)
    }

    func words(caseSensitive: Bool) -> [NormalizedWord] {
        caseSensitive == notice.caseSensitive ? ownWords : WordNormalizer.words(in: textBytes, caseSensitive: caseSensitive)
    }

    func keys(caseSensitive: Bool) -> [UInt64] {
        caseSensitive == notice.caseSensitive ? ownKeys : words(caseSensitive: caseSensitive).map(\.key)
    }
}

/// The words that signal a notice may be in an article. A passage counts as
/// a notice when its word similarity (2·common / (notice words + passage
/// words)) reaches the threshold t, which needs at least t·n / (2 − t) of
/// the notice's n words in common. Setting aside the notice's commonest
/// words (English function words first, then those most other notices
/// share), as long as they make up fewer words than that, leaves a
/// signature of which any such passage must hold at least one word. An
/// article without a single signature word of a notice cannot hold it, and
/// is not compared with it. Which words are set aside changes only how
/// often an article is compared in vain, never a finding.
struct NoticeSignatures: Sendable {
    /// Signature word key → the notices (indices in the rule) it signals.
    let noticesByKey: [UInt64: [Int]]
    /// Every word key of every notice → the notices holding it, each once.
    let holders: [UInt64: [Int]]
    /// A bit per slot of `KeyFilter.slot`, set for the slots of the keys of
    /// `noticesByKey`: an article's words are nearly all no signature word,
    /// and a bit test rules most of them out without hashing the key again
    /// for a dictionary lookup.
    private let signatureFilter: KeyFilter

    init(notices: [CompiledNotice], caseSensitive: Bool, threshold: Double) {
        let compared = notices.indices.filter { notices[$0].notice.caseSensitive == caseSensitive }
        // Each notice's distinct words with their counts, all in one flat
        // list (a notice's words sorted, so repeats are neighbours), and
        // then every entry sorted by word, so a word's entries are
        // neighbours too: counting and grouping by sorting, not in a hash
        // table per notice and tables regrown for every word of every
        // notice, was most of what setting up a thousand notices cost.
        var words: [UInt64] = []
        var counts: [Int] = []
        var firstEntry: [Int] = [0]
        firstEntry.reserveCapacity(compared.count + 1)
        for index in compared {
            let keys = notices[index].keys(caseSensitive: caseSensitive).sorted()
            var position = 0
            while position < keys.count {
                var next = position + 1
                while next < keys.count && keys[next] == keys[position] { next += 1 }
                words.append(keys[position])
                counts.append(next - position)
                position = next
            }
            firstEntry.append(words.count)
        }
        // The notice (index in the rule) of each entry.
        var noticeOfEntry = [Int](repeating: 0, count: words.count)
        for (position, index) in compared.enumerated() {
            for entry in firstEntry[position]..<firstEntry[position + 1] { noticeOfEntry[entry] = index }
        }
        // Entries by word, and within a word in the notices' order.
        let byWord = words.indices.map { (word: words[$0], entry: $0) }.sorted { $0 < $1 }
        var runStarts: [Int] = []
        for position in byWord.indices where position == 0 || byWord[position].word != byWord[position - 1].word {
            runStarts.append(position)
        }
        runStarts.append(byWord.count)
        var noticeFrequency = [Int](repeating: 0, count: words.count)
        var holders: [UInt64: [Int]] = [:]
        holders.reserveCapacity(runStarts.count - 1)
        for run in runStarts.indices.dropLast() {
            let entries = byWord[runStarts[run]..<runStarts[run + 1]]
            holders[entries.first!.word] = entries.map { noticeOfEntry[$0.entry] }
            for item in entries { noticeFrequency[item.entry] = entries.count }
        }
        self.holders = holders
        let functionWords = Self.functionWordKeys(caseSensitive: caseSensitive)
        // The signature entries, in the notices' order.
        var signature: [Int] = []
        for (position, index) in compared.enumerated() {
            let wordCount = notices[index].keys(caseSensitive: caseSensitive).count
            // Rounded down, so rounding never sets aside one word too many.
            let leastCommon = Int((threshold * Double(wordCount) / (2 - threshold)).rounded(.down))
            let commonestFirst = (firstEntry[position]..<firstEntry[position + 1])
                .map { entry in (functionWords.contains(words[entry]) ? 1 : 0, noticeFrequency[entry], words[entry], entry) }
                .sorted { ($0.0, $0.1, $0.2) > ($1.0, $1.1, $1.2) }
                .map(\.3)
            var setAside = 0
            for entry in commonestFirst {
                if setAside + counts[entry] < leastCommon {
                    setAside += counts[entry]
                } else {
                    signature.append(entry)
                }
            }
        }
        var noticesByKey: [UInt64: [Int]] = [:]
        noticesByKey.reserveCapacity(signature.count)
        for entry in signature { noticesByKey[words[entry], default: []].append(noticeOfEntry[entry]) }
        self.noticesByKey = noticesByKey
        signatureFilter = KeyFilter(noticesByKey.keys)
    }

    /// Words nearly every article holds, so worthless as signals.
    static let functionWords = """
        the a an and or but nor of to in on at by for from with about as into onto over under after before \
        between through during without within upon than then so if not no yes is are was were be been being \
        am do does did done have has had having will would shall should can could may might must this that \
        these those there here it its it's he she they we you i me him her them us my your his our their \
        who whom whose which what when where why how all any each every some such more most other only own \
        same also just very too out up down off again once one two three new said says say per via
        """

    static func functionWordKeys(caseSensitive: Bool) -> Set<UInt64> {
        let lower = functionWords
        let capitalised = functionWords.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: " ")
        let text = caseSensitive ? lower + " " + capitalised : lower
        return Set(WordNormalizer.words(in: Array(text.utf8), caseSensitive: caseSensitive).map(\.key))
    }

    /// Calls `body` with each notice (index in the rule) whose words include `key`.
    @inline(__always)
    func forEachNotice(holding key: UInt64, _ body: (Int) -> Void) {
        guard let notices = holders[key] else { return }
        for notice in notices { body(notice) }
    }

    /// The notices, in the rule's order, that one of `keys` signals.
    func candidates(among keys: [UInt64], noticeCount: Int) -> [Int] {
        // Marked in a flat table: most keys signal nothing, and those that
        // do signal a few notices each.
        var marked = [Bool](repeating: false, count: noticeCount)
        var found: [Int] = []
        for key in keys where signatureFilter.mayHold(key) {
            guard let notices = noticesByKey[key] else { continue }
            for notice in notices where !marked[notice] {
                marked[notice] = true
                found.append(notice)
            }
        }
        return found.sorted()
    }
}

/// A set of word keys that may answer yes for a key it lacks, never no for
/// one it holds: one bit per slot, with about sixteen slots per key, so
/// about one key in sixteen that it lacks gets past it.
struct KeyFilter: Sendable {
    private let bits: [UInt64]
    private let mask: UInt64

    init<Keys: Collection>(_ keys: Keys) where Keys.Element == UInt64 {
        var slots = 1 << 12
        while slots < keys.count * 16 { slots <<= 1 }
        mask = UInt64(slots - 1)
        var bits = [UInt64](repeating: 0, count: slots / 64)
        for key in keys {
            let slot = Self.slot(key, mask)
            bits[Int(slot >> 6)] |= 1 << (slot & 63)
        }
        self.bits = bits
    }

    /// The keys are FNV-1a hashes, whose high bits are the better mixed.
    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: UInt64) -> UInt64 { (key ^ (key >> 29)) & mask }

    @inline(__always)
    func mayHold(_ key: UInt64) -> Bool {
        let slot = Self.slot(key, mask)
        return bits[Int(slot >> 6)] & (1 << (slot & 63)) != 0
    }
}

// MARK: - The article

/// A passage of consecutive blocks found to be a notice.
struct Occurrence {
    /// Block indices in the document.
    var blocks: [Int]
    /// Indices into `ArticleWords.Tally.blocks`.
    var firstBlock: Int
    var lastBlock: Int
    var similarity: Double
    var isExact: Bool
    /// The letter-case mode the words were compared in.
    var caseSensitive: Bool

    func range(in document: Document) -> SourceRange {
        SourceRange(start: document.blocks[blocks[0]].range.start, end: document.blocks[blocks[blocks.count - 1]].range.end)
    }
}

/// The blocks a notice may stand in, read once per letter-case mode the
/// policy's notices use: how many words each has and how many of them each
/// notice may contain. The words themselves are kept only for the blocks a
/// comparison needs.
struct ArticleWords {
    /// The blocks of one letter-case mode, with running totals.
    struct Tally {
        /// Block indices in the document, in reading order.
        var blocks: [Int] = []
        /// `starts[i]` words stand in `blocks[..<i]`.
        var starts: [Int] = [0]
        /// Per notice (by its index in the rule), `hits[i]` of the words in
        /// `blocks[..<i]` may be the notice's.
        var hits: [Int: [Int]] = [:]
    }

    struct PlacedWord {
        var block: Int
        var word: NormalizedWord
    }

    let document: Document
    private(set) var tallies: [Bool: Tally] = [:]
    /// Per notice (by its index in the rule), whether its signature is in the article.
    private var candidates: [Bool]
    /// Words of the blocks compared so far, by letter-case mode and block.
    private var cache: [Bool: [Int: [NormalizedWord]]] = [:]

    init(document: Document, notices: [CompiledNotice], signatures: [Bool: NoticeSignatures]) {
        self.document = document
        candidates = [Bool](repeating: false, count: notices.count)
        for caseSensitive in [false, true] {
            guard let signature = signatures[caseSensitive] else { continue }
            // The article's words are read once; only the notices one of
            // them signals are counted against them, so a policy's thousandth
            // notice costs a lookup per word, not a comparison per word.
            var tally = Tally()
            var keys: [UInt64] = []
            for (index, block) in document.blocks.enumerated() where Self.mayHoldNotice(block) {
                let before = keys.count
                WordNormalizer.forEachWord(in: block.content.utf8, caseSensitive: caseSensitive) { keys.append($0.key) }
                guard keys.count > before else { continue }
                tally.blocks.append(index)
                tally.starts.append(keys.count)
            }
            let compared = signature.candidates(among: keys, noticeCount: notices.count)
            for notice in compared { candidates[notice] = true }
            if !compared.isEmpty {
                // Slot of each compared notice in `running`; -1 for the rest.
                var slots = [Int](repeating: -1, count: notices.count)
                for (slot, notice) in compared.enumerated() { slots[notice] = slot }
                var running = [Int](repeating: 0, count: compared.count)
                var hits = [[Int]](repeating: [0], count: compared.count)
                for block in tally.blocks.indices {
                    for key in keys[tally.starts[block]..<tally.starts[block + 1]] {
                        signature.forEachNotice(holding: key) { notice in
                            let slot = slots[notice]
                            if slot >= 0 { running[slot] += 1 }
                        }
                    }
                    for slot in running.indices { hits[slot].append(running[slot]) }
                }
                for (slot, notice) in compared.enumerated() { tally.hits[notice] = hits[slot] }
            }
            tallies[caseSensitive] = tally
        }
    }

    /// Whether the article holds a signature word of the notice; when it
    /// does not, it cannot hold the notice (`NoticeSignatures`).
    func mayHold(notice index: Int) -> Bool { candidates[index] }

    static func mayHoldNotice(_ block: Block) -> Bool {
        block.kind != .frontMatterField && block.kind != .image
    }

    /// The words of a block (by its index in the document), read on first use.
    mutating func cachedWords(ofBlock block: Int, caseSensitive: Bool) -> [NormalizedWord] {
        if let words = cache[caseSensitive]?[block] { return words }
        let words = self.words(ofBlock: block, caseSensitive: caseSensitive)
        cache[caseSensitive, default: [:]][block] = words
        return words
    }

    func words(ofBlock block: Int, caseSensitive: Bool) -> [NormalizedWord] {
        cache[caseSensitive]?[block]
            ?? WordNormalizer.words(in: document.blocks[block].content.utf8, caseSensitive: caseSensitive)
    }

    /// The words of an occurrence, each with its block.
    func words(_ occurrence: Occurrence) -> [PlacedWord] {
        occurrence.blocks.flatMap { block in
            words(ofBlock: block, caseSensitive: occurrence.caseSensitive).map { PlacedWord(block: block, word: $0) }
        }
    }

    /// The words as they stand in the article, blocks joined by a space.
    func text(of words: ArraySlice<PlacedWord>) -> String {
        guard let first = words.first else { return "" }
        var pieces: [String] = []
        var block = first.block
        var start = first.word.range.lowerBound
        var end = first.word.range.upperBound
        for placed in words.dropFirst() {
            if placed.block != block {
                pieces.append(document.blocks[block].content.string(start..<end))
                block = placed.block
                start = placed.word.range.lowerBound
            }
            end = placed.word.range.upperBound
        }
        pieces.append(document.blocks[block].content.string(start..<end))
        return pieces.joined(separator: " ")
    }

    /// Where a change stands: its found words, or for words removed, the
    /// point where they are missing.
    func range(of found: Range<Int>, in words: [PlacedWord]) -> SourceRange {
        if let first = found.first.map({ words[$0] }) {
            let last = words[found.upperBound - 1]
            let start = document.range(of: first.word.range, in: first.block)
            let endWord = last.block == first.block ? last : first
            return SourceRange(start: start.start, end: document.range(of: endWord.word.range, in: endWord.block).end)
        }
        if found.lowerBound < words.count {
            let next = words[found.lowerBound]
            let start = document.range(of: next.word.range.lowerBound..<next.word.range.lowerBound, in: next.block)
            return start
        }
        guard let last = words.last else { return document.source.range(0..<0) }
        let end = last.word.range.upperBound
        return document.range(of: end..<end, in: last.block)
    }
}

/// Where the body of the article is, once the notices are set apart.
struct Layout {
    /// Body blocks after the headline, in order: paragraphs, quotes, lists, headings.
    var body: [Int] = []
    /// Prose blocks other than notices, in order: what may not follow a notice placed at the end.
    var content: [Int] = []
    /// Every prose block, notices included.
    var prose: [Int] = []

    init(document: Document, noticeBlocks: Set<Int>) {
        let headline = document.blocks.firstIndex { $0.kind == .headline } ?? -1
        for (index, block) in document.blocks.enumerated() where block.kind.isProse {
            prose.append(index)
            guard !noticeBlocks.contains(index) else { continue }
            content.append(index)
            switch block.kind {
            case .paragraph, .blockquote, .listItem, .heading:
                if index > headline { body.append(index) }
            default:
                break
            }
        }
    }

    /// Where a missing notice belongs: after a block (end, after the body,
    /// anywhere) or before one (the body's first, for before the body).
    func missingPlace(for placement: Notice.Placement) -> (block: Int, before: Bool)? {
        switch placement {
        case .end, .anywhere: return prose.last.map { ($0, false) }
        case .afterBody: return (body.last ?? prose.last).map { ($0, false) }
        case .beforeBody:
            if let first = body.first { return (first, true) }
            return prose.last.map { ($0, false) }
        }
    }
}

/// What the conditions of notices ask of an article, each worked out once
/// and only when a condition needs it.
struct ArticleFacts {
    let rule: LegalNoticeRule
    let document: Document
    let noticeBlocks: Set<Int>
    /// Per mention term, where the article first mentions it.
    private var mentions: [Int: (block: Int, range: Range<Int>)]?
    /// Per wire name, whether the byline or dateline credits it.
    private var wires: Set<Int>?
    /// Patterns given up on a paragraph after `patternTimeLimit`, in the
    /// order met, each once: the rest of the article is not searched with them.
    private(set) var slowPatterns: [(pattern: String, block: Int)] = []

    init(rule: LegalNoticeRule, document: Document, noticeBlocks: Set<Int>) {
        self.rule = rule
        self.document = document
        self.noticeBlocks = noticeBlocks
    }

    /// Why the notice is required ("because …"), or nil when it is not.
    mutating func requirement(_ requirement: CompiledNotice.Requirement) -> String? {
        switch requirement {
        case .always: return "in every article"
        case .never: return nil
        case .when(let conditions): return firstHolding(conditions).map { "because \($0)" }
        }
    }

    mutating func firstHolding(_ conditions: [CompiledCondition]) -> String? {
        for condition in conditions {
            if let reason = holds(condition) { return reason }
        }
        return nil
    }

    /// A description of why the condition holds, or nil.
    private mutating func holds(_ condition: CompiledCondition) -> String? {
        var reasons: [String] = []
        for test in condition.frontMatter {
            guard let reason = frontMatterHolds(test) else { return nil }
            reasons.append(reason)
        }
        if !condition.wire.isEmpty {
            let credited = wireCredits()
            guard let index = condition.wire.first(where: { credited.contains($0) }) else { return nil }
            reasons.append("the byline or dateline credits “\(rule.wireNames[index])”")
        }
        if !condition.mentions.isEmpty || !condition.patterns.isEmpty {
            guard let reason = mentionHolds(condition) else { return nil }
            reasons.append(reason)
        }
        return reasons.joined(separator: " and ")
    }

    private func frontMatterHolds(_ test: NoticeCondition.FieldTest) -> String? {
        guard let value = document.frontMatter?[test.field] else { return nil }
        let values = value.strings.map { $0.text.trimmingCharacters(in: .whitespaces) }
        guard !values.isEmpty else { return nil }
        let shown = values.map { "“\($0)”" }.joined(separator: ", ")
        switch test.match {
        case .anyOf(let wanted):
            let wanted = Set(wanted.map { $0.lowercased() })
            guard let match = values.first(where: { wanted.contains($0.lowercased()) }) else { return nil }
            return "its front matter gives \(test.field) “\(match)”"
        case .noneOf(let unwanted):
            let unwanted = Set(unwanted.map { $0.lowercased() })
            guard !values.contains(where: { unwanted.contains($0.lowercased()) }) else { return nil }
            return "its front matter gives \(test.field) \(shown), none of \(test.match.listed)"
        }
    }

    private mutating func mentionHolds(_ condition: CompiledCondition) -> String? {
        let found = mentionPlaces()
        var best: (block: Int, range: Range<Int>, term: String)?
        for term in condition.mentions {
            guard let place = found[term] else { continue }
            if best == nil || (place.block, place.range.lowerBound) < (best!.block, best!.range.lowerBound) {
                best = (place.block, place.range, rule.mentionMatcher.phrases[term])
            }
        }
        if let best {
            let line = document.range(of: best.range, in: best.block).start.line
            return "the article mentions “\(best.term)” (line \(line))"
        }
        // A pattern given up once is not tried again in the article: each
        // paragraph would cost the full time limit.
        for pattern in condition.patterns where !slowPatterns.contains(where: { $0.pattern == pattern.text }) {
            for index in document.blocks.indices where isArticleText(index) {
                let text = document.blocks[index].text
                let whole = NSRange(text.startIndex..<text.endIndex, in: text)
                let search = Self.firstMatch(pattern.expression, in: text, range: whole)
                if search.timedOut {
                    slowPatterns.append((pattern.text, index))
                    break
                }
                guard let match = search.match,
                      let range = Range(match.range, in: text) else { continue }
                let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
                let end = text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
                let line = document.range(of: start..<end, in: index).start.line
                return "the article matches the pattern ‘\(pattern.text)’ (“\(LegalNoticeRule.flattened(String(text[range])))”, line \(line))"
            }
        }
        return nil
    }

    /// Matching time one pattern may spend on one paragraph. The policy
    /// check refuses patterns that backtrack exponentially, but not every
    /// slow one (`a*a*a*a*a*a*b` is polynomial, of high degree): past this
    /// the paragraph is taken as not matching, and the rule reports the
    /// pattern.
    static let patternTimeLimit: UInt64 = 250_000_000

    /// `NSRegularExpression.firstMatch`, given up after `patternTimeLimit`:
    /// ICU reports its progress while it backtracks, and the search stops there.
    static func firstMatch(_ expression: NSRegularExpression, in text: String,
                           range: NSRange) -> (match: NSTextCheckingResult?, timedOut: Bool) {
        var found: NSTextCheckingResult?
        var timedOut = false
        let deadline = DispatchTime.now().uptimeNanoseconds + patternTimeLimit
        expression.enumerateMatches(in: text, options: [.reportProgress], range: range) { match, _, stop in
            if let match {
                found = match
                stop.pointee = true
            } else if DispatchTime.now().uptimeNanoseconds > deadline {
                timedOut = true
                stop.pointee = true
            }
        }
        return (found, timedOut)
    }

    /// Prose of the article's own: not page furniture, not a notice the
    /// policy defines (a notice's own words do not make it required).
    private func isArticleText(_ index: Int) -> Bool {
        document.blocks[index].kind.isProse && !noticeBlocks.contains(index)
    }

    /// The mention terms (indices into the rule's matcher) the article holds.
    mutating func mentionedTerms() -> Dictionary<Int, (block: Int, range: Range<Int>)>.Keys { mentionPlaces().keys }

    /// Whether a byline, dateline or front matter credits any wire the policy names.
    mutating func creditsAnyWire() -> Bool { !wireCredits().isEmpty }

    private mutating func mentionPlaces() -> [Int: (block: Int, range: Range<Int>)] {
        if let mentions { return mentions }
        var found: [Int: (block: Int, range: Range<Int>)] = [:]
        if !rule.mentionMatcher.phrases.isEmpty {
            for index in document.blocks.indices where isArticleText(index) {
                for match in rule.mentionMatcher.matches(in: document.blocks[index].content.utf8) where found[match.phrase] == nil {
                    found[match.phrase] = (index, match.range)
                }
                if found.count == rule.mentionMatcher.phrases.count { break }
            }
        }
        mentions = found
        return found
    }

    /// Front-matter keys that hold a byline or a credit.
    static let creditKeys: Set<String> = ["byline", "author", "authors", "by", "credit", "credits", "source", "agency", "wire"]
    /// A dateline credit ("LONDON (Reuters) —") stands in the first bytes of the first paragraph.
    static let datelineLength = 160

    private mutating func wireCredits() -> Set<Int> {
        if let wires { return wires }
        let matcher = rule.wireMatcher
        let names = rule.wireNames.count
        var credited = Set<Int>()
        func scan(_ bytes: [UInt8], parenthesisedOnly: Bool, range: Range<Int>? = nil) {
            for match in matcher.matches(in: bytes, range: range) where !parenthesisedOnly || match.phrase >= names {
                credited.insert(match.phrase % names)
            }
        }
        if names > 0 {
            for byline in document.bylines { scan(Array(byline.text.utf8), parenthesisedOnly: false) }
            for block in document.blocks where block.kind == .byline { scan(block.content.utf8, parenthesisedOnly: false) }
            for entry in document.frontMatter?.entries ?? [] where Self.creditKeys.contains(entry.key.text.lowercased()) {
                for value in entry.value.strings { scan(Array(value.text.utf8), parenthesisedOnly: false) }
            }
            let headline = document.blocks.firstIndex { $0.kind == .headline } ?? -1
            if let first = document.blocks.indices.first(where: { $0 > headline && document.blocks[$0].kind == .paragraph }) {
                let bytes = document.blocks[first].content.utf8
                scan(bytes, parenthesisedOnly: true, range: 0..<min(bytes.count, Self.datelineLength))
            }
        }
        wires = credited
        return credited
    }
}

extension NoticeCondition.FieldTest.Match {
    var listed: String {
        switch self {
        case .anyOf(let values), .noneOf(let values): return values.joined(separator: ", ")
        }
    }
}


/// For each notice, what could make it required in an article, so the rule
/// asks an article only about the notices it could require. A `when`
/// condition holds only if each of its parts does: one whose terms the
/// article never mentions, whose front matter is absent or whose wire is
/// not credited cannot hold. Each condition is filed under one such part
/// (its mentions, else its front matter, else its wire); a condition with a
/// pattern, or none of these, is asked of every article.
struct RequirementTriggers: Sendable {
    private var everyArticle: [Int] = []
    private var byMention: [Int: [Int]] = [:]
    private var byFrontMatter: [Int] = []
    private var byWire: [Int] = []

    init(_ notices: [CompiledNotice]) {
        for (index, notice) in notices.enumerated() {
            switch notice.required {
            case .never: continue
            case .always: everyArticle.append(index)
            case .when(let conditions):
                for condition in conditions {
                    if !condition.patterns.isEmpty {
                        everyArticle.append(index)
                    } else if !condition.mentions.isEmpty {
                        for term in condition.mentions { byMention[term, default: []].append(index) }
                    } else if !condition.frontMatter.isEmpty {
                        byFrontMatter.append(index)
                    } else if !condition.wire.isEmpty {
                        byWire.append(index)
                    } else {
                        everyArticle.append(index)
                    }
                }
            }
        }
    }

    /// The notices the article could require.
    func notices(for facts: inout ArticleFacts) -> Set<Int> {
        var out = Set(everyArticle)
        if !byMention.isEmpty {
            for term in facts.mentionedTerms() { out.formUnion(byMention[term] ?? []) }
        }
        if !byFrontMatter.isEmpty, facts.document.frontMatter != nil { out.formUnion(byFrontMatter) }
        if !byWire.isEmpty, facts.creditsAnyWire() { out.formUnion(byWire) }
        return out
    }
}
