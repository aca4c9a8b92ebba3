import CopydeskCore
import Foundation
import Yams

/// The `notices` section: a list of legal notices, each a mapping. Notices
/// are structured values that rule options cannot express, so they have a
/// section of their own, checked as strictly as the rest.
extension PolicyDecoder {
    static let noticeKeys = ["id", "text", "case-sensitive", "required", "placement", "forbidden-when"]
    static let conditionKeys = ["mentions", "patterns", "front-matter", "wire"]
    static let requirementWords = ["always", "never"]
    static let noticeExample = """
        write each notice as a mapping, such as '- {id: wire-copyright, text: "…", required: always, placement: end}'
        """

    func decodeNotices(_ node: Node) throws(PolicyError) -> [Notice] {
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar(let scalar) where Self.isNull(scalar): items = []
        default:
            throw error(at: node, "'notices' must be a list of notices, not \(Self.describe(node))", hint: Self.noticeExample)
        }
        var notices: [Notice] = []
        var firstPlaces: [String: PolicyLocation] = [:]
        // Each notice is checked on its own, so every broken one is reported.
        for item in items { collecting { () throws(PolicyError) in
            let (notice, idNode) = try decodeNotice(item)
            if let first = firstPlaces[notice.id] {
                throw error(at: idNode, "duplicate notice id '\(notice.id)'",
                            hint: "'\(notice.id)' is already defined at \(first.line):\(first.column) in this file; "
                                + "keep one, or give this notice another id")
            }
            firstPlaces[notice.id] = location(of: idNode)
            notices.append(notice)
        } }
        return notices
    }

    private func decodeNotice(_ node: Node) throws(PolicyError) -> (Notice, Node) {
        guard case .mapping(let mapping) = node else {
            throw error(at: node, "a notice must be a mapping of id, text, required and placement, not \(Self.describe(node))",
                        hint: Self.noticeExample)
        }
        let pairs = try uniquePairs(of: mapping)
        guard let idPair = pairs.first(where: { $0.key == "id" }) else {
            throw error(at: node, "the notice has no 'id'", hint: "add 'id:' with a name such as 'wire-copyright'; articles waive the notice by it")
        }
        let id = try decodeNoticeID(idPair.value)
        var text: String?
        var caseSensitive = false
        var required: Notice.Requirement?
        var placement = Notice.Placement.anywhere
        var forbidden: [NoticeCondition] = []
        for pair in pairs {
            switch pair.key {
            case "id":
                break
            case "text":
                text = try decodeNoticeText(pair.value, id: id)
            case "case-sensitive":
                guard let value = plainText(pair.value).flatMap(Self.boolean) else {
                    throw error(at: pair.value, "'case-sensitive' in notice '\(id)' must be true or false, not \(Self.describe(pair.value))",
                                hint: quotedHint(pair.value) ?? "write 'case-sensitive: true' or leave it out (false)")
                }
                caseSensitive = value
            case "required":
                required = try decodeRequirement(pair.value, id: id)
            case "placement":
                placement = try decodePlacement(pair.value, id: id)
            case "forbidden-when":
                forbidden = try decodeConditions(pair.value, subject: "'forbidden-when' in notice '\(id)'", allowsEmpty: true)
            default:
                throw error(at: pair.keyNode, "unknown key '\(pair.key)' in notice '\(id)'",
                            hint: NearestMatch.hint(for: pair.key, among: Self.noticeKeys, listing: "valid keys"))
            }
        }
        guard let text else {
            throw error(at: idPair.keyNode, "notice '\(id)' has no 'text'",
                        hint: "add 'text:' with the approved wording; use 'text: |' for several paragraphs")
        }
        guard let required else {
            throw error(at: idPair.keyNode, "notice '\(id)' does not say when it is required",
                        hint: "add 'required: always', 'required: never' or 'required: {when: {mentions: [...]}}'")
        }
        let notice = Notice(id: id, text: text, caseSensitive: caseSensitive, required: required, placement: placement,
                            forbiddenWhen: forbidden, location: location(of: idPair.keyNode))
        return (notice, idPair.value)
    }

    /// Ids are written in article front matter to waive a notice, so they
    /// are plain words.
    private func decodeNoticeID(_ node: Node) throws(PolicyError) -> String {
        guard let id = scalarText(node), !id.isEmpty else {
            throw error(at: node, "a notice id must be a word, not \(Self.describe(node))", hint: "write 'id: wire-copyright', for example")
        }
        let isWord = id.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard isWord else {
            throw error(at: node, "notice id '\(id)' may hold only letters, digits, '-' and '_'",
                        hint: "articles name the notice by its id in front matter; write it like 'regional-warning'")
        }
        return id
    }

    /// A string, or a list of strings with one paragraph each.
    private func decodeNoticeText(_ node: Node, id: String) throws(PolicyError) -> String {
        var paragraphs: [String] = []
        switch node {
        case .sequence(let sequence):
            for item in sequence {
                guard let text = scalarText(item) else {
                    throw error(at: item, "every paragraph of the text of notice '\(id)' must be a string, not \(Self.describe(item))",
                                hint: "write each paragraph as a quoted string")
                }
                paragraphs.append(Self.trimmed(text))
            }
        default:
            guard let text = scalarText(node) else {
                throw error(at: node, "the text of notice '\(id)' must be a string or a list of paragraphs, not \(Self.describe(node))",
                            hint: "write 'text: |' and the approved wording on the lines below, indented")
            }
            paragraphs = [Self.trimmed(text)]
        }
        let text = paragraphs.filter { !$0.isEmpty }.joined(separator: "\n\n")
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw error(at: node, "the text of notice '\(id)' is empty", hint: "give the approved wording of the notice")
        }
        return text
    }

    /// The text without white space and line breaks around it, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it. Where both
    /// ends are ASCII, as notices' are, the bytes are trimmed here: the
    /// Foundation call copied each text through NSString, a tenth of loading
    /// a policy of a thousand notices.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while start < end, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        guard start < end else { return "" }
        // Other white space (a no-break space, U+2028) is Foundation's to judge.
        if utf8[start] >= 0x80 || utf8[utf8.index(before: end)] >= 0x80 {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return start == utf8.startIndex && end == utf8.endIndex ? text : String(text[start..<end])
    }

    private func decodeRequirement(_ node: Node, id: String) throws(PolicyError) -> Notice.Requirement {
        let hint = "write 'required: always', 'required: never' or 'required: {when: {mentions: [...]}}'"
        switch node {
        case .scalar(let scalar) where !Self.isNull(scalar):
            switch scalar.string {
            case "always": return .always
            case "never": return .never
            default:
                throw error(at: node, "'required' in notice '\(id)' cannot be \(Self.describe(node))",
                            hint: NearestMatch.suggestion(for: scalar.string, among: Self.requirementWords + ["when"])
                                .map { "did you mean '\($0)'? " + hint } ?? hint)
            }
        case .mapping(let mapping):
            let pairs = try uniquePairs(of: mapping)
            guard let first = pairs.first else {
                throw error(at: node, "'required' in notice '\(id)' is an empty mapping", hint: hint)
            }
            for pair in pairs where pair.key != "when" {
                throw error(at: pair.keyNode, "unknown key '\(pair.key)' in 'required' of notice '\(id)'",
                            hint: NearestMatch.suggestion(for: pair.key, among: ["when"]).map { "did you mean '\($0)'?" }
                                ?? "the only key is 'when'; " + hint)
            }
            return .when(try decodeConditions(first.value, subject: "'required: when' in notice '\(id)'", allowsEmpty: false))
        default:
            throw error(at: node, "'required' in notice '\(id)' cannot be \(Self.describe(node))", hint: hint)
        }
    }

    private func decodePlacement(_ node: Node, id: String) throws(PolicyError) -> Notice.Placement {
        let words = Notice.Placement.allCases.map(\.rawValue)
        guard let text = scalarText(node) else {
            throw error(at: node, "'placement' in notice '\(id)' must be one of \(words.joined(separator: ", ")), not \(Self.describe(node))",
                        hint: "write 'placement: end', for example")
        }
        guard let placement = Notice.Placement(rawValue: text) else {
            throw error(at: node, "'\(text)' is not a placement for notice '\(id)'",
                        hint: NearestMatch.hint(for: text, among: words, listing: "valid placements"))
        }
        return placement
    }

    /// One condition (a mapping) or a list of them, any of which may hold.
    private func decodeConditions(_ node: Node, subject: String, allowsEmpty: Bool) throws(PolicyError) -> [NoticeCondition] {
        switch node {
        case .mapping:
            return [try decodeCondition(node, subject: subject)]
        case .sequence(let sequence):
            if sequence.isEmpty && !allowsEmpty {
                throw error(at: node, "\(subject) is an empty list", hint: "give at least one condition, or write 'required: never'")
            }
            var conditions: [NoticeCondition] = []
            for item in sequence { conditions.append(try decodeCondition(item, subject: subject)) }
            return conditions
        default:
            throw error(at: node, "\(subject) must be a condition (a mapping) or a list of conditions, not \(Self.describe(node))",
                        hint: "write a mapping such as '{mentions: [Russia], front-matter: {region: [europe]}}'")
        }
    }

    private func decodeCondition(_ node: Node, subject: String) throws(PolicyError) -> NoticeCondition {
        guard case .mapping(let mapping) = node else {
            throw error(at: node, "each condition of \(subject) must be a mapping, not \(Self.describe(node))",
                        hint: "write a mapping of \(Self.conditionKeys.joined(separator: ", "))")
        }
        var condition = NoticeCondition()
        for pair in try uniquePairs(of: mapping) {
            switch pair.key {
            case "mentions":
                condition.mentions = try decodeStringList(pair.value, what: "'mentions' in \(subject)",
                                                          example: "mentions: [Russia, Kremlin]").map(\.0)
            case "patterns":
                for (pattern, location) in try decodeStringList(pair.value, what: "'patterns' in \(subject)",
                                                                 example: "patterns: ['\\bRussia(n|ns)?\\b']") {
                    do {
                        _ = try NSRegularExpression(pattern: pattern)
                    } catch {
                        throw PolicyError(file: path, location: location,
                                          message: "'\(pattern)' in \(subject) is not a valid regular expression",
                                          hint: "patterns use ICU syntax; write them in single quotes so YAML keeps backslashes, such as '\\bRussia(n)?\\b'")
                    }
                    if let problem = PatternSafety.problem(in: pattern) {
                        throw PolicyError(file: path, location: location,
                                          message: "'\(pattern)' in \(subject) could take exponential time: \(problem)",
                                          hint: "repeat a single element, not a group that repeats (write '(ab)+' or 'a+', "
                                              + "not '(a+)+'), and give the alternatives of a repeated group different first letters")
                    }
                    condition.patterns.append(pattern)
                }
            case "front-matter":
                condition.frontMatter = try decodeFieldTests(pair.value, subject: subject)
            case "wire":
                condition.wire = try decodeStringList(pair.value, what: "'wire' in \(subject)",
                                                      example: "wire: [AP, Associated Press, Reuters]").map(\.0)
            default:
                throw error(at: pair.keyNode, "unknown key '\(pair.key)' in a condition of \(subject)",
                            hint: NearestMatch.hint(for: pair.key, among: Self.conditionKeys, listing: "valid keys"))
            }
        }
        if condition.isEmpty {
            throw error(at: node, "a condition of \(subject) is empty",
                        hint: "give at least one of \(Self.conditionKeys.joined(separator: ", "))")
        }
        return condition
    }

    /// `{section: [news], region: {not: [europe]}}`.
    private func decodeFieldTests(_ node: Node, subject: String) throws(PolicyError) -> [NoticeCondition.FieldTest] {
        let example = "front-matter: {section: [politics], region: {not: [europe]}}"
        guard case .mapping(let mapping) = node else {
            throw error(at: node, "'front-matter' in \(subject) must be a mapping of field names to values, not \(Self.describe(node))",
                        hint: "write '\(example)'")
        }
        var tests: [NoticeCondition.FieldTest] = []
        for pair in try uniquePairs(of: mapping) {
            let what = "field '\(pair.key)' in \(subject)"
            if case .mapping(let inner) = pair.value {
                let innerPairs = try uniquePairs(of: inner)
                guard innerPairs.count == 1, let only = innerPairs.first, only.key == "not" else {
                    let offending = innerPairs.first { $0.key != "not" } ?? innerPairs.first
                    throw error(at: offending?.keyNode ?? pair.value, "\(what) must be a list of values or '{not: [values]}'",
                                hint: "write '\(pair.key): [value]' to match those values, or '\(pair.key): {not: [value]}' to match any other")
                }
                let values = try decodeStringList(only.value, what: "'not' of \(what)", example: "\(pair.key): {not: [europe]}")
                tests.append(.init(field: pair.key, match: .noneOf(values.map(\.0))))
            } else {
                let values = try decodeStringList(pair.value, what: what, example: "\(pair.key): [politics, world]")
                tests.append(.init(field: pair.key, match: .anyOf(values.map(\.0))))
            }
        }
        if tests.isEmpty {
            throw error(at: node, "'front-matter' in \(subject) names no field", hint: "write '\(example)'")
        }
        return tests
    }
}
