import CopydeskCore
import Foundation
import Testing
@testable import CopydeskLinter

@Suite("The JSON report's own writer matches JSONEncoder byte for byte")
struct PrettyJSONWriterTests {
    /// Text with every character JSON escapes, and some it must not.
    static let awkwardTexts: [String] = {
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(value)!) }
        return ["", "plain", controls, "quote \" backslash \\ slash / del \u{7F}", "é\u{301} 😀 \u{2028}\u{2029} \u{FEFF}",
                "tab\there\r\nnext"]
    }()

    static func position(_ seed: Int) -> JSONLintReport.Position {
        JSONLintReport.Position(line: seed % 97 + 1, column: seed % 13 + 1, offset: seed * 7)
    }

    static func range(_ seed: Int) -> JSONLintReport.Range {
        JSONLintReport.Range(start: position(seed), end: position(seed + 3))
    }

    /// Findings that between them take every branch: with and without
    /// confidence, suggestions, related notes, suppressions and baseline states.
    static func findings() -> [JSONLintReport.Finding] {
        var findings: [JSONLintReport.Finding] = []
        let confidences: [Double?] = [nil, 1, 0, 0.85, 1.0 / 3.0, 1e-7, 0.5]
        for seed in 0..<42 {
            let text = awkwardTexts[seed % awkwardTexts.count]
            let suppression: JSONLintReport.Suppression? = switch seed % 4 {
            case 0: nil
            case 1: JSONLintReport.Suppression(kind: "inSource", justification: text, directiveRange: range(seed))
            case 2: JSONLintReport.Suppression(kind: "external", justification: nil, directiveRange: nil)
            default: JSONLintReport.Suppression(kind: "inSource", justification: nil, directiveRange: range(seed + 1))
            }
            findings.append(JSONLintReport.Finding(
                ruleId: seed % 2 == 0 ? "quote-balance" : "Style.Rule", severity: ["error", "warning", "note"][seed % 3],
                message: "Message \(seed): " + text, range: range(seed),
                related: (0..<(seed % 3)).map { JSONLintReport.Related(message: text + "\($0)", range: range(seed + $0)) },
                suppressed: suppression, confidence: confidences[seed % confidences.count],
                suggestions: seed % 5 == 0 ? nil : (0..<(seed % 3)).map { $0 == 0 ? "" : text },
                fingerprint: String(seed, radix: 16), baselineState: [nil, "new", "unchanged"][seed % 3]))
        }
        return findings
    }

    @Test("Files with findings of every shape, at several depths, and a file with none")
    func sameBytes() {
        let files = [
            JSONLintReport.File(path: "desk/café \"notes\".md", format: "markdown", findings: Self.findings()),
            JSONLintReport.File(path: "empty.txt", format: "text", findings: []),
        ] + Self.awkwardTexts.map { JSONLintReport.File(path: $0, format: "html", findings: Array(Self.findings().prefix(3))) }
        for file in files {
            for depth in [0, 1, 2, 5] {
                let expected = ReportEncoding.item(file, indentedBy: String(repeating: " ", count: depth * 2))
                #expect(file.prettyJSON(depth: depth) == expected)
            }
        }
    }
}
