import ProbeCore
import ProbeReports

/// One `--report FORMAT[:PATH]`: a format and where it goes.
struct ReportRequest: Hashable, Sendable, CustomStringConvertible {
    var format: ReportFormat
    /// `nil` means standard output.
    var path: String?

    init(format: ReportFormat, path: String?) {
        self.format = format
        self.path = path
    }

    init(parsing text: String) throws(InputError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard let format = ReportFormat(rawValue: name) else {
            let known = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError("report format '\(name)' is not one of \(known); write FORMAT or FORMAT:PATH, e.g. junit:out/plprobe.xml")
        }
        self.format = format
        if parts.count == 2 {
            let path = String(parts[1])
            guard !path.isEmpty else {
                throw InputError("report '\(text)' has an empty path; write \(name) or \(name):- for standard output")
            }
            self.path = path == "-" ? nil : path
        }
    }

    var description: String { path.map { "\(format.rawValue):\($0)" } ?? format.rawValue }
}
