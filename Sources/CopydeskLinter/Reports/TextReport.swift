import CopydeskCore

/// The default report, in the shape compilers use so editors and terminals
/// link the positions:
///
///     article.md:3:12: error: Spell out "per cent". [house-style]
///       3 | The café raised prices 5% in a year.
///         |                         ^
///       article.md:1:1: note: the style guide entry is cited here
///     photo.md: warning: binary file (it contains NUL bytes), not linted; …
///     1 error, 0 warnings, 0 notes in 1 file (1 suppressed); 1 file skipped
///
/// Suppressed findings are left out; the summary counts them apart.
public struct TextReport: ReportRenderer {
    public init() {}

    public func render(_ run: LintRun, context: ReportContext) -> String {
        Stream.render(run, context: context)
    }

    /// The report written as the run goes: each file's findings as soon as
    /// it is linted, the problems and the summary at the end.
    public struct Stream: ReportStream {
        public let context: ReportContext
        private let style: TextStyle

        public init(context: ReportContext) {
            self.context = context
            style = TextStyle(enabled: context.color)
        }

        public mutating func begin() -> String { "" }

        public mutating func add(_ piece: String) -> String { piece }

        /// The file's findings with their snippets, ready to print.
        public static func piece(of file: FileResult, context: ReportContext) -> String {
            let style = TextStyle(enabled: context.color)
            var lines: [String] = []
            let path = Self.safe(file.path)
            for (index, finding) in file.findings.enumerated() where file.counts(index) {
                let position = finding.range.start
                lines.append(style.location("\(path):\(position.line):\(position.column):") + " "
                    + style.severity(finding.severity) + " " + Self.safe(finding.message) + " "
                    + style.ruleID("[\(finding.ruleID)]"))
                lines.append(contentsOf: Snippet(source: file.source, range: finding.range).lines(style: style))
                if !finding.suggestions.isEmpty {
                    let shown = finding.suggestions.map { $0.isEmpty ? "delete it" : "'" + Self.safe($0) + "'" }
                    lines.append("  " + style.note("suggestion:") + " " + shown.joined(separator: " or "))
                }
                for related in finding.related {
                    let place = related.range.start
                    lines.append("  " + style.location("\(path):\(place.line):\(place.column):") + " "
                        + style.note("note:") + " " + Self.safe(related.message))
                }
            }
            return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        }

        public mutating func finish(_ run: LintRun) -> String {
            var lines: [String] = []
            for problem in run.problems {
                var place = Self.safe(problem.path) + ":"
                if let line = problem.line {
                    place += "\(line):\(problem.column ?? 1):"
                }
                let level = problem.level == .error ? style.severity(.error) : style.severity(.warning)
                lines.append(style.location(place) + " " + level + " " + Self.safe(problem.message))
            }
            for warning in run.policyWarnings {
                lines.append(style.location(Self.safe(warning.file) + ":") + " " + style.severity(.warning) + " "
                             + Self.safe(warning.message))
            }
            lines.append(style.summary(TextReport.summaryLine(ReportSummary(run), inputs: InputCounts(run),
                                                              baseline: run.baseline, hiddenByQuiet: run.hiddenByQuiet)))
            return lines.joined(separator: "\n") + "\n"
        }

        /// Paths and messages carry text from the articles (quotations, alt
        /// text, rule names in directives), which must not reach the
        /// terminal as control or bidirectional characters.
        private static func safe(_ text: String) -> String { TerminalText.escaped(text) }
    }

    /// Input problems by what became of their file: a warning about a file
    /// that was linted (a parser warning) does not make it "skipped".
    struct InputCounts {
        /// Files not linted because of an error (missing, not UTF-8, too large).
        var notLinted = 0
        /// Files not linted on purpose (binary, excluded).
        var skipped = 0
        /// Problems in files that were linted.
        var warnings = 0
        /// Files under the directories given in formats copydesk does not
        /// read, by extension.
        var unreadFormats: [String: Int] = [:]

        init(_ run: LintRun) {
            let linted = run.lintedPaths.union(run.files.map(\.path))
            var errorPaths = Set<String>(), skippedPaths = Set<String>()
            for problem in run.problems {
                if linted.contains(problem.path) {
                    warnings += 1
                } else if problem.level == .error {
                    errorPaths.insert(problem.path)
                } else {
                    skippedPaths.insert(problem.path)
                }
            }
            notLinted = errorPaths.count
            skipped = skippedPaths.subtracting(errorPaths).count
            unreadFormats = run.unreadFormats
        }

        init(notLinted: Int = 0, skipped: Int = 0, warnings: Int = 0, unreadFormats: [String: Int] = [:]) {
            self.notLinted = notLinted
            self.skipped = skipped
            self.warnings = warnings
            self.unreadFormats = unreadFormats
        }
    }

    static func summaryLine(_ summary: ReportSummary, inputs: InputCounts = InputCounts(),
                            baseline: BaselineComparison? = nil, hiddenByQuiet: [Severity: Int] = [:]) -> String {
        let files = count(summary.files, "file", "files")
        let hidden = Severity.allCases.reversed().compactMap { severity -> String? in
            guard let number = hiddenByQuiet[severity], number > 0 else { return nil }
            return count(number, String(severity.plural.dropLast()), severity.plural)
        }
        var line: String
        if summary.findings == 0 && hidden.isEmpty && inputs.notLinted > 0 {
            // Files that could not be read may hold anything: the run found
            // nothing only in the files it read, and says so.
            line = (baseline == nil ? "No findings in the " : "No new findings in the ") + "\(files) linted"
            if summary.suppressed > 0 { line += " (\(summary.suppressed) suppressed)" }
        } else if summary.findings == 0 && hidden.isEmpty {
            line = (baseline == nil ? "No problems found in " : "No new problems found in ") + files
            if summary.suppressed > 0 { line += " (\(summary.suppressed) suppressed)" }
        } else {
            line = [count(summary.errors, "error", "errors"), count(summary.warnings, "warning", "warnings"),
                    count(summary.notes, "note", "notes")].joined(separator: ", ") + " in " + files
            if summary.suppressed > 0 { line += " (\(summary.suppressed) suppressed)" }
        }
        if let baseline {
            // Said even when zero, so a CI log shows the baseline was read.
            line += "; \(count(summary.baselined, "finding", "findings")) already in the baseline, not shown"
            if baseline.absent > 0 {
                line += "; \(count(baseline.absent, "baseline entry", "baseline entries")) no longer found "
                    + "(fixed: `copydesk baseline write` drops them)"
            }
        }
        if !hidden.isEmpty { line += "; " + hidden.joined(separator: " and ") + " not shown (--quiet)" }
        var unread: [String] = []
        if inputs.notLinted > 0 { unread.append(count(inputs.notLinted, "file", "files") + " not linted because of an error") }
        if inputs.skipped > 0 { unread.append(count(inputs.skipped, "file", "files") + " skipped") }
        if inputs.warnings > 0 { unread.append(count(inputs.warnings, "input warning", "input warnings")) }
        if let formats = unreadFormatsPhrase(inputs.unreadFormats, nothingLinted: summary.files == 0) { unread.append(formats) }
        if !unread.isEmpty { line += "; " + unread.joined(separator: ", ") }
        return summary.findings == 0 && hidden.isEmpty ? line + "." : line
    }

    /// "3 files not read (.mdx, .jpg): not formats copydesk reads", naming
    /// the extensions copydesk does read when it read nothing at all.
    static func unreadFormatsPhrase(_ formats: [String: Int], nothingLinted: Bool) -> String? {
        let total = formats.values.reduce(0, +)
        guard total > 0 else { return nil }
        let kinds = formats.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { $0.key.isEmpty ? "no extension" : "." + $0.key }
        let shown = kinds.count > 4 ? kinds.prefix(4).joined(separator: ", ") + ", …" : kinds.joined(separator: ", ")
        var phrase = count(total, "file", "files") + " not read (\(shown)): not a format copydesk reads"
        if nothingLinted { phrase += " (it reads \(InputFormat.extensionList); to lint another file, name it with --input-format markdown, text or html)" }
        return phrase
    }

    private static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        Counted.phrase(number, singular, plural)
    }
}

/// ANSI styling, or none.
struct TextStyle {
    var enabled: Bool

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func location(_ text: String) -> String { wrap(text, "1") }
    func ruleID(_ text: String) -> String { wrap(text, "2") }
    func gutter(_ text: String) -> String { wrap(text, "34") }
    func underline(_ text: String) -> String { wrap(text, "1;32") }
    func note(_ text: String) -> String { wrap(text, "1;36") }
    func summary(_ text: String) -> String { wrap(text, "1") }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return wrap("error:", "1;31")
        case .warning: return wrap("warning:", "1;33")
        case .note: return wrap("note:", "1;36")
        }
    }
}

/// The line a finding starts on and a caret underline beneath its range.
///
/// The underline copies every tab of the line before the range, so the
/// carets stay under the text whatever the terminal's tab width; every other
/// character becomes as many spaces as the columns it takes on a terminal
/// (two for wide CJK and emoji, none for combining marks). A range that runs
/// over several lines is underlined to the end of its first line; an empty
/// one gets a single caret where it stands.
struct Snippet {
    var source: SourceExcerpt
    var range: SourceRange

    init(source: SourceExcerpt, range: SourceRange) {
        self.source = source
        self.range = range
    }

    /// The snippet of a range in a whole source.
    init(source: SourceText, range: SourceRange) {
        self.init(source: SourceExcerpt(source, lines: [range.start.line]), range: range)
    }

    /// A line longer than this many bytes (a minified HTML page is one line
    /// of a megabyte) is shown only around the range: `contextBefore`
    /// characters before it, at most `markedLimit` of it and `contextAfter`
    /// after, with `…` where the line is cut. Shorter lines are shown whole.
    static let longLine = 512
    static let contextBefore = 60
    static let markedLimit = 120
    static let contextAfter = 40

    func lines(style: TextStyle) -> [String] {
        let lineNumber = range.start.line
        guard let line = source.line(lineNumber) else { return [] }
        let lineRange = line.byteRange
        let start = min(max(range.start.offset, lineRange.lowerBound), lineRange.upperBound)
        let end = min(max(range.end.offset, start), lineRange.upperBound)
        let isLong = lineRange.count > Self.longLine
        let shownStart = isLong ? scalarBoundary(on: line, from: start, moving: -Self.contextBefore, limit: lineRange.lowerBound)
            : lineRange.lowerBound
        let markedEnd = isLong ? min(end, scalarBoundary(on: line, from: start, moving: Self.markedLimit, limit: lineRange.upperBound)) : end
        let shownEnd = isLong ? scalarBoundary(on: line, from: markedEnd, moving: Self.contextAfter, limit: lineRange.upperBound)
            : lineRange.upperBound
        // Printable first, so the underline counts the columns actually shown.
        let before = TerminalWidth.printable((shownStart > lineRange.lowerBound ? "…" : "") + line.string(shownStart..<start))
        let marked = TerminalWidth.printable(line.string(start..<markedEnd))
        let after = TerminalWidth.printable(line.string(markedEnd..<shownEnd) + (shownEnd < lineRange.upperBound ? "…" : ""))

        var underline = ""
        for character in before {
            underline += character == "\t" ? "\t" : String(repeating: " ", count: TerminalWidth.of(character))
        }
        var marks = ""
        for character in marked {
            if character == "\t" {
                marks += marks.isEmpty ? "^\t" : "\t"
                continue
            }
            let width = TerminalWidth.of(character)
            guard width > 0 else { continue }
            marks += (marks.isEmpty ? "^" : "~") + String(repeating: "~", count: width - 1)
        }
        if marks.isEmpty { marks = "^" }

        let number = String(lineNumber)
        let pad = String(repeating: " ", count: number.count)
        let shown = before + marked + after
        return [
            style.gutter("  \(number) |") + " " + shown,
            style.gutter("  \(pad) |") + " " + underline + style.underline(marks),
        ]
    }

    /// The offset `count` Unicode scalars away from `offset` (back when
    /// negative), stopping at `limit`.
    private func scalarBoundary(on line: SourceExcerpt.Line, from offset: Int, moving count: Int, limit: Int) -> Int {
        var index = offset
        var moved = 0
        if count < 0 {
            while index > limit && moved < -count {
                index -= 1
                while index > limit && UTF8Scalars.isContinuation(line[index]) { index -= 1 }
                moved += 1
            }
        } else {
            while index < limit && moved < count {
                index += 1
                while index < limit && UTF8Scalars.isContinuation(line[index]) { index += 1 }
                moved += 1
            }
        }
        return index
    }
}

/// How many terminal columns text takes, the way `wcwidth` counts them,
/// from the Unicode properties Swift exposes and the East Asian Wide ranges.
enum TerminalWidth {
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // Printable ASCII, most of any article, is one column: no Unicode
        // property lookups (they dominate reports with many findings).
        if first.value >= 0x20, first.value < 0x7F, scalars.count == 1 { return 1 }
        if scalars.allSatisfy(isZeroWidth) { return 0 }
        if isWide(first) { return 2 }
        // A text-style symbol followed by VS16 (U+FE0F) is drawn as an emoji.
        if first.properties.isEmoji && scalars.contains("\u{FE0F}") { return 2 }
        return 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            return (0xFE00...0xFE0F).contains(scalar.value) || (0x1160...0x11FF).contains(scalar.value)
        }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The text with C0 control characters other than tab shown as their
    /// Control Pictures, and C1 controls and bidirectional controls as
    /// `<U+XXXX>`, so an article cannot send escape sequences to the
    /// terminal, reorder the line, or break the snippet's alignment.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { TerminalText.needsEscape($0) }) else {
            return text
        }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 && scalar != "\t" {
                output.append(Unicode.Scalar(0x2400 + scalar.value)!)
            } else if scalar.value == 0x7F {
                output.append("\u{2421}")
            } else if TerminalText.needsEscape(scalar) {
                output.append(contentsOf: TerminalText.notation(scalar).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}
