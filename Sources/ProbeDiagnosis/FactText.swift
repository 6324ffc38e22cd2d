import ProbeCore

/// Facts written the same way in every evidence line.
enum FactText {
    static func list(_ addresses: [IPAddress]) -> String {
        addresses.isEmpty ? "nothing" : addresses.map(\.description).joined(separator: ", ")
    }

    /// `10:42:01 UTC`, for "try again after".
    static func timeOfDay(_ timestamp: Timestamp) -> String {
        let text = timestamp.rfc3339
        guard let separator = text.firstIndex(of: "T") else { return text }
        return String(text[text.index(after: separator)...].prefix(8)) + " UTC"
    }

    /// `2026-11-29 10:42:01 UTC`.
    static func moment(_ timestamp: Timestamp) -> String {
        let text = timestamp.rfc3339
        return String(text.prefix(10)) + " " + timeOfDay(timestamp)
    }

    /// `45 s`, `15 min`, `3 h 20 min`, `31 days`: as a person says it.
    /// Past two minutes the value is rounded to whole minutes, so that a
    /// server clock read to the second shows as `2 days`, not `47 h 59 min`.
    static func span(seconds: Double) -> String {
        let whole = Int(abs(seconds).rounded())
        guard whole >= 120 else { return "\(whole) s" }
        let minutes = Int((abs(seconds) / 60).rounded())
        switch minutes {
        case ..<120: return "\(minutes) min"
        case ..<(48 * 60): return "\(minutes / 60) h \(minutes % 60) min"
        default:
            let (days, hours) = (minutes / 1440, minutes % 1440 / 60)
            return hours == 0 ? "\(days) days" : "\(days) days \(hours) h"
        }
    }

    /// Text from the wire (headers, bodies, certificate names) made safe for
    /// one line of a terminal or a ticket: controls shown as escapes.
    static func printable(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}"..."\u{202E}", "\u{2066}"..."\u{2069}":
                output += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `CN=... issued by CN=..., SANs a, b, valid 2026-... to 2027-...`.
    static func certificate(_ certificate: CertificateInfo) -> String {
        var parts = [printable(certificate.subject), "issued by " + printable(certificate.issuer)]
        if !certificate.subjectAlternativeNames.isEmpty {
            parts.append("SANs " + certificate.subjectAlternativeNames.map(printable).joined(separator: ", "))
        }
        let from = certificate.notBefore.map(moment) ?? "?"
        let to = certificate.notAfter.map(moment) ?? "?"
        parts.append("valid \(from) to \(to)")
        return parts.joined(separator: ", ")
    }

    /// `status 503, Server nginx, body starts "maintenance"`.
    static func response(_ http: HTTPReport) -> String {
        var parts: [String] = []
        if let status = http.status { parts.append("status \(status)") }
        if let server = http.server { parts.append("Server " + printable(server)) }
        if let preview = http.bodyPreview { parts.append(preview.isEmpty ? "empty body" : "body starts \"\(printable(preview))\"") }
        return parts.isEmpty ? "no response" : parts.joined(separator: ", ")
    }

    /// What one path saw, as one line.
    static func path(_ path: PathReport, url: ProbeURL) -> String {
        let endpoint = "\(url.scheme.rawValue)://\(path.address.uriText):\(url.port)"
        guard let failure = path.failure else {
            let response = path.http.map(response) ?? "passed"
            return "\(endpoint) works (\(response))"
        }
        return "\(endpoint): \(failure.code): \(printable(failure.message))"
    }

    /// What one resolver said when asked on its own.
    static func resolver(_ observation: ResolverObservation, name: String) -> String {
        let who = "resolver \(observation.resolver)"
        if let failure = observation.failure {
            var line = "\(who) answers \(answerWords(failure.code)) for \(name)"
            if let caching = observation.negativeCaching {
                line += "; " + negativeCaching(caching, askedAt: observation.askedAt)
            }
            return line
        }
        let answers = observation.answers.map { "\($0.address) (ttl \($0.ttl))" }.joined(separator: ", ")
        return "\(who) answers \(name) with \(answers)"
    }

    /// A resolver's failure as DNS people say it.
    static func answerWords(_ code: FailureCode) -> String {
        switch code {
        case .dnsNXDomain: "NXDOMAIN (no such name)"
        case .dnsNoData: "NODATA (no A or AAAA record)"
        case .dnsServFail: "SERVFAIL"
        case .dnsRefused: "REFUSED"
        case .dnsTimeout: "nothing in time (\(code))"
        default: code.rawValue
        }
    }

    /// `the negative answer is cached for up to 900 s (SOA of zone): try again after 10:42:01 UTC`.
    static func negativeCaching(_ caching: NegativeCaching, askedAt: Timestamp) -> String {
        let retryAt = Timestamp(secondsSince1970: askedAt.secondsSince1970 + Double(caching.seconds))
        return "the negative answer may be cached for up to \(caching.seconds) s "
            + "(SOA of \(printable(caching.zone)): TTL \(caching.soaTTL), minimum \(caching.minimum)); "
            + "a retry can succeed after \(timeOfDay(retryAt))"
    }
}
