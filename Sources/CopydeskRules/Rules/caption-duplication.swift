import CopydeskCore
import CopydeskPolicy

/// caption-duplication: a caption (or an image's alt text) appears once.
public struct CaptionDuplicationRule: Rule {
    public static let description = RuleDescription(
        id: "caption-duplication",
        summary: "A caption must not be repeated.",
        rationale: """
            A caption printed twice, one under the other, is a production slip readers notice at \
            once: a caption pasted into the body beside its picture, a caption line duplicated in the \
            CMS, an image inserted twice with its caption. A caption that repeats the paragraph \
            next to it tells the reader nothing new about the picture.

            copydesk reports a caption repeated under the same picture (or in plain text, where \
            pictures are not marked, a caption line repeated), and a caption and a body paragraph \
            that repeat each other where the paragraph stands beside the picture. Pictures are told \
            apart by what they show, not by their markup: the copies of one picture a page holds for \
            other screen sizes or a lazy loader are one picture, and decoration (icons, tracking \
            pixels, `role="presentation"`, placeholder alt text) is no picture at all.

            Some repeats are a house's choice rather than a slip, so they are options: the same \
            caption under two different pictures (`different-pictures`; a gallery or a series of \
            charts often shares one note), a caption that restates a paragraph further away \
            (`body-repeat: anywhere`; some tabloids caption pictures with lines of the story), \
            alt texts compared with other images' captions and alt texts (`compare-alt-text`), and \
            a caption identical to its own image's alt text (`forbid-caption-equals-alt`; screen \
            readers read both). Near-duplicates count: texts are compared on their three-word \
            sequences with case, punctuation and spacing ignored, and `similarity` sets how much \
            must be shared. The finding sits on the repeat; the first occurrence is a related \
            location.
            """,
        defaultSeverity: .error,
        options: [
            RepeatedText.similarityOption,
            OptionSpec("different-pictures", .bool, default: .bool(false),
                       "Report the same caption under two different pictures."),
            OptionSpec("body-repeat", .choice(["beside-picture", "anywhere", "never"]), default: .string("beside-picture"),
                       "Where a body paragraph that repeats a caption is reported: beside the caption's picture "
                           + "only, anywhere in the article, or never."),
            OptionSpec("compare-alt-text", .bool, default: .bool(false),
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
                """, options: ["similarity": .number(0.6), "different-pictures": .bool(true)]),
            RuleExample("""
                # Storm floods Main Street

                ![Volunteers fill sandbags outside the fire station on Tuesday](a.jpg)
                *Volunteers at the Port Amity fire station.*

                ![↓Volunteers fill sandbags outside the fire station on Tuesday](b.jpg)
                *The river at dawn.*
                """, options: ["compare-alt-text": .bool(true)]),
            RuleExample("""
                # Storm floods Main Street

                ![Flooded street](a.jpg)
                *Water covers Main Street on Monday morning.*

                The river crested overnight.

                ![Flooded street](a.jpg)
                *↓Water covers Main Street on Monday morning.*
                """),
            RuleExample("""
                # Storm floods Main Street

                Water covers Main Street on Monday morning, the county said in a statement.

                The river crested overnight, the highest in a decade.

                Volunteers filled sandbags at the fire station until dawn.

                ![Flooded street](a.jpg)
                *↓Water covers Main Street on Monday morning, the county said in a statement.*
                """, options: ["body-repeat": .string("anywhere")]),
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
            RuleExample("""
                # Rainfall this year

                ![Rainfall by month](rain.png)
                *Source: county weather service.*

                ![River levels by month](river.png)
                *Source: county weather service.*
                """),
            RuleExample("""
                # Storm floods Main Street

                Water covers Main Street on Monday morning, the county said in a statement.

                The river crested overnight, the highest in a decade.

                Volunteers filled sandbags at the fire station until dawn.

                ![Flooded street](a.jpg)
                *Water covers Main Street on Monday morning, the county said in a statement.*
                """),
            RuleExample("""
                # Storm floods Main Street

                ![Volunteers fill sandbags outside the fire station on Tuesday](a.jpg)
                *Volunteers at the Port Amity fire station.*

                ![Volunteers fill sandbags outside the fire station on Tuesday](b.jpg)
                *The river at dawn.*
                """),
            RuleExample("""
                <h1>Storm floods Main Street</h1>
                <figure>
                  <img src="data:image/gif;base64,R0lGOD" data-src="/photos/main-street-flood-1024x683.jpg" alt="Flooded street">
                  <figcaption class="caption--wide">Water covers Main Street on Monday morning.</figcaption>
                  <figcaption class="caption--narrow">Water covers Main Street on Monday morning.</figcaption>
                </figure>
                <p>The river crested overnight, the highest in a decade, and the county opened two shelters.</p>
                <div class="lightbox">
                  <img src="/photos/main-street-flood-400x267.jpg" alt="Flooded street">
                  <p class="caption">Water covers Main Street on Monday morning.</p>
                </div>
                <img src="/assets/share-icon.png" width="24" height="24" alt="Share on social media">
                <img src="/assets/share-icon.png" width="24" height="24" alt="Share on social media">
                """, format: .html),
        ])

    /// Where a caption and a body paragraph that repeat each other are reported.
    public enum BodyRepeat: String, Decodable, Sendable {
        case besidePicture = "beside-picture"
        case anywhere
        case never
    }

    public struct Configuration: RuleConfiguration, Hashable {
        public var similarity: Double
        public var differentPictures: Bool
        public var bodyRepeat: BodyRepeat
        public var compareAltText: Bool
        public var forbidCaptionEqualsAlt: Bool

        enum CodingKeys: String, CodingKey {
            case similarity, differentPictures = "different-pictures", bodyRepeat = "body-repeat"
            case compareAltText = "compare-alt-text", forbidCaptionEqualsAlt = "forbid-caption-equals-alt"
        }
    }

    let threshold: Double
    let differentPictures: Bool
    let bodyRepeat: BodyRepeat
    let compareAltText: Bool
    let forbidCaptionEqualsAlt: Bool

    public init(configuration: Configuration) {
        threshold = configuration.similarity
        differentPictures = configuration.differentPictures
        bodyRepeat = configuration.bodyRepeat
        compareAltText = configuration.compareAltText
        forbidCaptionEqualsAlt = configuration.forbidCaptionEqualsAlt
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
        for (position, item) in items.enumerated() {
            let ownImage = ownImageIndex(of: item, in: document)
            if item.role == .caption, forbidCaptionEqualsAlt, let image = ownImage, let alt = altTextsByImage[image],
               item.fingerprint.similarity(to: alt.fingerprint) >= threshold {
                violations.append(Violation(
                    message: "Caption \(RepeatedText.verb(item.fingerprint.similarity(to: alt.fingerprint))) its "
                        + "image's alt text (line \(alt.range(in: document).start.line)): screen readers read both. Let the alt "
                        + "text describe what the picture shows and the caption say what it means for the story.",
                    range: item.range(in: document),
                    related: [RelatedLocation(range: alt.range(in: document), message: "the image's alt text")]))
            } else if let match = matches.first(of: position, where: {
                comparable(item, items[$0.index], ownImage: ownImage, in: document)
            }) {
                violations.append(violation(item, repeats: items[match.index], similarity: match.similarity,
                                            in: document))
            }
        }
        return violations
    }

    /// The image a caption sits under: the image of its figure.
    private func ownImageIndex(of item: RepeatedText, in document: Document) -> Int? {
        guard item.role == .caption else { return nil }
        let figure = document.blocks[item.blockIndex].figure
        var index = item.blockIndex - 1
        while index >= 0 {
            let block = document.blocks[index]
            if block.kind == .image && (figure == nil || block.figure == figure) { return index }
            guard block.kind == .caption || block.kind == .chrome || block.kind == .image else { return nil }
            index -= 1
        }
        return nil
    }

    /// Pairs this rule reports: a caption repeated under the same picture,
    /// and a caption and a paragraph beside its picture repeating each
    /// other; other pairs as the options say. Paragraph pairs are
    /// duplicate-paragraph's; a caption and its own image's alt text,
    /// forbid-caption-equals-alt's.
    private func comparable(_ repeated: RepeatedText, _ first: RepeatedText, ownImage: Int?, in document: Document) -> Bool {
        switch (repeated.role, first.role) {
        case (.paragraph, .paragraph), (.altText, .paragraph), (.paragraph, .altText):
            return false
        case (.caption, .altText):
            return first.blockIndex != ownImage && !samePicture(repeated, first, in: document)
        case (.altText, .altText), (.altText, .caption):
            return !samePicture(repeated, first, in: document)
        case (.caption, .caption):
            return samePicture(repeated, first, in: document) || differentPictures
        case (.caption, .paragraph), (.paragraph, .caption):
            switch bodyRepeat {
            case .never: return false
            case .anywhere: return true
            case .besidePicture: return isAdjacent(repeated.blockIndex, first.blockIndex, in: document)
            }
        }
    }

    /// Whether two captions or alt texts belong to one picture: one figure,
    /// two images of one picture, or (where the format marks no figures, as
    /// plain text) caption lines with nothing between them.
    private func samePicture(_ one: RepeatedText, _ other: RepeatedText, in document: Document) -> Bool {
        let first = document.blocks[one.blockIndex]
        let second = document.blocks[other.blockIndex]
        if let a = first.figure, let b = second.figure {
            if a == b { return true }
            return picture(of: a, near: one.blockIndex, in: document)
                .map { $0 == picture(of: b, near: other.blockIndex, in: document) } ?? false
        }
        return isAdjacent(one.blockIndex, other.blockIndex, in: document)
    }

    /// The picture key of a figure, read from its image next to the block.
    private func picture(of figure: Int, near index: Int, in document: Document) -> String? {
        var cursor = index
        while cursor >= 0, document.blocks[cursor].figure == figure {
            if let picture = document.blocks[cursor].image?.picture { return picture }
            cursor -= 1
        }
        return nil
    }

    /// Two blocks with only pictures, captions and page furniture between
    /// them: caption lines of one picture, or a caption and the paragraph
    /// printed beside its picture.
    private func isAdjacent(_ one: Int, _ other: Int, in document: Document) -> Bool {
        let low = min(one, other)
        let high = max(one, other)
        return document.blocks[(low + 1)..<high].allSatisfy { $0.kind == .chrome || $0.kind == .image || $0.kind == .caption }
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
