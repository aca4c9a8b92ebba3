import CopydeskCore
import Yams

/// YAML text details the decoder and the renderer share.
enum YAMLText {
    /// A line and column as libyaml counts them (Yams' `Mark` cannot be
    /// made outside Yams).
    struct Place: Hashable {
        var line: Int
        var column: Int

        init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        init(_ mark: Mark) {
            self.init(line: mark.line, column: mark.column)
        }
    }

    /// A double-quoted YAML scalar that reads back as exactly `text`.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F
                || (0x80...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
                || scalar.value == 0x2028 || scalar.value == 0x2029:
                output += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16).uppercased()
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// A mapping key: bare when it is a plain word that YAML reads as a
    /// string, quoted otherwise.
    static func key(_ text: String) -> String {
        let isWord = !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        let startsLikeWord = text.utf8.first.map { $0 != UInt8(ascii: "-") } ?? false
        let readsAsOther = PolicyDecoder.boolean(text) != nil || ["null", "Null", "NULL", "y", "Y", "n", "N"].contains(text)
            || text.utf8.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_") }
        return isWord && startsLikeWord && !readsAsOther ? text : quoted(text)
    }

    /// libyaml's line and column (1-based, columns in Unicode scalars) of a
    /// character offset, for reader errors that only carry an offset.
    static func place(atCharacterOffset offset: Int, in text: String) -> Place {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return Place(line: line, column: column)
    }

    /// Where a key that Yams reported as duplicated appears the second time.
    /// Yams reports only the first occurrence, and the second is the one to
    /// fix, so the first is renamed (a private-use character put before it)
    /// and the text composed again: the renamed key's mapping then holds the
    /// repeat. Runs only on this error path.
    static func repeatedKeyPlace(key: String, firstAt first: Place, in text: String) -> Place? {
        let marker: Unicode.Scalar = "\u{E000}"
        guard let insertion = scalarIndex(of: first, in: text) else { return nil }
        var renamed = String.UnicodeScalarView()
        renamed.append(contentsOf: text.unicodeScalars[..<insertion])
        renamed.append(marker)
        renamed.append(contentsOf: text.unicodeScalars[insertion...])

        func shiftedBack(_ mark: Mark) -> Place {
            let place = Place(mark)
            return place.line == first.line && place.column > first.column
                ? Place(line: place.line, column: place.column - 1) : place
        }
        let root: Node?
        do {
            root = try YAMLComposer.compose(String(renamed))
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            // A key given three times: the second is now the first duplicate.
            guard duplicates.contains(key) else { return nil }
            return shiftedBack(context.mark)
        } catch {
            return nil
        }
        guard let root, let mapping = mappingHolding(markerKeyAt: first, marker: marker, in: root) else { return nil }
        for (keyNode, _) in mapping where keyNode.string == key {
            return keyNode.mark.map(shiftedBack)
        }
        return nil
    }

    private static func mappingHolding(markerKeyAt mark: Place, marker: Unicode.Scalar, in node: Node) -> Node.Mapping? {
        switch node {
        case .mapping(let mapping):
            for (keyNode, value) in mapping {
                if let keyMark = keyNode.mark, keyMark.line == mark.line, keyMark.column == mark.column,
                   keyNode.string?.unicodeScalars.first == marker {
                    return mapping
                }
                if let found = mappingHolding(markerKeyAt: mark, marker: marker, in: keyNode)
                    ?? mappingHolding(markerKeyAt: mark, marker: marker, in: value) {
                    return found
                }
            }
            return nil
        case .sequence(let sequence):
            for item in sequence {
                if let found = mappingHolding(markerKeyAt: mark, marker: marker, in: item) { return found }
            }
            return nil
        case .scalar, .alias:
            return nil
        }
    }

    /// The index of the scalar libyaml places at `mark`, counting line
    /// breaks as libyaml does.
    private static func scalarIndex(of mark: Place, in text: String) -> String.UnicodeScalarView.Index? {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var line = 1
        var column = 1
        while index < scalars.endIndex {
            if line == mark.line, column == mark.column { return index }
            let scalar = scalars[index]
            index = scalars.index(after: index)
            switch scalar {
            case "\r":
                if index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                line += 1
                column = 1
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default:
                column += 1
            }
        }
        return nil
    }
}
