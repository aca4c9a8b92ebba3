/// The version copydesk reports about itself: `--version`, the JSON report's
/// `tool.version`, SARIF's `tool.driver.semanticVersion`.
public enum CopydeskVersion {
    public static let current = "0.1.0"
    /// Where docs/rules.md of this release can be read, for SARIF `helpUri`.
    /// Nil until copydesk has a public home: a placeholder address would
    /// send readers of every alert to a page that does not exist. A fork
    /// that publishes copydesk sets it, pinned to the release tag, such as
    /// `https://github.com/ORG/copydesk/blob/v0.1.0/docs/rules.md`.
    public static let rulesDocumentationURL: String? = nil
}
