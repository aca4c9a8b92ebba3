import CopydeskCore
import CopydeskPolicy
import CopydeskRules
import Foundation
import Testing
@testable import CopydeskLinter

/// Checks JSON values against docs/schema/copydesk-report.schema.json with
/// the keywords that schema uses. A keyword it does not know is an error,
/// so the schema cannot grow a constraint this check silently skips.
/// `.ci/run` validates with Python's jsonschema as well.
private struct SchemaCheck {
    let root: [String: Any]
    /// Also report keys the output has and the schema does not declare:
    /// the schema allows them (readers ignore unknown keys), but copydesk's
    /// own output must be documented.
    var requireDeclaredKeys = true

    private static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]

    func errors(in value: Any) -> [String] { errors(value, root, at: "") }

    private func errors(_ value: Any, _ schema: [String: Any], at path: String) -> [String] {
        var found: [String] = []
        for (keyword, argument) in schema where !Self.annotations.contains(keyword) {
            switch keyword {
            case "$ref":
                guard let reference = argument as? String, reference.hasPrefix("#/$defs/"),
                      let definitions = root["$defs"] as? [String: Any],
                      let target = definitions[String(reference.dropFirst(8))] as? [String: Any] else {
                    found.append("\(path): unresolvable $ref \(argument)")
                    continue
                }
                found += errors(value, target, at: path)
            case "type":
                let types = (argument as? [String]) ?? [argument as? String ?? "?"]
                if !types.contains(where: { Self.has(value, type: $0) }) {
                    found.append("\(path): \(Self.describe(value)) is not of type \(types.joined(separator: "|"))")
                }
            case "const":
                if !Self.equal(value, argument) { found.append("\(path): \(Self.describe(value)) is not \(argument)") }
            case "enum":
                if !((argument as? [Any]) ?? []).contains(where: { Self.equal(value, $0) }) {
                    found.append("\(path): \(Self.describe(value)) is not one of \(argument)")
                }
            case "required":
                if let object = value as? [String: Any] {
                    for key in (argument as? [String]) ?? [] where object[key] == nil {
                        found.append("\(path): required key \(key) missing")
                    }
                }
            case "properties":
                guard let object = value as? [String: Any], let properties = argument as? [String: Any] else { continue }
                for (key, member) in object {
                    if let propertySchema = properties[key] as? [String: Any] {
                        found += errors(member, propertySchema, at: path + "/" + key)
                    } else if requireDeclaredKeys {
                        found.append("\(path): key \(key) is not declared in the schema")
                    }
                }
            case "items":
                guard let array = value as? [Any], let itemSchema = argument as? [String: Any] else { continue }
                for (index, item) in array.enumerated() { found += errors(item, itemSchema, at: "\(path)/\(index)") }
            case "oneOf":
                let branches = (argument as? [[String: Any]]) ?? []
                let passing = branches.filter { errors(value, $0, at: path).isEmpty }.count
                if passing != 1 { found.append("\(path): \(Self.describe(value)) matches \(passing) of oneOf's branches, not 1") }
            case "minimum", "maximum":
                guard let number = value as? NSNumber, !(value is NSNull), let bound = (argument as? NSNumber)?.doubleValue else { continue }
                if keyword == "minimum" ? number.doubleValue < bound : number.doubleValue > bound {
                    found.append("\(path): \(number) is out of range (\(keyword) \(bound))")
                }
            case "minLength":
                if let text = value as? String, text.count < ((argument as? Int) ?? 0) { found.append("\(path): string too short") }
            case "pattern":
                guard let text = value as? String, let pattern = argument as? String else { continue }
                let expression = try? NSRegularExpression(pattern: pattern)
                if expression?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    found.append("\(path): \"\(text)\" does not match \(pattern)")
                }
            default:
                found.append("\(path): the schema uses \(keyword), which this check does not know")
            }
        }
        return found
    }

    private static func has(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "number": return !(value is NSNull) && !(value is String) && value is NSNumber
        case "integer":
            guard !(value is NSNull), !(value is String), let number = value as? NSNumber else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        default: return false
        }
    }

    private static func equal(_ value: Any, _ expected: Any) -> Bool {
        if let text = value as? String { return text == expected as? String }
        if value is NSNull { return expected is NSNull }
        if let number = value as? NSNumber, !(expected is String) { return number == expected as? NSNumber }
        return false
    }

    private static func describe(_ value: Any) -> String {
        if let text = value as? String { return "\"\(text)\"" }
        return "\(value)"
    }
}

@Suite struct JSONSchemaTests {
    private func schema() throws -> SchemaCheck {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/schema/copydesk-report.schema.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return SchemaCheck(root: try #require(object as? [String: Any]))
    }

    private func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test("the schema declares draft 2020-12 and version 1")
    func schemaHeader() throws {
        let root = try schema().root
        #expect(root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(((root["properties"] as? [String: Any])?["version"] as? [String: Any])?["const"] as? Int
            == JSONLintReport.schemaVersion)
    }

    @Test("the fixture report, every kind of value in it, matches the schema")
    func fixtureReport() throws {
        let report = renderReport(ReportFixtures.run, format: .json, context: ReportFixtures.context)
        #expect(try schema().errors(in: try parse(report)) == [])
    }

    @Test("a real run over articles, with a suppression, confidence, an unreadable file and a baseline, matches the schema")
    func realReport() throws {
        let directory = try TemporaryDirectory()
        try directory.write("desk/open.md", "# Vote\n\nBy Ines Calder\n\nThe mayor said \"we will rebuild.\n")
        try directory.write("desk/page.html",
                            "<html><body><h1>Fair</h1><p>“It was the best year,” the organisers wrote in a leaflet.</p></body></html>\n")
        try directory.write("desk/unattributed.md", """
            # Fair

            By Ines Calder

            The council met on Monday.

            “We will not raise the rates this year, whatever the budget says.”

            The meeting ended at nine.

            """)
        try directory.write("desk/waived.md", """
            # Storm

            By Ines Calder

            <!-- copydesk-disable-next-line quote-balance -- quoted as the reader sent it -->
            A reader wrote "the lights went out.

            """)
        try directory.write("desk/broken.txt", bytes: [0x48, 0xC3, 0x28, 0x0A])
        let policy = try PolicyLoader(schemas: RuleRegistry.schemas).builtin("default")
        var run = try Linter(policyLookup: { _ in policy }).lint(LintOptions(paths: ["desk"], workingDirectory: directory.path))
        let plain = renderReport(run, format: .json, context: ReportContext(workingDirectory: directory.path))
        #expect(try schema().errors(in: try parse(plain)) == [])

        let baseline = Baseline(entries: [BaselineEntry(path: "desk/open.md", ruleId: "quote-balance",
                                                        fingerprint: run.files[0].fingerprints.last ?? "")])
        run.compare(with: baseline, path: "b.json", directory: directory.path, workingDirectory: directory.path)
        let compared = renderReport(run, format: .json, context: ReportContext(workingDirectory: directory.path))
        let object = try #require(try parse(compared) as? [String: Any])
        #expect(try schema().errors(in: object) == [])
        // The run really has what the test says it covers.
        #expect(compared.contains("\"baselineState\" : \"unchanged\""))
        #expect(compared.contains("\"kind\" : \"inSource\""))
        #expect(compared.contains("\"level\" : \"error\""))
        #expect(compared.contains("\"format\" : \"html\""))
        #expect(compared.contains("\"confidence\" : "))
    }

    @Test("the example in docs/json-format.md matches the schema")
    func documentedExample() throws {
        let document = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/json-format.md"), encoding: .utf8)
        let start = try #require(document.range(of: "```json\n"))
        let end = try #require(document.range(of: "\n```", range: start.upperBound..<document.endIndex))
        let example = try parse(String(document[start.upperBound..<end.lowerBound]))
        #expect(try schema().errors(in: example) == [])
        #expect(String(document[start.upperBound..<end.lowerBound]).contains("\"fingerprint\": "))
    }

    @Test("the check rejects what the schema forbids", arguments: [
        ("\"severity\" : \"warning\"", "\"severity\" : \"fatal\""),
        ("\"fingerprint\" : \"4834d829cf5c5fdf\"", "\"fingerprint\" : \"4834D829\""),
        ("\"baselineState\" : null,\n          \"fingerprint\" : \"4834d829cf5c5fdf\"",
         "\"baselineState\" : \"gone\",\n          \"fingerprint\" : \"4834d829cf5c5fdf\""),
        ("\"version\" : 1", "\"version\" : 2"),
        ("\"generatedAt\" : \"2024-05-01T10:00:00Z\"", "\"generatedAt\" : \"yesterday\""),
        ("\"baseline\" : null", "\"baseline\" : {\"path\": \"b.json\"}"),
        ("\"notes\" : 1", "\"notes\" : -1"),
        ("\"suppressed\" : null", "\"suppressed\" : null, \"surprise\" : true"),
    ])
    func rejections(original: String, broken: String) throws {
        let report = renderReport(ReportFixtures.run, format: .json, context: ReportFixtures.context)
        #expect(report.contains(original), "the fixture no longer has \(original)")
        let mutated = report.replacingOccurrences(of: original, with: broken)
        #expect(try !schema().errors(in: try parse(mutated)).isEmpty)
    }
}
