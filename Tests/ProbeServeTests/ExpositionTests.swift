@testable import ProbeServe
import ProbeCore
import ProbeReports
import Testing

/// The metrics of real probes against the loopback lab, as `/metrics` and
/// `check --report openmetrics` write them, checked by promtool.
@Suite("Metrics of real probes")
struct ExpositionTests {
    static func serveFamilies(_ reports: [TargetReport]) -> [MetricFamily] {
        let targets = reports.map { ScheduledTarget(target: $0.target, interval: .seconds(30)) }
        let state = ServeState.Snapshot(
            targets: targets, latest: reports,
            counters: ["missing": ServeState.Counters(attempts: 3, failures: [.dnsNXDomain: 3])],
            probesInFlight: 0, lastReloadSucceeded: true, lastSuccessfulLoad: .now)
        return ServeMetrics.families(state, process: ProcessMetrics.families(), version: "0.1.0")
    }

    @Test("promtool accepts /metrics in the Prometheus text format")
    func promtoolAcceptsServeMetrics() async throws {
        let reports = try await LabReports.probe()
        let exposition = ExpositionFormat.prometheusText.render(Self.serveFamilies(reports))
        let result = try Promtool.checkMetrics(exposition)
        #expect(result.status == 0 && result.output.isEmpty, "promtool: \(result.output)\n\(exposition)")
    }

    @Test("promtool accepts check's OpenMetrics report")
    func promtoolAcceptsCheckReport() async throws {
        let reports = try await LabReports.probe()
        let run = RunInfo(startedAt: .now, duration: .milliseconds(40), toolVersion: "0.1.0")
        let exposition = OpenMetricsReport.render(reports, run: run)
        #expect(exposition.hasSuffix("# EOF\n"))
        let result = try Promtool.checkMetrics(exposition)
        #expect(result.status == 0 && result.output.isEmpty, "promtool: \(result.output)\n\(exposition)")
    }

    @Test("each target's success, failure code, DNS match and phases")
    func targetFacts() async throws {
        let reports = try await LabReports.probe()
        let lines = Set(ExpositionFormat.prometheusText.render(OpenMetricsReport.families(reports)).split(separator: "\n").map(String.init))
        for expected in [
            #"plprobe_target_success{target="privatelink.test.cloud5.jp"} 1"#,
            #"plprobe_target_failure_info{target="privatelink.test.cloud5.jp",code="none"} 1"#,
            #"plprobe_dns_answers_match{target="privatelink.test.cloud5.jp"} 1"#,
            #"plprobe_dns_answers{target="privatelink.test.cloud5.jp"} 2"#,
            #"plprobe_path_success{target="privatelink.test.cloud5.jp",address="127.0.0.3"} 1"#,
            #"plprobe_target_success{target="unexpected-addresses"} 0"#,
            #"plprobe_target_failure_info{target="unexpected-addresses",code="dns.unexpected_addresses"} 1"#,
            #"plprobe_dns_answers_match{target="unexpected-addresses"} 0"#,
            #"plprobe_target_failure_info{target="missing",code="dns.nxdomain"} 1"#,
            #"plprobe_dns_answers{target="missing"} 0"#,
            #"plprobe_path_failure_info{target="untrusted",address="127.0.0.2",code="tls.untrusted"} 1"#,
        ] {
            #expect(lines.contains(expected), "missing line \(expected)")
        }
        for phase in ["connect", "tls", "ttfb", "total"] {
            let prefix = #"plprobe_phase_duration_seconds{target="privatelink.test.cloud5.jp",address="127.0.0.2",phase="\#(phase)"} "#
            #expect(lines.contains { $0.hasPrefix(prefix) }, "no \(phase) duration")
        }
        #expect(!lines.contains { $0.hasPrefix(#"plprobe_dns_answers{target="address-literal""#) }, "an address literal resolves nothing")
    }

    /// blackbox_exporter#1119: a certificate that fails verification must still show when it expires.
    @Test("certificate expiry is present when verification failed")
    func certificateOfUntrustedChain() async throws {
        let reports = try await LabReports.probe()
        let untrusted = try #require(reports.first { $0.target.name == "untrusted" })
        let notAfter = try #require(untrusted.paths.first?.tls?.certificate?.notAfter)
        let text = ExpositionFormat.prometheusText.render(OpenMetricsReport.families([untrusted]))
        let line = try #require(text.split(separator: "\n").first {
            $0.hasPrefix(#"plprobe_certificate_not_after_timestamp_seconds{target="untrusted",address="127.0.0.2"} "#)
        })
        let value = try #require(Double(line.split(separator: " ").last ?? ""))
        #expect(abs(value - notAfter.secondsSince1970) < 0.001)
    }
}
