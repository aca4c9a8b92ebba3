import ArgumentParser
import CopydeskCore
import CopydeskLinter
import Foundation

/// Where the CLI writes: reports to standard output or `--output`, errors
/// to standard error.
///
/// Everything goes through `write(2)` rather than `FileHandle.write`, which
/// traps on an error: a full disk, a closed descriptor or a reader that
/// went away is a message and exit status 2, never a crash. A broken pipe
/// on standard output (`copydesk lint | head`, with SIGPIPE ignored) ends
/// the run quietly with status 2: whoever read the output has stopped
/// reading, and the rest of the report went nowhere.
enum Console {
    /// Descriptors 0–2 that were closed when copydesk started. They are
    /// held open on /dev/null (the wrong way round, so reads and writes on
    /// them fail with EBADF) so that no file copydesk opens later can take
    /// their number and receive the report by mistake.
    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

    static func guardStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            closedAtStart.insert(descriptor)
            let placeholder = open("/dev/null", descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if placeholder >= 0 && placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
    }

    /// An error message for a person: control and bidirectional characters
    /// (from file names, articles, policy files) are shown as `<U+XXXX>`.
    /// Failures to write it are ignored: there is nowhere left to say so.
    static func error(_ message: String) {
        let text = TerminalText.escaped(message, keepingNewlines: true)
        _ = writeAll(STDERR_FILENO, Array((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func output(_ text: String) {
        let code = writeAll(STDOUT_FILENO, text)
        guard code != 0 else { return }
        if code == EPIPE { Foundation.exit(LintExitStatus.usageOrInputError.rawValue) }
        let reason = code == EBADF ? "it is closed" : String(cString: strerror(code))
        error("copydesk: error: cannot write to standard output (\(reason)); "
              + "redirect it to a file or pass --output FILE where the command has it")
        Foundation.exit(LintExitStatus.usageOrInputError.rawValue)
    }

    /// Writes all of `bytes`, resuming after partial writes and EINTR.
    /// Returns 0, or the errno that stopped it.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { writeAll(descriptor, $0) }
    }

    /// The same for a report's text, written from its own storage: a
    /// report of an archive is not copied into a byte array first.
    static func writeAll(_ descriptor: Int32, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { writeAll(descriptor, UnsafeRawBufferPointer($0)) }
    }

    static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32 {
        var written = 0
        while written < buffer.count {
            let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&request, 1, -1)
                    continue
                }
                return errno
            }
            written += count
        }
        return 0
    }

    /// Writes `text` to the file, or to standard output when `path` is nil
    /// (see `ReportOutput`).
    static func write(_ text: String, to path: String?, inputs: [String] = []) throws(ExitCode) {
        let output = try ReportOutput.open(path, inputs: inputs)
        output.write(text)
        output.finish()
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

struct ReportFileError: Error {
    var message: String
}

/// Where a report goes, written in pieces as the run goes: standard
/// output, or the file `--output` names.
///
/// A regular file is replaced atomically (a temporary file in the same
/// directory, renamed over it by `finish()`), so a failed or interrupted
/// run leaves the old report whole. The files the run reads may never be
/// replaced, however the path reaches them. Failures are messages and exit
/// status 2.
final class ReportOutput {
    private let path: String?
    private let descriptor: Int32
    /// The temporary file to rename over `finalPath`, for a regular file.
    private let temporary: String?
    private let finalPath: String
    private var finished = false

    private init(path: String?, descriptor: Int32, temporary: String?, finalPath: String) {
        self.path = path
        self.descriptor = descriptor
        self.temporary = temporary
        self.finalPath = finalPath
    }

    deinit {
        guard !finished, let temporary else { return }
        close(descriptor)
        unlink(temporary)
    }

    /// Standard output when `path` is nil.
    static func open(_ path: String?, inputs: [String]) throws(ExitCode) -> ReportOutput {
        guard let path else { return ReportOutput(path: nil, descriptor: STDOUT_FILENO, temporary: nil, finalPath: "") }
        do throws(ReportFileError) {
            return try openFile(path, inputs: inputs)
        } catch {
            Console.error(error.message)
            throw Console.usageOrInputError
        }
    }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        guard let path else {
            Console.output(text)
            return
        }
        let code = Console.writeAll(descriptor, text)
        if code != 0 {
            fail(path, "cannot write the report (\(String(cString: strerror(code))))",
                 temporary == nil ? "give --output a regular file" : "free some space or write it elsewhere")
        }
    }

    /// Puts the report in place: a regular file replaces the old one now.
    func finish() {
        guard let path, !finished else { return }
        finished = true
        guard let temporary else {
            close(descriptor)
            return
        }
        if fsync(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporary)
            fail(path, "cannot write the report (\(reason))", "free some space or write it elsewhere")
        }
        if close(descriptor) != 0 || rename(temporary, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            fail(path, "cannot write the report (\(reason))", "check that the directory is writable")
        }
    }

    /// A report that cannot be written ends the run at once: the temporary
    /// file goes, the old report stays.
    private func fail(_ path: String, _ problem: String, _ hint: String) -> Never {
        if let temporary, !finished {
            finished = true
            close(descriptor)
            unlink(temporary)
        }
        Console.error(ReportOutput.failure(path, problem, hint).message)
        Foundation.exit(LintExitStatus.usageOrInputError.rawValue)
    }

    private static func failure(_ path: String, _ problem: String, _ hint: String) -> ReportFileError {
        ReportFileError(message: "\(path.isEmpty ? "--output" : path): error: \(problem); \(hint)")
    }

    private static func openFile(_ path: String, inputs: [String]) throws(ReportFileError) -> ReportOutput {
        func failure(_ problem: String, _ hint: String) -> ReportFileError { Self.failure(path, problem, hint) }
        guard !path.isEmpty else {
            throw failure("the report file name is empty", "give --output a file name")
        }
        var target = stat()
        let exists = stat(path, &target) == 0
        let statError = exists ? 0 : errno
        if exists {
            for input in inputs {
                var info = stat()
                if stat(input, &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino {
                    throw failure("refusing to write the report over '\(input)', which is one of the files being linted",
                                  "give --output a different file")
                }
            }
            switch target.st_mode & S_IFMT {
            case S_IFDIR:
                throw failure("is a directory", "give --output a file name, such as \(path.hasSuffix("/") ? path : path + "/")report.txt")
            case S_IFREG:
                break
            default:
                // /dev/stdout, a FIFO, a terminal: write straight to it.
                let descriptor = Foundation.open(path, O_WRONLY | O_CLOEXEC)
                guard descriptor >= 0 else {
                    throw failure("cannot open it for writing (\(String(cString: strerror(errno))))",
                                  "give --output a regular file")
                }
                return ReportOutput(path: path, descriptor: descriptor, temporary: nil, finalPath: path)
            }
        } else {
            var link = stat()
            if lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
                throw failure("is a symbolic link to a file that does not exist", "give --output the path of a real file")
            }
            if statError != ENOENT {
                throw failure("cannot use the path (\(String(cString: strerror(statError))))",
                              "check that its directory exists and is a directory")
            }
        }
        // A symbolic link to a report is kept: its target is replaced.
        var finalPath = path
        if exists, let resolved = realpath(path, nil) {
            finalPath = String(cString: resolved)
            free(resolved)
        }
        let directory = (finalPath as NSString).deletingLastPathComponent
        let name = (finalPath as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/." + name + ".copydesk-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw failure("cannot create a file in '\(directory.isEmpty ? "." : directory)' (\(String(cString: strerror(errno))))",
                          "check that the directory exists and is writable")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // mkstemp makes the file private; a report is as readable as any new file.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, exists ? target.st_mode & 0o7777 : 0o666 & ~mask)
        return ReportOutput(path: path, descriptor: descriptor, temporary: temporary, finalPath: finalPath)
    }
}
