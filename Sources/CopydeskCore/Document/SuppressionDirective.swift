import Foundation

/// An instruction in the article to silence rules:
///
///     <!-- copydesk-disable RULE[, RULE] -- reason -->
///     <!-- copydesk-enable RULE -->
///     <!-- copydesk-disable-next-line RULE -- reason -->
///
/// or front matter `copydesk: {disable: {RULE: reason}}`. `all` names every rule.
///
/// Front matter `copydesk: {waive: {NOTICE: reason}}` excuses the article
/// from one legal notice of the policy: a `waive` directive names no rule,
/// only the notice (its `subject`), and covers that notice's findings.
public struct SuppressionDirective: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case disable
        case enable
        case disableNextLine
        /// Front matter: the rule is off for the whole file.
        case disableFile
        /// Front matter: the article goes without one legal notice.
        case waive
        /// A comment written as a directive that is none (`copydesk-disable-nextline`,
        /// `copydesk-ignore`): it silences nothing, which the writer must
        /// learn. `subject` is the word as written.
        case unrecognized
    }

    /// The comment directives, as written.
    public static let keywords = ["copydesk-disable-next-line", "copydesk-disable", "copydesk-enable"]

    public var kind: Kind
    public var ruleIDs: [String]
    /// What within a rule the directive covers: the notice id a `waive` names.
    public var subject: String?
    public var reason: String?
    /// Where the directive stands (the whole comment, or the front-matter entry).
    public var range: SourceRange

    public init(kind: Kind, ruleIDs: [String], subject: String? = nil, reason: String?, range: SourceRange) {
        self.kind = kind
        self.ruleIDs = ruleIDs
        self.subject = subject
        self.reason = reason
        self.range = range
    }

    public func names(_ ruleID: String) -> Bool {
        ruleIDs.contains(ruleID) || ruleIDs.contains("all")
    }

    /// Parses the inside of an HTML comment (without `<!--` and `-->`).
    /// Returns nil when the comment is not a copydesk directive, and an
    /// `.unrecognized` one when it reads as a directive mistyped: a first
    /// word that starts with `copydesk-` or is a near miss of a keyword.
    public static func parse(commentBody: String, range: SourceRange) -> SuppressionDirective? {
        let body = commentBody.trimmingASCIIWhitespace()
        let kinds: [(String, Kind)] = [
            ("copydesk-disable-next-line", .disableNextLine),
            ("copydesk-disable", .disable),
            ("copydesk-enable", .enable),
        ]
        let word = String(body.prefix { !$0.isWhitespace })
        guard let kind = kinds.first(where: { $0.0 == word })?.1 else {
            let lowered = word.lowercased()
            guard lowered.hasPrefix("copydesk-") || lowered.hasPrefix("copydesk_")
                || (word.count >= 12 && NearestMatch.suggestion(for: word, among: keywords) != nil) else { return nil }
            return SuppressionDirective(kind: .unrecognized, ruleIDs: [], subject: word, reason: nil, range: range)
        }
        var rest = Substring(body.dropFirst(word.count))
        var reason: String?
        if let separator = rest.range(of: " -- ") ?? rest.range(of: "--") {
            let text = rest[separator.upperBound...].trimmingCharacters(in: .whitespaces)
            reason = text.isEmpty ? nil : text
            rest = rest[..<separator.lowerBound]
        }
        let ids = rest.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        return SuppressionDirective(kind: kind, ruleIDs: ids.isEmpty ? ["all"] : ids, reason: reason, range: range)
    }

    /// The front-matter keys under `copydesk:`.
    public static let frontMatterKeys = ["disable", "waive"]
    /// How an unrecognized front-matter key is named: `copydesk: KEY`.
    public static let frontMatterPrefix = "copydesk: "

    /// The directive an unrecognized one most likely meant, if any.
    public var nearestKeyword: String? {
        guard kind == .unrecognized, let subject else { return nil }
        if subject.hasPrefix(Self.frontMatterPrefix) {
            let key = String(subject.dropFirst(Self.frontMatterPrefix.count))
            return NearestMatch.suggestion(for: key, among: Self.frontMatterKeys).map { Self.frontMatterPrefix + $0 }
        }
        let lowered = subject.lowercased()
        if let exact = Self.keywords.first(where: { $0 == lowered }) { return exact }
        return NearestMatch.suggestion(for: subject, among: Self.keywords)
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
