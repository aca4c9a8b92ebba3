import CopydeskCore

extension Policy {
    /// Whether one of the `exclude` globs matches the article, by its path
    /// relative to the policy's directory (the working directory for an
    /// embedded pack).
    public func excludes(articlePath: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let relative = PolicyPaths.relative(articlePath, to: directory ?? ".")
        return exclude.contains { Glob($0).matches(relative) }
    }
}
