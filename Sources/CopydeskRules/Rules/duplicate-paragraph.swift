import CopydeskCore
import CopydeskPolicy

/// duplicate-paragraph: a body paragraph appears once.
public struct DuplicateParagraphRule: Rule {
    public static let description = RuleDescription(
        id: "duplicate-paragraph",
        summary: "A body paragraph must not be repeated.",
        rationale: """
            A paragraph that appears twice is almost always a CMS paste gone wrong or an edit that \
            added the new version without removing the old one. Readers notice it, and a near-copy \
            can leave two versions of the same fact in print, one of them out of date.

            copydesk compares the article's paragraphs, list items and blockquotes on their \
            three-word sequences with case, punctuation and spacing ignored, so a repeat still counts \
            after a comma was changed; `similarity` sets how much must be shared. Paragraphs shorter \
            than `min-words` words ("Advertisement", "Read more") are left alone, and page furniture, \
            captions, bylines and notices are never compared (captions have caption-duplication). The \
            finding sits on the repeat; the first occurrence is given as a related location. A \
            deliberate repeat, such as a recap, is a suppression with its reason.
            """,
        defaultSeverity: .error,
        options: [
            RepeatedText.similarityOption,
            OptionSpec("min-words", .integer(1...1000), default: .integer(8),
                       "Paragraphs with fewer words are not compared."),
        ],
        triggering: [
            RuleExample("""
                # Council passes budget

                The council approved the $412 million budget shortly before midnight on Wednesday.

                Council member Ravi Desai voted against the plan.

                ↓The council approved the $412 million budget shortly before midnight on Wednesday.
                """),
            RuleExample("""
                # Council passes budget

                The plan includes:

                - $18.5 million for street repaving, up from $14 million last year
                - ↓$18.5 million for street repaving, up from $14 million last year
                """),
            RuleExample("""
                # Council passes budget

                The council approved the $412 million budget shortly before midnight on Wednesday, ending a long session.

                ↓The council approved the $412 million budget shortly before midnight on Wednesday, ending a long session that ran for six hours.
                """, options: ["similarity": .number(0.6)]),
            RuleExample("""
                Council passes budget

                The council met on Wednesday night in City Hall.

                The council approved the budget shortly before midnight on Wednesday.

                ↓The council approved the budget shortly before midnight on Wednesday.
                """, format: .text),
        ],
        nonTriggering: [
            RuleExample("""
                # Council passes budget

                The council approved the $412 million budget shortly before midnight on Wednesday.

                The council approved the $18 million repaving plan shortly after the budget vote.
                """),
            RuleExample("""
                # Council passes budget

                Read more

                The council approved the budget.

                Read more
                """),
            RuleExample("""
                # Council passes budget

                The council approved the $412 million budget shortly before midnight on Wednesday, ending a long session.

                The council approved the $412 million budget shortly before midnight on Wednesday, ending a long session that ran for six hours.
                """),
        ])

    let threshold: Double
    let minWords: Int

    public init(options: RuleOptions) {
        threshold = options.number("similarity")
        minWords = options.integer("min-words")
    }

    public func check(_ document: Document) -> [Violation] {
        let paragraphs = document.blocks.indices.compactMap { index -> RepeatedText? in
            let kind = document.blocks[index].kind
            guard kind == .paragraph || kind == .listItem || kind == .blockquote else { return nil }
            let paragraph = RepeatedText(role: .paragraph, block: index, in: document)
            return paragraph.fingerprint.wordCount >= minWords ? paragraph : nil
        }
        let matches = NearDuplicates.earlierMatches(in: paragraphs.map(\.fingerprint), threshold: threshold)
        return zip(paragraphs, matches).compactMap { paragraph, matches in
            guard let match = matches.first else { return nil }
            let first = paragraphs[match.index]
            return Violation(
                message: "Paragraph \(RepeatedText.verb(match.similarity)) the paragraph "
                    + "\(RepeatedText.place(of: first, before: paragraph, in: document)): "
                    + "“\(RepeatedText.excerpt(first.text(in: document)))”. Keep one of them and delete the other.",
                range: paragraph.range(in: document),
                related: [RelatedLocation(range: first.range(in: document), message: "first occurrence of the paragraph")])
        }
    }
}
