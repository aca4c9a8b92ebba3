import Foundation

/// Vale's in-text switches: `<!-- vale off -->`, `<!-- vale on -->`,
/// `<!-- vale Style.Rule = NO -->` (or `YES`), `<!-- vale Style = NO -->`.
/// Each takes effect from where it stands; they apply to Vale-style rules
/// only (copydesk's own directives are separate), and, as in Vale, not to
/// rules with `scope: raw`.
struct ValeComments {
    struct Switch {
        var offset: Int
        /// nil: every rule (`vale off` / `vale on`).
        var target: String?
        var on: Bool
    }

    let switches: [Switch]

    init(source bytes: [UInt8]) {
        var found: [Switch] = []
        let open = Array("<!--".utf8)
        let close = Array("-->".utf8)
        var index = 0
        while index + open.count <= bytes.count {
            guard bytes[index] == 0x3C, bytes[index..<(index + open.count)].elementsEqual(open) else {
                index += 1
                continue
            }
            var end = index + open.count
            while end + close.count <= bytes.count && !bytes[end..<(end + close.count)].elementsEqual(close) { end += 1 }
            guard end + close.count <= bytes.count else { break }
            let body = String(decoding: bytes[(index + open.count)..<end], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            found += ValeComments.parse(body, offset: index)
            index = end + close.count
        }
        switches = found
    }

    static func parse(_ body: String, offset: Int) -> [Switch] {
        guard body.hasPrefix("vale ") || body == "vale" else { return [] }
        let rest = body.dropFirst(4).trimmingCharacters(in: .whitespaces)
        if rest == "off" { return [Switch(offset: offset, target: nil, on: false)] }
        if rest == "on" { return [Switch(offset: offset, target: nil, on: true)] }
        var out: [Switch] = []
        for part in rest.split(separator: ",") {
            let pieces = part.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2 else { continue }
            let value = pieces[1].uppercased()
            guard value == "NO" || value == "YES" else { continue }
            out.append(Switch(offset: offset, target: pieces[0], on: value == "YES"))
        }
        return out
    }

    /// Whether `ruleID` is switched off at `offset`.
    func isOff(_ ruleID: String, at offset: Int) -> Bool {
        guard !switches.isEmpty else { return false }
        let style = String(ruleID.prefix { $0 != "." })
        // The latest switch naming the rule or its style decides.
        var allOff = false
        var off = false
        for s in switches where s.offset < offset {
            switch s.target {
            case nil: allOff = !s.on
            case ruleID?, style?: off = !s.on
            default: break
            }
        }
        return allOff || off
    }
}
