public import ProbeReports

/// The diagnosis as Markdown for a support ticket (`--report markdown`):
/// headed sections a reader can skim, the check's report in a code block.
public enum DiagnosisMarkdownReport {
    public static func render(_ diagnosis: Diagnosis, evidence: Evidence, run: RunInfo) -> String {
        let target = evidence.report.target
        var lines = [
            "### plprobe diagnosis: `\(diagnosis.cause)` (\(diagnosis.confidence.rawValue) confidence)",
            "",
            "**URL:** `\(target.url)` — checked \(FactText.moment(run.startedAt))"
                + (run.hostname.map { " from `\(code($0))`" } ?? "") + " by plprobe \(run.toolVersion)",
            "",
            text(diagnosis.summary),
            "",
            "**Evidence**",
            "",
        ]
        lines += diagnosis.evidence.map { "- " + text($0) }
        if !diagnosis.ruledOut.isEmpty {
            lines += ["", "**Ruled out**", ""]
            lines += diagnosis.ruledOut.map { "- `\($0.cause)`: " + text($0.reason) }
        }
        if !diagnosis.nextSteps.isEmpty {
            lines += ["", "**Next steps**", ""]
            lines += diagnosis.nextSteps.enumerated().map { "\($0.offset + 1). " + text($0.element) }
        }
        if !diagnosis.alsoSeen.isEmpty {
            lines += ["", "Also consistent with: " + diagnosis.alsoSeen.map { "`\($0)`" }.joined(separator: ", ")]
        }
        let check = TextReport.render([evidence.report], run: run, options: TextReportOptions(color: false, verbose: true))
        lines += ["", "<details><summary>Check report</summary>", "", "```text", check.replacingFences(), "```", "", "</details>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text with the characters Markdown would act on escaped, so a server's
    /// body or header cannot add links, emphasis or HTML to the ticket.
    static func text(_ value: String) -> String {
        var output = ""
        for character in value {
            if "\\`*_[]<>|#".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }

    /// Text inside a code span: backticks cannot be escaped there, so they go.
    private static func code(_ value: String) -> String {
        String(value.map { $0 == "`" ? "'" : $0 })
    }
}

private extension String {
    /// The text with no line that would close the surrounding code fence.
    func replacingFences() -> String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("```") ? " " + $0 : String($0) }
            .joined(separator: "\n")
            .trimmingTrailingNewlines()
    }

    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
