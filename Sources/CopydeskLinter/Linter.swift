import CopydeskCore
import CopydeskPolicy
import CopydeskRules
import CopydeskStyle
import Foundation

/// What to lint and how to find it.
public struct LintOptions: Sendable {
    /// Files and directories; `-` is standard input.
    public var paths: [String]
    /// Parse every file as this format instead of going by its extension.
    public var inputFormat: InputFormat?
    /// Globs of paths (relative to `workingDirectory`) not to lint; see `Glob`.
    public var excludes: [String]
    /// The name standard input is linted under: it picks the format and the
    /// policy, and reports show it.
    public var stdinFilename: String?
    public var workingDirectory: String
    /// Files (and standard input) larger than this many bytes are not
    /// linted: an input error naming the limit (`--max-file-size`).
    public var maxFileSize: Int
    /// When set (`--changed-since`), only these of the files found are
    /// linted; the others are left out without a word, as unchanged.
    public var changedFiles: ChangedFiles?
    /// Whether each file keeps the lines its findings start on, which only
    /// the text and GitHub reports show (as snippets). Without them a run
    /// over an archive holds its findings alone.
    public var keepsSourceLines = true

    public init(paths: [String], inputFormat: InputFormat? = nil, excludes: [String] = [],
                stdinFilename: String? = nil,
                workingDirectory: String = FileManager.default.currentDirectoryPath,
                maxFileSize: Int = BoundedFileReader.defaultLimit, changedFiles: ChangedFiles? = nil) {
        self.changedFiles = changedFiles
        self.paths = paths
        self.inputFormat = inputFormat
        self.excludes = excludes
        self.stdinFilename = stdinFilename
        self.workingDirectory = workingDirectory
        self.maxFileSize = maxFileSize
    }

    public static let standardInputPath = "-"
}

/// The lint pipeline: discover files, find each one's policy, then read,
/// decode, parse, check and apply suppressions to every file on all cores.
/// Files are only ever read.
public final class Linter: Sendable {
    /// The effective policy for an article, given its absolute path.
    public typealias PolicyLookup = @Sendable (_ articlePath: String) throws(PolicyError) -> Policy

    private let policyLookup: PolicyLookup
    /// Nil: standard input itself, read with `BoundedFileReader` (so a
    /// closed descriptor or an endless stream is an input error, not a crash).
    private let readStandardInput: (@Sendable () throws -> [UInt8])?
    /// Vale-style rules: each article's `.vale.ini`, found once per folder.
    private let styles = StyleLibrary()

    public init(policyLookup: @escaping PolicyLookup,
                readStandardInput: (@Sendable () throws -> [UInt8])? = nil) {
        self.policyLookup = policyLookup
        self.readStandardInput = readStandardInput
    }

    /// Lints everything `options` names. Input problems (missing paths, files
    /// that are not UTF-8) are part of the run; a policy that cannot be used
    /// stops it. The run holds every file's result; `plan(_:)` and
    /// `run(_:receive:)` hand them over one by one instead.
    public func lint(_ options: LintOptions) throws(PolicyError) -> LintRun {
        var files: [FileResult] = []
        var run = self.run(try plan(options)) { files.append($0) }
        run.files = files
        return run
    }

    /// Everything that can be known before a file is read: which files to
    /// lint with which rules, and the problems found on the way. A policy
    /// that cannot be used stops the run here, before any report is begun.
    public func plan(_ options: LintOptions) throws(PolicyError) -> LintPlan {
        let workingDirectory = PathNormalizer.normalize(options.workingDirectory)
        let discovery = FileDiscovery(workingDirectory: workingDirectory, forcedFormat: options.inputFormat,
                                      excludes: options.excludes.map(Glob.init))
        let paths = options.paths.isEmpty ? ["."] : options.paths
        let discovered = discovery.discover(paths.filter { $0 != LintOptions.standardInputPath })
        let limit = options.maxFileSize
        var problems = discovered.problems
        var jobs: [Job] = []
        var ruleSets = RuleSetCache()

        var policyWarnings: [PolicyWarning] = []
        /// Policy file → the files its options name, looked up once per policy.
        var namedFiles: [String: Set<String>] = [:]
        for file in discovered.files {
            if let changed = options.changedFiles, !changed.contains(file.absolutePath) { continue }
            let policy = try policyLookup(file.absolutePath)
            let policyFile = policy.sources.last ?? ""
            if namedFiles[policyFile] == nil {
                namedFiles[policyFile] = policy.namedFiles
                if let house = PolicyShadowing.shadowedPolicy(by: policy, file: policyFile) {
                    policyWarnings.append(PolicyWarning(
                        file: PolicyShadowing.displayPath(policyFile, workingDirectory: workingDirectory),
                        message: PolicyShadowing.warning(policyFile: policyFile, shadowing: house)))
                }
            }
            // A staff list beside the articles is the policy's, not an article.
            if !file.isExplicit, namedFiles[policyFile]?.contains(file.absolutePath) == true { continue }
            if let reason = Self.policyExclusion(of: file, by: policy, excludes: ruleSets.excludes(of: policy)) {
                if file.isExplicit {
                    problems.append(InputProblem(path: file.displayPath, level: .warning, message: reason))
                }
                continue
            }
            jobs.append(Job(file: file, ruleSetIndex: try ruleSets.index(for: policy), standardInput: nil,
                            limit: limit,
                            styles: try styleSelections(for: file.absolutePath, explicit: file.isExplicit,
                                                        policy: policy, cache: &ruleSets)))
        }

        // Style rules a .vale.ini turns on that copydesk cannot run: said
        // once per configuration, never skipped in silence.
        var toldAbout = Set<String>()
        for job in jobs {
            for style in job.styles where toldAbout.insert(style.config.ini.path).inserted {
                problems += style.notRun.map {
                    InputProblem(path: job.file.displayPath, level: .warning, message: "\(style.config.ini.path): \($0)")
                }
            }
        }

        if paths.contains(LintOptions.standardInputPath) {
            switch try standardInputJob(options, workingDirectory: workingDirectory, discovery: discovery,
                                        ruleSets: &ruleSets) {
            case .job(let job): jobs.append(job)
            case .problem(let problem): problems.append(problem)
            }
        }
        // Files are linted, and handed on, in the order reports list them.
        jobs.sort { $0.file.displayPath < $1.file.displayPath }

        var styleRules: [String: StyleRuleSummary] = [:]
        for job in jobs {
            for selection in job.styles {
                for id in selection.ruleIDs where styleRules[id] == nil {
                    if let base = selection.config.rule(id) { styleRules[id] = StyleRuleSummary(base) }
                }
            }
        }
        return LintPlan(jobs: jobs, ruleSets: ruleSets.ruleSets, problems: problems,
                        styleRules: styleRules.values.sorted { $0.id < $1.id }, policyWarnings: policyWarnings,
                        unreadFormats: discovered.unreadFormats, keepsSourceLines: options.keepsSourceLines)
    }

    /// Lints the planned files on every core and hands each result to
    /// `receive`, on the calling thread, in path order, as soon as it and
    /// every file before it are linted. The run returned holds no file (it
    /// lists the linted paths); its problems are sorted.
    public func run(_ plan: LintPlan, receive: (FileResult) -> Void) -> LintRun {
        run(plan, prepare: { $0 }, receive: receive)
    }

    /// The same, with `prepare` applied to each result on the core that
    /// linted it, before it is handed on: the work on a file that does not
    /// depend on the files before it (encoding its part of a report) is
    /// spread over the cores, and only `receive` runs in order.
    public func run<Prepared: Sendable>(_ plan: LintPlan, prepare: @escaping @Sendable (FileResult) -> Prepared,
                                        receive: (Prepared) -> Void) -> LintRun {
        let jobs = plan.jobs, ruleSets = plan.ruleSets, keepsSourceLines = plan.keepsSourceLines
        var problems = plan.problems
        var usedRuleSets = Set<Int>()
        var lintedPaths = Set<String>()
        OrderedWork.run(count: jobs.count, { index -> (path: String?, problems: [InputProblem], prepared: Prepared?) in
            var outcome = Self.lintFile(jobs[index], ruleSet: ruleSets[jobs[index].ruleSetIndex])
            if !keepsSourceLines { outcome.result?.dropSourceLines() }
            return (outcome.result?.path, outcome.problems, outcome.result.map(prepare))
        }, receive: { index, outcome in
            problems.append(contentsOf: outcome.problems)
            if let path = outcome.path, let prepared = outcome.prepared {
                usedRuleSets.insert(jobs[index].ruleSetIndex)
                lintedPaths.insert(path)
                receive(prepared)
            }
        })
        problems.sort(by: Self.problemOrder)
        var rules: [String: RuleDescription] = [:]
        for index in usedRuleSets {
            for description in ruleSets[index].descriptions { rules[description.id] = description }
        }
        var run = LintRun(files: [], problems: problems, rules: rules.values.sorted { $0.id < $1.id },
                          styleRules: plan.styleRules)
        run.lintedPaths = lintedPaths
        run.policyWarnings = plan.policyWarnings
        run.unreadFormats = plan.unreadFormats
        return run
    }

    /// Lints one article already in memory: parse, check, suppress. Parser
    /// diagnostics come back as warnings with a position.
    public static func lint(source: SourceText, format: InputFormat, ruleSet: RuleSet,
                            styles: [StyleSelection] = []) -> (file: FileResult, problems: [InputProblem]) {
        let document = ArticleParser.parse(source, format: format)
        // copydesk's own directives may name the article's style rules too.
        let styleIDs = Set(styles.flatMap(\.ruleIDs))
        let resolver = SuppressionResolver(knownRuleIDs: knownRuleIDs.union(styleIDs),
                                           enabledRuleIDs: Set(ruleSet.rules.map(\.description.id)).union(styleIDs),
                                           engineRuleSeverities: ruleSet.engineRuleSeverities,
                                           knownNoticeIDs: ruleSet.noticeIDs)
        var checked = ruleSet.check(document)
        for style in styles { checked += StyleEngine.check(document, selection: style) }
        var findings = resolver.resolve(findings: checked, directives: document.directives,
                                        source: source)
        findings.sort(by: findingOrder)
        let problems = document.diagnostics.map { diagnostic in
            InputProblem(path: source.path, level: .warning, message: diagnostic.message,
                         line: diagnostic.range.start.line, column: diagnostic.range.start.column,
                         offset: diagnostic.range.start.offset)
        }
        return (FileResult(path: source.path, format: format, findings: findings, source: source), problems)
    }

    /// Rule ids a directive may name.
    static let knownRuleIDs: Set<String> = Set(RuleRegistry.descriptions.map(\.id))

    static func findingOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (lhs.range.start.line, lhs.range.start.column, lhs.ruleID, lhs.range.end.offset, lhs.message)
            < (rhs.range.start.line, rhs.range.start.column, rhs.ruleID, rhs.range.end.offset, rhs.message)
    }

    static func problemOrder(_ lhs: InputProblem, _ rhs: InputProblem) -> Bool {
        (lhs.path, lhs.line ?? 0, lhs.column ?? 0, lhs.message) < (rhs.path, rhs.line ?? 0, rhs.column ?? 0, rhs.message)
    }

    // MARK: - Standard input

    private enum StandardInputOutcome {
        case job(Job)
        case problem(InputProblem)
    }

    private func standardInputJob(_ options: LintOptions, workingDirectory: String, discovery: FileDiscovery,
                                  ruleSets: inout RuleSetCache) throws(PolicyError) -> StandardInputOutcome {
        let name = options.stdinFilename ?? "<stdin>"
        guard let format = options.inputFormat ?? options.stdinFilename.flatMap(InputFormat.forPath) else {
            return .problem(InputProblem(
                path: name, level: .error,
                message: "cannot tell the format of standard input; pass --stdin-filename NAME.md "
                    + "(or NAME.txt, NAME.html) or --input-format markdown|text|html"))
        }
        let absolute = PathNormalizer.absolute(options.stdinFilename ?? "-", in: workingDirectory)
        let display = options.stdinFilename.map {
            PathNormalizer.display($0, absolute: absolute, workingDirectory: workingDirectory)
        } ?? name
        let file = DiscoveredFile(displayPath: display, absolutePath: absolute, format: format, isExplicit: true)
        var bytes: [UInt8]
        do {
            if let readStandardInput {
                bytes = try readStandardInput()
                if bytes.count > options.maxFileSize {
                    throw FileReadError.tooLarge(size: Int64(bytes.count), limit: options.maxFileSize)
                }
            } else {
                bytes = try BoundedFileReader.readStandardInput(limit: options.maxFileSize)
            }
        } catch let error as FileReadError {
            return .problem(InputProblem(error, path: display))
        } catch {
            return .problem(InputProblem(path: display, level: .error,
                                         message: "cannot read standard input (\(error))"))
        }
        if let glob = discovery.excludingGlob(for: display) {
            return .problem(InputProblem(path: display, level: .warning,
                                         message: "not linted: excluded by --exclude '\(glob.pattern)'"))
        }
        let policy = try policyLookup(absolute)
        if let reason = Self.policyExclusion(of: file, by: policy, excludes: ruleSets.excludes(of: policy)) {
            return .problem(InputProblem(path: display, level: .warning, message: reason))
        }
        return .job(Job(file: file, ruleSetIndex: try ruleSets.index(for: policy), standardInput: bytes,
                        limit: options.maxFileSize,
                        styles: try styleSelections(for: absolute, explicit: true, policy: policy, cache: &ruleSets)))
    }

    // MARK: - Policies

    /// The Vale-style rules for an article; a broken rule file or
    /// `.vale.ini` stops the run like a broken policy, at its file:line:col.
    private func styleSelection(for absolutePath: String, explicit: Bool = true) throws(PolicyError) -> StyleSelection? {
        do {
            let selection = try styles.selection(forArticle: absolutePath, explicit: explicit)
            return selection?.isEmpty == false ? selection : nil
        } catch {
            throw PolicyError(error)
        }
    }

    /// The article's style rules: those of a `.vale.ini` above it, then
    /// those of the style folders its policy names (less any the `.vale.ini`
    /// already runs).
    private func styleSelections(for absolutePath: String, explicit: Bool, policy: Policy,
                                 cache: inout RuleSetCache) throws(PolicyError) -> [StyleSelection] {
        var selections: [StyleSelection] = []
        if let vale = try styleSelection(for: absolutePath, explicit: explicit) { selections.append(vale) }
        if let config = try cache.styleConfig(for: policy) {
            let own = config.selection(forArticle: absolutePath).excluding(Set(selections.flatMap(\.ruleIDs)))
            if !own.isEmpty { selections.append(own) }
        }
        return selections
    }

    /// The style rules a policy names, as one configuration: every rule of
    /// its style folders at the level its file gives, re-levelled or turned
    /// off by the policy's `rules:` entries for `Style.Rule` ids. Nil when
    /// the policy names no style folder.
    static func styleConfig(for policy: Policy) throws(PolicyError) -> StyleConfig? {
        guard !policy.styles.isEmpty else { return nil }
        let file = policy.sources.last ?? "policy"
        var folders: [String: StyleFolder] = [:]
        for style in policy.styles {
            if let folder = style.folder {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw PolicyError(file: style.location?.file ?? file, location: style.location,
                                      message: "style folder '\(folder)' does not exist",
                                      hint: "a style folder holds Vale rule files (one rule a .yml file); "
                                          + "its path is relative to the policy file that names it")
                }
                folders[style.name] = .directory(folder)
            } else if let texts = BuiltinStyles.folders[style.name] {
                folders[style.name] = .embedded(texts)
            }
        }
        // Severities map onto Vale's levels; `off` is Vale's NO.
        var settings: [(id: String, value: String)] = []
        let styleRules = policy.rules.filter { $0.key.contains(".") }.sorted { $0.key < $1.key }
        for (id, setting) in styleRules {
            let level: String
            if !setting.enabled {
                level = "NO"
            } else {
                switch setting.severity {
                case .note?: level = "suggestion"
                case .warning?: level = "warning"
                case .error?: level = "error"
                case nil: level = "YES"
                }
            }
            settings.append((id, level))
        }
        let config: StyleConfig
        do {
            config = try StyleConfig.forStyles(policy.styles.map(\.name), folders: folders, settings: settings,
                                               directory: policy.directory ?? FileManager.default.currentDirectoryPath)
        } catch {
            throw PolicyError(error)
        }
        let known = config.loadedRuleIDs
        for (id, setting) in styleRules where !known.contains(id) {
            let hint = NearestMatch.suggestion(for: id, among: known).map { "did you mean '\($0)'?" }
                ?? "the policy's style folders (\(policy.styles.map(\.reference).joined(separator: ", "))) have no such rule"
            throw PolicyError(file: setting.location?.file ?? file, location: setting.location,
                              message: "unknown style rule '\(id)'", hint: hint)
        }
        return config
    }

    /// Why the policy leaves the file alone, if it does. The policy's own
    /// `excludes(articlePath:)` decides (its globs are relative to the policy
    /// file's directory); an embedded pack has no directory, so its globs see
    /// the path relative to the working directory.
    static func policyExclusion(of file: DiscoveredFile, by policy: Policy, excludes: GlobSet) -> String? {
        let articlePath = policy.directory == nil ? file.displayPath : file.absolutePath
        guard policy.excludes(articlePath: articlePath, matching: excludes) else { return nil }
        let source = policy.sources.last.map { " in \($0)" } ?? ""
        return "not linted: excluded by the policy's exclude list\(source)"
    }

    /// The rules a policy enables, built with their options. An option that
    /// cannot be used (a staff list that cannot be read) is an error at the
    /// policy setting that gave it.
    public static func ruleSet(for policy: Policy) throws(PolicyError) -> RuleSet {
        do {
            return try RuleRegistry.configure(policy)
        } catch let error as RuleOptionError {
            let setting = policy.rules[error.ruleID]
            throw PolicyError(file: setting?.location?.file ?? policy.sources.last ?? "policy",
                              location: setting?.location,
                              message: error.description,
                              hint: "fix the option in the policy, or remove it to use the default")
        } catch {
            throw PolicyError(file: policy.sources.last ?? "policy", message: "\(error)")
        }
    }

    /// One `RuleSet` per distinct policy: building rules (compiling their
    /// patterns, loading word lists) happens once, not once per file.
    private struct RuleSetCache {
        var indices: [Policy: Int] = [:]
        var ruleSets: [RuleSet] = []

        var excludeSets: [Policy: GlobSet] = [:]
        var styleConfigs: [Policy: StyleConfig?] = [:]

        /// The policy's style folders loaded, once per policy.
        mutating func styleConfig(for policy: Policy) throws(PolicyError) -> StyleConfig? {
            if let config = styleConfigs[policy] { return config }
            let config = try Linter.styleConfig(for: policy)
            styleConfigs[policy] = .some(config)
            return config
        }

        /// The policy's exclude globs, compiled once per policy, not per file.
        mutating func excludes(of policy: Policy) -> GlobSet {
            if let set = excludeSets[policy] { return set }
            let set = policy.excludeGlobs()
            excludeSets[policy] = set
            return set
        }

        mutating func index(for policy: Policy) throws(PolicyError) -> Int {
            if let index = indices[policy] { return index }
            let ruleSet = try Linter.ruleSet(for: policy)
            indices[policy] = ruleSets.count
            ruleSets.append(ruleSet)
            return ruleSets.count - 1
        }
    }

    // MARK: - Concurrency

    struct Job: Sendable {
        var file: DiscoveredFile
        var ruleSetIndex: Int
        /// Bytes already read, for standard input.
        var standardInput: [UInt8]?
        /// The most bytes a file may have.
        var limit: Int
        /// The article's Vale-style rules, when a `.vale.ini` is above it.
        var styles: [StyleSelection]
    }

    struct JobOutcome: Sendable {
        var result: FileResult?
        var problems: [InputProblem]
    }

    static func lintFile(_ job: Job, ruleSet: RuleSet) -> JobOutcome {
        let path = job.file.displayPath
        let bytes: [UInt8]
        if let standardInput = job.standardInput {
            bytes = standardInput
        } else {
            do throws(FileReadError) {
                bytes = try BoundedFileReader.read(path: job.file.absolutePath, limit: job.limit)
            } catch {
                return JobOutcome(result: nil, problems: [InputProblem(error, path: path)])
            }
        }
        let source: SourceText
        do {
            source = try InputDecoder.decode(path: path, bytes: bytes)
        } catch {
            return JobOutcome(result: nil, problems: [InputProblem(error, path: path, bytes: bytes, format: job.file.format)])
        }
        let (file, problems) = lint(source: source, format: job.file.format, ruleSet: ruleSet, styles: job.styles)
        return JobOutcome(result: file, problems: problems)
    }
}

/// A run planned by `Linter.plan(_:)`, ready for `Linter.run(_:receive:)`.
public struct LintPlan: Sendable {
    /// Sorted by path: the order results are handed on in.
    let jobs: [Linter.Job]
    let ruleSets: [RuleSet]
    /// Problems found before any file is read: missing paths, binary and
    /// excluded files, style rules that cannot run.
    public let problems: [InputProblem]
    /// The style rules the run applies, sorted by id.
    public let styleRules: [StyleRuleSummary]
    public let policyWarnings: [PolicyWarning]
    public let unreadFormats: [String: Int]
    let keepsSourceLines: Bool

    /// The files the run will read, as given or found (standard input has none).
    public var filePaths: [String] { jobs.filter { $0.standardInput == nil }.map(\.file.displayPath) }

    /// Every file the run will lint, standard input by the name it is given, as reports show paths.
    public var displayPaths: [String] { jobs.map(\.file.displayPath) }
}

extension PolicyError {
    /// A style error (a rule file, a `.vale.ini`) as a policy error at the same place.
    init(_ error: StyleError) {
        self.init(file: error.file,
                  location: error.line.map { PolicyLocation(file: error.file, line: $0, column: error.column ?? 1) },
                  message: error.message, hint: error.hint)
    }
}
