import Foundation
import ProbeCore
import ProbeReports

/// Renders the requested reports and puts each where it was asked to go.
enum ReportWriter {
    static func write(_ requests: [ReportRequest], targets: [TargetReport], run: RunInfo) throws(UsageError) {
        for request in requests {
            guard let path = request.path else {
                let text = render(request.format, targets: targets, run: run, color: Console.outputWantsColor)
                Console.writeOutput(text.hasSuffix("\n") ? text : text + "\n")
                continue
            }
            let text = render(request.format, targets: targets, run: run, color: false)
            do {
                // .atomic writes a temporary file beside the target and renames it,
                // so a CI job never picks up half a report.
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw UsageError("--report \(request): cannot write '\(path)': \(error.localizedDescription)")
            }
        }
    }

    static func render(_ format: ReportFormat, targets: [TargetReport], run: RunInfo, color: Bool) -> String {
        switch format {
        case .text: TextReport.render(targets, run: run, options: TextReportOptions(color: color))
        case .json: JSONReport.render(targets, run: run)
        case .junit: JUnitReport.render(targets, run: run)
        case .openmetrics: OpenMetricsReport.render(targets, run: run)
        }
    }
}
