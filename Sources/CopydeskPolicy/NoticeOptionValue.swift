import CopydeskCore

/// Legal notices as option values, so the `legal-notice` rule reads them as
/// its typed configuration like any other rule option. The keys are the
/// policy's own (`case-sensitive`, `forbidden-when`), and the section
/// decoder in `PolicyNoticeDecoding` has already checked every value.
extension Notice: Decodable {
    enum CodingKeys: String, CodingKey {
        case id, text, placement, location
        case caseSensitive = "case-sensitive"
        case required
        case forbiddenWhen = "forbidden-when"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let placement = try container.decode(String.self, forKey: .placement)
        guard let place = Placement(rawValue: placement) else {
            throw DecodingError.dataCorruptedError(forKey: .placement, in: container,
                                                   debugDescription: "'\(placement)' is not a placement")
        }
        self.init(id: try container.decode(String.self, forKey: .id),
                  text: try container.decode(String.self, forKey: .text),
                  caseSensitive: try container.decode(Bool.self, forKey: .caseSensitive),
                  required: try container.decode(Requirement.self, forKey: .required),
                  placement: place,
                  forbiddenWhen: try container.decode([NoticeCondition].self, forKey: .forbiddenWhen),
                  location: try container.decodeIfPresent(PolicyLocation.self, forKey: .location))
    }

    /// The notice as the `notices` option holds it.
    public var optionValue: OptionValue {
        var fields = [
            OptionField("id", .string(id)),
            OptionField("text", .string(text)),
            OptionField("case-sensitive", .bool(caseSensitive)),
            OptionField("required", required.optionValue),
            OptionField("placement", .string(placement.rawValue)),
            OptionField("forbidden-when", .list(forbiddenWhen.map(\.optionValue))),
        ]
        if let location { fields.append(OptionField("location", location.optionValue)) }
        return .mapping(fields)
    }

    /// Notices as the value of the `notices` option.
    public static func optionValue(_ notices: [Notice]) -> OptionValue { .list(notices.map(\.optionValue)) }
}

extension Notice.Requirement: Decodable {
    /// `always`, `never`, or `{when: [conditions]}`, as a policy writes it.
    public init(from decoder: any Decoder) throws {
        if let word = try? decoder.singleValueContainer().decode(String.self) {
            switch word {
            case "always": self = .always
            case "never": self = .never
            default:
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "'\(word)' is not a requirement"))
            }
            return
        }
        let container = try decoder.container(keyedBy: WhenKey.self)
        self = .when(try container.decode([NoticeCondition].self, forKey: .when))
    }

    private enum WhenKey: String, CodingKey { case when }

    var optionValue: OptionValue {
        switch self {
        case .always: return .string("always")
        case .never: return .string("never")
        case .when(let conditions): return .mapping([OptionField("when", .list(conditions.map(\.optionValue)))])
        }
    }
}

extension NoticeCondition: Decodable {
    enum CodingKeys: String, CodingKey {
        case mentions, patterns, wire
        case frontMatter = "front-matter"
    }

    private struct FieldKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private enum NotKey: String, CodingKey { case not }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(mentions: try container.decodeIfPresent([String].self, forKey: .mentions) ?? [],
                  patterns: try container.decodeIfPresent([String].self, forKey: .patterns) ?? [],
                  wire: try container.decodeIfPresent([String].self, forKey: .wire) ?? [])
        guard container.contains(.frontMatter) else { return }
        // Fields keep the order the policy wrote them in.
        let fields = try container.nestedContainer(keyedBy: FieldKey.self, forKey: .frontMatter)
        for key in fields.allKeys {
            if let values = try? fields.decode([String].self, forKey: key) {
                frontMatter.append(FieldTest(field: key.stringValue, match: .anyOf(values)))
            } else {
                let negated = try fields.nestedContainer(keyedBy: NotKey.self, forKey: key)
                frontMatter.append(FieldTest(field: key.stringValue, match: .noneOf(try negated.decode([String].self, forKey: .not))))
            }
        }
    }

    var optionValue: OptionValue {
        var fields: [OptionField] = []
        if !mentions.isEmpty { fields.append(OptionField("mentions", .strings(mentions))) }
        if !patterns.isEmpty { fields.append(OptionField("patterns", .strings(patterns))) }
        if !frontMatter.isEmpty {
            fields.append(OptionField("front-matter", .mapping(frontMatter.map { test in
                switch test.match {
                case .anyOf(let values): return OptionField(test.field, .strings(values))
                case .noneOf(let values): return OptionField(test.field, .mapping([OptionField("not", .strings(values))]))
                }
            })))
        }
        if !wire.isEmpty { fields.append(OptionField("wire", .strings(wire))) }
        return .mapping(fields)
    }
}

extension PolicyLocation: Decodable {
    enum CodingKeys: String, CodingKey { case file, line, column }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column))
    }

    var optionValue: OptionValue {
        .mapping([OptionField("file", .string(file)), OptionField("line", .integer(line)), OptionField("column", .integer(column))])
    }
}
