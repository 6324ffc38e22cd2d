public import ProbeCore

/// Runs probes on a small fixed set of event-loop threads.
///
/// Every socket, TLS session and DNS query of every probe in flight lives on
/// one of these loops; no thread is ever parked on one probe. The async API
/// on top only waits for finished attempts, so thousands of targets cost
/// thousands of small objects, not thousands of threads.
public final class ProbeEngine: Sendable {
    /// The version reported in `User-Agent` and in reports.
    public static let version = "0.1.0"

    /// How hard the engine may push on the network around it.
    public struct Options: Sendable {
        /// Event-loop threads; 0 means one per core.
        public var threads: Int
        /// DNS queries per second for the whole engine (A and AAAA count
        /// apart); `nil` means no limit. The default stays under the
        /// AWS VPC resolver's 1,024 packets per second per network interface,
        /// beyond which it drops queries without a word.
        public var dnsQueriesPerSecond: Double?
        /// New connections per second; `nil` means no limit.
        public var connectionsPerSecond: Double?

        public init(threads: Int = 0, dnsQueriesPerSecond: Double? = 800, connectionsPerSecond: Double? = nil) {
            self.threads = threads
            self.dnsQueriesPerSecond = dnsQueriesPerSecond
            self.connectionsPerSecond = connectionsPerSecond
        }
    }

    let group: EventLoopGroup

    public init(options: Options = Options()) {
        group = EventLoopGroup(
            threads: options.threads,
            dnsQueriesPerSecond: options.dnsQueriesPerSecond,
            connectionsPerSecond: options.connectionsPerSecond)
    }

    deinit {
        group.shutdown()
    }

    /// Loads every trust store the targets name, so bad configuration is
    /// reported before anything is probed.
    public func preflight(_ targets: [ProbeTarget]) throws(InputError) {
        for caFile in Set(targets.filter { $0.url.scheme == .https }.map(\.caFile)) {
            _ = try TLSClientContext.shared(caFile: caFile)
        }
    }

    /// Probes every target, retrying failing ones as each target asks, and
    /// yields each target's final report as soon as it is known.
    public func run(_ targets: [ProbeTarget], concurrency: Int = 256) -> AsyncStream<TargetReport> {
        let (stream, continuation) = AsyncStream.makeStream(of: TargetReport.self)
        let task = Task {
            await withTaskGroup(of: TargetReport.self) { group in
                var pending = targets.makeIterator()
                for _ in 0..<max(1, concurrency) {
                    guard let target = pending.next() else { break }
                    group.addTask { await self.probe(target) }
                }
                for await report in group {
                    continuation.yield(report)
                    if let target = pending.next() {
                        group.addTask { await self.probe(target) }
                    }
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Stops the event-loop threads; the engine cannot be used afterwards.
    public func shutdown() {
        group.shutdown()
    }

    /// Probes one target until it passes or its retry time is used up.
    public func probe(_ target: ProbeTarget) async -> TargetReport {
        let started = Timestamp.now
        let startedClock = MonotonicClock.now()
        let deadline = startedClock + target.retryFor.nanosecondsClamped
        var schedule = RetrySchedule(initial: target.retryInterval)
        var history: [AttemptRecord] = []
        var attempt = 1
        while true {
            let attemptStarted = Timestamp.now
            let attemptClock = MonotonicClock.now()
            let (dns, paths) = await attemptOnce(target, fresh: attempt > 1)
            var report = TargetReport(target: target, dns: dns, paths: paths, startedAt: started, duration: .zero)
            let now = MonotonicClock.now()
            if report.verdict == .fail {
                history.append(AttemptRecord(
                    number: attempt, startedAt: attemptStarted, duration: .between(attemptClock, now),
                    codes: report.failures.map(\.code)))
            }
            if report.verdict == .pass || now >= deadline || Task.isCancelled {
                report.attempts = attempt
                report.failedAttempts = history
                report.duration = .between(startedClock, now)
                return report
            }
            let pause = min(schedule.nextPause(unit: Double.random(in: 0..<1)), .between(now, deadline))
            try? await Task.sleep(for: pause)
            attempt += 1
        }
    }

    private func attemptOnce(_ target: ProbeTarget, fresh: Bool) async -> (DNSReport, [PathReport]) {
        let loop = group.loop(for: target.url.host)
        return await withCheckedContinuation { continuation in
            loop.execute {
                TargetAttempt(loop: loop, target: target, fresh: fresh) { dns, paths in
                    continuation.resume(returning: (dns, paths))
                }.start()
            }
        }
    }
}
