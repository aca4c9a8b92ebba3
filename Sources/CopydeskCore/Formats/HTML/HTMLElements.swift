/// How the reader treats each HTML element: whether it holds text at all,
/// whether it starts a block of its own, and what kind of block.
enum HTMLElementKind: Equatable {
    /// Never has content or an end tag (`img`, `br`, `meta`).
    case void
    /// Its content is not prose a reader sees: scripts, styles, SVG,
    /// templates, form controls, the document head.
    case skipped
    case block(HTMLBlockRole)
    /// Text-level markup (`a`, `em`, `span`): no break in the text.
    case inline
}

enum HTMLBlockRole: Equatable {
    case paragraph
    case heading(Int)
    case listItem
    case blockquote
    case figcaption
    case figure
    case aside
    case nav
    case header
    case footer
    case article
    case main
    case list
    case table
    case tableRow
    case tableCell
    case form
    case preformatted
    /// `div`, `section`, `body` and the like: a box of other blocks whose
    /// own loose text reads as a paragraph.
    case container
}

enum HTMLElements {
    static func kind(of name: String) -> HTMLElementKind {
        if let known = table[name] { return known }
        // Custom elements (`gu-island`, `bsp-byline`) are boxes on real pages.
        return name.utf8.contains(UInt8(ascii: "-")) ? .block(.container) : .inline
    }

    private static let table: [String: HTMLElementKind] = {
        var table: [String: HTMLElementKind] = [:]
        for name in ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                     "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image"] {
            table[name] = .void
        }
        for name in ["script", "style", "noscript", "template", "svg", "math", "textarea", "select", "iframe",
                     "object", "canvas", "video", "audio", "button", "head", "map", "datalist", "title",
                     "noembed", "noframes", "xmp", "plaintext", "frameset", "dialog"] {
            table[name] = .skipped
        }
        for level in 1...6 { table["h\(level)"] = .block(.heading(level)) }
        let blocks: [String: HTMLBlockRole] = [
            "p": .paragraph, "li": .listItem, "dt": .listItem, "dd": .listItem, "blockquote": .blockquote,
            "figcaption": .figcaption, "figure": .figure, "aside": .aside, "nav": .nav, "header": .header,
            "footer": .footer, "article": .article, "main": .main, "ul": .list, "ol": .list, "dl": .list,
            "menu": .nav, "table": .table, "tr": .tableRow, "td": .tableCell, "th": .tableCell,
            "caption": .tableCell, "thead": .table, "tbody": .table, "tfoot": .table, "form": .form,
            "pre": .preformatted, "listing": .preformatted, "div": .container, "section": .container,
            "body": .container, "html": .container, "address": .container, "center": .container,
            "details": .container, "summary": .paragraph, "fieldset": .form, "legend": .paragraph,
            "hgroup": .container, "dir": .list, "option": .listItem, "optgroup": .list, "marquee": .container,
            "search": .nav,
        ]
        for (name, role) in blocks { table[name] = .block(role) }
        return table
    }()

    /// Elements that close an open `p`, as the HTML parser does when one
    /// starts.
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "li", "dd", "dt",
        "listing", "plaintext", "xmp", "search", "summary",
    ]

    /// Elements that stop the search for an open element to close
    /// implicitly (a `p` inside a table cell is not closed by a `div` after
    /// the table).
    static let scopeBoundaries: Set<String> = [
        "html", "table", "td", "th", "caption", "marquee", "object", "applet", "template", "button",
    ]

    /// Start tags that close an open element of the same group without its
    /// end tag, and the elements the search for it stops at.
    static let impliedEnds: [String: (closes: Set<String>, stopsAt: Set<String>)] = [
        "li": (["li"], ["ul", "ol", "menu", "table", "td", "th", "html"]),
        "dt": (["dt", "dd"], ["dl", "table", "td", "th", "html"]),
        "dd": (["dt", "dd"], ["dl", "table", "td", "th", "html"]),
        "td": (["td", "th"], ["tr", "table", "html"]),
        "th": (["td", "th"], ["tr", "table", "html"]),
        "tr": (["tr", "td", "th"], ["table", "thead", "tbody", "tfoot", "html"]),
        "thead": (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table", "html"]),
        "tbody": (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table", "html"]),
        "tfoot": (["thead", "tbody", "tfoot", "tr", "td", "th"], ["table", "html"]),
        "option": (["option"], ["select", "datalist", "optgroup", "html"]),
        "h1": (["h1", "h2", "h3", "h4", "h5", "h6"], []),
        "h2": (["h1", "h2", "h3", "h4", "h5", "h6"], []),
        "h3": (["h1", "h2", "h3", "h4", "h5", "h6"], []),
        "h4": (["h1", "h2", "h3", "h4", "h5", "h6"], []),
        "h5": (["h1", "h2", "h3", "h4", "h5", "h6"], []),
        "h6": (["h1", "h2", "h3", "h4", "h5", "h6"], []),
    ]
}
