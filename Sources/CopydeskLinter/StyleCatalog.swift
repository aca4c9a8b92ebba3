import CopydeskCore
import CopydeskPolicy
import CopydeskRules
import CopydeskStyle
import Foundation

/// A style rule as `copydesk rules` and `copydesk explain` show it: its
/// Vale id, level, kind and the file it was read from.
public struct StyleRuleSummary: Sendable, Hashable, Codable {
    public var id: String
    /// Vale's level: suggestion (reported as a note), warning or error.
    public var level: String
    /// The Vale check it extends: existence, substitution, ...
    public var kind: String
    /// The rule file (`<builtin>/style/NAME/Rule.yml` for an embedded pack).
    public var file: String
    public var description: String
    public var message: String
    public var link: String?
}

/// The style rules in reach of a folder: those of the policy that applies
/// there, of a `.vale.ini` above it, and of the styles built into copydesk.
public enum StyleCatalog {
    /// Every style rule the policy and the `.vale.ini` for `directory` load,
    /// by id, with the errors met loading them.
    public static func rules(in directory: String, policy: Policy?) -> (rules: [StyleRuleSummary], errors: [String]) {
        var configs: [StyleConfig] = []
        var errors: [String] = []
        if let policy {
            do throws(PolicyError) {
                if let config = try Linter.styleConfig(for: policy) { configs.append(config) }
            } catch {
                errors.append(error.description)
            }
        }
        if let ini = ValeIni.find(from: directory) {
            do {
                let text = try String(contentsOfFile: ini, encoding: .utf8)
                configs.append(try StyleConfig(ini: try ValeIni.parse(text, path: ini)))
            } catch let error as StyleError {
                errors.append(PolicyError(error).description)
            } catch {
                errors.append("\(ini): \(error)")
            }
        }
        var seen = Set<String>()
        var rules: [StyleRuleSummary] = []
        for config in configs {
            for id in config.loadedRuleIDs where seen.insert(id).inserted {
                if let base = config.rule(id) { rules.append(StyleRuleSummary(base)) }
            }
        }
        return (rules.sorted { $0.id < $1.id }, errors)
    }

    /// The style rules in reach of `directory` (its policy's and `.vale.ini`'s),
    /// then those built into copydesk that neither loads, as `copydesk rules`
    /// lists them and `explain` looks them up.
    public static func rulesInReach(of directory: String) -> (rules: [StyleRuleSummary], errors: [String]) {
        let resolver = PolicyResolver(loader: PolicyLoader(schemas: RuleRegistry.schemas), explicitPolicyPath: nil)
        // A policy that does not load is reported by lint and policy check;
        // the listing goes on without its styles.
        let policy = try? resolver.policy(forArticleAt: directory + "/article.md")
        let (local, errors) = rules(in: directory, policy: policy)
        let localIDs = Set(local.map(\.id))
        return (local + builtinRules().filter { !localIDs.contains($0.id) }, errors)
    }

    /// Every rule of the styles built into copydesk (`style/NAME`).
    public static func builtinRules() -> [StyleRuleSummary] {
        let names = BuiltinStyles.folders.keys.sorted()
        let folders = BuiltinStyles.folders.mapValues(StyleFolder.embedded)
        guard let config = try? StyleConfig.forStyles(names, folders: folders, settings: [], directory: "<builtin>") else {
            return []
        }
        return config.loadedRuleIDs.compactMap { config.rule($0).map(StyleRuleSummary.init) }.sorted { $0.id < $1.id }
    }

    /// The `rules` listing of style rules: one line each, after the built-in rules.
    public static func listing(_ rules: [StyleRuleSummary]) -> String {
        guard !rules.isEmpty else { return "" }
        let idWidth = rules.map(\.id.count).max() ?? 0
        var output = "\nStyle rules (Vale rule files; `copydesk explain STYLE.RULE` for one):\n"
        for rule in rules {
            output += rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                + rule.level.padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                + rule.kind.padding(toLength: 14, withPad: " ", startingAt: 0) + "  " + rule.file + "\n"
        }
        return output
    }

    /// What `copydesk explain STYLE.RULE` prints.
    public static func explanation(of rule: StyleRuleSummary) -> String {
        var output = "\(rule.id) (style rule, level: \(rule.level), reported as \(severityName(rule.level)))\n\n"
        output += "Kind: \(rule.kind) (a Vale check)\nFile: \(rule.file)\n"
        if let link = rule.link, !link.isEmpty { output += "More: \(link)\n" }
        if !rule.description.isEmpty { output += "\n" + rule.description.trimmingCharacters(in: .whitespacesAndNewlines) + "\n" }
        output += "\nMessage: \(rule.message)\n"
        output += "\nSet it in a policy like any rule (`\(rule.id): off`, `\(rule.id): error`), or in a .vale.ini "
            + "(`\(rule.id) = NO`).\n"
        return output
    }

    private static func severityName(_ level: String) -> String {
        switch level {
        case "suggestion": return "a note"
        case "error": return "an error"
        default: return "a warning"
        }
    }
}

extension StyleRuleSummary {
    init(_ base: RuleBase) {
        self.init(id: base.id, level: base.level.name, kind: base.kind, file: base.file,
                  description: base.description, message: base.message, link: base.link)
    }
}
