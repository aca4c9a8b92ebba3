import CopydeskCore
import Foundation
import Testing
@testable import CopydeskLinter

// Hostile and broken input: every article here is generated in the test.

/// Runs `script` with bash in `directory`; `$COPYDESK` is the binary. The
/// script does its own redirections (closed descriptors, /dev/full, pipes).
private func shell(_ script: String, in directory: String) throws -> ProcessOutcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["COPYDESK"] = try #require(builtCopydeskBinary).path
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let output = Pipe(), error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessOutcome(status: process.terminationStatus,
                       standardOutput: String(decoding: outputData, as: UTF8.self),
                       standardError: String(decoding: errorData, as: UTF8.self))
}

private let article = "# Harbour reopens\n\nBy Ana Field\n\nThe ferry \"runs again from Monday.\n"

@Suite("hostile I/O on the command line", .enabled(if: builtCopydeskBinary != nil, "the copydesk binary is not built"))
struct HostileCommandLineTests {
    @Test("--output never replaces an input file, by name, ./name, a hard link or a symbolic link")
    func outputOntoInput() throws {
        let directory = try TemporaryDirectory()
        try directory.write("v.md", article)
        let script = """
            ln v.md hard.md; ln -s v.md soft.md
            for out in v.md ./v.md hard.md soft.md "$PWD/v.md"; do
              "$COPYDESK" lint --output "$out" v.md; echo "status $?"
            done
            """
        let result = try shell(script, in: directory.path)
        #expect(result.standardOutput == String(repeating: "status 2\n", count: 5))
        #expect(result.standardError.contains("v.md: error: refusing to write the report over 'v.md', which is one of the files being linted; give --output a different file"))
        #expect(try String(contentsOfFile: directory.path + "/v.md", encoding: .utf8) == article)
    }

    @Test("--output replaces a report atomically and keeps a symbolic link to it")
    func outputAtomic() throws {
        let directory = try TemporaryDirectory()
        try directory.write("v.md", article)
        try directory.write("reports/old.txt", "old report\n")
        let result = try shell("""
            ln -s reports/old.txt latest.txt
            "$COPYDESK" lint --output latest.txt v.md; echo "status $?"
            test -L latest.txt && echo "still a link"
            ls -a reports | grep -c copydesk- || true
            """, in: directory.path)
        #expect(result.standardOutput == "status 1\nstill a link\n0\n")
        #expect(try String(contentsOfFile: directory.path + "/reports/old.txt", encoding: .utf8).contains("[quote-balance]"))
    }

    @Test("--output empty, a directory or in a missing directory exits 2 with a message")
    func outputUnusable() throws {
        let directory = try TemporaryDirectory()
        try directory.write("v.md", article)
        let empty = try shell(#""$COPYDESK" lint --output "" v.md"#, in: directory.path)
        #expect(empty.status == 2)
        #expect(empty.standardError.contains("--output needs a file name"))
        let folder = try shell(#"mkdir out; "$COPYDESK" lint --output out v.md"#, in: directory.path)
        #expect(folder.status == 2)
        #expect(folder.standardError.contains("out: error: is a directory; give --output a file name"))
        let missing = try shell(#""$COPYDESK" lint --output nowhere/r.txt v.md"#, in: directory.path)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("nowhere/r.txt: error: cannot create a file in 'nowhere' (No such file or directory)"))
        #expect(!folder.standardError.contains("NSCocoaErrorDomain"))
    }

    @Test("standard output full, closed or a broken pipe, and standard error or input closed: exit 2, no crash")
    func brokenStreams() throws {
        let directory = try TemporaryDirectory()
        try directory.write("v.md", article)
        let full = try shell(#""$COPYDESK" lint v.md > /dev/full"#, in: directory.path)
        #expect(full.status == 2)
        #expect(full.standardError.contains("cannot write to standard output (No space left on device)"))
        let closed = try shell(#""$COPYDESK" lint v.md >&-"#, in: directory.path)
        #expect(closed.status == 2)
        #expect(closed.standardError.contains("cannot write to standard output (it is closed)"))
        let noErrors = try shell(#""$COPYDESK" lint missing.md 2>&-; echo "status $?""#, in: directory.path)
        #expect(noErrors.standardOutput.hasSuffix("status 2\n"))
        let noInput = try shell(#""$COPYDESK" lint --stdin-filename x.md - <&-"#, in: directory.path)
        #expect(noInput.status == 2)
        #expect(noInput.standardOutput.contains("x.md: error: not linted: standard input is closed"))
        // A reader that stops after one byte: quiet, status 2, no backtrace.
        let pipe = try shell("""
            for i in $(seq 1 300); do cp v.md "copy-$i.md"; done
            trap '' PIPE
            "$COPYDESK" lint --format json . | head -c1 >/dev/null; echo "status ${PIPESTATUS[0]}"
            """, in: directory.path)
        #expect(pipe.standardOutput == "status 2\n")
        #expect(pipe.standardError.isEmpty)
    }

    @Test("lint \"\" and invalid --exclude globs are usage errors naming the problem")
    func usageErrors() throws {
        let directory = try TemporaryDirectory()
        try directory.write("v.md", article)
        let empty = try shell(#""$COPYDESK" lint """#, in: directory.path)
        #expect(empty.status == 2)
        #expect(empty.standardError.contains("an empty path names nothing"))
        for (glob, reason) in [("[", "the [ at character 1 is never closed"), ("drafts\\", "the glob ends with a lone \\"),
                               ("", "the glob is empty")] {
            let result = try shell("\"$COPYDESK\" lint --exclude '\(glob)' v.md", in: directory.path)
            #expect(result.status == 2)
            #expect(result.standardError.contains("--exclude '\(glob)': \(reason)"))
        }
        try directory.write(".copydesk.yml", "schema: 1\nextends: default\nexclude:\n  - \"archive/[\"\n")
        let policy = try shell(#""$COPYDESK" lint v.md"#, in: directory.path)
        #expect(policy.status == 2)
        #expect(policy.standardError.contains(".copydesk.yml:4:6: error: exclude glob 'archive/[': the [ at character 9 is never closed"))
    }

    @Test("a policy extends or staff list naming a device, a FIFO or a directory says what it is, without blocking")
    func policyFilesThatAreNotFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("v.md", article)
        try directory.write("zero.yml", "schema: 1\nextends: [default, /dev/zero.yml]\n")
        try directory.write("staff.yml", "schema: 1\nextends: default\nrules:\n  byline:\n    staff-list: people\n")
        let result = try shell("""
            mkfifo pipe.yml; mkdir people
            timeout 10 "$COPYDESK" lint --policy pipe.yml v.md; echo "status $?"
            timeout 10 "$COPYDESK" lint --policy /dev/zero v.md; echo "status $?"
            timeout 10 "$COPYDESK" policy check staff.yml; echo "status $?"
            """, in: directory.path)
        #expect(result.standardOutput == "status 2\nstatus 2\nstatus 2\n")
        #expect(result.standardError.contains("pipe.yml: error: 'pipe.yml' is not a regular file (it is a FIFO (named pipe))"))
        #expect(result.standardError.contains("/dev/zero: error: '/dev/zero' is not a regular file (it is a character device)"))
        #expect(result.standardError.contains("the staff list 'people' is a directory") || result.standardError.contains("people' is a directory"))
        #expect(!result.standardError.contains("permissions"))
    }

    @Test("standard input from /dev/zero and a 2 GB sparse article are refused at once")
    func endlessAndHugeInput() throws {
        let directory = try TemporaryDirectory()
        try directory.write("v.md", article)
        let result = try shell("""
            truncate -s 2G huge.md
            timeout 20 "$COPYDESK" lint --stdin-filename z.md - < /dev/zero; echo "status $?"
            timeout 20 "$COPYDESK" lint huge.md v.md; echo "status $?"
            timeout 20 "$COPYDESK" lint --max-file-size 10 v.md; echo "status $?"
            timeout 20 "$COPYDESK" lint --max-file-size lots v.md; echo "status $?"
            """, in: directory.path)
        let statuses = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("status") }
        #expect(statuses == ["status 0", "status 2", "status 2", "status 2"])
        #expect(result.standardOutput.contains("z.md: warning: binary file (NUL byte at offset 0), not linted"))
        #expect(result.standardOutput.contains("huge.md: error: not linted: too large: its 2 GB are over the 64 MB limit"))
        // The other file is still linted.
        #expect(result.standardOutput.contains("v.md:5:11: error:"))
        #expect(result.standardOutput.contains("bytes are over the 10 bytes limit"))
        #expect(result.standardError.contains("--max-file-size 'lots' is not a size"))
    }

    @Test("control and bidirectional characters from articles and file names are escaped on the terminal")
    func terminalEscapes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("e.md", "# Head\n\nBy Ana Field\n\nShe said \u{1B}]0;owned\u{07} \"it \u{202E}works \u{9B}31m.\n")
        try directory.write("n\u{1B}[2J.md", "# Head\n\nBy Ana Field\n\n<!-- copydesk-disable \u{1B}[31mfake -->\nText.\n")
        try directory.write("bad.yml", "schema: 1\nrules:\n  quote\u{202E}balance: error\n")
        let result = try shell(#""$COPYDESK" lint e.md n*.md; "$COPYDESK" lint --format github e.md; "$COPYDESK" lint --policy bad.yml e.md"#,
                               in: directory.path)
        let forbidden: [Unicode.Scalar] = ["\u{1B}", "\u{07}", "\u{9B}", "\u{202E}"]
        #expect(!result.standardOutput.unicodeScalars.contains { forbidden.contains($0) })
        #expect(!result.standardError.unicodeScalars.contains { forbidden.contains($0) })
        #expect(result.standardOutput.contains("<U+202E>"))
        #expect(result.standardOutput.contains("n<U+001B>[2J.md"))
        #expect(result.standardError.contains("quote<U+202E>balance"))
        // JSON keeps the exact text, escaped the JSON way.
        let json = try shell(#""$COPYDESK" lint --format json n*.md"#, in: directory.path)
        #expect(json.standardOutput.contains("\\u001b") || json.standardOutput.contains("\\u001B"))
    }
}

@Suite("hostile input to the linter")
struct HostileInputLinterTests {
    private func lint(_ paths: [String], in directory: TemporaryDirectory, maxFileSize: Int = BoundedFileReader.defaultLimit,
                      standardInput: [UInt8] = []) throws -> LintRun {
        try linter(standardInput: standardInput).lint(LintOptions(paths: paths, workingDirectory: directory.path,
                                                                  maxFileSize: maxFileSize))
    }

    @Test("symbolic link loops lint each article once and end")
    func symlinkLoops() throws {
        let directory = try TemporaryDirectory()
        try directory.write("desk/story.md", "# Story\n\nText.\n")
        let desk = directory.path + "/desk"
        try FileManager.default.createSymbolicLink(atPath: desk + "/again", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: desk + "/up", withDestinationPath: "../desk")
        try FileManager.default.createSymbolicLink(atPath: desk + "/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: desk + "/b", withDestinationPath: "a")
        try FileManager.default.linkItem(atPath: desk + "/story.md", toPath: desk + "/same.md")
        let run = try lint(["desk", "desk/story.md", "./desk/again/story.md"], in: directory)
        #expect(run.files.map(\.path) == ["desk/same.md"] || run.files.map(\.path) == ["desk/story.md"])
        #expect(run.problems.isEmpty)
    }

    @Test("link/../x.md reads the file next to the link's target, as the OS does")
    func dotDotThroughLink() throws {
        let directory = try TemporaryDirectory()
        try directory.write("x.md", "# Top\n\nTop-level copy.\n")
        try directory.write("deep/x.md", "# Deep\n\nThe copy under deep.\n")
        try directory.write("deep/inner/keep.txt", "Kept.\n")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/link", withDestinationPath: "deep/inner")
        let run = try lint(["link/../x.md"], in: directory)
        #expect(run.files.count == 1)
        #expect(run.files.first?.path == "deep/x.md")
        #expect(run.files.first?.source.byteCount == "# Deep\n\nThe copy under deep.\n".utf8.count)
    }

    @Test("a file name that is not UTF-8 is reported, not silently left out")
    func nonUTF8Name() throws {
        let directory = try TemporaryDirectory()
        try directory.write("ok.md", "# Fine\n\nText.\n")
        let name = directory.path + "/caf\u{FFFD}.md"
        var raw = Array((directory.path + "/caf").utf8) + [0xE9] + Array(".md".utf8)
        raw.append(0)
        let descriptor = raw.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        _ = name
        let run = try lint(["."], in: directory)
        #expect(run.files.map(\.path) == ["ok.md"])
        #expect(run.problems.map(\.path) == ["caf\\xE9.md"])
        #expect(run.problems.first?.level == .error)
        #expect(run.problems.first?.message.contains("the name is not valid UTF-8; rename it") == true)
    }

    @Test("an empty path is an input error, not the current directory")
    func emptyPath() throws {
        let directory = try TemporaryDirectory()
        try directory.write("ok.md", "# Fine\n\nText.\n")
        let run = try lint([""], in: directory)
        #expect(run.files.isEmpty)
        #expect(run.exitStatus(failingOn: .error) == .usageOrInputError)
    }

    @Test("UTF-16 articles with a byte order mark are decoded; broken UTF-16 is an error with its offset")
    func utf16() throws {
        let directory = try TemporaryDirectory()
        let text = "# Hafen\n\nDer Hafen öffnet wieder.\n"
        try directory.write("le.md", bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try directory.write("be.md", bytes: [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        try directory.write("bad.md", bytes: [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00])
        let run = try lint(["le.md", "be.md", "bad.md"], in: directory)
        #expect(run.files.map(\.path) == ["be.md", "le.md"])
        // Decoded from UTF-16: the UTF-8 text is linted, so its size is the UTF-8 size.
        #expect(run.files.allSatisfy { $0.source.byteCount == text.utf8.count })
        #expect(run.problems.map(\.message) == [InputError.invalidUTF16(offset: 4).description])
        #expect(run.exitStatus(failingOn: .never) == .usageOrInputError)
    }

    @Test("a file over the size limit and a FIFO are not linted, with exit 2, and other files still are")
    func sizeLimitAndFIFO() throws {
        let directory = try TemporaryDirectory()
        try directory.write("small.md", "# Small\n\nText.\n")
        try directory.write("large.md", String(repeating: "Words and more words.\n", count: 100))
        #expect(mkfifo(directory.path + "/pipe.md", 0o644) == 0)
        let run = try lint(["small.md", "large.md", "pipe.md"], in: directory, maxFileSize: 1024)
        #expect(run.files.map(\.path) == ["small.md"])
        #expect(run.problems.map(\.path) == ["large.md", "pipe.md"])
        #expect(run.problems[0].message.hasPrefix("not linted: too large: its 2.1 KB are over the 1 KB limit"))
        #expect(run.problems[1].message == "not linted: is not a regular file (it is a FIFO (named pipe)); name a regular file")
        #expect(run.exitStatus(failingOn: .never) == .usageOrInputError)
        let piped = try linter(standardInput: Array("# Too long for ten\n".utf8)).lint(LintOptions(
            paths: ["-"], stdinFilename: "x.md", workingDirectory: directory.path, maxFileSize: 10))
        #expect(piped.problems.first?.message.hasPrefix("not linted: too large") == true)
    }

    @Test("a binary file is caught from its first bytes and skipped with a warning")
    func binarySniffed() throws {
        let directory = try TemporaryDirectory()
        try directory.write("photo.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00] + Array(repeating: 0x41, count: 20000))
        let run = try lint(["photo.md"], in: directory)
        #expect(run.problems.map(\.message) == [FileReadError.binary(offset: 4).description])
        #expect(run.problems.first?.level == .warning)
    }

    @Test("the summary counts files not linted and warnings on linted files apart")
    func summaryWording() {
        var run = LintRun(files: [], problems: [], rules: [])
        let source = SourceText(path: "a.md", bytes: Array("# A\n".utf8))
        run.files = [FileResult(path: "a.md", format: .markdown, findings: [], source: source)]
        run.problems = [
            InputProblem(path: "a.md", level: .warning, message: "front matter", line: 1, column: 1),
            InputProblem(path: "b.md", level: .warning, message: "binary"),
            InputProblem(path: "c.md", level: .error, message: "too large"),
        ]
        let summary = TextReport().render(run, context: ReportContext()).split(separator: "\n").last
        #expect(summary == "No findings in the 1 file linted; 1 file not linted because of an error, 1 file skipped, 1 input warning.")
    }

    @Test("escaping for the terminal and GitHub, and sizes people write")
    func helpers() {
        #expect(TerminalText.escaped("a\u{1B}[31mb\u{9B}c\u{202E}d\te\nf") == "a<U+001B>[31mb<U+009B>c<U+202E>d\te<U+000A>f")
        #expect(TerminalText.escaped("x\ny", keepingNewlines: true) == "x\ny")
        #expect(GitHubReport.escapeData("a\u{1B}]0;t\u{07}\n") == "a<U+001B>]0;t<U+0007>%0A")
        #expect(ByteSize.parse("64M") == 64 << 20)
        #expect(ByteSize.parse("2g") == 2 << 30)
        #expect(ByteSize.parse("512KB") == 512 << 10)
        #expect(ByteSize.parse("100") == 100)
        #expect(ByteSize.parse("0") == nil && ByteSize.parse("M") == nil && ByteSize.parse("-5") == nil)
        #expect(Glob.problem(in: "[a-z]*.md") == nil && Glob.problem(in: "\\[draft\\]") == nil)
        #expect(Glob.problem(in: "[") != nil && Glob.problem(in: "a\\") != nil && Glob.problem(in: "") != nil)
    }
}
