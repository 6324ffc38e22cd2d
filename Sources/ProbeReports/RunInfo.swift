import ProbeCore

/// Facts about the whole run that every report carries, so a report read
/// later (a CI artifact, a support ticket) says when and by what it was made.
public struct RunInfo: Hashable, Sendable {
    public var startedAt: Timestamp
    /// Wall time of the whole run, retries included.
    public var duration: Duration
    /// The plprobe version, so a report can be matched with its schema and behaviour.
    public var toolVersion: String
    /// The machine that ran the probes, which matters for network checks
    /// (which VPC, which subnet); the CLI fills it in, reports omit it when `nil`.
    public var hostname: String?

    public init(startedAt: Timestamp, duration: Duration, toolVersion: String, hostname: String? = nil) {
        self.startedAt = startedAt
        self.duration = duration
        self.toolVersion = toolVersion
        self.hostname = hostname
    }
}

/// The report formats of `--report FORMAT[:PATH]`; the raw value is the
/// name written on the command line.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, junit, openmetrics
}
