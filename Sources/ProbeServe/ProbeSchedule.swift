import HeapModule

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
/// Due instants are kept in a heap, so finding the next one costs nothing
/// however many targets there are; heap items left behind by a reload are
/// recognised as stale and dropped when they surface.
///
/// A plain value with no clock or randomness of its own: callers pass the
/// instant and random numbers in [0, 1), so tests drive it exactly.
struct ProbeSchedule {
    private struct Entry {
        var target: ScheduledTarget
        var slot: ContinuousClock.Instant
        var due: ContinuousClock.Instant
    }

    private struct Due: Comparable {
        var instant: ContinuousClock.Instant
        var name: String

        static func < (lhs: Due, rhs: Due) -> Bool { lhs.instant < rhs.instant }
        static func == (lhs: Due, rhs: Due) -> Bool { lhs.instant == rhs.instant && lhs.name == rhs.name }
    }

    private var entries: [String: Entry] = [:]
    private var queue = Heap<Due>()

    var targets: [ScheduledTarget] { entries.values.map(\.target) }

    /// The earliest instant a target is due, or `nil` when there are none.
    var nextDue: ContinuousClock.Instant? { queue.min?.instant }

    /// Replaces the targets. One that is kept unchanged keeps its slot; a new
    /// or changed one gets a random phase within its first interval.
    mutating func update(_ targets: [ScheduledTarget], now: ContinuousClock.Instant, random: () -> Double) {
        var updated: [String: Entry] = [:]
        for target in targets {
            if let entry = entries[target.name], entry.target == target {
                updated[target.name] = entry
            } else {
                let slot = now + target.interval * random()
                let entry = Entry(target: target, slot: slot, due: slot + Self.jitter(target.interval, random()))
                updated[target.name] = entry
                queue.insert(Due(instant: entry.due, name: target.name))
            }
        }
        entries = updated
        dropStale()
    }

    /// The targets due at `now`, earliest first, each moved on to its next slot.
    mutating func takeDue(now: ContinuousClock.Instant, random: () -> Double) -> [ScheduledTarget] {
        var due: [ScheduledTarget] = []
        while let first = queue.min, first.instant <= now {
            queue.removeMin()
            guard var entry = entries[first.name], entry.due == first.instant else { continue }
            due.append(entry.target)
            entry.slot += entry.target.interval
            while entry.slot <= now {
                entry.slot += entry.target.interval
            }
            entry.due = entry.slot + Self.jitter(entry.target.interval, random())
            entries[first.name] = entry
            queue.insert(Due(instant: entry.due, name: first.name))
        }
        dropStale()
        return due
    }

    /// Removes heap items of removed or rescheduled targets from the top, so `nextDue` is a live one.
    private mutating func dropStale() {
        while let first = queue.min, entries[first.name]?.due != first.instant {
            queue.removeMin()
        }
    }

    private static func jitter(_ interval: Duration, _ unit: Double) -> Duration {
        interval * (ServeDefaults.jitterFraction * unit)
    }
}
