import ProbeCore

/// One attempt at one target on one event loop: resolve the name, compare the
/// answers with the expectations, then probe every accepted address at once.
final class TargetAttempt {
    private let loop: EventLoop
    private let target: ProbeTarget
    private let fresh: Bool
    private let completion: (DNSReport, [PathReport]) -> Void
    private var dns = DNSReport()
    private var paths: [PathReport] = []
    private var remaining = 0

    /// `fresh` bypasses cached DNS answers, as every retry must.
    init(loop: EventLoop, target: ProbeTarget, fresh: Bool, completion: @escaping (DNSReport, [PathReport]) -> Void) {
        self.loop = loop
        self.target = target
        self.fresh = fresh
        self.completion = completion
        dns.expectedAddresses = target.expectations.addresses.sorted()
        dns.expectedCIDRs = target.expectations.cidrs
        dns.resolvers = target.dnsServers
    }

    func start() {
        if let literal = target.url.hostAddress {
            probe([literal])
            return
        }
        let started = MonotonicClock.now()
        DNSResolver.on(loop).resolve(target.url.host, servers: target.dnsServers, timeout: target.timeout, fresh: fresh) { [self] outcome in
            dns.duration = .between(started, MonotonicClock.now())
            dns.resolvers = outcome.resolvers
            dns.answers = outcome.answers
            if let failure = outcome.failure {
                dns.failures = [failure]
                probe([])
                return
            }
            let check = AddressCheck(answers: outcome.answers.map(\.address), expectations: target.expectations, name: target.url.host)
            dns.failures = check.failures
            probe(check.probeable)
        }
    }

    private func probe(_ addresses: [IPAddress]) {
        guard !addresses.isEmpty else {
            completion(dns, [])
            return
        }
        let plan: PathPlan
        do {
            plan = PathPlan(target: target, tlsContext: target.url.scheme == .https ? try TLSClientContext.shared(caFile: target.caFile) : nil)
        } catch {
            completion(dns, addresses.map { PathReport(address: $0, failure: ProbeFailure(.tlsUntrusted, error.message, address: $0)) })
            return
        }
        remaining = addresses.count
        for address in addresses {
            PathProbe(loop: loop, address: address, plan: plan) { [self] report in
                paths.append(report)
                remaining -= 1
                if remaining == 0 {
                    completion(dns, paths.sorted { $0.address < $1.address })
                }
            }.start()
        }
    }
}
