/// The quotation marks copydesk reads, by their UTF-8 bytes.
public enum QuoteMarks {
    public static let straightDouble: Unicode.Scalar = "\u{22}"
    public static let straightSingle: Unicode.Scalar = "\u{27}"
    public static let leftDouble: Unicode.Scalar = "\u{201C}"
    public static let rightDouble: Unicode.Scalar = "\u{201D}"
    public static let leftSingle: Unicode.Scalar = "\u{2018}"
    public static let rightSingle: Unicode.Scalar = "\u{2019}"
    /// „ (German, also as a low opening mark in some wire copy).
    public static let lowDouble: Unicode.Scalar = "\u{201E}"
    public static let leftGuillemet: Unicode.Scalar = "\u{AB}"
    public static let rightGuillemet: Unicode.Scalar = "\u{BB}"

    public static func isQuoteScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case straightDouble, straightSingle, leftDouble, rightDouble, leftSingle, rightSingle,
             lowDouble, leftGuillemet, rightGuillemet:
            return true
        default:
            return false
        }
    }

    public static func isDouble(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case straightDouble, leftDouble, rightDouble, lowDouble, leftGuillemet, rightGuillemet: return true
        default: return false
        }
    }
}
