public import ProbeCore

/// Runs probes on a small fixed set of event-loop threads.
///
/// STUB: the real engine is being written; this file fixes the public API.
public final class ProbeEngine: Sendable {
    public init(threads: Int = 0) {}

    /// Loads every trust store and resolver configuration the targets name,
    /// so bad configuration is reported before anything is probed.
    public func preflight(_ targets: [ProbeTarget]) throws(InputError) {}

    /// Probes every target, retrying failing ones as each target asks, and
    /// yields each target's final report as soon as it is known.
    public func run(_ targets: [ProbeTarget], concurrency: Int = 256) -> AsyncStream<TargetReport> {
        AsyncStream { $0.finish() }
    }

    /// Stops the event-loop threads; the engine cannot be used afterwards.
    public func shutdown() {}
}
