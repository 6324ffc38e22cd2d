import ProbeCore

/// Causes found in the certificate the endpoint presented, and in the
/// clocks that judge it.
enum CertificateRules {
    static let all = [clockSkew, certificateExpired, nameMismatch, untrusted]

    static let datesCodes: Set<FailureCode> = [.tlsExpired, .tlsNotYetValid]
    /// A difference between this host's clock and the server's that is
    /// more than network delay and `Date`'s one-second resolution explain.
    static let skewTolerance = 300.0

    /// The server's clock against this host's, read from a response sent
    /// despite the certificate's dates.
    struct ClockReading {
        var address: IPAddress
        var serverTime: Timestamp
        var localTime: Timestamp
        var certificate: CertificateInfo?

        /// Seconds the server's clock is ahead of this host's.
        var skew: Double { serverTime.secondsSince1970 - localTime.secondsSince1970 }

        /// Whether the certificate is valid at the server's time.
        var certificateValidForServer: Bool {
            guard let certificate, let from = certificate.notBefore, let to = certificate.notAfter else { return false }
            return from <= serverTime && serverTime <= to
        }

        var line: String {
            let direction = skew > 0 ? "behind" : "ahead of"
            return "The server at \(address) says it is \(FactText.moment(serverTime)) (HTTP Date header); this host said \(FactText.moment(localTime)): this host's clock is \(FactText.span(seconds: skew)) \(direction) the server's."
        }
    }

    static func clockReadings(_ facts: EvidenceFacts) -> [ClockReading] {
        facts.pathsFailing(with: datesCodes).flatMap { path in
            facts.alternates(.detail, at: path.address).compactMap { alternate in
                alternate.path.http?.date.map { date in
                    ClockReading(
                        address: path.address, serverTime: date, localTime: alternate.startedAt,
                        certificate: alternate.path.tls?.certificate ?? path.tls?.certificate)
                }
            }
        }
    }

    static let clockSkew = Rule(cause: .clockSkew) { facts in
        let failed = facts.pathsFailing(with: datesCodes)
        guard !failed.isEmpty else {
            return facts.certificateVerifiedSomewhere ? .ruledOut("no certificate looked expired or not yet valid by this host's clock") : .notJudged
        }
        let readings = clockReadings(facts)
        guard let skewed = readings.first(where: { abs($0.skew) > skewTolerance && $0.certificateValidForServer }) else {
            guard let reading = readings.first else { return .notJudged }
            if abs(reading.skew) <= skewTolerance {
                return .ruledOut("the server's clock (HTTP Date) agrees with this host's within \(FactText.span(seconds: reading.skew))")
            }
            return .ruledOut("the clocks differ by \(FactText.span(seconds: reading.skew)), but the certificate is not valid by the server's clock either")
        }
        var evidence = failed.map { FactText.path($0, url: facts.url) }
        evidence.append(skewed.line)
        if let certificate = skewed.certificate {
            evidence.append("The certificate is valid by the server's clock: " + FactText.certificate(certificate) + ".")
        }
        let behind = skewed.skew > 0
        return .matched(Finding(
            confidence: .high,
            summary: "This host's clock is \(FactText.span(seconds: skewed.skew)) \(behind ? "behind" : "ahead of") the server's, so a valid certificate looks \(behind ? "not yet valid" : "expired") here.",
            evidence: evidence,
            nextSteps: [
                "Check this host's clock and its time synchronisation: timedatectl status; chronyc tracking (in EC2, the Amazon Time Sync Service at 169.254.169.123).",
                "If this host's clock is right, the server's is wrong: fix time synchronisation on the service's hosts.",
            ]))
    }

    static let certificateExpired = Rule(cause: .certificateExpired) { facts in
        let failed = facts.pathsFailing(with: datesCodes)
        guard let first = failed.first else {
            guard facts.certificateVerifiedSomewhere,
                  let certificate = facts.report.paths.compactMap({ $0.tls?.certificate }).first else { return .notJudged }
            return .ruledOut("the certificate is within its validity period (\(certificate.notAfter.map { "until " + FactText.moment($0) } ?? "no end date"))")
        }
        var evidence = failed.map { FactText.path($0, url: facts.url) }
        if let certificate = first.tls?.certificate { evidence.append("Certificate: " + FactText.certificate(certificate) + ".") }
        let readings = clockReadings(facts)
        let agreeing = readings.first { abs($0.skew) <= skewTolerance }
        if let agreeing {
            evidence.append("The server's clock agrees with this host's (HTTP Date \(FactText.moment(agreeing.serverTime))): the certificate's dates, not a clock, are wrong.")
        } else if readings.isEmpty {
            evidence.append("The server sent no Date header to compare clocks with.")
        }
        let expired = first.failure?.code == .tlsExpired
        return .matched(Finding(
            confidence: agreeing != nil ? .high : .medium,
            summary: expired
                ? "The certificate presented at \(FactText.list(failed.map(\.address))) has expired."
                : "The certificate presented at \(FactText.list(failed.map(\.address))) is not valid yet.",
            evidence: evidence,
            nextSteps: [
                expired
                    ? "Renew the certificate on the service's TLS listener (for ACM, check the certificate's renewal status) and deploy it."
                    : "Install a certificate whose validity has started, or wait until its notBefore time.",
                "If the dates look right, check this host's clock: timedatectl status.",
            ]))
    }

    static let nameMismatch = Rule(cause: .certificateNameMismatch) { facts in
        let failed = facts.pathsFailing(with: [.tlsNameMismatch])
        guard let first = failed.first else {
            return facts.certificateVerifiedSomewhere ? .ruledOut("the certificate covers \(facts.host)") : .notJudged
        }
        var evidence = failed.map { FactText.path($0, url: facts.url) }
        let names = first.tls?.certificate?.subjectAlternativeNames ?? []
        evidence.append("Wanted: \(facts.host); the certificate covers: \(names.isEmpty ? "no subject alternative names" : names.map(FactText.printable).joined(separator: ", ")).")
        evidence += chainLines(facts, at: first.address)
        var steps = [
            "Use a name the certificate covers\(names.isEmpty ? "" : " (\(names.map(FactText.printable).joined(separator: ", ")))"), or reissue the certificate with \(facts.host) among its subject alternative names.",
        ]
        steps.append("Check which listener answered: a certificate for another name often means the connection reached another service (another endpoint, port or load balancer).")
        if facts.host.hasPrefix("vpce-") || facts.host.hasSuffix(".amazonaws.com") || !facts.resolvesName {
            steps.append("Use the endpoint service's private DNS name (with private DNS enabled), not the endpoint's own vpce-... DNS name or an address: certificates are issued for the service's name.")
        }
        return .matched(Finding(
            confidence: .high,
            summary: "The certificate presented at \(FactText.list(failed.map(\.address))) is not issued for \(facts.host).",
            evidence: evidence,
            nextSteps: steps))
    }

    static let untrusted = Rule(cause: .certificateUntrusted) { facts in
        let failed = facts.pathsFailing(with: [.tlsUntrusted])
        guard let first = failed.first else {
            return facts.certificateVerifiedSomewhere ? .ruledOut("the certificate chain leads to a trusted anchor") : .notJudged
        }
        var evidence = failed.map { FactText.path($0, url: facts.url) }
        evidence += chainLines(facts, at: first.address)
        let anchors = facts.report.target.caFile.map { "the anchors in \($0) (--ca-file)" } ?? "the system trust store"
        evidence.append("Trust anchors used: \(anchors).")
        return .matched(Finding(
            confidence: .high,
            summary: "The certificate presented at \(FactText.list(failed.map(\.address))) does not lead to a trusted certificate authority.",
            evidence: evidence,
            nextSteps: [
                "If the service uses a private CA, give its certificate to clients (plprobe: --ca-file CA.pem).",
                "Install the full chain (leaf and intermediates) on the service's listener: clients do not fetch missing intermediates.",
                "If the issuer is unexpected, something between this host and the endpoint intercepts TLS (a proxy or inspection appliance).",
            ]))
    }

    /// The chain the peer presented, leaf first, from the detail probe.
    private static func chainLines(_ facts: EvidenceFacts, at address: IPAddress) -> [String] {
        let chain = facts.alternates(.detail, at: address).first?.path.tls?.chain ?? []
        return chain.enumerated().map { index, certificate in
            "Presented certificate \(index + 1) of \(chain.count): " + FactText.certificate(certificate) + "."
        }
    }
}
