import ArgumentParser
import CopydeskCore
import CopydeskLinter
import Foundation

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check articles against the policy and report every violation.",
        discussion: "Directories are searched for \(InputFormat.extensionList) files, skipping hidden directories. "
            + "Use - to read standard input (name it with --stdin-filename). "
            + "On an archive with known findings, see copydesk baseline write, --baseline and --changed-since.")

    @OptionGroup var articlePaths: ArticlePaths
    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var reportOptions: ReportOptions
    @OptionGroup var adoptionOptions: AdoptionOptions

    func validate() throws {
        if reportOptions.output == "" { throw ValidationError("--output needs a file name") }
        if inputOptions.stdinFilename != nil && !articlePaths.readsStandardInput {
            throw ValidationError("--stdin-filename names standard input; pass - among the paths to read it")
        }
        if adoptionOptions.changedSince != nil && articlePaths.readsStandardInput {
            throw ValidationError("--changed-since picks changed files from git; it cannot apply to standard input (-)")
        }
        if adoptionOptions.maxResults != nil && reportOptions.format != .sarif {
            throw ValidationError("--max-results applies to --format sarif only")
        }
    }

    func run() throws {
        let workingDirectory = Console.workingDirectory
        // Read before linting: a baseline that cannot be used stops the run
        // at once, not after an archive's worth of work.
        var baseline: (Baseline, String)?
        if let path = adoptionOptions.baseline {
            do throws(BaselineError) {
                baseline = (try Baseline.read(path: path), path)
            } catch {
                Console.error(error.description)
                throw Console.usageOrInputError
            }
        }
        var changedFiles: ChangedFiles?
        if let revision = adoptionOptions.changedSince {
            do throws(ChangedFilesError) {
                changedFiles = try ChangedFiles(since: revision, in: gitDirectory(workingDirectory: workingDirectory))
            } catch {
                Console.error(error.description)
                throw Console.usageOrInputError
            }
        }
        let (linter, plan) = try ArticleLinting.plan(paths: articlePaths, policyOptions: policyOptions,
                                                     inputOptions: inputOptions, changedFiles: changedFiles,
                                                     errorReport: reportOptions,
                                                     keepsSourceLines: reportOptions.format.showsSnippets)
        let quietThreshold = adoptionOptions.quiet ? adoptionOptions.quietThreshold(failOn: reportOptions.failOn) : nil
        let context = ReportContext(workingDirectory: workingDirectory,
                                    color: reportOptions.useColor(environment: ProcessInfo.processInfo.environment),
                                    maxResults: adoptionOptions.maxResults)

        // Each file goes to the report as soon as it and those before it
        // are linted, and is let go: a run over an archive holds the
        // report's own state, not the archive's findings.
        let output = try ReportOutput.open(reportOptions.output, inputs: ArticleLinting.inputs(of: plan, paths: articlePaths))
        let outcome: (run: LintRun, resultsLeftOut: Int)
        switch reportOptions.format {
        case .text: outcome = report(TextReport.Stream.self, plan, linter, context, baseline, quietThreshold, output)
        case .json: outcome = report(JSONReport.Stream.self, plan, linter, context, baseline, quietThreshold, output)
        case .sarif: outcome = report(SARIFReport.Stream.self, plan, linter, context, baseline, quietThreshold, output)
        case .github: outcome = report(GitHubReport.Stream.self, plan, linter, context, baseline, quietThreshold, output)
        }
        output.finish()
        let lintRun = outcome.run
        // The exit status is decided on every finding; --quiet only
        // shortens the report.
        let status = lintRun.exitStatus(failingOn: reportOptions.failOn, maxWarnings: adoptionOptions.maxWarnings)

        // The text report on a terminal already shows input problems; any
        // other report is for a machine, so a person reading the CI log
        // learns from standard error why the run failed.
        if reportOptions.format != .text || reportOptions.output != nil {
            for problem in lintRun.problems { Console.error(problem.diagnosticLine) }
            for warning in lintRun.policyWarnings { Console.error("\(warning.file): warning: \(warning.message)") }
        }
        if reportOptions.format == .sarif {
            let omitted = outcome.resultsLeftOut
            if omitted > 0 {
                let limit = adoptionOptions.maxResults ?? SARIFReport.defaultMaxResults
                Console.error("copydesk: warning: \(omitted) results left out of the SARIF report, which holds at most "
                              + "\(limit) (--max-results); the most severe were kept. "
                              + "Use --baseline to leave known findings out, or --format json for every finding.")
            }
        }
        if let maxWarnings = adoptionOptions.maxWarnings, lintRun.countedWarnings > maxWarnings {
            Console.error("copydesk: \(lintRun.countedWarnings) warnings, more than --max-warnings \(maxWarnings) allows")
        }
        if status != .clean { throw ExitCode(status.rawValue) }
    }

    private func report<Stream: ReportStream>(_ format: Stream.Type, _ plan: LintPlan, _ linter: Linter,
                                              _ context: ReportContext, _ baseline: (Baseline, String)?,
                                              _ quietThreshold: Severity?,
                                              _ output: ReportOutput) -> (run: LintRun, resultsLeftOut: Int) {
        let workingDirectory = context.workingDirectory
        let index = baseline.map { baseline, path in
            (index: BaselineIndex(baseline, directory: Baseline.directory(ofFile: path, workingDirectory: workingDirectory),
                                  workingDirectory: workingDirectory, lintedPaths: plan.displayPaths), path: path)
        }
        let outcome = ReportedLint<Stream>(context: context, baseline: index, quietThreshold: quietThreshold)
            .run(plan, with: linter, write: output.write)
        return (outcome.run, outcome.resultsLeftOut)
    }

    /// Where to ask git: the first path's directory, so that linting a
    /// checkout from outside it works; the working directory without paths.
    private func gitDirectory(workingDirectory: String) -> String {
        guard let first = articlePaths.paths.first else { return workingDirectory }
        let absolute = Console.absolutePath(first)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue {
            return absolute
        }
        let parent = (absolute as NSString).deletingLastPathComponent
        return FileManager.default.fileExists(atPath: parent) ? parent : workingDirectory
    }
}
