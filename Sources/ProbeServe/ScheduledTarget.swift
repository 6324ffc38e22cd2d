public import ProbeCore

/// A target `plprobe serve` probes on its own interval.
public struct ScheduledTarget: Hashable, Sendable {
    /// The target as probed: one attempt per run, because the schedule
    /// itself is the retry (a failing target is probed again next interval,
    /// and alert rules decide how long a failure must last).
    public let target: ProbeTarget
    public let interval: Duration

    public init(target: ProbeTarget, interval: Duration) {
        var once = target
        once.retryFor = .zero
        self.target = once
        self.interval = interval
    }

    public var name: String { target.name }
}
