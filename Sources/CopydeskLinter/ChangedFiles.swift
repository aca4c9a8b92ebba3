import CopydeskCore
import Foundation

/// `--changed-since` cannot tell which files changed: not a git
/// repository, no git, an unknown revision. A usage error (exit 2): linting
/// nothing, or everything, in its place would pass or fail a pull request
/// for the wrong reason.
public struct ChangedFilesError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "copydesk: error: " + message }
}

/// The files that differ from a git revision, for `lint --changed-since REF`.
///
/// "Changed since REF" is what a pull request from this checkout would
/// change: every file that differs between the merge base of REF and HEAD
/// and the working tree — committed on the branch, staged or not — plus
/// untracked files git does not ignore. Like `git diff REF...`, changes made
/// on REF since the branch left it are not the branch's. Deleted files are
/// left out (there is nothing to lint); a renamed or copied file is its new
/// path. Files are known by identity (device and inode), so a symbolic link
/// in the path to the repository does not hide a changed file.
public struct ChangedFiles: Sendable {
    public let revision: String
    /// The repository's top level, as git reports it.
    public let repositoryRoot: String
    /// Absolute paths of the changed files that exist.
    public let paths: [String]
    private let identities: Set<FileIdentity>

    struct FileIdentity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    public init(since revision: String, in directory: String) throws(ChangedFilesError) {
        self.revision = revision
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw ChangedFilesError(message: "--changed-since '\(revision)' is not a git revision; "
                                    + "give a branch, tag or commit, such as origin/main")
        }
        let root = try Self.git(["rev-parse", "--show-toplevel"], in: directory) { output in
            if output.status == 127 {
                return "--changed-since needs git, which is not installed or not on PATH"
            }
            return "--changed-since needs a git repository, and \(directory) is not in one "
                + "(\(output.errorSummary)); lint without --changed-since, or run copydesk inside the repository"
        }
        repositoryRoot = String(decoding: root, as: UTF8.self).trimmingCharacters(in: .newlines)
        let base = try Self.git(["merge-base", revision, "HEAD"], in: repositoryRoot) { output in
            "--changed-since \(revision): git cannot find a common ancestor of \(revision) and HEAD "
                + "(\(output.errorSummary)); check the name, and in CI fetch enough history "
                + "(actions/checkout with fetch-depth: 0, or git fetch origin \(revision.hasPrefix("origin/") ? String(revision.dropFirst(7)) : revision))"
        }
        let baseCommit = String(decoding: base, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // --no-renames: a rename is its old path deleted and its new path
        // added, whatever diff.renames says; the filter drops the deleted.
        let changed = try Self.git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", baseCommit, "--"],
                                   in: repositoryRoot) { output in
            "--changed-since \(revision): git diff failed (\(output.errorSummary))"
        }
        let untracked = try Self.git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"],
                                     in: repositoryRoot) { output in
            "--changed-since \(revision): git ls-files failed (\(output.errorSummary))"
        }
        var paths: [String] = []
        for list in [changed, untracked] {
            for name in list.split(separator: 0) where !name.isEmpty {
                paths.append(repositoryRoot + "/" + String(decoding: name, as: UTF8.self))
            }
        }
        self.paths = Array(Set(paths)).sorted()
        identities = Set(self.paths.compactMap(FileIdentity.init(path:)))
    }

    /// Whether the file at `absolutePath` is one of the changed files.
    public func contains(_ absolutePath: String) -> Bool {
        FileIdentity(path: absolutePath).map(identities.contains) ?? false
    }

    // MARK: - Running git

    struct Output {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: String

        /// git's own message, one line, for ours to quote.
        var errorSummary: String {
            let lines = standardError.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            let line = lines.first { $0.hasPrefix("fatal:") } ?? lines.first ?? "exit status \(status)"
            return line.isEmpty ? "exit status \(status)" : line
        }
    }

    private static func git(_ arguments: [String], in directory: String,
                            failure: (Output) -> String) throws(ChangedFilesError) -> [UInt8] {
        let output: Output
        do {
            output = try run(["git", "-c", "core.quotePath=false"] + arguments, in: directory)
        } catch {
            throw ChangedFilesError(message: "--changed-since: cannot run git (\(error))")
        }
        guard output.status == 0 else { throw ChangedFilesError(message: failure(output)) }
        return output.standardOutput
    }

    private static func run(_ command: [String], in directory: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        // git's messages are quoted in ours; keep them in one language.
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while git runs, so a long file list cannot fill one
        // and stall it.
        let errorData = LockedData()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.set(error.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, standardOutput: Array(outputData),
                      standardError: String(decoding: errorData.get(), as: UTF8.self))
    }

    private final class LockedData: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        func set(_ value: Data) {
            lock.lock()
            data = value
            lock.unlock()
        }

        func get() -> Data {
            lock.lock()
            defer { lock.unlock() }
            return data
        }
    }
}
