import ProbeCore

/// The report for people (`--report text`, the default): a verdict line per
/// target, what DNS returned, one line per address, then each failure with
/// the hint that says what to check next.
public enum TextReport {
    public static func render(_ targets: [TargetReport], run: RunInfo, options: TextReportOptions) -> String {
        let style = TextStyle(color: options.color)
        var lines: [String] = []
        for report in targets {
            lines += TargetText(report: report, style: style, verbose: options.verbose).lines
        }
        let passed = targets.filter { $0.verdict == .pass }.count
        lines.append("\(TextFormatting.count(targets.count, "target")): \(passed) passed, \(targets.count - passed) failed")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The lines of one target.
private struct TargetText {
    let report: TargetReport
    let style: TextStyle
    let verbose: Bool

    var lines: [String] {
        var lines = [verdictLine, dnsLine]
        let width = report.paths.map(\.address.description.count).max() ?? 0
        for path in report.paths {
            lines.append(pathLine(path, width: width))
            if verbose, let certificate = path.tls?.certificate {
                lines.append("    " + certificateText(certificate))
            }
        }
        for failure in report.dns.failures {
            lines += failureLines(failure, address: failure.address, tls: nil)
        }
        for path in report.paths {
            if let failure = path.failure {
                lines += failureLines(failure, address: failure.address ?? path.address, tls: path.tls)
            }
        }
        if report.attempts > 1 { lines.append("  attempts: " + attemptsText) }
        return lines
    }

    private var verdictLine: String {
        let verdict = report.verdict == .pass ? style.green("PASS") : style.red("FAIL")
        let addresses = report.paths.isEmpty ? "no address" : TextFormatting.count(report.paths.count, "address", plural: "addresses")
        let facts = [addresses, TextFormatting.count(report.attempts, "attempt"), TextFormatting.duration(report.duration)]
        return "\(verdict) \(TextStyle.printable(report.target.name)) \(TextStyle.printable(report.target.url.description)) (\(facts.joined(separator: ", ")))"
    }

    private var dnsLine: String {
        let dns = report.dns
        var parts: [String]
        if !dns.answers.isEmpty {
            parts = [dns.answers.map { "\($0.address) ttl \($0.ttl)" }.joined(separator: ", ")]
        } else if dns.duration == nil && dns.failures.isEmpty {
            parts = ["not resolved: the URL names an address"]
        } else {
            parts = ["no answers"]
        }
        if !dns.expectedAddresses.isEmpty {
            parts.append("expected " + dns.expectedAddresses.map(\.description).joined(separator: ", "))
        }
        if !dns.expectedCIDRs.isEmpty {
            parts.append("within " + dns.expectedCIDRs.map(\.description).joined(separator: ", "))
        }
        if verbose {
            parts.append("via " + (dns.resolvers.isEmpty ? "system resolvers" : dns.resolvers.map(\.description).joined(separator: ", ")))
        }
        if let duration = dns.duration { parts.append(TextFormatting.duration(duration)) }
        return "  dns  " + parts.joined(separator: "  ")
    }

    private func pathLine(_ path: PathReport, width: Int) -> String {
        let address = path.address.description
        var parts = [address + String(repeating: " ", count: width - address.count)]
        let phases: [(String, Duration?)] = [
            ("tcp", path.timings.connect), ("tls", path.timings.tls),
            ("ttfb", path.timings.timeToFirstByte), ("total", path.timings.total),
        ]
        for case let (name, duration?) in phases {
            parts.append("\(name) \(TextFormatting.duration(duration))")
        }
        if let tls = path.tls {
            parts.append(TextStyle.printable(tls.version))
            if verbose { parts.append(TextStyle.printable(tls.cipher)) }
        }
        if let http = path.http {
            if let status = http.status { parts.append(String(status)) }
            if let matched = http.bodyMatched { parts.append(matched ? "body ok" : "body mismatch") }
            if verbose, let server = http.server { parts.append("server " + TextStyle.printable(server)) }
        }
        return "  " + parts.joined(separator: "  ")
    }

    /// The failure and its hint; a TLS failure also shows the certificate
    /// the server presented, which usually explains it at a glance.
    private func failureLines(_ failure: ProbeFailure, address: IPAddress?, tls: TLSReport?) -> [String] {
        let subject = [failure.code.rawValue, address?.description].compactMap { $0 }.joined(separator: " ")
        var lines = [
            "  \(style.red("✗")) \(subject): \(TextStyle.printable(failure.message))",
            "    " + style.dim("hint: " + TextStyle.printable(failure.hint)),
        ]
        if !verbose, failure.code.phase == .tls, let certificate = tls?.certificate {
            lines.append("    " + certificateText(certificate))
        }
        return lines
    }

    private func certificateText(_ certificate: CertificateInfo) -> String {
        var parts = ["certificate " + TextStyle.printable(certificate.subject)]
        if !certificate.subjectAlternativeNames.isEmpty {
            parts.append("SANs " + certificate.subjectAlternativeNames.map(TextStyle.printable).joined(separator: ", "))
        }
        parts.append("issuer " + TextStyle.printable(certificate.issuer))
        let validity = [certificate.notBefore, certificate.notAfter].map { $0?.rfc3339 ?? "?" }
        parts.append("valid \(validity[0]) to \(validity[1])")
        return parts.joined(separator: "; ")
    }

    /// `#1 dns.nxdomain at 10:42:01Z, #2-#9 dns.nxdomain 10:42:03Z to 10:44:10Z, #10 passed`.
    private var attemptsText: String {
        var items = AttemptRun.runs(report.failedAttempts).map { run in
            let codes = run.first.codes.map(\.rawValue).joined(separator: "+")
            if run.first.number == run.last.number {
                return "#\(run.first.number) \(codes) at \(TextFormatting.timeOfDay(run.first.startedAt))"
            }
            return "#\(run.first.number)-#\(run.last.number) \(codes) "
                + "\(TextFormatting.timeOfDay(run.first.startedAt)) to \(TextFormatting.timeOfDay(run.last.startedAt))"
        }
        if report.verdict == .pass { items.append("#\(report.attempts) passed") }
        return items.joined(separator: ", ")
    }
}
