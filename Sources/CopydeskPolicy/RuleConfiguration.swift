import CopydeskCore

/// A rule's settings as a typed value, declared beside the rule (as
/// SwiftLint's configuration structs are) and decoded from the options the
/// policy gives it, with every default filled in. Coding keys are the
/// option names (`min-words`), so a misspelt key fails to decode instead of
/// silently reading a zero; `RuleConfigurationTests` decodes every rule's
/// defaults and checks each declared option is read.
public protocol RuleConfiguration: Decodable, Sendable {}

/// The configuration of a rule that has no options.
public struct NoOptions: RuleConfiguration, Hashable {
    public init() {}
}

/// A rule option that parsed as its kind but cannot be used (an unreadable
/// pattern, a missing word-list file, a key the configuration asks for that
/// the rule never declared).
public struct RuleOptionError: Error, CustomStringConvertible {
    public var ruleID: String
    public var option: String
    public var message: String

    public init(ruleID: String, option: String, message: String) {
        self.ruleID = ruleID
        self.option = option
        self.message = message
    }

    public var description: String { "rule \(ruleID), option \(option): \(message)" }
}

/// A file an option names (a staff list), as written and as a path to open:
/// absolute paths as given, relative ones against the policy file's
/// directory. Empty text means no file.
public struct PolicyFilePath: Decodable, Sendable, Hashable {
    public var written: String
    public var resolved: String?

    public init(written: String, baseDirectory: String?) {
        self.written = written
        if written.isEmpty {
            resolved = nil
        } else if written.hasPrefix("/") {
            resolved = written
        } else if let baseDirectory, baseDirectory != "." {
            // A file named by a policy that another extends is written
            // from the extending file's directory (`../staff.txt`).
            resolved = LexicalPath.normalized(baseDirectory.hasSuffix("/") ? baseDirectory + written : baseDirectory + "/" + written)
        } else {
            resolved = written
        }
    }

    public init(from decoder: any Decoder) throws {
        let written = try decoder.singleValueContainer().decode(String.self)
        let base = decoder.userInfo[RuleConfigurationDecoder.baseDirectoryKey] as? String
        self.init(written: written, baseDirectory: base)
    }
}

/// Decodes a rule's `Configuration` from its `RuleOptions`.
public enum RuleConfigurationDecoder {
    static let baseDirectoryKey = CodingUserInfoKey(rawValue: "copydesk.policy-base-directory")!
    static let noticesKey = CodingUserInfoKey(rawValue: "copydesk.decoded-notices")!

    /// The configuration, or an error naming the option that does not fit.
    public static func decode<Configuration: RuleConfiguration>(
        _ type: Configuration.Type, from options: RuleOptions, ruleID: String
    ) throws(RuleOptionError) -> Configuration {
        try decodeRecordingKeys(type, from: options, ruleID: ruleID).configuration
    }

    /// The configuration and the top-level option names it read, so a test
    /// can tell an option the rule declares but never uses.
    public static func decodeRecordingKeys<Configuration: RuleConfiguration>(
        _ type: Configuration.Type, from options: RuleOptions, ruleID: String
    ) throws(RuleOptionError) -> (configuration: Configuration, keysRead: Set<String>) {
        let record = KeyRecord()
        var userInfo: [CodingUserInfoKey: Any] = [:]
        if let base = options.baseDirectory { userInfo[baseDirectoryKey] = base }
        if !options.notices.isEmpty { userInfo[noticesKey] = options.notices }
        let decoder = OptionValueDecoder(value: .mapping(options.values.sorted { $0.key < $1.key }.map { OptionField($0.key, $0.value) }),
                                         codingPath: [], userInfo: userInfo, record: record)
        do {
            return (try Configuration(from: decoder), record.keys)
        } catch let error as RuleOptionError {
            throw error
        } catch let error as DecodingError {
            throw RuleOptionError(ruleID: ruleID, option: Self.optionName(error), message: Self.message(error))
        } catch {
            throw RuleOptionError(ruleID: ruleID, option: "?", message: "\(error)")
        }
    }

    private static func optionName(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: path = []
        }
        return path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func message(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "the rule reads '\(key.stringValue)', which it does not declare"
        case .typeMismatch(let type, let context): return "expected \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context): return "expected \(type): \(context.debugDescription)"
        case .dataCorrupted(let context): return context.debugDescription
        @unknown default: return "\(error)"
        }
    }
}

/// The option names a decoding read at the top level.
private final class KeyRecord: @unchecked Sendable {
    var keys: Set<String> = []
}

private struct OptionKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// A `Decoder` over an `OptionValue` tree. Numbers convert between whole
/// and decimal where no precision is lost; nothing else converts.
private struct OptionValueDecoder: Decoder {
    let value: OptionValue
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]
    let record: KeyRecord?

    init(value: OptionValue, codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: Any], record: KeyRecord?) {
        self.value = value
        self.codingPath = codingPath
        self.userInfo = userInfo
        self.record = record
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let fields) = value else {
            throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: codingPath, debugDescription: "found \(value)"))
        }
        return KeyedDecodingContainer(MappingContainer<Key>(fields: fields, codingPath: codingPath, userInfo: userInfo, record: record))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .list(let items) = value else {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "found \(value)"))
        }
        return ListContainer(items: items, codingPath: codingPath, userInfo: userInfo)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ScalarContainer(value: value, codingPath: codingPath, userInfo: userInfo)
    }
}

private func decodeScalar<T: Decodable>(_ type: T.Type, from value: OptionValue, codingPath: [any CodingKey],
                                        userInfo: [CodingUserInfoKey: Any]) throws -> T {
    func mismatch() -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "found \(value)"))
    }
    switch type {
    case is Bool.Type:
        guard case .bool(let bool) = value else { throw mismatch() }
        return bool as! T
    case is String.Type:
        guard case .string(let string) = value else { throw mismatch() }
        return string as! T
    case is Int.Type:
        switch value {
        case .integer(let integer): return integer as! T
        case .number(let number) where number.rounded() == number && abs(number) < 1e15: return Int(number) as! T
        default: throw mismatch()
        }
    case is Double.Type:
        switch value {
        case .number(let number): return number as! T
        case .integer(let integer): return Double(integer) as! T
        default: throw mismatch()
        }
    default:
        return try T(from: OptionValueDecoder(value: value, codingPath: codingPath, userInfo: userInfo, record: nil))
    }
}

private struct MappingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [OptionField]
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]
    let record: KeyRecord?

    var allKeys: [Key] { fields.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { fields.contains { $0.key == key.stringValue } }

    private func value(for key: Key) throws -> OptionValue {
        record?.keys.insert(key.stringValue)
        guard let field = fields.first(where: { $0.key == key.stringValue }) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no option '\(key.stringValue)'"))
        }
        return field.value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        record?.keys.insert(key.stringValue)
        return !contains(key)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if codingPath.isEmpty, let notices = (userInfo[RuleConfigurationDecoder.noticesKey] as? [String: [Notice]])?[key.stringValue] {
            record?.keys.insert(key.stringValue)
            if let decoded = notices as? T { return decoded }
            // A configuration that reads them as some other type reads the option value.
            return try decodeScalar(type, from: Notice.optionValue(notices), codingPath: codingPath + [key], userInfo: userInfo)
        }
        return try decodeScalar(type, from: try value(for: key), codingPath: codingPath + [key], userInfo: userInfo)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try OptionValueDecoder(value: try value(for: key), codingPath: codingPath + [key], userInfo: userInfo, record: nil)
            .container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try OptionValueDecoder(value: try value(for: key), codingPath: codingPath + [key], userInfo: userInfo, record: nil)
            .unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        OptionValueDecoder(value: .mapping(fields), codingPath: codingPath, userInfo: userInfo, record: nil)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        OptionValueDecoder(value: try value(for: key), codingPath: codingPath + [key], userInfo: userInfo, record: nil)
    }
}

private struct ListContainer: UnkeyedDecodingContainer {
    let items: [OptionValue]
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]
    var currentIndex = 0

    init(items: [OptionValue], codingPath: [any CodingKey], userInfo: [CodingUserInfoKey: Any]) {
        self.items = items
        self.codingPath = codingPath
        self.userInfo = userInfo
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> (OptionValue, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the list has no more items"))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], codingPath + [OptionKey(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, path) = try next()
        return try decodeScalar(type, from: value, codingPath: path, userInfo: userInfo)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = try next()
        return try OptionValueDecoder(value: value, codingPath: path, userInfo: userInfo, record: nil).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next()
        return try OptionValueDecoder(value: value, codingPath: path, userInfo: userInfo, record: nil).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next()
        return OptionValueDecoder(value: value, codingPath: path, userInfo: userInfo, record: nil)
    }
}

private struct ScalarContainer: SingleValueDecodingContainer {
    let value: OptionValue
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decodeScalar(type, from: value, codingPath: codingPath, userInfo: userInfo)
    }
}
