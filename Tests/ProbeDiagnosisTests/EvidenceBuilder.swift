import ProbeCore
@testable import ProbeDiagnosis

/// Builds the evidence of one scenario: a target with two endpoint
/// addresses, what its check saw, and what was gathered after it.
struct EvidenceBuilder {
    static let host = "privatelink.test.cloud5.jp"
    static let first = IPAddress("10.0.1.23")!
    static let second = IPAddress("10.0.2.45")!
    static let resolver = ResolverAddress(address: IPAddress("10.0.0.2")!)
    static let otherResolver = ResolverAddress(address: IPAddress("10.0.0.3")!)
    static let now = Timestamp(secondsSince1970: 1_800_000_000)
    static let day = 86_400.0

    var url = try! ProbeURL(parsing: "https://\(host)/")
    var expected: [IPAddress] = [first, second]
    var answers: [IPAddress] = [first, second]
    var dnsFailures: [ProbeFailure] = []
    var paths: [PathReport] = []
    var resolvers: [ResolverObservation] = [
        ResolverObservation(resolver: resolver, answers: [DNSAnswer(address: first, ttl: 60), DNSAnswer(address: second, ttl: 60)], askedAt: now),
    ]
    var alternates: [AlternateProbe] = []

    var evidence: Evidence {
        let target = ProbeTarget(url: url, expectations: Expectations(addresses: expected), dnsServers: [Self.resolver])
        let dns = DNSReport(
            answers: answers.map { DNSAnswer(address: $0, ttl: 60) }, expectedAddresses: expected,
            resolvers: [Self.resolver], duration: .milliseconds(2), failures: dnsFailures)
        let report = TargetReport(target: target, dns: dns, paths: paths, startedAt: Self.now, duration: .milliseconds(20))
        return Evidence(report: report, observations: Observations(resolvers: resolvers, alternates: alternates, startedAt: Self.now))
    }

    var diagnosis: Diagnosis { Diagnoser.diagnose(evidence) }

    static func passing(_ address: IPAddress) -> PathReport {
        PathReport(
            address: address, tls: TLSReport(version: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256", certificate: certificate()),
            http: HTTPReport(status: 200, bodyBytes: 20, bodyMatched: true, server: "nginx"))
    }

    static func failing(_ address: IPAddress, _ code: FailureCode, tls: TLSReport? = nil, http: HTTPReport? = nil) -> PathReport {
        var timings = PhaseTimings()
        if code.phase != .tcp { timings.connect = .milliseconds(1) }
        return PathReport(
            address: address, failure: ProbeFailure(code, "\(code) at \(address)", address: address),
            timings: timings, tls: tls, http: http)
    }

    static func certificate(names: [String] = [host], from: Double = now.secondsSince1970 - 30 * day, to: Double = now.secondsSince1970 + 60 * day) -> CertificateInfo {
        CertificateInfo(
            subject: "CN=\(names.first ?? "")", issuer: "CN=Example Intermediate", subjectAlternativeNames: names,
            notBefore: Timestamp(secondsSince1970: from), notAfter: Timestamp(secondsSince1970: to))
    }

    static func tls(_ certificate: CertificateInfo = certificate()) -> TLSReport {
        TLSReport(version: "TLSv1.3", cipher: "TLS_AES_128_GCM_SHA256", certificate: certificate, chain: [certificate])
    }

    static func alternate(_ purpose: AlternateProbe.Purpose, _ url: String, _ path: PathReport, at time: Timestamp = now) -> AlternateProbe {
        AlternateProbe(purpose: purpose, url: try! ProbeURL(parsing: url), path: path, startedAt: time)
    }

    static func negative(_ code: FailureCode, from resolver: ResolverAddress = resolver, caching: NegativeCaching? = nil) -> ResolverObservation {
        ResolverObservation(resolver: resolver, failure: ProbeFailure(code, "\(code) from \(resolver)"), negativeCaching: caching, askedAt: now)
    }
}
