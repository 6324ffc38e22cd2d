import ProbeCore

/// Causes found in reaching the endpoint's addresses: which addresses
/// answer, on which port, and in which protocol.
enum ConnectionRules {
    static let all = [partialOutage, wrongScheme, endpointUnreachable, connectionReset, notTLS]

    static let droppedCodes: Set<FailureCode> = [.tcpTimeout, .tcpUnreachable]
    /// Failures that asking with the other scheme, or on the other port, can explain.
    static let schemeCodes: Set<FailureCode> = [.tcpRefused, .tcpTimeout, .tlsProtocol, .tlsHandshake, .httpMalformed, .httpStatus]

    /// A failure that asking with the other scheme can explain; of the
    /// statuses only 400, what a TLS port answers to plain HTTP.
    private static func isSchemeSymptom(_ path: PathReport) -> Bool {
        guard let code = path.failure?.code, schemeCodes.contains(code) else { return false }
        return code != .httpStatus || path.http?.status == 400
    }

    static let partialOutage = Rule(cause: .partialOutage) { facts in
        let failed = facts.failedPaths
        let passed = facts.passedPaths
        guard !failed.isEmpty else {
            return passed.isEmpty ? .notJudged : .ruledOut("every address works (\(FactText.list(passed.map(\.address))))")
        }
        guard !passed.isEmpty else {
            return .ruledOut("no address works, so the failure is not limited to one Availability Zone")
        }
        let failing = failed.map(\.address)
        return .matched(Finding(
            confidence: .high,
            summary: "\(failed.count) of \(facts.report.paths.count) endpoint addresses fail (\(FactText.list(failing))) while \(FactText.list(passed.map(\.address))) works: one Availability Zone (subnet) of the endpoint or of the service behind it is broken.",
            evidence: facts.report.paths.map { FactText.path($0, url: facts.url) },
            nextSteps: [
                "Check the service's targets in the failing Availability Zone: registered and healthy in the load balancer's target group, and cross-zone load balancing if that zone has none.",
                "Check the endpoint's network interface for \(FactText.list(failing)): its subnet's network ACL and the endpoint's security group.",
                "Clients whose DNS answer puts \(FactText.list(failing)) first fail or wait for a timeout; until it is fixed, expect intermittent errors.",
            ]))
    }

    static let wrongScheme = Rule(cause: .wrongScheme) { facts in
        guard let failed = facts.everyPathFails(with: schemeCodes), failed.allSatisfy(isSchemeSymptom) else {
            return facts.passedPaths.isEmpty ? .notJudged : .ruledOut("\(facts.url.scheme.rawValue):// works on \(FactText.list(facts.passedPaths.map(\.address)))")
        }
        var working: [AlternateProbe] = []
        var tried: [AlternateProbe] = []
        for path in failed {
            let alternates = facts.alternates(.otherScheme, at: path.address) + facts.alternates(.otherPort, at: path.address)
            tried += alternates
            if let works = alternates.first(where: { $0.path.failure == nil }) { working.append(works) }
        }
        guard !working.isEmpty else {
            guard !tried.isEmpty else { return .notJudged }
            return .ruledOut("neither the other scheme nor the other port served the expected response: " + tried.map { "\($0.url.scheme.rawValue)://\($0.path.address.uriText):\($0.url.port) \($0.path.failure.map(\.code.rawValue) ?? "works")" }.joined(separator: ", "))
        }
        let better = working[0].url
        let timedOut = failed.contains { $0.failure?.code == .tcpTimeout }
        let servedText = better.scheme == .https ? "only HTTPS is served" : "only plain HTTP is served"
        let summary = "\(facts.url) fails, but \(better) works: \(servedText)\(better.port == facts.url.port ? " on port \(better.port)" : ", on port \(better.port)")."
        return .matched(Finding(
            confidence: timedOut ? .medium : .high,
            summary: summary,
            evidence: failed.map { FactText.path($0, url: facts.url) } + working.map { "\($0.url.scheme.rawValue)://\($0.path.address.uriText):\($0.url.port) works (\(FactText.response($0.path.http ?? HTTPReport())))" },
            nextSteps: [
                "Use \(better) instead of \(facts.url).",
                better.scheme == .https
                    ? "If plain HTTP must work too, add a listener for port \(facts.url.port) to the service's load balancer (or redirect it to HTTPS)."
                    : "If HTTPS is required, give the service's load balancer a TLS listener with a certificate for \(facts.host).",
            ]))
    }

    static let endpointUnreachable = Rule(cause: .endpointUnreachable) { facts in
        guard let failed = facts.everyPathFails(with: droppedCodes) else {
            let connected = facts.report.paths.filter { $0.timings.connect != nil }.map(\.address)
            return connected.isEmpty ? .notJudged : .ruledOut("\(FactText.list(connected)) accepted the TCP handshake on port \(facts.url.port)")
        }
        var evidence = failed.map { FactText.path($0, url: facts.url) }
        var otherPortAnswers = false
        for path in failed {
            for alternate in facts.alternates(.otherPort, at: path.address) {
                let port = alternate.url.port
                if let failure = alternate.path.failure, droppedCodes.contains(failure.code) {
                    evidence.append("Port \(port) on \(path.address) gets no answer either (\(failure.code)): nothing at this address answers.")
                } else {
                    otherPortAnswers = true
                    let how = alternate.path.failure?.code == .tcpRefused ? "refuses the connection at once" : "accepts the connection"
                    evidence.append("Port \(port) on \(path.address) \(how): the address is reachable, only port \(facts.url.port) is dropped.")
                }
            }
        }
        let unreachable = failed.contains { $0.failure?.code == .tcpUnreachable }
        let summary = otherPortAnswers
            ? "Port \(facts.url.port) is dropped at every endpoint address (\(FactText.list(failed.map(\.address)))) while another port answers: a security group or network ACL filters port \(facts.url.port)."
            : "Every endpoint address (\(FactText.list(failed.map(\.address)))) drops the TCP handshake on port \(facts.url.port): the traffic is filtered, or the endpoint connection is not accepted."
        var steps = [
            "Check the endpoint's security group: an inbound rule for TCP \(facts.url.port) from this host's address or subnet.",
            "Check the network ACLs of the endpoint's subnets and of this host's subnet: TCP \(facts.url.port) in, ephemeral ports (1024-65535) back.",
            "Check that the endpoint is Available, not pendingAcceptance: the service owner must accept the connection.",
        ]
        if unreachable { steps.insert("Check this subnet's route table: there is no route to \(FactText.list(failed.map(\.address))).", at: 0) }
        return .matched(Finding(confidence: .high, summary: summary, evidence: evidence, nextSteps: steps))
    }

    static let connectionReset = Rule(cause: .connectionReset) { facts in
        guard let failed = facts.everyPathFails(with: [.tcpRefused]) else {
            let connected = facts.report.paths.filter { $0.timings.connect != nil }.map(\.address)
            return connected.isEmpty ? .notJudged : .ruledOut("\(FactText.list(connected)) accepted the connection on port \(facts.url.port)")
        }
        var evidence = failed.map { FactText.path($0, url: facts.url) }
        for path in failed {
            for alternate in facts.alternates(.otherPort, at: path.address) {
                evidence.append("Port \(alternate.url.port) on \(path.address): " + (alternate.path.failure.map { "\($0.code)" } ?? "works"))
            }
        }
        return .matched(Finding(
            confidence: .high,
            summary: "Every endpoint address (\(FactText.list(failed.map(\.address)))) resets the connection on port \(facts.url.port): nothing accepts connections there.",
            evidence: evidence,
            nextSteps: [
                "Check that the service's load balancer has a listener on port \(facts.url.port).",
                "Check its target group: targets registered and healthy, listening on the target port.",
                "Check the port in the URL: the endpoint forwards only the ports of the service's listeners.",
            ]))
    }

    static let notTLS = Rule(cause: .notTLS) { facts in
        guard facts.url.scheme == .https else { return .notJudged }
        guard let failed = facts.everyPathFails(with: [.tlsProtocol]) else {
            let handshaken = facts.report.paths.compactMap { path in path.tls.map { (path.address, $0.version) } }
            guard let first = handshaken.first else { return .notJudged }
            return .ruledOut("the TLS handshake with \(first.0) completed (\(first.1))")
        }
        var evidence = failed.map { FactText.path($0, url: facts.url) }
        for path in failed {
            for alternate in facts.alternates(.otherScheme, at: path.address) {
                evidence.append("Plain HTTP to \(path.address.uriText):\(alternate.url.port): "
                    + (alternate.path.failure.map { "\($0.code): \(FactText.printable($0.message))" } ?? "works"))
            }
        }
        return .matched(Finding(
            confidence: .high,
            summary: "Port \(facts.url.port) at \(FactText.list(failed.map(\.address))) does not speak TLS 1.2 or later.",
            evidence: evidence,
            nextSteps: [
                "Check the service's listener on port \(facts.url.port): a TLS listener (or TCP to a TLS target), not TCP to a plain-text target.",
                "Check the port: another service (SSH, a database) may listen where HTTPS was expected.",
                "If the listener speaks only TLS 1.0 or 1.1, raise its security policy to TLS 1.2 or later.",
            ]))
    }
}
