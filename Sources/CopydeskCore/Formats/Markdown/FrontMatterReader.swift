import Yams

/// Reads Markdown front matter with Yams, keeping the source range of every
/// key and scalar (libyaml's marks give line and scalar column; the byte
/// offsets come from the article's own line index).
struct FrontMatterReader {
    let source: SourceText
    let yamlRange: Range<Int>
    /// The article line on which the YAML's line 1 stands.
    let firstLine: Int
    var directives: [SuppressionDirective] = []
    var diagnostics: [ParseDiagnostic] = []

    init(source: SourceText, yamlRange: Range<Int>, firstLine: Int) {
        self.source = source
        self.yamlRange = yamlRange
        self.firstLine = firstLine
    }

    mutating func read() -> [FrontMatterEntry]? {
        let yaml = source.string(yamlRange)
        if let violation = YAMLBounds.check(yaml) {
            let start = offset(line: violation.line, column: violation.column)
            diagnostics.append(ParseDiagnostic(message: "front matter is not read: \(violation.message)",
                                               range: source.range(start..<start)))
            return nil
        }
        let node: Node?
        do {
            node = try YAMLComposer.compose(yaml)
        } catch {
            diagnostics.append(ParseDiagnostic(message: "front matter is not valid YAML: \(Self.problem(of: error))",
                                               range: rangeOfError(error)))
            return nil
        }
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            diagnostics.append(ParseDiagnostic(message: "front matter must be a mapping of keys to values",
                                               range: source.range(yamlRange.lowerBound..<yamlRange.lowerBound)))
            return nil
        }
        let entries = self.entries(of: mapping, inFlow: false)
        for entry in entries where entry.key.text == "copydesk" {
            readDirectives(entry.value)
        }
        return entries
    }

    /// `copydesk: {disable: {RULE: reason}}` turns rules off for the file;
    /// `copydesk: {waive: {NOTICE: reason}}` excuses it from a legal notice.
    /// Both also take a list or a single name, which gives no reason and is
    /// reported for it.
    private mutating func readDirectives(_ value: FrontMatterValue) {
        guard case .mapping(let entries, _) = value else { return }
        for entry in entries {
            switch entry.key.text {
            case "disable":
                for (name, reason, range) in Self.namesAndReasons(entry.value) {
                    directives.append(SuppressionDirective(kind: .disableFile, ruleIDs: [name], reason: reason, range: range))
                }
            case "waive":
                for (name, reason, range) in Self.namesAndReasons(entry.value) {
                    directives.append(SuppressionDirective(kind: .waive, ruleIDs: [], subject: name, reason: reason, range: range))
                }
            default:
                // `copydesk: {disabel: …}` would silence nothing without a word.
                directives.append(SuppressionDirective(kind: .unrecognized, ruleIDs: [],
                                                       subject: SuppressionDirective.frontMatterPrefix + entry.key.text,
                                                       reason: nil, range: entry.key.range))
            }
        }
    }

    /// `{NAME: reason}`, `[NAME, …]` or `NAME`, each name with its reason
    /// (nil when empty or not given) and the range of its entry.
    private static func namesAndReasons(_ value: FrontMatterValue) -> [(String, String?, SourceRange)] {
        switch value {
        case .mapping(let entries, _):
            return entries.map { entry in
                let reason = entry.value.scalarText.flatMap { $0.isEmpty ? nil : $0 }
                return (entry.key.text, reason, SourceRange(start: entry.key.range.start, end: entry.value.range.end))
            }
        case .sequence(let items, _):
            return items.compactMap { item in
                guard case .scalar(let span) = item else { return nil }
                return (span.text, nil, span.range)
            }
        case .scalar(let span):
            return [(span.text, nil, span.range)]
        }
    }

    private func entries(of mapping: Node.Mapping, inFlow: Bool) -> [FrontMatterEntry] {
        let flow = inFlow || opensFlow(mapping.mark, with: "{")
        return mapping.map { pair in
            let keyText = pair.key.scalar?.string ?? ""
            let key = Span(text: keyText, range: scalarRange(pair.key, inFlow: flow, isKey: true))
            return FrontMatterEntry(key: key, value: value(of: pair.value, inFlow: flow))
        }
    }

    private func value(of node: Node, inFlow: Bool) -> FrontMatterValue {
        switch node {
        case .scalar(let scalar):
            return .scalar(Span(text: scalar.string, range: scalarRange(node, inFlow: inFlow, isKey: false)))
        case .sequence(let sequence):
            let flow = inFlow || opensFlow(sequence.mark, with: "[")
            let items = sequence.map { value(of: $0, inFlow: flow) }
            return .sequence(items, containerRange(node, items.last?.range))
        case .mapping(let mapping):
            let entries = self.entries(of: mapping, inFlow: inFlow)
            return .mapping(entries, containerRange(node, entries.last?.value.range))
        case .alias:
            return .scalar(Span(text: "", range: scalarRange(node, inFlow: inFlow, isKey: false)))
        }
    }

    /// Whether a collection is written in flow style (`[a, b]`, `{k: v}`),
    /// read from its first byte: Yams takes a sequence's style from its
    /// closing event, so `Node.Sequence.style` cannot be trusted.
    private func opensFlow(_ mark: Mark?, with bracket: Unicode.Scalar) -> Bool {
        let start = offset(of: mark)
        return start < source.bytes.count && source.bytes[start] == UInt8(ascii: bracket)
    }

    private func containerRange(_ node: Node, _ last: SourceRange?) -> SourceRange {
        let start = offset(of: node.mark)
        let startPosition = source.position(at: start)
        return SourceRange(start: startPosition, end: last?.end ?? startPosition)
    }

    /// The byte offset of a libyaml mark (1-based line, scalar column).
    private func offset(of mark: Mark?) -> Int {
        guard let mark else { return yamlRange.lowerBound }
        return offset(line: mark.line, column: mark.column)
    }

    private func offset(line yamlLine: Int, column: Int) -> Int {
        let line = max(1, min(firstLine + yamlLine - 1, source.lineCount))
        var offset = source.lineStarts[line - 1]
        let end = source.lineByteRange(line).upperBound
        var scalar = 1
        while offset < end && scalar < column {
            offset += 1
            while offset < end && UTF8Scalars.isContinuation(source.bytes[offset]) { offset += 1 }
            scalar += 1
        }
        return offset
    }

    /// A scalar's extent on its line: to its closing quote, or for a plain
    /// scalar to a comment, the key's colon, or (in flow style) a comma or
    /// bracket. Block scalars (`|`, `>`) are given their indicator's line.
    private func scalarRange(_ node: Node, inFlow: Bool, isKey: Bool) -> SourceRange {
        let bytes = source.bytes
        let start = offset(of: node.mark)
        let lineEnd = source.lineByteRange(source.line(containing: start)).upperBound
        var end = start
        if start < lineEnd, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") {
            let quote = bytes[start]
            end = start + 1
            while end < lineEnd {
                if quote == UInt8(ascii: "\"") && bytes[end] == UInt8(ascii: "\\") { end += 2; continue }
                if bytes[end] == quote {
                    if quote == UInt8(ascii: "'") && end + 1 < lineEnd && bytes[end + 1] == quote { end += 2; continue }
                    end += 1
                    break
                }
                end += 1
            }
            end = min(end, lineEnd)
        } else {
            while end < lineEnd {
                let byte = bytes[end]
                if byte == UInt8(ascii: "#") && end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { break }
                if byte == UInt8(ascii: ":") && (end + 1 == lineEnd || bytes[end + 1] == 0x20 || bytes[end + 1] == 0x09) && isKey { break }
                if inFlow && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")) { break }
                end += 1
            }
            while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        }
        return source.range(start..<end)
    }

    private func rangeOfError(_ error: Error) -> SourceRange {
        let mark: Mark?
        switch error as? YamlError {
        case .scanner(_, _, let found, _), .parser(_, _, let found, _), .composer(_, _, let found, _):
            mark = found
        default:
            mark = nil
        }
        let start = offset(of: mark)
        return source.range(start..<start)
    }

    private static func problem(of error: Error) -> String {
        switch error as? YamlError {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return String(describing: error)
        }
    }
}
