import CopydeskCore
import Foundation

/// Runs an article's style rules over its parsed Document and hands back
/// copydesk findings with Vale's ids and messages.
public enum StyleEngine {
    public static func severity(_ level: ValeLevel) -> Severity {
        switch level {
        case .suggestion: return .note
        case .warning: return .warning
        case .error: return .error
        }
    }

    public static func check(_ parsed: Document, selection: StyleSelection) -> [Finding] {
        guard !selection.isEmpty else { return [] }
        let document = parsed
        // Who said each quotation: an attributed one is speech, which style
        // rules leave alone unless their scope is `quote`. Worked out for the
        // whole article the first time an alert falls inside a quotation,
        // which most articles never need.
        var credited: [Bool]?
        func isCredited(_ quote: Int) -> Bool {
            if credited == nil {
                var attributed = parsed
                AttributionFinder().attribute(&attributed)
                credited = attributed.quotes.map { $0.attribution != nil }
            }
            return credited?[quote] ?? false
        }
        let shared = selection.config.sharedPhrases
        let gate = selection.config.gate
        // Each rule's description read once, not once per block: reading it
        // through the protocol copies a dozen strings and arrays.
        let rules = selection.rules.map { (check: $0.check, level: $0.level, base: $0.check.base,
                                           usesShared: shared?.rules.contains($0.check.base.id) ?? false,
                                           slot: gate?.slots[$0.check.base.id]) }
        // An article's blocks have a handful of distinct scopes: which rules
        // read each is worked out once, and a block no rule reads is not made.
        var rulesByScope: [Set<String>: [Int]] = [:]
        func rulesReading(_ scope: Set<String>) -> [Int] {
            if let known = rulesByScope[scope] { return known }
            let found = rules.indices.filter { rules[$0].base.scope.matches(scope) }
            rulesByScope[scope] = found
            return found
        }
        // Metric rules count blocks of every kind: all are made for them.
        let counting = selection.rules.contains { $0.check is MetricCheck || $0.check is ReadabilityCheck }
        let blocks = ValeBlocks.make(document, ext: selection.ext, tokenIgnores: selection.tokenIgnores,
                                     skippedScopes: selection.config.skippedScopes,
                                     ignoredScopes: selection.config.ignoredScopes,
                                     readers: counting ? nil : rulesReading)
        // BlockIgnores, ignored classes and skipped elements: regions of
        // the source no rule but a raw one reads.
        var ignoredRegions: [Range<Int>] = []
        if document.format != .text {
            ignoredRegions = MarkupRegions.ignored(document.source.bytes,
                                                   classes: selection.config.ignoredClasses.union(MarkupRegions.defaultClasses),
                                                   tags: selection.config.skippedScopes)
        }
        if !selection.blockIgnores.isEmpty {
            let raw = CheckText(bytes: document.source.bytes)
            for regex in selection.blockIgnores {
                for groups in regex.matches(in: raw) {
                    if let r = groups.count > 1 ? (groups[1] ?? groups[0]) : groups[0] { ignoredRegions.append(r) }
                }
            }
        }
        let comments = ValeComments(source: document.source.bytes)
        let state = FileState()
        if counting {
            var counts: [String: Int] = [:]
            for block in blocks where !block.scope.contains("sentence") && !block.scope.contains("paragraph") {
                if block.scope.contains("heading"), let level = block.scope.first(where: { $0.hasPrefix("h") && $0.count == 2 }) {
                    counts["heading.\(level)", default: 0] += 1
                } else if block.scope.contains("list") {
                    counts["list", default: 0] += 1
                } else if block.scope.contains("blockquote") {
                    counts["blockquote", default: 0] += 1
                } else if block.scope.contains("table") {
                    counts["table.\(block.scope.contains("header") ? "header" : "cell")", default: 0] += 1
                } else if block.scope.contains("text") && !block.scope.contains("attr") {
                    counts["paragraph", default: 0] += 1
                }
            }
            let prose = blocks.first { $0.scope.contains("summary") }?.text.string ?? ""
            state.metrics = DocumentMetrics(blockCounts: counts, prose: prose)
        }
        var findings: [Finding] = []
        var seen = Set<String>()
        var counts: [String: Int] = [:]
        // Checked before a rule is touched: most blocks hold none of a
        // gated rule's literals.
        let slots = rules.map { $0.slot ?? -1 }
        var open = [Bool](repeating: false, count: gate?.slotCount ?? 0)
        var opened: [Int] = []
        // Paragraph and text blocks share one text: it is read once.
        var gateRead: CheckText?
        var phrasesRead: CheckText?
        for block in blocks {
            for ruleIndex in block.readers ?? rulesReading(block.scope) {
                let slot = slots[ruleIndex]
                if slot >= 0, let gate {
                    if gateRead !== block.text {
                        for cleared in opened { open[cleared] = false }
                        opened = gate.open(block.text.bytes, into: &open)
                        gateRead = block.text
                    }
                    if !open[slot] { continue }
                }
                let rule = rules[ruleIndex]
                // Only rules with word lists read the shared automaton's hits.
                if rule.usesShared, let shared, phrasesRead !== block.text {
                    state.phraseHits = shared.hits(in: block.text.bytes)
                    phrasesRead = block.text
                }
                let check = rule.check
                let level = rule.level
                let base = rule.base
                let readsQuotes = base.scope.readsQuotes
                for alert in check.run(block.text, state: state) {
                    if !readsQuotes, block.quotations.contains(where: { quotation in
                        (quotation.range.overlaps(alert.range) || quotation.range.contains(alert.range.lowerBound))
                            && isCredited(quotation.quote)
                    }) {
                        continue
                    }
                    let sourceRange: Range<Int>
                    switch block.origin {
                    case .block(let index, let offset):
                        let content = document.blocks[index].content
                        sourceRange = content.sourceRange((alert.range.lowerBound + offset)..<(alert.range.upperBound + offset))
                    case .source:
                        sourceRange = alert.range
                    case .sourceAt(let start, let verbatim):
                        sourceRange = verbatim ? (start + alert.range.lowerBound)..<(start + alert.range.upperBound) : start..<start
                    case .none:
                        sourceRange = 0..<0
                    }
                    if !base.scope.isRaw, comments.isOff(base.id, at: sourceRange.lowerBound) { continue }
                    if !base.scope.isRaw, ignoredRegions.contains(where: { $0.contains(sourceRange.lowerBound) }) { continue }
                    let key = "\(base.id)|\(sourceRange.lowerBound)|\(alert.message)"
                    guard seen.insert(key).inserted else { continue }
                    if base.limit > 0 {
                        counts[base.id, default: 0] += 1
                        if counts[base.id]! > base.limit { continue }
                    }
                    var range = document.source.range(sourceRange)
                    if case .none = block.origin {
                        range = document.source.range(0..<0)
                    }
                    // Vale prints a message on one line.
                    var message = alert.message
                    if message.utf8.contains(0x0A) {
                        message = message.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                    }
                    var finding = Finding(ruleID: base.id, severity: severity(level), message: message, range: range)
                    if base.actionName != nil {
                        finding.suggestions = ValeAction.suggestions(name: base.actionName, params: base.actionParams,
                                                                     match: alert.match, replacements: alert.replacements)
                    }
                    findings.append(finding)
                }
            }
        }
        return findings
    }
}
