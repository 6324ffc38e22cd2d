import ProbeCore

/// The report for CI systems (`--report junit`): one test suite per target,
/// one test case per check, valid against `reports/junit-10.xsd`.
public enum JUnitReport {
    /// The report as an XML 1.0 document in UTF-8, ending with a newline.
    public static func render(_ targets: [TargetReport], run: RunInfo) -> String {
        let suites = targets.map { ($0, JUnitCase.cases(for: $0)) }
        let allCases = suites.flatMap(\.1)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        // The xsd allows no `skipped` or `timestamp` on <testsuites>; each suite carries them.
        xml += "<testsuites" + attributes([
            ("name", "plprobe"),
            ("tests", String(allCases.count)),
            ("failures", String(allCases.count(where: \.isFailure))),
            ("errors", "0"),
            ("time", DecimalText.seconds(run.duration)),
        ]) + ">\n"
        for (report, cases) in suites {
            xml += suite(report, cases: cases, run: run)
        }
        return xml + "</testsuites>\n"
    }

    private static func suite(_ report: TargetReport, cases: [JUnitCase], run: RunInfo) -> String {
        var suiteAttributes = [
            ("name", report.target.name),
            ("tests", String(cases.count)),
            ("failures", String(cases.count(where: \.isFailure))),
            ("errors", "0"),
            ("skipped", String(cases.count(where: \.isSkipped))),
            ("time", DecimalText.seconds(report.duration)),
            ("timestamp", report.startedAt.rfc3339),
        ]
        if let hostname = run.hostname { suiteAttributes.append(("hostname", hostname)) }
        var xml = "  <testsuite" + attributes(suiteAttributes) + ">\n"
        xml += "    <properties>\n"
        for (name, value) in [("url", report.target.url.description), ("verdict", report.verdict.rawValue), ("attempts", String(report.attempts))] {
            xml += "      <property" + attributes([("name", name), ("value", value)]) + "/>\n"
        }
        xml += "    </properties>\n"
        let classname = "plprobe.\(report.target.name)"
        for testCase in cases {
            xml += self.testCase(testCase, classname: classname)
        }
        if report.attempts > 1 {
            xml += "    <system-out>" + XMLText.text(attemptHistory(report)) + "</system-out>\n"
        }
        return xml + "  </testsuite>\n"
    }

    private static func testCase(_ testCase: JUnitCase, classname: String) -> String {
        var caseAttributes = [("name", testCase.name), ("classname", classname)]
        if let time = testCase.time { caseAttributes.append(("time", DecimalText.seconds(time))) }
        let open = "    <testcase" + attributes(caseAttributes)
        switch testCase.outcome {
        case .passed:
            return open + "/>\n"
        case .skipped(let reason):
            return open + ">\n      <skipped" + attributes([("message", reason)]) + "/>\n    </testcase>\n"
        case .failed(let failures):
            let first = failures[0]
            let details = failures.count == 1
                ? first.hint
                : failures.map { "\($0.code): \($0.message)\nhint: \($0.hint)" }.joined(separator: "\n\n")
            return open + ">\n      <failure" + attributes([("type", first.code.rawValue), ("message", first.message)]) + ">"
                + XMLText.text(details) + "</failure>\n    </testcase>\n"
        }
    }

    /// One line per attempt, so a CI page shows "NXDOMAIN for two minutes, then passed".
    private static func attemptHistory(_ report: TargetReport) -> String {
        var lines = report.failedAttempts.map { record in
            "attempt \(record.number) at \(record.startedAt.rfc3339) (\(DecimalText.seconds(record.duration)) s): "
                + record.codes.map(\.rawValue).joined(separator: ", ")
        }
        if report.verdict == .pass { lines.append("attempt \(report.attempts): passed") }
        return lines.joined(separator: "\n")
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(XMLText.attribute($0.1))\"" }.joined()
    }
}

extension JUnitCase {
    fileprivate var isFailure: Bool {
        if case .failed = outcome { return true }
        return false
    }

    fileprivate var isSkipped: Bool {
        if case .skipped = outcome { return true }
        return false
    }
}
