import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM, so a long-running command stops cleanly
/// (closing its listeners) instead of being killed mid-write.
final class TerminationSignal: @unchecked Sendable {
    // @unchecked: `sources` and `continuation` are only touched on `queue`.
    private let queue = DispatchQueue(label: "plprobe.termination-signal")
    private var sources: [DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Void, Never>?

    /// Suspends until the process receives SIGINT or SIGTERM.
    static func wait() async {
        let waiter = TerminationSignal()
        await withCheckedContinuation { continuation in
            waiter.queue.async { waiter.install(continuation) }
        }
    }

    private func install(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in received() }
            source.resume()
            sources.append(source)
        }
    }

    private func received() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for number in [SIGINT, SIGTERM] { signal(number, SIG_DFL) }
        continuation?.resume()
        continuation = nil
    }
}
