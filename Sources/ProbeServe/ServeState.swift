import ProbeCore

/// Everything `/metrics` shows, owned by one actor: the configuration in
/// force, each target's latest report, the counters, and reload status.
actor ServeState {
    /// Counters of one target, kept while the target stays configured.
    struct Counters: Sendable {
        var attempts = 0
        var failures: [FailureCode: Int] = [:]
    }

    /// A consistent copy for rendering, taken in one actor turn.
    struct Snapshot: Sendable {
        var targets: [ScheduledTarget]
        var latest: [TargetReport]
        var counters: [String: Counters]
        var probesInFlight: Int
        var lastReloadSucceeded: Bool
        var lastSuccessfulLoad: Timestamp
    }

    private(set) var configuration: ServeConfiguration
    private var configured: [String: ScheduledTarget]
    private var latest: [String: TargetReport] = [:]
    private var counters: [String: Counters] = [:]
    private var probesInFlight = 0
    private var lastReloadSucceeded = true
    private var lastSuccessfulLoad = Timestamp.now

    init(_ configuration: ServeConfiguration) {
        self.configuration = configuration
        configured = Self.byName(configuration.targets)
    }

    /// Puts a newly loaded configuration in force. The latest results of
    /// targets that are gone or were redefined are dropped; counters follow
    /// the name (the series), so only those of removed targets go.
    func apply(_ new: ServeConfiguration) {
        configuration = new
        configured = Self.byName(new.targets)
        latest = latest.filter { configured[$0.key]?.target == $0.value.target }
        counters = counters.filter { configured[$0.key] != nil }
        lastReloadSucceeded = true
        lastSuccessfulLoad = .now
    }

    func reloadFailed() {
        lastReloadSucceeded = false
    }

    func probeStarted() {
        probesInFlight += 1
    }

    /// Keeps a finished probe's report, unless its target was removed or
    /// redefined while it ran; returns the change of standing, if any.
    func record(_ report: TargetReport) -> StateChange? {
        probesInFlight -= 1
        let name = report.target.name
        guard configured[name]?.target == report.target else { return nil }
        var count = counters[name] ?? Counters()
        count.attempts += report.attempts
        for attempt in report.failedAttempts {
            for code in Set(attempt.codes) { count.failures[code, default: 0] += 1 }
        }
        counters[name] = count
        let previous = latest[name].map(TargetState.init)
        latest[name] = report
        return previous == TargetState(report) ? nil : StateChange(previous: previous, report: report)
    }

    func snapshot() -> Snapshot {
        let targets = configuration.targets
        return Snapshot(
            targets: targets,
            latest: targets.compactMap { latest[$0.name] },
            counters: counters,
            probesInFlight: probesInFlight,
            lastReloadSucceeded: lastReloadSucceeded,
            lastSuccessfulLoad: lastSuccessfulLoad)
    }

    private static func byName(_ targets: [ScheduledTarget]) -> [String: ScheduledTarget] {
        Dictionary(targets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
