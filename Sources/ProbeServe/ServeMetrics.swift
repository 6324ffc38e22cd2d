import ProbeCore
import ProbeReports

/// The families of `/metrics`: each target's latest probe (rendered from its
/// `TargetReport` by ProbeReports, exactly as `check --report openmetrics`
/// writes them), the counters, the configuration's standing, and the
/// process's own metrics.
///
/// Why not swift-prometheus: its registry renders only the Prometheus 0.0.4
/// text format, while the issue asks for OpenMetrics too and `check` must
/// write the same metrics with no server at all. So one renderer
/// (`ExpositionFormat`) writes every family in both formats, and promtool
/// and a real Prometheus check its output in the tests.
enum ServeMetrics {
    static func families(_ snapshot: ServeState.Snapshot, process: [MetricFamily], version: String) -> [MetricFamily] {
        [OpenMetricsReport.buildInfo(version: version)]
            + configurationFamilies(snapshot)
            + OpenMetricsReport.families(snapshot.latest)
            + counterFamilies(snapshot)
            + process
    }

    private static func configurationFamilies(_ snapshot: ServeState.Snapshot) -> [MetricFamily] {
        [
            MetricFamily(
                name: "plprobe_config_last_reload_successful", kind: .gauge,
                help: "1 when the last load of the probe file (at start or on SIGHUP) succeeded; 0 while an invalid one was rejected and the previous one is in force.",
                samples: [MetricSample(.flag(snapshot.lastReloadSucceeded))]),
            MetricFamily(
                name: "plprobe_config_last_reload_success_timestamp_seconds", kind: .gauge,
                help: "When the configuration in force was loaded, in seconds since 1970.", unit: "seconds",
                samples: [MetricSample(.timestamp(snapshot.lastSuccessfulLoad))]),
            MetricFamily(
                name: "plprobe_targets", kind: .gauge,
                help: "Targets this process probes on a schedule (its shard of the probe file).",
                samples: [MetricSample(.count(snapshot.targets.count))]),
            MetricFamily(
                name: "plprobe_probes_in_flight", kind: .gauge,
                help: "Scheduled probes running now.",
                samples: [MetricSample(.count(snapshot.probesInFlight))]),
            MetricFamily(
                name: "plprobe_target_interval_seconds", kind: .gauge,
                help: "How often the target is probed; alert when plprobe_target_last_probe_timestamp_seconds is several intervals old.",
                unit: "seconds",
                samples: snapshot.targets.map { MetricSample([Label("target", $0.name)], .seconds($0.interval)) }),
        ]
    }

    private static func counterFamilies(_ snapshot: ServeState.Snapshot) -> [MetricFamily] {
        let names = snapshot.targets.map(\.name).filter { snapshot.counters[$0] != nil }
        return [
            MetricFamily(
                name: "plprobe_probe_attempts", kind: .counter,
                help: "Attempts made at the target since plprobe started, or since the target was added to the probe file.",
                samples: names.map { name in
                    MetricSample([Label("target", name)], .count(snapshot.counters[name]?.attempts ?? 0))
                }),
            MetricFamily(
                name: "plprobe_probe_failures", kind: .counter,
                help: "Failed attempts at the target by failure code (an attempt failing with two codes counts under both).",
                samples: names.flatMap { name in
                    (snapshot.counters[name]?.failures ?? [:]).sorted { $0.key < $1.key }.map { code, count in
                        MetricSample([Label("target", name), Label("code", code.rawValue)], .count(count))
                    }
                }),
        ]
    }
}
