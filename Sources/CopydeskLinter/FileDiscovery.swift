import CopydeskCore
import Foundation

/// A file to lint, found on disk or named by the user.
struct DiscoveredFile: Sendable, Hashable {
    /// What reports show: relative to the working directory where possible.
    var displayPath: String
    /// The normalised absolute path, for reading and for policy lookup.
    var absolutePath: String
    var format: InputFormat
    /// The user named this file (rather than a directory holding it).
    var isExplicit: Bool
}

/// Turns the paths a user gave into the files to lint: directories are
/// walked for known extensions, hidden directories and files skipped,
/// `--exclude` globs applied. Nothing here reads a file's contents.
struct FileDiscovery {
    var workingDirectory: String
    var forcedFormat: InputFormat?
    var excludes: [Glob] { didSet { excludeSet = GlobSet(excludes) } }
    /// The same globs matched as one, so a long `--exclude` list costs a
    /// lookup per path, not a match per glob.
    private var excludeSet: GlobSet

    init(workingDirectory: String, forcedFormat: InputFormat?, excludes: [Glob]) {
        self.workingDirectory = PathNormalizer.normalize(workingDirectory)
        self.forcedFormat = forcedFormat
        self.excludes = excludes
        excludeSet = GlobSet(excludes)
    }

    struct Outcome {
        var files: [DiscoveredFile] = []
        var problems: [InputProblem] = []
        /// Files found under directories whose extension copydesk does not
        /// read, by extension ("" for none).
        var unreadFormats: [String: Int] = [:]
    }

    /// A file or directory's identity: the same file however it is reached
    /// (a symbolic link, `./x` and `x`, a hard link) has one.
    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    enum Kind {
        case directory(FileIdentity)
        case file(FileIdentity)
        /// A FIFO, device or socket.
        case other(FileReadError)
        case missing
    }

    /// What `path` is, following symbolic links.
    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory(identity)
        case S_IFREG: return .file(identity)
        default: return .other(BoundedFileReader.kindIfNotRegular(path: path) ?? .notRegularFile(kind: "a special file"))
        }
    }

    private struct WalkState {
        /// File identity -> index in `outcome.files`.
        var seen: [FileIdentity: Int] = [:]
        var visitedDirectories = Set<FileIdentity>()
    }

    /// Every path other than `-` (standard input, which the linter reads itself).
    func discover(_ paths: [String]) -> Outcome {
        var outcome = Outcome()
        var state = WalkState()
        for path in paths {
            guard !path.isEmpty else {
                outcome.problems.append(InputProblem(
                    path: "\"\"", level: .error,
                    message: "an empty path names nothing; give a file or directory (. for the current directory)"))
                continue
            }
            let absolute = PathNormalizer.absolute(path, in: workingDirectory)
            let display = PathNormalizer.display(path, absolute: absolute, workingDirectory: workingDirectory)
            let kind = Self.kind(of: absolute)
            if case .missing = kind {
                outcome.problems.append(InputProblem(
                    path: display, level: .error,
                    message: "no such file or directory; check the path"))
                continue
            }
            if let glob = excludingGlob(for: display), display != "." {
                outcome.problems.append(InputProblem(
                    path: display, level: .warning,
                    message: "not linted: excluded by --exclude '\(glob.pattern)'"))
                continue
            }
            let identity: FileIdentity
            switch kind {
            case .directory(let directory):
                walk(directory: absolute, identity: directory, display: display, into: &outcome, state: &state)
                continue
            case .other(let error):
                outcome.problems.append(InputProblem(path: display, level: .error,
                                                     message: "not linted: \(error.description)"))
                continue
            case .missing:
                continue
            case .file(let file):
                identity = file
            }
            guard let format = forcedFormat ?? InputFormat.forPath(absolute) else {
                outcome.problems.append(InputProblem(
                    path: display, level: .error,
                    message: "not a known article type (copydesk reads \(InputFormat.extensionList)); "
                        + "pass --input-format markdown, text or html to lint it anyway"))
                continue
            }
            if let index = state.seen[identity] {
                // Found under a directory named earlier (or named twice); named
                // now, it gets the treatment of a named file (a warning when excluded).
                outcome.files[index].isExplicit = true
                outcome.files[index].format = format
            } else {
                state.seen[identity] = outcome.files.count
                outcome.files.append(DiscoveredFile(displayPath: display, absolutePath: absolute, format: format,
                                                    isExplicit: true))
            }
        }
        return outcome
    }

    func excludingGlob(for displayPath: String) -> Glob? {
        guard excludeSet.matches(displayPath) else { return nil }
        return excludes.first { $0.matches(displayPath) }
    }

    /// The names in a directory as bytes, sorted, `.` and `..` left out.
    static func directoryEntries(_ path: String) throws(FileReadError) -> [[UInt8]] {
        guard let directory = opendir(path) else {
            switch errno {
            case EACCES, EPERM: throw .permissionDenied
            case ENOENT: throw .notFound
            case let code: throw .system(String(cString: strerror(code)))
            }
        }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        return names.sorted { lhs, rhs in
            let left = String(decoding: lhs, as: UTF8.self), right = String(decoding: rhs, as: UTF8.self)
            return left != right ? left < right : lhs.lexicographicallyPrecedes(rhs)
        }
    }

    /// A file name that is not UTF-8, with `\xNN` for each byte that is not.
    static func escapedName(_ bytes: [UInt8]) -> String {
        var output = ""
        var index = 0
        while index < bytes.count {
            let rest = Array(bytes[index...])
            if let bad = InputDecoder.firstInvalidUTF8Offset(rest) {
                output += String(decoding: rest[..<bad], as: UTF8.self)
                output += "\\x" + String(rest[bad], radix: 16, uppercase: true)
                index += bad + 1
            } else {
                output += String(decoding: rest, as: UTF8.self)
                break
            }
        }
        return output
    }

    private func walk(directory: String, identity: FileIdentity, display: String, into outcome: inout Outcome,
                      state: inout WalkState) {
        // A symbolic link back up the tree, or two links to one another,
        // would otherwise be walked forever: each directory is read once.
        guard state.visitedDirectories.insert(identity).inserted else { return }
        let names: [[UInt8]]
        do throws(FileReadError) {
            names = try Self.directoryEntries(directory)
        } catch {
            outcome.problems.append(InputProblem(
                path: display, level: .error,
                message: "cannot read the directory: \(error.description)"))
            return
        }
        for nameBytes in names where nameBytes.first != UInt8(ascii: ".") {
            guard InputDecoder.firstInvalidUTF8Offset(nameBytes) == nil else {
                // Such a name cannot be carried through reports; an article
                // or a directory with one is reported rather than left out
                // without a word. Other files (images) stay unmentioned.
                let escaped = Self.escapedName(nameBytes)
                let childDisplay = display == "." ? escaped : display + "/" + escaped
                var rawPath = Array(directory.utf8) + [UInt8(ascii: "/")] + nameBytes + [0]
                var info = stat()
                let isDirectory = rawPath.withUnsafeMutableBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { stat($0, &info) == 0 }
                } && (info.st_mode & S_IFMT) == S_IFDIR
                if isDirectory {
                    outcome.problems.append(InputProblem(
                        path: childDisplay, level: .error,
                        message: "not searched: the directory name is not valid UTF-8; rename it (for example with `convmv`)"))
                } else if InputFormat.forPath(String(decoding: nameBytes, as: UTF8.self)) != nil {
                    outcome.problems.append(InputProblem(
                        path: childDisplay, level: .error,
                        message: "not linted: the name is not valid UTF-8; rename it (for example with `convmv`)"))
                }
                continue
            }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let childAbsolute = directory == "/" ? "/" + name : directory + "/" + name
            let childDisplay = display == "." ? name : display + "/" + name
            if excludingGlob(for: childDisplay) != nil { continue }
            switch Self.kind(of: childAbsolute) {
            case .missing, .other:
                // A dangling symbolic link, a FIFO or a socket: nothing to lint.
                continue
            case .directory(let child):
                walk(directory: childAbsolute, identity: child, display: childDisplay, into: &outcome, state: &state)
            case .file(let child):
                guard let format = InputFormat.forPath(name).map({ forcedFormat ?? $0 }) else {
                    outcome.unreadFormats[InputFormat.fileExtension(of: name) ?? "", default: 0] += 1
                    continue
                }
                guard state.seen[child] == nil else { continue }
                state.seen[child] = outcome.files.count
                outcome.files.append(DiscoveredFile(displayPath: childDisplay, absolutePath: childAbsolute,
                                                    format: format, isExplicit: false))
            }
        }
    }
}

/// Lexical path handling: no symbolic links resolved, so a path shows as
/// the user would recognise it.
enum PathNormalizer {
    /// Removes `.` and empty segments and folds `..` where it can.
    static func normalize(_ path: String) -> String {
        LexicalPath.normalized(path)
    }

    /// The absolute path the operating system opens for `path`. A `..`
    /// after a symbolic link leads to the parent of the link's target, not
    /// of the link, so a path with `..` in it has the part up to its last
    /// `..` resolved on disk rather than folded as text.
    static func absolute(_ path: String, in workingDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let segments = joined.split(separator: "/", omittingEmptySubsequences: true)
        guard let last = segments.lastIndex(of: "..") else { return normalize(joined) }
        let head = "/" + segments[...last].joined(separator: "/")
        guard let resolved = realpath(head, nil) else { return normalize(joined) }
        defer { free(resolved) }
        let tail = segments[(last + 1)...].joined(separator: "/")
        return normalize(String(cString: resolved) + "/" + tail)
    }

    /// The path relative to the working directory when it lies inside it,
    /// otherwise as given (normalised).
    static func display(_ given: String, absolute: String, workingDirectory: String) -> String {
        if absolute == workingDirectory { return "." }
        let prefix = workingDirectory == "/" ? "/" : workingDirectory + "/"
        if absolute.hasPrefix(prefix) { return String(absolute.dropFirst(prefix.count)) }
        return given.split(separator: "/").contains("..") ? absolute : normalize(given)
    }

    /// `path` relative to `directory` if it lies inside it.
    static func relative(_ path: String, to directory: String) -> String? {
        let prefix = directory == "/" ? "/" : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}
