import CopydeskCore
import CopydeskPolicy
import Testing
@testable import CopydeskRules

/// Every rule's typed configuration against the options it declares: a key
/// the configuration reads that the rule does not declare (a typo in code)
/// fails, and so does an option the rule declares but never reads.
@Suite("Rule configurations")
struct RuleConfigurationTests {
    static let rules: [any Rule.Type] = RuleRegistry.documentRules

    @Test("Each rule's configuration decodes from its defaults and reads every option it declares",
          arguments: rules.map { $0.description.id })
    func configurationReadsEveryDeclaredOption(id: String) throws {
        let type = try #require(Self.rules.first { $0.description.id == id })
        let description = type.description
        let keysRead = try Self.keysRead(by: type, options: RuleOptions(defaultsOf: description.options))
        #expect(keysRead == Set(description.options.map(\.name)))
        _ = try type.init(options: RuleOptions(defaultsOf: description.options))
    }

    private static func keysRead<R: Rule>(by type: R.Type, options: RuleOptions) throws -> Set<String> {
        try RuleConfigurationDecoder.decodeRecordingKeys(R.Configuration.self, from: options, ruleID: R.description.id).keysRead
    }

    struct Misspelt: RuleConfiguration {
        var minWords: Int
        enum CodingKeys: String, CodingKey { case minWords = "min-word" }
    }

    @Test("A configuration that reads an option the rule does not declare is an error naming it")
    func misspeltKeyIsAnError() {
        let options = RuleOptions(defaultsOf: DuplicateParagraphRule.description.options)
        #expect {
            _ = try RuleConfigurationDecoder.decode(Misspelt.self, from: options, ruleID: "duplicate-paragraph")
        } throws: { error in
            let error = error as? RuleOptionError
            return error?.option == "min-word" && error?.message == "the rule reads 'min-word', which it does not declare"
        }
    }

    @Test("A value of the wrong kind is an error naming the option")
    func wrongKindIsAnError() {
        let options = RuleOptions(defaultsOf: DuplicateParagraphRule.description.options,
                                  overrides: ["min-words": .string("eight")])
        #expect {
            _ = try DuplicateParagraphRule(options: options)
        } throws: { error in
            (error as? RuleOptionError)?.option == "min-words"
        }
    }

    @Test("Whole numbers and decimals convert where nothing is lost")
    func numbersConvert() throws {
        let options = RuleOptions(defaultsOf: DuplicateParagraphRule.description.options,
                                  overrides: ["similarity": .integer(1), "min-words": .number(12)])
        let configuration = try DuplicateParagraphRule.configuration(from: options)
        #expect(configuration.similarity == 1.0)
        #expect(configuration.minWords == 12)
        let fractional = RuleOptions(defaultsOf: DuplicateParagraphRule.description.options, overrides: ["min-words": .number(2.5)])
        #expect(throws: RuleOptionError.self) { _ = try DuplicateParagraphRule.configuration(from: fractional) }
    }

    @Test("Choices decode to the rule's own enumerations")
    func choicesDecodeToEnumerations() throws {
        let options = RuleOptions(defaultsOf: QuoteAttributionRule.description.options,
                                  overrides: ["primary-quote-mark": .string("single"), "continuation": .string("strict")])
        let configuration = try QuoteAttributionRule.configuration(from: options)
        #expect(configuration.primaryQuoteMark == .single)
        #expect(configuration.continuation == .strict)
    }

    @Test("A file option resolves against the policy's directory unless it is absolute")
    func filePathsResolveAgainstThePolicy() throws {
        func staffList(_ written: String, base: String?) throws -> PolicyFilePath {
            let options = RuleOptions(defaultsOf: BylineRule.description.options, overrides: ["staff-list": .string(written)],
                                      baseDirectory: base)
            return try BylineRule.configuration(from: options).staffList
        }
        #expect(try staffList("staff.txt", base: "/news/desk").resolved == "/news/desk/staff.txt")
        #expect(try staffList("staff.txt", base: "/news/desk/").resolved == "/news/desk/staff.txt")
        #expect(try staffList("/etc/staff.txt", base: "/news/desk").resolved == "/etc/staff.txt")
        #expect(try staffList("staff.txt", base: nil).resolved == "staff.txt")
        #expect(try staffList("", base: "/news").resolved == nil)
        #expect(try staffList("staff.txt", base: "/news").written == "staff.txt")
    }

    @Test("Legal notices round-trip through option values unchanged")
    func noticesRoundTrip() throws {
        let notice = Notice(
            id: "harbour-warning", text: "Readers abroad: this page may be restricted.\n\nCheck local law before sharing.",
            caseSensitive: true,
            required: .when([NoticeCondition(mentions: ["harbour"], patterns: ["\\bport(s)?\\b"],
                                             frontMatter: [.init(field: "region", match: .noneOf(["home"])),
                                                           .init(field: "desk", match: .anyOf(["news", "world"]))],
                                             wire: ["Example Wire"])]),
            placement: .afterBody,
            forbiddenWhen: [NoticeCondition(frontMatter: [.init(field: "section", match: .anyOf(["opinion"]))])],
            location: PolicyLocation(file: "house.yml", line: 12, column: 5))
        let options = RuleOptions(["notices": Notice.optionValue([notice, Notice(id: "plain", text: "Plain.", required: .never)])])
        let configuration = try LegalNoticeRule.configuration(from: options)
        #expect(configuration.notices.first == notice)
        #expect(configuration.notices.last?.required == .never)
        #expect(configuration.notices.last?.location == nil)
    }
}
