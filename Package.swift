// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "copydesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "copydesk", targets: ["copydesk"]),
        .library(name: "CopydeskLinter", targets: ["CopydeskLinter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Source text, positions, the document model and the format parsers
        // (Yams reads Markdown front matter).
        .target(name: "CopydeskCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Policy files: typed decoding with positions, extends, the embedded default.
        .target(name: "CopydeskPolicy", dependencies: ["CopydeskCore", .product(name: "Yams", package: "Yams")]),
        // The Rule protocol and every rule, one file each.
        .target(name: "CopydeskRules", dependencies: ["CopydeskCore", "CopydeskPolicy"]),
        // Vale-compatible style rules: rule YAML, .vale.ini, vocabularies.
        .target(name: "CopydeskStyle", dependencies: ["CopydeskCore", .product(name: "Yams", package: "Yams")]),
        // The lint pipeline (files, suppressions, concurrency) and the reports.
        .target(name: "CopydeskLinter", dependencies: ["CopydeskCore", "CopydeskPolicy", "CopydeskRules", "CopydeskStyle"]),
        .executableTarget(name: "copydesk", dependencies: [
            "CopydeskLinter",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The fuzz harness: libFuzzer's entry point when built by
        // scripts/fuzz.sh, a replay of saved inputs otherwise.
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "copydesk-fuzz",
                          dependencies: ["CopydeskLinter", "CopydeskPolicy", "CopydeskRules", "CopydeskCore", "CFuzzerDriver"]),
        .testTarget(name: "CopydeskCoreTests", dependencies: ["CopydeskCore"]),
        .testTarget(name: "CopydeskPolicyTests", dependencies: ["CopydeskPolicy", "CopydeskRules"]),
        .testTarget(name: "CopydeskRulesTests", dependencies: ["CopydeskRules", "CopydeskLinter"]),
        // Fixtures/ holds article folders with a .vale.ini, read by path at test time.
        .testTarget(name: "CopydeskStyleTests", dependencies: ["CopydeskStyle", "CopydeskCore"], exclude: ["Fixtures"]),
        .testTarget(name: "CopydeskLinterTests", dependencies: ["CopydeskLinter"], resources: [.copy("Golden")]),
    ]
)
