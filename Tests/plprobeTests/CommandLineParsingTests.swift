import ArgumentParser
import ProbeCore
import ProbeReports
import Testing
@testable import plprobe

/// How options become settings and targets, checked without running anything.
@Suite("plprobe command line: parsing and precedence")
struct CommandLineParsingTests {
    @Test func onlyGivenOptionsBecomeSettings() throws {
        let command = try CheckCommand.parse(["https://127.0.0.1/"])
        let settings = command.expectations.settings
            .overridden(by: command.resolution.settings)
            .overridden(by: command.timing.settings)
        #expect(settings == TargetSettings())
        #expect(command.load.concurrency == 256)
        #expect(command.reports.requests == [ReportRequest(format: .text, path: nil)])
    }

    @Test func givenOptionsOverrideFileDefaults() throws {
        let command = try CheckCommand.parse([
            "--no-allow-public", "--expect-body", "", "--timeout", "1m30s",
            "--expect-address", "10.0.1.23", "--expect-address", "10.0.2.45",
            "--dns-server", "[fd00::2]:5353", "--config", "probe.yaml",
        ])
        let file = try ProbeFile.parse(
            "defaults:\n  allow_public: true\n  expect_body: x\n  timeout: 1s\n  retry_for: 5m\ntargets:\n  - url: 127.0.0.1\n",
            path: "probe.yaml")
        let commandLine = command.expectations.settings
            .overridden(by: command.resolution.settings)
            .overridden(by: command.timing.settings)
        let target = try #require(file.probeTargets(commandLine: commandLine).first)
        #expect(target.expectations.allowPublic == false)
        #expect(target.expectations.body == "")
        #expect(target.expectations.addresses == [IPAddress("10.0.1.23")!, IPAddress("10.0.2.45")!])
        #expect(target.dnsServers == [ResolverAddress(address: IPAddress("fd00::2")!, port: 5353)])
        #expect(target.timeout == .seconds(90))
        #expect(target.retryFor == .seconds(300))
    }

    @Test func quietWritesNoDefaultReport() throws {
        #expect(try CheckCommand.parse(["-q", "127.0.0.1"]).reports.requests.isEmpty)
    }

    struct ReportCase: Sendable {
        var text: String
        var format: ReportFormat
        var path: String?
    }

    @Test(arguments: [
        ReportCase(text: "text", format: .text, path: nil),
        ReportCase(text: "json:-", format: .json, path: nil),
        ReportCase(text: "junit:out/plprobe.xml", format: .junit, path: "out/plprobe.xml"),
        ReportCase(text: "json:C:weird:name.json", format: .json, path: "C:weird:name.json"),
    ])
    func reportRequestsParse(_ reportCase: ReportCase) throws {
        let request = try ReportRequest(parsing: reportCase.text)
        #expect(request == ReportRequest(format: reportCase.format, path: reportCase.path))
    }

    @Test(arguments: ["xml", "JSON", "", "json:", ":out.json"])
    func badReportRequestsAreRejected(_ text: String) {
        #expect(throws: InputError.self) { try ReportRequest(parsing: text) }
    }

    @Test func commandLineURLsAreNamedAfterTheirHostUnlessAmbiguous() throws {
        let urls = try ["a.example.test", "https://b.example.test/x", "https://b.example.test/y", "http://c.example.test/"]
            .map { text throws(InputError) in try ProbeURL(parsing: text) }
        let targets = try TargetList.assemble(file: nil, urls: urls, commandLine: TargetSettings())
        #expect(targets.map(\.name) == ["a.example.test", "https://b.example.test/x", "https://b.example.test/y", "c.example.test"])
    }

    @Test func commandLineURLsDoNotTakeAFileTargetsName() throws {
        let file = try ProbeFile.parse("targets:\n  - url: https://a.example.test/\n", path: "probe.yaml")
        let url = try ProbeURL(parsing: "https://a.example.test:8443/")
        let targets = try TargetList.assemble(file: file, urls: [url], commandLine: TargetSettings())
        #expect(targets.map(\.name) == ["a.example.test", "https://a.example.test:8443/"])
    }

    @Test func theSameURLTwiceIsRejected() throws {
        let url = try ProbeURL(parsing: "a.example.test")
        #expect(throws: UsageError.self) {
            try TargetList.assemble(file: nil, urls: [url, url], commandLine: TargetSettings())
        }
    }

    @Test(arguments: [
        ("timout", "timeout"), ("expect_adress", "expect_addresses"), ("dns_server", "dns_servers"),
        ("retryfor", "retry_for"), ("CA_FILE", "ca_file"),
    ])
    func misspeltKeysGetASuggestion(_ key: String, _ suggestion: String) {
        #expect(KeySuggestion.closest(to: key, in: ProbeFileReader.targetKeys) == suggestion)
    }

    @Test(arguments: ["colour", "x", "certificate_authority"])
    func unrelatedKeysGetNone(_ key: String) {
        #expect(KeySuggestion.closest(to: key, in: ProbeFileReader.targetKeys) == nil)
    }

    @Test func labCommandLineCanBePastedIntoAShell() throws {
        let target = ProbeTarget(
            url: ProbeURL(scheme: .https, host: "privatelink.test.cloud5.jp", port: 40123),
            expectations: Expectations(addresses: [IPAddress("127.0.0.2")!, IPAddress("127.0.0.3")!]),
            dnsServers: [ResolverAddress(address: IPAddress("127.0.0.1")!, port: 5353)],
            caFile: "/tmp/lab dir/it's/ca.pem")
        #expect(CheckCommandLine.text(for: target) == """
            plprobe check https://privatelink.test.cloud5.jp:40123/ --dns-server 127.0.0.1:5353 \
            --ca-file '/tmp/lab dir/it'\\''s/ca.pem' --expect-address 127.0.0.2 --expect-address 127.0.0.3
            """)
    }
}
