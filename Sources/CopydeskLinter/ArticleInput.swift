import CopydeskCore
import CopydeskPolicy
import CopydeskRules
import Foundation

/// Reading one named article into a `Document`, for commands that look at
/// files one by one (`copydesk inspect`) rather than lint a tree of them.
public enum ArticleInput {
    /// The parsed article at `path`, or the input problem that stops it
    /// being read: missing, a directory, an unknown type, not UTF-8, binary.
    public static func parse(path: String, inputFormat: InputFormat? = nil,
                             workingDirectory: String = FileManager.default.currentDirectoryPath,
                             maxFileSize: Int = BoundedFileReader.defaultLimit)
        throws(InputProblem) -> Document {
        guard !path.isEmpty else {
            throw InputProblem(path: "\"\"", level: .error,
                               message: "an empty path names no file; give the path of an article")
        }
        let directory = PathNormalizer.normalize(workingDirectory)
        let absolute = PathNormalizer.absolute(path, in: directory)
        let display = PathNormalizer.display(path, absolute: absolute, workingDirectory: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            throw InputProblem(path: display, level: .error,
                               message: "no such file; check the path")
        }
        guard !isDirectory.boolValue else {
            throw InputProblem(path: display, level: .error,
                               message: "is a directory; name the article files in it")
        }
        guard let format = inputFormat ?? InputFormat.forPath(absolute) else {
            throw InputProblem(
                path: display, level: .error,
                message: "not a known article type (copydesk reads \(InputFormat.extensionList)); "
                    + "pass --input-format markdown, text or html to read it anyway")
        }
        let data: [UInt8]
        do throws(FileReadError) {
            data = try BoundedFileReader.read(path: absolute, limit: maxFileSize)
        } catch {
            throw InputProblem(error, path: display)
        }
        do {
            let source = try InputDecoder.decode(path: display, bytes: data)
            return ArticleParser.parse(source, format: format)
        } catch {
            throw InputProblem(error, path: display, bytes: data, format: format)
        }
    }
}

/// Thrown by `ArticleInput.parse` for a file that cannot be read as an article.
extension InputProblem: Error {}

extension InputProblem {
    /// The problem a decoding error amounts to: invalid UTF-8 is an error at
    /// its position, a binary file a warning (it is skipped).
    init(_ error: InputError, path: String) {
        switch error {
        case .invalidUTF8(let offset, let line, let column):
            self.init(path: path, level: .error, message: error.description, line: line, column: column, offset: offset)
        case .binary:
            self.init(path: path, level: .warning, message: error.description)
        case .unreadable:
            self.init(path: path, level: .error, message: error.description)
        case .invalidUTF16(let offset):
            self.init(path: path, level: .error, message: error.description, offset: offset)
        }
    }

    /// The problem a file that could not be read amounts to: a binary file
    /// is skipped with a warning, as decoding does; anything else (too
    /// large, not a regular file, unreadable) is an error, so the run exits 2.
    public init(_ error: FileReadError, path: String) {
        switch error {
        case .binary:
            self.init(path: path, level: .warning, message: error.description)
        default:
            self.init(path: path, level: .error, message: "not linted: \(error.description)")
        }
    }

    /// The same, for a file read as `format`: an HTML page that is not
    /// UTF-8 usually declares the encoding it is in, and the message names
    /// it in the conversion to run.
    init(_ error: InputError, path: String, bytes: [UInt8], format: InputFormat) {
        self.init(error, path: path)
        guard format == .html, case .invalidUTF8(let offset, let line, let column) = error,
              let charset = HTMLCharset.declared(in: bytes), charset.lowercased() != "utf-8", charset.lowercased() != "utf8" else {
            return
        }
        message = "invalid UTF-8 at byte offset \(offset) (line \(line), column \(column)); the page declares "
            + "charset \(charset): convert it to UTF-8 (for example `iconv -f \(charset.uppercased()) -t UTF-8`)"
    }

    /// `path:line:column: error: message`, as compilers print diagnostics,
    /// for standard error.
    public var diagnosticLine: String {
        var place = path
        if let line { place += ":\(line):\(column ?? 1)" }
        return "\(place): \(level.rawValue): \(message)"
    }
}

/// What `copydesk inspect` adds to a parsed article: each quotation's
/// attribution, read with the quote-attribution options of the article's
/// policy (the built-in cues when the policy does not set them).
public enum ArticleInspection {
    public static func attributeQuotes(_ document: inout Document, policy: Policy?) {
        guard let rule = attributionRule(policy: policy) else { return }
        document.quotes = rule.attributedQuotes(document)
    }

    /// The rule that attributes quotations under `policy`, to be built once
    /// for every article the policy covers. Nil only if its options do not
    /// decode, which the policy loader has already ruled out: quote-attribution
    /// reads no files.
    public static func attributionRule(policy: Policy?) -> QuoteAttributionRule? {
        try? QuoteAttributionRule(options: RuleRegistry.options(of: QuoteAttributionRule.description, in: policy))
    }
}
