import ProbeCore

/// The evidence with the questions every rule asks of it answered in one place.
struct EvidenceFacts {
    let report: TargetReport
    let observations: Observations

    init(_ evidence: Evidence) {
        report = evidence.report
        observations = evidence.observations
    }

    var url: ProbeURL { report.target.url }
    var host: String { url.host }
    var expectations: Expectations { report.target.expectations }
    /// Whether the check resolved a name rather than probing an address literal.
    var resolvesName: Bool { url.hostAddress == nil }
    var resolvers: [ResolverObservation] { observations.resolvers }
    var failedPaths: [PathReport] { report.paths.filter { $0.failure != nil } }
    var passedPaths: [PathReport] { report.paths.filter { $0.failure == nil } }

    func dnsFailure(_ codes: Set<FailureCode>) -> ProbeFailure? {
        report.dns.failures.first { codes.contains($0.code) }
    }

    /// The failed paths, when no path passed and each failed with one of `codes`.
    func everyPathFails(with codes: Set<FailureCode>) -> [PathReport]? {
        let failed = failedPaths
        guard !failed.isEmpty, passedPaths.isEmpty,
              failed.allSatisfy({ $0.failure.map { codes.contains($0.code) } ?? false }) else { return nil }
        return failed
    }

    func pathsFailing(with codes: Set<FailureCode>) -> [PathReport] {
        failedPaths.filter { $0.failure.map { codes.contains($0.code) } ?? false }
    }

    func alternates(_ purpose: AlternateProbe.Purpose, at address: IPAddress) -> [AlternateProbe] {
        observations.alternates.filter { $0.purpose == purpose && $0.path.address == address }
    }

    /// `ADDRESS:PORT` of the URL's port.
    func endpoint(_ address: IPAddress) -> String {
        "\(address.uriText):\(url.port)"
    }

    /// Whether any path completed a TLS handshake whose certificate passed
    /// every check (a later failure is not a certificate problem).
    var certificateVerifiedSomewhere: Bool {
        report.paths.contains { path in
            path.tls != nil && (path.failure.map { $0.code.phase != .tls } ?? true)
        }
    }
}
