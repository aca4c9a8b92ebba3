/// Text from articles, file names and policy files made safe to print on a
/// terminal: a control character could start an escape sequence (colour,
/// a window title, a hyperlink, even a clear screen) and a bidirectional
/// control could make a line read differently from what it says.
package enum TerminalText {
    /// Whether `scalar` is shown as `<U+XXXX>` rather than printed: C0
    /// controls (tab and, when `keepingNewlines`, line feed excepted), DEL,
    /// C1 controls and the bidirectional controls.
    package static func needsEscape(_ scalar: Unicode.Scalar, keepingNewlines: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A: return !keepingNewlines
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return isBidiControl(scalar)
        }
    }

    /// U+061C, U+200E, U+200F, U+202A–U+202E and U+2066–U+2069.
    package static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `<U+001B>` for one escaped scalar.
    package static func notation(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// `text` with every character `needsEscape` picks written as `<U+XXXX>`.
    package static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines: keepingNewlines) }) else {
            return text
        }
        var output = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingNewlines: keepingNewlines) {
                output += notation(scalar)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
