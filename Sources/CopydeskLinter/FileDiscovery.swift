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
    var excludes: [Glob]

    init(workingDirectory: String, forcedFormat: InputFormat?, excludes: [Glob]) {
        self.workingDirectory = PathNormalizer.normalize(workingDirectory)
        self.forcedFormat = forcedFormat
        self.excludes = excludes
    }

    struct Outcome {
        var files: [DiscoveredFile] = []
        var problems: [InputProblem] = []
    }

    /// Every path other than `-` (standard input, which the linter reads itself).
    func discover(_ paths: [String]) -> Outcome {
        var outcome = Outcome()
        // Absolute path -> index in `outcome.files`.
        var seen: [String: Int] = [:]
        var visitedDirectories = Set<String>()
        for path in paths {
            let absolute = PathNormalizer.absolute(path, in: workingDirectory)
            let display = PathNormalizer.display(path, absolute: absolute, workingDirectory: workingDirectory)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
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
            if isDirectory.boolValue {
                walk(directory: absolute, display: display, into: &outcome, seen: &seen, visited: &visitedDirectories)
                continue
            }
            guard let format = forcedFormat ?? InputFormat.forPath(absolute) else {
                outcome.problems.append(InputProblem(
                    path: display, level: .error,
                    message: "not a known article type (.md, .markdown, .txt, .html, .htm); "
                        + "pass --input-format markdown, text or html to lint it anyway"))
                continue
            }
            if let index = seen[absolute] {
                // Found under a directory named earlier; named now, it gets the
                // treatment of a named file (a warning when excluded).
                outcome.files[index].isExplicit = true
                outcome.files[index].format = format
            } else {
                seen[absolute] = outcome.files.count
                outcome.files.append(DiscoveredFile(displayPath: display, absolutePath: absolute, format: format,
                                                    isExplicit: true))
            }
        }
        return outcome
    }

    func excludingGlob(for displayPath: String) -> Glob? {
        excludes.first { $0.matches(displayPath) }
    }

    private func walk(directory: String, display: String, into outcome: inout Outcome,
                      seen: inout [String: Int], visited: inout Set<String>) {
        // A symbolic link back up the tree would otherwise be walked forever.
        let realPath = (directory as NSString).resolvingSymlinksInPath
        guard visited.insert(realPath).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            outcome.problems.append(InputProblem(
                path: display, level: .error,
                message: "cannot read the directory (\(error.localizedDescription)); check its permissions"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let childAbsolute = directory == "/" ? "/" + name : directory + "/" + name
            let childDisplay = display == "." ? name : display + "/" + name
            if excludingGlob(for: childDisplay) != nil { continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: childAbsolute, isDirectory: &isDirectory) else {
                // A dangling symbolic link: nothing to lint.
                continue
            }
            if isDirectory.boolValue {
                walk(directory: childAbsolute, display: childDisplay, into: &outcome, seen: &seen, visited: &visited)
            } else if let format = InputFormat.forPath(name).map({ forcedFormat ?? $0 }), seen[childAbsolute] == nil {
                seen[childAbsolute] = outcome.files.count
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

    static func absolute(_ path: String, in workingDirectory: String) -> String {
        normalize(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
    }

    /// The path relative to the working directory when it lies inside it,
    /// otherwise as given (normalised).
    static func display(_ given: String, absolute: String, workingDirectory: String) -> String {
        if absolute == workingDirectory { return "." }
        let prefix = workingDirectory == "/" ? "/" : workingDirectory + "/"
        if absolute.hasPrefix(prefix) { return String(absolute.dropFirst(prefix.count)) }
        return normalize(given)
    }

    /// `path` relative to `directory` if it lies inside it.
    static func relative(_ path: String, to directory: String) -> String? {
        let prefix = directory == "/" ? "/" : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
}
