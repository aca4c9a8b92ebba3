/// The copydesk release, shown by `copydesk --version` and written into
/// every report.
public enum CopydeskVersion {
    public static let current = "0.1.0"
}
