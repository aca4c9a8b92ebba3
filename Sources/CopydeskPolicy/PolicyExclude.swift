import CopydeskCore

extension Policy {
    /// Whether one of the `exclude` globs matches the article, by its path
    /// relative to the policy's directory (the working directory for an
    /// embedded pack).
    public func excludes(articlePath: String) -> Bool {
        excludes(articlePath: articlePath, matching: excludeGlobs())
    }

    /// The `exclude` globs compiled into one matcher, for callers that test
    /// many articles against the same policy.
    package func excludeGlobs() -> GlobSet { GlobSet(exclude.map(Glob.init)) }

    /// `excludes(articlePath:)` with the globs compiled beforehand.
    package func excludes(articlePath: String, matching globs: GlobSet) -> Bool {
        guard !globs.isEmpty else { return false }
        return globs.matches(PolicyPaths.relative(articlePath, to: directory ?? "."))
    }
}
