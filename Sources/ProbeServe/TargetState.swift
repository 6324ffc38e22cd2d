import ProbeCore

/// A target's standing as the logs report it: passing, or failing with the
/// code of its first failure.
struct TargetState: Hashable, Sendable, CustomStringConvertible {
    var verdict: Verdict
    var code: FailureCode?

    init(_ report: TargetReport) {
        verdict = report.verdict
        code = report.failures.first?.code
    }

    var description: String {
        code.map { "\(verdict.rawValue) (\($0))" } ?? verdict.rawValue
    }
}

/// A target whose standing changed with its latest probe: from unknown (its
/// first result), from passing to failing, back, or to another failure code.
struct StateChange: Sendable {
    var previous: TargetState?
    var report: TargetReport

    var current: TargetState { TargetState(report) }
}
