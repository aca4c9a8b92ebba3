import CopydeskCore

/// Descriptions of the rules the lint engine enforces on suppression
/// directives. Their logic lives in the engine, which sees every rule's
/// findings before deciding what a directive silenced.
public enum EngineRules {
    public static let suppressionWithoutReason = RuleDescription(
        id: "suppression-without-reason",
        summary: "A suppression must say why the rule does not apply.",
        rationale: """
            A `copydesk-disable` comment or a front-matter `disable` entry turns a check off for part \
            of an article. The reason after `--` is what a standards editor reads when reviewing the \
            exception, and it becomes the justification in SARIF. Without one, nobody can tell a \
            considered exception from a way to make the linter quiet.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("↓<!-- copydesk-disable-next-line quote-balance -->\n\"An open quote.\n"),
        ],
        nonTriggering: [
            RuleExample("<!-- copydesk-disable-next-line quote-balance -- the quote runs on in the sidebar -->\n\"An open quote.\n"),
        ])

    public static let unusedSuppression = RuleDescription(
        id: "unused-suppression",
        summary: "A suppression that silences nothing should be removed.",
        rationale: """
            A suppression left behind after the text it excused was edited hides the next real \
            problem in that place. copydesk reports a `copydesk-disable` comment or front-matter \
            entry that suppressed no finding, so exceptions stay as few as the article needs.
            """,
        defaultSeverity: .warning,
        triggering: [
            RuleExample("↓<!-- copydesk-disable-next-line quote-balance -- a leftover -->\nA balanced \"quote\" here.\n"),
        ],
        nonTriggering: [
            RuleExample("<!-- copydesk-disable-next-line quote-balance -- the quote runs on in the sidebar -->\n\"An open quote.\n"),
        ])

    public static let all: [RuleDescription] = [suppressionWithoutReason, unusedSuppression]
}
