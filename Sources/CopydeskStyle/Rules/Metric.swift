import Foundation

/// What a metric formula may name: counts of the document's blocks
/// (`heading.h1`…, `list`, `blockquote`, `table.cell`, `paragraph`) and
/// readability counts over its prose (`words`, `sentences`, `characters`,
/// `syllables`, `complex_words`, `long_words`, `polysyllabic_words`).
struct DocumentMetrics {
    var values: [String: Double] = [:]

    init(blockCounts: [String: Int], prose: String) {
        for (key, count) in blockCounts { values[key] = Double(count) }
        var words = 0.0, characters = 0.0, syllables = 0.0, complex = 0.0, long = 0.0, poly = 0.0
        var sentenceCount = 0.0
        for paragraph in prose.components(separatedBy: "\n\n") where !paragraph.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            sentenceCount += Double(Sentences.split(Array(paragraph.utf8)).count)
        }
        for token in prose.split(whereSeparator: { $0.isWhitespace }) {
            let word = token.filter { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" }
            guard word.contains(where: \.isLetter) || word.contains(where: \.isNumber) else { continue }
            words += 1
            characters += Double(word.filter { $0.isLetter || $0.isNumber }.count)
            let count = Double(Self.syllables(String(word)))
            syllables += count
            if count >= 3 {
                poly += 1
                if !word.contains("-"), !(word.first?.isUppercase ?? false) { complex += 1 }
            }
            if word.count > 6 { long += 1 }
        }
        values["words"] = words
        values["sentences"] = max(sentenceCount, words > 0 ? 1 : 0)
        values["characters"] = characters
        values["syllables"] = syllables
        values["complex_words"] = complex
        values["long_words"] = long
        values["polysyllabic_words"] = poly
    }

    /// Vowel groups, less a silent final "e", at least one.
    static func syllables(_ word: String) -> Int {
        let w = word.lowercased().filter(\.isLetter)
        guard !w.isEmpty else { return 0 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousVowel = false
        for c in w {
            let vowel = vowels.contains(c)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        if w.hasSuffix("e") && !w.hasSuffix("le") && count > 1 { count -= 1 }
        return max(1, count)
    }
}

/// A metric rule's arithmetic: numbers, variables, + - * / and brackets.
struct MetricFormula: Sendable {
    indirect enum Node: Sendable {
        case number(Double)
        case variable(String)
        case negate(Node)
        case binary(Character, Node, Node)
    }

    let root: Node

    init(_ text: String) throws(GoRegexError) {
        var parser = Parser(chars: Array(text))
        root = try parser.expression()
        parser.skipSpace()
        if parser.index < parser.chars.count {
            throw GoRegexError(offset: parser.index, message: "unexpected '\(parser.chars[parser.index])' in formula")
        }
    }

    /// Nil when the formula names a variable the document has no value for.
    func evaluate(_ values: [String: Double]) -> Double? {
        func eval(_ node: Node) -> Double? {
            switch node {
            case .number(let n): return n
            case .variable(let name): return values[name] ?? (name.hasPrefix("heading.") || ["list", "blockquote", "table.cell", "table.header", "pre", "paragraph"].contains(name) ? 0 : nil)
            case .negate(let inner): return eval(inner).map { -$0 }
            case .binary(let op, let l, let r):
                guard let a = eval(l), let b = eval(r) else { return nil }
                switch op {
                case "+": return a + b
                case "-": return a - b
                case "*": return a * b
                default: return b == 0 ? nil : a / b
                }
            }
        }
        return eval(root)
    }

    struct Parser {
        var chars: [Character]
        var index = 0

        mutating func skipSpace() { while index < chars.count, chars[index].isWhitespace { index += 1 } }

        mutating func expression() throws(GoRegexError) -> Node {
            var left = try term()
            while true {
                skipSpace()
                guard index < chars.count, chars[index] == "+" || chars[index] == "-" else { return left }
                let op = chars[index]
                index += 1
                left = .binary(op, left, try term())
            }
        }

        mutating func term() throws(GoRegexError) -> Node {
            var left = try factor()
            while true {
                skipSpace()
                guard index < chars.count, chars[index] == "*" || chars[index] == "/" else { return left }
                let op = chars[index]
                index += 1
                left = .binary(op, left, try factor())
            }
        }

        mutating func factor() throws(GoRegexError) -> Node {
            skipSpace()
            guard index < chars.count else { throw GoRegexError(offset: index, message: "formula ends too soon") }
            let c = chars[index]
            if c == "(" {
                index += 1
                let inner = try expression()
                skipSpace()
                guard index < chars.count, chars[index] == ")" else { throw GoRegexError(offset: index, message: "missing ')' in formula") }
                index += 1
                return inner
            }
            if c == "-" { index += 1; return .negate(try factor()) }
            if c.isNumber || c == "." {
                var text = ""
                while index < chars.count, chars[index].isNumber || chars[index] == "." { text.append(chars[index]); index += 1 }
                guard let value = Double(text) else { throw GoRegexError(offset: index, message: "bad number '\(text)' in formula") }
                return .number(value)
            }
            if c.isLetter || c == "_" {
                var name = ""
                while index < chars.count, chars[index].isLetter || chars[index].isNumber || chars[index] == "_" || chars[index] == "." {
                    name.append(chars[index]); index += 1
                }
                return .variable(name)
            }
            throw GoRegexError(offset: index, message: "unexpected '\(c)' in formula")
        }
    }
}

/// `extends: metric`: a formula over the document's counts, compared by
/// `condition` (`> 8`, `<= 3`…); an alert on the file when it holds.
struct MetricCheck: StyleCheck {
    let base: RuleBase
    let formula: MetricFormula
    let comparison: String
    let threshold: Double

    func run(_ text: CheckText, state: FileState) -> [RawAlert] {
        guard let metrics = state.metrics, let value = formula.evaluate(metrics.values) else { return [] }
        let hit: Bool
        switch comparison {
        case ">": hit = value > threshold
        case ">=": hit = value >= threshold
        case "<": hit = value < threshold
        case "<=": hit = value <= threshold
        case "==": hit = value == threshold
        case "!=": hit = value != threshold
        default: hit = false
        }
        guard hit else { return [] }
        let shown = String(format: "%.2f", value)
        return [RawAlert(range: 0..<0, message: ValeMessage.format(base.message, [shown]), match: "", wholeBlock: true)]
    }

    static func build(_ file: RuleFile, base: RuleBase) throws(StyleError) -> MetricCheck {
        guard let (formulaText, formulaNode) = try file.stringNode("formula"),
              let (condition, conditionNode) = try file.stringNode("condition") else {
            throw file.error(nil, "a metric rule needs 'formula' and 'condition'")
        }
        let formula: MetricFormula
        do { formula = try MetricFormula(formulaText) } catch {
            throw file.error(formulaNode, "cannot read formula: \(error.message)")
        }
        let trimmed = condition.trimmingCharacters(in: .whitespaces)
        let op = String(trimmed.prefix { "<>=!".contains($0) })
        guard [">", ">=", "<", "<=", "==", "!="].contains(op),
              let threshold = Double(trimmed.dropFirst(op.count).trimmingCharacters(in: .whitespaces)) else {
            throw file.error(conditionNode, "'condition' must be a comparison such as '> 8'")
        }
        let summaryBase = base.with(scope: ScopeSelector(["summary"]))
        return MetricCheck(base: summaryBase, formula: formula, comparison: op, threshold: threshold)
    }
}

/// `extends: readability` (Vale's older form): the mean of the named
/// grade-level formulas against `grade`.
struct ReadabilityCheck: StyleCheck {
    let base: RuleBase
    let formulas: [MetricFormula]
    let grade: Double

    static let known: [String: String] = [
        "Flesch-Kincaid": "(0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59",
        "Gunning Fog": "0.4 * ((words / sentences) + 100 * (complex_words / words))",
        "Coleman-Liau": "(0.0588 * (characters / words) * 100) - (0.296 * (sentences / words) * 100) - 15.8",
        "SMOG": "1.0430 * (polysyllabic_words * 30 / sentences) + 3.1291",
        "Automated Readability": "(4.71 * (characters / words)) + (0.5 * (words / sentences)) - 21.43",
    ]

    func run(_ text: CheckText, state: FileState) -> [RawAlert] {
        guard let metrics = state.metrics else { return [] }
        let scores = formulas.compactMap { $0.evaluate(metrics.values) }
        guard !scores.isEmpty else { return [] }
        let mean = scores.reduce(0, +) / Double(scores.count)
        guard mean > grade else { return [] }
        return [RawAlert(range: 0..<0, message: ValeMessage.format(base.message, [String(format: "%.2f", mean)]),
                         match: "", wholeBlock: true)]
    }

    static func build(_ file: RuleFile, base: RuleBase) throws(StyleError) -> ReadabilityCheck {
        var formulas: [MetricFormula] = []
        for (name, node) in try file.strings("metrics") {
            guard let text = known[name], let formula = try? MetricFormula(text) else {
                throw file.error(node, "unknown readability metric '\(name)'",
                                 hint: "one of \(known.keys.sorted().joined(separator: ", "))")
            }
            formulas.append(formula)
        }
        let summaryBase = base.with(scope: ScopeSelector(["summary"]))
        return ReadabilityCheck(base: summaryBase, formulas: formulas, grade: try file.double("grade") ?? 8)
    }
}
