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
        let workingDirectory = Console.workingDirectory
        // Quote attributions follow each article's policy; a broken policy is
        // lint's business, so inspect falls back to the built-in cues. One
        // attribution rule per policy, built before the articles are read.
        var ruleIndex: [Policy?: Int] = [:]
        var rules: [QuoteAttributionRule?] = []
        let ruleOfFile = files.map { path in
            let policy = try? resolver.policy(forArticleAt: Console.absolutePath(path))
            if let index = ruleIndex[policy] { return index }
            rules.append(ArticleInspection.attributionRule(policy: policy))
            ruleIndex[policy] = rules.count - 1
            return rules.count - 1
        }
        let files = self.files, inputFormat = self.inputFormat, attributionRules = rules
        var stream = InspectStream()
        Console.output(stream.begin())
        var failed = false
        // Articles are read, parsed and encoded on every core; each is
        // written, in the order given, as soon as those before it are.
        OrderedWork.run(count: files.count, { index -> Result<String, InputProblem> in
            do throws(InputProblem) {
                var document = try ArticleInput.parse(path: files[index], inputFormat: inputFormat,
                                                      workingDirectory: workingDirectory)
                if let rule = attributionRules[ruleOfFile[index]] { document.quotes = rule.attributedQuotes(document) }
                return .success(InspectStream.encode(document, path: document.path))
            } catch {
                return .failure(error)
            }
        }, receive: { _, outcome in
            switch outcome {
            case .success(let entry): Console.output(stream.add(encoded: entry))
            case .failure(let problem):
                Console.error(problem.diagnosticLine)
                failed = true
            }
        })
        Console.output(stream.finish())
        if failed { throw Console.usageOrInputError }
    }
}
