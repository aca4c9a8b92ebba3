import Foundation
import Testing

/// The built `copydesk` binary, next to the test bundle in the build
/// directory; tests that run it are skipped when it has not been built.
let builtCopydeskBinary: URL? = {
    var directory = Bundle.module.bundleURL.deletingLastPathComponent()
    for _ in 0..<3 {
        let candidate = directory.appendingPathComponent("copydesk")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    return nil
}()

/// How a process the tests ran ended, and what it printed.
struct ProcessOutcome {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs the built binary in `directory`, with `input` on standard input.
func runCopydesk(_ arguments: [String], in directory: String, input: String? = nil,
                         environment: [String: String] = [:]) throws -> ProcessOutcome {
    let process = Process()
    process.executableURL = try #require(builtCopydeskBinary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    let error = Pipe()
    let standardInput = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = standardInput
    try process.run()
    standardInput.fileHandleForWriting.write(Data((input ?? "").utf8))
    try standardInput.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessOutcome(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self))
}
