/// When each target is next probed.
///
/// A target runs once per interval, in slots at a fixed phase chosen at
/// random when it is added (so a thousand targets with one interval spread
/// over it instead of arriving together), each run up to
/// `ServeDefaults.jitterFraction` of the interval after its slot. Two runs
/// of a target are thus between 0.9 and 1.1 intervals apart, and the phase
/// never drifts. Slots already past when a run starts (a suspended process)
/// are skipped, not caught up in a burst.
///
/// A plain value with no clock or randomness of its own: callers pass the
/// instant and random numbers in [0, 1), so tests drive it exactly.
struct ProbeSchedule {
    private struct Entry {
        var target: ScheduledTarget
        var slot: ContinuousClock.Instant
        var due: ContinuousClock.Instant
    }

    private var entries: [String: Entry] = [:]

    var targets: [ScheduledTarget] { entries.values.map(\.target) }

    /// The earliest instant a target is due, or `nil` when there are none.
    var nextDue: ContinuousClock.Instant? {
        entries.values.lazy.map(\.due).min()
    }

    /// Replaces the targets. One that is kept unchanged keeps its slot; a new
    /// or changed one gets a random phase within its first interval.
    mutating func update(_ targets: [ScheduledTarget], now: ContinuousClock.Instant, random: () -> Double) {
        var updated: [String: Entry] = [:]
        for target in targets {
            if let entry = entries[target.name], entry.target == target {
                updated[target.name] = entry
            } else {
                let slot = now + target.interval * random()
                updated[target.name] = Entry(target: target, slot: slot, due: slot + Self.jitter(target.interval, random()))
            }
        }
        entries = updated
    }

    /// The targets due at `now`, earliest first, each moved on to its next slot.
    mutating func takeDue(now: ContinuousClock.Instant, random: () -> Double) -> [ScheduledTarget] {
        let due = entries.values.filter { $0.due <= now }.sorted { $0.due < $1.due }
        for entry in due {
            var next = entry.slot + entry.target.interval
            while next <= now {
                next += entry.target.interval
            }
            entries[entry.target.name] = Entry(target: entry.target, slot: next, due: next + Self.jitter(entry.target.interval, random()))
        }
        return due.map(\.target)
    }

    private static func jitter(_ interval: Duration, _ unit: Double) -> Duration {
        interval * (ServeDefaults.jitterFraction * unit)
    }
}
