import ProbeCore
import Testing
@testable import ProbeDiagnosis

@Suite("Diagnoser: precedence and confidence")
struct PrecedenceTests {
    @Test("a DNS cause comes before what the remaining addresses show")
    func dnsBeforePaths() {
        var b = EvidenceBuilder()
        b.answers = [B.first]
        b.dnsFailures = [ProbeFailure(.dnsUnexpectedAddresses, "missing \(B.second)")]
        b.paths = [B.failing(B.first, .tcpRefused)]
        let diagnosis = b.diagnosis
        #expect(diagnosis.cause == .endpointAddressesMismatch)
        #expect(diagnosis.alsoSeen.contains(.connectionReset))
        #expect(diagnosis.evidence.contains { $0.contains("Missing from the answers: \(B.second)") })
    }

    @Test("a passing check with one broken resolver is a resolver failure of medium confidence")
    func brokenSecondResolver() {
        var b = EvidenceBuilder()
        b.paths = [B.passing(B.first), B.passing(B.second)]
        b.resolvers.append(B.negative(.dnsServFail, from: B.otherResolver))
        let diagnosis = b.diagnosis
        #expect(diagnosis.cause == .resolverFailure)
        #expect(diagnosis.confidence == .medium)
        #expect(diagnosis.ruledOut.contains { $0.cause == .healthy })
    }

    @Test("a certain path failure outranks a resolver that is only suspect")
    func pathFailureOutranksSuspectResolver() {
        var b = EvidenceBuilder()
        b.paths = [B.failing(B.first, .tcpRefused), B.failing(B.second, .tcpRefused)]
        b.resolvers.append(B.negative(.dnsRefused, from: B.otherResolver))
        let diagnosis = b.diagnosis
        #expect(diagnosis.cause == .connectionReset)
        #expect(diagnosis.alsoSeen == [.resolverFailure])
    }

    @Test("one resolver still caching NXDOMAIN while another answers is propagation")
    func resolversDisagree() {
        var b = EvidenceBuilder()
        b.paths = [B.passing(B.first), B.passing(B.second)]
        b.resolvers.append(B.negative(.dnsNXDomain, from: B.otherResolver, caching: NegativeCaching(zone: "cloud5.jp", soaTTL: 3600, minimum: 900)))
        let diagnosis = b.diagnosis
        #expect(diagnosis.cause == .dnsNotPropagated)
        #expect(diagnosis.evidence.contains { $0.contains("cached for up to 900 s") })
    }

    @Test("the negative-cache time says when a retry can succeed")
    func retryTime() {
        var b = EvidenceBuilder()
        b.answers = []
        b.dnsFailures = [ProbeFailure(.dnsNXDomain, "\(B.host) does not exist")]
        b.resolvers = [B.negative(.dnsNXDomain, caching: NegativeCaching(zone: "cloud5.jp", soaTTL: 900, minimum: 300))]
        let diagnosis = b.diagnosis
        let retryAt = FactText.timeOfDay(Timestamp(secondsSince1970: B.now.secondsSince1970 + 300))
        #expect(diagnosis.evidence.contains { $0.contains("a retry can succeed after \(retryAt)") })
        #expect(diagnosis.nextSteps.first?.contains("Wait until \(retryAt)") == true)
    }

    @Test("a working address makes a reset a partial outage, not a reset")
    func partialBeforeReset() {
        var b = EvidenceBuilder()
        b.paths = [B.failing(B.first, .tcpRefused), B.passing(B.second)]
        #expect(b.diagnosis.cause == .partialOutage)
        #expect(b.diagnosis.ruledOut.contains { $0.cause == .healthy })
    }

    @Test("plain HTTP served where TLS was asked for is the wrong scheme, not 'no TLS'")
    func wrongSchemeBeforeNotTLS() {
        var b = EvidenceBuilder()
        b.paths = [B.failing(B.first, .tlsProtocol), B.failing(B.second, .tlsProtocol)]
        b.alternates = [B.alternate(.otherScheme, "http://\(B.host):443/", B.passing(B.first))]
        let diagnosis = b.diagnosis
        #expect(diagnosis.cause == .wrongScheme)
        #expect(diagnosis.nextSteps.first == "Use http://\(B.host):443/ instead of https://\(B.host)/.")
        #expect(diagnosis.alsoSeen.contains(.notTLS))
    }

    @Test("a drop on 443 while 80 answers says only the port is filtered")
    func filteredPort() {
        var b = EvidenceBuilder()
        b.paths = [B.failing(B.first, .tcpTimeout), B.failing(B.second, .tcpTimeout)]
        b.alternates = [B.alternate(.otherPort, "http://\(B.host)/", B.failing(B.first, .tcpRefused))]
        let diagnosis = b.diagnosis
        #expect(diagnosis.cause == .endpointUnreachable)
        #expect(diagnosis.summary.contains("while another port answers"))
    }

    @Test("a 503 is not the wrong scheme even when plain HTTP works")
    func serverErrorIsNotWrongScheme() {
        var b = EvidenceBuilder()
        let http = HTTPReport(status: 503, server: "nginx")
        b.paths = [B.failing(B.first, .httpStatus, tls: B.tls(), http: http), B.failing(B.second, .httpStatus, tls: B.tls(), http: http)]
        b.alternates = [B.alternate(.otherPort, "http://\(B.host)/", B.passing(B.first))]
        #expect(b.diagnosis.cause == .serviceError)
    }

    @Test("an expired certificate with no server clock to compare is of medium confidence")
    func expiredWithoutDate() {
        var b = EvidenceBuilder()
        let expired = B.tls(B.certificate(from: B.now.secondsSince1970 - 90 * B.day, to: B.now.secondsSince1970 - B.day))
        b.paths = [B.failing(B.first, .tlsExpired, tls: expired), B.failing(B.second, .tlsExpired, tls: expired)]
        let diagnosis = b.diagnosis
        #expect(diagnosis.cause == .certificateExpired)
        #expect(diagnosis.confidence == .medium)
    }

    @Test("clocks that differ while the certificate is invalid for the server too are not clock skew")
    func skewThatDoesNotExplain() {
        var b = EvidenceBuilder()
        let expired = B.tls(B.certificate(from: B.now.secondsSince1970 - 90 * B.day, to: B.now.secondsSince1970 - 10 * B.day))
        let serverTime = Timestamp(secondsSince1970: B.now.secondsSince1970 + B.day)
        b.paths = [B.failing(B.first, .tlsExpired, tls: expired), B.failing(B.second, .tlsExpired, tls: expired)]
        b.alternates = [B.alternate(.detail, "https://\(B.host)/", B.failing(B.first, .tlsExpired, tls: expired, http: HTTPReport(status: 200, date: serverTime)))]
        let diagnosis = b.diagnosis
        #expect(diagnosis.cause == .certificateExpired)
        #expect(diagnosis.ruledOut.contains { $0.cause == .clockSkew })
    }

    @Test("a failure no rule explains gets the nearest cause with low confidence")
    func nearestCause() {
        var b = EvidenceBuilder()
        b.paths = [B.failing(B.first, .tlsHandshake), B.failing(B.second, .tlsHandshake)]
        let diagnosis = b.diagnosis
        #expect(diagnosis.cause == .notTLS)
        #expect(diagnosis.confidence == .low)
    }

    @Test("evidence still running at the time bound is said to be missing")
    func unfinishedEvidence() {
        var b = EvidenceBuilder()
        b.paths = [B.failing(B.first, .tcpTimeout), B.failing(B.second, .tcpTimeout)]
        var evidence = b.evidence
        evidence.observations.unfinished = ["http://\(B.host)/ on \(B.first)"]
        let diagnosis = Diagnoser.diagnose(evidence)
        #expect(diagnosis.evidence.last?.hasPrefix("Not gathered within the time bound: http://") == true)
    }
}

@Suite("Diagnoser: what an HTTP failure means")
struct ResponseFailureTests {
    @Test("a connection closed before any response byte is a service error")
    func closedWithoutResponse() {
        var b = EvidenceBuilder()
        b.paths = [B.failing(B.first, .httpMalformed, tls: B.tls()), B.failing(B.second, .httpMalformed, tls: B.tls())]
        #expect(b.diagnosis.cause == .serviceError)
    }

    @Test("bytes that are not HTTP are unexpected content")
    func garbage() {
        var b = EvidenceBuilder()
        var paths = [B.failing(B.first, .httpMalformed, tls: B.tls()), B.failing(B.second, .httpMalformed, tls: B.tls())]
        for index in paths.indices { paths[index].timings.timeToFirstByte = .milliseconds(1) }
        b.paths = paths
        #expect(b.diagnosis.cause == .unexpectedContent)
    }
}

@Suite("FactText")
struct FactTextTests {
    @Test("spans read as a person says them", arguments: [
        (45.4, "45 s"), (119.0, "119 s"), (900.0, "15 min"), (7199.0, "2 h 0 min"), (12_000.0, "3 h 20 min"),
        (172_799.4, "2 days"), (-172_800.0, "2 days"), (2 * 86_400.0 + 5 * 3600, "2 days 5 h"),
    ])
    func span(_ seconds: Double, _ text: String) {
        #expect(FactText.span(seconds: seconds) == text)
    }
}
