import ProbeCore
import ProbeServe
import Testing
@testable import plprobe

/// The probe file as `plprobe serve` reads it: intervals, shards, and the
/// defaults a `/probe` URL gets.
@Suite("Probe files for serve: interval and shard")
struct ServeConfigurationTests {
    static let file = """
        defaults:
          interval: 30s
          timeout: 2s
          retry_for: 10m
          dns_servers: ["127.0.0.1:5353"]
        targets:
          - name: often
            url: https://a.example.test/
            interval: 5s
          - name: default-interval
            url: https://b.example.test/
        """

    @Test func intervalsLayerAndRetriesAreLeftToTheSchedule() throws {
        let directory = try TemporaryDirectory()
        let loader = ServeConfigurationLoader(path: try directory.write(Self.file, to: "probes.yaml"), commandLine: TargetSettings(), shard: nil)
        let configuration = try loader.load()
        #expect(configuration.targets.map(\.name) == ["often", "default-interval"])
        #expect(configuration.targets.map(\.interval) == [.seconds(5), .seconds(30)])
        #expect(configuration.targets.allSatisfy { $0.target.retryFor == .zero && $0.target.timeout == .seconds(2) })
    }

    @Test func withoutAnIntervalServeProbesEveryMinute() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("targets:\n  - url: https://a.example.test/\n", to: "probes.yaml")
        let configuration = try ServeConfigurationLoader(path: path, commandLine: TargetSettings(), shard: nil).load()
        #expect(configuration.targets.map(\.interval) == [ServeDefaults.interval])
    }

    @Test func aURLGivenToProbeTakesTheFileDefaultsAndTheCommandLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Self.file, to: "probes.yaml")
        let commandLine = TargetSettings(expectBody: "from the command line")
        let configuration = try ServeConfigurationLoader(path: path, commandLine: commandLine, shard: nil).load()
        let target = configuration.targetForURL(try ProbeURL(parsing: "https://c.example.test/"))
        #expect(target.timeout == .seconds(2) && target.dnsServers.map(\.description) == ["127.0.0.1:5353"])
        #expect(target.expectations.body == "from the command line")
    }

    @Test(arguments: [2, 3])
    func shardsSplitTheFile(count: Int) throws {
        let directory = try TemporaryDirectory()
        let targets = (0..<20).map { "  - url: https://n\($0).example.test/\n" }.joined()
        let path = try directory.write("targets:\n" + targets, to: "probes.yaml")
        var names: [String] = []
        for index in 0..<count {
            let loader = ServeConfigurationLoader(path: path, commandLine: TargetSettings(), shard: try Shard(index: index, count: count))
            names += try loader.load().targets.map(\.name)
        }
        #expect(names.sorted() == (0..<20).map { "n\($0).example.test" }.sorted())
    }

    /// The probe file the Kubernetes manifests mount must load as it is shipped.
    @Test func theKubernetesConfigMapsProbeFileLoads() throws {
        let manifest = try String(
            contentsOf: repositoryRoot.appendingPathComponent("deploy/kubernetes/probes-configmap.yaml"), encoding: .utf8)
        let lines = manifest.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasSuffix("probes.yaml: |") })
        let embedded = lines[(start + 1)...].prefix { $0.hasPrefix("    ") || $0.isEmpty }.map { $0.dropFirst(4) }.joined(separator: "\n")
        let file = try ProbeFile.parse(embedded, path: "probes-configmap.yaml")
        let targets = file.scheduledTargets()
        #expect(targets.map(\.target.name) == ["payments", "ledger"])
        #expect(targets.map(\.interval) == [.seconds(60), .seconds(30)])
    }

    @Test(arguments: [("0s", "shorter than 1s"), ("500ms", "shorter than 1s"), ("often", "not valid")])
    func badIntervalsNameLineAndKey(interval: String, mention: String) throws {
        #expect {
            try ProbeFile.parse("targets:\n  - url: https://a.example.test/\n    interval: \(interval)\n", path: "probes.yaml")
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.line == 3 && error.key == "targets[0].interval" && error.message.contains(mention)
        }
    }
}
