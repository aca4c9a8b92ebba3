/// Markdown articles: YAML front matter, ATX and setext headings,
/// paragraphs, images with alt text and title, captions (an italic line or a
/// `<figcaption>` right under an image), blockquotes, lists and HTML
/// comments. Fenced and indented code is left out of the document: code is
/// never linted.
enum MarkdownParser {
    static func parse(_ source: SourceText) -> Document {
        var parser = MarkdownBlockParser(source: source)
        parser.run()
        // Taken from the parser, not shared with it: the parser is read
        // below, and while it held the list too the first change to a
        // block copied every block.
        var blocks: [Block] = []
        swap(&blocks, &parser.blocks)
        // The headline is the first level-1 heading, else the front matter's title.
        var headline: Int?
        if let first = blocks.firstIndex(where: { $0.kind == .heading && $0.level == 1 }) {
            blocks[first].kind = .headline
            headline = first
        } else if let title = parser.frontMatterTitle {
            blocks.insert(title, at: 0)
            headline = 0
        }
        BylineBlocks.markBylines(&blocks, headline: headline)
        BylineBlocks.markAuthorCards(&blocks)
        for index in blocks.indices where blocks[index].kind == .paragraph
            && ProseHeuristics.looksLikeNotice(blocks[index].content.utf8) {
            blocks[index].kind = .notice
        }
        var document = Document(source: source, format: .markdown, blocks: blocks, frontMatter: parser.frontMatter,
                                directives: parser.directives, diagnostics: parser.diagnostics)
        BylineCollector.collect(&document)
        return document
    }
}

struct MarkdownBlockParser {
    let source: SourceText
    let bytes: [UInt8]
    var blocks: [Block] = []
    var directives: [SuppressionDirective] = []
    var diagnostics: [ParseDiagnostic] = []
    var frontMatter: FrontMatter?
    var frontMatterTitle: Block?

    /// Lines of the paragraph being read: content ranges without
    /// indentation, blockquote markers or trailing white space.
    private var paragraph: [Range<Int>] = []
    private var paragraphKind: BlockKind = .paragraph
    /// Content indentation of the list item being read, if any.
    private var listIndent: Int?
    private var previousLineBlank = true
    /// The last block was an image, so an italic line after it is its caption.
    private var afterImage = false

    init(source: SourceText) {
        self.source = source
        self.bytes = source.bytes
    }

    private struct LineInfo {
        var range: Range<Int>
        /// Width of the leading white space, tabs to the next multiple of 4.
        var indent: Int
        /// First byte after the leading white space.
        var contentStart: Int
        var isBlank: Bool { contentStart >= range.upperBound }
    }

    private func info(_ line: Int) -> LineInfo {
        let range = source.lineByteRange(line)
        var index = range.lowerBound
        var width = 0
        while index < range.upperBound {
            if bytes[index] == 0x20 { width += 1 } else if bytes[index] == 0x09 { width += 4 - width % 4 } else { break }
            index += 1
        }
        var upper = range.upperBound
        while upper > index && (bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09) { upper -= 1 }
        return LineInfo(range: range.lowerBound..<upper, indent: width, contentStart: index)
    }

    mutating func run() {
        var line = 1
        if let after = readFrontMatter() { line = after }
        while line <= source.lineCount {
            line = readLine(line)
        }
        flushParagraph()
    }

    /// Reads the block construct that starts on `line`; returns the next line to read.
    private mutating func readLine(_ line: Int) -> Int {
        let current = info(line)
        if current.isBlank {
            flushParagraph()
            previousLineBlank = true
            return line + 1
        }
        defer { previousLineBlank = false }
        let content = current.contentStart..<current.range.upperBound
        let first = bytes[current.contentStart]

        if current.indent >= 4 {
            if let listIndent, current.indent >= listIndent, previousLineBlank || !paragraph.isEmpty {
                startOrContinueParagraph(content, kind: .listItem)
                return line + 1
            }
            if paragraph.isEmpty {
                return skipIndentedCode(from: line)
            }
            paragraph.append(content)
            return line + 1
        }
        if previousLineBlank, let listIndent, current.indent < listIndent, listMarker(content) == nil {
            self.listIndent = nil
        }
        if let fence = fenceOpening(content) {
            flushParagraph()
            return skipFencedCode(from: line, fence: fence)
        }
        if first == UInt8(ascii: "<") {
            if startsWith(content, "<!--") {
                flushParagraph()
                return readComment(from: line, start: current.contentStart)
            }
            if let tag = htmlBlockTag(content) {
                flushParagraph()
                return readHTMLBlock(from: line, tag: tag)
            }
        }
        if !paragraph.isEmpty, paragraphKind == .paragraph, let level = setextLevel(content) {
            finishParagraph(as: .heading, level: level, extending: current.range.upperBound)
            return line + 1
        }
        if isThematicBreak(content) {
            flushParagraph()
            afterImage = false
            return line + 1
        }
        if first == UInt8(ascii: "#"), let (level, text) = atxHeading(content) {
            flushParagraph()
            emitInline(lines: text.isEmpty ? [] : [text], kind: .heading, level: level, whole: content)
            afterImage = false
            return line + 1
        }
        if first == UInt8(ascii: ">") {
            flushParagraph()
            return readBlockquote(from: line)
        }
        if let marker = listMarker(content), paragraph.isEmpty || marker.canInterruptParagraph {
            flushParagraph()
            listIndent = current.indent + marker.width
            startOrContinueParagraph(content.lowerBound + marker.width..<content.upperBound, kind: .listItem,
                                     blockStart: content.lowerBound)
            return line + 1
        }
        if paragraph.isEmpty {
            startOrContinueParagraph(content, kind: listIndent != nil && !previousLineBlank ? .listItem : .paragraph)
        } else {
            paragraph.append(content)
        }
        return line + 1
    }

    // MARK: Paragraphs

    private var paragraphBlockStart: Int?

    private mutating func startOrContinueParagraph(_ content: Range<Int>, kind: BlockKind, blockStart: Int? = nil) {
        if !paragraph.isEmpty && paragraphKind == kind && !previousLineBlank {
            paragraph.append(content)
            return
        }
        flushParagraph()
        paragraphKind = kind
        paragraphBlockStart = blockStart
        var start = content.lowerBound
        while start < content.upperBound && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        paragraph = [start..<content.upperBound]
    }

    private mutating func flushParagraph() {
        guard !paragraph.isEmpty else { return }
        finishParagraph(as: paragraphKind, level: 0, extending: nil)
    }

    private mutating func finishParagraph(as kind: BlockKind, level: Int, extending end: Int?) {
        var lines = paragraph
        let blockStart = paragraphBlockStart ?? lines[0].lowerBound
        paragraph = []
        paragraphBlockStart = nil
        if kind == .paragraph || kind == .listItem {
            // An image on a line of its own, possibly with its caption under it.
            if let image = imageLine(lines[0]) {
                emitImage(image, whole: lines[0])
                lines.removeFirst()
                if let caption = lines.first, isItalicLine(caption) {
                    emitInline(lines: [caption], kind: .caption, level: 0, whole: caption)
                    lines.removeFirst()
                    afterImage = false
                }
                guard !lines.isEmpty else { return }
            } else if afterImage, lines.count == 1, isItalicLine(lines[0]) {
                emitInline(lines: lines, kind: .caption, level: 0, whole: lines[0])
                afterImage = false
                return
            }
        }
        let whole = min(blockStart, lines[0].lowerBound)..<(end ?? lines[lines.count - 1].upperBound)
        emitInline(lines: lines, kind: kind, level: level, whole: whole)
        afterImage = false
    }

    /// Builds a block from its raw lines: joined with line breaks, then
    /// stripped of inline markup.
    private mutating func emitInline(lines: [Range<Int>], kind: BlockKind, level: Int, whole: Range<Int>) {
        var raw = MappedText()
        for (index, line) in lines.enumerated() {
            if index > 0 { raw.appendReplacement([0x0A], for: lines[index - 1].upperBound..<line.lowerBound) }
            raw.appendVerbatim(line, of: bytes)
        }
        let (text, codeRanges) = MarkdownInline.render(raw)
        guard !text.isEmpty || kind == .heading else { return }
        blocks.append(Block(kind: kind, range: source.range(whole), content: text, codeRanges: codeRanges, level: level,
                            figure: kind == .caption ? figureAbove : nil))
    }

    /// The figure of an image or caption block just above: a caption under
    /// it belongs to the same picture.
    private var figureAbove: Int? {
        guard let last = blocks.last, last.kind == .image || last.kind == .caption else { return nil }
        return last.figure
    }

    // MARK: Images and captions

    private struct ImageMarkup {
        var alt: Range<Int>
        var destination: Range<Int>
        var title: Range<Int>?
    }

    /// A line that is only an image, `![alt](src "title")`, or an image
    /// wrapped in a link.
    private func imageLine(_ line: Range<Int>) -> ImageMarkup? {
        var start = line.lowerBound
        var end = line.upperBound
        if startsWith(start..<end, "[![") {
            // [![alt](src)](href): look at the inner image.
            start += 1
            guard let close = lastIndex(of: UInt8(ascii: "]"), in: start..<end) else { return nil }
            end = close
        }
        guard startsWith(start..<end, "![") else { return nil }
        var depth = 0
        var index = start + 1
        var altEnd: Int?
        while index < end {
            if bytes[index] == UInt8(ascii: "[") { depth += 1 }
            if bytes[index] == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { altEnd = index; break }
            }
            index += 1
        }
        guard let altEnd, altEnd + 1 < end, bytes[altEnd + 1] == UInt8(ascii: "("), bytes[end - 1] == UInt8(ascii: ")") else { return nil }
        var destinationStart = altEnd + 2
        while destinationStart < end - 1 && bytes[destinationStart] == 0x20 { destinationStart += 1 }
        var destinationEnd = destinationStart
        while destinationEnd < end - 1 && bytes[destinationEnd] != 0x20 { destinationEnd += 1 }
        var title: Range<Int>?
        var titleStart = destinationEnd
        while titleStart < end - 1 && bytes[titleStart] == 0x20 { titleStart += 1 }
        if titleStart < end - 1, bytes[titleStart] == UInt8(ascii: "\"") || bytes[titleStart] == UInt8(ascii: "'") {
            var titleEnd = end - 1
            while titleEnd > titleStart && bytes[titleEnd - 1] == 0x20 { titleEnd -= 1 }
            if titleEnd - titleStart >= 2 && bytes[titleEnd - 1] == bytes[titleStart] {
                title = titleStart + 1..<titleEnd - 1
            }
        }
        return ImageMarkup(alt: start + 2..<altEnd, destination: destinationStart..<destinationEnd, title: title)
    }

    private mutating func emitImage(_ image: ImageMarkup, whole: Range<Int>) {
        let alt = image.alt.isEmpty ? nil : span(image.alt)
        let title = image.title.flatMap { $0.isEmpty ? nil : span($0) }
        let info = ImageInfo(alt: alt, title: title, source: source.string(image.destination))
        let content = MarkdownInline.render(MappedText(verbatim: image.alt, of: bytes)).text
        blocks.append(Block(kind: .image, range: source.range(whole), content: content, image: info, figure: blocks.count))
        afterImage = true
    }

    private func span(_ range: Range<Int>) -> Span {
        Span(text: MarkdownInline.render(MappedText(verbatim: range, of: bytes)).text.text, range: source.range(range))
    }

    /// `*A caption.*` or `_A caption._` (or bold) filling the whole line.
    private func isItalicLine(_ line: Range<Int>) -> Bool {
        guard line.count >= 3 else { return false }
        let first = bytes[line.lowerBound]
        let last = bytes[line.upperBound - 1]
        guard first == last, first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else { return false }
        return bytes[line.lowerBound + 1] != 0x20 && bytes[line.upperBound - 2] != 0x20
    }

    // MARK: Front matter

    /// Front matter: `---` on the first line, YAML, then `---` or `...`.
    private mutating func readFrontMatter() -> Int? {
        guard source.lineCount >= 2, source.lineText(1).trimmingASCIIWhitespace() == "---" else { return nil }
        var closing: Int?
        for line in 2...source.lineCount {
            let text = source.lineText(line)
            if text == "---" || text == "..." { closing = line; break }
        }
        guard let closing else { return nil }
        let yamlRange = source.lineStarts[1]..<(closing > 2 ? source.lineByteRange(closing - 1).upperBound : source.lineStarts[1])
        let whole = source.lineStarts[0]..<source.lineByteRange(closing).upperBound
        var reader = FrontMatterReader(source: source, yamlRange: yamlRange, firstLine: 2)
        if let entries = reader.read() {
            frontMatter = FrontMatter(entries: entries, range: source.range(whole))
            for entry in entries {
                addFrontMatterBlocks(entry)
            }
            directives.append(contentsOf: reader.directives)
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        return closing + 1
    }

    private mutating func addFrontMatterBlocks(_ entry: FrontMatterEntry) {
        for value in entry.value.strings {
            var content = MappedText()
            content.appendReplacement(Array(value.text.utf8), for: value.range.byteRange)
            blocks.append(Block(kind: .frontMatterField, range: SourceRange(start: entry.key.range.start, end: value.range.end),
                                content: content, key: entry.key.text))
            if entry.key.text == "title" && frontMatterTitle == nil {
                frontMatterTitle = Block(kind: .headline, range: value.range, content: content, level: 1)
            }
        }
    }

    // MARK: Code

    private struct Fence {
        var character: UInt8
        var length: Int
    }

    private func fenceOpening(_ content: Range<Int>) -> Fence? {
        guard let first = content.first.map({ bytes[$0] }), first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        var index = content.lowerBound
        while index < content.upperBound && bytes[index] == first { index += 1 }
        let length = index - content.lowerBound
        guard length >= 3 else { return nil }
        // A backtick fence's info string cannot hold a backtick.
        if first == UInt8(ascii: "`") && bytes[index..<content.upperBound].contains(first) { return nil }
        return Fence(character: first, length: length)
    }

    private func skipFencedCode(from line: Int, fence: Fence) -> Int {
        var next = line + 1
        while next <= source.lineCount {
            let current = info(next)
            if current.indent < 4 {
                var index = current.contentStart
                while index < current.range.upperBound && bytes[index] == fence.character { index += 1 }
                if index - current.contentStart >= fence.length && index == current.range.upperBound {
                    return next + 1
                }
            }
            next += 1
        }
        return next
    }

    private func skipIndentedCode(from line: Int) -> Int {
        var next = line + 1
        while next <= source.lineCount {
            let current = info(next)
            if !current.isBlank && current.indent < 4 { break }
            next += 1
        }
        return next
    }

    // MARK: HTML

    private mutating func readComment(from line: Int, start: Int) -> Int {
        var index = start + 4
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-") && bytes[index + 2] == UInt8(ascii: ">") {
                let whole = start..<index + 3
                if let directive = HTMLComment.directive(body: start + 4..<index, whole: whole, in: source) {
                    directives.append(directive)
                }
                let endLine = source.line(containing: index + 2)
                // Text after the comment on its closing line is read as a line of its own.
                let rest = info(endLine)
                if index + 3 < rest.range.upperBound {
                    let trailing = index + 3..<rest.range.upperBound
                    if !bytes[trailing].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                        startOrContinueParagraph(trailing, kind: .paragraph)
                    }
                }
                return endLine + 1
            }
            index += 1
        }
        // An unclosed comment hides the rest of the file, as in a browser.
        diagnostics.append(ParseDiagnostic(message: "HTML comment is never closed; add `-->`",
                                           range: source.range(start..<min(start + 4, bytes.count))))
        return source.lineCount + 1
    }

    private static let blockTags: Set<String> = [
        "figure", "figcaption", "img", "div", "p", "aside", "section", "article", "table", "blockquote",
        "details", "center", "picture", "video", "iframe", "ul", "ol", "dl", "header", "footer", "nav", "hr", "br",
    ]

    private func htmlBlockTag(_ content: Range<Int>) -> String? {
        var index = content.lowerBound + 1
        if index < content.upperBound && bytes[index] == UInt8(ascii: "/") { index += 1 }
        let nameStart = index
        while index < content.upperBound, (bytes[index] | 0x20) >= 0x61, (bytes[index] | 0x20) <= 0x7A { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        return Self.blockTags.contains(name) ? name : nil
    }

    /// An HTML block runs to the next blank line. Its images and figcaptions
    /// become image and caption blocks; other text becomes a paragraph (a
    /// notice when it is in an `<aside>`).
    private mutating func readHTMLBlock(from line: Int, tag: String) -> Int {
        var next = line
        while next <= source.lineCount && !info(next).isBlank { next += 1 }
        let range = source.lineStarts[line - 1]..<source.lineByteRange(next - 1).upperBound
        var reader = HTMLFragmentReader(bytes: bytes, range: range)
        for element in reader.read() {
            switch element {
            case .image(let alt, let title, let src, let whole):
                let altSpan = alt.flatMap { $0.isEmpty ? nil : htmlSpan($0) }
                let titleSpan = title.flatMap { $0.isEmpty ? nil : htmlSpan($0) }
                let content = alt.map { HTMLFragmentReader.text(of: $0, in: bytes) } ?? MappedText()
                blocks.append(Block(kind: .image, range: source.range(whole), content: content,
                                    image: ImageInfo(alt: altSpan, title: titleSpan, source: src), figure: blocks.count))
                afterImage = true
            case .text(let kind, let text, let whole):
                guard !text.isEmpty else { continue }
                let blockKind: BlockKind = kind == "figcaption" ? .caption : kind == "aside" ? .notice
                    : kind == "blockquote" ? .blockquote : .paragraph
                blocks.append(Block(kind: blockKind, range: source.range(whole), content: text,
                                    figure: blockKind == .caption ? figureAbove : nil))
                afterImage = false
            }
        }
        return next
    }

    private func htmlSpan(_ range: Range<Int>) -> Span {
        Span(text: HTMLFragmentReader.text(of: range, in: bytes).text, range: source.range(range))
    }

    // MARK: Headings, breaks, lists, blockquotes

    private func atxHeading(_ content: Range<Int>) -> (Int, Range<Int>)? {
        var index = content.lowerBound
        while index < content.upperBound && bytes[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - content.lowerBound
        guard (1...6).contains(level) else { return nil }
        guard index == content.upperBound || bytes[index] == 0x20 || bytes[index] == 0x09 else { return nil }
        while index < content.upperBound && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
        var end = content.upperBound
        // A closing run of #s preceded by a space is not part of the text.
        var hashes = end
        while hashes > index && bytes[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
        if hashes < end && (hashes == index || bytes[hashes - 1] == 0x20) {
            end = hashes
            while end > index && bytes[end - 1] == 0x20 { end -= 1 }
        }
        return (level, index..<end)
    }

    private func setextLevel(_ content: Range<Int>) -> Int? {
        let first = bytes[content.lowerBound]
        guard first == UInt8(ascii: "=") || first == UInt8(ascii: "-") else { return nil }
        guard bytes[content].allSatisfy({ $0 == first }) else { return nil }
        return first == UInt8(ascii: "=") ? 1 : 2
    }

    private func isThematicBreak(_ content: Range<Int>) -> Bool {
        let first = bytes[content.lowerBound]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else { return false }
        var count = 0
        for byte in bytes[content] {
            if byte == first { count += 1 } else if byte != 0x20 && byte != 0x09 { return false }
        }
        return count >= 3
    }

    private struct ListMarker {
        var width: Int
        var canInterruptParagraph: Bool
    }

    private func listMarker(_ content: Range<Int>) -> ListMarker? {
        let first = bytes[content.lowerBound]
        var index = content.lowerBound
        var ordered = false
        var startsAtOne = false
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            index += 1
        } else {
            while index < content.upperBound && index - content.lowerBound < 9 && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
            guard index > content.lowerBound, index < content.upperBound,
                  bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return nil }
            ordered = true
            startsAtOne = index - content.lowerBound == 1 && bytes[content.lowerBound] == UInt8(ascii: "1")
            index += 1
        }
        if index == content.upperBound { return ListMarker(width: index - content.lowerBound, canInterruptParagraph: false) }
        guard bytes[index] == 0x20 || bytes[index] == 0x09 else { return nil }
        var spaces = 0
        while index < content.upperBound && (bytes[index] == 0x20 || bytes[index] == 0x09) && spaces < 4 { index += 1; spaces += 1 }
        return ListMarker(width: index - content.lowerBound, canInterruptParagraph: !ordered || startsAtOne)
    }

    /// Consecutive `>` lines, with lazy continuation lines, read as one or
    /// more quoted paragraphs.
    private mutating func readBlockquote(from line: Int) -> Int {
        var next = line
        var inner: [Range<Int>] = []
        var innerStart: Int?
        func emit(_ parser: inout MarkdownBlockParser) {
            guard let start = innerStart, !inner.isEmpty else { return }
            parser.emitInline(lines: inner, kind: .blockquote, level: 0, whole: start..<inner[inner.count - 1].upperBound)
            inner = []
            innerStart = nil
        }
        while next <= source.lineCount {
            let current = info(next)
            if current.isBlank { break }
            var index = current.contentStart
            let quoted = current.indent < 4 && bytes[index] == UInt8(ascii: ">")
            if !quoted {
                // A lazy continuation line belongs to the open quoted paragraph.
                guard !inner.isEmpty, fenceOpening(current.contentStart..<current.range.upperBound) == nil,
                      !isThematicBreak(current.contentStart..<current.range.upperBound) else { break }
                inner.append(current.contentStart..<current.range.upperBound)
                next += 1
                continue
            }
            while index < current.range.upperBound && bytes[index] == UInt8(ascii: ">") {
                index += 1
                if index < current.range.upperBound && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
                while index < current.range.upperBound && (bytes[index] == 0x20) && bytes[index..<current.range.upperBound].first == UInt8(ascii: ">") { index += 1 }
            }
            while index < current.range.upperBound && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
            if index >= current.range.upperBound {
                emit(&self)
            } else {
                if innerStart == nil { innerStart = current.contentStart }
                inner.append(index..<current.range.upperBound)
            }
            next += 1
        }
        emit(&self)
        afterImage = false
        return next
    }

    // MARK: Byte helpers

    private func startsWith(_ range: Range<Int>, _ prefix: String) -> Bool {
        bytes[range].starts(with: prefix.utf8)
    }

    private func lastIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        var index = range.upperBound - 1
        while index >= range.lowerBound {
            if bytes[index] == byte { return index }
            index -= 1
        }
        return nil
    }
}
