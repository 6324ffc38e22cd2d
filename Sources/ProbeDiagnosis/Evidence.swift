public import ProbeCore

/// Everything a diagnosis is reasoned from: the check's report and what was
/// gathered after it. A value, so rules can be tested with no network.
public struct Evidence: Hashable, Sendable {
    public var report: TargetReport
    public var observations: Observations

    public init(report: TargetReport, observations: Observations) {
        self.report = report
        self.observations = observations
    }
}
