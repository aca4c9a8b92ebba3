/// How serious a finding is. Ordered so that `--fail-on warning` means
/// "warning or worse".
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A second place that explains a finding: the first occurrence of a
/// repeat, the author card a missing byline could come from.
public struct RelatedLocation: Sendable, Hashable {
    public var range: SourceRange
    public var message: String

    public init(range: SourceRange, message: String) {
        self.range = range
        self.message = message
    }
}

/// Why a finding is not counted: an in-source directive or a front-matter
/// waiver, with the reason the author gave.
public struct SuppressionInfo: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case inSource
        case external
    }

    public var kind: Kind
    public var justification: String?
    /// Where the directive that suppressed it stands.
    public var directiveRange: SourceRange?

    public init(kind: Kind, justification: String?, directiveRange: SourceRange?) {
        self.kind = kind
        self.justification = justification
        self.directiveRange = directiveRange
    }
}

public struct Finding: Sendable, Hashable {
    public var ruleID: String
    public var severity: Severity
    public var message: String
    public var range: SourceRange
    public var related: [RelatedLocation]
    public var suppression: SuppressionInfo?
    /// What within the rule the finding is about, when a directive can
    /// name it: the id of a legal notice, which front matter can waive.
    public var subject: String?
    /// How sure the rule is, from 0 to 1, where it weighs its findings.
    public var confidence: Double?
    /// Texts an editor can put in place of the finding's range, best first
    /// (a style rule's `action`); "" means delete it. Empty when the rule
    /// offers none.
    public var suggestions: [String] = []

    public init(ruleID: String, severity: Severity, message: String, range: SourceRange,
                related: [RelatedLocation] = [], suppression: SuppressionInfo? = nil, subject: String? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.range = range
        self.related = related
        self.suppression = suppression
        self.subject = subject
    }

    public var isSuppressed: Bool { suppression != nil }
}
