import Glibc

/// Nanoseconds on the monotonic clock: the time base of every deadline and
/// phase timing, immune to wall-clock steps.
enum MonotonicClock {
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}

extension Duration {
    /// Whole nanoseconds, clamped at zero, for deadlines on the monotonic clock.
    var nanosecondsClamped: UInt64 {
        let parts = components
        let total = Double(parts.seconds) * 1e9 + Double(parts.attoseconds) / 1e9
        return total <= 0 ? 0 : UInt64(min(total, 1e18))
    }

    static func between(_ start: UInt64, _ end: UInt64) -> Duration {
        .nanoseconds(Int64(end >= start ? end - start : 0))
    }
}
