public import Logging
public import ProbeCore
public import ProbeEngine
import Hummingbird
import ServiceLifecycle
import UnixSignals

/// `plprobe serve`: probes every configured target on its interval, keeps
/// the latest results, and serves them to Prometheus.
///
/// The parts the field already has come from its libraries: Hummingbird
/// serves HTTP, swift-service-lifecycle turns SIGTERM into a graceful
/// shutdown and delivers SIGHUP, swift-log writes the logs.
public struct ProbeServer: Sendable {
    public var listen: ListenAddress
    /// Scheduled probes in flight at once.
    public var concurrency: Int
    /// The engine's pacing of DNS queries and connections.
    public var engineOptions: ProbeEngine.Options
    /// The plprobe version, shown in `plprobe_build_info` and on `/`.
    public var version: String
    public var logger: Logger

    public init(listen: ListenAddress, concurrency: Int, engineOptions: ProbeEngine.Options, version: String, logger: Logger) {
        self.listen = listen
        self.concurrency = concurrency
        self.engineOptions = engineOptions
        self.version = version
        self.logger = logger
    }

    /// Serves until SIGTERM or SIGINT, then drains and returns. `reload` reads
    /// the configuration again on SIGHUP. Throws `InputError` when the initial
    /// configuration names an unusable trust store, and the server's error
    /// when it cannot listen.
    public func run(_ initial: ServeConfiguration, reload: @escaping @Sendable () throws(InputError) -> ServeConfiguration) async throws {
        let engine = ProbeEngine(options: engineOptions)
        defer { engine.shutdown() }
        try engine.preflight(initial.targets.map(\.target))
        let state = ServeState(initial)
        let scheduler = ProbeScheduler(
            engine: engine, state: state, targets: initial.targets, concurrency: concurrency, logger: logger)
        let reloader = ReloadService(
            signals: await UnixSignalsSequence(trapping: .sighup),
            load: { () throws(InputError) -> ServeConfiguration in
                let configuration = try reload()
                try engine.preflight(configuration.targets.map(\.target))
                return configuration
            },
            state: state, scheduler: scheduler, logger: logger)
        let logger = logger
        let listen = listen
        let application = Application(
            router: ServeRoutes.router(state: state, engine: engine, version: version),
            configuration: ApplicationConfiguration(address: .hostname(listen.host, port: listen.port)),
            onServerRunning: { channel in
                let bound = ListenAddress(host: listen.host, port: channel.localAddress?.port ?? listen.port)
                logger.info("serving", metadata: ["listen": "\(bound)", "targets": "\(initial.targets.count)"])
            },
            logger: logger)
        var configuration = ServiceGroupConfiguration(
            services: [
                ServiceGroupConfiguration.ServiceConfiguration(service: scheduler),
                ServiceGroupConfiguration.ServiceConfiguration(service: reloader),
                ServiceGroupConfiguration.ServiceConfiguration(service: application),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        // A shutdown step that hangs (a client holding a request open) is cancelled, not waited on.
        configuration.maximumGracefulShutdownDuration = ServeDefaults.drainLimit + .seconds(2)
        try await ServiceGroup(configuration: configuration).run()
    }
}
