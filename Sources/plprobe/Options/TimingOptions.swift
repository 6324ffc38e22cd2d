import ArgumentParser
import ProbeCore

/// How long one attempt may take and how long a failing target is retried.
struct TimingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Limit for each phase of one attempt: DNS, connect, TLS, HTTP. (default: 5s)",
            discussion: "Durations are written 250ms, 5s, 10m, 1h, or combined as 1m30s.",
            valueName: "duration"),
        transform: { text throws(InputError) in try Duration(parsing: text) })
    var timeout: Duration?

    @Option(
        help: ArgumentHelp(
            "Retry a failing target until it passes or this much time has passed. (default: 0s, one attempt)",
            discussion: "Useful right after creating an endpoint, while its private DNS name propagates: --retry-for 10m.",
            valueName: "duration"),
        transform: { text throws(InputError) in try Duration(parsing: text) })
    var retryFor: Duration?

    @Option(
        help: ArgumentHelp(
            "First pause between attempts; it grows with jittered backoff up to 30s. (default: 2s)",
            valueName: "duration"),
        transform: { text throws(InputError) in try Duration(parsing: text) })
    var retryInterval: Duration?

    /// Only what was given on the command line, so file defaults still apply to the rest.
    var settings: TargetSettings {
        TargetSettings(timeout: timeout, retryFor: retryFor, retryInterval: retryInterval)
    }
}
