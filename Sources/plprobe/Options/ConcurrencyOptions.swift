import ArgumentParser
import ProbeCore
import ProbeEngine

/// How many probes run at once, and how fast they may knock on doors.
struct ConcurrencyOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Probes in flight at once, 1 to 100000. (default: 256)", valueName: "n"),
        transform: { text throws(InputError) in try ValueText.concurrency(text) })
    var concurrency: Int = 256

    @Option(
        name: .customLong("dns-rate"),
        help: ArgumentHelp(
            "DNS queries per second for the whole run (A and AAAA count apart); 0 means no limit. The default stays under the AWS VPC resolver's 1,024 packets per second per network interface (beyond which it silently drops queries), with room for the host's other lookups. (default: 800)",
            valueName: "per-second"),
        transform: { text throws(InputError) in try ValueText.rate(text) })
    var dnsRate: Double = 800

    @Option(
        name: .customLong("connect-rate"),
        help: ArgumentHelp("New connections per second for the whole run; 0 means no limit. (default: 0)", valueName: "per-second"),
        transform: { text throws(InputError) in try ValueText.rate(text) })
    var connectRate: Double = 0

    /// The engine's pacing, 0 meaning no limit.
    var engineOptions: ProbeEngine.Options {
        ProbeEngine.Options(
            dnsQueriesPerSecond: dnsRate > 0 ? dnsRate : nil,
            connectionsPerSecond: connectRate > 0 ? connectRate : nil)
    }
}
