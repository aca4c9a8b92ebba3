/// The quotation marks copydesk reads, by their UTF-8 bytes.
package enum QuoteMarks {
    package static let straightDouble: Unicode.Scalar = "\u{22}"
    package static let straightSingle: Unicode.Scalar = "\u{27}"
    package static let leftDouble: Unicode.Scalar = "\u{201C}"
    package static let rightDouble: Unicode.Scalar = "\u{201D}"
    package static let leftSingle: Unicode.Scalar = "\u{2018}"
    package static let rightSingle: Unicode.Scalar = "\u{2019}"
    /// „ (German, also as a low opening mark in some wire copy).
    package static let lowDouble: Unicode.Scalar = "\u{201E}"
    package static let leftGuillemet: Unicode.Scalar = "\u{AB}"
    package static let rightGuillemet: Unicode.Scalar = "\u{BB}"

    package static func isQuoteScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case straightDouble, straightSingle, leftDouble, rightDouble, leftSingle, rightSingle,
             lowDouble, leftGuillemet, rightGuillemet:
            return true
        default:
            return false
        }
    }

    package static func isDouble(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case straightDouble, leftDouble, rightDouble, lowDouble, leftGuillemet, rightGuillemet: return true
        default: return false
        }
    }
}
