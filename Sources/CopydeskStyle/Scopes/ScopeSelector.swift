/// A rule's `scope`, as Vale reads it: a list of alternatives, each a set
/// of selectors joined by `&`, each selector dotted sections (`heading.h1`)
/// that a block's scope must all have, or, after `~`, must not all have.
///
/// Besides Vale's scopes (`text`, `paragraph`, `sentence`, `heading`,
/// `heading.h1`…, `list`, `blockquote`, `table`, `raw`, `summary`,
/// `code`, `alt`), copydesk's blocks add the news scopes `headline`,
/// `standfirst`, `byline`, `caption`, `notice` and `quote` (the words inside
/// a direct quotation).
public struct ScopeSelector: Sendable, Hashable {
    struct Part: Sendable, Hashable {
        var sections: [String]
        var negated: Bool
    }

    let alternatives: [[Part]]
    public let written: [String]

    public init(_ scopes: [String]) {
        written = scopes
        alternatives = scopes.map { scope in
            scope.split(separator: "&").map { raw in
                var text = raw.trimmingCharacters(in: .whitespaces)
                let negated = text.hasPrefix("~")
                if negated { text.removeFirst() }
                return Part(sections: text.split(separator: ".").map(String.init), negated: negated)
            }
        }
    }

    /// Whether the rule runs on a block with these scope sections.
    public func matches(_ blockScope: Set<String>) -> Bool {
        alternatives.contains { parts in
            if parts.allSatisfy(\.negated),
               blockScope.contains("raw") || blockScope.contains("summary") || blockScope.contains("quote") {
                return false
            }
            return parts.allSatisfy { part in
                let has = part.sections.allSatisfy(blockScope.contains)
                return part.negated ? !has : has
            }
        }
    }

    /// Whether the rule asks to see the words inside direct quotations.
    public var readsQuotes: Bool {
        alternatives.contains { $0.contains { !$0.negated && $0.sections.contains("quote") } }
    }

    public var isRaw: Bool {
        alternatives.contains { $0.contains { !$0.negated && $0.sections.contains("raw") } }
    }
}

import Foundation
