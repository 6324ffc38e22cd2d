import ArgumentParser
import ProbeCore
import ProbeReports

/// A report format that `--report FORMAT[:PATH]` can name.
protocol NamedReportFormat: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// A `FORMAT:PATH` example for error messages.
    static var example: String { get }
}

extension ReportFormat: NamedReportFormat {
    static let example = "junit:out/plprobe.xml"
}

/// One `--report FORMAT[:PATH]`: a format and where it goes.
struct FormattedReportRequest<Format: NamedReportFormat>: Hashable, Sendable, CustomStringConvertible {
    var format: Format
    /// `nil` means standard output.
    var path: String?

    init(format: Format, path: String?) {
        self.format = format
        self.path = path
    }

    init(parsing text: String) throws(InputError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard let format = Format(rawValue: name) else {
            let known = Format.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError("report format '\(name)' is not one of \(known); write FORMAT or FORMAT:PATH, e.g. \(Format.example)")
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

    /// Rejects reports that would collide: more than one on standard output,
    /// two on one path, or a path that cannot be written.
    static func validateDestinations(_ reports: [Self]) throws {
        let toOutput = reports.filter { $0.path == nil }
        if toOutput.count > 1 {
            throw ValidationError("--report: \(toOutput.map(\.description).joined(separator: " and ")) would all go to standard output; give all but one a PATH")
        }
        var seen = Set<String>()
        for report in reports {
            guard let path = report.path else { continue }
            guard seen.insert(path).inserted else {
                throw ValidationError("--report: two reports would be written to '\(path)'")
            }
            if let problem = FileCheck.writableFileProblem(path) {
                throw ValidationError("--report \(report): cannot write '\(path)': \(problem)")
            }
        }
    }
}

/// A report of `plprobe check` and `plprobe lab`.
typealias ReportRequest = FormattedReportRequest<ReportFormat>
