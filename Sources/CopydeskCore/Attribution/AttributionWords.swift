/// The closed word lists the attribution search reads prose with: the
/// words that open sentences and clauses, auxiliaries and irregular verbs,
/// pronouns and determiners, numerals, titles and the labels of forms. They
/// are English grammar, not house style: `AttributionVocabulary` holds the
/// cues and speaker nouns a policy may extend.
enum AttributionWords {
    // MARK: Openings, clauses and phrases

    /// Words that open a sentence before its subject: "On Monday, Ferrand said".
    static let leadIns: Set<String> = [
        "on", "in", "at", "after", "before", "during", "when", "while", "since", "as", "by", "for", "from",
        "meanwhile", "still", "later", "earlier", "then", "instead", "however", "moreover", "yet", "speaking",
        "asked", "last", "this", "following", "despite", "although", "though", "because", "if", "unlike", "like",
        "separately", "previously", "now", "today", "yesterday", "tuesday", "monday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "indeed", "finally", "first", "second", "also", "again", "here",
        "over", "amid", "among", "against", "through", "throughout", "within", "without", "beyond", "toward",
        "towards", "under", "with", "across", "behind", "upon", "hours", "minutes", "days", "weeks", "months",
        "years", "moments", "outside", "inside", "alongside", "shortly", "soon", "preceded", "elsewhere", "ever",
    ]

    /// Coordinating conjunctions: "and he urged", "But “…”".
    static let conjunctions: Set<String> = ["and", "but", "so", "or", "nor"]

    /// Words after which a new clause, with its own subject, begins.
    static let clauseOpeners: Set<String> = [
        "and", "but", "while", "as", "when", "after", "because", "so", "then", "before", "since", "which", "where", "whom",
    ]

    /// Words that open a subordinate clause, whose cue tells what else
    /// happened rather than who spoke: "“…,” before the board voted".
    static let subordinators: Set<String> = ["after", "before", "when", "while", "because", "since", "until", "although", "though", "whereas", "once"]

    /// Prepositions, after which a word is a noun, never a verb.
    static let prepositions: Set<String> = [
        "with", "of", "for", "from", "in", "on", "at", "about", "into", "over", "under", "among", "between", "against",
        "without", "amid", "toward", "towards", "upon", "via", "alongside", "despite", "beyond", "across", "around",
        "behind", "near", "like", "unlike",
    ]

    /// Words a speaker's description does not run across.
    static let phraseBreakers: Set<String> = [
        "in", "at", "on", "during", "after", "before", "who", "which", "that", "and", "but", "or", "as", "to",
        "for", "with", "from", "by", "than", "when", "while", "if", "because", "about", "into", "over", "under",
        "was", "were", "is", "are", "be", "been", "has", "have", "had", "not", "said", "says", "told",
    ]

    // MARK: Verbs

    /// Words that may stand between a speaker and the cue: "he also said",
    /// "Ferrand has repeatedly said", "she was quoted".
    static let auxiliaries: Set<String> = [
        "also", "later", "then", "previously", "once", "recently", "repeatedly", "has", "had", "have", "would",
        "will", "was", "were", "is", "are", "reportedly", "publicly", "privately", "earlier", "again", "further",
        "did", "does", "do", "not", "never", "quickly", "simply", "flatly", "angrily", "bluntly", "just", "often",
        "frequently", "famously", "initially", "finally", "subsequently", "first", "himself", "herself",
        "themselves", "itself", "could", "might", "may", "must", "should", "can", "even", "still", "already",
        "since", "long", "once", "sarcastically", "jokingly", "defiantly", "calmly", "simply", "bluntly",
        "tearfully", "openly", "loudly", "quietly", "proudly", "succinctly", "immediately", "being", "been",
        "only", "now", "further", "personally", "directly", "pointedly", "sharply",
    ]

    /// Auxiliaries that are finite verbs, unlike the adverbs ("later",
    /// "also") that may also stand between a subject and its verb.
    static let finiteAuxiliaries: Set<String> = [
        "has", "had", "have", "was", "were", "is", "are", "will", "would", "could", "can", "may", "might", "must",
        "should", "did", "does", "do",
    ]

    /// Irregular past forms that report speech or thought.
    static let irregularVerbs: Set<String> = [
        "thought", "felt", "knew", "saw", "made", "took", "gave", "found", "went", "came", "put", "set", "got",
        "held", "brought", "meant", "sought", "taught", "wrote", "spoke", "told", "said", "began", "rang", "sang",
        "swore", "bore", "drew", "threw", "shot", "hit", "struck", "let", "kept", "left", "sent", "lent", "built",
        "fought", "caught", "led", "read", "ran", "won", "lost", "paid", "heard", "chose", "rose", "woke",
        "gone", "taken", "given", "seen", "shown", "spoken", "sworn", "drawn", "thrown", "known", "done",
    ]

    /// "sings", "targets": a third-person present, told from plurals such as
    /// "class" and "campus" by its ending only, so callers add what they know.
    static func isPresentTense(_ lowered: String) -> Bool {
        lowered.count >= 4 && lowered.hasSuffix("s") && !lowered.hasSuffix("ss") && !lowered.hasSuffix("us")
    }

    /// Cue words that are never nouns, so "the engineer said" is a speaker
    /// and a cue, where "an implicit caution" is neither.
    static let unmistakableVerbs: Set<String> = [
        "said", "told", "wrote", "says", "tells", "writes", "asks", "adds", "argues", "insists", "explains", "warns",
        "recalls", "continues", "concludes", "spoke", "speaks", "tweets", "posts", "admits", "acknowledges",
    ]

    /// Cues followed by the listener, not the speaker: "told reporters",
    /// "asked the mayor".
    static let addressingVerbs: Set<String> = ["told", "tells", "tell", "telling", "asked", "asks", "ask", "asking", "urged", "warned", "assured", "reminded"]

    /// Cues whose noun is no speech ("the state", "this post", "an
    /// order"), told apart from the verb by the word before them.
    static let cuesWithOtherNouns: Set<String> = ["state", "post", "open", "read", "counter", "cry", "order", "charge"]

    // MARK: Pronouns and determiners

    /// Pronouns that can stand for a speaker, the relative ones included.
    static let pronouns: Set<String> = Set(["he", "she", "they", "i", "we", "you", "it", "who", "which", "one"]).union(pronounContractions)

    /// The pronouns that open a clause as its subject, contracted or not ("He's claiming").
    static let personalPronouns: Set<String> = Set(["he", "she", "they", "i", "we"]).union(pronounContractions.filter { !$0.hasPrefix("you") && !$0.hasPrefix("who") })

    /// "He's", "they've", "I'm": a pronoun and its auxiliary in one word.
    static let pronounContractions: Set<String> = Set(["he", "she", "they", "we", "i", "you", "who"].flatMap { pronoun in
        ["'s", "'re", "'ve", "'d", "'ll"].map { pronoun + $0 }
    } + ["i'm"])

    /// Quantities that speak for a group: "Several said", "Most say".
    static let quantityPronouns: Set<String> = ["several", "many", "some", "most", "both", "few", "all"]

    /// Words that open a noun phrase; a word that follows one is no verb.
    static let determiners: Set<String> = [
        "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "your", "two", "three",
        "several", "some", "many", "other", "this", "that", "these", "those", "both", "each", "every", "most",
    ]

    /// Determiners after which a word is a noun ("the report", "his call"),
    /// unlike "some said" or "others say".
    static let nounDeterminers: Set<String> = ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"]

    /// Determiners that introduce a description of a person ("the
    /// engineer", "a neighbour"), unlike possessives ("his standing").
    static let articles: Set<String> = ["the", "a", "an", "one", "another", "two", "three", "several", "some", "many", "most"]

    // MARK: Numbers and time

    /// A numeral in figures or words: "17", "thirty-one", "dozens".
    static func isNumeral(_ lowered: String) -> Bool {
        if lowered.first?.isNumber == true { return true }
        let head = lowered.split(separator: "-").first.map(String.init) ?? lowered
        return numberWords.contains(head)
    }

    /// Numbers in words, as they open a phrase of time or a quantity.
    static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousands", "dozens",
    ]

    /// Units of time after a numeral: "Thirty-one years ago, …".
    static let timeUnits: Set<String> = ["years", "months", "weeks", "days", "hours", "minutes", "decades", "year", "month", "week", "day"]

    // MARK: Names and labels

    /// A word that begins a sentence or a clause rather than a name,
    /// contractions included: "That's", "Here's", "We're", "Don't".
    static func isFunctionWord(_ lowered: String) -> Bool {
        if functionWords.contains(lowered) { return true }
        guard let apostrophe = lowered.lastIndex(of: "'") else { return false }
        let base = lowered[..<apostrophe]
        switch lowered[lowered.index(after: apostrophe)...] {
        case "re", "m", "t", "ve", "ll", "d": return base.count > 1
        case "s": return functionWords.contains(String(base)) || ["what", "who", "let", "where", "how", "why"].contains(base)
        default: return false
        }
    }

    /// Capitalised words that begin a sentence or a clause rather than a name.
    static let functionWords: Set<String> = [
        "the", "a", "an", "and", "but", "or", "so", "yet", "in", "on", "at", "as", "when", "while", "if",
        "then", "after", "before", "since", "because", "though", "although", "still", "also", "now", "later",
        "meanwhile", "however", "instead", "asked", "speaking", "writing", "for", "with", "without", "to", "of",
        "by", "from", "this", "that", "these", "those", "there", "here", "it", "we", "he", "she", "they", "i",
        "you", "his", "her", "their", "our", "my", "its", "not", "no", "yes", "mr", "mrs", "ms", "even", "only",
        "just", "more", "most", "many", "some", "all", "every", "each", "both", "few", "several", "other",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "today", "yesterday",
        "tomorrow", "last", "next", "first", "what", "why", "how", "where", "who", "which", "whether",
    ]

    /// Abbreviated titles and suffixes, which take a full stop inside a
    /// name: "Sen.", "Dr.", "Jr.".
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "adm", "maj", "prof", "rev",
        "hon", "pres", "jr", "sr", "st", "mt", "cmdr", "atty", "supt", "insp", "det",
    ]

    /// Lowercase words inside a name: "de", "van", "al".
    static var nameParticles: Set<String> { NameParticles.withinProse }

    /// Labels of a form or of page furniture ("Name: …", "Update: …"),
    /// which name no speaker.
    static let fieldLabels: Set<String> = [
        "name", "age", "city", "job", "pay", "title", "date", "location", "note", "update", "correction", "source",
        "photo", "video", "watch", "read", "related", "question", "answer", "subject", "topic", "why", "what", "where",
        "when", "how", "summary", "background", "context", "warning", "disclaimer", "credit", "credits", "caption",
    ]
}
