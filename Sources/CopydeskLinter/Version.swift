/// The version copydesk reports about itself: `--version`, the JSON report's
/// `tool.version`, SARIF's `tool.driver.semanticVersion`.
public enum CopydeskVersion {
    public static let current = "0.1.0"
}
