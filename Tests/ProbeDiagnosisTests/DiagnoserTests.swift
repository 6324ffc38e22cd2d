import ProbeCore
import Testing
@testable import ProbeDiagnosis

/// One scenario per cause: the evidence a real fault leaves, and the cause
/// the diagnosis must name first.
struct Scenario: CustomTestStringConvertible, Sendable {
    let name: String
    let expected: Cause
    let evidence: Evidence

    init(_ name: String, _ expected: Cause, _ build: (inout EvidenceBuilder) -> Void) {
        var builder = EvidenceBuilder()
        build(&builder)
        self.name = name
        self.expected = expected
        self.evidence = builder.evidence
    }

    var testDescription: String { "\(name) → \(expected)" }
}

typealias B = EvidenceBuilder

let scenarios: [Scenario] = [
    Scenario("every address passes", .healthy) { b in
        b.paths = [B.passing(B.first), B.passing(B.second)]
    },
    Scenario("NXDOMAIN from every resolver", .dnsNotPropagated) { b in
        b.answers = []
        b.dnsFailures = [ProbeFailure(.dnsNXDomain, "\(B.host) does not exist")]
        b.resolvers = [B.negative(.dnsNXDomain, caching: NegativeCaching(zone: "cloud5.jp", soaTTL: 900, minimum: 900))]
    },
    Scenario("a public answer", .privateDNSNotEnabled) { b in
        b.answers = [IPAddress("203.0.113.10")!]
        b.dnsFailures = [ProbeFailure(.dnsPublicAddress, "public 203.0.113.10")]
    },
    Scenario("SERVFAIL", .resolverFailure) { b in
        b.answers = []
        b.dnsFailures = [ProbeFailure(.dnsServFail, "SERVFAIL")]
        b.resolvers = [B.negative(.dnsServFail)]
    },
    Scenario("an Availability Zone missing from the answers", .endpointAddressesMismatch) { b in
        b.answers = [B.first]
        b.dnsFailures = [ProbeFailure(.dnsUnexpectedAddresses, "missing \(B.second)")]
        b.paths = [B.passing(B.first)]
    },
    Scenario("every address drops the handshake", .endpointUnreachable) { b in
        b.paths = [B.failing(B.first, .tcpTimeout), B.failing(B.second, .tcpTimeout)]
        b.alternates = [B.alternate(.otherPort, "http://\(B.host)/", B.failing(B.first, .tcpRefused))]
    },
    Scenario("one address resets, the other works", .partialOutage) { b in
        b.paths = [B.passing(B.first), B.failing(B.second, .tcpRefused)]
    },
    Scenario("every address resets", .connectionReset) { b in
        b.paths = [B.failing(B.first, .tcpRefused), B.failing(B.second, .tcpRefused)]
    },
    Scenario("http:// refused, https:// works", .wrongScheme) { b in
        b.url = try! ProbeURL(parsing: "http://\(B.host)/")
        b.paths = [B.failing(B.first, .tcpRefused), B.failing(B.second, .tcpRefused)]
        b.alternates = [
            B.alternate(.otherPort, "https://\(B.host)/", B.passing(B.first)),
            B.alternate(.otherPort, "https://\(B.host)/", B.passing(B.second)),
        ]
    },
    Scenario("no TLS, and not HTTP either", .notTLS) { b in
        b.paths = [B.failing(B.first, .tlsProtocol), B.failing(B.second, .tlsProtocol)]
        b.alternates = [B.alternate(.otherScheme, "http://\(B.host):443/", B.failing(B.first, .httpMalformed))]
    },
    Scenario("certificate for another name", .certificateNameMismatch) { b in
        let tls = B.tls(B.certificate(names: ["other.example.test"]))
        b.paths = [B.failing(B.first, .tlsNameMismatch, tls: tls), B.failing(B.second, .tlsNameMismatch, tls: tls)]
    },
    Scenario("certificate from an unknown CA", .certificateUntrusted) { b in
        b.paths = [B.failing(B.first, .tlsUntrusted, tls: B.tls()), B.failing(B.second, .tlsUntrusted, tls: B.tls())]
    },
    Scenario("expired certificate, clocks agree", .certificateExpired) { b in
        let expired = B.tls(B.certificate(from: B.now.secondsSince1970 - 90 * B.day, to: B.now.secondsSince1970 - B.day))
        b.paths = [B.failing(B.first, .tlsExpired, tls: expired), B.failing(B.second, .tlsExpired, tls: expired)]
        b.alternates = [B.alternate(.detail, "https://\(B.host)/", B.failing(B.first, .tlsExpired, tls: expired, http: HTTPReport(status: 200, date: B.now)))]
    },
    Scenario("certificate valid by the server's clock, two days ahead", .clockSkew) { b in
        let future = B.tls(B.certificate(from: B.now.secondsSince1970 + B.day, to: B.now.secondsSince1970 + 90 * B.day))
        let serverTime = Timestamp(secondsSince1970: B.now.secondsSince1970 + 2 * B.day)
        b.paths = [B.failing(B.first, .tlsNotYetValid, tls: future), B.failing(B.second, .tlsNotYetValid, tls: future)]
        b.alternates = [B.alternate(.detail, "https://\(B.host)/", B.failing(B.first, .tlsNotYetValid, tls: future, http: HTTPReport(status: 200, date: serverTime)))]
    },
    Scenario("503 everywhere", .serviceError) { b in
        let http = HTTPReport(status: 503, bodyBytes: 12, server: "nginx")
        b.paths = [B.failing(B.first, .httpStatus, tls: B.tls(), http: http), B.failing(B.second, .httpStatus, tls: B.tls(), http: http)]
    },
    Scenario("a backend that never answers", .serviceError) { b in
        b.paths = [B.failing(B.first, .httpTimeout, tls: B.tls()), B.failing(B.second, .httpTimeout, tls: B.tls())]
    },
    Scenario("another service's body", .unexpectedContent) { b in
        let http = HTTPReport(status: 200, bodyBytes: 18, bodyMatched: false, server: "nginx", bodyPreview: "Welcome to nginx!")
        b.paths = [B.failing(B.first, .httpBodyMismatch, tls: B.tls(), http: http), B.failing(B.second, .httpBodyMismatch, tls: B.tls(), http: http)]
    },
]

@Suite("Diagnoser: one scenario per cause")
struct DiagnoserTests {
    @Test("names the cause of the scenario first", arguments: scenarios)
    func namesTheCause(_ scenario: Scenario) {
        let diagnosis = Diagnoser.diagnose(scenario.evidence)
        #expect(diagnosis.cause == scenario.expected, "\(diagnosis.summary)")
        #expect(!diagnosis.evidence.isEmpty)
        #expect(!diagnosis.nextSteps.isEmpty)
        #expect(!diagnosis.ruledOut.contains { $0.cause == diagnosis.cause })
    }

    @Test("every cause of the contract has a scenario")
    func everyCauseCovered() {
        #expect(Set(scenarios.map(\.expected)) == Set(Cause.all))
    }

    @Test("the cause identifiers are the documented ones")
    func identifiers() {
        #expect(Cause.all.map(\.rawValue) == [
            "dns_not_propagated", "private_dns_not_enabled", "resolver_failure", "endpoint_addresses_mismatch",
            "endpoint_unreachable", "partial_outage", "connection_reset", "wrong_scheme", "not_tls",
            "certificate_name_mismatch", "certificate_untrusted", "certificate_expired", "clock_skew",
            "service_error", "unexpected_content", "healthy",
        ])
        #expect(Cause(rawValue: "clock_skew") == .clockSkew)
        #expect(Cause(rawValue: "tls.expired") == nil)
    }
}
