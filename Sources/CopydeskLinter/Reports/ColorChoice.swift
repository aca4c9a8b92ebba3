/// Whether to colour terminal output.
public enum ColorChoice {
    /// `--color`/`--no-color` win; otherwise colour only for a terminal, and
    /// never when `NO_COLOR` is set to anything but the empty string
    /// (no-color.org).
    public static func useColor(flag: Bool?, outputIsTerminal: Bool, environment: [String: String]) -> Bool {
        if let flag { return flag }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return outputIsTerminal
    }
}
