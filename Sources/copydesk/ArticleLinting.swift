import ArgumentParser
import CopydeskCore
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules
import Foundation

/// Linting as `lint` and `baseline write` both do it: the policy each
/// article takes, the files the options select, and errors turned into
/// messages and exit status 2.
enum ArticleLinting {
    /// The linter and the run's plan: which files, which rules.
    ///
    /// - Parameter errorReport: where a JSON report would have gone: a
    ///   policy error is written there as a JSON error object, so a script
    ///   reading JSON gets JSON even when nothing was linted.
    /// - Parameter keepsSourceLines: false when no report of the run shows
    ///   snippets of the articles (JSON, SARIF, a baseline), so their lines
    ///   are let go file by file.
    static func plan(paths: ArticlePaths, policyOptions: PolicyOptions, inputOptions: InputOptions,
                     changedFiles: ChangedFiles? = nil, errorReport: ReportOptions? = nil,
                     keepsSourceLines: Bool = true) throws(ExitCode) -> (Linter, LintPlan) {
        let workingDirectory = Console.workingDirectory
        let resolver = PolicyResolver(loader: PolicyLoader(schemas: RuleRegistry.schemas),
                                      explicitPolicyPath: policyOptions.policy)
        do {
            // An explicit policy is checked even when there is nothing to lint,
            // so a broken --policy never passes silently.
            if policyOptions.policy != nil { _ = try resolver.policy(forArticleAt: workingDirectory) }
            let linter = Linter(policyLookup: { path throws(PolicyError) in
                try resolver.policy(forArticleAt: path)
            })
            var options = LintOptions(
                paths: paths.paths, inputFormat: inputOptions.inputFormat, excludes: inputOptions.exclude,
                stdinFilename: inputOptions.stdinFilename, workingDirectory: workingDirectory,
                maxFileSize: inputOptions.maxFileSize, changedFiles: changedFiles)
            options.keepsSourceLines = keepsSourceLines
            return (linter, try linter.plan(options))
        } catch {
            Console.error(error.description)
            if let errorReport, errorReport.format == .json {
                try? Console.write(JSONErrorReport(error).render(), to: errorReport.output)
            }
            throw Console.usageOrInputError
        }
    }

    /// Every file the run reads or was asked to read: a report or baseline
    /// written by the run never replaces one.
    static func inputs(of plan: LintPlan, paths: ArticlePaths) -> [String] {
        paths.paths.filter { $0 != LintOptions.standardInputPath } + plan.filePaths + plan.problems.map(\.path)
    }
}
