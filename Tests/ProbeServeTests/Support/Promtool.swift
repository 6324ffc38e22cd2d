import Foundation
import Testing

/// Prometheus' own linter (`promtool check metrics`, from Debian's
/// prometheus package), run on rendered expositions so the renderer is
/// checked by code that shares nothing with it.
enum Promtool {
    struct Result {
        var status: Int32
        var output: String
    }

    static func checkMetrics(_ exposition: String) throws -> Result {
        let path = try #require(
            ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "promtool not found: apt-get install prometheus (scripts/test does)")
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("plprobe-metrics-\(UUID().uuidString).prom")
        try Data(exposition.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["check", "metrics"]
        process.standardInput = try FileHandle(forReadingFrom: input)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: text, as: UTF8.self))
    }
}
