import Foundation
import ProbeCore
import Testing
@testable import plprobe

@Suite("plprobe diagnose: command line")
struct DiagnoseCommandTests {
    @Test("the options of check become the diagnosed target")
    func optionsOfCheck() throws {
        let command = try DiagnoseCommand.parse([
            "http://privatelink.test.cloud5.jp:8080/health", "--expect-address", "10.0.1.23",
            "--dns-server", "10.0.0.2", "--timeout", "2s", "--retry-for", "1m", "--report", "markdown:ticket.md",
        ])
        let target = command.expectations.settings
            .overridden(by: command.resolution.settings)
            .overridden(by: command.timing.settings)
            .target(name: nil, url: command.url)
        #expect(target.url.description == "http://privatelink.test.cloud5.jp:8080/health")
        #expect(target.expectations.addresses == [IPAddress("10.0.1.23")!])
        #expect(target.dnsServers == [ResolverAddress(address: IPAddress("10.0.0.2")!)])
        #expect(command.reports.requests == [DiagnosisReportRequest(format: .markdown, path: "ticket.md")])
        #expect(DiagnoseRun.bound(for: target) == .seconds(60 + 7 * 2))
    }

    @Test("text on standard output unless asked otherwise")
    func defaultReport() throws {
        let command = try DiagnoseCommand.parse(["privatelink.test.cloud5.jp"])
        #expect(command.reports.requests == [DiagnosisReportRequest(format: .text, path: nil)])
    }

    @Test("help states the time bound and every cause")
    func helpStatesTheBound() throws {
        let help = try PLProbeBinary.run(["diagnose", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("--retry-for + 7 x --timeout (35s with the"))
        for cause in ["dns_not_propagated", "resolver_failure", "clock_skew", "unexpected_content", "healthy"] {
            #expect(help.output.contains(cause), "diagnose --help lacks \(cause)")
        }
    }

    @Test("bad usage exits 2 and probes nothing", arguments: [
        ["diagnose"],
        ["diagnose", "privatelink.test.cloud5.jp", "--report", "junit"],
        ["diagnose", "privatelink.test.cloud5.jp", "--report", "text", "--report", "json"],
        ["diagnose", "ftp://privatelink.test.cloud5.jp/"],
        ["lab", "--fault", "black_hole"],
        ["lab", "--diagnose", "--report", "junit"],
    ])
    func badUsage(_ arguments: [String]) throws {
        let result = try PLProbeBinary.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.error)")
        #expect(!result.error.isEmpty)
        #expect(result.output.isEmpty)
    }
}
