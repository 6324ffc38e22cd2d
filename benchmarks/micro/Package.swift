// swift-tools-version:6.1
// Micro-benchmarks for plprobe's hot paths, kept out of the main package so
// that `swift build` and CI never build the benchmark framework.
// Run from this folder: `swift package benchmark` (see the README's Performance section).
import PackageDescription

let package = Package(
    name: "plprobe-micro-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "plprobe", path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ReportWriters",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ProbeReports", package: "plprobe"),
            ],
            path: "Benchmarks/ReportWriters",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
