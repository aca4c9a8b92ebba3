import ArgumentParser
import CopydeskCore
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what copydesk understood of articles: blocks, headline, bylines, quotes.",
        discussion: "Prints a JSON array with one object per file, in the order given.")

    @Option(help: "Output format.")
    var format: InspectFormat = .json

    @Option(name: .long, help: ArgumentHelp("Read every file as this format, whatever its extension.",
                                            valueName: "format"))
    var inputFormat: InputFormat?

    @OptionGroup var policyOptions: PolicyOptions

    @Argument(help: ArgumentHelp("Article files.", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one article file to inspect") }
    }

    func run() throws {
        let resolver = PolicyResolver(loader: PolicyLoader(schemas: RuleRegistry.schemas),
                                      explicitPolicyPath: policyOptions.policy)
        var documents: [Document] = []
        var failed = false
        for path in files {
            do throws(InputProblem) {
                var document = try ArticleInput.parse(path: path, inputFormat: inputFormat,
                                                      workingDirectory: Console.workingDirectory)
                // Quote attributions follow the article's policy; a broken policy
                // is lint's business, so inspect falls back to the built-in cues.
                let policy = try? resolver.policy(forArticleAt: Console.absolutePath(path))
                ArticleInspection.attributeQuotes(&document, policy: policy)
                documents.append(document)
            } catch {
                Console.error(error.diagnosticLine)
                failed = true
            }
        }
        Console.output(renderInspect(documents, paths: documents.map(\.path)))
        if failed { throw Console.usageOrInputError }
    }
}
