import CopydeskCore
import CopydeskPolicy

/// quote-balance: every quotation mark that opens closes in its paragraph,
/// and every closing mark has an opening one.
public struct QuoteBalanceRule: Rule {
    public static let description = RuleDescription(
        id: "quote-balance",
        summary: "Quotation marks must open and close in pairs.",
        rationale: """
            A quotation mark that opens and never closes leaves the reader unable to tell where the \
            speaker's words end and the reporter's begin; a closing mark with no opening one does the \
            same at the other end. Either can put words in someone's mouth, so each is reported at \
            the lonely mark.

            copydesk tells apostrophes (don’t, ’90s, students’) and primes (6'2") from quotation \
            marks. Following AP style, a quotation that runs on into the next paragraph has no \
            closing mark at the end of the first paragraph and reopens the next one with an opening \
            mark; that is not a violation. A single quotation mark is reported only when it is a \
            curly opening mark (‘) with nothing after it that could close it, since a straight or \
            closing single mark is usually an apostrophe.

            A quotation inside a quotation may use the same marks (“We named it “Pelican” then”), \
            and nested quotations that end together may share one closing mark, as guillemet copy \
            writes «Газета «Город»; neither is reported. A new sentence opening with a quotation \
            mark while one is still open is: the first quotation never closed.
            """,
        defaultSeverity: .error,
        triggering: [
            RuleExample("The mayor said ↓\"we will rebuild the bridge by spring.\n"),
            RuleExample("The mayor said we will rebuild the bridge by spring.↓”\n"),
            RuleExample("↓“The budget is balanced, the mayor said. “We are done.”\n"),
            RuleExample("“The levee held,” she said. ‘It was ↓‘close.\n"),
            RuleExample("↓“The river rose overnight.\n\nThe council met on Tuesday.\n"),
            RuleExample("Council members approved it.↓\" The vote was 5-2.\n", format: .text),
            RuleExample("# A headline with an ↓“open quote\n\nBody text.\n"),
            RuleExample("<article><h1>Bridge reopens</h1>\n<p>The mayor said: ↓&ldquo;We will rebuild it by spring.</p></article>\n",
                        format: .html),
        ],
        nonTriggering: [
            RuleExample("“We will rebuild,” the mayor said, “by spring.”\n"),
            RuleExample("Don’t forget the ’90s, when the students’ union was “radical.”\n"),
            RuleExample("The 6'2\" center and his 12\" records.\n"),
            RuleExample("“The river rose overnight.\n\n“By morning the levee held,” the engineer said.\n"),
            RuleExample("She called it ‘a good start’ and moved on.\n"),
            RuleExample("“We named the ferry “Pelican” after the bay,” the owner said.\n"),
            RuleExample("Use `\"` for inches in code.\n\n```\nprint(\"unbalanced)\n```\n"),
            RuleExample("\"The river rose overnight,\" he said.\n", format: .text),
            RuleExample("> “We are ready,” the chief said.\n"),
            RuleExample("<p>&ldquo;We will rebuild,&rdquo; the mayor said.</p>\n<nav><a href=\"/\">&ldquo;Home</a></nav>\n",
                        format: .html),
        ])

    public init(configuration: NoOptions) {}

    public func check(_ document: Document) -> [Violation] {
        document.unbalancedQuoteMarks.map { mark in
            let message: String
            switch mark.problem {
            case .neverClosed:
                let continuation = QuoteMarks.isDouble(mark.mark)
                    ? " If the quotation runs on into the next paragraph, open that paragraph with a quotation mark."
                    : ""
                message = "Quotation mark \(mark.mark) opens a quotation that never closes in this paragraph; "
                    + "add the closing mark where the quoted words end.\(continuation)"
            case .neverOpened:
                message = "Quotation mark \(mark.mark) closes a quotation that was never opened; "
                    + "add the opening mark where the quoted words begin, or remove this one."
            }
            return Violation(message: message, range: mark.range)
        }
    }
}
