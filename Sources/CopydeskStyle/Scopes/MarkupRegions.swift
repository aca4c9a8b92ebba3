import Foundation

/// Regions of HTML (an HTML file, or raw HTML inside Markdown) that Vale
/// does not read: elements whose class is in `IgnoredClasses` (plus Vale's
/// own `problematic`, `pre`, `code`) and elements named in `SkippedScopes`.
/// Found by reading the markup's tags, from each start tag to its matching
/// end tag.
enum MarkupRegions {
    static let defaultClasses: Set<String> = ["problematic", "pre", "code"]

    static func ignored(_ bytes: [UInt8], classes: Set<String>, tags: Set<String>) -> [Range<Int>] {
        elements(bytes) { name, attributes in
            if tags.contains(name) { return true }
            guard let classList = classAttribute(attributes) else { return false }
            return !classes.isDisjoint(with: classList.split(separator: " ").map(String.init))
        }.map(\.range)
    }

    /// The elements holding a block, which give it Vale's scope: a `<p>`
    /// inside `<li>` is list text, inside `<td>` a table cell.
    static let containerScopes: [String: [String]] = [
        "li": ["text", "list"], "td": ["text", "table", "cell"], "th": ["text", "table", "header"],
        "caption": ["text", "table", "caption"], "figcaption": ["text", "figure", "caption"],
        "blockquote": ["text", "blockquote"],
    ]

    static func containers(_ bytes: [UInt8]) -> [(range: Range<Int>, name: String)] {
        elements(bytes, nested: true) { name, _ in containerScopes[name] != nil }
    }

    /// Elements the predicate picks, from start tag to matching end tag.
    /// Without `nested`, the inside of a picked element is not searched.
    static func elements(_ bytes: [UInt8], nested: Bool = false,
                         _ pick: (String, String) -> Bool) -> [(range: Range<Int>, name: String)] {
        var out: [(range: Range<Int>, name: String)] = []
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == 0x3C, i + 1 < n, isLetter(bytes[i + 1]) else { i += 1; continue }
            var j = i + 1
            while j < n, isLetter(bytes[j]) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) { j += 1 }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased()
            guard let close = bytes[j...].firstIndex(of: 0x3E) else { break }
            let attributes = String(decoding: bytes[j..<close], as: UTF8.self)
            guard pick(name, attributes), bytes[close - 1] != 0x2F else { i = close + 1; continue }
            // Find the matching end tag, counting nested same-name elements.
            var depth = 1
            var k = close + 1
            let open = Array("<\(name)".utf8), end = Array("</\(name)".utf8)
            while k < n && depth > 0 {
                if bytes[k] == 0x3C {
                    if hasPrefix(bytes, at: k, end) { depth -= 1; if depth == 0 { break } } else if hasPrefix(bytes, at: k, open),
                        k + open.count < n, !isLetter(bytes[k + open.count]) { depth += 1 }
                }
                k += 1
            }
            let stop = k < n ? (bytes[k...].firstIndex(of: 0x3E).map { $0 + 1 } ?? n) : n
            out.append((i..<stop, name))
            i = nested ? close + 1 : stop
        }
        return out
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    static func hasPrefix(_ bytes: [UInt8], at offset: Int, _ prefix: [UInt8]) -> Bool {
        guard offset + prefix.count <= bytes.count else { return false }
        for (index, byte) in prefix.enumerated() where bytes[offset + index] | 0x20 != byte | 0x20 { return false }
        return true
    }

    static func classAttribute(_ attributes: String) -> String? {
        guard let range = attributes.range(of: "class=", options: .caseInsensitive) else { return nil }
        var rest = attributes[range.upperBound...]
        guard let quote = rest.first, quote == "\"" || quote == "'" else {
            return String(rest.prefix { !$0.isWhitespace && $0 != ">" })
        }
        rest = rest.dropFirst()
        return String(rest.prefix { $0 != quote })
    }
}
