/// Spreads events evenly at a fixed rate: each event reserves the next free
/// slot, so a large run can never burst past the rate a resolver or a load
/// balancer tolerates (the AWS VPC resolver silently drops packets beyond
/// 1,024 per second per network interface).
struct RatePacer {
    private let interval: UInt64
    private var nextFree: UInt64 = 0

    /// `perSecond` must be positive.
    init(perSecond: Double) {
        interval = UInt64(1e9 / perSecond)
    }

    /// The monotonic time at which the next event may happen.
    mutating func reserve(now: UInt64 = MonotonicClock.now(), count: UInt64 = 1) -> UInt64 {
        let slot = max(now, nextFree)
        nextFree = slot + interval * count
        return slot
    }
}

extension EventLoop {
    /// Runs `action` now, or on the loop at `slot` when that lies ahead.
    func run(at slot: UInt64?, _ action: @escaping () -> Void) {
        guard let slot, slot > MonotonicClock.now() else {
            action()
            return
        }
        _ = schedule(at: slot, action)
    }
}
