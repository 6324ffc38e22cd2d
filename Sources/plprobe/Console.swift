import Foundation

/// Standard output and standard error as the command line uses them:
/// unbuffered writes, and the facts that decide colour and progress.
enum Console {
    static func writeOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour only for a person at a terminal, and never when they opted
    /// out through `NO_COLOR` (https://no-color.org: any non-empty value).
    static var outputWantsColor: Bool {
        outputIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}
