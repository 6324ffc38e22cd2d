import ProbeCore

/// Runs an `EvidencePlan` on one event loop: the resolver queries and the
/// extra path probes all at once, each bounded by the target's phase timeout,
/// and the whole bounded by `limit`; what has not answered by then is listed
/// as unfinished instead of being waited for.
final class EvidenceGathering {
    private let loop: EventLoop
    private let plan: EvidencePlan
    private let limit: Duration
    private let completion: (Observations) -> Void
    private let startedAt = Timestamp.now
    private let startedClock = MonotonicClock.now()
    private var resolverResults: [ResolverObservation?]
    private var probeResults: [AlternateProbe?]
    private var remaining = 0
    private var deadlineTimer: UInt64?
    private var isFinished = false

    init(loop: EventLoop, plan: EvidencePlan, limit: Duration, completion: @escaping (Observations) -> Void) {
        self.loop = loop
        self.plan = plan
        self.limit = limit
        self.completion = completion
        resolverResults = Array(repeating: nil, count: plan.resolvers.count)
        probeResults = Array(repeating: nil, count: plan.probes.count)
    }

    func start() {
        remaining = plan.resolvers.count + plan.probes.count
        guard remaining > 0 else { return finish() }
        deadlineTimer = loop.schedule(at: startedClock + limit.nanosecondsClamped) { [self] in
            deadlineTimer = nil
            finish()
        }
        if let name = plan.name {
            for (index, resolver) in plan.resolvers.enumerated() { ask(resolver, for: name, index: index) }
        }
        for (index, probe) in plan.probes.enumerated() { run(probe, index: index) }
    }

    private func ask(_ resolver: ResolverAddress, for name: String, index: Int) {
        let askedAt = Timestamp.now
        let askedClock = MonotonicClock.now()
        DNSResolver.on(loop).resolve(name, servers: [resolver], timeout: plan.timeout, fresh: true) { [self] outcome in
            resolverResults[index] = ResolverObservation(
                resolver: resolver, answers: outcome.answers, failure: outcome.failure,
                negativeCaching: outcome.negativeCaching, askedAt: askedAt,
                duration: .between(askedClock, MonotonicClock.now()))
            oneDone()
        }
    }

    private func run(_ probe: EvidencePlan.Probe, index: Int) {
        let startedAt = Timestamp.now
        let record = { [self] (path: PathReport) in
            probeResults[index] = AlternateProbe(purpose: probe.purpose, url: probe.target.url, path: path, startedAt: startedAt)
            oneDone()
        }
        var pathPlan: PathPlan
        do {
            let context = probe.target.url.scheme == .https ? try TLSClientContext.shared(caFile: probe.target.caFile) : nil
            pathPlan = PathPlan(target: probe.target, tlsContext: context)
        } catch {
            return record(PathReport(address: probe.address, failure: ProbeFailure(.tlsUntrusted, error.message, address: probe.address)))
        }
        pathPlan.detail = probe.detail
        PathProbe(loop: loop, address: probe.address, plan: pathPlan, completion: record).start()
    }

    private func oneDone() {
        remaining -= 1
        if remaining == 0 { finish() }
    }

    private func finish() {
        guard !isFinished else { return }
        isFinished = true
        if let deadlineTimer { loop.cancelTimer(deadlineTimer) }
        var unfinished: [String] = []
        for (index, result) in resolverResults.enumerated() where result == nil {
            unfinished.append("the query for \(plan.name ?? "") to resolver \(plan.resolvers[index])")
        }
        for (index, result) in probeResults.enumerated() where result == nil {
            let probe = plan.probes[index]
            unfinished.append("\(probe.target.url) on \(probe.address)")
        }
        completion(Observations(
            resolvers: resolverResults.compactMap { $0 }, alternates: probeResults.compactMap { $0 },
            startedAt: startedAt, duration: .between(startedClock, MonotonicClock.now()), unfinished: unfinished))
    }
}
