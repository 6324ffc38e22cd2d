import ArgumentParser
import ProbeCore

/// Where `plprobe diagnose` writes its diagnosis, and in which formats.
struct DiagnosisReportOptions: ParsableArguments {
    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Write the diagnosis, FORMAT text, markdown or json; repeatable. (default: text to standard output)",
            discussion: "text is for a terminal, markdown for pasting into a ticket, json is the check's JSON report with a 'diagnosis' object and the 'observations' added. PATH '-' or absent means standard output; at most one report may go there.",
            valueName: "format[:path]"),
        transform: { text throws(InputError) in try DiagnosisReportRequest(parsing: text) })
    var reports: [DiagnosisReportRequest] = []

    func validate() throws {
        try DiagnosisReportRequest.validateDestinations(reports)
    }

    /// The reports to write: those asked for, else text on standard output.
    var requests: [DiagnosisReportRequest] {
        reports.isEmpty ? [DiagnosisReportRequest(format: .text, path: nil)] : reports
    }
}
