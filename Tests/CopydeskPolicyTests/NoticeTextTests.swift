import Foundation
import Testing
@testable import CopydeskPolicy

/// The byte-level readings of notice text agree with the Character and
/// Foundation readings they stand in for.
@Suite struct NoticeTextTests {
    static let texts = [
        "", "\n", "One.", "One.\n\nTwo.", "One\nstill one.\n \t\nTwo.\n", "\n\n  \nOne.\n\n\n\nTwo.\n\n",
        "One.\r\n\r\nstill one: CR LF is no line break to split", "One.\r\n\nTwo.", "One.\n\r\nTwo.", "One.\n\r\n\rTwo.",
        "One.\n\r\nTwo.\n \r \nThree.", " \u{301}\nOne.", "One.\n\u{301}\nTwo.", "\t\nÉtat.\n\u{A0}\nTwo. ",
        "Ends with a space \n", "\r", "\r\n", " \n\t\n\r", "a\n\u{2028}\nb",
    ]

    @Test func paragraphsSplitAsCharactersWould() {
        for text in Self.texts {
            let notice = Notice(id: "n", text: text, required: .always)
            #expect(notice.paragraphs == Self.characterParagraphs(text), "\(text.debugDescription)")
        }
    }

    @Test func trimmingAgreesWithFoundation() {
        let more = ["  plain  ", "\t\n\r\u{B}\u{C}x\u{C}", "\u{A0}no-break\u{A0}", " \u{2028}line\u{2029} ", "\u{85}x\u{85}",
                    " \u{301}mark", "mark\u{301} ", "\u{3000}ideographic\u{3000}", "\u{1F}unit separator\u{1C}", "   "]
        for text in Self.texts + more {
            #expect(PolicyDecoder.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }

    /// `Notice.paragraphs` as it was written before it read bytes.
    static func characterParagraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }
}
