import CopydeskCore
import Foundation

/// Path arithmetic for policy files, done on the text of the paths so that
/// errors show them as the user wrote them.
enum PolicyPaths {
    /// The path without `.` segments, empty segments, or `..` segments that
    /// can be folded into the segment before them.
    static func normalized(_ path: String) -> String {
        LexicalPath.normalized(path)
    }

    /// The directory part of a normalized path: `.` for a bare file name.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func joined(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if directory == "." { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return normalized(path) }
        return normalized(joined(FileManager.default.currentDirectoryPath, path))
    }

    /// One name per file however it is reached: absolute, with symbolic
    /// links resolved.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: absolute(path)).resolvingSymlinksInPath().path
    }

    /// `path` relative to `directory`, with `..` segments when it lies
    /// outside it.
    static func relative(_ path: String, to directory: String) -> String {
        let target = absolute(path).split(separator: "/")
        let base = absolute(directory).split(separator: "/")
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let ups = [Substring](repeating: "..", count: base.count - common)
        let relative = (ups + target[common...]).joined(separator: "/")
        return relative.isEmpty ? "." : relative
    }
}
