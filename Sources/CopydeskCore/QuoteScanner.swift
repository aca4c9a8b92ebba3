enum QuoteScanner {
    static func scan(_ document: inout Document) {}
}
