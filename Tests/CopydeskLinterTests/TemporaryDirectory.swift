import CopydeskCore
import CopydeskPolicy
import Foundation
@testable import CopydeskLinter

/// A scratch directory of article files, removed when the test is done.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = PathNormalizer.normalize(base + "/copydesk-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relativePath: String, bytes: [UInt8]) throws -> String {
        let full = path + "/" + relativePath
        let directory = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return full
    }
}

/// Every engine rule at its default severity: the only rules that report
/// anything until document rules are registered, and the ones the engine owns.
let engineRulesPolicy = Policy(name: "engine rules", rules: [
    "suppression-without-reason": RuleSetting(),
    "unused-suppression": RuleSetting(),
])

func linter(policy: Policy = engineRulesPolicy, standardInput: [UInt8] = []) -> Linter {
    Linter(policyLookup: { _ in policy }, readStandardInput: { standardInput })
}
