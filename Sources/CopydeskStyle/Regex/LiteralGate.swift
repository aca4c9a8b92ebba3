import CopydeskCore

/// Every literal of every gated rule of a configuration, in one automaton
/// (`PhraseMatcher`): a block is read once, and a rule none of whose
/// literals it holds is not run on it. A rule is gated when every alert it
/// can raise contains one of its literals (`StyleCheck.requiredLiterals`):
/// a pattern's `RequiredLiterals`, a word list's words.
final class LiteralGate: @unchecked Sendable {
    struct Owner {
        var slot: Int
        /// The bytes as written, when ASCII letter case must match too.
        var exact: [UInt8]?
    }

    private let matcher: PhraseMatcher
    /// Per literal of the matcher: the rules it opens. An empty list marks
    /// a letter that case-folds to ASCII (`foldsToASCII`), which opens
    /// every rule.
    private let owners: [[Owner]]
    /// Rule id to its slot in the gate.
    let slots: [String: Int]

    /// Non-ASCII letters that Unicode case folding turns into ASCII ones
    /// (the Kelvin sign, long s, sharp s, the Latin ligatures, dotted
    /// capital I and a few letters with a combining mark): under `(?i)` a
    /// pattern's "k", "s", "ss" or "fi" matches them, so a text holding
    /// one of them is read by every rule.
    static let foldsToASCII: [String] = [
        "\u{212A}", "\u{017F}", "\u{00DF}", "\u{1E9E}", "\u{0130}", "\u{0149}", "\u{01F0}",
        "\u{1E96}", "\u{1E97}", "\u{1E98}", "\u{1E99}", "\u{1E9A}",
        "\u{FB00}", "\u{FB01}", "\u{FB02}", "\u{FB03}", "\u{FB04}", "\u{FB05}", "\u{FB06}",
    ]

    /// nil when no rule is gated.
    init?(_ rules: [(id: String, literals: [RequiredLiterals.Literal])]) {
        guard !rules.isEmpty else { return nil }
        var index: [[UInt8]: Int] = [:]
        var phrases: [String] = []
        var owners: [[Owner]] = []
        var slots: [String: Int] = [:]
        func add(_ folded: [UInt8]) -> Int {
            if let known = index[folded] { return known }
            index[folded] = phrases.count
            phrases.append(String(decoding: folded, as: UTF8.self))
            owners.append([])
            return phrases.count - 1
        }
        for (slot, rule) in rules.enumerated() {
            slots[rule.id] = slot
            for literal in rule.literals {
                owners[add(literal.folded)].append(Owner(slot: slot, exact: literal.exact))
            }
        }
        for letter in Self.foldsToASCII {
            let at = add(Array(letter.utf8))
            owners[at] = []
        }
        matcher = PhraseMatcher(phrases, foldDigits: true)
        self.owners = owners
        self.slots = slots
    }

    var slotCount: Int { slots.count }

    /// Marks in `open` (one entry per slot, all false on entry) the rules
    /// whose literals `bytes` holds; returns the slots it set, so the
    /// caller can clear them for the next block.
    func open(_ bytes: [UInt8], into open: inout [Bool]) -> [Int] {
        var set: [Int] = []
        for match in matcher.matches(in: bytes) {
            let list = owners[match.phrase]
            if list.isEmpty {
                for slot in open.indices where !open[slot] {
                    open[slot] = true
                    set.append(slot)
                }
                return set
            }
            for owner in list where !open[owner.slot] {
                if let exact = owner.exact, !bytes[match.range].lazy.map(PhraseMatcher.foldDigit).elementsEqual(exact) { continue }
                open[owner.slot] = true
                set.append(owner.slot)
            }
        }
        return set
    }
}
