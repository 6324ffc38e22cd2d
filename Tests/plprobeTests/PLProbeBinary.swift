import Dispatch
import Foundation
import Testing

/// The built `plprobe` executable, run as a user would run it.
///
/// SwiftPM puts the test bundle and the executables of a package in the
/// same build directory (`<scratch>/debug/`), and the test process is that
/// bundle, so the binary is found next to `CommandLine.arguments[0]`
/// whatever `--scratch-path` was used.
enum PLProbeBinary {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    static var path: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("plprobe").path
    }

    /// Runs plprobe with `arguments` in `directory` and waits for it; a run
    /// still going after 60 seconds is killed, so a hang fails the test
    /// instead of stalling the suite.
    static func run(_ arguments: [String], in directory: String? = nil) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: path), "plprobe binary not found at \(path); build it with swift build")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        let errorData = ErrorReader(error.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData.wait(), as: UTF8.self))
    }

    /// Drains standard error on another thread while standard output is
    /// read, so neither pipe can fill up and block the child.
    private final class ErrorReader: @unchecked Sendable {
        // @unchecked: `data` is written once before `done` is signalled and read after.
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
