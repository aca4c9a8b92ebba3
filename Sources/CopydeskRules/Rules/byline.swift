import CopydeskCore
import CopydeskPolicy
import Foundation

/// byline: the article credits who wrote it, where and how the policy says.
public struct BylineRule: Rule {
    public static let description = RuleDescription(
        id: "byline",
        summary: "An article must credit its author in a byline.",
        rationale: """
            A byline tells readers who stands behind the reporting and gives them someone to hold to \
            account; a missing one, or one that credits "Staff", makes a story look anonymous. \
            Standards desks also want the byline where readers look for it, under the headline, and \
            only names the newsroom knows.

            copydesk reads as credits: a "By" line ("By Jane Doe", "By Jane Doe, John Roe and Ann \
            Poe", "By JANE DOE, Associated Press", "By Jane Doe, Staff Writer", with the writer's title \
            or a date on the next line of the same paragraph), a credit line near \
            the headline ("Jane Doe | Reuters", "The Associated Press"), front-matter `author`, \
            `authors` or `byline`, page metadata, a wire credit in the dateline ("WASHINGTON (AP) \
            —"), an author card (a name line and a "Name is a … correspondent" paragraph) and a wire \
            sign-off at the end ("Reporting by Jane Doe and John Roe; Additional reporting by Ann Poe; \
            Editing by Tom Hale" credits the reporters and writers, not the editors). A \
            sentence that starts with "By" ("By all accounts, …", "By Tuesday, …") is not a byline. \
            `copydesk inspect` lists the credits found, with their names.

            With `placement: top` the credit must stand in the article's header, wherever the \
            layout puts it there: after the headline and before the story's first paragraphs (a \
            standfirst, a date, a "Source:" field or a picture may come between), or within \
            `max-blocks-after-headline` story paragraphs of the headline (front matter and metadata \
            count as the top). `placement: under-headline` is stricter, for desks that want the \
            byline directly under the headline and standfirst. When the only credit is further down, \
            such as an author card at the end, the finding is on the headline and points to it. `forms` lists \
            the kinds of credit that count. A credit naming nobody but a `forbidden` desk ("By \
            Staff") is reported, and so is an agency not among `wire-credits`. With `staff-list`, \
            every name must be on the list (one name per line, `#` for comments; case and accents \
            are ignored), except under an accepted wire credit.
            """,
        defaultSeverity: .warning,
        options: [
            OptionSpec("required", .bool, default: .bool(true), "Every article must have a byline."),
            OptionSpec("placement", .choice(["top", "under-headline", "anywhere"]), default: .string("top"),
                       "top: in the article's header, before the story's paragraphs; under-headline: directly under "
                           + "the headline and standfirst; anywhere: any credit in the article counts."),
            OptionSpec("max-blocks-after-headline", .integer(0...50), default: .integer(2),
                       "With placement top, how many story paragraphs may stand between the headline and the byline."),
            OptionSpec("forms", .strings, default: .strings(Byline.Kind.allCases.map(\.rawValue)),
                       "The kinds of credit that count: " + Byline.Kind.allCases.map(\.rawValue).joined(separator: ", ") + "."),
            OptionSpec("staff-list", .string, default: .string(""),
                       "A file of the names bylines may carry, one per line, relative to the policy file; empty: any name.",
                       namesFile: true),
            OptionSpec("wire-credits", .strings, default: .strings(defaultWireCredits),
                       "Agencies accepted as a credit on their own."),
            OptionSpec("forbidden", .strings, default: .strings(defaultForbidden),
                       "Credits that name nobody and are not accepted as a byline."),
        ],
        triggering: [
            RuleExample("↓# Storm nears the coast\n\nThe storm strengthened overnight, forecasters said.\n"),
            RuleExample("""
                ↓# Storm nears the coast

                The storm strengthened overnight, forecasters said.

                Clara Nguyen

                Clara Nguyen is a weather reporter for The Harbor Ledger.
                """),
            RuleExample("# Storm nears the coast\n\n↓By Staff\n\nThe storm strengthened overnight.\n"),
            RuleExample("# Storm nears the coast\n\n↓By Web Desk\n\nThe storm strengthened overnight.\n"),
            RuleExample("# Storm nears the coast\n\n↓Reuters\n\nThe storm strengthened overnight.\n",
                        options: ["wire-credits": .strings(["The Associated Press"])]),
            RuleExample("""
                ↓# Storm nears the coast

                The storm strengthened overnight.

                Forecasters expect 10 inches of rain.

                Schools will close on Thursday.

                By Clara Nguyen
                """),
            RuleExample("---\ntitle: Storm nears the coast\nauthor: Clara Nguyen\n---\n\n↓# Storm nears the coast\n\nThe storm strengthened overnight.\n",
                        options: ["forms": .strings(["by-line"])]),
            RuleExample("↓# Storm nears the coast\n\nThe storm strengthened overnight.\n\nBy Clara Nguyen\n\nSchools will close.\n",
                        options: ["placement": .string("under-headline")]),
        ],
        nonTriggering: [
            RuleExample("# Storm nears the coast\n\nBy Clara Nguyen\n\nThe storm strengthened overnight.\n"),
            RuleExample("""
                # Storm nears the coast

                ## Forecasters expect ten inches of rain by Friday

                - Updated: 6 a.m.
                - Source: National Weather Desk

                By Clara Nguyen

                The storm strengthened overnight.
                """),
            RuleExample("# Storm nears the coast\n\n*By JANE DOE and John Roe, Associated Press*\n\nThe storm strengthened.\n"),
            RuleExample("---\ntitle: Storm nears the coast\nauthors: [Clara Nguyen, Tom Albers]\n---\n\nThe storm strengthened.\n"),
            RuleExample("Storm nears the coast\n\nThe Associated Press\n\nThe storm strengthened overnight.\n", format: .text),
            RuleExample("Storm nears the coast\n\nPORT AMITY, Fla. (AP) — The storm strengthened overnight.\n", format: .text),
            RuleExample("""
                # Storm nears the coast

                The storm strengthened overnight.

                Clara Nguyen

                Clara Nguyen is a weather reporter for The Harbor Ledger.
                """, options: ["placement": .string("anywhere")]),
            RuleExample("---\nauthor: Clara Nguyen\n---\n\n# Storm nears the coast\n\nBy all accounts, the storm strengthened overnight.\n"),
            RuleExample("# Storm nears the coast\n\nBy all accounts, the storm strengthened overnight.\n",
                        options: ["required": .bool(false)]),
        ])

    static let defaultWireCredits = [
        "The Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse", "Bloomberg", "Bloomberg News",
        "dpa", "EFE", "ANSA", "Kyodo News", "Xinhua", "PA Media", "The Canadian Press", "AAP", "UPI",
    ]

    static let defaultForbidden = [
        "Staff", "Web Desk", "News Desk", "Desk", "Staff Reporter", "Staff Writer", "Newsroom", "Editors", "Admin",
        "Administrator",
    ]

    enum Placement {
        case top
        case underHeadline
        case anywhere
    }

    let required: Bool
    let placement: Placement
    let maxBlocksAfterHeadline: Int
    let forms: Set<Byline.Kind>
    let acceptedWireCredits: [String: String]
    /// Accepted agencies the parser does not know, looked for by the rule itself.
    let unknownWireCredits: Set<String>
    let forbidden: [(folded: String, text: String)]
    let staff: StaffList?

    public struct Configuration: RuleConfiguration, Hashable {
        public enum PlacementOption: String, Decodable, Sendable {
            case top
            case underHeadline = "under-headline"
            case anywhere
        }

        public var required: Bool
        public var placement: PlacementOption
        public var maxBlocksAfterHeadline: Int
        /// Kinds of credit by name; the rule checks each names a `Byline.Kind`.
        public var forms: [String]
        public var staffList: PolicyFilePath
        public var wireCredits: [String]
        public var forbidden: [String]

        enum CodingKeys: String, CodingKey {
            case required, placement, maxBlocksAfterHeadline = "max-blocks-after-headline", forms
            case staffList = "staff-list", wireCredits = "wire-credits", forbidden
        }
    }

    public init(configuration: Configuration) throws {
        required = configuration.required
        switch configuration.placement {
        case .anywhere: placement = .anywhere
        case .underHeadline: placement = .underHeadline
        case .top: placement = .top
        }
        maxBlocksAfterHeadline = configuration.maxBlocksAfterHeadline
        var forms = Set<Byline.Kind>()
        for form in configuration.forms {
            guard let kind = Byline.Kind(rawValue: form) else {
                let names = Byline.Kind.allCases.map(\.rawValue)
                let hint = NearestMatch.suggestion(for: form, among: names).map { "did you mean '\($0)'? " } ?? ""
                throw RuleOptionError(ruleID: Self.description.id, option: "forms",
                                      message: "unknown form '\(form)'; \(hint)forms are \(names.joined(separator: ", "))")
            }
            forms.insert(kind)
        }
        self.forms = forms
        var wire: [String: String] = [:]
        for credit in configuration.wireCredits { wire[Self.creditKey(credit)] = credit }
        acceptedWireCredits = wire
        unknownWireCredits = Set(wire.keys.filter { !BylineText.wireServices.contains($0) })
        forbidden = configuration.forbidden.map { (StaffList.fold($0), $0) }.filter { !$0.0.isEmpty }
        let staffList = configuration.staffList
        staff = try staffList.resolved.map { path in
            try StaffList(path: path, option: staffList.written, ruleID: Self.description.id)
        }
    }

    // MARK: Checking

    public func check(_ document: Document) -> [Violation] {
        guard let anchor = anchorBlock(document) else { return [] }
        var violations: [Violation] = []
        var counted: [Byline] = []
        var reportedAtTop = false
        var reportedAnywhere = false
        let credits = document.bylines + configuredWireLines(document)
        for byline in credits {
            if let problem = problem(with: byline, in: document) {
                violations.append(problem)
                reportedAnywhere = true
                if isAtTop(byline, in: document) { reportedAtTop = true }
                continue
            }
            if isDatelineCredit(byline, in: document) && !isAccepted(byline.wireCredit) { continue }
            if let staff { violations += staff.check(byline, accepted: isAccepted(byline.wireCredit)) }
            counted.append(byline)
        }
        let allowed = counted.filter { forms.contains($0.kind) }
        switch placement {
        case .anywhere:
            if required && allowed.isEmpty && !reportedAnywhere {
                violations.append(missing(document, anchor: anchor, elsewhere: counted))
            }
        case .top, .underHeadline:
            let atTop = allowed.filter { isAtTop($0, in: document) }
            guard atTop.isEmpty, !reportedAtTop else { break }
            if required {
                violations.append(missing(document, anchor: anchor, elsewhere: counted))
            } else if let line = allowed.first(where: { $0.kind == .bylineLine || $0.kind == .wireCredit }) {
                violations.append(misplaced(line, document: document))
            }
        }
        return violations.sorted { $0.range < $1.range }
    }

    /// What is wrong with a credit on its own: a forbidden desk, an agency
    /// the policy does not accept.
    private func problem(with byline: Byline, in document: Document) -> Violation? {
        guard byline.names.isEmpty else { return nil }
        if let credit = byline.wireCredit, !isDatelineCredit(byline, in: document), !isAccepted(credit) {
            let accepted = acceptedWireCredits.values.sorted().joined(separator: ", ")
            return Violation(
                message: "Wire credit “\(credit.text)” is not one this policy accepts (\(accepted)): credit the "
                    + "reporters by name, or ask the standards desk to add the agency to `wire-credits`.",
                range: byline.wireCredit?.range ?? byline.range)
        }
        let folded = " " + StaffList.fold(Self.withoutBy(byline.text)) + " "
        if let match = forbidden.first(where: { folded.contains(" " + $0.folded + " ") }) {
            return Violation(
                message: "Byline “\(byline.text)” credits “\(match.text)”, not a person: this policy does not "
                    + "accept it. Name the reporters (“By Jane Doe”), or credit a wire service.",
                range: byline.kind == .frontMatter ? (byline.nameSpans.first?.range ?? byline.range) : byline.range)
        }
        return nil
    }

    private func isAccepted(_ credit: Span?) -> Bool {
        guard let credit else { return false }
        return acceptedWireCredits[Self.creditKey(credit.text)] != nil
    }

    /// "WASHINGTON (AP) —": a credit inside a body paragraph, which counts
    /// only for an accepted agency and is never itself a violation (the
    /// paper's own name can stand there).
    private func isDatelineCredit(_ byline: Byline, in document: Document) -> Bool {
        guard byline.kind == .wireCredit, let index = byline.blockIndex else { return false }
        return document.blocks[index].kind != .byline
    }

    /// Agency lines the parser does not know but the policy accepts
    /// ("Nikkei Asia" alone under the headline).
    private func configuredWireLines(_ document: Document) -> [Byline] {
        guard !unknownWireCredits.isEmpty else { return [] }
        let known = Set(document.bylines.compactMap(\.blockIndex))
        var found: [Byline] = []
        let start = (document.blocks.firstIndex { $0.kind == .headline } ?? -1) + 1
        var seen = 0
        for index in document.blocks.indices.dropFirst(max(0, start)) where seen < 4 {
            let block = document.blocks[index]
            guard block.kind != .chrome, block.kind != .image else { continue }
            seen += 1
            guard block.kind == .paragraph, !known.contains(index), block.content.count <= 80,
                  unknownWireCredits.contains(Self.creditKey(Self.withoutBy(block.text))) else { continue }
            let span = Span(text: block.text, range: document.range(of: 0..<block.content.count, in: index))
            found.append(Byline(kind: .wireCredit, text: block.text, names: [], range: span.range,
                                blockIndex: index, wireCredit: span))
        }
        return found
    }

    // MARK: Placement

    /// Where a missing byline is reported: the headline, or the first
    /// prose block of an article without one; nil for a file with no prose.
    private func anchorBlock(_ document: Document) -> Block? {
        guard let firstProse = document.blocks.first(where: { $0.kind.isProse && !$0.content.isEmpty }) else { return nil }
        return document.headline ?? firstProse
    }

    /// Kinds of block that are the article's body, counted between the
    /// headline and a byline.
    private static let bodyKinds: Set<BlockKind> = [.paragraph, .blockquote, .listItem, .heading, .notice]

    /// Kinds of block that hold the story itself: the byline belongs above
    /// them. Headings, lists and labelled fields may be part of a header.
    private static let storyKinds: Set<BlockKind> = [.paragraph, .blockquote]

    /// What may stand between the headline and the byline with
    /// `placement: under-headline`.
    private static let headlineCompanions: Set<BlockKind> = [.standfirst, .image, .caption, .chrome, .heading, .frontMatterField]

    private func isAtTop(_ byline: Byline, in document: Document) -> Bool {
        if byline.kind == .frontMatter || byline.kind == .metadata { return true }
        let blocks = document.blocks
        let position = byline.blockIndex
            ?? blocks.firstIndex { $0.range.start.offset >= byline.range.start.offset } ?? blocks.count
        let headline = blocks.firstIndex { $0.kind == .headline } ?? -1
        if position <= headline { return true }
        let between = blocks[(headline + 1)..<position]
        if placement == .underHeadline {
            return byline.kind != .authorCard && between.allSatisfy { Self.headlineCompanions.contains($0.kind) }
        }
        let before = between.filter { Self.storyKinds.contains($0.kind) }.count
        // An author card closes an article; only one above the body is a byline.
        return before <= (byline.kind == .authorCard ? 0 : maxBlocksAfterHeadline)
    }

    /// The first body block, where the byline would go above.
    private func firstBodyBlock(_ document: Document) -> Block? {
        let headline = document.blocks.firstIndex { $0.kind == .headline } ?? -1
        return document.blocks.dropFirst(headline + 1).first { Self.bodyKinds.contains($0.kind) }
    }

    private func whereItBelongs(_ document: Document) -> String {
        let body = firstBodyBlock(document).map { " (line \($0.range.start.line))" } ?? ""
        return document.headline == nil
            ? "at the top of the article, before the first paragraph\(body)"
            : "between the headline and the first paragraph\(body)"
    }

    private func missing(_ document: Document, anchor: Block, elsewhere: [Byline]) -> Violation {
        let top = placement != .anywhere
        var message = top ? "No byline at the top of the article: it belongs \(whereItBelongs(document))."
            : "No byline: nothing in the article says who wrote it."
        let related = elsewhere.prefix(3).map { byline in
            RelatedLocation(range: byline.range, message: describe(byline, top: top))
        }
        if let first = elsewhere.first {
            let credit = first.names.isEmpty ? "By \(Self.withoutBy(first.text))" : "By " + Self.joinedNames(first.names)
            let action: String
            if !top {
                action = "add “\(credit)” in a form the policy accepts"
            } else if first.kind == .bylineLine && forms.contains(.bylineLine) {
                action = "move it under the headline"
            } else {
                action = "add “\(credit)” under the headline"
            }
            message += " The only credit is at line \(first.range.start.line): \(describe(first, top: top)); \(action)."
        } else {
            message += " Credit the reporters (“By Jane Doe”) or a wire service the policy accepts."
        }
        return Violation(message: message, range: anchor.range, related: related)
    }

    /// "the author card crediting Mike Eckel", "the byline “By Jane Doe”,
    /// too far from the headline".
    private func describe(_ byline: Byline, top: Bool) -> String {
        let names = Self.joinedNames(byline.names)
        var text: String
        switch byline.kind {
        case .authorCard: text = "the author card crediting \(names)"
        case .frontMatter: text = "the front-matter author \(names.isEmpty ? byline.text : names)"
        case .metadata: text = "the author metadata \(names.isEmpty ? byline.text : names)"
        case .bylineLine: text = "the byline “\(byline.text)”"
        case .wireCredit: text = "the wire credit “\(byline.text)”"
        }
        if !forms.contains(byline.kind) {
            text += ", a form this policy does not accept"
        } else if top && byline.kind != .authorCard {
            text += ", too far from the headline"
        }
        return text
    }

    private func misplaced(_ byline: Byline, document: Document) -> Violation {
        Violation(message: "Byline “\(byline.text)” stands too far from the headline: move it \(whereItBelongs(document)).",
                  range: byline.range)
    }

    static func joinedNames(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    static func withoutBy(_ text: String) -> String { Byline.withoutBy(text) }

    /// "The Associated Press" and "Associated Press" are one agency.
    static func creditKey(_ credit: String) -> String {
        let folded = StaffList.fold(credit)
        return folded.hasPrefix("the ") ? String(folded.dropFirst(4)) : folded
    }
}

/// The names a newsroom's bylines may carry, read once from the policy's
/// `staff-list` file and compared with case and accents ignored.
struct StaffList: Sendable {
    let file: String
    let names: [String]
    let folded: Set<String>

    init(path: String, option: String, ruleID: String) throws {
        let data: [UInt8]
        do throws(FileReadError) {
            data = try BoundedFileReader.read(path: path, rejectBinary: false)
        } catch {
            let reason: String
            switch error {
            case .notFound: reason = "does not exist; the path is relative to the policy file's directory"
            case .isDirectory: reason = "is a directory; give the path of a text file with one name per line"
            case .notRegularFile(let kind):
                reason = "is not a regular file (it is \(kind)); give the path of a text file with one name per line"
            case .permissionDenied: reason = "cannot be read: permission denied; check its permissions"
            default: reason = error.description
            }
            throw RuleOptionError(ruleID: ruleID, option: "staff-list", message: "the staff list '\(path)' \(reason)")
        }
        guard InputDecoder.firstInvalidUTF8Offset(data) == nil, !data.contains(0) else {
            throw RuleOptionError(ruleID: ruleID, option: "staff-list",
                                  message: "the staff list '\(path)' is not UTF-8 text; save it as UTF-8, one name per line")
        }
        let text = String(decoding: data, as: UTF8.self)
        file = option
        names = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        folded = Set(names.map(Self.fold))
    }

    /// Case and accents folded, periods dropped, spaces collapsed:
    /// "José  D. Pérez" and "JOSE D PEREZ" are one name.
    static func fold(_ text: String) -> String {
        if let folded = foldASCII(text) { return folded }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: ".", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" })
            .joined(separator: " ")
    }

    /// `fold` for ASCII text, without Foundation: there, folding case and
    /// accents is lowercasing, and setting up Foundation's folding for the
    /// default credits was a measurable share of a small article's run.
    /// nil for other text.
    private static func foldASCII(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || byte == 0x09 || byte == 0x2E {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A finding for each name of the byline that is not on the list.
    func check(_ byline: Byline, accepted wire: Bool) -> [Violation] {
        guard !wire else { return [] }
        var violations: [Violation] = []
        for (index, name) in byline.names.enumerated() where !folded.contains(Self.fold(name)) {
            let range = index < byline.nameSpans.count ? byline.nameSpans[index].range : byline.range
            var message = "“\(name)” is not on the staff list (\(file)): check the spelling of the name, "
                + "or add it to the list if this is a new writer."
            if let suggestion = NearestMatch.suggestion(for: Self.fold(name), among: names.map(Self.fold)),
               let original = names.first(where: { Self.fold($0) == suggestion }) {
                message += " Did you mean “\(original)”?"
            }
            violations.append(Violation(message: message, range: range))
        }
        return violations
    }
}
