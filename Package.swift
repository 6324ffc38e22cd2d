// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "plprobe",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plprobe", targets: ["plprobe"]),
        .library(name: "ProbeEngine", targets: ["ProbeEngine"]),
        .library(name: "ProbeReports", targets: ["ProbeReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // C libraries, each behind its own system library target with a shim for macros.
        .systemLibrary(
            name: "CPLProbeOpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .systemLibrary(
            name: "CPLProbeCAres",
            pkgConfig: "libcares",
            providers: [.apt(["libc-ares-dev"]), .brew(["c-ares"])]
        ),

        // Linux interfaces missing from Glibc's module: epoll, eventfd, thread names.
        .target(name: "CPLProbeLinux"),

        // Pure Swift model: targets, expectations, results, failure codes.
        .target(name: "ProbeCore"),

        // Event loops, c-ares DNS, TCP, OpenSSL TLS, HTTP/1.1, retries.
        .target(
            name: "ProbeEngine",
            dependencies: ["ProbeCore", "CPLProbeLinux", "CPLProbeOpenSSL", "CPLProbeCAres"]
        ),

        // Text, JSON and JUnit writers: results in, bytes out.
        .target(name: "ProbeReports", dependencies: ["ProbeCore"]),

        // Why an endpoint fails, reasoned from a check and extra evidence; no I/O.
        .target(name: "ProbeDiagnosis", dependencies: ["ProbeCore", "ProbeReports"]),

        // The built-in loopback lab: resolver, TLS listener, HTTP server.
        .target(name: "ProbeLab", dependencies: ["ProbeCore", "CPLProbeOpenSSL"]),

        // `plprobe serve`: scheduled probes, latest results, /metrics and /probe over HTTP.
        .target(
            name: "ProbeServe",
            dependencies: [
                "ProbeCore", "ProbeEngine", "ProbeReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),

        // The command line.
        .executableTarget(
            name: "plprobe",
            dependencies: [
                "ProbeCore", "ProbeEngine", "ProbeReports", "ProbeLab", "ProbeDiagnosis", "ProbeServe", "CPLProbeLinux",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        .testTarget(name: "ProbeCoreTests", dependencies: ["ProbeCore"]),
        .testTarget(name: "ProbeEngineTests", dependencies: ["ProbeEngine", "ProbeCore"]),
        .testTarget(name: "ProbeReportsTests", dependencies: ["ProbeReports", "ProbeCore"]),
        .testTarget(name: "ProbeLabTests", dependencies: ["ProbeLab", "ProbeCore"]),
        .testTarget(name: "ProbeDiagnosisTests", dependencies: ["ProbeDiagnosis", "ProbeCore"]),
        .testTarget(name: "ProbeServeTests", dependencies: ["ProbeServe", "ProbeCore", "ProbeEngine", "ProbeReports", "ProbeLab"]),
        .testTarget(name: "plprobeTests", dependencies: ["plprobe", "ProbeCore"]),
    ],
    swiftLanguageModes: [.v6]
)
