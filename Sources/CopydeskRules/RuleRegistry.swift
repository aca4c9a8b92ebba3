import CopydeskCore
import CopydeskPolicy

/// Every rule copydesk knows, and how a policy turns them into configured
/// checks.
public enum RuleRegistry {
    /// Rules that check an article on their own, one file each under `Rules/`.
    public static let documentRules: [any Rule.Type] = [
        BylineRule.self,
        CaptionDuplicationRule.self,
        DuplicateParagraphRule.self,
        LegalNoticeRule.self,
        QuoteAttributionRule.self,
        QuoteBalanceRule.self,
    ]

    /// Rules the engine itself enforces, on the suppressions in an article;
    /// they have descriptions (for SARIF, `rules` and `explain`) but no
    /// `check` of their own.
    public static let engineRules: [RuleDescription] = EngineRules.all

    public static var descriptions: [RuleDescription] {
        (documentRules.map { $0.description } + engineRules).sorted { $0.id < $1.id }
    }

    public static var schemas: [RuleSchema] { descriptions.map(\.schema) }

    public static func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }

    /// A rule's option values in a policy: the defaults, what the rule's
    /// setting gives, and the policy sections the rule reads.
    public static func options(of description: RuleDescription, in policy: Policy?) -> RuleOptions {
        var overrides = policy?.rules[description.id]?.options ?? [:]
        var notices: [String: [Notice]] = [:]
        // A loaded policy writes these options only as sections (the decoder
        // refuses them under `rules:`); a policy built in code, as a rule
        // example's is, may give them in the setting instead.
        for spec in description.options where spec.source == .policySection {
            // The notices go to the rule as they were decoded from the
            // policy, not spelt out as option values for it to decode again.
            if spec.kind == .legalNotices, let section = policy?.sectionNotices(spec.name), !section.isEmpty {
                notices[spec.name] = section
                overrides[spec.name] = nil
            } else if let value = policy?.sectionValue(spec.name), value != .list([]) || overrides[spec.name] == nil {
                overrides[spec.name] = value
            }
        }
        var options = RuleOptions(defaultsOf: description.options, overrides: overrides, baseDirectory: policy?.directory)
        options.notices = notices
        return options
    }

    /// Builds the checks a policy enables, each with its options and severity.
    public static func configure(_ policy: Policy) throws -> RuleSet {
        var configured: [ConfiguredRule] = []
        var engine: [String: Severity] = [:]
        for type in documentRules {
            let description = type.description
            guard let setting = policy.rules[description.id], setting.enabled else { continue }
            let rule = try type.init(options: options(of: description, in: policy))
            configured.append(ConfiguredRule(rule: rule, description: description,
                                             severity: setting.severity ?? description.defaultSeverity))
        }
        for description in engineRules {
            guard let setting = policy.rules[description.id], setting.enabled else { continue }
            engine[description.id] = setting.severity ?? description.defaultSeverity
        }
        // Waivers may name the policy's notices whether or not the rule that
        // checks them is on; when it is, its notices are already decoded.
        let noticeIDs: [String]
        if let legal = configured.lazy.compactMap({ $0.rule as? LegalNoticeRule }).first {
            noticeIDs = legal.notices.map(\.notice.id)
        } else {
            noticeIDs = try LegalNoticeRule.configuration(from: options(of: LegalNoticeRule.description, in: policy)).notices.map(\.id)
        }
        return RuleSet(rules: configured, engineRuleSeverities: engine, noticeIDs: noticeIDs)
    }
}

public struct ConfiguredRule: Sendable {
    public var rule: any Rule
    public var description: RuleDescription
    public var severity: Severity
}

/// The rules one policy enables, ready to run on any number of documents.
public struct RuleSet: Sendable {
    public var rules: [ConfiguredRule]
    /// Engine rules the policy enables, with their severities.
    public var engineRuleSeverities: [String: Severity]
    /// The ids of the policy's legal notices, which article front matter may waive.
    public var noticeIDs: [String]

    public init(rules: [ConfiguredRule], engineRuleSeverities: [String: Severity], noticeIDs: [String] = []) {
        self.rules = rules
        self.engineRuleSeverities = engineRuleSeverities
        self.noticeIDs = noticeIDs
    }

    /// Descriptions of every enabled rule, document and engine, sorted by id.
    public var descriptions: [RuleDescription] {
        let engine = RuleRegistry.engineRules.filter { engineRuleSeverities[$0.id] != nil }
        return (rules.map(\.description) + engine).sorted { $0.id < $1.id }
    }

    /// Runs every rule on the document; findings are unsuppressed and in
    /// rule order.
    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for configured in rules {
            for violation in configured.rule.check(document) {
                var finding = Finding(ruleID: configured.description.id,
                                      severity: violation.isTentative ? .note : configured.severity,
                                      message: violation.message, range: violation.range,
                                      related: violation.related, subject: violation.subject)
                finding.confidence = violation.confidence
                findings.append(finding)
            }
        }
        return findings
    }
}
