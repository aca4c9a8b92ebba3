import CopydeskCore
import Foundation

/// `copydesk rule` runs the default command, lint, on a file named `rule`.
/// When the first argument names no file and reads as a mistyped command
/// (no `/`, no extension, close to a command's name), it is far more likely
/// a typo than an article: say so instead of "no such file".
enum SubcommandTypo {
    /// Commands by the words a person types to reach them.
    static let commands: [(word: String, command: String)] = [
        ("lint", "lint"), ("inspect", "inspect"), ("rules", "rules"), ("explain", "explain"), ("policy", "policy"),
        ("check", "policy check"), ("show", "policy show"),
    ]

    /// The message for `arguments` (without the program name), or nil when
    /// the first argument is an option, a command, a path that exists, or
    /// looks like a path.
    static func message(for arguments: [String], fileExists: (String) -> Bool = {
        FileManager.default.fileExists(atPath: $0)
    }) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !first.isEmpty,
              !commands.contains(where: { $0.word == first && !$0.command.contains(" ") }),
              !first.contains("/"), !first.contains("."), !fileExists(first) else { return nil }
        let lowered = first.lowercased()
        let command = commands.first(where: { $0.word == lowered })?.command
            ?? NearestMatch.suggestion(for: first, among: commands.map(\.word)).flatMap { word in
                commands.first { $0.word == word }?.command
            }
        guard let command else { return nil }
        return "copydesk: error: '\(first)' is neither a file nor a command (did you mean `copydesk \(command)`? "
            + "to lint a file of that name, write ./\(first))"
    }
}
