import CopydeskCore
import CopydeskPolicy

/// caption-duplication: a caption (or an image's alt text) appears once.
public struct CaptionDuplicationRule: Rule {
    public static let description = RuleDescription(
        id: "caption-duplication",
        summary: "A caption must not be repeated.",
        rationale: """
            A caption printed twice, one under the other or further down the page, is a production \
            slip readers notice at once: a CMS that pasted the caption into the body, an image \
            inserted twice, a caption left over from the last version. A caption that restates a \
            body paragraph tells the reader nothing new about the picture.

            copydesk reports a caption that repeats an earlier caption or body paragraph, and a body \
            paragraph that repeats an earlier caption. With `compare-alt-text`, an image's alt text \
            is compared with the other images' captions and alt texts too; a caption identical to \
            its own image's alt text is reported only with `forbid-caption-equals-alt` (screen \
            readers read both, so some houses want them to differ). Near-duplicates count: two \
            texts are compared on their three-word sequences with case, punctuation and spacing \
            ignored, and `similarity` sets how much must be shared. The finding sits on the repeat; \
            the first occurrence is given as a related location.
            """,
        defaultSeverity: .error,
        options: [
            RepeatedText.similarityOption,
            OptionSpec("compare-alt-text", .bool, default: .bool(true),
                       "Compare images' alt texts with the other images' captions and alt texts."),
            OptionSpec("forbid-caption-equals-alt", .bool, default: .bool(false),
                       "Report a caption that repeats its own image's alt text."),
        ],
        triggering: [
            RuleExample("""
                # Storm floods Main Street

                ![Flooded street](a.jpg)
                *Water covers Main Street on Monday morning.*
                *↓Water covers Main Street on Monday morning.*

                The river crested overnight.
                """),
            RuleExample("""
                # Storm floods Main Street

                ![Flooded street](a.jpg)
                *Water covers Main Street on Monday morning.*

                The river crested overnight.

                ![Sandbags](b.jpg)
                *↓Water covers Main Street on Monday morning, the county said.*
                """, options: ["similarity": .number(0.6)]),
            RuleExample("""
                # Storm floods Main Street

                ![Volunteers fill sandbags outside the fire station on Tuesday](a.jpg)
                *Volunteers at the Port Amity fire station.*

                ![↓Volunteers fill sandbags outside the fire station on Tuesday](b.jpg)
                *The river at dawn.*
                """),
            RuleExample("""
                # Storm floods Main Street

                ![Flooded street](a.jpg "Main Street")
                *↓Flooded street*
                """, options: ["forbid-caption-equals-alt": .bool(true)]),
            RuleExample("""
                # Storm floods Main Street

                The river crested at 14 feet overnight, the highest in a decade.

                ![Flooded street](a.jpg)
                *↓The river crested at 14 feet overnight, the highest in a decade.*
                """),
            RuleExample("""
                # Storm floods Main Street

                ![Flooded street](a.jpg)
                *Water covers Main Street on Monday morning.*

                ↓Water covers Main Street on Monday morning.
                """),
            RuleExample("""
                Storm floods Main Street

                Water covers Main Street (left) on Monday morning.
                ↓Water covers Main Street (left) on Monday morning.

                The river crested overnight.
                """, format: .text),
        ],
        nonTriggering: [
            RuleExample("""
                # Storm floods Main Street

                ![Flooded street](a.jpg)
                *Water covers Main Street on Monday morning.*

                ![Sandbags](b.jpg)
                *Volunteers fill sandbags outside the fire station.*
                """),
            RuleExample("""
                # Storm floods Main Street

                ![Flooded street](a.jpg "Main Street")
                *Flooded street*
                """),
            RuleExample("""
                # Storm floods Main Street

                ![Flooded street](a.jpg)
                *Water covers Main Street on Monday morning.*

                ![Sandbags](b.jpg)
                *Water covers Main Street on Monday evening, the county said.*
                """),
            RuleExample("""
                # Storm floods Main Street

                The river crested overnight, the highest in a decade.

                The river crested overnight, the highest in a decade.
                """),
        ])

    let threshold: Double
    let compareAltText: Bool
    let forbidCaptionEqualsAlt: Bool

    public init(options: RuleOptions) {
        threshold = options.number("similarity")
        compareAltText = options.bool("compare-alt-text")
        forbidCaptionEqualsAlt = options.bool("forbid-caption-equals-alt")
    }

    public func check(_ document: Document) -> [Violation] {
        // Paragraphs matter only as partners of captions and alt texts, so
        // an article without either costs nothing to check.
        guard document.blocks.contains(where: { $0.kind == .caption || ($0.kind == .image && $0.image?.alt != nil) })
        else { return [] }
        // Alt texts take part in repeats only with compare-alt-text; without
        // it they are read against their own caption alone.
        var items: [RepeatedText] = []
        var altTextsByImage: [Int: RepeatedText] = [:]
        for (blockIndex, block) in document.blocks.enumerated() {
            switch block.kind {
            case .caption:
                items.append(RepeatedText(role: .caption, block: blockIndex, in: document))
            case .image:
                guard let alt = block.image?.alt, !alt.text.isEmpty else { continue }
                let item = RepeatedText(altText: alt, image: blockIndex)
                altTextsByImage[blockIndex] = item
                if compareAltText { items.append(item) }
            case .paragraph, .blockquote, .listItem:
                items.append(RepeatedText(role: .paragraph, block: blockIndex, in: document))
            default:
                continue
            }
        }
        let matches = NearDuplicates.earlierMatches(in: items.map(\.fingerprint), threshold: threshold)
        var violations: [Violation] = []
        for (item, matches) in zip(items, matches) {
            let ownImage = ownImageIndex(of: item, in: document)
            if item.role == .caption, forbidCaptionEqualsAlt, let image = ownImage, let alt = altTextsByImage[image],
               item.fingerprint.similarity(to: alt.fingerprint) >= threshold {
                violations.append(Violation(
                    message: "Caption \(RepeatedText.verb(item.fingerprint.similarity(to: alt.fingerprint))) its "
                        + "image's alt text (line \(alt.range(in: document).start.line)): screen readers read both. Let the alt "
                        + "text describe what the picture shows and the caption say what it means for the story.",
                    range: item.range(in: document),
                    related: [RelatedLocation(range: alt.range(in: document), message: "the image's alt text")]))
            } else if let match = matches.first(where: { comparable(item, items[$0.index], ownImage: ownImage) }) {
                violations.append(violation(item, repeats: items[match.index], similarity: match.similarity,
                                            in: document))
            }
        }
        return violations
    }

    /// The image a caption sits under.
    private func ownImageIndex(of item: RepeatedText, in document: Document) -> Int? {
        guard item.role == .caption, item.blockIndex > 0, document.blocks[item.blockIndex - 1].kind == .image else {
            return nil
        }
        return item.blockIndex - 1
    }

    /// Pairs this rule reports: a caption or alt text repeating another
    /// caption or alt text, and a caption and a paragraph repeating each
    /// other. Paragraph pairs are duplicate-paragraph's; a caption and its
    /// own image's alt text, forbid-caption-equals-alt's.
    private func comparable(_ repeated: RepeatedText, _ first: RepeatedText, ownImage: Int?) -> Bool {
        switch (repeated.role, first.role) {
        case (.paragraph, .paragraph), (.altText, .paragraph), (.paragraph, .altText):
            return false
        case (.caption, .altText):
            return first.blockIndex != ownImage
        default:
            return true
        }
    }

    private func violation(_ repeated: RepeatedText, repeats first: RepeatedText, similarity: Double,
                           in document: Document) -> Violation {
        let verb = RepeatedText.verb(similarity)
        let place = RepeatedText.place(of: first, before: repeated, in: document)
        let quoted = "“\(RepeatedText.excerpt(first.text(in: document)))”"
        let message: String
        switch (repeated.role, first.role) {
        case (.caption, .caption):
            message = "Caption \(verb) the caption \(place): \(quoted). Delete the repeat, or write a caption "
                + "for this picture."
        case (.caption, .paragraph):
            message = "Caption \(verb) the body paragraph \(place): \(quoted). A caption should say what the "
                + "picture shows, not restate the story; rewrite it."
        case (.paragraph, _):
            message = "Paragraph \(verb) the \(first.role.name) \(place): \(quoted). Delete the caption text "
                + "pasted into the body."
        case (.caption, .altText):
            message = "Caption \(verb) the alt text of another image \(place): \(quoted). Write a caption for "
                + "this picture."
        default:
            message = "Alt text \(verb) the \(first.role.name) \(place): \(quoted). Describe what this image shows."
        }
        return Violation(message: message, range: repeated.range(in: document),
                         related: [RelatedLocation(range: first.range(in: document), message: "first occurrence of the \(first.role.name)")])
    }
}
