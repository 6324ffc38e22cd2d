import ArgumentParser
import ProbeCore

/// Which reports are written where, and whether anything reaches the terminal.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("report"),
        help: ArgumentHelp(
            "Write a report, FORMAT text, json, junit or openmetrics; repeatable. (default: text to standard output)",
            discussion: "PATH '-' or absent means standard output; at most one report may go there. A file's directory must exist; the file is replaced atomically, so readers never see half a report.",
            valueName: "format[:path]"),
        transform: { text throws(InputError) in try ReportRequest(parsing: text) })
    var reports: [ReportRequest] = []

    @Flag(
        name: [.short, .long],
        help: ArgumentHelp(
            "Write nothing to standard output and no progress line. (default: off)",
            discussion: "The exit status, and reports written to files, tell the result."))
    var quiet = false

    func validate() throws {
        let toOutput = reports.filter { $0.path == nil }
        if quiet, let report = toOutput.first {
            throw ValidationError("--quiet writes nothing to standard output, but --report \(report) asks for it; give the report a PATH")
        }
        try ReportRequest.validateDestinations(reports)
    }

    /// The reports to write: those asked for, else the text report on standard output.
    var requests: [ReportRequest] {
        if !reports.isEmpty || quiet { return reports }
        return [ReportRequest(format: .text, path: nil)]
    }
}
