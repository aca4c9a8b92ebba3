/// Finds any of a list of phrases in UTF-8 text in one pass, however long
/// the list: the phrases are compiled into one automaton (Aho–Corasick),
/// so a word list costs the same as a single word. ASCII letters match
/// without regard to case; other bytes match exactly.
package struct PhraseMatcher: Sendable {
    package struct Match: Sendable, Hashable {
        /// Index of the phrase in the list the matcher was built from.
        package var phrase: Int
        package var range: Range<Int>
    }

    package let phrases: [String]
    package let wholeWords: Bool
    /// The automaton's alphabet: each byte's class, after ASCII case
    /// folding. Bytes no phrase holds share class 0, so a table row has one
    /// entry per distinct byte of the phrases rather than 256, which keeps a
    /// list of ten thousand terms to a few megabytes and quick to build.
    private let byteClasses: [UInt8]
    private let classCount: Int
    /// Dense transition table: `transitions[state * classCount + class]`.
    private let transitions: [Int32]
    /// Phrases that end in each state (following failure links), longest first.
    private let outputs: [[Int32]]
    /// Whether any phrase ends in each state: the scan's hot loop reads
    /// this flat table, not the nested `outputs`.
    private let ends: [Bool]
    private let phraseLengths: [Int]
    private let longestPhrase: Int

    /// - Parameter wholeWords: a match must not start or end inside a word.
    /// - Parameter foldDigits: every ASCII digit reads as `0`, in the
    ///   phrases and in the text (a prefilter's "0 pm" stands for any
    ///   figure before "pm").
    package init(_ phrases: [String], wholeWords: Bool = false, foldDigits: Bool = false) {
        self.phrases = phrases
        self.wholeWords = wholeWords
        func fold(_ byte: UInt8) -> UInt8 {
            foldDigits ? PhraseMatcher.foldDigit(PhraseMatcher.fold(byte)) : PhraseMatcher.fold(byte)
        }
        let folded = phrases.map { $0.utf8.map(fold) }
        var classOfFolded = [Int](repeating: 0, count: 256)
        var classCount = 1
        for bytes in folded {
            for byte in bytes where classOfFolded[Int(byte)] == 0 {
                classOfFolded[Int(byte)] = classCount
                classCount += 1
            }
        }
        let byteClasses = (0..<256).map { UInt8(classOfFolded[Int(fold(UInt8($0)))]) }
        self.byteClasses = byteClasses
        self.classCount = classCount

        // A trie has at most one state per phrase byte, plus the root: room
        // for that from the start spares the table (160 KB for the default
        // attribution cues) a copy at each doubling, which was most of what
        // building it cost at startup.
        let stateBound = folded.reduce(1) { $0 + $1.count }
        var goto = [Int32](repeating: -1, count: classCount)
        goto.reserveCapacity(stateBound * classCount)
        var outputs: [[Int32]] = [[]]
        outputs.reserveCapacity(stateBound)
        var lengths: [Int] = []
        lengths.reserveCapacity(folded.count)
        for (index, bytes) in folded.enumerated() {
            lengths.append(bytes.count)
            guard !bytes.isEmpty else { continue }
            var state = 0
            for byte in bytes {
                let slot = state * classCount + Int(byteClasses[Int(byte)])
                let next = goto[slot]
                if next >= 0 {
                    state = Int(next)
                } else {
                    let new = outputs.count
                    goto.append(contentsOf: repeatElement(-1, count: classCount))
                    outputs.append([])
                    goto[slot] = Int32(new)
                    state = new
                }
            }
            outputs[state].append(Int32(index))
        }
        // Breadth-first: complete the automaton so every state has a move on
        // every class, and inherit the outputs of each state's failure state.
        var failure = [Int](repeating: 0, count: outputs.count)
        var queue: [Int] = []
        for byteClass in 0..<classCount {
            let next = goto[byteClass]
            if next > 0 {
                failure[Int(next)] = 0
                queue.append(Int(next))
            } else {
                goto[byteClass] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fallback = failure[state]
            if !outputs[fallback].isEmpty { outputs[state].append(contentsOf: outputs[fallback]) }
            for byteClass in 0..<classCount {
                let slot = state * classCount + byteClass
                let next = goto[slot]
                if next >= 0 {
                    failure[Int(next)] = Int(goto[fallback * classCount + byteClass])
                    queue.append(Int(next))
                } else {
                    goto[slot] = goto[fallback * classCount + byteClass]
                }
            }
        }
        self.transitions = goto
        self.outputs = outputs.map { list in list.count < 2 ? list : list.sorted { lengths[Int($0)] > lengths[Int($1)] } }
        self.ends = outputs.map { !$0.isEmpty }
        self.phraseLengths = lengths
        longestPhrase = lengths.max() ?? 0
    }

    /// `TextScalars.foldASCII`, under the name the format parsers use.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 { TextScalars.foldASCII(byte) }

    /// An ASCII digit as `0`; any other byte as it is.
    @inline(__always)
    package static func foldDigit(_ byte: UInt8) -> UInt8 { byte >= 0x30 && byte <= 0x39 ? 0x30 : byte }

    /// Every match in `bytes[range]`, in order of their ends; overlapping
    /// matches are all reported.
    package func matches(in bytes: [UInt8], range: Range<Int>? = nil) -> [Match] {
        var found: [Match] = []
        scan(bytes, range: range ?? 0..<bytes.count) { match in
            found.append(match)
            return true
        }
        return found
    }

    /// The first match to end, or nil.
    package func firstMatch(in bytes: [UInt8], range: Range<Int>? = nil) -> Match? {
        var first: Match?
        scan(bytes, range: range ?? 0..<bytes.count) { match in
            first = match
            return false
        }
        return first
    }

    package func contains(in bytes: [UInt8], range: Range<Int>? = nil) -> Bool {
        firstMatch(in: bytes, range: range) != nil
    }

    /// The longest phrase that `bytes[start...]` begins with.
    package func prefixMatch(of bytes: [UInt8], at start: Int = 0) -> Match? {
        var best: Match?
        let end = min(bytes.count, start + longestPhrase)
        scan(bytes, range: start..<end) { match in
            if match.range.lowerBound == start && (best == nil || match.range.count > best!.range.count) { best = match }
            return true
        }
        return best
    }

    private func scan(_ bytes: [UInt8], range: Range<Int>, _ report: (Match) -> Bool) {
        let classCount = self.classCount
        transitions.withUnsafeBufferPointer { table in
            byteClasses.withUnsafeBufferPointer { classes in
            ends.withUnsafeBufferPointer { endsHere in
            bytes.withUnsafeBufferPointer { text in
                var state = 0
                var index = range.lowerBound
                while index < range.upperBound {
                    state = Int(table[state &* classCount &+ Int(classes[Int(text[index])])])
                    index += 1
                    if endsHere[state] {
                        for phrase in outputs[state] {
                            let start = index - phraseLengths[Int(phrase)]
                            if wholeWords && !(isBoundary(text, before: start) && isBoundary(text, at: index, limit: text.count)) {
                                continue
                            }
                            if !report(Match(phrase: Int(phrase), range: start..<index)) { return }
                        }
                    }
                }
            }
            }
            }
        }
    }

    private func isBoundary(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        guard index > 0 else { return true }
        return !isWordScalar(UTF8Scalars.decode(text, endingAt: index, start: 0).scalar)
    }

    private func isBoundary(_ text: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        index >= limit || !isWordScalar(UTF8Scalars.decode(text, at: index, end: limit).scalar)
    }

    /// ASCII letters and digits, and alphabetic scalars; not other scripts'
    /// digits or ², which `TextScalars.isLetterOrDigit` counts: a phrase
    /// ends at them ("km" in "km²"). Invalid bytes are boundaries.
    @inline(__always)
    private func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII { return TextScalars.isASCIILetterOrDigit(UInt8(scalar.value)) }
        return scalar.properties.isAlphabetic
    }
}
