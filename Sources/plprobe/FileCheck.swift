import Foundation

/// Checks on paths the user names, made before anything is probed so that
/// a typo is exit status 2 with a message rather than a failure later.
enum FileCheck {
    /// Why `path` cannot be read as a file, or `nil` when it can.
    static func readableFileProblem(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "is a directory, not a file" }
        guard FileManager.default.isReadableFile(atPath: path) else { return "cannot be read (permission denied)" }
        return nil
    }

    /// Why a file cannot be written at `path`, or `nil` when it can.
    static func writableFileProblem(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return "is a directory"
        }
        let directory = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return "directory '\(directory)' does not exist"
        }
        guard isDirectory.boolValue else { return "'\(directory)' is not a directory" }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            return "directory '\(directory)' is not writable"
        }
        return nil
    }
}
