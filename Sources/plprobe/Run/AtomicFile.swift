import Foundation

/// Writes a file beside its destination and renames it into place, so a CI
/// job or a textfile collector never reads half a report.
enum AtomicFile {
    static func write(_ path: String, contents: ((String) -> Void) -> Void) throws {
        let destination = URL(fileURLWithPath: path)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            var failure: Error?
            contents { chunk in
                guard failure == nil else { return }
                do { try handle.write(contentsOf: Data(chunk.utf8)) } catch { failure = error }
            }
            if let failure { throw failure }
            try handle.synchronize()
            guard rename(temporary.path, destination.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
