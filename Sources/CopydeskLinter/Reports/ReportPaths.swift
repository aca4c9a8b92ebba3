/// Paths as reports need them: relative to the working directory (GitHub
/// resolves annotation paths and SARIF `%SRCROOT%` URIs against the checkout)
/// and percent-encoded where they become URIs.
enum ReportPaths {
    /// `path` relative to `workingDirectory`, lexically: `.` segments dropped,
    /// `name/..` pairs folded, and `..` segments where an absolute path lies
    /// outside the working directory. Symbolic links are not resolved; the
    /// report describes the paths the user gave.
    static func relative(_ path: String, to workingDirectory: String) -> String {
        let segments: [Substring]
        if path.hasPrefix("/") {
            let target = normalized(path.split(separator: "/", omittingEmptySubsequences: true))
            let base = normalized(workingDirectory.split(separator: "/", omittingEmptySubsequences: true))
            var common = 0
            while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
            segments = Array(repeating: "..", count: base.count - common) + target[common...]
        } else {
            segments = normalized(path.split(separator: "/", omittingEmptySubsequences: true))
        }
        return segments.isEmpty ? "." : segments.joined(separator: "/")
    }

    private static func normalized(_ segments: [Substring]) -> [Substring] {
        var result: [Substring] = []
        for segment in segments {
            if segment == "." { continue }
            if segment == "..", let last = result.last, last != ".." {
                result.removeLast()
            } else {
                result.append(segment)
            }
        }
        return result
    }

    /// A relative path as a URI reference (RFC 3986): each segment's bytes
    /// outside the unreserved and sub-delimiter characters become `%XX`.
    /// A colon is encoded too, so a first segment never reads as a scheme.
    static func uriReference(_ relativePath: String) -> String {
        var output = ""
        output.reserveCapacity(relativePath.utf8.count)
        for byte in relativePath.utf8 {
            if isAllowedInURIPath(byte) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += "%" + hexByte(byte)
            }
        }
        return output
    }

    /// The absolute `file:` URI of a directory, with the trailing slash SARIF
    /// requires of a base URI.
    static func directoryURI(_ absolutePath: String) -> String {
        let segments = normalized(absolutePath.split(separator: "/", omittingEmptySubsequences: true))
        let path = segments.map { uriReference(String($0)) }.joined(separator: "/")
        return path.isEmpty ? "file:///" : "file:///" + path + "/"
    }

    private static func isAllowedInURIPath(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "@"),
             UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
