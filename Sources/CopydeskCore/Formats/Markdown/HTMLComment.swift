/// HTML comments as article authors use them: to hide notes and to give
/// copydesk directives.
enum HTMLComment {
    static let open: [UInt8] = Array("<!--".utf8)
    static let close: [UInt8] = Array("-->".utf8)

    /// A line whose content is exactly one comment holding a copydesk
    /// directive.
    static func directiveLine(_ content: Range<Int>, in source: SourceText) -> SuppressionDirective? {
        let bytes = source.bytes
        guard content.count >= 7, bytes[content].starts(with: open),
              bytes[content].reversed().starts(with: close.reversed()) else { return nil }
        let body = content.lowerBound + 4..<content.upperBound - 3
        return directive(body: body, whole: content, in: source)
    }

    static func directive(body: Range<Int>, whole: Range<Int>, in source: SourceText) -> SuppressionDirective? {
        let text = source.string(body)
        // Directives in any letter case and near misses of them are read
        // too, so a mistyped one is reported instead of silently ignored.
        let head = text.utf8.prefix(64).lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let lowered = String(decoding: Array(head), as: UTF8.self)
        guard lowered.contains("copyd") || lowered.contains("disable") || lowered.contains("enable") else { return nil }
        return SuppressionDirective.parse(commentBody: text, range: source.range(whole))
    }
}
