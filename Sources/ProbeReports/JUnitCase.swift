import ProbeCore

/// One JUnit test case: a single check of a target (`dns`, or `tcp`, `tls`,
/// `http` on one address), so a CI page shows exactly which check broke.
struct JUnitCase: Sendable {
    enum Outcome: Sendable {
        case passed
        /// The first failure is the reported one; all of them are listed.
        case failed([ProbeFailure])
        case skipped(reason: String)
    }

    var name: String
    /// `nil` when the check did not run or its time was not measured.
    var time: Duration?
    var outcome: Outcome

    /// The cases of one target: `dns`, then per path its checks in order.
    static func cases(for report: TargetReport) -> [JUnitCase] {
        [dnsCase(report.dns)] + report.paths.flatMap { pathCases($0, scheme: report.target.url.scheme) }
    }

    private static func dnsCase(_ dns: DNSReport) -> JUnitCase {
        if !dns.failures.isEmpty {
            return JUnitCase(name: "dns", time: dns.duration, outcome: .failed(dns.failures))
        }
        guard let duration = dns.duration else {
            return JUnitCase(name: "dns", time: nil, outcome: .skipped(reason: "not resolved: the URL names an address"))
        }
        return JUnitCase(name: "dns", time: duration, outcome: .passed)
    }

    /// Checks before the failed one passed, the failed one carries the
    /// failure, and the rest were never reached.
    private static func pathCases(_ path: PathReport, scheme: ProbeURL.Scheme) -> [JUnitCase] {
        let phases: [Phase] = scheme == .https ? [.tcp, .tls, .http] : [.tcp, .http]
        let failedIndex = path.failure.map { failure in
            phases.firstIndex { $0 >= failure.code.phase } ?? phases.count - 1
        }
        return phases.enumerated().map { index, phase in
            let name = "\(phase.rawValue) \(path.address)"
            let time = phaseTime(phase, path.timings)
            guard let failedIndex, let failure = path.failure else {
                return JUnitCase(name: name, time: time, outcome: .passed)
            }
            if index < failedIndex { return JUnitCase(name: name, time: time, outcome: .passed) }
            if index == failedIndex { return JUnitCase(name: name, time: time, outcome: .failed([failure])) }
            return JUnitCase(name: name, time: nil, outcome: .skipped(reason: "not reached: \(phases[failedIndex].rawValue) failed"))
        }
    }

    /// HTTP time is what remains of the total after connecting and the handshake.
    private static func phaseTime(_ phase: Phase, _ timings: PhaseTimings) -> Duration? {
        switch phase {
        case .dns: return nil
        case .tcp: return timings.connect
        case .tls: return timings.tls
        case .http:
            return timings.total.map { $0 - (timings.connect ?? .zero) - (timings.tls ?? .zero) }
        }
    }
}
