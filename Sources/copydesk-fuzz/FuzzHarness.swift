import CopydeskCore
import CopydeskLinter
import CopydeskPolicy
import CopydeskRules
import Foundation

/// What one fuzz input goes through. The same harness serves libFuzzer (built
/// with `-sanitize=fuzzer -D COPYDESK_FUZZ`, see scripts/fuzz.sh) and, in an
/// ordinary build, a replay of saved inputs, so a crash a fuzzer found can be
/// reproduced and debugged without the fuzzer.
enum FuzzTarget: String, CaseIterable {
    case markdown, html, text
    /// Front matter: the input stands between `---` lines at the top of a
    /// Markdown article.
    case frontMatter = "front-matter"
    /// A policy file, loaded and, when valid, turned into rules.
    case policy

    static var selected: FuzzTarget {
        let name = ProcessInfo.processInfo.environment["COPYDESK_FUZZ_TARGET"] ?? "markdown"
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("COPYDESK_FUZZ_TARGET must be one of \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }
}

enum FuzzHarness {
    /// The default policy's rules, built once: every article input is linted
    /// by all of them, so a rule's crash is a parser's crash too.
    static let defaultRules: RuleSet = {
        do {
            let policy = try PolicyLoader(schemas: RuleRegistry.schemas).builtin("default")
            return try Linter.ruleSet(for: policy)
        } catch {
            fatalError("the embedded default policy does not load: \(error)")
        }
    }()

    static func run(_ bytes: [UInt8], as target: FuzzTarget) {
        switch target {
        case .markdown: lint(bytes, path: "fuzz.md", format: .markdown)
        case .html: lint(bytes, path: "fuzz.html", format: .html)
        case .text: lint(bytes, path: "fuzz.txt", format: .text)
        case .frontMatter: lint(Array("---\n".utf8) + bytes + Array("\n---\n\nBody text.\n".utf8), path: "fuzz.md", format: .markdown)
        case .policy: loadPolicy(bytes)
        }
    }

    /// Lints the article as the CLI would, then checks what every report
    /// relies on: findings lie inside the text, in order.
    private static func lint(_ bytes: [UInt8], path: String, format: InputFormat) {
        guard let source = try? InputDecoder.decode(path: path, bytes: bytes) else { return }
        let (file, problems) = Linter.lint(source: source, format: format, ruleSet: defaultRules)
        let size = source.bytes.count
        for finding in file.findings {
            let range = finding.range
            check(range.start.offset >= 0 && range.start.offset <= range.end.offset && range.end.offset <= size,
                  "finding \(finding.ruleID) at offsets \(range.start.offset)..<\(range.end.offset) outside a text of \(size) bytes")
            check(range.start.line >= 1 && range.start.column >= 1, "finding \(finding.ruleID) at line \(range.start.line) column \(range.start.column)")
        }
        for problem in problems {
            if let offset = problem.offset { check(offset >= 0 && offset <= size, "parser diagnostic at offset \(offset) of \(size)") }
        }
    }

    private static func loadPolicy(_ bytes: [UInt8]) {
        guard let yaml = String(validating: bytes, as: UTF8.self) else { return }
        let loader = PolicyLoader(schemas: RuleRegistry.schemas)
        guard let policy = try? loader.load(yaml: yaml, path: "fuzz.yml") else { return }
        _ = try? Linter.ruleSet(for: policy)
    }

    private static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        guard !condition else { return }
        FileHandle.standardError.write(Data("fuzz invariant broken: \(message())\n".utf8))
        abort()
    }
}

#if COPYDESK_FUZZ
import CFuzzerDriver

/// The entry point libFuzzer's runtime refers to; the driver below is given
/// the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [], as: FuzzMain.target)
    return 0
}

/// libFuzzer's options and corpus folders are the program's arguments
/// (`copydesk-fuzz -max_total_time=60 CORPUS`).
@main
struct FuzzMain {
    nonisolated(unsafe) static var target = FuzzTarget.markdown

    static func main() {
        target = FuzzTarget.selected
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}
#else
/// `copydesk-fuzz FILE…` (COPYDESK_FUZZ_TARGET chooses the parser): runs
/// saved inputs through the harness, one by one, naming each.
@main
struct FuzzReplay {
    static func main() {
        let target = FuzzTarget.selected
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            FileHandle.standardError.write(Data("usage: COPYDESK_FUZZ_TARGET=\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) copydesk-fuzz FILE...\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot read\n".utf8))
                exit(2)
            }
            FuzzHarness.run(Array(data), as: target)
            print("\(path): ok")
        }
    }
}
#endif
