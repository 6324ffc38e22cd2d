import Glibc

/// A socket pair in a server's poll set, so `stop()` can wake a thread that
/// waits with no timeout instead of it polling for a flag.
struct WakeSignal: Sendable {
    /// The end the server thread polls for readability.
    let readEnd: Int32
    private let writeEnd: Int32

    init() throws(LabError) {
        // A socket pair rather than a pipe: Glibc's module map leaves out
        // pipe2, and only socketpair sets close-on-exec atomically there.
        var ends: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else {
            throw LabError("socketpair: \(errnoText())", hint: "the process may have run out of file descriptors (ulimit -n)")
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Makes `readEnd` readable; it stays so, which is what a stop needs.
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    func close() {
        _ = Glibc.close(readEnd)
        _ = Glibc.close(writeEnd)
    }
}
