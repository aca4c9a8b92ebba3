import ArgumentParser
import CopydeskCore
import CopydeskLinter

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

    @Argument(help: ArgumentHelp("Article files.", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one article file to inspect") }
    }

    func run() throws {
        var documents: [Document] = []
        var failed = false
        for path in files {
            do throws(InputProblem) {
                documents.append(try ArticleInput.parse(path: path, inputFormat: inputFormat,
                                                        workingDirectory: Console.workingDirectory))
            } catch {
                Console.error(error.diagnosticLine)
                failed = true
            }
        }
        Console.output(renderInspect(documents, paths: documents.map(\.path)))
        if failed { throw Console.usageOrInputError }
    }
}
