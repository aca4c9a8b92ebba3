import Foundation
import Testing
@testable import CopydeskLinter

@Suite struct UTCTimestampTests {
    /// What reports gave before `UTCTimestamp`, and the standard it keeps to.
    private static func formatted(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    @Test func agreesWithTheISO8601FormatterAcrossCenturies() {
        // Leap days, the turns of 1900, 2000 and 2100, the epoch and before
        // it, fractions of a second, and a spread of ordinary moments.
        var seconds: [Double] = [0, -1, -0.5, 0.999, 59.9, 86_399, 86_400, -86_401, 951_782_400, 951_868_800,
                                 4_107_542_399, 4_107_542_400, -2_208_988_800, -2_203_891_200, 1_714_557_600,
                                 253_402_300_799]
        var value = -2_500_000_000.25
        while value < 5_000_000_000 {
            seconds.append(value)
            value += 7_654_321.375
        }
        for second in seconds {
            let date = Date(timeIntervalSince1970: second)
            #expect(UTCTimestamp.string(date) == Self.formatted(date), "at \(second) s")
        }
    }

    @Test func writesTheReportsTime() {
        #expect(UTCTimestamp.string(Date(timeIntervalSince1970: 1_714_557_600)) == "2024-05-01T10:00:00Z")
    }
}
