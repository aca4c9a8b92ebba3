import CopydeskCore
import Foundation

/// The output formats of `copydesk lint --format`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Compiler-style lines with the source line and a caret underline.
    case text
    /// copydesk's own versioned JSON schema (docs/json-format.md).
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// GitHub Actions workflow commands, which become annotations on a pull request.
    case github

    /// Whether the report shows the lines findings stand on (the text
    /// report's snippets); the others need only positions.
    public var showsSnippets: Bool { self == .text }

    public var renderer: any ReportRenderer {
        switch self {
        case .text: return TextReport()
        case .json: return JSONReport()
        case .sarif: return SARIFReport()
        case .github: return GitHubReport()
        }
    }
}

/// Everything a report needs besides the run itself. The CLI fills it from
/// the environment; tests inject a fixed version and clock so reports are
/// byte-for-byte reproducible.
public struct ReportContext: Sendable {
    /// The version reports name the tool by.
    public var toolVersion: String
    /// When the report was made (JSON `generatedAt`, SARIF `endTimeUtc`).
    public var generatedAt: Date
    /// Absolute path that relative artifact URIs and annotation paths are
    /// relative to; relative input paths are taken to be relative to it.
    public var workingDirectory: String
    /// ANSI colour in the text report. The CLI turns it on only for a
    /// terminal with `NO_COLOR` unset.
    public var color: Bool
    /// The most results a SARIF log holds (`--max-results`); nil for
    /// `SARIFReport.defaultMaxResults`, what GitHub code scanning accepts.
    public var maxResults: Int?
    /// The address of docs/rules.md where copydesk is published, for SARIF
    /// `helpUri` of its own rules (`…/rules.md#quote-balance`); nil leaves
    /// `helpUri` out rather than point at a page that may not exist.
    public var rulesDocumentationURL: String?

    public init(toolVersion: String = CopydeskVersion.current, generatedAt: Date = Date(),
                workingDirectory: String = FileManager.default.currentDirectoryPath, color: Bool = false,
                maxResults: Int? = nil, rulesDocumentationURL: String? = CopydeskVersion.rulesDocumentationURL) {
        self.toolVersion = toolVersion
        self.generatedAt = generatedAt
        self.workingDirectory = workingDirectory
        self.color = color
        self.maxResults = maxResults
        self.rulesDocumentationURL = rulesDocumentationURL
    }
}

/// One output format: a pure function of a run and a context.
public protocol ReportRenderer: Sendable {
    /// The whole report. Non-empty output ends with a line break, so the CLI
    /// writes it as is.
    func render(_ run: LintRun, context: ReportContext) -> String
}

public func renderReport(_ run: LintRun, format: ReportFormat, context: ReportContext) -> String {
    format.renderer.render(run, context: context)
}

/// A report written while the run goes, so that a run over an archive
/// holds neither its files nor the whole report: what comes before the
/// files, then each file as it is linted, in path order, then the rest.
/// A format that must see every file before it can write one (SARIF's
/// result cap, GitHub's annotation notice) keeps what it needs of each,
/// not the file, and writes it at the end. Its type is used on every core,
/// where `piece(of:context:)` is made.
public protocol ReportStream: SendableMetatype {
    /// What the report takes of one file: made on any thread, so the
    /// costly part (encoding) is spread over the cores.
    associatedtype Piece: Sendable

    init(context: ReportContext)
    var context: ReportContext { get }
    /// The text before the first file.
    mutating func begin() -> String
    static func piece(of file: FileResult, context: ReportContext) -> Piece
    /// The text for one file, to be written at once (empty when the format
    /// writes it later). Files come in path order.
    mutating func add(_ piece: Piece) -> String
    /// The rest of the report. `run` has every problem and total; its
    /// files (if it holds any) were already added.
    mutating func finish(_ run: LintRun) -> String
    /// Results the report left out (SARIF's `--max-results`), known after `finish(_:)`.
    var resultsLeftOut: Int { get }
}

extension ReportStream {
    public var resultsLeftOut: Int { 0 }

    public mutating func add(_ file: FileResult) -> String { add(Self.piece(of: file, context: context)) }

    /// The whole report of a run that holds its files.
    public static func render(_ run: LintRun, context: ReportContext) -> String {
        var stream = Self(context: context)
        var output = stream.begin()
        for file in run.files { output += stream.add(file) }
        output += stream.finish(run)
        return output
    }
}

/// What a run amounts to. Suppressed findings are counted apart and never
/// as errors, warnings or notes.
public struct ReportSummary: Sendable, Hashable, Codable {
    /// Files that were linted (files with input problems are not among them).
    public var files: Int
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    public var suppressed: Int
    /// Unsuppressed findings already in the baseline (`--baseline`); they
    /// are not counted as errors, warnings or notes.
    public var baselined: Int
    /// Input problems at level error: files that could not be read.
    public var inputErrors: Int
    /// Input problems at level warning: files that were skipped.
    public var inputWarnings: Int

    public init(_ run: LintRun) {
        let tally = run.tally
        self.files = tally.files
        self.errors = tally.errors
        self.warnings = tally.warnings
        self.notes = tally.notes
        self.suppressed = tally.suppressed
        self.baselined = tally.baselined
        self.inputErrors = run.problems.filter { $0.level == .error }.count
        self.inputWarnings = run.problems.filter { $0.level == .warning }.count
    }

    /// Unsuppressed findings of every severity.
    public var findings: Int { errors + warnings + notes }
}

enum ReportEncoding {
    /// Sorted keys make the output independent of how Foundation orders a
    /// dictionary or a synthesized encoder; unescaped slashes keep paths and
    /// URIs readable.
    static func prettyJSON(_ value: some Encodable) -> String {
        encode(value, with: prettyEncoder()) + "\n"
    }

    static func prettyEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encode(_ value: some Encodable, with encoder: JSONEncoder) -> String {
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            // Every report type is a tree of strings, integers and booleans,
            // which JSONEncoder always encodes.
            preconditionFailure("report encoding failed: \(error)")
        }
    }

    /// `value` encoded (pretty, sorted keys) and indented by `pad`, ready
    /// for its place in a spliced report.
    static func item(_ value: some Encodable, indentedBy pad: String, encoder: JSONEncoder = prettyEncoder()) -> String {
        indented(encode(value, with: encoder), by: pad)
    }

    /// `transform` applied to every element, in chunks across the cores,
    /// the results in the elements' order.
    static func concurrentMap<T: Sendable, U: Sendable>(_ values: [T], _ transform: @Sendable (T) -> U) -> [U] {
        guard values.count > 1 else { return values.map(transform) }
        let chunks = min(values.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        let results = ConcurrentSlots<U>(count: values.count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = values.count * chunk / chunks, upper = values.count * (chunk + 1) / chunks
            for index in lower..<upper { results.set(index, transform(values[index])) }
        }
        return results.values
    }

    /// Every non-empty line of an encoded value indented by `pad`: JSON
    /// strings hold no raw line breaks, so this is safe.
    static func indented(_ item: String, by pad: String) -> String {
        guard !pad.isEmpty else { return item }
        let padBytes = Array(pad.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(item.utf8.count + item.utf8.count / 4)
        var lineStart = true
        for byte in item.utf8 {
            if lineStart && byte != 0x0A { out += padBytes }
            out.append(byte)
            lineStart = byte == 0x0A
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same for several arrays, each named by its key and the number of
    /// spaces its key is indented by, in the order they appear in the text.
    ///
    /// The items are taken, and each is let go once copied into the
    /// report, so an archive's report is not held twice.
    static func prettyJSON(_ skeleton: some Encodable,
                           splicing taken: consuming [(key: String, indent: Int, items: [String])]) -> String {
        var holes = taken
        let text = prettyJSON(skeleton)
        var output = ""
        // Sized once: growing by doubling would hold the report twice.
        output.reserveCapacity(text.utf8.count + holes.reduce(0) { total, hole in
            hole.items.reduce(total) { $0 + $1.utf8.count + 2 } + hole.indent + 4
        })
        var rest = text[...]
        for hole in holes.indices {
            let key = holes[hole].key
            let pad = String(repeating: " ", count: holes[hole].indent)
            let empty = "\n\(pad)\"\(key)\" : [\n\n\(pad)]"
            guard !holes[hole].items.isEmpty, let place = rest.range(of: empty) else { continue }
            output += rest[..<place.lowerBound]
            output += "\n\(pad)\"\(key)\" : ["
            // Items come indented for their place (`item(_:indentedBy:)`).
            for number in holes[hole].items.indices {
                output += number == 0 ? "\n" : ",\n"
                output += holes[hole].items[number]
                holes[hole].items[number] = ""
            }
            output += "\n\(pad)]"
            rest = rest[place.upperBound...]
        }
        output += rest
        return output
    }

    /// RFC 3339 / ISO 8601 in UTC to the second: `2024-05-01T09:30:00Z`.
    static func timestamp(_ date: Date) -> String {
        UTCTimestamp.string(date)
    }
}

extension Severity {
    var plural: String {
        switch self {
        case .error: return "errors"
        case .warning: return "warnings"
        case .note: return "notes"
        }
    }
}

