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
        Stream.render(run, context: context)
    }

    /// How many results a log of `run` leaves out under `maxResults`.
    public static func omittedResults(_ run: LintRun, maxResults: Int?) -> Int {
        var stream = Stream(context: ReportContext(maxResults: maxResults))
        for file in run.files { _ = stream.add(file) }
        return stream.resultsLeftOut
    }

    /// The log as the run goes. SARIF puts the run's totals and
    /// notifications before its results, and a log holds at most
    /// `--max-results`, the most severe first, so the log is written at the
    /// end; what is kept of each file meanwhile is its artifact and the
    /// results that may still make the cut, never the file.
    public struct Stream: ReportStream {
        public let context: ReportContext
        private var artifacts: [SARIFLog.Artifact] = []
        private var limit: SARIFResultLimit
        /// The severity each rule id is first seen at, in file order: for
        /// rules a finding names that the run did not describe.
        private var firstSeverity: [String: Severity] = [:]

        public init(context: ReportContext) {
            self.context = context
            limit = SARIFResultLimit(maxResults: context.maxResults ?? SARIFReport.defaultMaxResults)
        }

        public mutating func begin() -> String { "" }

        /// The file itself: what a log keeps of it depends on the files
        /// before it (its artifact's index, the result cap).
        public static func piece(of file: FileResult, context: ReportContext) -> FileResult { file }

        public mutating func add(_ file: FileResult) -> String {
            let index = artifacts.count
            for finding in file.findings where firstSeverity[finding.ruleID] == nil {
                firstSeverity[finding.ruleID] = finding.severity
            }
            let (artifact, results) = SARIFLog.entries(for: file, index: index, context: context)
            artifacts.append(artifact)
            for (findingIndex, result) in results.enumerated() {
                limit.offer(result, file: index, finding: findingIndex, standing: file.standing(of: findingIndex),
                            severity: file.findings[findingIndex].severity)
            }
            return ""
        }

        public mutating func finish(_ run: LintRun) -> String {
            // The artifacts and results are encoded one by one on every core
            // and spliced into the rest of the log: the bytes are those of
            // encoding the whole log.
            let rules = SARIFRules(run.rules, styleRules: run.styleRules, firstSeverity: firstSeverity, context: context)
            let skeleton = SARIFLog(run, context: context, rules: rules, limit: limit)
            let pad = String(repeating: " ", count: 8)
            let encodedArtifacts = ReportEncoding.concurrentMap(artifacts) { ReportEncoding.item($0, indentedBy: pad) }
            artifacts = []
            var kept = limit.takeKept()
            for index in kept.indices { kept[index].ruleIndex = rules.index(of: kept[index].ruleId) }
            let encodedResults = ReportEncoding.concurrentMap(kept) { ReportEncoding.item($0, indentedBy: pad) }
            kept = []
            return ReportEncoding.prettyJSON(skeleton, splicing: [("artifacts", 6, encodedArtifacts),
                                                                   ("results", 6, encodedResults)])
        }

        public var resultsLeftOut: Int { limit.omitted.total }
    }
}

/// Which findings a log keeps when there are more than `--max-results`:
/// the ones that matter most to whoever reads the alerts — findings that
/// count before baselined ones, both before suppressed ones, errors before
/// warnings before notes — then by path and position, so the same run
/// always keeps the same results.
///
/// Results are offered in path-and-position order, so within one rank the
/// last offered is the last in that order: when one too many is held, the
/// last of the lowest rank goes.
struct SARIFResultLimit {
    struct Omitted: Hashable {
        var total = 0
        var bySeverity: [Severity: Int] = [:]
        var suppressed = 0
        var baselined = 0
    }

    private struct Candidate {
        var file: Int
        var finding: Int
        var result: SARIFLog.Result
        var standing: FindingStanding
        var severity: Severity
    }

    let maxResults: Int
    /// Held results by rank: standing (counted, baselined, suppressed) then severity.
    private var ranks: [[Candidate]] = Array(repeating: [], count: FindingStanding.allCases.count * 3)
    private var held = 0
    private(set) var omitted = Omitted()

    init(maxResults: Int) { self.maxResults = maxResults }

    mutating func offer(_ result: SARIFLog.Result, file: Int, finding: Int, standing: FindingStanding, severity: Severity) {
        let severityRank: Int
        switch severity {
        case .error: severityRank = 0
        case .warning: severityRank = 1
        case .note: severityRank = 2
        }
        ranks[standing.rawValue * 3 + severityRank].append(Candidate(file: file, finding: finding, result: result,
                                                                     standing: standing, severity: severity))
        held += 1
        guard held > maxResults, let lowest = ranks.lastIndex(where: { !$0.isEmpty }) else { return }
        let dropped = ranks[lowest].removeLast()
        held -= 1
        omitted.total += 1
        switch dropped.standing {
        case .suppressed: omitted.suppressed += 1
        case .baselined: omitted.baselined += 1
        case .counted: omitted.bySeverity[dropped.severity, default: 0] += 1
        }
    }

    /// The results kept, in path-and-position order.
    mutating func takeKept() -> [SARIFLog.Result] {
        var all = ranks.flatMap { $0 }
        ranks = Array(repeating: [], count: ranks.count)
        all.sort { ($0.file, $0.finding) < ($1.file, $1.finding) }
        return all.map(\.result)
    }

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
    /// A file's artifact entry and its results; `index` is the artifact's place in the log.
    /// `ruleIndex` is left 0, for the log to fill in once its rules are known.
    static func entries(for file: FileResult, index: Int, context: ReportContext) -> (Artifact, [Result]) {
        let location = ArtifactLocation(uri: Self.uri(file.path, context), uriBaseId: SARIFReport.sourceRoot, index: index)
        let artifact = Artifact(location: ArtifactLocation(uri: location.uri, uriBaseId: location.uriBaseId),
                                length: file.source.byteCount,
                                mimeType: file.format == .markdown ? "text/markdown" : "text/plain",
                                encoding: "utf-8")
        var results: [Result] = []
        do {
            for (findingIndex, finding) in file.findings.enumerated() {
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
                    ruleIndex: 0,
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

    /// The log without artifacts and results, which are spliced in.
    init(_ run: LintRun, context: ReportContext, rules: SARIFRules, limit: SARIFResultLimit) {
        let artifacts: [Artifact] = []
        let results: [Result] = []
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

    /// `firstSeverity`: each rule id the run's findings name, with the
    /// severity of its first finding.
    init(_ described: [RuleDescription], styleRules: [StyleRuleSummary], firstSeverity: [String: Severity],
         context: ReportContext = ReportContext()) {
        rulesDocumentationURL = context.rulesDocumentationURL.flatMap { $0.isEmpty ? nil : $0 }
        for description in described { add(description) }
        let missing = firstSeverity.filter { indices[$0.key] == nil }
        for (id, severity) in missing.sorted(by: { $0.key < $1.key }) {
            if let description = RuleRegistry.description(of: id) {
                add(description, documented: true)
            } else if let style = styleRules.first(where: { $0.id == id }) {
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
