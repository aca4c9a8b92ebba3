import Testing
@testable import CopydeskCore

struct HTMLTokenizerTests {
    /// Tokens as short strings: `<name a=v>`, `</name>`, `"text"`, `!comment`, `raw:…`, `markup`.
    private func tokens(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        var tokenizer = HTMLTokenizer(bytes: bytes)
        var result: [String] = []
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        while let token = tokenizer.next() {
            switch token {
            case .text(let range):
                result.append("\"\(text(range))\"")
            case .startTag:
                let attributes = tokenizer.tag.attributes.map { " \(text($0.name))=\(text($0.value))" }.joined()
                result.append("<\(tokenizer.tag.name)\(attributes)\(tokenizer.tag.isSelfClosing ? "/" : "")>")
            case .endTag:
                result.append("</\(tokenizer.tag.name)>")
            case .comment(let body, _):
                result.append("!\(text(body))")
            case .rawText(let range):
                result.append("raw:\(text(range))")
            case .markup:
                result.append("markup")
            }
        }
        return result
    }

    @Test func tagsTextAndAttributesInEveryQuoting() {
        #expect(tokens(#"<P CLASS="a b" id='x' data-n=3 hidden>Hi</p>"#)
            == ["<p CLASS=a b id=x data-n=3 hidden=>", "\"Hi\"", "</p>"])
        #expect(tokens("<img src=a.jpg alt=\"a > b\"/>") == ["<img src=a.jpg alt=a > b/>"])
    }

    @Test func aLessThanSignThatOpensNothingIsText() {
        #expect(tokens("a < b and 3<4 <") == ["\"a < b and 3<4 <\""])
    }

    @Test func commentsIncludingTheOddEndingsBrowsersAccept() {
        #expect(tokens("a<!-- note -->b") == ["\"a\"", "! note ", "\"b\""])
        #expect(tokens("<!-->x") == ["!", "\"x\""])
        #expect(tokens("<!--->x") == ["!", "\"x\""])
        #expect(tokens("<!-- a --!>x") == ["! a ", "\"x\""])
    }

    @Test func anUnclosedCommentHidesTheRestAndIsRemembered() {
        var tokenizer = HTMLTokenizer(bytes: Array("a<!-- never closed <p>b</p>".utf8))
        while tokenizer.next() != nil {}
        #expect(tokenizer.unclosedComment == 1..<27)
    }

    @Test func rawTextElementsEndOnlyAtTheirOwnEndTag() {
        #expect(tokens("<script>if (a<b) { x = '</div>' }</script>after")
            == ["<script>", "raw:if (a<b) { x = '</div>' }", "</script>", "\"after\""])
        #expect(tokens("<style>p{}</STYLE >x") == ["<style>", "raw:p{}", "</style>", "\"x\""])
        #expect(tokens("<title>A &amp; B</title>") == ["<title>", "raw:A &amp; B", "</title>"])
        #expect(tokens("<script>never closed") == ["<script>", "raw:never closed"])
    }

    @Test func doctypeProcessingInstructionsAndCDATAAreMarkup() {
        #expect(tokens("<!DOCTYPE html><?xml version=\"1.0\"?><![CDATA[x]]>t") == ["markup", "markup", "markup", "\"t\""])
        #expect(tokens("</>x</ 3>y") == ["markup", "\"x\"", "markup", "\"y\""])
    }

    @Test func aTagCutOffByTheEndOfTheFileIsDropped() {
        #expect(tokens("text<a href=\"never") == ["\"text\"", "markup"])
        #expect(tokens("text<div class=x") == ["\"text\"", "markup"])
    }

    @Test func attributesAreCappedButTheTagStillEnds() {
        let many = (0..<1000).map { "a\($0)=1" }.joined(separator: " ")
        var tokenizer = HTMLTokenizer(bytes: Array("<p \(many)>x".utf8))
        #expect(tokenizer.next() == .startTag)
        #expect(tokenizer.tag.attributes.count == HTMLTokenizer.attributeLimit)
        #expect(tokenizer.next() == .text(tokenizer.tag.range.upperBound..<tokenizer.tag.range.upperBound + 1))
    }

    @Test func attributeLookupIgnoresCaseAndKeepsTheFirst() {
        var tokenizer = HTMLTokenizer(bytes: Array(#"<meta NAME="author" name="other" Content=" Jane ">"#.utf8))
        _ = tokenizer.next()
        let bytes = tokenizer.bytes
        #expect(tokenizer.attribute("name").map { String(decoding: bytes[$0], as: UTF8.self) } == "author")
        #expect(tokenizer.attribute("name", is: "AUTHOR"))
        #expect(tokenizer.attribute("content").map { String(decoding: bytes[tokenizer.trimmed($0)], as: UTF8.self) } == "Jane")
        #expect(tokenizer.attribute("property") == nil)
    }
}

struct HTMLCharacterReferenceTests {
    private func decode(_ text: String, _ context: HTMLCharacterReference.Context = .text) -> (String, Int)? {
        let bytes = Array(text.utf8)
        return HTMLCharacterReference.decode(bytes, at: 0, end: bytes.count, context: context)
            .map { (String(decoding: $0.utf8, as: UTF8.self), $0.after) }
    }

    @Test func namedDecimalAndHexadecimal() {
        #expect(decode("&amp;")! == ("&", 5))
        #expect(decode("&ldquo;x")! == ("“", 7))
        #expect(decode("&#8220;")! == ("“", 7))
        #expect(decode("&#x201D;")! == ("”", 8))
        #expect(decode("&#X201d;")! == ("”", 8))
        #expect(decode("&eacute;")! == ("é", 8))
        #expect(decode("&Omega;")! == ("Ω", 7))
    }

    @Test func numericReferencesWithoutSemicolonAndOldCMSQuotes() {
        #expect(decode("&#8220 x")! == ("“", 6))
        #expect(decode("&#147;")! == ("“", 6))
        #expect(decode("&#146;")! == ("’", 6))
        #expect(decode("&#0;")! == ("\u{FFFD}", 4))
        #expect(decode("&#xD800;")! == ("\u{FFFD}", 8))
        #expect(decode("&#99999999999999;")! == ("\u{FFFD}", 17))
    }

    @Test func legacyNamesWithoutSemicolonInTextButNotBeforeALetterInAnAttribute() {
        #expect(decode("&amp x")! == ("&", 4))
        #expect(decode("&copy 2023")! == ("©", 5))
        #expect(decode("&notin")! == ("¬", 4))
        #expect(decode("&copy=1", .attribute) == nil)
        #expect(decode("&ampx", .attribute) == nil)
        #expect(decode("&amp;x", .attribute)! == ("&", 5))
    }

    @Test func anAmpersandThatIsNoReferenceIsText() {
        #expect(decode("& x") == nil)
        #expect(decode("&unknownname;") == nil)
        #expect(decode("&#;") == nil)
        #expect(decode("&") == nil)
    }

    @Test func everyNamedReferenceDecodesToText() {
        for (name, value) in HTMLCharacterReference.named {
            #expect(decode("&\(name);")?.0 == value, "&\(name);")
        }
    }
}
