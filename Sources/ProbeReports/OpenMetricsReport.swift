public import ProbeCore

/// Probe results as Prometheus metrics (`--report openmetrics`, and
/// `plprobe serve`'s `/metrics` and `/probe`).
///
/// Label cardinality is bounded by construction: `target` takes one value per
/// configured target, `address` one per DNS answer of that target (an
/// interface endpoint has one network interface per subnet), `phase` four
/// values and `code` the fixed failure codes plus `none`. Nothing unbounded
/// (messages, hints, certificate subjects) is ever a label.
public enum OpenMetricsReport {
    /// The run as OpenMetrics text, for node_exporter's textfile collector and
    /// the Pushgateway. Every family is a gauge, so parsers of the Prometheus
    /// 0.0.4 text format read it too (`# UNIT` and `# EOF` are comments there).
    public static func render(_ targets: [TargetReport], run: RunInfo) -> String {
        ExpositionFormat.openMetrics.render(runFamilies(targets, run: run) + families(targets))
    }

    /// The families that describe each target's latest probe.
    public static func families(_ targets: [TargetReport]) -> [MetricFamily] {
        targetFamilies(targets) + dnsFamilies(targets) + pathFamilies(targets)
    }

    /// `plprobe_build_info{version}`: which plprobe wrote these metrics.
    public static func buildInfo(version: String) -> MetricFamily {
        MetricFamily(
            name: "plprobe_build_info", kind: .gauge,
            help: "Always 1; the version label says which plprobe wrote these metrics.",
            samples: [MetricSample([Label("version", version)], .integer(1))])
    }

    /// The label value for a probe that saw no failure.
    public static let noFailureCode = "none"

    // MARK: - Families

    private static func runFamilies(_ targets: [TargetReport], run: RunInfo) -> [MetricFamily] {
        [
            buildInfo(version: run.toolVersion),
            MetricFamily(
                name: "plprobe_run_timestamp_seconds", kind: .gauge,
                help: "When this run of plprobe check started, in seconds since 1970.", unit: "seconds",
                samples: [MetricSample(.timestamp(run.startedAt))]),
            MetricFamily(
                name: "plprobe_run_duration_seconds", kind: .gauge,
                help: "Wall time of this run of plprobe check, retries included.", unit: "seconds",
                samples: [MetricSample(.seconds(run.duration))]),
            MetricFamily(
                name: "plprobe_target_attempts", kind: .gauge,
                help: "Attempts this run made at the target (more than 1 when it was retried).",
                samples: targets.map { MetricSample(target($0), .count($0.attempts)) }),
        ]
    }

    private static func targetFamilies(_ targets: [TargetReport]) -> [MetricFamily] {
        [
            MetricFamily(
                name: "plprobe_target_success", kind: .gauge,
                help: "1 when the target's last probe passed: its DNS checks and every address.",
                samples: targets.map { MetricSample(target($0), .flag($0.verdict == .pass)) }),
            MetricFamily(
                name: "plprobe_target_failure_info", kind: .gauge,
                help: "Always 1; code is the first failure code of the target's last probe (DNS checks first, then addresses in order), or none.",
                samples: targets.map { report in
                    MetricSample(target(report) + [Label("code", report.failures.first?.code.rawValue ?? noFailureCode)], .integer(1))
                }),
            MetricFamily(
                name: "plprobe_target_probe_duration_seconds", kind: .gauge,
                help: "How long the target's last probe took, DNS and every address included.", unit: "seconds",
                samples: targets.map { MetricSample(target($0), .seconds($0.duration)) }),
            MetricFamily(
                name: "plprobe_target_last_probe_timestamp_seconds", kind: .gauge,
                help: "When the target's last probe started, in seconds since 1970.", unit: "seconds",
                samples: targets.map { MetricSample(target($0), .timestamp($0.startedAt)) }),
        ]
    }

    /// Only for targets named by a host name: an address literal resolves nothing.
    private static func dnsFamilies(_ targets: [TargetReport]) -> [MetricFamily] {
        let resolved = targets.filter { $0.target.url.hostAddress == nil }
        return [
            MetricFamily(
                name: "plprobe_dns_answers_match", kind: .gauge,
                help: "1 when the name resolved and its answers meet the expectations: the expected address set and ranges, and private unless allowed.",
                samples: resolved.map { MetricSample(target($0), .flag(!$0.dns.answers.isEmpty && $0.dns.failures.isEmpty)) }),
            MetricFamily(
                name: "plprobe_dns_answers", kind: .gauge,
                help: "How many A and AAAA answers the last resolution returned.",
                samples: resolved.map { MetricSample(target($0), .count($0.dns.answers.count)) }),
            MetricFamily(
                name: "plprobe_dns_duration_seconds", kind: .gauge,
                help: "How long the last resolution of the target's name took (the dns phase; one lookup serves every address).",
                unit: "seconds",
                samples: resolved.compactMap { report in report.dns.duration.map { MetricSample(target(report), .seconds($0)) } }),
        ]
    }

    private static func pathFamilies(_ targets: [TargetReport]) -> [MetricFamily] {
        let paths = targets.flatMap { report in report.paths.map { (labels: target(report) + [Label("address", $0.address.description)], path: $0) } }
        return [
            MetricFamily(
                name: "plprobe_path_success", kind: .gauge,
                help: "1 when the address passed its last probe: TCP, TLS, HTTP status and body.",
                samples: paths.map { MetricSample($0.labels, .flag($0.path.verdict == .pass)) }),
            MetricFamily(
                name: "plprobe_path_failure_info", kind: .gauge,
                help: "Always 1; code is the failure code of the address's last probe, or none.",
                samples: paths.map { MetricSample($0.labels + [Label("code", $0.path.failure?.code.rawValue ?? noFailureCode)], .integer(1)) }),
            MetricFamily(
                name: "plprobe_phase_duration_seconds", kind: .gauge,
                help: "Time the address's last probe spent in each phase reached: connect, tls, ttfb (request sent to first response byte) and total.",
                unit: "seconds",
                samples: paths.flatMap { entry in
                    phases(entry.path.timings).map { MetricSample(entry.labels + [Label("phase", $0.name)], .seconds($0.duration)) }
                }),
            MetricFamily(
                name: "plprobe_certificate_not_after_timestamp_seconds", kind: .gauge,
                help: "When the certificate the address presented expires, in seconds since 1970; present even when verification failed.",
                unit: "seconds",
                samples: paths.compactMap { entry in
                    entry.path.tls?.certificate?.notAfter.map { MetricSample(entry.labels, .timestamp($0)) }
                }),
            MetricFamily(
                name: "plprobe_http_status_code", kind: .gauge,
                help: "The HTTP status code the address answered with in its last probe.",
                samples: paths.compactMap { entry in entry.path.http?.status.map { MetricSample(entry.labels, .count($0)) } }),
        ]
    }

    // MARK: - Labels and phases

    private static func target(_ report: TargetReport) -> [Label] {
        [Label("target", report.target.name)]
    }

    private static func phases(_ timings: PhaseTimings) -> [(name: String, duration: Duration)] {
        let all: [(String, Duration?)] = [
            ("connect", timings.connect), ("tls", timings.tls), ("ttfb", timings.timeToFirstByte), ("total", timings.total),
        ]
        return all.compactMap { name, duration in duration.map { (name, $0) } }
    }
}
