import ProbeCore

/// The formats of `plprobe diagnose --report`: a terminal, a ticket, automation.
enum DiagnosisFormat: String, CaseIterable, Sendable {
    case text, markdown, json
}

/// One `--report FORMAT[:PATH]` of `plprobe diagnose`.
struct DiagnosisReportRequest: Hashable, Sendable, CustomStringConvertible {
    var format: DiagnosisFormat
    /// `nil` means standard output.
    var path: String?

    init(format: DiagnosisFormat, path: String?) {
        self.format = format
        self.path = path
    }

    init(parsing text: String) throws(InputError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard let format = DiagnosisFormat(rawValue: name) else {
            let known = DiagnosisFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError("report format '\(name)' is not one of \(known); write FORMAT or FORMAT:PATH, e.g. markdown:ticket.md")
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
