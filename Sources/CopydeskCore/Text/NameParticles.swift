/// Lowercase words that stand inside people's names ("Juan de la Cruz",
/// "Ludwig van Beethoven", "Omar bin Said"), for every reader of names.
package enum NameParticles {
    /// Every particle: for text that holds names and little else (a
    /// byline, an author card's name line), where a lowercase word between
    /// capitalised ones belongs to the name.
    package static let all: Set<String> = [
        "de", "la", "le", "les", "van", "von", "der", "den", "da", "di", "del", "della", "du", "dos", "das", "do",
        "bin", "ibn", "al", "el", "ter", "ten", "y", "zu", "af", "av",
    ]

    /// The particles a name may hold inside running prose. English words
    /// among the rest ("do", "den", "y", "ten") would join a name to the
    /// words after it ("Clinton do not"), so prose readers take only these,
    /// and "St." of saints' names ("Gov. Ann St. Clair").
    package static let withinProse: Set<String> = ["de", "la", "van", "von", "der", "da", "di", "del", "bin", "al", "le", "du", "st."]
}
