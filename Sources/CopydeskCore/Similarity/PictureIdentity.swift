/// Which picture an image shows, read from its address rather than its
/// markup. Pages put one picture into the markup several times (a
/// lazy-loading placeholder with the real address in `data-src`, a
/// `<noscript>` fallback, `srcset` candidates at several widths, a desktop
/// and a mobile copy), and image servers put the size into the address
/// (`photo-1024x683.jpg`, `photo.jpg?w=300`, `/w_800,h_600/photo.jpg`):
/// all of those are one picture, and so one key.
package enum PictureIdentity {
    /// The key of the picture at the first usable address, or nil when no
    /// address says which picture it is (a `data:` placeholder, a blank).
    package static func key(addresses: [String]) -> String? {
        for address in addresses {
            if let key = key(address: address) { return key }
        }
        return nil
    }

    /// The file name without folders, query, fragment, extension and size
    /// suffix, lowercased; with its folder when the name alone says little
    /// (`1.jpg`, `image.png`).
    package static func key(address raw: String) -> String? {
        var address = Substring(raw.trimmingSpaces())
        // `srcset` lists candidates: the first address is enough.
        if let space = address.firstIndex(of: " ") {
            address = address[..<space]
        }
        guard !address.isEmpty, !address.lowercased().hasPrefix("data:"),
              !address.lowercased().hasPrefix("about:") else { return nil }
        if let cut = address.firstIndex(where: { $0 == "?" || $0 == "#" }) { address = address[..<cut] }
        let parts = address.split(separator: "/", omittingEmptySubsequences: true)
        guard var name = parts.last.map({ $0.lowercased() }) else { return nil }
        if let dot = name.lastIndex(of: "."), name.distance(from: name.startIndex, to: dot) > 0 {
            name = String(name[..<dot])
        }
        name = strippingSizeSuffix(name)
        guard !name.isEmpty, !placeholderNames.contains(name) else { return nil }
        if name.count < 6, parts.count >= 2 {
            return parts[parts.count - 2].lowercased() + "/" + name
        }
        return name
    }

    /// `photo-1024x683`, `photo_800x600`, `photo-scaled`, `photo@2x`: the
    /// same picture at another size.
    static func strippingSizeSuffix(_ name: String) -> String {
        var result = Substring(name)
        for suffix in ["-scaled", "@2x", "@3x", "-large", "-medium", "-small", "-thumb", "-thumbnail"]
        where result.hasSuffix(suffix) {
            result = result.dropLast(suffix.count)
        }
        // `-1024x683` or `_800x600` at the end.
        let scalars = Array(result.unicodeScalars)
        var index = scalars.count
        var digitsAfter = 0
        while index > 0, ("0"..."9").contains(scalars[index - 1]) { index -= 1; digitsAfter += 1 }
        if digitsAfter > 0, index > 0, scalars[index - 1] == "x" {
            var before = index - 1
            var digitsBefore = 0
            while before > 0, ("0"..."9").contains(scalars[before - 1]) { before -= 1; digitsBefore += 1 }
            if digitsBefore > 0, before > 0, scalars[before - 1] == "-" || scalars[before - 1] == "_" {
                return String(String.UnicodeScalarView(scalars[..<(before - 1)]))
            }
        }
        return String(result)
    }

    /// Names image servers give a stand-in while the real picture loads.
    private static let placeholderNames: Set<String> = [
        "blank", "spacer", "pixel", "transparent", "placeholder", "lazy", "lazyload", "loading", "grey", "gray",
        "1x1", "clear", "empty",
    ]

    /// Alt text that names no picture: a word a CMS fills in ("image",
    /// "photo"), a file name, an address. A screen reader reads it as
    /// noise, and two images that both say "image" are not the same picture.
    package static func isPlaceholderText(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces().lowercased()
        guard !trimmed.isEmpty else { return true }
        if placeholderAltTexts.contains(trimmed) { return true }
        if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") || trimmed.hasPrefix("www.") { return true }
        for ending in [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".heic", ".tif", ".tiff"]
        where trimmed.hasSuffix(ending) && !trimmed.contains(" ") {
            return true
        }
        // Camera file names: IMG_1234, DSC01234, PXL_20230101_…
        let letters = trimmed.prefix { $0.isLetter }
        let rest = trimmed.dropFirst(letters.count)
        if ["img", "dsc", "dscn", "dscf", "pxl", "p", "mvimg", "screenshot"].contains(String(letters)),
           !rest.isEmpty, rest.allSatisfy({ $0.isNumber || $0 == "_" || $0 == "-" || $0 == " " }) {
            return true
        }
        return false
    }

    private static let placeholderAltTexts: Set<String> = [
        "image", "images", "photo", "photos", "picture", "pic", "img", "thumbnail", "thumb", "placeholder",
        "icon", "logo", "banner", "default", "untitled", "featured image", "feature image", "hero image",
        "main image", "lead image", "article image", "image placeholder", "no image", "alt", "alt text",
        "graphic", "illustration", "photograph", "null", "undefined", "none", "-", "image description",
    ]
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
