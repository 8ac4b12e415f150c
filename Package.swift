// swift-tools-version:6.0
import PackageDescription

// ScaleSim builds offline: no package dependencies, only the toolchain's own libraries.
let package = Package(
    name: "ScaleSim",
    products: [
        .library(name: "ScaleSim", targets: ["ScaleSim"]),
        .library(name: "SimModels", targets: ["SimModels"]),
        .executable(name: "simctl", targets: ["simctl"]),
    ],
    targets: [
        // The kernel: time, events, random streams, distributions, resources, statistics.
        .target(name: "ScaleSim", linkerSettings: [.linkedLibrary("m")]),
        // The AI-agent SaaS world, built on the kernel. Knows nothing of the command line.
        .target(name: "SimModels", dependencies: ["ScaleSim"]),
        // Scenario files, commands and renderers, kept in a library so tests can reach them.
        .target(name: "SimCLI", dependencies: ["ScaleSim", "SimModels"]),
        .executableTarget(name: "simctl", dependencies: ["SimCLI"]),
        .testTarget(name: "ScaleSimTests", dependencies: ["ScaleSim"]),
        .testTarget(name: "SimModelsTests", dependencies: ["SimModels", "ScaleSim"], exclude: ["Fixtures"]),
        .testTarget(name: "SimCLITests", dependencies: ["SimCLI", "SimModels", "ScaleSim"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
