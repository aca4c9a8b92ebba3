import CopydeskCore
import Foundation

/// Whether a finding was already recorded in the baseline a run was
/// compared with (SARIF's `baselineState`).
public enum BaselineState: String, Sendable, Hashable, Codable {
    /// Not in the baseline: it counts, and fails the run at `--fail-on`.
    case new
    /// In the baseline: known debt, left out of the text and GitHub reports
    /// and of the exit status.
    case unchanged
}

/// One recorded finding. The fingerprint identifies it; the path and rule
/// id are there so that a person reading the file (or its diff) can tell
/// what was recorded.
public struct BaselineEntry: Codable, Hashable, Sendable, Comparable {
    /// Relative to the baseline file's directory, `/`-separated.
    public var path: String
    public var ruleId: String
    /// `FindingFingerprint` of the finding (`copydeskFingerprint/v1`).
    public var fingerprint: String

    public init(path: String, ruleId: String, fingerprint: String) {
        self.path = path
        self.ruleId = ruleId
        self.fingerprint = fingerprint
    }

    public static func < (lhs: BaselineEntry, rhs: BaselineEntry) -> Bool {
        (lhs.path, lhs.ruleId, lhs.fingerprint) < (rhs.path, rhs.ruleId, rhs.fingerprint)
    }
}

/// A baseline recorded file by file, as a run hands its files on.
public struct BaselineEntries {
    private let directory: String
    private let workingDirectory: String
    private var entries: [BaselineEntry] = []
    /// The files recorded, with findings or not.
    public private(set) var files = 0

    public init(directory: String, workingDirectory: String) {
        self.directory = directory
        self.workingDirectory = workingDirectory
    }

    public mutating func record(_ file: FileResult) {
        files += 1
        let path = Baseline.path(of: file.path, relativeTo: directory, workingDirectory: workingDirectory)
        for (finding, fingerprint) in zip(file.findings, file.fingerprints) where !finding.isSuppressed {
            entries.append(BaselineEntry(path: path, ruleId: finding.ruleID, fingerprint: fingerprint))
        }
    }

    public var baseline: Baseline { Baseline(entries: entries) }
}

/// A baseline cannot be read or is not one copydesk can use. Always an
/// input error (exit 2): a run that silently ignored its baseline would
/// fail, or pass, for the wrong reason.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var hint: String

    public var description: String { "\(path): error: \(problem); \(hint)" }
}

/// The findings of an archive recorded at one moment (`copydesk baseline
/// write`), so that `copydesk lint --baseline` fails only on findings that
/// are not among them. Format: docs/baseline-format.md.
public struct Baseline: Sendable, Hashable {
    /// The file format's version; bumped only if a reader of this version
    /// could misread a later file.
    public static let formatVersion = 1

    /// Sorted, without duplicates.
    public private(set) var entries: [BaselineEntry]

    public init(entries: some Sequence<BaselineEntry>) {
        self.entries = Array(Set(entries)).sorted()
    }

    /// Every unsuppressed finding of the run, its path made relative to
    /// `directory` (the baseline file's directory). Suppressed findings are
    /// left out: they carry their own reason, and if that reason is ever
    /// removed the finding should count again.
    public init(recording run: LintRun, directory: String, workingDirectory: String) {
        var entries = BaselineEntries(directory: directory, workingDirectory: workingDirectory)
        for file in run.files { entries.record(file) }
        self = entries.baseline
    }

    /// A report path as the baseline records it.
    static func path(of reportPath: String, relativeTo directory: String, workingDirectory: String) -> String {
        let absolute = PathNormalizer.absolute(reportPath, in: PathNormalizer.normalize(workingDirectory))
        return ReportPaths.relative(absolute, to: PathNormalizer.normalize(directory))
    }

    /// The directory a baseline file's paths are relative to.
    public static func directory(ofFile path: String, workingDirectory: String) -> String {
        let absolute = PathNormalizer.absolute(path, in: PathNormalizer.normalize(workingDirectory))
        let parent = (absolute as NSString).deletingLastPathComponent
        return parent.isEmpty ? "/" : parent
    }

    // MARK: - The file

    /// One entry a line, so adding or fixing a finding is a one-line diff;
    /// no timestamp or tool version, so rewriting an unchanged archive's
    /// baseline changes nothing.
    public func render() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func quoted(_ text: String) -> String { ReportEncoding.encode(text, with: encoder) }
        var output = "{\n"
        output += "  \"version\": \(Self.formatVersion),\n"
        output += "  \"tool\": \"copydesk\",\n"
        output += "  \"fingerprint\": \(quoted(FindingFingerprint.key)),\n"
        if entries.isEmpty {
            output += "  \"findings\": []\n"
        } else {
            output += "  \"findings\": [\n"
            for (index, entry) in entries.enumerated() {
                output += "    {\"path\": \(quoted(entry.path)), \"ruleId\": \(quoted(entry.ruleId)), "
                    + "\"fingerprint\": \(quoted(entry.fingerprint))}"
                output += index == entries.count - 1 ? "\n" : ",\n"
            }
            output += "  ]\n"
        }
        output += "}\n"
        return output
    }

    private struct FileHeader: Decodable {
        var version: Int?
    }

    private struct FileBody: Decodable {
        var tool: String?
        var fingerprint: String
        var findings: [BaselineEntry]
    }

    /// Reads a baseline file; `path` names it in errors.
    public static func read(path: String) throws(BaselineError) -> Baseline {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the baseline" : "the baseline file does not exist"
            throw BaselineError(path: path, problem: reason,
                                hint: "create it with `copydesk baseline write \(path) PATH…`, or check the --baseline path")
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws(BaselineError) -> Baseline {
        let rewrite = "rewrite it with `copydesk baseline write \(path) PATH…`"
        let header: FileHeader
        do {
            header = try JSONDecoder().decode(FileHeader.self, from: data)
        } catch {
            throw BaselineError(path: path, problem: "not a copydesk baseline (not a JSON object)", hint: rewrite)
        }
        guard let version = header.version else {
            throw BaselineError(path: path, problem: "not a copydesk baseline (no \"version\")", hint: rewrite)
        }
        guard version == formatVersion else {
            throw BaselineError(path: path,
                                problem: "baseline format version \(version); this copydesk reads version \(formatVersion)",
                                hint: "use the copydesk that wrote it, or \(rewrite)")
        }
        let body: FileBody
        do {
            body = try JSONDecoder().decode(FileBody.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw BaselineError(path: path, problem: "not a copydesk baseline (\"\(key.stringValue)\" missing\(Self.place(context)))",
                                hint: rewrite)
        } catch let DecodingError.typeMismatch(_, context) {
            throw BaselineError(path: path, problem: "not a copydesk baseline (a value of the wrong type\(Self.place(context)))",
                                hint: rewrite)
        } catch {
            throw BaselineError(path: path, problem: "not a copydesk baseline", hint: rewrite)
        }
        guard body.fingerprint == FindingFingerprint.key else {
            throw BaselineError(path: path,
                                problem: "its fingerprints are \"\(body.fingerprint)\"; this copydesk computes \"\(FindingFingerprint.key)\"",
                                hint: rewrite)
        }
        return Baseline(entries: body.findings)
    }

    private static func place(_ context: DecodingError.Context) -> String {
        let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
    }
}

/// What comparing a run with its baseline found.
public struct BaselineComparison: Sendable, Hashable {
    /// The baseline file, as given.
    public var path: String
    /// Unsuppressed findings already in the baseline.
    public var unchanged: Int
    /// Unsuppressed findings not in it.
    public var new: Int
    /// Entries for files this run linted that no finding matched: fixed
    /// since the baseline was written. Entries for files the run did not
    /// lint are not judged.
    public var absent: Int
}

extension LintRun {
    /// Marks every finding `new` or `unchanged` against `baseline`, whose
    /// paths are relative to `directory` (see `BaselineMatcher`).
    public mutating func compare(with baseline: Baseline, path: String, directory: String, workingDirectory: String,
                                 fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        let index = BaselineIndex(baseline, directory: directory, workingDirectory: workingDirectory,
                                  lintedPaths: files.map(\.path), fileExists: fileExists)
        var matcher = BaselineMatcher(index, path: path)
        for position in files.indices {
            var marks = index.marks(for: files[position])
            matcher.settle(&marks)
            files[position].setBaselineStates(marks.states)
        }
        self.baseline = matcher.comparison
    }
}

/// A baseline ready to compare files with, on any thread.
///
/// A finding matches an entry with its path, rule and fingerprint. A
/// finding left unmatched may still match an entry whose file no longer
/// exists, with the same rule and fingerprint: the article was moved or
/// renamed, and its old findings are the same findings. Each entry matches
/// one finding at most. Matching within a file's own entries needs nothing
/// from other files; which gone file's entry a moved finding takes is
/// settled in path order by `BaselineMatcher`, so it does not depend on
/// how the run was scheduled.
public struct BaselineIndex: Sendable {
    private let directory: String
    private let workingDirectory: String
    private let entriesByPath: [String: Set<BaselineEntry>]
    /// Entries of files that are gone and not linted, by rule and
    /// fingerprint, in path order.
    fileprivate let orphans: [String: [BaselineEntry]]

    /// - Parameter lintedPaths: the run's files, as reports show them; their
    ///   entries are their own even where the file system does not have
    ///   them (a name given to standard input).
    public init(_ baseline: Baseline, directory: String, workingDirectory: String, lintedPaths: [String],
                fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        self.directory = directory
        self.workingDirectory = workingDirectory
        var entriesByPath: [String: Set<BaselineEntry>] = [:]
        for entry in baseline.entries { entriesByPath[entry.path, default: []].insert(entry) }
        let linted = Set(lintedPaths.map { Baseline.path(of: $0, relativeTo: directory, workingDirectory: workingDirectory) })
        let root = PathNormalizer.normalize(directory)
        var orphans: [String: [BaselineEntry]] = [:]
        for path in entriesByPath.keys.sorted()
        where !linted.contains(path) && !fileExists(PathNormalizer.absolute(path, in: root)) {
            for entry in entriesByPath[path]!.sorted() {
                orphans[Self.key(entry.ruleId, entry.fingerprint), default: []].append(entry)
            }
        }
        self.entriesByPath = entriesByPath
        self.orphans = orphans
    }

    /// The file's findings against its own entries.
    public func marks(for file: FileResult) -> BaselineMarks {
        let baselinePath = Baseline.path(of: file.path, relativeTo: directory, workingDirectory: workingDirectory)
        var entries = entriesByPath[baselinePath] ?? []
        var marks = BaselineMarks(states: Array(repeating: .new, count: file.findings.count))
        for (index, finding) in file.findings.enumerated() where !finding.isSuppressed {
            let entry = BaselineEntry(path: baselinePath, ruleId: finding.ruleID, fingerprint: file.fingerprints[index])
            if entries.remove(entry) != nil {
                marks.states[index] = .unchanged
            } else if !orphans.isEmpty, case let key = Self.key(finding.ruleID, file.fingerprints[index]), orphans[key] != nil {
                marks.movedCandidates.append((index, key))
            }
            marks.unsuppressed += 1
        }
        marks.absent = entries.count
        return marks
    }

    fileprivate static func key(_ ruleID: String, _ fingerprint: String) -> String { ruleID + "\u{0}" + fingerprint }
}

/// Where one file's findings stand against a baseline.
public struct BaselineMarks: Sendable {
    /// One per finding.
    public var states: [BaselineState]
    /// Unmatched findings that a gone file's entry may match, with their
    /// rule and fingerprint: settled in path order (`BaselineMatcher.settle`).
    var movedCandidates: [(finding: Int, key: String)] = []
    /// The file's own entries no finding matched: fixed since.
    var absent = 0
    var unsuppressed = 0

    /// Whether the marks are final without the files before this one.
    public var isSettled: Bool { movedCandidates.isEmpty }
}

/// Settles each file's marks in path order, giving moved findings the
/// entries of gone files, and keeps the totals.
public struct BaselineMatcher {
    private let path: String
    private var orphans: [String: [BaselineEntry]]
    private var unchanged = 0
    private var new = 0
    private var absent = 0

    /// `path`: the baseline file, as given.
    public init(_ index: BaselineIndex, path: String) {
        self.path = path
        orphans = index.orphans
    }

    /// Gives the file's moved candidates the gone files' entries still
    /// free, and counts the file. Files must come in path order.
    public mutating func settle(_ marks: inout BaselineMarks) {
        for (index, key) in marks.movedCandidates {
            guard var candidates = orphans[key], !candidates.isEmpty else { continue }
            candidates.removeFirst()
            orphans[key] = candidates
            marks.states[index] = .unchanged
        }
        marks.movedCandidates = []
        let matched = marks.states.reduce(0) { $0 + ($1 == .unchanged ? 1 : 0) }
        unchanged += matched
        new += marks.unsuppressed - matched
        absent += marks.absent
    }

    /// The totals over the files settled so far.
    public var comparison: BaselineComparison {
        BaselineComparison(path: path, unchanged: unchanged, new: new, absent: absent)
    }
}
