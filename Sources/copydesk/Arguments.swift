import ArgumentParser
import CopydeskCore
import CopydeskLinter

// The library's own enums are what argument-parser validates, so an
// unknown value is rejected with the list of valid ones and nothing maps
// one spelling to another by hand.
extension ReportFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension FailureThreshold: ExpressibleByArgument {}

/// Output of the commands that list or describe rather than report.
enum ListingFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
    /// The whole rule reference, as docs/rules.md carries it.
    case markdown
}

/// `copydesk inspect` speaks JSON only; the option exists so scripts say
/// what they expect and a later format does not change their output.
enum InspectFormat: String, CaseIterable, ExpressibleByArgument {
    case json
}
