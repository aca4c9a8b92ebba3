import ArgumentParser
import CopydeskCore
import CopydeskLinter
import Foundation

struct BaselineWriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Lint the paths and record every unsuppressed finding in a baseline file.",
        discussion: """
            The file is JSON, one finding a line, sorted, keyed on each finding's stable fingerprint; \
            paths in it are relative to the file's directory. Rewrite it to drop fixed findings \
            or to accept new ones. Suppressed findings are not recorded. Format: docs/baseline-format.md.
            """)

    @Argument(help: ArgumentHelp("The baseline file to write (replaced if it exists).", valueName: "file"))
    var file: String

    @OptionGroup var articlePaths: ArticlePaths
    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var inputOptions: InputOptions

    func validate() throws {
        if file.isEmpty { throw ValidationError("the baseline file name is empty; give one, such as copydesk-baseline.json") }
        if inputOptions.stdinFilename != nil && !articlePaths.readsStandardInput {
            throw ValidationError("--stdin-filename names standard input; pass - among the paths to read it")
        }
    }

    func run() throws {
        let workingDirectory = Console.workingDirectory
        // A baseline keeps fingerprints, not text: the articles' lines go.
        let (linter, plan) = try ArticleLinting.plan(paths: articlePaths, policyOptions: policyOptions,
                                                     inputOptions: inputOptions, keepsSourceLines: false)
        var entries = BaselineEntries(directory: Baseline.directory(ofFile: file, workingDirectory: workingDirectory),
                                      workingDirectory: workingDirectory)
        let lintRun = linter.run(plan) { entries.record($0) }
        for problem in lintRun.problems { Console.error(problem.diagnosticLine) }
        // A baseline without an unreadable file's findings would later
        // report all of them as new; better to write none.
        if lintRun.problems.contains(where: { $0.level == .error }) {
            Console.error("\(file): error: not written, because some files could not be linted (above); "
                          + "fix or --exclude them and run again")
            throw Console.usageOrInputError
        }
        let baseline = entries.baseline
        try Console.write(baseline.render(), to: file, inputs: ArticleLinting.inputs(of: plan, paths: articlePaths))
        let files = Set(baseline.entries.map(\.path)).count
        Console.output("\(file): \(baseline.entries.count) \(baseline.entries.count == 1 ? "finding" : "findings") "
                       + "recorded in \(files) of \(entries.files) linted \(entries.files == 1 ? "file" : "files")\n")
    }
}
