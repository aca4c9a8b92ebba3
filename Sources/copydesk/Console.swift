import ArgumentParser
import CopydeskLinter
import Foundation

/// Where the CLI writes: reports to standard output or `--output`, errors
/// to standard error.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` to the file, or to standard output when `path` is nil.
    static func write(_ text: String, to path: String?) throws(ExitCode) {
        guard let path else {
            output(text)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            Console.error("\(path): error: cannot write the report (\(error.localizedDescription)); "
                          + "check that the directory exists and is writable")
            throw ExitCode(LintExitStatus.usageOrInputError.rawValue)
        }
    }

    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static var workingDirectory: String { FileManager.default.currentDirectoryPath }

    /// A path given on the command line, made absolute against the working directory.
    static func absolutePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }

    /// Stops the command with copydesk's exit status for usage, policy and input errors.
    static var usageOrInputError: ExitCode { ExitCode(LintExitStatus.usageOrInputError.rawValue) }
}
