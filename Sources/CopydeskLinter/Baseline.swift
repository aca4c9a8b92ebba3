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
        var entries: [BaselineEntry] = []
        for file in run.files {
            let path = Self.path(of: file.path, relativeTo: directory, workingDirectory: workingDirectory)
            for (finding, fingerprint) in zip(file.findings, file.fingerprints) where !finding.isSuppressed {
                entries.append(BaselineEntry(path: path, ruleId: finding.ruleID, fingerprint: fingerprint))
            }
        }
        self.init(entries: entries)
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
    /// paths are relative to `directory`.
    ///
    /// A finding matches an entry with its path, rule and fingerprint. A
    /// finding left unmatched may still match an entry whose file no longer
    /// exists (`fileExists` says), with the same rule and fingerprint: the
    /// article was moved or renamed, and its old findings are the same
    /// findings. Each entry matches one finding at most.
    public mutating func compare(with baseline: Baseline, path: String, directory: String, workingDirectory: String,
                                 fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        var remaining = Set(baseline.entries)
        let baselinePaths = files.map { Baseline.path(of: $0.path, relativeTo: directory, workingDirectory: workingDirectory) }
        var states = files.map { Array(repeating: BaselineState.new, count: $0.findings.count) }
        var unmatched: [(file: Int, finding: Int)] = []
        for (fileIndex, file) in files.enumerated() {
            for (index, finding) in file.findings.enumerated() where !finding.isSuppressed {
                let entry = BaselineEntry(path: baselinePaths[fileIndex], ruleId: finding.ruleID,
                                          fingerprint: file.fingerprints[index])
                if remaining.remove(entry) != nil {
                    states[fileIndex][index] = .unchanged
                } else {
                    unmatched.append((fileIndex, index))
                }
            }
        }
        let linted = Set(baselinePaths)
        // Entries of files that are gone, by rule and fingerprint, in path
        // order so that which one a moved finding takes is deterministic.
        var orphans: [String: [BaselineEntry]] = [:]
        for entry in remaining.sorted() where !linted.contains(entry.path) {
            let absolute = PathNormalizer.absolute(entry.path, in: PathNormalizer.normalize(directory))
            if !fileExists(absolute) { orphans[entry.ruleId + "\u{0}" + entry.fingerprint, default: []].append(entry) }
        }
        if !orphans.isEmpty {
            for (fileIndex, index) in unmatched {
                let finding = files[fileIndex].findings[index]
                let key = finding.ruleID + "\u{0}" + files[fileIndex].fingerprints[index]
                guard var candidates = orphans[key], !candidates.isEmpty else { continue }
                remaining.remove(candidates.removeFirst())
                orphans[key] = candidates
                states[fileIndex][index] = .unchanged
            }
        }
        var unchanged = 0, new = 0
        for fileIndex in files.indices {
            files[fileIndex].setBaselineStates(states[fileIndex])
            for (index, finding) in files[fileIndex].findings.enumerated() where !finding.isSuppressed {
                if states[fileIndex][index] == .unchanged { unchanged += 1 } else { new += 1 }
            }
        }
        let absent = remaining.filter { linted.contains($0.path) }.count
        self.baseline = BaselineComparison(path: path, unchanged: unchanged, new: new, absent: absent)
    }
}
