/// The formats of `plprobe diagnose --report`: a terminal, a ticket, automation.
enum DiagnosisFormat: String, NamedReportFormat {
    case text, markdown, json

    static let example = "markdown:ticket.md"
}

/// A report of `plprobe diagnose`.
typealias DiagnosisReportRequest = FormattedReportRequest<DiagnosisFormat>
