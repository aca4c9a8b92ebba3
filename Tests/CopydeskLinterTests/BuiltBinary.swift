import Foundation

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
