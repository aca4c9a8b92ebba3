import ArgumentParser
import CopydeskCore
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules
import Foundation

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check articles against the policy and report every violation.",
        discussion: """
            Directories are searched for \(InputFormat.extensionList) files, skipping hidden directories. \
            Use - to read standard input (name it with --stdin-filename).
            """)

    @Argument(help: ArgumentHelp("Files and directories to check (default: the current directory).",
                                 valueName: "path"))
    var paths: [String] = []

    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var reportOptions: ReportOptions

    func validate() throws {
        if paths.contains("") {
            throw ValidationError("an empty path names nothing; give a file or directory (. for the current directory)")
        }
        if reportOptions.output == "" { throw ValidationError("--output needs a file name") }
        if inputOptions.stdinFilename != nil && !paths.contains(LintOptions.standardInputPath) {
            throw ValidationError("--stdin-filename names standard input; pass - among the paths to read it")
        }
    }

    func run() throws {
        let workingDirectory = Console.workingDirectory
        let resolver = PolicyResolver(loader: PolicyLoader(schemas: RuleRegistry.schemas),
                                      explicitPolicyPath: policyOptions.policy)
        let lintRun: LintRun
        do {
            // An explicit policy is checked even when there is nothing to lint,
            // so a broken --policy never passes silently.
            if policyOptions.policy != nil { _ = try resolver.policy(forArticleAt: workingDirectory) }
            let linter = Linter(policyLookup: { path throws(PolicyError) in
                try resolver.policy(forArticleAt: path)
            })
            lintRun = try linter.lint(LintOptions(
                paths: paths, inputFormat: inputOptions.inputFormat, excludes: inputOptions.exclude,
                stdinFilename: inputOptions.stdinFilename, workingDirectory: workingDirectory,
                maxFileSize: inputOptions.maxFileSize))
        } catch {
            Console.error(error.description)
            // A script reading JSON gets JSON even when nothing was linted.
            if reportOptions.format == .json, let policyError = error as? PolicyError {
                try Console.write(JSONErrorReport(policyError).render(), to: reportOptions.output)
            }
            throw Console.usageOrInputError
        }

        let context = ReportContext(workingDirectory: workingDirectory,
                                    color: reportOptions.useColor(environment: ProcessInfo.processInfo.environment))
        // Every file this run read or was asked to read: the report never replaces one.
        let inputs = paths.filter { $0 != LintOptions.standardInputPath }
            + lintRun.files.map(\.path) + lintRun.problems.map(\.path)
        try Console.write(renderReport(lintRun, format: reportOptions.format, context: context),
                          to: reportOptions.output, inputs: inputs)
        // The text report on a terminal already shows input problems; any
        // other report is for a machine, so a person reading the CI log
        // learns from standard error why the run failed.
        if reportOptions.format != .text || reportOptions.output != nil {
            for problem in lintRun.problems { Console.error(problem.diagnosticLine) }
            for warning in lintRun.policyWarnings { Console.error("\(warning.file): warning: \(warning.message)") }
        }
        let status = lintRun.exitStatus(failingOn: reportOptions.failOn)
        if status != .clean { throw ExitCode(status.rawValue) }
    }
}
