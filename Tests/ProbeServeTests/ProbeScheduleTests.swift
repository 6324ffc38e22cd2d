@testable import ProbeServe
import ProbeCore
import Testing

@Suite("Schedule: jittered intervals that keep their phase")
struct ProbeScheduleTests {
    static let start = ContinuousClock.now

    static func target(_ name: String, every interval: Duration = .seconds(10)) throws -> ScheduledTarget {
        ScheduledTarget(target: ProbeTarget(name: name, url: try ProbeURL(parsing: "https://\(name).example/")), interval: interval)
    }

    /// Random units from a fixed, spread-out sequence, so runs are repeatable.
    struct Units {
        private var values: [Double]
        private var next = 0

        init(_ values: [Double]) { self.values = values }

        mutating func take() -> Double {
            defer { next = (next + 1) % values.count }
            return values[next]
        }
    }

    /// Steps the schedule through `until`, firing whatever is due at each due instant.
    static func firings(of schedule: inout ProbeSchedule, until end: ContinuousClock.Instant, units: inout Units) -> [String: [ContinuousClock.Instant]] {
        var fired: [String: [ContinuousClock.Instant]] = [:]
        for _ in 0..<100_000 {
            guard let due = schedule.nextDue, due <= end else { break }
            for target in schedule.takeDue(now: due, random: { units.take() }) {
                fired[target.name, default: []].append(due)
            }
        }
        return fired
    }

    @Test("runs are 0.9 to 1.1 intervals apart, and the first within 1.1 intervals", arguments: [
        [0.0], [0.999], [0.5, 0.1, 0.9, 0.3], [0.99, 0.0, 0.99, 0.0],
    ])
    func jitterBounds(units values: [Double]) throws {
        var units = Units(values)
        var schedule = ProbeSchedule()
        let interval = Duration.seconds(10)
        schedule.update(try (0..<20).map { try Self.target("t\($0)", every: interval) }, now: Self.start) { units.take() }
        let fired = Self.firings(of: &schedule, until: Self.start + .seconds(300), units: &units)
        #expect(fired.count == 20)
        for (name, instants) in fired {
            #expect(instants[0] >= Self.start && instants[0] < Self.start + interval * 1.1, "\(name) first at \(instants[0] - Self.start)")
            for (earlier, later) in zip(instants, instants.dropFirst()) {
                let gap = later - earlier
                #expect(gap >= interval * 0.9 && gap <= interval * 1.1, "\(name): gap \(gap)")
            }
            #expect((28...31).contains(instants.count), "\(name) ran \(instants.count) times in 30 intervals")
        }
    }

    @Test("targets added together spread over the interval")
    func spread() throws {
        var schedule = ProbeSchedule()
        // A phase, then a jitter of 0, for each target in turn.
        var units = Units((0..<10).flatMap { [Double($0) / 10, 0] })
        schedule.update(try (0..<10).map { try Self.target("t\($0)") }, now: Self.start) { units.take() }
        var firsts: [Duration] = []
        while let due = schedule.nextDue, due < Self.start + .seconds(10) {
            firsts += schedule.takeDue(now: due) { 0 }.map { _ in due - Self.start }
        }
        #expect(firsts.count == 10)
        #expect(Set(firsts.map { Int($0.seconds) }) == Set(0..<10), "first runs at \(firsts)")
    }

    @Test("a reload keeps unchanged targets' slots and schedules new and changed ones afresh")
    func reloadKeepsPhase() throws {
        var schedule = ProbeSchedule()
        let kept = try Self.target("kept")
        let changed = try Self.target("changed")
        schedule.update([kept, changed], now: Self.start) { 0.5 }
        let firstDue = try #require(schedule.nextDue)
        let later = Self.start + .seconds(2)
        let redefined = try Self.target("changed", every: .seconds(20))
        schedule.update([kept, redefined, try Self.target("new")], now: later) { 0.0 }
        #expect(Set(schedule.targets.map(\.name)) == ["kept", "changed", "new"])
        let due = schedule.takeDue(now: later) { 0 }
        #expect(Set(due.map(\.name)) == ["changed", "new"])
        #expect(schedule.takeDue(now: firstDue) { 0 }.map(\.name) == ["kept"])
    }

    @Test("a removed target is never due again")
    func removal() throws {
        var schedule = ProbeSchedule()
        schedule.update([try Self.target("gone"), try Self.target("stays")], now: Self.start) { 0 }
        schedule.update([try Self.target("stays")], now: Self.start) { 0 }
        #expect(schedule.takeDue(now: Self.start + .seconds(60)) { 0 }.map(\.name) == ["stays"])
    }

    @Test("slots missed while suspended are skipped, not run in a burst")
    func missedSlots() throws {
        var schedule = ProbeSchedule()
        schedule.update([try Self.target("t")], now: Self.start) { 0 }
        #expect(schedule.takeDue(now: Self.start) { 0 }.count == 1)
        let resumed = Self.start + .seconds(95)
        #expect(schedule.takeDue(now: resumed) { 0 }.count == 1)
        #expect(schedule.takeDue(now: resumed) { 0 }.isEmpty)
        #expect(schedule.nextDue == Self.start + .seconds(100))
    }

    @Test("a scheduled target makes one attempt per run")
    func oneAttempt() throws {
        var target = ProbeTarget(url: try ProbeURL(parsing: "https://a.example/"))
        target.retryFor = .seconds(600)
        #expect(ScheduledTarget(target: target, interval: .seconds(60)).target.retryFor == .zero)
    }
}
