import Testing
@testable import CopydeskCore
import Foundation

@Test func scratchCorpus() throws {
    let dir = "/work/shared/corpora/polnear/train"
    let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
    var total = 0, unb = 0, quotes = 0
    let start = Date()
    var shown = 0
    for f in files {
        let data = FileManager.default.contents(atPath: dir + "/" + f)!
        total += data.count
        let doc = ArticleParser.parse(SourceText(path: f, bytes: Array(data)), format: .text)
        quotes += doc.quotes.count
        unb += doc.unbalancedQuoteMarks.count
        for u in doc.unbalancedQuoteMarks where shown < 40 {
            shown += 1
            let line = doc.source.lineText(u.range.start.line)
            let col = u.range.start.column
            let scalars = Array(line.unicodeScalars)
            let lo = max(0, col - 60), hi = min(scalars.count, col + 40)
            var s = String.UnicodeScalarView(); s.append(contentsOf: scalars[lo..<hi])
            print("U \(u.problem) \(f):\(u.range.start.line):\(col) …\(String(s))…")
        }
    }
    print("bytes \(total) quotes \(quotes) unbalanced \(unb) secs \(Date().timeIntervalSince(start))")
}
