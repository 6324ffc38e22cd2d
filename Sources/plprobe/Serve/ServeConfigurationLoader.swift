import ProbeCore
import ProbeServe

/// Reads what `plprobe serve` probes: the probe file (when given), with the
/// command line's options layered as for `check`, cut down to this process's
/// shard. Run at start and on every SIGHUP, so it re-reads the file each time.
struct ServeConfigurationLoader: Sendable {
    var path: String?
    var commandLine: TargetSettings
    var shard: Shard?

    func load() throws(ConfigurationError) -> ServeConfiguration {
        guard let path else {
            let commandLine = commandLine
            return ServeConfiguration(targets: []) { url in commandLine.target(name: nil, url: url) }
        }
        let file = try ProbeFile.load(path: path)
        let targets = file.scheduledTargets(commandLine: commandLine)
            .filter { shard?.contains($0.target.name) ?? true }
            .map { ScheduledTarget(target: $0.target, interval: $0.interval ?? ServeDefaults.interval) }
        let defaults = file.defaults.overridden(by: commandLine)
        return ServeConfiguration(targets: targets) { url in defaults.target(name: nil, url: url) }
    }
}
