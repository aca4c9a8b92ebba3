import CYaml

/// Bounds on what a small YAML text may unfold into, checked on libyaml's
/// events before Yams composes a tree.
///
/// An alias stands for its whole anchored node, so a few hundred bytes of
/// anchors that alias anchors ("billion laughs") compose into billions of
/// nodes once the tree is walked or a key is hashed, and deep nesting
/// (`[[[[…`) recurses once per level. Neither is anything an article's
/// front matter or a policy file needs, so the text is refused before
/// anything walks it.
package enum YAMLBounds {
    /// Nodes the text may hold once every alias is replaced by the node it
    /// names: far above any real policy or front matter.
    package static let maximumNodes = 100_000
    /// Collections inside collections.
    package static let maximumDepth = 100

    package struct Violation: Error, Sendable, Hashable, CustomStringConvertible {
        package var message: String
        /// 1-based, columns in Unicode scalars, as Yams' marks count them.
        package var line: Int
        package var column: Int

        package var description: String { "\(line):\(column): \(message)" }
    }

    /// The first bound `yaml` breaks, or nil when it keeps them all or is
    /// not valid YAML (Yams then reports the syntax error itself).
    package static func check(_ yaml: String) -> Violation? {
        var bytes = Array(yaml.utf8)
        // libyaml reads a byte-order mark itself; nothing to strip.
        if bytes.isEmpty { return nil }
        let count = bytes.count
        return bytes.withUnsafeMutableBufferPointer { buffer -> Violation? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, count)
            return walk(&parser)
        }
    }

    private static func walk(_ parser: inout yaml_parser_t) -> Violation? {
        // Nodes counted so far in each open collection, and its anchor.
        var open: [(nodes: Int, anchor: String?)] = []
        var anchorNodes: [String: Int] = [:]
        var total = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            func violation(_ message: String) -> Violation {
                Violation(message: message, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            }
            var finished: (nodes: Int, anchor: String?)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                finished = (1, string(event.data.scalar.anchor))
            case YAML_ALIAS_EVENT:
                finished = (string(event.data.alias.anchor).flatMap { anchorNodes[$0] } ?? 1, nil)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? string(event.data.sequence_start.anchor) : string(event.data.mapping_start.anchor)
                open.append((1, anchor))
                guard open.count <= maximumDepth else {
                    return violation("YAML nested more than \(maximumDepth) levels deep")
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                finished = open.popLast()
            default:
                continue
            }
            guard let node = finished else { continue }
            if let anchor = node.anchor { anchorNodes[anchor] = node.nodes }
            if open.isEmpty {
                total += node.nodes
            } else {
                open[open.count - 1].nodes += node.nodes
            }
            // Every open collection already holds what it counted, so the
            // sum over them and the finished roots is what the tree holds.
            let unfolded = total + open.reduce(0) { $0 + $1.nodes }
            guard unfolded <= maximumNodes else {
                return violation("YAML aliases unfold into more than \(maximumNodes) nodes (an alias repeats its "
                                 + "anchor's whole node)")
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}
