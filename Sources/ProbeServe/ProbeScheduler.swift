import Logging
import ProbeCore
import ProbeEngine
import ServiceLifecycle

/// Runs every scheduled target on its interval, records the results, and
/// logs each change of a target's standing.
///
/// One task owns the schedule and reacts to events (a slot is due, a probe
/// finished, the configuration changed, shutdown began), so nothing polls.
/// Probes run in tasks of their own, at most `concurrency` at once; on
/// graceful shutdown no new probe starts and those in flight get
/// `ServeDefaults.drainLimit` to finish.
final class ProbeScheduler: Service {
    private enum Event: Sendable {
        case configured([ScheduledTarget])
        case wake
        case finished(TargetReport)
        case shutdown
        case drainLimitReached
    }

    private let engine: ProbeEngine
    private let state: ServeState
    private let concurrency: Int
    private let logger: Logger
    private let events: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation

    init(engine: ProbeEngine, state: ServeState, targets: [ScheduledTarget], concurrency: Int, logger: Logger) {
        self.engine = engine
        self.state = state
        self.concurrency = max(1, concurrency)
        self.logger = logger
        (events, continuation) = AsyncStream.makeStream(of: Event.self)
        continuation.yield(.configured(targets))
    }

    /// Schedules a new target list; kept targets keep their slots.
    func update(_ targets: [ScheduledTarget]) {
        continuation.yield(.configured(targets))
    }

    func run() async {
        await withGracefulShutdownHandler {
            await schedule()
        } onGracefulShutdown: {
            self.continuation.yield(.shutdown)
        }
    }

    private func schedule() async {
        var schedule = ProbeSchedule()
        var running = Set<String>()
        var waiting: [ScheduledTarget] = []
        var draining = false
        var timer: Task<Void, Never>?
        defer { timer?.cancel() }
        for await event in events {
            let now = ContinuousClock.now
            switch event {
            case .configured(let targets):
                schedule.update(targets, now: now) { Double.random(in: 0..<1) }
                let names = Set(targets.map(\.name))
                waiting.removeAll { !names.contains($0.name) }
            case .wake:
                break
            case .finished(let report):
                running.remove(report.target.name)
                if let change = await state.record(report) { log(change) }
            case .shutdown:
                draining = true
                waiting.removeAll()
                logger.info("draining probes in flight before exit", metadata: ["probes": "\(running.count)"])
                let continuation = continuation
                Task {
                    try? await Task.sleep(for: ServeDefaults.drainLimit)
                    continuation.yield(.drainLimitReached)
                }
            case .drainLimitReached:
                logger.warning("probes still in flight at the drain limit are abandoned", metadata: ["probes": "\(running.count)"])
                return
            }
            if draining {
                if running.isEmpty { return }
                continue
            }
            for target in schedule.takeDue(now: now, random: { Double.random(in: 0..<1) }) {
                if running.contains(target.name) || waiting.contains(where: { $0.name == target.name }) {
                    logger.debug("skipping a run: the previous one has not finished", metadata: ["target": "\(target.name)"])
                } else {
                    waiting.append(target)
                }
            }
            while running.count < concurrency, !waiting.isEmpty {
                let target = waiting.removeFirst()
                running.insert(target.name)
                await start(target)
            }
            timer?.cancel()
            timer = schedule.nextDue.map(wake)
        }
    }

    private func start(_ scheduled: ScheduledTarget) async {
        await state.probeStarted()
        let engine = engine
        let continuation = continuation
        Task {
            continuation.yield(.finished(await engine.probe(scheduled.target)))
        }
    }

    private func wake(at instant: ContinuousClock.Instant) -> Task<Void, Never> {
        let continuation = continuation
        return Task {
            guard (try? await Task.sleep(until: instant, clock: .continuous)) != nil else { return }
            continuation.yield(.wake)
        }
    }

    private func log(_ change: StateChange) {
        let report = change.report
        var metadata: Logger.Metadata = [
            "target": "\(report.target.name)",
            "url": "\(report.target.url)",
            "state": "\(change.current)",
            "previous": "\(change.previous.map(\.description) ?? "unknown")",
        ]
        guard let failure = report.failures.first else {
            logger.info("target passing", metadata: metadata)
            return
        }
        metadata["code"] = "\(failure.code)"
        metadata["message"] = "\(failure.message)"
        metadata["hint"] = "\(failure.hint)"
        if let address = failure.address { metadata["address"] = "\(address)" }
        logger.warning("target failing", metadata: metadata)
    }
}
