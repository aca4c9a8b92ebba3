import CopydeskCore
import CopydeskRules

/// SARIF 2.1.0 with what GitHub code scanning needs to show, track and
/// dismiss alerts: rule metadata with help, relative artifact URIs against
/// `%SRCROOT%`, full regions, partial fingerprints, and in-source
/// suppressions with their justification.
///
/// Columns are Unicode scalars, declared as `columnKind: unicodeCodePoints`,
/// and written exactly as `SourcePosition.column`. Byte offsets and lengths
/// are UTF-8 bytes of the file as read (a byte order mark included), which is
/// what SARIF's `byteOffset` counts. `charOffset` is left out: its unit
/// depends on how a viewer decodes the file.
public struct SARIFReport: ReportRenderer {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    static let sourceRoot = "%SRCROOT%"

    public init() {}

    /// GitHub code scanning takes at most 25,000 results a run.
    public static let defaultMaxResults = 25_000

    public func render(_ run: LintRun, context: ReportContext) -> String {
        // Artifacts and results are encoded file by file and spliced into the
        // rest of the log, so the encoder never holds every result at once;
        // the bytes are those of encoding the whole log.
        let rules = SARIFRules(run, context: context)
        let limit = SARIFResultLimit(run, maxResults: context.maxResults ?? Self.defaultMaxResults)
        let skeleton = SARIFLog(run, context: context, rules: rules, limit: limit, withFiles: false)
        let pad = String(repeating: " ", count: 8)
        var entries = ReportEncoding.concurrentMap(Array(run.files.enumerated())) { index, file in
            let (artifact, fileResults) = SARIFLog.entries(for: file, index: index, rules: rules, context: context,
                                                           keeping: { limit.keeps(file: index, finding: $0) })
            let encoder = ReportEncoding.prettyEncoder()
            return (ReportEncoding.item(artifact, indentedBy: pad, encoder: encoder),
                    fileResults.map { ReportEncoding.item($0, indentedBy: pad, encoder: encoder) })
        }
        // Moved out of `entries`, so each encoded piece is held once.
        var artifacts: [String] = []
        var results: [String] = []
        artifacts.reserveCapacity(entries.count)
        for index in entries.indices {
            artifacts.append(entries[index].0)
            results += entries[index].1
            entries[index] = ("", [])
        }
        entries = []
        return ReportEncoding.prettyJSON(skeleton, splicing: [("artifacts", 6, artifacts), ("results", 6, results)])
    }

    /// How many results a log of `run` leaves out under `maxResults`.
    public static func omittedResults(_ run: LintRun, maxResults: Int?) -> Int {
        SARIFResultLimit(run, maxResults: maxResults ?? defaultMaxResults).omitted.total
    }
}

/// Which findings a log keeps when there are more than `--max-results`:
/// the ones that matter most to whoever reads the alerts — findings that
/// count before baselined ones, both before suppressed ones, errors before
/// warnings before notes — then by path and position, so the same run
/// always keeps the same results.
struct SARIFResultLimit {
    struct Omitted: Hashable {
        var total = 0
        var bySeverity: [Severity: Int] = [:]
        var suppressed = 0
        var baselined = 0
    }

    let maxResults: Int
    /// Nil when every result fits.
    private let kept: [Set<Int>]?
    private(set) var omitted = Omitted()

    init(_ run: LintRun, maxResults: Int) {
        self.maxResults = maxResults
        let total = run.files.reduce(0) { $0 + $1.findings.count }
        guard total > maxResults else {
            kept = nil
            return
        }
        struct Candidate {
            var file: Int
            var finding: Int
            var rank: (tier: Int, severity: Int)
        }
        var candidates: [Candidate] = []
        candidates.reserveCapacity(total)
        for (fileIndex, file) in run.files.enumerated() {
            for (index, finding) in file.findings.enumerated() {
                let tier = finding.isSuppressed ? 2 : (file.counts(index) ? 0 : 1)
                let severity: Int
                switch finding.severity {
                case .error: severity = 0
                case .warning: severity = 1
                case .note: severity = 2
                }
                candidates.append(Candidate(file: fileIndex, finding: index, rank: (tier, severity)))
            }
        }
        // Files are sorted by path and findings by position, so the indices
        // are the path-and-position order.
        candidates.sort {
            ($0.rank.tier, $0.rank.severity, $0.file, $0.finding) < ($1.rank.tier, $1.rank.severity, $1.file, $1.finding)
        }
        var kept = Array(repeating: Set<Int>(), count: run.files.count)
        for candidate in candidates.prefix(maxResults) { kept[candidate.file].insert(candidate.finding) }
        for candidate in candidates.dropFirst(maxResults) {
            let file = run.files[candidate.file]
            let finding = file.findings[candidate.finding]
            omitted.total += 1
            if finding.isSuppressed {
                omitted.suppressed += 1
            } else if !file.counts(candidate.finding) {
                omitted.baselined += 1
            } else {
                omitted.bySeverity[finding.severity, default: 0] += 1
            }
        }
        self.kept = kept
    }

    func keeps(file: Int, finding: Int) -> Bool { kept?[file].contains(finding) ?? true }

    /// The notification that says what was left out, for a person reading
    /// the log in a viewer or in the CI output.
    var message: String? {
        guard omitted.total > 0 else { return nil }
        var parts = Severity.allCases.reversed().compactMap { severity -> String? in
            guard let number = omitted.bySeverity[severity], number > 0 else { return nil }
            return "\(number) \(number == 1 ? String(severity.plural.dropLast()) : severity.plural)"
        }
        if omitted.baselined > 0 { parts.append("\(omitted.baselined) already in the baseline") }
        if omitted.suppressed > 0 { parts.append("\(omitted.suppressed) suppressed") }
        return "\(omitted.total) results left out (\(parts.joined(separator: ", "))): this log holds at most "
            + "\(maxResults) (--max-results; GitHub code scanning accepts 25000 a run). The most severe are kept; "
            + "`copydesk lint --format json` lists every finding."
    }
}

struct SARIFLog: Codable, Hashable {
    var schema: String
    var version: String
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    struct Run: Codable, Hashable {
        var tool: Tool
        var invocations: [Invocation]
        var originalUriBaseIds: [String: ArtifactLocation]
        var artifacts: [Artifact]
        var columnKind: String
        var results: [Result]
        /// What a viewer cannot tell from the results alone: how many were
        /// left out, and the baseline they were compared with.
        var properties: RunProperties?
    }

    struct RunProperties: Codable, Hashable {
        var maxResults: Int?
        var resultsOmitted: Int?
        var baseline: BaselineProperties?
    }

    struct BaselineProperties: Codable, Hashable {
        var path: String
        var unchanged: Int
        var new: Int
        var absent: Int
    }

    struct Tool: Codable, Hashable {
        var driver: Driver
    }

    struct Driver: Codable, Hashable {
        var name: String
        var semanticVersion: String
        var rules: [Rule]
    }

    struct Rule: Codable, Hashable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Help
        var defaultConfiguration: Configuration
        /// Where the rule is documented (a style rule's `link`).
        var helpUri: String?
    }

    struct Help: Codable, Hashable {
        var text: String
        var markdown: String
    }

    struct Configuration: Codable, Hashable {
        var level: String
    }

    struct Message: Codable, Hashable {
        var text: String
    }

    struct Invocation: Codable, Hashable {
        var executionSuccessful: Bool
        var endTimeUtc: String
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Codable, Hashable {
        var level: String
        var message: Message
        var locations: [Location]?
    }

    struct Artifact: Codable, Hashable {
        var location: ArtifactLocation
        var length: Int
        var mimeType: String
        var encoding: String
    }

    struct ArtifactLocation: Codable, Hashable {
        var uri: String
        var uriBaseId: String?
        var index: Int?
    }

    struct Result: Codable, Hashable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        /// `new` or `unchanged` against the run's baseline, when it has one.
        var baselineState: String?
        /// SARIF's 0–100 priority: the rule's confidence, where it weighs findings.
        var rank: Double?
        var properties: [String: Double]?
        /// One per suggestion: the finding's region replaced by its text.
        var fixes: [Fix]?
    }

    struct Fix: Codable, Hashable {
        var description: Message
        var artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Codable, Hashable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    struct Replacement: Codable, Hashable {
        var deletedRegion: Region
        var insertedContent: ArtifactContent
    }

    struct ArtifactContent: Codable, Hashable {
        var text: String
    }

    struct Location: Codable, Hashable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Message?
    }

    struct PhysicalLocation: Codable, Hashable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct Region: Codable, Hashable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int?
        var endColumn: Int?
        var byteOffset: Int?
        var byteLength: Int?
    }

    struct Suppression: Codable, Hashable {
        var kind: String
        var justification: String?
        var location: Location?
    }
}

extension SARIFLog {
    init(_ run: LintRun, context: ReportContext) {
        self.init(run, context: context, rules: SARIFRules(run, context: context),
                  limit: SARIFResultLimit(run, maxResults: context.maxResults ?? SARIFReport.defaultMaxResults),
                  withFiles: true)
    }

    /// A file's artifact entry and its results; `index` is the artifact's place in the log.
    static func entries(for file: FileResult, index: Int, rules: SARIFRules, context: ReportContext,
                        keeping keeps: (Int) -> Bool = { _ in true }) -> (Artifact, [Result]) {
        let location = ArtifactLocation(uri: Self.uri(file.path, context), uriBaseId: SARIFReport.sourceRoot, index: index)
        let artifact = Artifact(location: ArtifactLocation(uri: location.uri, uriBaseId: location.uriBaseId),
                                length: file.source.byteCount,
                                mimeType: file.format == .markdown ? "text/markdown" : "text/plain",
                                encoding: "utf-8")
        var results: [Result] = []
        do {
            for (findingIndex, finding) in file.findings.enumerated() where keeps(findingIndex) {
                let fingerprint = file.fingerprints[findingIndex]
                let related = finding.related.enumerated().map { index, related in
                    Location(id: index + 1,
                             physicalLocation: PhysicalLocation(artifactLocation: location, region: Region(related.range)),
                             message: Message(text: related.message))
                }
                let suppressions = finding.suppression.map { suppression in
                    [Suppression(kind: suppression.kind.rawValue, justification: suppression.justification,
                                 location: suppression.directiveRange.map {
                                     Location(physicalLocation: PhysicalLocation(artifactLocation: location,
                                                                                 region: Region($0)))
                                 })]
                }
                results.append(Result(
                    ruleId: finding.ruleID,
                    ruleIndex: rules.index(of: finding.ruleID),
                    level: finding.severity.rawValue,
                    message: Message(text: finding.message),
                    locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: location,
                                                                            region: Region(finding.range)))],
                    relatedLocations: related.isEmpty ? nil : related,
                    partialFingerprints: [FindingFingerprint.key: fingerprint],
                    suppressions: suppressions,
                    baselineState: file.baselineStates?[findingIndex].rawValue,
                    rank: finding.confidence.map { ($0 * 100).rounded() },
                    properties: finding.confidence.map { ["confidence": $0] },
                    fixes: finding.suggestions.isEmpty ? nil : finding.suggestions.map { text in
                        Fix(description: Message(text: text.isEmpty ? "Delete it" : "Replace with '\(text)'"),
                            artifactChanges: [ArtifactChange(artifactLocation: location, replacements: [
                                Replacement(deletedRegion: Region(finding.range), insertedContent: ArtifactContent(text: text)),
                            ])])
                    }))
            }
        }
        return (artifact, results)
    }

    init(_ run: LintRun, context: ReportContext, rules: SARIFRules, limit: SARIFResultLimit, withFiles: Bool) {
        var artifacts: [Artifact] = []
        var results: [Result] = []
        if withFiles {
            for (index, file) in run.files.enumerated() {
                let (artifact, fileResults) = Self.entries(for: file, index: index, rules: rules, context: context,
                                                           keeping: { limit.keeps(file: index, finding: $0) })
                artifacts.append(artifact)
                results += fileResults
            }
        }
        var notifications = run.problems.map { problem in
            var region: Region?
            if let line = problem.line {
                region = Region(startLine: line, startColumn: problem.column ?? 1, byteOffset: problem.offset)
            }
            return Notification(
                level: problem.level.rawValue,
                message: Message(text: problem.message),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: Self.uri(problem.path, context), uriBaseId: SARIFReport.sourceRoot),
                    region: region))])
        }
        if let message = limit.message {
            notifications.append(Notification(level: "warning", message: Message(text: message), locations: nil))
        }
        var properties: RunProperties?
        if limit.omitted.total > 0 || run.baseline != nil {
            properties = RunProperties(
                maxResults: limit.omitted.total > 0 ? limit.maxResults : nil,
                resultsOmitted: limit.omitted.total > 0 ? limit.omitted.total : nil,
                baseline: run.baseline.map {
                    BaselineProperties(path: $0.path, unchanged: $0.unchanged, new: $0.new, absent: $0.absent)
                })
        }
        schema = SARIFReport.schemaURI
        version = "2.1.0"
        runs = [Run(
            tool: Tool(driver: Driver(name: "copydesk", semanticVersion: context.toolVersion,
                                      rules: rules.descriptors)),
            invocations: [Invocation(executionSuccessful: !run.problems.contains { $0.level == .error },
                                     endTimeUtc: ReportEncoding.timestamp(context.generatedAt),
                                     toolExecutionNotifications: notifications)],
            originalUriBaseIds: [SARIFReport.sourceRoot: ArtifactLocation(
                uri: ReportPaths.directoryURI(context.workingDirectory))],
            artifacts: artifacts,
            columnKind: "unicodeCodePoints",
            results: results,
            properties: properties)]
    }

    static func uri(_ path: String, _ context: ReportContext) -> String {
        ReportPaths.uriReference(ReportPaths.relative(path, to: context.workingDirectory))
    }
}

extension SARIFLog.Region {
    init(_ range: SourceRange) {
        self.init(startLine: range.start.line, startColumn: range.start.column,
                  endLine: range.end.line, endColumn: range.end.column,
                  byteOffset: range.start.offset, byteLength: range.end.offset - range.start.offset)
    }
}

/// `tool.driver.rules`: every enabled rule, then any rule a finding names
/// that the run did not describe (so every result's `ruleId` resolves, as
/// GitHub requires), each once, with the index results point at.
struct SARIFRules {
    private(set) var descriptors: [SARIFLog.Rule] = []
    private var indices: [String: Int] = [:]

    /// `…/docs/rules.md`, for the `helpUri` of copydesk's own rules.
    private let rulesDocumentationURL: String?

    init(_ run: LintRun, context: ReportContext = ReportContext()) {
        rulesDocumentationURL = context.rulesDocumentationURL.flatMap { $0.isEmpty ? nil : $0 }
        for description in run.rules { add(description) }
        var missing: [String: Severity] = [:]
        for file in run.files {
            for finding in file.findings where indices[finding.ruleID] == nil && missing[finding.ruleID] == nil {
                missing[finding.ruleID] = finding.severity
            }
        }
        for (id, severity) in missing.sorted(by: { $0.key < $1.key }) {
            if let description = RuleRegistry.description(of: id) {
                add(description, documented: true)
            } else if let style = run.styleRules.first(where: { $0.id == id }) {
                let summary = style.description.isEmpty ? style.message : style.description
                let text = "\(summary) (Vale \(style.kind) rule, \(style.file))"
                indices[id] = descriptors.count
                descriptors.append(SARIFLog.Rule(
                    id: id, name: Self.pascalCase(id), shortDescription: .init(text: style.message),
                    fullDescription: .init(text: text), help: .init(text: text, markdown: text),
                    defaultConfiguration: .init(level: severity.rawValue),
                    helpUri: style.link.flatMap { $0.isEmpty ? nil : $0 }))
            } else {
                let text = "Findings copydesk reports under the id `\(id)`."
                indices[id] = descriptors.count
                descriptors.append(SARIFLog.Rule(
                    id: id, name: Self.pascalCase(id), shortDescription: .init(text: text),
                    fullDescription: .init(text: text), help: .init(text: text, markdown: text),
                    defaultConfiguration: .init(level: severity.rawValue)))
            }
        }
    }

    func index(of id: String) -> Int { indices[id] ?? 0 }

    /// `documented`: a rule of copydesk's own, with a section in docs/rules.md.
    private mutating func add(_ description: RuleDescription, documented: Bool? = nil) {
        guard indices[description.id] == nil else { return }
        let isBuiltIn = documented ?? (RuleRegistry.description(of: description.id) != nil)
        indices[description.id] = descriptors.count
        descriptors.append(SARIFLog.Rule(
            id: description.id,
            name: Self.pascalCase(description.id),
            shortDescription: .init(text: description.summary),
            fullDescription: .init(text: description.rationale),
            help: Self.help(description),
            defaultConfiguration: .init(level: description.defaultSeverity.rawValue),
            helpUri: isBuiltIn ? rulesDocumentationURL.map { $0 + "#" + description.id } : nil))
    }

    /// SARIF wants `name` to be an identifier: `quote-attribution` becomes
    /// `QuoteAttribution`.
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// The rationale and the rule's first examples, with the `↓` markers
    /// removed (they are test annotations, not text the rule sees).
    static func help(_ description: RuleDescription) -> SARIFLog.Help {
        var text = description.rationale
        var markdown = description.rationale
        if let example = description.triggering.first {
            let snippet = example.unmarked.text
            text += "\n\nExample that is reported:\n\n" + indented(snippet)
            markdown += "\n\nExample that is reported:\n\n" + fenced(snippet, format: example.format)
        }
        if let example = description.nonTriggering.first {
            let snippet = example.unmarked.text
            text += "\n\nExample that is not reported:\n\n" + indented(snippet)
            markdown += "\n\nExample that is not reported:\n\n" + fenced(snippet, format: example.format)
        }
        return SARIFLog.Help(text: text, markdown: markdown)
    }

    private static func indented(_ snippet: String) -> String {
        snippet.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    " + $0 }
            .joined(separator: "\n")
            .trimmingTrailingNewlines()
    }

    /// A fence longer than any backtick run in the snippet, so an example
    /// that shows a code span or fence cannot close it early.
    private static func fenced(_ snippet: String, format: InputFormat) -> String {
        var longest = 0, run = 0
        for character in snippet {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let language = format == .markdown ? "markdown" : "text"
        return fence + language + "\n" + snippet.trimmingTrailingNewlines() + "\n" + fence
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var result = Substring(self)
        while result.last == "\n" { result.removeLast() }
        return String(result)
    }
}
