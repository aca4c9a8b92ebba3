import Yams

/// Yams' `compose` as copydesk calls it: scalars untyped (callers read each
/// scalar's text and style themselves), UTF-8 named rather than looked up.
package enum YAMLComposer {
    /// Yams' default constructor is built anew on each call, three tables of
    /// closures for turning nodes into Swift values, which copydesk never
    /// asks of a composed node; its default encoding reads the whole
    /// environment (and prints to standard output when YAMS_DEFAULT_ENCODING
    /// is set). Each was a measurable share of linting one small article.
    /// The constructor's tables are constants, so one can be shared.
    nonisolated(unsafe) private static let constructor = Constructor([:], [:], [:])

    package static func compose(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, .basic, constructor, .utf8)
    }
}
