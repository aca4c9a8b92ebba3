import CopydeskCore
import CopydeskPolicy

/// An article snippet in a rule's description. In `text`, each `↓` marks
/// where a finding must start; the markers are removed before linting.
public struct RuleExample: Sendable, Hashable {
    public var text: String
    public var format: InputFormat
    public var options: [String: OptionValue]
    /// File name the snippet is linted as (some rules look at paths).
    public var path: String

    public init(_ text: String, format: InputFormat = .markdown, options: [String: OptionValue] = [:],
                path: String? = nil) {
        self.text = text
        self.format = format
        self.options = options
        self.path = path ?? "example." + (format == .markdown ? "md" : format == .html ? "html" : "txt")
    }

    public static let marker: Character = "↓"

    /// The snippet without markers, and the UTF-8 offsets where markers stood.
    public var unmarked: (text: String, offsets: [Int]) {
        var output = ""
        var offsets: [Int] = []
        var utf8Count = 0
        for character in text {
            if character == RuleExample.marker {
                offsets.append(utf8Count)
            } else {
                output.append(character)
                utf8Count += character.utf8.count
            }
        }
        return (output, offsets)
    }
}

/// Everything a rule says about itself, in one value: what `copydesk rules`
/// lists, what `copydesk explain` prints, what SARIF carries as rule
/// metadata, and the examples the test suite runs.
public struct RuleDescription: Sendable {
    public var id: String
    public var summary: String
    public var rationale: String
    public var defaultSeverity: Severity
    public var options: [OptionSpec]
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]

    public init(id: String, summary: String, rationale: String, defaultSeverity: Severity,
                options: [OptionSpec] = [], triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.options = options
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    public var schema: RuleSchema {
        RuleSchema(id: id, defaultSeverity: defaultSeverity, options: options)
    }
}

/// What a rule reports; the engine adds the rule id and the configured severity.
public struct Violation: Sendable, Hashable {
    public var message: String
    public var range: SourceRange
    public var related: [RelatedLocation]
    /// What within the rule it is about (a legal notice's id), for directives
    /// that name it.
    public var subject: String?
    /// How sure the rule is, from 0 to 1, for rules that weigh their
    /// findings; nil for a finding that is certain.
    public var confidence: Double?
    /// Below the confidence the policy sets for the rule: reported as a
    /// note, which asks an editor to look but fails no build.
    public var isTentative: Bool

    public init(message: String, range: SourceRange, related: [RelatedLocation] = [], subject: String? = nil,
                confidence: Double? = nil, isTentative: Bool = false) {
        self.message = message
        self.range = range
        self.related = related
        self.subject = subject
        self.confidence = confidence
        self.isTentative = isTentative
    }
}

/// A check of one article. Rules are values built once per policy from
/// their typed `Configuration` and shared by every file linted concurrently.
public protocol Rule: Sendable {
    /// The rule's settings, declared beside it; `NoOptions` for none.
    associatedtype Configuration: RuleConfiguration
    static var description: RuleDescription { get }
    init(configuration: Configuration) throws
    func check(_ document: Document) -> [Violation]
}

extension Rule {
    public var id: String { Self.description.id }

    /// The rule built from option values (every declared option present,
    /// as `RuleOptions(defaultsOf:overrides:)` fills them in).
    public init(options: RuleOptions) throws {
        try self.init(configuration: try Self.configuration(from: options))
    }

    public static func configuration(from options: RuleOptions) throws(RuleOptionError) -> Configuration {
        try RuleConfigurationDecoder.decode(Configuration.self, from: options, ruleID: description.id)
    }
}
