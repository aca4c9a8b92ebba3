import Foundation

/// A desk's `.copydesk.yml` that neither extends the house `.copydesk.yml`
/// further up nor extends anything else: the nearest policy wins, so the
/// house rules and notices silently stop applying to the desk's articles.
/// A policy with any `extends` entry chose what it builds on (`extends:
/// default` starts from the default on purpose) and is left alone.
public enum PolicyShadowing {
    /// The house policy `policy` (loaded from `file`) hides, or nil.
    public static func shadowedPolicy(by policy: Policy, file: String) -> String? {
        guard !policy.extendsOthers,
              (file as NSString).lastPathComponent == PolicyResolver.policyFileName else { return nil }
        let own = PolicyPaths.canonical(file)
        let folded = Set(policy.sources.map(PolicyPaths.canonical))
        var current = PolicyPaths.directory(of: PolicyPaths.directory(of: PolicyPaths.absolute(file)))
        while true {
            let candidate = PolicyPaths.joined(current, PolicyResolver.policyFileName)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                let identity = PolicyPaths.canonical(candidate)
                return identity == own || folded.contains(identity) ? nil : candidate
            }
            let parent = PolicyPaths.directory(of: current)
            if parent == current { return nil }
            current = parent
        }
    }

    /// "warning: …" for `policy check`, `policy show` and `lint`, with the
    /// house file as written from the desk's directory.
    public static func warning(policyFile file: String, shadowing house: String) -> String {
        let relative = PolicyPaths.relative(house, to: PolicyPaths.directory(of: PolicyPaths.absolute(file)))
        return "this policy stands alone: it does not extend the house policy \(relative) further up, so the house "
            + "rules and notices do not apply to articles here (add 'extends: \(relative)' to build on it, "
            + "or 'extends: default' to start from the default on purpose)"
    }

    /// The policy file as a person would name it from `workingDirectory`.
    public static func displayPath(_ file: String, workingDirectory: String) -> String {
        let absolute = PolicyPaths.absolute(file)
        let base = PolicyPaths.absolute(workingDirectory)
        let prefix = base == "/" ? "/" : base + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
