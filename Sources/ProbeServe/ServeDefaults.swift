/// Settings of `plprobe serve` that users rely on, in one place so help
/// text, documentation and tests agree.
public enum ServeDefaults {
    /// 9469: clear of blackbox_exporter's 9115, so both can run side by side
    /// while a user compares them.
    public static let listenAddress = "127.0.0.1:9469"
    /// How often a target is probed when its probe file says nothing.
    public static let interval: Duration = .seconds(60)
    /// How long SIGTERM waits for probes in flight before plprobe exits anyway,
    /// well inside Kubernetes' default 30-second grace period.
    public static let drainLimit: Duration = .seconds(3)
    /// Each run of a target starts up to this fraction of its interval after
    /// its slot, so targets sharing an interval do not probe in lockstep.
    public static let jitterFraction = 0.1
}
