import Foundation
import ProbeCore
import ProbeReports

/// Renders the requested reports and puts each where it was asked to go.
enum ReportWriter {
    static func write(_ requests: [ReportRequest], targets: [TargetReport], run: RunInfo) throws(UsageError) {
        for request in requests {
            guard let path = request.path else {
                emit(request.format, targets: targets, run: run, color: Console.outputWantsColor, to: Console.writeOutput)
                continue
            }
            do {
                try AtomicFile.write(path) { sink in
                    emit(request.format, targets: targets, run: run, color: false, to: sink)
                }
            } catch {
                throw UsageError("--report \(request): cannot write '\(path)': \(error.localizedDescription)")
            }
        }
    }

    /// Hands the report to `sink`, ending with a newline; JSON, the report
    /// large runs write, in pieces as it is produced.
    private static func emit(_ format: ReportFormat, targets: [TargetReport], run: RunInfo, color: Bool, to sink: (String) -> Void) {
        let text: String
        switch format {
        case .json:
            return JSONReport.write(targets, run: run, to: sink)
        case .text: text = TextReport.render(targets, run: run, options: TextReportOptions(color: color))
        case .junit: text = JUnitReport.render(targets, run: run)
        case .openmetrics: text = OpenMetricsReport.render(targets, run: run)
        }
        sink(text.hasSuffix("\n") ? text : text + "\n")
    }
}
