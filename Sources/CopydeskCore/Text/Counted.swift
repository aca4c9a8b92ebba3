/// "1 rule", "2 rules", "0 files": every count copydesk prints goes
/// through here, so none reads "1 rules".
package enum Counted {
    /// `number` and the noun in the form the number takes; the plural is
    /// the singular with `s` unless given.
    package static func phrase(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}
