import ArgumentParser
import ProbeCore

/// `plprobe check`: probe endpoints given as URLs or in a probe file.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Probe PrivateLink endpoints and report whether each one works.",
        discussion: """
            For every target plprobe resolves the host name (with the --dns-server
            resolvers, else the system's), checks the answers against --expect-address
            and --expect-cidr and that they are private, then probes every answer on its
            own path: TCP connect, TLS handshake and certificate verification (https
            only), an HTTP/1.1 GET of the URL's path, the status against --expect-status
            and the body against --expect-body. A target passes only when its DNS checks
            and every path pass. A failing target is retried, with jittered backoff,
            until it passes or --retry-for has passed.

            URLS
              https://HOST[:PORT][/PATH] or http://HOST[:PORT][/PATH]. A bare HOST means
              https://HOST/, never http://. HOST may be an IP address ([fd00::17] for
              IPv6); then nothing is resolved.

            PROBE FILES
              --config FILE reads targets from YAML: a 'defaults' mapping and a 'targets'
              list. Keys are the options' names in snake_case: expect_addresses,
              expect_cidrs (lists), allow_public, expect_body, expect_status,
              dns_servers (list), ca_file (relative to the file's directory), timeout,
              retry_for, retry_interval, and interval (for 'plprobe serve'; check ignores
              it); each target has a 'url' and may have a 'name'.
              See probes/privatelink-test-cloud5.yaml for a commented example. URLs given
              on the command line are probed as well.

              Precedence, most specific first: a target's own keys in the file, then the
              options given on the command line, then the file's 'defaults', then the
              defaults shown below. The file's 'defaults' apply only to its targets.

            REPORTS
              The text report goes to standard output unless --report says otherwise,
              in colour only on a terminal and never when NO_COLOR is set. On a
              terminal, a progress line on standard error shows a long run advance.

            EXIT STATUS
              0  every target passed
              1  at least one target failed
              2  bad usage or bad configuration: nothing was probed, and standard
                 error says what is wrong and where (file, line, key)

            EXAMPLES
              Right after creating an endpoint, wait up to ten minutes for it to work:
                plprobe check https://privatelink.test.cloud5.jp/ \\
                    --expect-address 10.0.1.23 --expect-address 10.0.2.45 --retry-for 10m

              Ask the VPC resolver, accept only the VPC's range, trust a private CA:
                plprobe check privatelink.test.cloud5.jp --dns-server 169.254.169.253 \\
                    --expect-cidr 10.0.0.0/16 --ca-file certs/ca.pem

              In CI, a JUnit report for the pipeline, JSON kept, text in the log:
                plprobe check --config probes/privatelink-test-cloud5.yaml \\
                    --report junit:out/plprobe.xml --report json:out/plprobe.json \\
                    --report text
            """
    )

    @Argument(
        help: ArgumentHelp(
            "Endpoints to probe: https://HOST[:PORT][/PATH], http://..., or a bare HOST for https://HOST/.",
            valueName: "url"),
        transform: { text throws(InputError) in try ProbeURL(parsing: text) })
    var urls: [ProbeURL] = []

    @Option(
        help: ArgumentHelp("A probe file (YAML) of targets and their defaults; see PROBE FILES. (default: none)", valueName: "path"))
    var config: String?

    @OptionGroup(title: "Expectations")
    var expectations: ExpectationOptions

    @OptionGroup(title: "Resolution and trust")
    var resolution: ResolutionOptions

    @OptionGroup(title: "Timing and retries")
    var timing: TimingOptions

    @OptionGroup(title: "Reports")
    var reports: ReportOptions

    @OptionGroup(title: "Load")
    var load: ConcurrencyOptions

    @OptionGroup(title: "Fleets")
    var sharding: ShardOptions

    func validate() throws {
        if urls.isEmpty && config == nil {
            throw ValidationError("nothing to probe: give one or more URLs, or --config FILE")
        }
    }

    func run() async throws {
        let file: ProbeFile?
        do throws(ConfigurationError) {
            file = try config.map { path throws(ConfigurationError) in try ProbeFile.load(path: path) }
        } catch {
            throw UsageError(error.description)
        }
        let commandLine = expectations.settings
            .overridden(by: resolution.settings)
            .overridden(by: timing.settings)
        let allTargets = try TargetList.assemble(file: file, urls: urls, commandLine: commandLine)
        let targets = sharding.select(allTargets)
        if let shard = sharding.shard, targets.isEmpty {
            Console.writeError("plprobe: shard \(shard) holds none of the \(allTargets.count) target(s); nothing to probe\n")
        }
        let run = CheckRun(
            targets: targets, concurrency: load.concurrency, engineOptions: load.engineOptions,
            reports: reports.requests, showsProgress: !reports.quiet)
        let status = try await run.execute()
        if status != .success { throw status }
    }
}
