public import ProbeReports

/// The diagnosis for a terminal (`--report text`, the default): the cause
/// and what supports it first, then the check's own text report.
public enum DiagnosisTextReport {
    public static func render(_ diagnosis: Diagnosis, evidence: Evidence, run: RunInfo, color: Bool) -> String {
        let bold = { (text: String) in color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
        var lines = [
            bold("DIAGNOSIS  \(diagnosis.cause)") + "  (\(diagnosis.confidence.rawValue) confidence)",
            "  " + diagnosis.summary,
            "",
            bold("Evidence"),
        ]
        lines += diagnosis.evidence.map { "  - " + $0 }
        if !diagnosis.ruledOut.isEmpty {
            lines += ["", bold("Ruled out")]
            lines += diagnosis.ruledOut.map { "  - \($0.cause): \($0.reason)" }
        }
        if !diagnosis.nextSteps.isEmpty {
            lines += ["", bold("Next steps")]
            lines += diagnosis.nextSteps.enumerated().map { "  \($0.offset + 1). \($0.element)" }
        }
        if !diagnosis.alsoSeen.isEmpty {
            lines += ["", "Also consistent with: " + diagnosis.alsoSeen.map(\.rawValue).joined(separator: ", ")]
        }
        lines += ["", bold("Check")]
        let check = TextReport.render([evidence.report], run: run, options: TextReportOptions(color: color, verbose: true))
        return lines.joined(separator: "\n") + "\n" + check
    }
}
