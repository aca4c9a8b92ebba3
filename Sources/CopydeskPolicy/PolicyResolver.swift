import Foundation

/// Finds the policy for each article: the one given on the command line,
/// or else the nearest `.copydesk.yml` in the article's directory or a
/// parent, or else the embedded `default` pack. Each directory is looked up
/// once, whatever the number of articles in it and of threads asking.
public final class PolicyResolver: Sendable {
    public static let policyFileName = ".copydesk.yml"
    public static let fallbackPolicyName = "default"

    public let loader: PolicyLoader
    public let explicitPolicyPath: String?
    private let cache = PolicyCache()

    public init(loader: PolicyLoader, explicitPolicyPath: String?) {
        self.loader = loader
        self.explicitPolicyPath = explicitPolicyPath
    }

    public func policy(forArticleAt path: String) throws(PolicyError) -> Policy {
        try cache.withLock { (state: inout PolicyCache.State) throws(PolicyError) -> Policy in
            try resolve(articlePath: path, state: &state).get()
        }
    }

    /// The policy file that applies to articles in `directory`, or nil when
    /// none does and the embedded default is used.
    public func policyFile(forDirectory directory: String) -> String? {
        if let explicitPolicyPath { return explicitPolicyPath }
        return cache.withLock { (state: inout PolicyCache.State) -> String? in
            findPolicyFile(from: PolicyPaths.absolute(directory), state: &state)
        }
    }

    // Everything below runs under the cache's lock.

    private func resolve(articlePath: String, state: inout PolicyCache.State) -> Result<Policy, PolicyError> {
        if let explicitPolicyPath {
            return load(explicitPolicyPath, state: &state)
        }
        let directory = PolicyPaths.directory(of: PolicyPaths.absolute(articlePath))
        guard let file = findPolicyFile(from: directory, state: &state) else {
            if let fallback = state.fallback { return fallback }
            let fallback = Result { () throws(PolicyError) -> Policy in
                try loader.builtin(Self.fallbackPolicyName)
            }
            state.fallback = fallback
            return fallback
        }
        return load(file, state: &state)
    }

    private func load(_ file: String, state: inout PolicyCache.State) -> Result<Policy, PolicyError> {
        if let loaded = state.policies[file] { return loaded }
        let loaded = Result { () throws(PolicyError) -> Policy in try loader.load(path: file) }
        state.policies[file] = loaded
        return loaded
    }

    /// Walks up from `directory` to the nearest policy file, remembering
    /// the answer for every directory on the way.
    private func findPolicyFile(from directory: String, state: inout PolicyCache.State) -> String? {
        var visited: [String] = []
        var current = directory
        var found: String?
        while true {
            if let known = state.policyFiles[current] {
                found = known
                break
            }
            visited.append(current)
            let candidate = PolicyPaths.joined(current, Self.policyFileName)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                found = candidate
                break
            }
            let parent = PolicyPaths.directory(of: current)
            if parent == current { break }
            current = parent
        }
        for directory in visited { state.policyFiles[directory] = .some(found) }
        return found
    }
}

/// The resolver's memory, behind a lock: the resolver is shared by the
/// threads that lint files concurrently.
final class PolicyCache: @unchecked Sendable {
    struct State {
        /// Directory → nearest policy file (nil: none up to the root).
        var policyFiles: [String: String?] = [:]
        /// Policy file → its loaded policy or the error loading it gave,
        /// so a broken policy is read once and reported the same way.
        var policies: [String: Result<Policy, PolicyError>] = [:]
        var fallback: Result<Policy, PolicyError>?
    }

    private let lock = NSLock()
    private var state = State()

    func withLock<Value, Failure: Error>(_ body: (inout State) throws(Failure) -> Value) throws(Failure) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
