/// HTML articles: a CMS export or a published page as downloaded. The page
/// is read once into blocks (`HTMLBlockReader`), then understood as a whole:
/// which element holds the article's body, which blocks are furniture
/// around it, which `h1` is the headline, who wrote it. Every block, name
/// and span keeps the range of the source bytes it was read from.
enum HTMLParser {
    static func parse(_ source: SourceText) -> Document {
        var reader = HTMLBlockReader(source: source)
        reader.read()
        let metadata = HTMLPageMetadata(reader: reader, bytes: source.bytes)
        var assembler = HTMLPageAssembler(source: source, reader: reader, metadata: metadata)
        return assembler.document()
    }
}

struct HTMLPageAssembler {
    let source: SourceText
    let reader: HTMLBlockReader
    let metadata: HTMLPageMetadata
    private var raw: [HTMLRawBlock]
    private var kinds: [BlockKind]
    /// Why a block got its kind, where that was a judgement (`Block.why`).
    private var reasons: [String?]
    /// The figure each image and caption belongs to (`Block.figure`).
    private var figures: [Int?]

    init(source: SourceText, reader: HTMLBlockReader, metadata: HTMLPageMetadata) {
        self.source = source
        self.reader = reader
        self.metadata = metadata
        self.raw = reader.blocks
        self.kinds = reader.blocks.map(\.kind)
        self.reasons = Array(repeating: nil, count: reader.blocks.count)
        self.figures = Array(repeating: nil, count: reader.blocks.count)
        repairFurniture()
    }

    static let furniture: HTMLContext = [.chrome, .pageHeader, .pageFooter, .aside]

    /// A class that reads as furniture on an element that holds much of the
    /// page's prose (`<article class="comments-open">`, `<div id="main-rail">`)
    /// is a name that misleads: such elements lose their furniture role, and
    /// the blocks inside take theirs from the remaining ancestors.
    private mutating func repairFurniture() {
        let elements = reader.elements
        var total = 0
        var inside: [Int: (bytes: Int, paragraphs: Int)] = [:]
        for block in raw where block.kind == .paragraph && block.text.count >= 60 && block.linkBytes * 2 < block.text.count
            && !block.context.contains(.caption) {
            total += block.text.count
            var id = block.elementID
            while id > 0 {
                if !elements[id].own.isDisjoint(with: Self.furniture) {
                    inside[id, default: (0, 0)].bytes += block.text.count
                    inside[id, default: (0, 0)].paragraphs += 1
                }
                id = elements[id].parent
            }
        }
        // Half the page's prose in several paragraphs: an article, whatever
        // its class says; a footer's one long legal paragraph is not.
        let demoted = Set(inside.filter { $0.value.bytes * 2 >= total && $0.value.paragraphs >= 3 }.keys)
        guard !demoted.isEmpty else { return }
        for index in raw.indices where !raw[index].context.isDisjoint(with: Self.furniture) {
            var kept: HTMLContext = []
            var id = raw[index].elementID
            while id > 0 {
                if !demoted.contains(id) { kept.formUnion(elements[id].own.intersection(Self.furniture)) }
                id = elements[id].parent
            }
            raw[index].context.subtract(Self.furniture)
            raw[index].context.formUnion(kept)
        }
        demotedFurniture = demoted
    }

    private var demotedFurniture: Set<Int> = []

    /// Whether an element is furniture, after the repair above.
    private func isFurnitureElement(_ id: Int) -> Bool {
        var current = id
        while current > 0 {
            if !demotedFurniture.contains(current) && !reader.elements[current].own.isDisjoint(with: Self.furniture) {
                return true
            }
            current = reader.elements[current].parent
        }
        return false
    }

    mutating func document() -> Document {
        let bodyRange = bodyRange()
        let headline = chooseHeadline(bodyRange: bodyRange)
        classify(bodyRange: bodyRange, headline: headline)
        var bylineFinder = HTMLBylineFinder(source: source, raw: raw, kinds: kinds, metadata: metadata,
                                            headline: headline, bodyRange: bodyRange)
        let bylines = bylineFinder.find()
        for index in bylineFinder.bylineBlocks { kinds[index] = .byline }
        markTaglines(names: bylines.flatMap(\.names))

        var blocks: [Block] = []
        var order = Array(raw.indices)
        order.sort { raw[$0].range.lowerBound < raw[$1].range.lowerBound }
        for index in order {
            let block = raw[index]
            var kind = kinds[index]
            if index == headline { kind = .headline }
            var made = makeBlock(block, kind: kind)
            made.figure = figures[index]
            made.why = reasons[index]
            blocks.append(made)
        }
        var shift = 0
        if headline == nil, let title = metadata.headlines.first ?? metadata.titleElement {
            // No headline in the page's text: the one its metadata gives.
            let range = title.text.sourceRange(0..<title.text.count)
            blocks.insert(Block(kind: .headline, range: source.range(range), content: title.text, level: 1), at: 0)
            shift = 1
        }
        var position = Array(repeating: 0, count: raw.count)
        for (documentIndex, rawIndex) in order.enumerated() { position[rawIndex] = documentIndex + shift }
        var document = Document(source: source, format: .html, blocks: blocks, directives: reader.directives,
                                diagnostics: reader.diagnostics)
        document.declaredLanguage = reader.declaredLanguage.map { String(decoding: source.bytes[$0], as: UTF8.self) }
        document.bylines = bylines.map { byline in
            var placed = byline
            placed.blockIndex = byline.blockIndex.map { position[$0] }
            return placed
        }
        // A wire story whose page prints no byline credits the agency in its
        // dateline ("SANTA FE, N.M. (AP) —"), as the text formats read it.
        if !document.bylines.contains(where: { $0.blockIndex != nil }),
           let credit = BylineCollector.datelineCredit(in: document) {
            document.bylines.append(credit)
        }
        return document
    }

    /// "Jane Doe is a professor of law at …": the line about the author an
    /// opinion page prints under the headline or at the end, often both.
    /// It is about the author, not the story.
    private mutating func markTaglines(names: [String]) {
        let names = names.filter { $0.split(separator: " ").count >= 2 }
        guard !names.isEmpty else { return }
        // At the end of an opinion piece it often stands outside the body.
        for index in raw.indices where raw[index].text.count <= 400
            && (kinds[index] == .paragraph || kinds[index] == .chrome && reasons[index] == Self.outsideBody) {
            let text = raw[index].text.text
            for name in names where text.hasPrefix(name) {
                let rest = text.dropFirst(name.count)
                if Self.taglineOpenings.contains(where: { rest.hasPrefix($0) }) {
                    kinds[index] = .authorCard
                    reasons[index] = "a line about the author, \(name)"
                    break
                }
            }
        }
    }

    private static let taglineOpenings = [" is ", " was ", " has ", " writes ", ", a ", ", an ", ", the ", " (@"]

    private func makeBlock(_ block: HTMLRawBlock, kind: BlockKind) -> Block {
        var image: ImageInfo?
        if let info = block.image {
            image = ImageInfo(alt: info.alt.flatMap { span($0) }, title: info.title.flatMap { span($0) }, source: info.source,
                              picture: info.picture)
        }
        let level = kind == .headline ? 1 : block.level
        return Block(kind: kind, range: source.range(block.range), content: block.text, level: level, image: image)
    }

    private func span(_ range: Range<Int>) -> Span? {
        guard !range.isEmpty else { return nil }
        return Span(text: HTMLBlockReader.attributeText(range, in: source.bytes).text, range: source.range(range))
    }

    // MARK: The body

    /// Where the article's body is: the element whose paragraphs, and half
    /// of its children's paragraphs, carry the most prose (the measure
    /// readability tools use), together with its siblings that carry a
    /// good share too (a body split around a picture or an ad). Furniture,
    /// link lists and short lines count for nothing.
    private func bodyRange() -> Range<Int>? {
        var scores: [Int: Int] = [:]
        for block in raw where block.kind == .paragraph && isCandidateProse(block) {
            let credit = block.text.count
            let holder = reader.elements[block.elementID]
            let parent = holder.name == "p" ? block.parentElementID : block.elementID
            guard parent >= 0 else { continue }
            scores[parent, default: 0] += credit
            let grandparent = reader.elements[parent].parent
            if grandparent >= 0 { scores[grandparent, default: 0] += credit / 2 }
        }
        guard var best = scores.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { return nil }
        // A marked-up article body (`itemprop="articleBody"`, `article-body`)
        // that holds most of the best element's prose is the better bound.
        let bestScore = scores[best] ?? 0
        for (element, score) in scores where element != best && score * 10 >= bestScore * 6 {
            let record = reader.elements[element]
            if record.context.contains(.articleBody) && !reader.elements[best].context.contains(.articleBody) {
                best = element
            }
        }
        let top = reader.elements[best]
        var range = top.start..<top.end
        let threshold = (scores[best] ?? 0) / 5
        for (element, score) in scores where element != best && score >= threshold {
            let record = reader.elements[element]
            guard record.parent == top.parent, !isFurnitureElement(element) else { continue }
            range = min(range.lowerBound, record.start)..<max(range.upperBound, record.end)
        }
        return range
    }

    private func isCandidateProse(_ block: HTMLRawBlock) -> Bool {
        guard block.text.count >= 60 else { return false }
        if !block.context.isDisjoint(with: [.chrome, .pageHeader, .pageFooter, .aside, .caption, .skipped]) { return false }
        return block.linkBytes * 2 < block.text.count
    }

    // MARK: Headline

    private func chooseHeadline(bodyRange: Range<Int>?) -> Int? {
        let furniture: HTMLContext = [.chrome, .pageFooter]
        let h1s = raw.indices.filter { raw[$0].kind == .heading && raw[$0].level == 1 && raw[$0].context.isDisjoint(with: furniture) }
        let titles = (metadata.headlines + [metadata.titleElement].compactMap { $0 }).map { Self.letters($0.text.utf8) }
            .filter { !$0.isEmpty }
        func matchesTitle(_ index: Int) -> Bool {
            let text = Self.letters(raw[index].text.utf8)
            guard text.count >= 8 else { return false }
            return titles.contains { $0.starts(with: text) || text.starts(with: $0) || $0.starts(with: text.prefix(40)) }
        }
        // Pages repeat the headline (a sticky bar, a share card): the copy
        // nearest above the body is the article's.
        let matching = h1s.filter(matchesTitle)
        if let bodyRange, let nearest = matching.last(where: { raw[$0].range.lowerBound <= bodyRange.lowerBound }) {
            return nearest
        }
        if let match = matching.first { return match }
        if let bodyRange, let before = h1s.last(where: { raw[$0].range.lowerBound <= bodyRange.lowerBound
            || bodyRange.contains(raw[$0].range.lowerBound) }) {
            return before
        }
        if let first = h1s.first { return first }
        // No h1: a heading marked as the headline, or one that repeats the
        // page's title.
        let headings = raw.indices.filter { raw[$0].kind == .heading && raw[$0].context.isDisjoint(with: furniture) }
        if let marked = headings.first(where: { raw[$0].context.contains(.headlineClass) }) { return marked }
        return headings.first(where: matchesTitle)
    }

    /// Lowercased letters and digits only, for comparing a headline with
    /// the page title whatever its punctuation and site suffix.
    static func letters(_ bytes: [UInt8]) -> [UInt8] {
        String(decoding: bytes, as: UTF8.self).lowercased().unicodeScalars
            .filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .flatMap { Array(String($0).utf8) }
    }

    // MARK: Roles

    private mutating func classify(bodyRange: Range<Int>?, headline: Int?) {
        let headlineStart = headline.map { raw[$0].range.lowerBound }
        let headlineLetters = headline.map { Self.letters(raw[$0].text.utf8) }
        assignFigures()
        findPullQuotes()
        for index in raw.indices {
            let block = raw[index]
            let context = block.context
            if let copy = layoutCopies[index] {
                chrome(index, copy)
                continue
            }
            if Self.showsMarkup(block.text.utf8) {
                chrome(index, "markup printed as text: an embed code or a shortcode")
                continue
            }
            if pullQuotes.contains(index) {
                chrome(index, "a pull quote: it repeats words of the body for display")
                continue
            }
            if block.kind == .image, let info = block.image {
                if let decoration = info.decoration {
                    chrome(index, "decoration, not a picture of the story: \(decoration)")
                    continue
                }
                if block.text.count > 0, PictureIdentity.isPlaceholderText(block.text.text) {
                    chrome(index, "alt text that names no picture (a placeholder or a file name)")
                    continue
                }
            }
            let inBody = bodyRange.map { $0.contains(block.range.lowerBound) } ?? true
            let isNotice = block.kind == .paragraph || block.kind == .listItem
                ? ProseHeuristics.looksLikeNotice(block.text.utf8) : false
            if index == headline { continue }
            // The headline again (a share card, a sticky bar), a date line,
            // a lone "By" or "/" between elements: furniture around the
            // article, wherever it stands.
            if block.kind == .heading && Self.letters(block.text.utf8) == headlineLetters {
                chrome(index, "the headline again (a share card or a sticky bar)")
                continue
            }
            if isDateLine(block) { chrome(index, "a date line"); continue }
            if isBylineLabel(block) { chrome(index, "a label or separator beside the byline"); continue }
            if isPictureCredit(block) && !isNotice { chrome(index, "a picture credit, not a caption"); continue }
            if isAuthorPicture(block) { chrome(index, "the author's picture"); continue }
            if context.contains(.pageFooter) || !context.isDisjoint(with: [.chrome, .pageHeader]) {
                // A legal line in a footer stays visible to the rules that
                // look for one: copyright lines, and the sentences of terms
                // and licences footers carry (links and labels stay chrome).
                let isFooterText = context.contains(.pageFooter) && (isNotice || isSentence(block))
                if isFooterText && !context.contains(.chrome) {
                    kinds[index] = .notice
                    reasons[index] = "a legal line in the page footer"
                } else {
                    chrome(index, "page furniture: " + furnitureDescription(block))
                }
                continue
            }
            if context.contains(.summary) && (block.kind == .paragraph || block.kind == .listItem) {
                kinds[index] = .standfirst
                reasons[index] = "a summary of the story (" + furnitureDescription(block, roles: .summary) + ")"
                continue
            }
            if inBody {
                if context.contains(.aside) && (block.kind == .heading || isLinkList(block)) {
                    // An editor's note is a sentence; a headline or a row of
                    // links in an aside is a promo for another story.
                    chrome(index, "a promo for another story, set in an aside inside the body")
                } else if context.contains(.aside) {
                    kinds[index] = .notice
                    reasons[index] = "an aside inside the article body"
                } else if isNotice {
                    kinds[index] = .notice
                } else if isLinkList(block) {
                    chrome(index, "a line of links inside the article body")
                } else if isLabel(block) {
                    chrome(index, "a label of the page, not prose")
                } else if isCaptionLine(block) {
                    kinds[index] = .caption
                    reasons[index] = "a caption printed as a paragraph"
                }
                continue
            }
            // Between the headline and the body: a standfirst, the byline,
            // the lead picture and its caption.
            if let headlineStart, let bodyRange, block.range.lowerBound > headlineStart,
               block.range.lowerBound < bodyRange.lowerBound, !context.contains(.aside),
               !isLinkList(block) || !context.isDisjoint(with: HTMLContext.authorMarks) {
                continue
            }
            if bodyRange == nil && !context.contains(.aside) && !isLinkList(block) { continue }
            if isNotice {
                kinds[index] = .notice
                reasons[index] = "a notice outside the article body"
            } else {
                chrome(index, context.contains(.aside) ? "an aside outside the article body" : Self.outsideBody)
            }
        }
    }

    /// Text that is markup a reader is meant to copy or a CMS failed to
    /// expand: `<iframe src="…">` in an "Embed" box, `[caption id="…"]`.
    static func showsMarkup(_ utf8: [UInt8]) -> Bool {
        markupSigns.contains(in: utf8)
    }

    private static let markupSigns = PhraseMatcher([
        "<iframe", "<script", "<div ", "<div>", "</div>", "<blockquote", "<embed", "[caption ", "[embed]", "[/caption]",
        "[video ", "[gallery ", "{{", "}}",
    ])

    private static let outsideBody = "outside the article body"

    private mutating func chrome(_ index: Int, _ why: String) {
        kinds[index] = .chrome
        reasons[index] = why
    }

    /// The element that makes a block furniture, as a reader of the page
    /// source finds it: `<aside class="related-links">`.
    private func furnitureDescription(_ block: HTMLRawBlock,
                                      roles: HTMLContext = [.chrome, .pageHeader, .pageFooter]) -> String {
        var id = block.elementID
        while id > 0 {
            let element = reader.elements[id]
            if !demotedFurniture.contains(id) && !element.own.isDisjoint(with: roles) {
                return "inside " + describe(element)
            }
            id = element.parent
        }
        // Inline furniture (a link list's anchor) or a role on the block itself.
        return "inside " + describe(reader.elements[block.elementID])
    }

    private func describe(_ element: HTMLElementRecord) -> String {
        guard let label = element.label else { return "<\(element.name)>" }
        var value = String(decoding: source.bytes[label], as: UTF8.self)
        if value.count > 60 { value = String(value.prefix(59)) + "…" }
        return "<\(element.name) \(element.labelIsID ? "id" : "class")=\"\(value)\">"
    }

    // MARK: Figures

    /// Gives each image and caption its figure: the `figure` element around
    /// it, else, for a caption, the picture just above it, else a figure of
    /// its own. Then finds the layout copies: an image of a picture already
    /// shown, a caption already printed for the same figure or picture.
    private mutating func assignFigures() {
        var lastImageFigure: Int?
        var lastImage: Int?
        var pictureOfFigure: [Int: String] = [:]
        var firstImage: [String: Int] = [:]
        for index in raw.indices {
            let block = raw[index]
            guard block.kind == .image || block.kind == .caption else {
                if block.text.count > 0 { lastImageFigure = nil; lastImage = nil }
                continue
            }
            defer { if block.kind == .image { lastImage = index } }
            // Without an address to tell, the same alt text right after
            // itself is still one picture laid out twice.
            if block.kind == .image, block.image?.picture == nil, let previous = lastImage,
               raw[previous].text.utf8 == block.text.utf8, block.text.count > 0 {
                layoutCopies[index] = "a copy of the picture at line \(line(of: previous)), for another layout"
            }
            let figure = figureElement(of: block) ?? (block.kind == .caption ? lastImageFigure : nil)
                ?? reader.elements.count + index
            figures[index] = figure
            guard block.kind == .image else { continue }
            lastImageFigure = figure
            if let picture = block.image?.picture {
                if pictureOfFigure[figure] == nil { pictureOfFigure[figure] = picture }
                if let first = firstImage[picture] {
                    layoutCopies[index] = "a copy of the picture at line \(line(of: first)), for another layout or a lazy loader"
                } else {
                    firstImage[picture] = index
                }
            }
        }
        // Captions keyed by their text and by what they describe: a figure,
        // or the picture it shows when the address tells.
        var firstCaption: [String: Int] = [:]
        for index in raw.indices where raw[index].kind == .caption {
            guard let figure = figures[index] else { continue }
            let text = raw[index].text.text
            let keys = ["figure \(figure)\n" + text] + (pictureOfFigure[figure].map { ["picture \($0)\n" + text] } ?? [])
            if let first = keys.lazy.compactMap({ firstCaption[$0] }).first {
                layoutCopies[index] = "a copy of the caption at line \(line(of: first)), for another layout of the same picture"
            }
            for key in keys where firstCaption[key] == nil { firstCaption[key] = index }
        }
    }

    private var layoutCopies: [Int: String] = [:]

    // MARK: Pull quotes

    /// Blockquotes (and `pullquote` elements) whose words stand in a
    /// paragraph of the body: a pull quote, set large to catch the eye. It
    /// is the body's text again, by design.
    private mutating func findPullQuotes() {
        let displayed = raw.indices.filter {
            raw[$0].text.count >= 24 && (raw[$0].kind == .blockquote || raw[$0].context.contains(.pullQuote))
        }
        guard !displayed.isEmpty else { return }
        // Letters only, so the marks and spacing a display sets differently
        // do not matter. A pull quote stands near the paragraph it repeats,
        // so only its neighbours are searched, and at most a few hundred.
        var lettersOf: [Int: String] = [:]
        func letters(_ index: Int) -> String {
            if let known = lettersOf[index] { return known }
            let made = String(decoding: Self.letters(raw[index].text.utf8), as: UTF8.self)
            lettersOf[index] = made
            return made
        }
        for index in displayed.prefix(200) {
            let quoted = letters(index)
            guard quoted.utf8.count >= 20 else { continue }
            let window = max(0, index - 30)..<min(raw.count, index + 31)
            if window.contains(where: { other in
                other != index && raw[other].kind == .paragraph && !raw[other].context.contains(.pullQuote)
                    && raw[other].text.count > raw[index].text.count && letters(other).contains(quoted)
            }) {
                pullQuotes.insert(index)
            } else if raw[index].context.contains(.pullQuote) {
                pullQuotes.insert(index)
            }
        }
    }

    private var pullQuotes: Set<Int> = []

    private func line(of index: Int) -> Int {
        source.line(containing: raw[index].range.lowerBound)
    }

    private func figureElement(of block: HTMLRawBlock) -> Int? {
        var id = block.elementID
        var depth = 0
        while id > 0 && depth < 64 {
            if reader.elements[id].own.contains(.figure) { return id }
            id = reader.elements[id].parent
            depth += 1
        }
        return nil
    }

    /// "Updated: Dec. 22, 2023, 1:59 p.m.", "Dec 18, 2023 3 min read",
    /// "Published 8:00 PM EST, Tue December 19, 2023": when, not what.
    private func isDateLine(_ block: HTMLRawBlock) -> Bool {
        guard block.kind == .paragraph || block.kind == .listItem, block.text.count <= 64,
              block.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        if block.context.contains(.dateline) && block.text.count <= 48 { return true }
        return Self.dateLineStarts.prefixMatch(of: block.text.utf8) != nil
    }

    private static let dateLineStarts = PhraseMatcher([
        "updated", "published", "posted", "last updated", "modified", "first published", "jan", "feb", "mar", "apr",
        "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "january", "february", "march", "april", "june",
        "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "mon,", "tue,", "wed,", "thu,", "fri,", "sat,", "sun,",
    ], wholeWords: true)

    /// "By", "Author", "Written by:" or a lone "/" or "|" standing apart
    /// from the name it introduces, or nothing a reader reads.
    private func isBylineLabel(_ block: HTMLRawBlock) -> Bool {
        guard block.kind == .paragraph || block.kind == .caption, block.text.count <= 24 else { return false }
        let text = block.text.text
        if !text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) { return true }
        var lowered = text.lowercased()
        if lowered.hasSuffix(":") { lowered.removeLast() }
        return Self.bylineLabels.contains(lowered)
    }

    private static let bylineLabels: Set<String> = [
        "by", "author", "authors", "written by", "words by", "story by", "posted by", "reporting by", "commentary by",
        "analysis by", "opinion by", "review by", "interview by", "text by", "edited by",
    ]

    /// "Victor Virgile/Getty Images", "Photo: Reuters", "Courtesy of the
    /// family": who took a picture, not what it shows. One credit under
    /// several pictures is no repeated caption.
    private func isPictureCredit(_ block: HTMLRawBlock) -> Bool {
        guard block.kind == .paragraph || block.kind == .caption, block.text.count <= 80 else { return false }
        let words = ProseHeuristics.wordCount(block.text.utf8)
        guard words <= 8 else { return false }
        if Self.creditWords.contains(in: block.text.utf8) || Self.creditSigns.contains(in: block.text.utf8) { return true }
        // Under a picture, a word or two is its source ("AP", "Amazon",
        // "(Brand USA)"), not a caption.
        return block.kind == .caption && words <= 2
    }

    private static let creditWords = PhraseMatcher([
        "getty", "reuters", "afp", "ap", "ap photo", "shutterstock", "alamy", "istock", "courtesy", "credit", "epa",
        "pool photo", "illustrated by",
    ], wholeWords: true)

    private static let creditSigns = PhraseMatcher(["/", "©", "photo:", "image:", "photograph:", "source:", "illustration:"])

    /// An author's headshot beside the byline: not a picture of the story.
    private func isAuthorPicture(_ block: HTMLRawBlock) -> Bool {
        block.kind == .image && !block.context.isDisjoint(with: HTMLContext.authorMarks.union(.authorDetail))
    }

    /// "Advertisement", "Related:", "Link Copied!": a label of the page, not prose.
    private func isLabel(_ block: HTMLRawBlock) -> Bool {
        guard block.kind != .blockquote, block.kind != .caption, block.text.count <= 48 else { return false }
        var bytes = block.text.utf8
        if bytes.last == UInt8(ascii: ":") { bytes.removeLast() }
        return ProseHeuristics.isChrome(bytes)
    }

    /// "Jane Doe (left) and the mayor at the opening": a picture's caption
    /// printed outside a `figcaption`.
    private func isCaptionLine(_ block: HTMLRawBlock) -> Bool {
        guard block.kind == .paragraph, block.text.count <= 120 else { return false }
        return ProseHeuristics.looksLikeCaption(block.text.utf8)
    }

    /// A full sentence of prose, not a label or a link: eight words or
    /// more, ending with a full stop.
    private func isSentence(_ block: HTMLRawBlock) -> Bool {
        guard block.kind == .paragraph, block.linkBytes * 3 < block.text.count,
              let last = block.text.utf8.last, last == UInt8(ascii: ".") else { return false }
        return ProseHeuristics.wordCount(block.text.utf8) >= 8
    }

    /// A line that is mostly a link: a menu entry, a "Read more" teaser.
    private func isLinkList(_ block: HTMLRawBlock) -> Bool {
        guard block.kind == .paragraph || block.kind == .listItem || block.kind == .heading else { return false }
        return block.linkBytes * 10 >= block.text.count * 7
    }
}
