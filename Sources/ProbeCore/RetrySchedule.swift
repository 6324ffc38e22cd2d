/// The pauses between attempts: exponential growth from the first interval,
/// capped at 30 seconds, with full jitter on the upper half so that many
/// targets retried together spread out instead of arriving in waves.
public struct RetrySchedule: Sendable {
    public static let cap: Duration = .seconds(30)

    private var nextBase: Duration

    public init(initial: Duration) {
        self.nextBase = min(initial, Self.cap)
    }

    /// The pause before the next attempt; `unit` is a random number in [0, 1).
    public mutating func nextPause(unit: Double) -> Duration {
        let base = nextBase
        nextBase = min(base * 2, Self.cap)
        return base / 2 + base * (unit / 2)
    }
}
