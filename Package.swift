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

        // The command line.
        .executableTarget(
            name: "plprobe",
            dependencies: [
                "ProbeCore", "ProbeEngine", "ProbeReports", "ProbeLab", "ProbeDiagnosis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),

        .testTarget(name: "ProbeCoreTests", dependencies: ["ProbeCore"]),
        .testTarget(name: "ProbeEngineTests", dependencies: ["ProbeEngine", "ProbeCore"]),
        .testTarget(name: "ProbeReportsTests", dependencies: ["ProbeReports", "ProbeCore"]),
        .testTarget(name: "ProbeLabTests", dependencies: ["ProbeLab", "ProbeCore"]),
        .testTarget(name: "ProbeDiagnosisTests", dependencies: ["ProbeDiagnosis", "ProbeCore"]),
        .testTarget(name: "plprobeTests", dependencies: ["plprobe", "ProbeCore"]),
    ],
    swiftLanguageModes: [.v6]
)
