import CopydeskCore
import CopydeskPolicy

/// What `lint --format json` writes when the run cannot start (an unusable
/// policy), so a script reading standard output gets JSON either way and
/// can tell this object from a report by its `error` key
/// (docs/json-format.md, "When the run cannot start").
public struct JSONErrorReport: Encodable, Sendable, Hashable {
    public struct Tool: Encodable, Sendable, Hashable {
        public var name = "copydesk"
        public var version = CopydeskVersion.current
    }

    /// One problem, at its place when it has one.
    public struct Problem: Encodable, Sendable, Hashable {
        public var file: String
        public var line: Int?
        public var column: Int?
        public var message: String
        public var hint: String?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(message, forKey: .message)
            try container.encode(hint, forKey: .hint)
        }

        enum CodingKeys: String, CodingKey { case file, line, column, message, hint }
    }

    public struct Failure: Encodable, Sendable, Hashable {
        /// `policy`: a policy file could not be read or used.
        public var kind: String
        public var problems: [Problem]
    }

    public var version = JSONLintReport.schemaVersion
    public var tool = Tool()
    public var error: Failure

    public init(_ policyError: PolicyError) {
        error = Failure(kind: "policy", problems: policyError.all.map { problem in
            Problem(file: problem.file, line: problem.location?.line, column: problem.location?.column,
                    message: problem.message, hint: problem.hint)
        })
    }

    public func render() -> String {
        ReportEncoding.prettyJSON(self)
    }
}
