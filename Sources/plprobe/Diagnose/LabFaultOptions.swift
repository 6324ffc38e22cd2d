import ArgumentParser
import ProbeCore
import ProbeLab

/// `plprobe lab --fault NAME [--diagnose]`: the lab with one fault injected,
/// checked or diagnosed, so people can see what each failure looks like.
struct LabFaultOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Inject a fault: \(LabFault.allCases.map(\.rawValue).joined(separator: ", ")). (default: none)",
            discussion: LabFault.allCases.map { "\($0.rawValue): \($0.summary)." }.joined(separator: " "),
            valueName: "name"),
        transform: { text throws(InputError) in try Self.fault(text) })
    var fault: LabFault?

    @Flag(
        help: ArgumentHelp(
            "Run 'plprobe diagnose' on the lab's endpoint instead of 'plprobe check'. (default: off)",
            discussion: "--report then takes text or json, the formats the two commands share."))
    var diagnose = false

    /// The diagnosis reports for the `--report` requests of the lab's check.
    func diagnosisReports(for requests: [ReportRequest]) throws(UsageError) -> [DiagnosisReportRequest] {
        var mapped: [DiagnosisReportRequest] = []
        for request in requests {
            switch request.format {
            case .text: mapped.append(DiagnosisReportRequest(format: .text, path: request.path))
            case .json: mapped.append(DiagnosisReportRequest(format: .json, path: request.path))
            default: throw UsageError("--report \(request): with --diagnose, write text or json (or use 'plprobe diagnose' for markdown)")
            }
        }
        return mapped
    }

    private static func fault(_ text: String) throws(InputError) -> LabFault {
        guard let fault = LabFault(rawValue: text) else {
            throw InputError("fault '\(text)' is not one of \(LabFault.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return fault
    }
}
