import CopydeskCore
import CopydeskRules

/// Applies an article's suppression directives to the findings of its rules
/// and enforces the engine rules on the directives themselves.
///
/// - `disable RULE…` covers from the directive to the `enable` that closes
///   it (one naming the rule, or naming none), or to the end of the file;
/// - `disable-next-line RULE…` covers the next non-blank line after it;
/// - a front-matter `disable` entry covers the whole file;
/// - a front-matter `waive` entry covers the `legal-notice` findings about
///   the notice it names, in the whole file.
///
/// When several directives cover a finding, the narrowest one is credited:
/// a waiver, then next-line, then the innermost region, then the file. The others may then
/// be reported as unused, which is what they are for that finding.
struct SuppressionResolver {
    /// Every rule id copydesk knows, for "unknown rule" reports.
    var knownRuleIDs: Set<String>
    /// Rules the policy enables for this file, to explain an unused directive.
    var enabledRuleIDs: Set<String>
    /// Engine rules the policy enables, with their severities.
    var engineRuleSeverities: [String: Severity]
    /// The policy's legal notices, which a waiver may name.
    var knownNoticeIDs: [String] = []

    static let allRules = "all"

    private struct Region {
        var directive: Int
        var ruleID: String
        /// A waiver covers only findings about this notice.
        var subject: String?
        /// Byte offsets covered (`disable`), or the 1-based line (`disable-next-line`), or everything.
        enum Extent { case bytes(Range<Int>), line(Int), file }
        var extent: Extent
        /// Narrower regions win: waivers -1, next-line 0, byte regions 1 (later start wins), file 2.
        var rank: Int
    }

    /// The findings with `suppression` set where a directive covers them,
    /// followed by the engine rules' findings on the directives.
    func resolve(findings: [Finding], directives unsorted: [SuppressionDirective], source: SourceText) -> [Finding] {
        let directives = unsorted.enumerated().sorted {
            ($0.element.range.start.offset, $0.offset) < ($1.element.range.start.offset, $1.offset)
        }.map(\.element)
        var engineFindings: [Finding] = []
        let (regions, strayEnables) = regions(of: directives, source: source)

        var used = Set<RegionKey>()
        var result = findings
        for index in result.indices where !isEngineRule(result[index].ruleID) {
            let finding = result[index]
            guard let region = coveringRegion(for: finding, in: regions) else { continue }
            used.insert(RegionKey(directive: region.directive, ruleID: region.ruleID))
            let directive = directives[region.directive]
            // A waiver is in the article's own front matter, so it is an
            // in-source suppression in SARIF's terms, like the directives.
            result[index].suppression = SuppressionInfo(kind: .inSource, justification: directive.reason,
                                                        directiveRange: directive.range)
        }

        if let severity = engineRuleSeverities[EngineRules.suppressionWithoutReason.id] {
            for directive in directives where directive.kind != .enable && directive.kind != .unrecognized && directive.reason == nil {
                engineFindings.append(Finding(
                    ruleID: EngineRules.suppressionWithoutReason.id, severity: severity,
                    message: missingReasonMessage(directive), range: directive.range))
            }
        }
        if let severity = engineRuleSeverities[EngineRules.unusedSuppression.id] {
            for (index, directive) in directives.enumerated() {
                for message in unusedMessages(directive, index: index, used: used, strayEnables: strayEnables) {
                    engineFindings.append(Finding(ruleID: EngineRules.unusedSuppression.id, severity: severity,
                                                  message: message, range: directive.range))
                }
            }
        }
        return result + engineFindings
    }

    private struct RegionKey: Hashable {
        var directive: Int
        var ruleID: String
    }

    private func isEngineRule(_ id: String) -> Bool {
        RuleRegistry.engineRules.contains { $0.id == id }
    }

    /// A rule id an `enable` names that no open `disable` named.
    private struct StrayEnable {
        var ruleID: String
        /// A `disable` of every rule was open: only a bare `enable` closes it.
        var allRulesDisabled: Bool
    }

    /// What each directive covers, and for each `enable` the rule ids it
    /// closed nothing for.
    private func regions(of directives: [SuppressionDirective],
                         source: SourceText) -> ([Region], [Int: [StrayEnable]]) {
        var regions: [Region] = []
        var strayEnables: [Int: [StrayEnable]] = [:]
        // Open `disable` regions: rule id -> (directive index, start offset), oldest first.
        var open: [String: [(directive: Int, start: Int)]] = [:]
        func close(_ ruleID: String, at end: Int) {
            for entry in open.removeValue(forKey: ruleID) ?? [] {
                regions.append(Region(directive: entry.directive, ruleID: ruleID, subject: nil,
                                      extent: .bytes(entry.start..<end), rank: 1))
            }
        }
        for (index, directive) in directives.enumerated() {
            switch directive.kind {
            case .disableFile:
                for ruleID in directive.ruleIDs {
                    regions.append(Region(directive: index, ruleID: ruleID, subject: nil, extent: .file, rank: 2))
                }
            case .waive:
                regions.append(Region(directive: index, ruleID: Self.waivableRuleID, subject: directive.subject,
                                      extent: .file, rank: -1))
            case .disableNextLine:
                guard let line = nextNonBlankLine(after: directive, in: source) else { continue }
                for ruleID in directive.ruleIDs {
                    regions.append(Region(directive: index, ruleID: ruleID, subject: nil, extent: .line(line), rank: 0))
                }
            case .disable:
                for ruleID in directive.ruleIDs {
                    open[ruleID, default: []].append((index, directive.range.start.offset))
                }
            case .unrecognized:
                continue
            case .enable:
                let start = directive.range.start.offset
                if directive.ruleIDs.contains(SuppressionResolver.allRules) {
                    if open.isEmpty {
                        strayEnables[index] = [StrayEnable(ruleID: SuppressionResolver.allRules, allRulesDisabled: false)]
                    }
                    for ruleID in Array(open.keys) { close(ruleID, at: start) }
                    continue
                }
                for ruleID in directive.ruleIDs {
                    if open[ruleID] == nil {
                        let allOpen = open[SuppressionResolver.allRules] != nil
                        strayEnables[index, default: []].append(StrayEnable(ruleID: ruleID, allRulesDisabled: allOpen))
                    } else {
                        close(ruleID, at: start)
                    }
                }
            }
        }
        for ruleID in Array(open.keys) { close(ruleID, at: Int.max) }
        return (regions, strayEnables)
    }

    private func nextNonBlankLine(after directive: SuppressionDirective, in source: SourceText) -> Int? {
        let lastByte = max(directive.range.end.offset - 1, directive.range.start.offset)
        var line = source.line(containing: lastByte) + 1
        while line <= source.lineCount {
            let range = source.lineByteRange(line)
            if source.bytes[range].contains(where: { $0 != 0x20 && $0 != 0x09 }) { return line }
            line += 1
        }
        return nil
    }

    private func coveringRegion(for finding: Finding, in regions: [Region]) -> Region? {
        var best: Region?
        var bestStart = Int.min
        for region in regions where region.ruleID == finding.ruleID || region.ruleID == SuppressionResolver.allRules {
            if let subject = region.subject, subject != finding.subject { continue }
            let start: Int
            switch region.extent {
            case .file:
                start = Int.min
            case .line(let line):
                guard finding.range.start.line == line else { continue }
                start = Int.max
            case .bytes(let range):
                guard range.contains(finding.range.start.offset) else { continue }
                start = range.lowerBound
            }
            if best == nil || region.rank < best!.rank || (region.rank == best!.rank && start > bestStart) {
                best = region
                bestStart = start
            }
        }
        return best
    }

    private func missingReasonMessage(_ directive: SuppressionDirective) -> String {
        let rules = directive.ruleIDs.joined(separator: ", ")
        switch directive.kind {
        case .disableFile:
            return "front-matter suppression of \(rules) gives no reason; write why the rule does not apply "
                + "as its value (`\(directive.ruleIDs.first ?? "RULE"): the reason`)"
        case .waive:
            let notice = directive.subject ?? "NOTICE"
            return "front-matter waiver of notice '\(notice)' gives no reason; write why the article may go without "
                + "the notice as its value (`\(notice): the reason`)"
        case .disable, .disableNextLine, .enable, .unrecognized:
            return "\(Self.keyword(directive.kind)) \(rules) gives no reason; add one after `--` "
                + "(`<!-- \(Self.keyword(directive.kind)) \(rules) -- why the rule does not apply -->`)"
        }
    }

    private func unusedMessages(_ directive: SuppressionDirective, index: Int, used: Set<RegionKey>,
                                strayEnables: [Int: [StrayEnable]]) -> [String] {
        let keyword = Self.keyword(directive.kind)
        if directive.kind == .unrecognized {
            return [unrecognizedMessage(directive)]
        }
        if directive.kind == .waive {
            return unusedWaiverMessage(directive, used: used.contains(RegionKey(directive: index, ruleID: Self.waivableRuleID)))
                .map { [$0] } ?? []
        }
        if directive.kind == .enable {
            return (strayEnables[index] ?? []).map { stray in
                if stray.ruleID == SuppressionResolver.allRules {
                    return "\(keyword) closes no copydesk-disable; remove it"
                }
                if stray.allRulesDisabled {
                    return "\(keyword) \(stray.ruleID) closes nothing: the open copydesk-disable covers every "
                        + "rule and only a `copydesk-enable` naming no rule ends it"
                }
                return "\(keyword) \(stray.ruleID) closes no copydesk-disable of \(stray.ruleID); remove it"
            }
        }
        var messages: [String] = []
        var silencedNothing: [String] = []
        for ruleID in directive.ruleIDs {
            if ruleID == SuppressionResolver.allRules {
                if !used.contains(RegionKey(directive: index, ruleID: ruleID)) { silencedNothing.append(ruleID) }
            } else if isEngineRule(ruleID) {
                messages.append("\(keyword) names \(ruleID), which applies to suppressions and cannot be "
                                + "suppressed in the article; set its severity in the policy instead")
            } else if !knownRuleIDs.contains(ruleID) {
                let hint = NearestMatch.suggestion(for: ruleID, among: knownRuleIDs)
                    .map { "did you mean '\($0)'?" } ?? "run `copydesk rules` for the list"
                messages.append("\(keyword) names unknown rule '\(ruleID)' (\(hint))")
            } else if !used.contains(RegionKey(directive: index, ruleID: ruleID)) {
                silencedNothing.append(ruleID)
            }
        }
        if !silencedNothing.isEmpty {
            let disabledByPolicy = silencedNothing.filter {
                $0 != SuppressionResolver.allRules && !enabledRuleIDs.contains($0)
            }
            var message = "\(keyword) \(silencedNothing.joined(separator: ", ")) suppresses no finding; remove it"
            if !disabledByPolicy.isEmpty {
                message += " (the policy does not enable \(disabledByPolicy.joined(separator: ", ")))"
            }
            messages.append(message)
        }
        return messages
    }

    /// A mistyped directive silences nothing: it says so, with the directive
    /// it most likely meant, so the finding it was written for is not a surprise.
    private func unrecognizedMessage(_ directive: SuppressionDirective) -> String {
        let written = directive.subject ?? ""
        let inFrontMatter = written.hasPrefix(SuppressionDirective.frontMatterPrefix)
        let valid = inFrontMatter ? SuppressionDirective.frontMatterKeys.map { SuppressionDirective.frontMatterPrefix + $0 }
            : SuppressionDirective.keywords
        let hint = directive.nearestKeyword.map { "did you mean `\($0)`?" }
            ?? "the directives are " + valid.map { "`\($0)`" }.joined(separator: ", ")
        return "`\(written)` is not a copydesk directive, so it suppresses nothing (\(hint)); correct it or remove it"
    }

    /// The rule whose findings front-matter waivers cover.
    static let waivableRuleID = LegalNoticeRule.description.id

    private func unusedWaiverMessage(_ directive: SuppressionDirective, used: Bool) -> String? {
        let notice = directive.subject ?? ""
        guard knownNoticeIDs.contains(notice) else {
            let hint: String
            if knownNoticeIDs.isEmpty {
                hint = "the policy defines no legal notices"
            } else {
                hint = NearestMatch.suggestion(for: notice, among: knownNoticeIDs).map { "did you mean '\($0)'?" }
                    ?? "the policy's notices: \(knownNoticeIDs.joined(separator: ", "))"
            }
            return "front-matter waiver names unknown notice '\(notice)' (\(hint)); remove it or correct the id"
        }
        guard !used else { return nil }
        let disabled = enabledRuleIDs.contains(Self.waivableRuleID) ? ""
            : " (the policy does not enable \(Self.waivableRuleID))"
        return "front-matter waiver of notice '\(notice)' waives nothing: the article carries the notice as approved "
            + "or does not need it; remove the waiver\(disabled)"
    }

    static func keyword(_ kind: SuppressionDirective.Kind) -> String {
        switch kind {
        case .disable: return "copydesk-disable"
        case .enable: return "copydesk-enable"
        case .disableNextLine: return "copydesk-disable-next-line"
        case .disableFile: return "front-matter disable"
        case .waive: return "front-matter waiver"
        case .unrecognized: return "an unrecognized directive"
        }
    }
}
