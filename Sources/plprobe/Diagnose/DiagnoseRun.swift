import ArgumentParser
import Foundation
import ProbeCore
import ProbeDiagnosis
import ProbeEngine
import ProbeReports

/// Checks one target, gathers the evidence its failure calls for, concludes,
/// and writes the diagnosis: the path shared by `plprobe diagnose` and
/// `plprobe lab --diagnose`.
struct DiagnoseRun {
    var target: ProbeTarget
    var reports: [DiagnosisReportRequest]

    /// Phase timeouts the check's last attempt may use: DNS, connect, TLS, HTTP.
    static let checkTimeouts = 4
    /// Phase timeouts the evidence may use before it is cut off: it runs at
    /// once, and each extra probe has at most connect, TLS and HTTP.
    static let evidenceTimeouts = 3

    /// The longest a diagnosis of `target` takes, as `--help` states it.
    static func bound(for target: ProbeTarget) -> Duration {
        target.retryFor + target.timeout * (checkTimeouts + evidenceTimeouts)
    }

    /// Exit status 0 when the endpoint is healthy, 1 when a cause was found.
    func execute() async throws(UsageError) -> ExitCode {
        let engine = ProbeEngine()
        defer { engine.shutdown() }
        do throws(InputError) {
            try engine.preflight([target])
        } catch {
            throw UsageError(error.description)
        }
        if Console.errorIsTerminal {
            Console.writeError("plprobe diagnose: checking \(target.url), then gathering evidence (at most \(Self.bound(for: target).probeText))\n")
        }
        let startedAt = Timestamp.now
        let clock = ContinuousClock()
        let start = clock.now
        let report = await engine.probe(target)
        let observations = await engine.gatherEvidence(for: report, within: target.timeout * Self.evidenceTimeouts)
        let evidence = Evidence(report: report, observations: observations)
        let diagnosis = Diagnoser.diagnose(evidence)
        let run = RunInfo(startedAt: startedAt, duration: clock.now - start, toolVersion: PLProbe.version, hostname: CheckRun.hostname)
        try write(diagnosis, evidence: evidence, run: run)
        return diagnosis.cause == .healthy ? .success : ExitCode(1)
    }

    private func write(_ diagnosis: Diagnosis, evidence: Evidence, run: RunInfo) throws(UsageError) {
        for request in reports {
            let color = request.path == nil && Console.outputWantsColor
            let text = switch request.format {
            case .text: DiagnosisTextReport.render(diagnosis, evidence: evidence, run: run, color: color)
            case .markdown: DiagnosisMarkdownReport.render(diagnosis, evidence: evidence, run: run)
            case .json: DiagnosisJSONReport.render(diagnosis, evidence: evidence, run: run)
            }
            guard let path = request.path else {
                Console.writeOutput(text)
                continue
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw UsageError("--report \(request): cannot write '\(path)': \(error.localizedDescription)")
            }
        }
    }
}
