public import ProbeCore

/// What `plprobe serve` probes: the scheduled targets and how a `/probe`
/// request for a bare URL becomes a target. Loaded at start and again on
/// every SIGHUP.
public struct ServeConfiguration: Sendable {
    public var targets: [ScheduledTarget]
    /// The target for a URL given to `/probe`: the probe file's defaults and
    /// the command line's options applied to it.
    public var targetForURL: @Sendable (ProbeURL) -> ProbeTarget

    public init(targets: [ScheduledTarget], targetForURL: @escaping @Sendable (ProbeURL) -> ProbeTarget) {
        self.targets = targets
        self.targetForURL = targetForURL
    }
}
