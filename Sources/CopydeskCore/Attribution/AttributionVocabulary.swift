/// The words that credit a quotation: cues (said, told, according to) and
/// the nouns that can name a speaker without a proper name (the spokesman,
/// a White House official, the statement). Houses extend both from their
/// policy; the defaults cover American and British news English.
package struct AttributionVocabulary: Sendable {
    package let cues: [String]
    package let speakerNouns: [String]
    let cueMatcher: PhraseMatcher
    let speakerNounSet: Set<String>
    /// The one-word cues, for telling verbs apart.
    let cueWords: Set<String>

    package init(cues: [String], speakerNouns: [String]) {
        self.cues = cues
        self.speakerNouns = speakerNouns
        cueMatcher = PhraseMatcher(cues, wholeWords: true)
        speakerNounSet = Set(speakerNouns.map { $0.lowercased() })
        // A byte test: Foundation's `contains` set up its string search, a
        // measurable share of a small article's run, to look for a space.
        cueWords = Set(cues.filter { !$0.utf8.contains(0x20) }.map { $0.lowercased() })
    }

    package static let standard = AttributionVocabulary(cues: defaultCues, speakerNouns: defaultSpeakerNouns)

    /// Verbs of saying in their common forms, and the phrases wire copy uses.
    package static let defaultCues: [String] = {
        let verbs: [[String]] = [
            ["say", "says", "said", "saying"], ["tell", "tells", "told", "telling"],
            ["add", "adds", "added", "adding"], ["ask", "asks", "asked", "asking"],
            ["write", "writes", "wrote", "writing", "written"], ["post", "posts", "posted", "posting"],
            ["tweet", "tweets", "tweeted", "tweeting"], ["explain", "explains", "explained", "explaining"],
            ["note", "notes", "noted", "noting"], ["continues", "continued"],
            ["declare", "declares", "declared", "declaring"], ["state", "states", "stated", "stating"],
            ["reply", "replies", "replied", "replying"], ["respond", "responds", "responded", "responding"],
            ["argue", "argues", "argued", "arguing"], ["insist", "insists", "insisted", "insisting"],
            ["warn", "warns", "warned", "warning"], ["claim", "claims", "claimed", "claiming"],
            ["recall", "recalls", "recalled", "recalling"], ["acknowledge", "acknowledges", "acknowledged", "acknowledging"],
            ["admit", "admits", "admitted", "admitting"], ["announce", "announces", "announced", "announcing"],
            ["remarks", "remarked", "remarking"], ["concede", "concedes", "conceded", "conceding"],
            ["emphasize", "emphasizes", "emphasized", "emphasizing", "emphasise", "emphasises", "emphasised"],
            ["stress", "stresses", "stressed", "stressing"], ["joke", "jokes", "joked", "joking"],
            ["quip", "quips", "quipped"], ["complain", "complains", "complained", "complaining"],
            ["predict", "predicts", "predicted", "predicting"], ["pledge", "pledges", "pledged", "pledging"],
            ["promise", "promises", "promised", "promising"], ["vow", "vows", "vowed", "vowing"],
            ["urge", "urges", "urged", "urging"], ["suggest", "suggests", "suggested", "suggesting"],
            ["conclude", "concludes", "concluded", "concluding"], ["observe", "observes", "observed", "observing"],
            ["shout", "shouts", "shouted", "shouting"], ["chant", "chants", "chanted", "chanting"],
            ["yell", "yells", "yelled", "yelling"], ["scream", "screams", "screamed"], ["cry", "cried"],
            ["testify", "testifies", "testified", "testifying"], ["report", "reports", "reported", "reporting"],
            ["call", "calls", "called", "calling"], ["describe", "describes", "described", "describing"],
            ["accuse", "accuses", "accused", "accusing"], ["blame", "blames", "blamed", "blaming"],
            ["assure", "assures", "assured", "assuring"], ["boast", "boasts", "boasted", "boasting"],
            ["lament", "laments", "lamented", "lamenting"], ["mock", "mocks", "mocked", "mocking"],
            ["counter", "counters", "countered", "countering"], ["retort", "retorts", "retorted"],
            ["answer", "answers", "answered", "answering"], ["reiterate", "reiterates", "reiterated", "reiterating"],
            ["maintain", "maintains", "maintained"], ["contend", "contends", "contended"],
            ["assert", "asserts", "asserted", "asserting"], ["allege", "alleges", "alleged"],
            ["confirm", "confirms", "confirmed", "confirming"], ["deny", "denies", "denied", "denying"],
            ["point out", "points out", "pointed out", "pointing out"], ["went on", "goes on", "go on"],
            ["read", "reads"], ["cite", "cites", "cited", "citing"], ["quote", "quotes", "quoted", "quoting"],
            ["comment", "comments", "commented", "commenting"], ["mention", "mentions", "mentioned"],
            ["whisper", "whispers", "whispered"], ["murmur", "murmured"], ["mutter", "muttered"],
            ["exclaim", "exclaims", "exclaimed"], ["sigh", "sighed"], ["laugh", "laughed"],
            ["proclaim", "proclaims", "proclaimed"], ["wonder", "wonders", "wondered", "wondering"],
            ["demand", "demands", "demanded", "demanding"], ["charge", "charges", "charged"],
            ["blast", "blasts", "blasted", "blasting"], ["slam", "slams", "slammed", "slamming"],
            ["criticize", "criticizes", "criticized", "criticizing", "criticise", "criticised"],
            ["praises", "praised", "praising"], ["thank", "thanks", "thanked"],
            ["advise", "advises", "advised"], ["caution", "cautions", "cautioned"], ["add on"],
            ["recount", "recounts", "recounted", "recounting"], ["remind", "reminds", "reminded"],
            ["reveal", "reveals", "revealed"], ["disclose", "discloses", "disclosed"],
            ["speak", "speaks", "spoke", "speaking"], ["preach", "preached"], ["snap", "snapped"],
            ["interject", "interjected"], ["interrupt", "interrupted"], ["begin", "began"], ["open", "opened"],
            ["muse", "mused"], ["offer", "offered"], ["put it", "puts it", "putting it"],
            ["summed up", "sums up"], ["said in a statement", "says in a statement"],
            ["agree", "agrees", "agreed"], ["disagree", "disagrees", "disagreed"], ["tout", "touts", "touted", "touting"],
            ["chide", "chides", "chided", "chiding"], ["echo", "echoes", "echoed", "echoing"],
            ["confess", "confesses", "confessed", "confessing"], ["plead", "pleads", "pleaded", "pleading"],
            ["beg", "begs", "begged"], ["gush", "gushes", "gushed"], ["enthuse", "enthuses", "enthused"],
            ["marvel", "marvels", "marveled", "marvelled"], ["rave", "raves", "raved"],
        ]
        let phrases = [
            "according to", "in a statement", "in an interview", "in a tweet", "in a post", "in a letter",
            "in an email", "in an e-mail", "in remarks", "in a speech", "quoted as saying", "as saying",
            "is quoted", "was quoted", "went on to say", "told reporters", "in his words", "in her words",
            "in the words of", "in their words", "as he put it", "as she put it",
        ]
        return verbs.flatMap { $0 } + phrases
    }()

    /// Nouns that name a speaker on their own: "the spokesman said", "a
    /// senior official told", "the statement read".
    package static let defaultSpeakerNouns: [String] = [
        "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokespeople", "official", "officials", "aide",
        "aides", "adviser", "advisers", "advisor", "advisors", "source", "sources", "analyst", "analysts", "expert",
        "experts", "critic", "critics", "supporter", "supporters", "lawyer", "lawyers", "attorney", "attorneys",
        "president", "senator", "candidate", "governor", "mayor", "chairman", "chairwoman", "chair", "director",
        "leader", "leaders", "minister", "secretary", "ambassador", "diplomat", "diplomats", "officer", "officers",
        "police", "prosecutor", "prosecutors", "judge", "witness", "witnesses", "resident", "residents", "voter",
        "voters", "member", "members", "manager", "executive", "professor", "researcher", "researchers", "economist",
        "strategist", "pollster", "consultant", "operative", "donor", "activist", "activists", "protester",
        "protesters", "campaign", "committee", "group", "organization", "organisation", "agency", "department",
        "ministry", "government", "administration", "company", "firm", "newspaper", "network", "paper", "magazine",
        "outlet", "website", "statement", "report", "release", "memo", "letter", "filing", "transcript", "post",
        "tweet", "email", "e-mail", "interview", "speech", "ad", "video", "crowd", "audience", "people", "man",
        "woman", "men", "women", "father", "mother", "son", "daughter", "wife", "husband", "friend", "neighbor",
        "neighbour", "veteran", "worker", "workers", "owner", "teacher", "student", "students", "doctor",
        "nurse", "host", "anchor", "moderator", "reporter", "reporters", "correspondent", "editor", "columnist",
        "writer", "author", "historian", "scholar", "lawmaker", "lawmakers", "legislator", "congressman",
        "congresswoman", "representative", "delegate", "delegates", "nominee", "challenger", "rival",
        "opponent", "opponents", "ally", "allies", "colleague", "colleagues", "staffer", "staffers", "surrogate",
        "surrogates", "chief", "head", "founder", "ceo", "commissioner", "inspector", "investigator",
        "investigators", "authorities", "union", "party", "board", "court", "council", "survey", "poll", "study",
        "document", "documents", "note", "sign", "signs", "banner", "message", "caption", "headline", "article",
        "op-ed", "editorial", "column", "book", "blog", "account", "page", "petition", "complaint", "lawsuit",
        "indictment", "ruling", "order", "opinion", "bill", "law", "proposal", "plan", "platform", "site",
        "press", "team", "staff", "office", "white house", "kremlin", "pentagon", "front-runner", "frontrunner",
        "hopeful", "contender", "publication", "narrator", "voice", "two", "both", "percent", "majority", "plurality",
    ]
}
