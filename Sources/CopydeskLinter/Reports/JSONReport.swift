import CopydeskCore

/// copydesk's own JSON report, schema version 1 (docs/json-format.md).
/// Unlike the text report it lists suppressed findings, marked with their
/// suppression, so a dashboard can audit the exceptions.
public struct JSONReport: ReportRenderer {
    public init() {}

    public func render(_ run: LintRun, context: ReportContext) -> String {
        Stream.render(run, context: context)
    }

    /// The report written as the run goes. Its top-level keys come in the
    /// order of docs/json-format.md: what is known at the start, then the
    /// files as they are linted, then what is known only at the end.
    /// Every object below them has its keys sorted. Each file is written on
    /// its own (`PrettyJSONWriter`), never as part of a tree of an
    /// archive's findings.
    public struct Stream: ReportStream {
        public let context: ReportContext
        private let encoder = ReportEncoding.prettyEncoder()
        private var filesWritten = 0

        public init(context: ReportContext) { self.context = context }

        public mutating func begin() -> String {
            "{\n" + member("version", JSONLintReport.schemaVersion)
                + member("tool", JSONLintReport.Tool(name: "copydesk", version: context.toolVersion))
                + member("generatedAt", ReportEncoding.timestamp(context.generatedAt))
                + "  \"files\" : ["
        }

        /// The file's object, encoded and indented for its place.
        public static func piece(of file: FileResult, context: ReportContext) -> String {
            JSONLintReport.File(file).prettyJSON(depth: 2)
        }

        public mutating func add(_ piece: String) -> String {
            filesWritten += 1
            return (filesWritten == 1 ? "\n" : ",\n") + piece
        }

        public mutating func finish(_ run: LintRun) -> String {
            let report = JSONLintReport(run, context: context, withFiles: false)
            // An empty array as JSONEncoder writes one.
            return (filesWritten == 0 ? "\n\n  ],\n" : "\n  ],\n")
                + member("problems", report.problems)
                + member("summary", report.summary)
                + member("baseline", report.baseline, last: true)
                + "}\n"
        }

        /// `"key" : value` at the top level: the value indented to its
        /// depth, its first line following the key.
        private func member(_ key: String, _ value: some Encodable, last: Bool = false) -> String {
            "  \"\(key)\" : " + ReportEncoding.item(value, indentedBy: "  ", encoder: encoder).dropFirst(2)
                + (last ? "\n" : ",\n")
        }
    }
}

/// The JSON report as typed values. Optional members are written as `null`
/// rather than left out, so every object of a kind has the same keys.
/// `JSONReport` writes it with its top-level keys in the order below, and
/// decoding it gives the same value.
/// Version 1; additions keep the version, anything that breaks a reader of
/// version 1 (a removed or renamed key, a changed type or meaning) bumps it.
public struct JSONLintReport: Codable, Sendable, Hashable {
    public static let schemaVersion = 1

    public var version: Int
    public var tool: Tool
    /// ISO 8601 in UTC, to the second.
    public var generatedAt: String
    public var files: [File]
    public var problems: [Problem]
    public var summary: ReportSummary
    /// The baseline the run was compared with (`--baseline`), or null.
    public var baseline: Baseline?

    public struct Baseline: Codable, Sendable, Hashable {
        /// The baseline file, as given.
        public var path: String
        /// Unsuppressed findings already in it, and not in it.
        public var unchanged: Int
        public var new: Int
        /// Its entries for linted files that no finding matched any more.
        public var absent: Int
    }

    enum CodingKeys: String, CodingKey {
        case version, tool, generatedAt, files, problems, summary, baseline
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(tool, forKey: .tool)
        try container.encode(generatedAt, forKey: .generatedAt)
        try container.encode(files, forKey: .files)
        try container.encode(problems, forKey: .problems)
        try container.encode(summary, forKey: .summary)
        try container.encode(baseline, forKey: .baseline)
    }

    public struct Tool: Codable, Sendable, Hashable {
        public var name: String
        public var version: String
    }

    public struct File: Codable, Sendable, Hashable {
        public var path: String
        /// `text` or `markdown`.
        public var format: String
        public var findings: [Finding]
    }

    public struct Finding: Codable, Sendable, Hashable {
        public var ruleId: String
        /// `error`, `warning` or `note`.
        public var severity: String
        public var message: String
        public var range: Range
        public var related: [Related]
        public var suppressed: Suppression?
        /// From 0 to 1, for rules that weigh their findings; absent where certain.
        public var confidence: Double?
        /// Texts to put in place of `range`, best first ("" deletes it);
        /// absent when the rule offers none (a style rule's `action`).
        public var suggestions: [String]?
        /// The finding's stable fingerprint (`copydeskFingerprint/v1`, the
        /// SARIF partial fingerprint): the same across edits elsewhere in
        /// the article.
        public var fingerprint: String
        /// `new` or `unchanged` against the run's baseline; null without one.
        public var baselineState: String?

        enum CodingKeys: String, CodingKey {
            case ruleId, severity, message, range, related, suppressed, confidence, suggestions, fingerprint, baselineState
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ruleId, forKey: .ruleId)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(range, forKey: .range)
            try container.encode(related, forKey: .related)
            try container.encode(suppressed, forKey: .suppressed)
            try container.encodeIfPresent(confidence, forKey: .confidence)
            try container.encodeIfPresent(suggestions, forKey: .suggestions)
            try container.encode(fingerprint, forKey: .fingerprint)
            try container.encode(baselineState, forKey: .baselineState)
        }
    }

    public struct Related: Codable, Sendable, Hashable {
        public var message: String
        public var range: Range
    }

    public struct Suppression: Codable, Sendable, Hashable {
        /// `inSource` (a directive in the article) or `external` (a waiver
        /// outside it), as in SARIF.
        public var kind: String
        public var justification: String?
        /// Where the directive that suppressed the finding stands.
        public var directiveRange: Range?

        enum CodingKeys: String, CodingKey {
            case kind, justification, directiveRange
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(justification, forKey: .justification)
            try container.encode(directiveRange, forKey: .directiveRange)
        }
    }

    /// Half-open: `end` is the position just after the last character.
    public struct Range: Codable, Sendable, Hashable {
        public var start: Position
        public var end: Position
    }

    public struct Position: Codable, Sendable, Hashable {
        /// 1-based.
        public var line: Int
        /// 1-based, in Unicode scalars.
        public var column: Int
        /// 0-based UTF-8 byte offset into the file.
        public var offset: Int
    }

    /// A file that could not be linted (`error`) or was skipped (`warning`).
    public struct Problem: Codable, Sendable, Hashable {
        public var path: String
        public var level: String
        public var message: String
        public var line: Int?
        public var column: Int?
        public var offset: Int?

        enum CodingKeys: String, CodingKey {
            case path, level, message, line, column, offset
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(level, forKey: .level)
            try container.encode(message, forKey: .message)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(offset, forKey: .offset)
        }
    }
}

extension JSONLintReport {
    public init(_ run: LintRun, context: ReportContext) {
        self.init(run, context: context, withFiles: true)
    }

    init(_ run: LintRun, context: ReportContext, withFiles: Bool) {
        version = Self.schemaVersion
        tool = Tool(name: "copydesk", version: context.toolVersion)
        generatedAt = ReportEncoding.timestamp(context.generatedAt)
        files = withFiles ? run.files.map(File.init) : []
        problems = run.problems.map { problem in
            Problem(path: problem.path, level: problem.level.rawValue, message: problem.message,
                    line: problem.line, column: problem.column, offset: problem.offset)
        }
        summary = ReportSummary(run)
        baseline = run.baseline.map {
            Baseline(path: $0.path, unchanged: $0.unchanged, new: $0.new, absent: $0.absent)
        }
    }
}

extension JSONLintReport.File {
    init(_ file: FileResult) {
        self.init(path: file.path, format: file.format.rawValue, findings: file.findings.indices.map { index in
            JSONLintReport.Finding(file.findings[index], fingerprint: file.fingerprints[index],
                                   baselineState: file.baselineStates?[index])
        })
    }
}

extension JSONLintReport.Finding {
    init(_ finding: CopydeskCore.Finding, fingerprint: String, baselineState: BaselineState?) {
        self.fingerprint = fingerprint
        self.baselineState = baselineState?.rawValue
        ruleId = finding.ruleID
        severity = finding.severity.rawValue
        message = finding.message
        range = JSONLintReport.Range(finding.range)
        confidence = finding.confidence
        suggestions = finding.suggestions.isEmpty ? nil : finding.suggestions
        related = finding.related.map { JSONLintReport.Related(message: $0.message, range: JSONLintReport.Range($0.range)) }
        suppressed = finding.suppression.map { suppression in
            JSONLintReport.Suppression(kind: suppression.kind.rawValue, justification: suppression.justification,
                                       directiveRange: suppression.directiveRange.map(JSONLintReport.Range.init))
        }
    }
}

extension JSONLintReport.Range {
    init(_ range: SourceRange) {
        start = JSONLintReport.Position(line: range.start.line, column: range.start.column, offset: range.start.offset)
        end = JSONLintReport.Position(line: range.end.line, column: range.end.column, offset: range.end.offset)
    }
}
