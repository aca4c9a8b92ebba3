/// Reads the words of a byline: who it credits, which agency, and whether
/// the line is a byline at all. Used by the text and Markdown parsers on
/// short lines, by the HTML reader on the text of byline markup, and on
/// front-matter values, so every format splits names the same way.
///
/// "By Jane Doe, John Roe and Ann Poe" credits three people; "By JANE DOE,
/// Associated Press" credits Jane Doe and an agency; "By Jane Doe, Staff
/// Writer" and "Jane Doe in Kyiv" credit Jane Doe; "By all accounts, …",
/// "By Tuesday, …" and "By contrast" are sentences, not bylines.
package enum BylineText {
    /// The people a byline credits, in order, with "By", titles ("Staff
    /// Writer"), agencies, places and dates left out; names in capitals are
    /// given in title case ("JANE DOE" → "Jane Doe"). Empty when the text
    /// names nobody ("Staff", "The Associated Press").
    package static func names(in text: String) -> [String] {
        read(text).names.map(\.text)
    }

    /// A credited person or agency and where it stands in the text read.
    package struct Credit: Sendable, Hashable {
        package var text: String
        /// UTF-8 offsets into the text read.
        package var range: Range<Int>
    }

    /// What a line says as a credit.
    package struct Reading: Sendable, Hashable {
        /// The line opens with "By" (or "Written by", "Words by", "Story by").
        package var startsWithBy = false
        package var names: [Credit] = []
        package var wireCredits: [Credit] = []
        /// A title or desk stands where a name would ("Staff", "Web Desk").
        package var hasTitle = false
        /// Some words read as a sentence, not as a credit ("all accounts",
        /// "the council met").
        package var isProse = false
        /// Every part is a name, a title, an agency, a name suffix or a date:
        /// nothing else a line without "By" could be.
        var onlyCreditParts = true
        /// A slash separates parts, as photo credits do ("Jane Doe/Reuters").
        var hasSlash = false
        var partCount = 0
        var wirePartCount = 0

        /// "By Jane Doe", "BY JANE DOE, Associated Press", "By Staff", "By
        /// The Associated Press": "By" followed by nothing but credits.
        package var isByLine: Bool {
            startsWithBy && !isProse && (!names.isEmpty || !wireCredits.isEmpty || hasTitle)
        }

        /// A credit without "By": a name with an agency or a title ("Jane
        /// Doe | Reuters", "JANE DOE, Associated Press", "Jane Doe, Staff
        /// Writer"), or an agency alone ("The Associated Press"). Only
        /// taken for a byline near the headline.
        package var isCreditLine: Bool {
            guard !startsWithBy, !isProse, onlyCreditParts, !hasSlash else { return false }
            if !names.isEmpty { return !wireCredits.isEmpty || hasTitle }
            return !wireCredits.isEmpty && wirePartCount == partCount
        }
    }

    package static func read(_ text: String) -> Reading {
        read(Array(text.utf8))
    }

    /// Reads `bytes` (one line of UTF-8) as a credit.
    package static func read(_ bytes: [UInt8]) -> Reading {
        if let signOff = readSignOff(bytes) { return signOff }
        return readCredit(bytes)
    }

    // MARK: Sign-offs

    /// The roles a wire sign-off credits, by the words before "by": the
    /// people who reported and wrote the story are its authors.
    static let authorRoles: Set<String> = [
        "reporting", "additional reporting", "reported", "writing", "written", "compiled", "additional writing",
    ]
    /// Roles a sign-off also lists that do not make an author: an editor
    /// is credited, but did not write the story.
    static let otherRoles: Set<String> = [
        "editing", "edited", "additional editing", "graphics", "photos", "photography", "video", "production",
        "produced", "translation", "translated", "research", "additional research", "fact-checking", "design",
        "illustration", "illustrations", "data", "visuals",
    ]

    /// Whether `line` opens as a sign-off ("Reporting by", "Additional
    /// reporting by", "Editing by"): the cheap test before `readSignOff`.
    package static func startsSignOff(_ line: ArraySlice<UInt8>) -> Bool {
        let head = String(decoding: line.prefix(32), as: UTF8.self).lowercased()
        guard let by = head.range(of: " by ") else { return false }
        let role = String(head[..<by.lowerBound])
        return authorRoles.contains(role) || otherRoles.contains(role)
    }

    /// "Reporting by Jane Doe and John Roe; Additional reporting by Ann
    /// Poe; Editing by Tom Hale": the wire's credit line, parts separated by
    /// semicolons, each a role, "by" and names. It names the reporters and
    /// writers; editors and other roles are left out. Nil unless every
    /// part has that shape and some part names an author.
    static func readSignOff(_ bytes: [UInt8]) -> Reading? {
        guard startsSignOff(bytes[...]) else { return nil }
        var reading = Reading()
        reading.startsWithBy = true
        var start = 0
        var anyAuthor = false
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
            defer { start = end + 1 }
            var partStart = start
            while partStart < end, bytes[partStart] == 0x20 || bytes[partStart] == 0x0A { partStart += 1 }
            guard partStart < end else { continue }
            let part = String(decoding: bytes[partStart..<end], as: UTF8.self)
            guard let by = part.range(of: " by ") else { return nil }
            let role = part[..<by.lowerBound].lowercased()
            let isAuthor = authorRoles.contains(role)
            guard isAuthor || otherRoles.contains(role) else { return nil }
            // The names after "by" are read as a "By" line is; their ranges
            // are moved back over the role words.
            let namesStart = partStart + part.utf8.distance(from: part.startIndex, to: by.upperBound)
            var names = Array(bytes[namesStart..<end])
            while names.last == UInt8(ascii: ".") || names.last == 0x20 { names.removeLast() }
            let credit = readCredit(Array("By ".utf8) + names)
            guard credit.isByLine else { return nil }
            guard isAuthor else { continue }
            let shift = namesStart - 3
            for name in credit.names {
                reading.names.append(Credit(text: name.text, range: (name.range.lowerBound + shift)..<(name.range.upperBound + shift)))
            }
            for wire in credit.wireCredits {
                reading.wireCredits.append(Credit(text: wire.text, range: (wire.range.lowerBound + shift)..<(wire.range.upperBound + shift)))
            }
            anyAuthor = anyAuthor || !credit.names.isEmpty || !credit.wireCredits.isEmpty
        }
        return anyAuthor ? reading : nil
    }

    /// A line of credits: "By" and names, or a credit without "By".
    private static func readCredit(_ bytes: [UInt8]) -> Reading {
        var tokens = tokenize(bytes)
        var reading = Reading()
        if let byEnd = byPrefixLength(tokens) {
            reading.startsWithBy = true
            tokens.removeFirst(byEnd)
            if case .separator(.colon)? = tokens.first?.kind { tokens.removeFirst() }
        }
        // Each part between separators, with the separator before it.
        var segments: [(tokens: [Token], after: Separator?)] = [([], nil)]
        var listHasAnd = false
        for token in tokens {
            switch token.kind {
            case .word:
                segments[segments.count - 1].tokens.append(token)
            case .separator(let separator):
                if separator == .slash { reading.hasSlash = true }
                if separator == .and { listHasAnd = true }
                if segments[segments.count - 1].tokens.isEmpty {
                    // "Jane Doe, and John Roe": the stronger separator counts.
                    if separator == .and { segments[segments.count - 1].after = .and }
                } else {
                    segments.append(([], separator))
                }
            }
        }
        if segments.last?.tokens.isEmpty == true { segments.removeLast() }
        // "By Ana Ruiz, Tom Hale, Li Wei": three or more parts, each a whole
        // name and nothing else, are a list of reporters even without "and";
        // a publication after a name makes two parts ("By Jane Doe, Medical Xpress").
        if segments.count >= 3, segments.dropFirst().allSatisfy({ $0.after == .comma }),
           segments.allSatisfy({ part in
               nameRunEnd(part.tokens) == part.tokens.count
                   && !part.tokens.contains { organisationWords.contains($0.folded) || wireServices.contains($0.folded) }
           }) {
            listHasAnd = true
        }

        var afterDate = false
        // Once a part names a publication or a place ("Medical Xpress"),
        // what follows is about it, not more reporters.
        var afterAffiliation = false
        var previousWasCredit = false
        for (segment, separator) in segments {
            reading.partCount += 1
            let namesBefore = reading.names.count
            let titled = reading.hasTitle
            defer {
                // "and" goes on naming people after a name or a name's title
                // ("Jane Doe, Staff Writer, and John Roe"), not after an institution.
                previousWasCredit = reading.names.count > namesBefore || (reading.hasTitle && !titled)
            }
            if afterDate || startsDate(segment) {
                // Everything after "Updated", "June 3, 2024" is the date line.
                afterDate = true
                continue
            }
            if isWire(segment[...]) {
                reading.wireCredits.append(credit(segment[...], in: bytes))
                reading.wirePartCount += 1
                continue
            }
            if segment.count == 1, let suffix = nameSuffixes[segment[0].folded] {
                if suffix, let last = reading.names.last {
                    // "Martin Luther King, Jr.": the suffix belongs to the name.
                    let range = last.range.lowerBound..<segment[0].range.upperBound
                    reading.names[reading.names.count - 1] = Credit(text: last.text + " " + segment[0].text, range: range)
                }
                continue
            }
            var rest = segment[...]
            if let end = nameRunEnd(segment) {
                let run = segment[0..<end]
                if isWire(run) {
                    reading.wireCredits.append(credit(run, in: bytes))
                    rest = segment[end...]
                } else if mayBeAnotherName(run, after: separator, namesSoFar: reading.names.count,
                                           listHasAnd: listHasAnd, startsWithBy: reading.startsWithBy,
                                           afterAffiliation: afterAffiliation || !previousWasCredit
                                               || startsOrganisation(segment, at: end)) {
                    reading.names.append(name(halved(run), in: bytes))
                    rest = segment[end...]
                }
            }
            guard !rest.isEmpty else { continue }
            if isWire(rest) {
                reading.wireCredits.append(credit(rest, in: bytes))
                continue
            }
            if startsDate(Array(rest)) { afterDate = true; continue }
            var hasTitleWord = false
            for token in rest {
                if titleWords.contains(token.folded) { hasTitleWord = true; continue }
                if token.hasDigit || token.isHandle { continue }
                if !token.isCapitalised && !connectors.contains(token.folded) {
                    reading.isProse = true
                }
            }
            if rest.contains(where: { organisationWords.contains($0.folded) }) { afterAffiliation = true }
            if hasTitleWord {
                reading.hasTitle = true
            } else if rest.startIndex == segment.startIndex || !affiliationStarts.contains(rest.first!.folded) {
                // A capitalised phrase that is neither a name nor a title
                // ("The Harbor Ledger", "PORT AMITY") fits after "By" only.
                reading.onlyCreditParts = false
                afterAffiliation = true
            }
        }
        return reading
    }

    /// Whether a name-shaped part after the first name is another reporter
    /// or the publication: "By Jane Doe, John Roe and Ann Poe" lists people,
    /// "By Justin Jackson, Medical Xpress" names a site. After a comma, a
    /// bar or a dash, only a list that ends with "and" goes on naming
    /// people, or a plain list of names without "By" (page metadata).
    private static func mayBeAnotherName(_ run: ArraySlice<Token>, after separator: Separator?, namesSoFar: Int,
                                         listHasAnd: Bool, startsWithBy: Bool, afterAffiliation: Bool) -> Bool {
        guard namesSoFar > 0 else { return true }
        if afterAffiliation || run.contains(where: { organisationWords.contains($0.folded) }) { return false }
        if separator == .and { return true }
        return listHasAnd || !startsWithBy
    }

    /// "Jeremy Schneider | NJ Advance Media": a name-shaped run that goes on
    /// with a publication's word is the start of the publication's name.
    private static func startsOrganisation(_ segment: [Token], at end: Int) -> Bool {
        guard end < segment.count else { return false }
        let next = segment[end].folded
        return organisationWords.contains(next) && !titleWords.contains(next)
    }

    /// "Angel Saunders Angel Saunders", as page markup sometimes repeats a
    /// name, is one name.
    private static func halved(_ run: ArraySlice<Token>) -> ArraySlice<Token> {
        guard run.count >= 4, run.count % 2 == 0 else { return run }
        let half = run.count / 2
        let first = run.prefix(half).map(\.folded)
        let second = run.suffix(half).map(\.folded)
        return first == second ? run.prefix(half) : run
    }

    // MARK: Names

    /// Where the name at the start of `segment` ends: two to six words that
    /// start with a capital (or an initial), with particles such as "de la"
    /// between them. Nil when the segment does not start with a name.
    static func nameRunEnd(_ segment: [Token]) -> Int? {
        guard let first = segment.first, !nonNameFirstWords.contains(first.folded) else { return nil }
        // A particle opens a name only as a capitalised given name ("Van Sias").
        if particles.contains(first.folded) {
            guard first.isCapitalised, segment.count > 1, segment[1].isCapitalised, !particles.contains(segment[1].folded)
            else { return nil }
        }
        var index = 0
        var nameWords = 0
        var end = 0
        while index < segment.count {
            let token = segment[index]
            if token.hasDigit || token.isHandle || stopWords.contains(token.folded) || titleWords.contains(token.folded)
                || affiliationStarts.contains(token.folded) || token.folded == "the" { break }
            if months.contains(token.folded), index + 1 < segment.count, segment[index + 1].hasDigit { break }
            // "Jane Doe Reuters": the agency is not a third name.
            if nameWords >= 2, wireServices.contains(token.folded) { break }
            if nameWords > 0, particles.contains(token.folded) {
                index += 1
                continue
            }
            guard token.isCapitalised, token.isNameShaped else { break }
            if nameWords >= 2 {
                // "Matt Wales News Reporter", "Craig Meyer USA TODAY": a
                // publication's word, or capitals after a name in mixed
                // case, start what comes after the name.
                if organisationWords.contains(token.folded) { break }
                let mixedSoFar = segment[0..<index].contains { $0.hasLowercase }
                if mixedSoFar && !token.hasLowercase && token.letterCount >= 2 && !romanNumerals.contains(token.folded)
                    && nameSuffixes[token.folded] == nil { break }
            }
            nameWords += 1
            end = index + 1
            index += 1
        }
        guard nameWords >= 2, nameWords <= 6 else { return nil }
        return end
    }

    private static func name(_ tokens: ArraySlice<Token>, in bytes: [UInt8]) -> Credit {
        let shouting = tokens.allSatisfy { !$0.hasLowercase || particles.contains($0.folded) }
            && tokens.contains { $0.letterCount >= 2 }
        var words: [String] = []
        var end = tokens.last!.range.upperBound
        for (position, token) in tokens.enumerated() {
            var word = token.text
            let isLast = position == tokens.count - 1
            // A period closing the line is punctuation, not an abbreviation.
            if isLast, word.hasSuffix("."), token.letterCount >= 3, nameSuffixes[token.folded] == nil {
                word.removeLast()
                end -= 1
            }
            if shouting {
                if particles.contains(token.folded) {
                    word = word.lowercased()
                } else if !romanNumerals.contains(token.folded) {
                    word = titleCased(word)
                }
            }
            words.append(word)
        }
        return Credit(text: words.joined(separator: " "), range: tokens.first!.range.lowerBound..<end)
    }

    private static func credit(_ tokens: ArraySlice<Token>, in bytes: [UInt8]) -> Credit {
        let range = tokens.first!.range.lowerBound..<tokens.last!.range.upperBound
        return Credit(text: tokens.map(\.text).joined(separator: " "), range: range)
    }

    /// "O'NEIL" → "O'Neil", "MARY-JANE" → "Mary-Jane": a capital after
    /// anything that is not a letter, small letters after letters.
    static func titleCased(_ word: String) -> String {
        var output = ""
        var afterLetter = false
        for character in word {
            if character.isLetter {
                output += afterLetter ? character.lowercased() : character.uppercased()
                afterLetter = true
            } else {
                output.append(character)
                afterLetter = false
            }
        }
        return output
    }

    // MARK: Parts

    private static func byPrefixLength(_ tokens: [Token]) -> Int? {
        guard let first = tokens.first, case .word = first.kind else { return nil }
        if first.folded == "by" { return tokens.count > 1 ? 1 : nil }
        if byLeadIns.contains(first.folded), tokens.count > 2, tokens[1].folded == "by" { return 2 }
        return nil
    }

    static func isWire(_ tokens: ArraySlice<Token>) -> Bool {
        guard !tokens.isEmpty, tokens.count <= 5 else { return false }
        var words = tokens.map(\.folded)
        if words.first == "the" { words.removeFirst() }
        return wireServices.contains(words.joined(separator: " "))
    }

    /// "Updated 3:45 p.m.", "June 3, 2024", "Published Monday".
    private static func startsDate(_ segment: [Token]) -> Bool {
        guard let first = segment.first else { return false }
        if dateStarters.contains(first.folded) || weekdays.contains(first.folded) { return true }
        if first.hasDigit { return true }
        return months.contains(first.folded) && segment.count > 1 && segment[1].hasDigit
    }

    // MARK: Tokens

    enum Separator: Equatable {
        case comma, and, pipe, slash, dash, colon, other
    }

    enum TokenKind: Equatable {
        case word
        case separator(Separator)
    }

    struct Token {
        var kind: TokenKind
        var range: Range<Int>
        var text: String
        /// Lowercased, for the word lists.
        var folded: String
        var isCapitalised: Bool
        var hasLowercase: Bool
        var hasDigit: Bool
        var letterCount: Int
        /// Only letters, marks, apostrophes, hyphens and periods.
        var isNameShaped: Bool
        var isHandle: Bool
    }

    /// Words (letters, digits, apostrophes, inner hyphens and periods) and
    /// the separators between them: commas, "and", "&", "|", "/", dashes,
    /// colons, semicolons, brackets and bullets.
    static func tokenize(_ input: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var wordStart: Int?
        var offset = 0
        // Offsets are counted over the scalars of the text, so they must be
        // the bytes' own: text that is not UTF-8 (only the library API can
        // pass it) is read up to its first invalid byte.
        let bytes = InputDecoder.firstInvalidUTF8Offset(input).map { Array(input[..<$0]) } ?? input
        let text = String(decoding: bytes, as: UTF8.self)

        func finishWord(at end: Int) {
            guard let start = wordStart else { return }
            wordStart = nil
            let word = String(decoding: bytes[start..<end], as: UTF8.self)
            if word.unicodeScalars.allSatisfy({ $0 == "-" || $0 == "." }) {
                if word.hasPrefix("-") { tokens.append(separator(.dash, start..<end)) }
                return
            }
            var letters = 0
            var capitalised = false
            var lowercase = false
            var digit = false
            var nameShaped = true
            for (index, scalar) in word.unicodeScalars.enumerated() {
                switch ScalarClass(scalar) {
                case .upper, .caseless:
                    letters += 1
                    if index == 0 { capitalised = true }
                case .lower:
                    letters += 1
                    lowercase = true
                case .digit:
                    digit = true
                    nameShaped = false
                case .mark:
                    continue
                case .other:
                    if !(scalar == "'" || scalar == "’" || scalar == "-" || scalar == ".") { nameShaped = false }
                }
            }
            tokens.append(Token(kind: .word, range: start..<end, text: word, folded: word.lowercased(),
                                isCapitalised: capitalised, hasLowercase: lowercase, hasDigit: digit,
                                letterCount: letters, isNameShaped: nameShaped && letters > 0 && !isContraction(word),
                                isHandle: word.hasPrefix("@")))
            if tokens[tokens.count - 1].folded == "and" {
                tokens[tokens.count - 1].kind = .separator(.and)
            }
        }

        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            if ScalarClass(scalar) != .other || scalar == "'" || scalar == "’" || scalar == "-" || scalar == "."
                || scalar == "@" {
                if wordStart == nil { wordStart = offset }
                continue
            }
            finishWord(at: offset)
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{A0}":
                continue
            case ",", ";":
                tokens.append(separator(.comma, offset..<offset + width))
            case "&":
                tokens.append(separator(.and, offset..<offset + width))
            case "|", "·", "•":
                tokens.append(separator(.pipe, offset..<offset + width))
            case "/":
                tokens.append(separator(.slash, offset..<offset + width))
            case "—", "–", "‒", "―":
                tokens.append(separator(.dash, offset..<offset + width))
            case ":":
                tokens.append(separator(.colon, offset..<offset + width))
            default:
                tokens.append(separator(.other, offset..<offset + width))
            }
        }
        finishWord(at: offset)
        return tokens
    }

    /// "YOU’RE", "Can't": a contraction is a word of a sentence, never of a name.
    static func isContraction(_ word: String) -> Bool {
        let folded = word.lowercased().replacingApostrophes()
        return contractionEndings.contains { folded.hasSuffix($0) && folded.count > $0.count }
    }

    static let contractionEndings = ["'re", "'ll", "'ve", "n't", "'m"]

    /// What a scalar is to a word, with ASCII answered without Unicode
    /// property lookups, which cost far more than the comparisons.
    enum ScalarClass {
        case upper, lower, caseless, digit, mark, other

        init(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value < 0x80 {
                if value &- 0x61 < 26 { self = .lower } else if value &- 0x41 < 26 { self = .upper }
                else if value &- 0x30 < 10 { self = .digit } else { self = .other }
                return
            }
            let properties = scalar.properties
            if properties.isAlphabetic {
                self = properties.isLowercase ? .lower : properties.isUppercase ? .upper : .caseless
            } else if properties.numericType != nil {
                self = .digit
            } else if properties.generalCategory == .nonspacingMark {
                self = .mark
            } else {
                self = .other
            }
        }
    }

    private static func separator(_ kind: Separator, _ range: Range<Int>) -> Token {
        Token(kind: .separator(kind), range: range, text: "", folded: "", isCapitalised: false, hasLowercase: false,
              hasDigit: false, letterCount: 0, isNameShaped: false, isHandle: false)
    }

    // MARK: Word lists (lowercase)

    /// News agencies a line may credit, without a leading "The".
    package static let wireServices: Set<String> = [
        "associated press", "ap", "ap news", "reuters", "thomson reuters", "afp", "agence france-presse",
        "agence france presse", "bloomberg", "bloomberg news", "dpa", "deutsche presse-agentur", "efe", "ansa",
        "kyodo", "kyodo news", "xinhua", "xinhua news agency", "pa", "pa media", "press association",
        "canadian press", "cp", "aap", "australian associated press", "upi", "united press international",
        "tass", "interfax", "yonhap", "anadolu", "anadolu agency", "ani", "pti", "press trust of india",
        "ians", "cnn wire", "tribune news service", "tns",
    ]

    /// Words of a job title or a desk: they end a name and, alone, credit nobody.
    static let titleWords: Set<String> = [
        "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor",
        "editors", "columnist", "contributor", "contributors", "contributing", "senior", "chief", "bureau", "desk",
        "special", "freelance", "freelancer", "photographer", "photojournalist", "journalist", "critic", "producer",
        "intern", "newsroom", "team", "admin", "administrator", "webmaster", "associate", "deputy", "managing",
        "executive", "political", "national", "foreign", "investigative", "reports", "report", "breaking",
        "data", "graphics", "culture", "entertainment", "politics", "business", "sports", "science", "health",
        "technology", "tech", "opinion", "digital", "multimedia", "visual", "visuals", "editorial",
    ]

    /// Words that make a name-shaped phrase a publication or an institution
    /// ("Medical Xpress", "Forbes India", "Daily Mail Australia").
    static let organisationWords: Set<String> = [
        "times", "news", "journal", "media", "network", "daily", "weekly", "magazine", "herald", "tribune",
        "gazette", "telegraph", "institute", "university", "college", "foundation", "association", "agency",
        "inc", "inc.", "llc", "ltd", "ltd.", "online", "mailonline", "digest", "xpress", "chronicle", "courier",
        "examiner", "enquirer", "intelligencer", "international", "radio",
        "television", "tv", "channel", "podcast", "blog", "staff", "desk",
    ]

    /// Lowercase words a credit may hold besides titles: "for The Times",
    /// "in Kyiv", "Special to the Ledger".
    static let connectors: Set<String> = ["for", "in", "at", "of", "the", "from", "on", "to", "via", "with", "a", "an"]

    /// What may follow a name to say where the reporter is or writes for.
    static let affiliationStarts: Set<String> = ["in", "for", "at", "of", "from", "on", "with", "via"]

    static var particles: Set<String> { NameParticles.all }

    /// Words that cannot open a name, though they may be capitalised at the
    /// start of a sentence: "By All accounts", "By Tuesday Night".
    static let nonNameFirstWords: Set<String> = Set([
        "the", "a", "an", "this", "that", "these", "those", "all", "our", "my", "his", "her", "their", "its", "some",
        "many", "most", "every", "each", "no", "one", "today", "tonight", "yesterday", "tomorrow", "noon",
        "midnight", "christmas", "easter", "thanksgiving", "contrast", "comparison", "far", "then", "now",
    ]).union(weekdays)

    /// Words that end a name: the start of a date or of page furniture.
    static let stopWords: Set<String> = dateStarters.union(weekdays).union([
        "follow", "email", "e-mail", "contact", "twitter", "facebook", "instagram", "linkedin", "share", "read",
        "view", "more", "see", "bio", "about", "photos", "photo", "video", "and", "by",
    ])

    static let dateStarters: Set<String> = [
        "updated", "published", "posted", "modified", "last", "originally", "first", "created", "edited",
        "reviewed", "today", "yesterday",
    ]

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
    ]

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.", "jun", "jun.", "jul",
        "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec.",
    ]

    /// Suffixes after a comma: true for the ones that are part of the name
    /// ("Jr."), false for degrees, which are left out.
    static let nameSuffixes: [String: Bool] = [
        "jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true,
        "phd": false, "ph.d.": false, "ph.d": false, "md": false, "m.d.": false, "esq": false, "esq.": false,
    ]

    static let romanNumerals: Set<String> = ["ii", "iii", "iv", "vi"]

    /// Openings that work like "By": "Written by Jane Doe".
    static let byLeadIns: Set<String> = [
        "written", "words", "story", "text", "reported", "review", "news", "analysis", "opinion", "commentary",
        "column", "essay", "feature", "interview",
    ]
}

extension String {
    /// The text with the typographic apostrophe written straight.
    fileprivate func replacingApostrophes() -> String {
        String(unicodeScalars.map { $0 == "’" ? "'" : Character($0) })
    }
}
