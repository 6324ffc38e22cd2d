import Foundation

/// A real client program run to check the lab from outside the process.
struct Tool {
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String

        var combined: String { standardOutput + standardError }
    }

    /// Whether `name` is on the PATH; tests that need it are skipped without it.
    static func isAvailable(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Runs `name` with `arguments`, feeding `input`, and kills it after
    /// `limit` so a hung client fails the test instead of stalling it.
    static func run(_ name: String, _ arguments: [String], input: String = "", limit: TimeInterval = 60) throws -> Output {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plprobe-lab-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = ["in", "out", "err"].map { directory.appendingPathComponent($0) }
        try Data(input.utf8).write(to: files[0])
        for file in files.dropFirst() { try Data().write(to: file) }
        let handles = try (FileHandle(forReadingFrom: files[0]), FileHandle(forWritingTo: files[1]), FileHandle(forWritingTo: files[2]))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        process.standardInput = handles.0
        process.standardOutput = handles.1
        process.standardError = handles.2
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + limit) == .timedOut {
            process.terminate()
            finished.wait()
        }
        try handles.0.close()
        try handles.1.close()
        try handles.2.close()
        return Output(
            status: process.terminationStatus,
            standardOutput: try String(contentsOf: files[1], encoding: .utf8),
            standardError: try String(contentsOf: files[2], encoding: .utf8))
    }
}
