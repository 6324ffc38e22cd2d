import ProbeCore

/// The machine-readable report for automation (`--report json`).
///
/// The fields marked fixed in INTERFACE.md keep their names, types and order;
/// `reports/plprobe-report.schema.json` describes every field. Absent facts
/// (a phase not reached, no TLS handshake) are `null`, never left out, so
/// consumers can rely on every key being present.
public enum JSONReport {
    /// The version of the document shape; it changes only when a fixed field does.
    public static let schemaVersion = 1

    /// The report as pretty-printed JSON text ending with a newline.
    public static func render(_ targets: [TargetReport], run: RunInfo) -> String {
        document(targets, run: run).serialized + "\n"
    }

    /// The same text as `render`, handed to `sink` in pieces as it is
    /// produced, so writing a report of many targets needs little memory.
    public static func write(_ targets: [TargetReport], run: RunInfo, to sink: (String) -> Void) {
        document(targets, run: run).serialize(into: sink)
        sink("\n")
    }

    package static func document(_ targets: [TargetReport], run: RunInfo) -> JSONValue {
        let passed = targets.filter { $0.verdict == .pass }.count
        var summary: [(key: String, value: JSONValue)] = [
            ("targets", .int(targets.count)),
            ("passed", .int(passed)),
            ("failed", .int(targets.count - passed)),
            ("started_at", .string(run.startedAt.rfc3339)),
            ("duration_ms", .milliseconds(run.duration)),
            ("tool_version", .string(run.toolVersion)),
        ]
        if let hostname = run.hostname { summary.append(("hostname", .string(hostname))) }
        return .object([
            ("schema_version", .int(schemaVersion)),
            ("summary", .object(summary)),
            ("targets", .generatedArray(count: targets.count) { target(targets[$0]) }),
        ])
    }

    private static func target(_ report: TargetReport) -> JSONValue {
        .object([
            ("name", .string(report.target.name)),
            ("url", .string(report.target.url.description)),
            ("verdict", .string(report.verdict.rawValue)),
            ("attempts", .int(report.attempts)),
            ("failures", .array(targetFailures(report))),
            ("dns", dns(report.dns)),
            ("paths", .array(report.paths.map(path))),
            ("started_at", .string(report.startedAt.rfc3339)),
            ("duration_ms", .milliseconds(report.duration)),
            ("attempt_history", .array(report.failedAttempts.map(attempt))),
        ])
    }

    /// Every failure of the last attempt; a path failure always names its
    /// path's address, a name-wide DNS failure has `null`.
    private static func targetFailures(_ report: TargetReport) -> [JSONValue] {
        let dnsFailures = report.dns.failures.map { failure in
            targetFailure(failure, address: failure.address)
        }
        let pathFailures = report.paths.compactMap { path in
            path.failure.map { targetFailure($0, address: $0.address ?? path.address) }
        }
        return dnsFailures + pathFailures
    }

    private static func targetFailure(_ failure: ProbeFailure, address: IPAddress?) -> JSONValue {
        .object([
            ("code", .string(failure.code.rawValue)),
            ("address", .optional(address) { .string($0.description) }),
            ("message", .string(failure.message)),
            ("hint", .string(failure.hint)),
        ])
    }

    private static func dns(_ dns: DNSReport) -> JSONValue {
        .object([
            ("addresses", .array(dns.addresses.map { .string($0.description) })),
            ("expected_addresses", .array(dns.expectedAddresses.map { .string($0.description) })),
            ("duration_ms", .optional(dns.duration, JSONValue.milliseconds)),
            ("answers", .array(dns.answers.map { answer in
                .object([("address", .string(answer.address.description)), ("ttl", .int(answer.ttl))])
            })),
            ("expected_cidrs", .array(dns.expectedCIDRs.map { .string($0.description) })),
            ("resolvers", .array(dns.resolvers.map { .string($0.description) })),
        ])
    }

    private static func path(_ path: PathReport) -> JSONValue {
        let http = path.http ?? HTTPReport()
        return .object([
            ("address", .string(path.address.description)),
            ("verdict", .string(path.verdict.rawValue)),
            ("failure", .optional(path.failure) { failure in
                .object([
                    ("code", .string(failure.code.rawValue)),
                    ("message", .string(failure.message)),
                    ("hint", .string(failure.hint)),
                ])
            }),
            ("timings_ms", .object([
                ("connect", .optional(path.timings.connect, JSONValue.milliseconds)),
                ("tls", .optional(path.timings.tls, JSONValue.milliseconds)),
                ("ttfb", .optional(path.timings.timeToFirstByte, JSONValue.milliseconds)),
                ("total", .optional(path.timings.total, JSONValue.milliseconds)),
            ])),
            ("tls", .optional(path.tls, tls)),
            ("http", .object([
                ("status", .optional(http.status, JSONValue.int)),
                ("body_bytes", .optional(http.bodyBytes, JSONValue.int)),
                ("body_matched", .optional(http.bodyMatched, JSONValue.bool)),
                ("server", .optional(http.server, JSONValue.string)),
            ])),
        ])
    }

    private static func tls(_ tls: TLSReport) -> JSONValue {
        .object([
            ("version", .string(tls.version)),
            ("cipher", .string(tls.cipher)),
            ("certificate", .optional(tls.certificate) { certificate in
                .object([
                    ("subject", .string(certificate.subject)),
                    ("sans", .array(certificate.subjectAlternativeNames.map(JSONValue.string))),
                    ("issuer", .string(certificate.issuer)),
                    ("not_before", .optional(certificate.notBefore) { .string($0.rfc3339) }),
                    ("not_after", .optional(certificate.notAfter) { .string($0.rfc3339) }),
                ])
            }),
        ])
    }

    private static func attempt(_ record: AttemptRecord) -> JSONValue {
        .object([
            ("attempt", .int(record.number)),
            ("started_at", .string(record.startedAt.rfc3339)),
            ("duration_ms", .milliseconds(record.duration)),
            ("codes", .array(record.codes.map { .string($0.rawValue) })),
        ])
    }
}
