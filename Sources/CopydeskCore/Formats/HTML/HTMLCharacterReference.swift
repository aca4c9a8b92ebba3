/// HTML character references as browsers read them: named ones (the HTML 4
/// set, which covers what news CMSes write, plus the few HTML5 names they
/// use), decimal and hexadecimal ones with or without their semicolon, and
/// the Windows-1252 reading of `&#128;`–`&#159;` that old CMS exports rely
/// on for curly quotes (`&#147;` is “).
package enum HTMLCharacterReference {
    /// Where a reference stands decides how a missing semicolon is read: in
    /// an attribute value `&copy=1` is part of a URL, not ©.
    package enum Context: Sendable {
        case text
        case attribute
    }

    /// Decodes the reference that starts with `&` at `start`; returns the
    /// UTF-8 of what it stands for and the offset after it, or nil when the
    /// ampersand is just an ampersand.
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int,
                              context: Context) -> (scalar: Unicode.Scalar, second: Unicode.Scalar?, after: Int)? {
        var index = start + 1
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            return decodeNumeric(bytes, at: start, end: end)
        }
        let nameStart = index
        let limit = min(end, start + 1 + longestName)
        while index < limit, isAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        if index < end && bytes[index] == UInt8(ascii: ";") {
            if let value = lookup(bytes, nameStart..<index) {
                return (value.0, value.1, index + 1)
            }
        }
        // Without a semicolon only the legacy names count, the longest that
        // fits ("&notin" is ¬ followed by "in"), and in an attribute not
        // when a letter, digit or `=` follows.
        var length = min(index - nameStart, longestLegacyName)
        while length >= 2 {
            let nameEnd = nameStart + length
            if let value = lookup(bytes, nameStart..<nameEnd), isLegacy(bytes, nameStart..<nameEnd) {
                if context == .attribute, nameEnd < end,
                   isAlphanumeric(bytes[nameEnd]) || bytes[nameEnd] == UInt8(ascii: "=") {
                    return nil
                }
                return (value.0, value.1, nameEnd)
            }
            length -= 1
        }
        return nil
    }

    /// The same, on an array: for attribute values and JSON strings.
    package static func decode(_ bytes: [UInt8], at start: Int, end: Int,
                              context: Context) -> (utf8: [UInt8], after: Int)? {
        bytes.withUnsafeBufferPointer { buffer in
            decode(buffer, at: start, end: end, context: context).map { found in
                var text = String(found.scalar)
                if let second = found.second { text.unicodeScalars.append(second) }
                return (Array(text.utf8), found.after)
            }
        }
    }

    private static func decodeNumeric(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int,
                                      end: Int) -> (scalar: Unicode.Scalar, second: Unicode.Scalar?, after: Int)? {
        var index = start + 2
        var hex = false
        if index < end && (bytes[index] | 0x20) == UInt8(ascii: "x") {
            hex = true
            index += 1
        }
        let digitsStart = index
        var value: UInt32 = 0
        while index < end {
            let byte = bytes[index]
            let digit: UInt32
            if byte >= 0x30 && byte <= 0x39 {
                digit = UInt32(byte - 0x30)
            } else if hex, (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x66 {
                digit = UInt32((byte | 0x20) - 0x61 + 10)
            } else {
                break
            }
            // Past U+10FFFF the value is replaced anyway; stop it overflowing.
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < end && bytes[index] == UInt8(ascii: ";") { index += 1 }
        return (scalar(forCodePoint: value), nil, index)
    }

    /// What a numeric reference stands for, with HTML's replacements: NUL,
    /// surrogates and values past U+10FFFF become U+FFFD, and the C1 range
    /// is read as Windows-1252.
    static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value <= 0x9F, let mapped = windows1252[value] {
            return mapped
        }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰",
        0x8A: "Š", 0x8B: "‹", 0x8C: "Œ", 0x8E: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•",
        0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9A: "š", 0x9B: "›", 0x9C: "œ", 0x9E: "ž", 0x9F: "Ÿ",
    ]

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Unicode.Scalar, Unicode.Scalar?)? {
        guard range.count <= longestName else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard let text = named[name] else { return nil }
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return nil }
        return (first, scalars.next())
    }

    private static func isLegacy(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        legacy.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }

    static let longestName = named.keys.map(\.utf8.count).max() ?? 8
    static let longestLegacyName = legacy.map(\.utf8.count).max() ?? 6

    /// Names HTML still reads without a semicolon (the HTML 3.2 / Latin-1 set).
    static let legacy: Set<String> = [
        "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil", "ETH",
        "Eacute", "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde",
        "Oacute", "Ocirc", "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN", "Uacute", "Ucirc",
        "Ugrave", "Uuml", "Yacute", "aacute", "acirc", "acute", "aelig", "agrave", "amp", "aring", "atilde",
        "auml", "brvbar", "ccedil", "cedil", "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc",
        "egrave", "eth", "euml", "frac12", "frac14", "frac34", "gt", "iacute", "icirc", "iexcl", "igrave",
        "iquest", "iuml", "laquo", "lt", "macr", "micro", "middot", "nbsp", "not", "ntilde", "oacute", "ocirc",
        "ograve", "ordf", "ordm", "oslash", "otilde", "ouml", "para", "plusmn", "pound", "quot", "raquo",
        "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn", "times", "uacute", "ucirc", "ugrave",
        "uml", "uuml", "yacute", "yen", "yuml",
    ]

    /// The HTML 4 entities, and the HTML5 names that news pages use.
    static let named: [String: String] = [
        // Markup-significant and typographic
        "amp": "&", "AMP": "&", "lt": "<", "LT": "<", "gt": ">", "GT": ">", "quot": "\"", "QUOT": "\"",
        "apos": "'", "nbsp": "\u{A0}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "hairsp": "\u{200A}", "numsp": "\u{2007}", "puncsp": "\u{2008}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "lrm": "\u{200E}", "rlm": "\u{200F}", "shy": "\u{AD}", "ndash": "–", "mdash": "—", "horbar": "―",
        "dash": "‐", "hyphen": "‐", "lsquo": "‘", "rsquo": "’", "rsquor": "’", "sbquo": "‚", "ldquo": "“",
        "rdquo": "”", "rdquor": "”", "bdquo": "„", "lsaquo": "‹", "rsaquo": "›", "laquo": "«", "raquo": "»",
        "dagger": "†", "Dagger": "‡", "permil": "‰", "hellip": "…", "mldr": "…", "bull": "•", "bullet": "•",
        "prime": "′", "Prime": "″", "oline": "‾", "frasl": "⁄", "NewLine": "\n", "Tab": "\t",
        "colon": ":", "comma": ",", "period": ".", "excl": "!", "quest": "?", "num": "#", "dollar": "$",
        "percnt": "%", "lpar": "(", "rpar": ")", "ast": "*", "plus": "+", "sol": "/", "bsol": "\\",
        "semi": ";", "equals": "=", "commat": "@", "lsqb": "[", "rsqb": "]", "lbrack": "[", "rbrack": "]",
        "lowbar": "_", "grave": "`", "lcub": "{", "rcub": "}", "lbrace": "{", "rbrace": "}", "verbar": "|",
        "vert": "|", "Hat": "^", "tilde": "˜", "circ": "ˆ", "nbhy": "\u{2011}", "wj": "\u{2060}",
        // Latin-1
        "iexcl": "¡", "cent": "¢", "pound": "£", "curren": "¤", "yen": "¥", "brvbar": "¦", "sect": "§",
        "uml": "¨", "copy": "©", "COPY": "©", "ordf": "ª", "not": "¬", "reg": "®", "REG": "®", "macr": "¯",
        "deg": "°", "plusmn": "±", "sup2": "²", "sup3": "³", "acute": "´", "micro": "µ", "para": "¶",
        "middot": "·", "cedil": "¸", "sup1": "¹", "ordm": "º", "frac14": "¼", "frac12": "½",
        "half": "½", "frac34": "¾", "iquest": "¿", "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã",
        "Auml": "Ä", "Aring": "Å", "AElig": "Æ", "Ccedil": "Ç", "Egrave": "È", "Eacute": "É", "Ecirc": "Ê",
        "Euml": "Ë", "Igrave": "Ì", "Iacute": "Í", "Icirc": "Î", "Iuml": "Ï", "ETH": "Ð", "Ntilde": "Ñ",
        "Ograve": "Ò", "Oacute": "Ó", "Ocirc": "Ô", "Otilde": "Õ", "Ouml": "Ö", "times": "×", "Oslash": "Ø",
        "Ugrave": "Ù", "Uacute": "Ú", "Ucirc": "Û", "Uuml": "Ü", "Yacute": "Ý", "THORN": "Þ", "szlig": "ß",
        "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã", "auml": "ä", "aring": "å", "aelig": "æ",
        "ccedil": "ç", "egrave": "è", "eacute": "é", "ecirc": "ê", "euml": "ë", "igrave": "ì", "iacute": "í",
        "icirc": "î", "iuml": "ï", "eth": "ð", "ntilde": "ñ", "ograve": "ò", "oacute": "ó", "ocirc": "ô",
        "otilde": "õ", "ouml": "ö", "divide": "÷", "oslash": "ø", "ugrave": "ù", "uacute": "ú", "ucirc": "û",
        "uuml": "ü", "yacute": "ý", "thorn": "þ", "yuml": "ÿ",
        // Latin Extended
        "OElig": "Œ", "oelig": "œ", "Scaron": "Š", "scaron": "š", "Yuml": "Ÿ", "fnof": "ƒ", "Zcaron": "Ž",
        "zcaron": "ž", "Ccaron": "Č", "ccaron": "č", "Cacute": "Ć", "cacute": "ć", "Lstrok": "Ł",
        "lstrok": "ł", "Nacute": "Ń", "nacute": "ń", "Sacute": "Ś", "sacute": "ś", "Zacute": "Ź",
        "zacute": "ź", "Zdot": "Ż", "zdot": "ż", "Rcaron": "Ř", "rcaron": "ř", "Ecaron": "Ě", "ecaron": "ě",
        "gbreve": "ğ", "Gbreve": "Ğ", "scedil": "ş", "Scedil": "Ş", "inodot": "ı", "imath": "ı",
        "Idot": "İ", "abreve": "ă", "Abreve": "Ă", "aogon": "ą", "Aogon": "Ą", "eogon": "ę", "Eogon": "Ę",
        "dstrok": "đ", "Dstrok": "Đ", "ncaron": "ň", "tcaron": "ť", "uring": "ů", "Uring": "Ů",
        "odblac": "ő", "Odblac": "Ő", "udblac": "ű", "Udblac": "Ű", "amacr": "ā", "emacr": "ē",
        "imacr": "ī", "omacr": "ō", "umacr": "ū",
        // Greek
        "Alpha": "Α", "Beta": "Β", "Gamma": "Γ", "Delta": "Δ", "Epsilon": "Ε", "Zeta": "Ζ", "Eta": "Η",
        "Theta": "Θ", "Iota": "Ι", "Kappa": "Κ", "Lambda": "Λ", "Mu": "Μ", "Nu": "Ν", "Xi": "Ξ",
        "Omicron": "Ο", "Pi": "Π", "Rho": "Ρ", "Sigma": "Σ", "Tau": "Τ", "Upsilon": "Υ", "Phi": "Φ",
        "Chi": "Χ", "Psi": "Ψ", "Omega": "Ω", "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ",
        "epsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ",
        "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "rho": "ρ", "sigmaf": "ς", "sigma": "σ",
        "tau": "τ", "upsilon": "υ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "thetasym": "ϑ",
        "upsih": "ϒ", "piv": "ϖ",
        // Letterlike, arrows, mathematics, shapes
        "weierp": "℘", "image": "ℑ", "real": "ℜ", "trade": "™", "TRADE": "™", "alefsym": "ℵ", "larr": "←",
        "uarr": "↑", "rarr": "→", "darr": "↓", "harr": "↔", "crarr": "↵", "lArr": "⇐", "uArr": "⇑",
        "rArr": "⇒", "dArr": "⇓", "hArr": "⇔", "forall": "∀", "part": "∂", "exist": "∃", "empty": "∅",
        "nabla": "∇", "isin": "∈", "notin": "∉", "ni": "∋", "prod": "∏", "sum": "∑", "minus": "−",
        "lowast": "∗", "radic": "√", "prop": "∝", "infin": "∞", "ang": "∠", "and": "∧", "or": "∨",
        "cap": "∩", "cup": "∪", "int": "∫", "there4": "∴", "sim": "∼", "cong": "≅", "asymp": "≈",
        "ne": "≠", "equiv": "≡", "le": "≤", "ge": "≥", "sub": "⊂", "sup": "⊃", "nsub": "⊄", "sube": "⊆",
        "supe": "⊇", "oplus": "⊕", "otimes": "⊗", "perp": "⊥", "sdot": "⋅", "lceil": "⌈", "rceil": "⌉",
        "lfloor": "⌊", "rfloor": "⌋", "lang": "⟨", "rang": "⟩", "loz": "◊", "spades": "♠", "clubs": "♣",
        "hearts": "♥", "diams": "♦", "euro": "€", "check": "✓", "cross": "✗", "star": "☆",
        "starf": "★", "phone": "☎", "female": "♀", "male": "♂", "sharp": "♯", "flat": "♭", "natur": "♮",
        "frac13": "⅓", "frac23": "⅔", "frac15": "⅕", "frac18": "⅛", "frac38": "⅜", "frac58": "⅝",
        "frac78": "⅞", "ohm": "Ω", "angst": "Å", "incare": "℅", "numero": "№", "copysr": "℗",
        "centerdot": "·",
    ]
}
