import ProbeCore
internal import CPLProbeCAres

/// The result of resolving one name: answers, or the failure that stopped it.
struct DNSOutcome: Sendable {
    var answers: [DNSAnswer]
    var failure: ProbeFailure?
    var resolvers: [ResolverAddress]
    /// From the SOA of a negative answer, for saying when a retry can succeed.
    var negativeCaching: NegativeCaching?
}

/// One name being resolved for A and AAAA at once, with everyone waiting on it.
final class DNSLookup {
    let name: String
    private var waiters: [(DNSOutcome) -> Void] = []
    private var answers: [DNSAnswer] = []
    private var statuses: [Int32] = []
    private var negativeCaching: NegativeCaching?
    private let resolvers: [ResolverAddress]
    private let resolverText: String
    private var timer: UInt64?
    private(set) var isFinished = false

    init(name: String, resolvers: [ResolverAddress], systemConfigured: Bool) {
        self.name = name
        self.resolvers = resolvers
        let list = resolvers.map(\.description).joined(separator: ", ")
        self.resolverText = systemConfigured ? "the system resolvers (\(list))" : list
    }

    func addWaiter(_ waiter: @escaping (DNSOutcome) -> Void) {
        waiters.append(waiter)
    }

    func setTimer(_ id: UInt64) {
        timer = id
    }

    /// Records one query type's result; finishes once both have answered.
    /// Returns the timer to cancel when the lookup finished.
    func record(status: Int32, answers newAnswers: [DNSAnswer], negativeCaching: NegativeCaching? = nil) -> UInt64? {
        guard !isFinished else { return nil }
        statuses.append(status)
        self.negativeCaching = self.negativeCaching ?? negativeCaching
        answers += newAnswers
        guard statuses.count == 2 else { return nil }
        finish(failure: answers.isEmpty ? failure() : nil)
        return timer
    }

    /// Gives up when the phase timer fires before the resolvers answered.
    func timeOut(after limit: Duration) {
        guard !isFinished else { return }
        finish(failure: ProbeFailure(.dnsTimeout, "no answer for \(name) from \(resolverText) within \(limit.probeText)"))
    }

    private func finish(failure: ProbeFailure?) {
        isFinished = true
        let outcome = DNSOutcome(
            answers: failure == nil ? answers.sorted { $0.address < $1.address } : [],
            failure: failure,
            resolvers: resolvers,
            negativeCaching: failure == nil ? nil : negativeCaching)
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter(outcome) }
    }

    /// Picks the most telling failure of the two queries.
    private func failure() -> ProbeFailure {
        let order: [Int32] = [ARES_ENOTFOUND, ARES_ESERVFAIL, ARES_EREFUSED, ARES_ENOTIMP, ARES_ECONNREFUSED, ARES_ETIMEOUT, ARES_ENODATA]
        let status = order.first(where: statuses.contains) ?? statuses.first { $0 != ARES_SUCCESS } ?? ARES_ENODATA
        switch status {
        case ARES_ENOTFOUND:
            return ProbeFailure(.dnsNXDomain, "\(name) does not exist: NXDOMAIN from \(resolverText)")
        case ARES_ENODATA:
            return ProbeFailure(.dnsNoData, "\(name) exists but has no A or AAAA record (NOERROR, no answers) at \(resolverText)")
        case ARES_ESERVFAIL:
            return ProbeFailure(.dnsServFail, "\(resolverText) answered SERVFAIL for \(name)")
        case ARES_EREFUSED, ARES_ENOTIMP:
            return ProbeFailure(.dnsRefused, "\(resolverText) refused the query for \(name) (\(Self.text(status)))")
        case ARES_ECONNREFUSED:
            return ProbeFailure(.dnsTimeout, "no resolver answered for \(name): \(resolverText) refused the connection (nothing listens there)")
        case ARES_ETIMEOUT:
            return ProbeFailure(.dnsTimeout, "no answer for \(name) from \(resolverText) in time")
        default:
            return ProbeFailure(.dnsServFail, "resolving \(name) at \(resolverText) failed: \(Self.text(status))")
        }
    }

    private static func text(_ status: Int32) -> String {
        String(cString: ares_strerror(status))
    }
}
