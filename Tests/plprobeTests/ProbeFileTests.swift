import Foundation
import ProbeCore
import Testing
@testable import plprobe

@Suite("Probe files: loading")
struct ProbeFileTests {
    static let layered = """
        defaults:
          timeout: 2s
          retry_for: 1m
          expect_body: "hello"
          dns_servers: ["127.0.0.1:5353"]
          ca_file: ca.pem
        targets:
          - name: first
            url: https://a.example.test/
            timeout: 250ms
            expect_addresses: ["10.0.1.23", "10.0.2.45"]
          - url: http://b.example.test:8080/health
            expect_body: ""
            expect_status: [200, 204]
            allow_public: true
            expect_cidrs: ["10.0.0.0/16", "fd00::/8"]
        """

    @Test func defaultsAndTargetKeysLayer() throws {
        let directory = try TemporaryDirectory()
        let caFile = try directory.write("not parsed by the loader", to: "ca.pem")
        let path = try directory.write(Self.layered, to: "probe.yaml")
        let targets = try ProbeFile.load(path: path).probeTargets()

        let expected = [
            ProbeTarget(
                name: "first",
                url: ProbeURL(scheme: .https, host: "a.example.test"),
                expectations: Expectations(addresses: [IPAddress("10.0.1.23")!, IPAddress("10.0.2.45")!], body: "hello"),
                dnsServers: [ResolverAddress(address: IPAddress("127.0.0.1")!, port: 5353)],
                caFile: caFile, timeout: .milliseconds(250), retryFor: .seconds(60)),
            ProbeTarget(
                url: ProbeURL(scheme: .http, host: "b.example.test", port: 8080, path: "/health"),
                expectations: Expectations(
                    cidrs: [CIDR("10.0.0.0/16")!, CIDR("fd00::/8")!], allowPublic: true, body: "",
                    status: try StatusExpectation(parsing: "200,204")),
                dnsServers: [ResolverAddress(address: IPAddress("127.0.0.1")!, port: 5353)],
                caFile: caFile, timeout: .seconds(2), retryFor: .seconds(60)),
        ]
        #expect(targets == expected)
        #expect(targets.map(\.name) == ["first", "b.example.test"])
    }

    @Test func commandLineOverridesFileDefaultsButNotTargetKeys() throws {
        let directory = try TemporaryDirectory()
        try directory.write("", to: "ca.pem")
        let file = try ProbeFile.load(path: directory.write(Self.layered, to: "probe.yaml"))
        let commandLine = TargetSettings(expectBody: "from the command line", timeout: .seconds(9))
        let targets = file.probeTargets(commandLine: commandLine)
        #expect(targets.map(\.timeout) == [.milliseconds(250), .seconds(9)])
        #expect(targets.map(\.expectations.body) == ["from the command line", ""])
        #expect(targets.map(\.retryFor) == [.seconds(60), .seconds(60)])
    }

    @Test func absentKeysTakeBuiltInDefaults() throws {
        let file = try ProbeFile.parse("targets:\n  - url: privatelink.example.test\n", path: "inline.yaml")
        let builtIn = ProbeTarget(url: ProbeURL(scheme: .https, host: "privatelink.example.test"))
        #expect(file.probeTargets() == [builtIn])
    }

    @Test func caFileIsRelativeToTheProbeFile() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("certs"), withIntermediateDirectories: false)
        let caFile = try directory.write("", to: "certs/ca.pem")
        let path = try directory.write("defaults:\n  ca_file: certs/ca.pem\ntargets:\n  - url: https://127.0.0.1/\n", to: "probe.yaml")
        #expect(try ProbeFile.load(path: path).probeTargets().map(\.caFile) == [caFile])
    }

    @Test(arguments: ["privatelink-test-cloud5.yaml", "lab.yaml"])
    func shippedProbeFilesParse(_ name: String) throws {
        let path = repositoryRoot.appendingPathComponent("probes").appendingPathComponent(name).path
        let targets = try ProbeFile.load(path: path).probeTargets()
        #expect(!targets.isEmpty)
    }

    @Test func walkthroughFileDescribesTheWalkthrough() throws {
        let path = repositoryRoot.appendingPathComponent("probes/privatelink-test-cloud5.yaml").path
        let target = try #require(try ProbeFile.load(path: path).probeTargets().first)
        #expect(target.url == ProbeURL(scheme: .https, host: "privatelink.test.cloud5.jp"))
        #expect(target.expectations.addresses == [IPAddress("10.0.1.23")!, IPAddress("10.0.2.45")!])
        #expect(target.expectations.cidrs == [CIDR("10.0.0.0/16")!])
        #expect(target.expectations.body == "This is test server")
        #expect(!target.expectations.allowPublic)
        #expect(target.retryFor == .seconds(600))
        #expect(target.dnsServers.isEmpty)
        #expect(target.caFile == nil)
    }
}
