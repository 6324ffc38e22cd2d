import ArgumentParser
import Foundation
import Logging
import ProbeCore
import ProbeServe
#if os(Linux)
import CPLProbeLinux
#endif

/// `plprobe serve`: probe targets on a schedule and serve the results to Prometheus.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Probe targets on a schedule and serve the results to Prometheus.",
        discussion: """
            plprobe serve probes every target of the probe file on its own interval
            ('interval' in the file, default 60s), each at a random phase with up to
            10% jitter so targets spread out, one attempt per run (the schedule is the
            retry). It keeps each target's latest result and serves, over HTTP:

              /metrics    every target's latest probe, attempt and failure counters,
                          and the process's own metrics, in the Prometheus text
                          format, or OpenMetrics when the scraper asks for it
              /probe      ?target=NAME|URL probes now and answers with that probe's
                          metrics: blackbox_exporter's multi-target pattern; also
                          expect_address, expect_cidr, allow_public, expect_body,
                          expect_status, dns_server, timeout; module is ignored
              /healthz    200 while serving

            Logs (standard error) record every change of a target's standing, from
            passing to failing and back, with the failure code and hint.

            SIGNALS
              SIGTERM, SIGINT  stop probing, give probes in flight up to 3s, exit 0
              SIGHUP           reload the probe file; an invalid one is rejected, the
                               previous one stays in force, and the log says why

            Metric names, labels and Prometheus scrape configs: the README's section
            'Monitoring with Prometheus'.

            EXAMPLES
              plprobe serve --config probes/privatelink-test-cloud5.yaml
              plprobe serve --config probes/fleet.yaml --listen 0.0.0.0:9469 --shard 2/4
              plprobe serve --dns-server 169.254.169.253      (/probe only, no schedule)
            """
    )

    @Option(
        help: ArgumentHelp(
            "The probe file (YAML) of targets to probe on a schedule; see 'plprobe check --help'. (default: none, /probe only)",
            valueName: "path"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "Where to serve HTTP: HOST:PORT, [IPV6]:PORT; 0.0.0.0 for every interface. (default: \(ServeDefaults.listenAddress))",
            discussion: "9469 is clear of blackbox_exporter's 9115, so both can run side by side.",
            valueName: "addr:port"),
        transform: { text throws(InputError) in try ListenAddress(parsing: text) })
    var listen: ListenAddress?

    @Option(
        help: ArgumentHelp(
            "Least severe log messages written: trace, debug, info, notice, warning, error, critical. (default: info)",
            valueName: "level"),
        transform: { text throws(InputError) in try Self.logLevel(text) })
    var logLevel: Logger.Level?

    @OptionGroup(title: "Expectations")
    var expectations: ExpectationOptions

    @OptionGroup(title: "Resolution and trust")
    var resolution: ResolutionOptions

    @OptionGroup(title: "Load")
    var load: ConcurrencyOptions

    @OptionGroup(title: "Fleets")
    var sharding: ShardOptions

    func run() async throws {
        Self.limitMallocArenas()
        let loader = ServeConfigurationLoader(
            path: config,
            commandLine: expectations.settings.overridden(by: resolution.settings),
            shard: sharding.shard)
        let initial: ServeConfiguration
        do throws(ConfigurationError) {
            initial = try loader.load()
        } catch {
            throw UsageError(error.description)
        }
        let level = logLevel ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let server = ProbeServer(
            listen: try listen ?? ListenAddress(parsing: ServeDefaults.listenAddress),
            concurrency: load.concurrency, engineOptions: load.engineOptions,
            version: PLProbe.version, logger: Logger(label: "plprobe"))
        do {
            try await server.run(initial) { () throws(InputError) -> ServeConfiguration in
                do throws(ConfigurationError) {
                    return try loader.load()
                } catch {
                    throw InputError(error.description)
                }
            }
        } catch let error as InputError {
            throw UsageError(error.description)
        } catch {
            throw UsageError("cannot serve on \(server.listen): \(error)")
        }
    }

    /// glibc hands a thread a new malloc arena whenever the one it uses is
    /// contended, and each arena keeps a few MiB it has touched; a server that
    /// runs for weeks then grows in steps with nothing leaked. Two arenas keep
    /// its memory flat (measured: README, Monitoring with Prometheus, Soak). A
    /// `MALLOC_ARENA_MAX` in the environment still wins.
    private static func limitMallocArenas() {
        #if os(Linux)
        if ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil {
            mallopt(M_ARENA_MAX, 2)
        }
        #endif
    }

    private static func logLevel(_ text: String) throws(InputError) -> Logger.Level {
        guard let level = Logger.Level(rawValue: text) else {
            let known = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw InputError("log level '\(text)' is not one of \(known)")
        }
        return level
    }
}
