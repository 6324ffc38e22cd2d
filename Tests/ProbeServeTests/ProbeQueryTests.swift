@testable import ProbeServe
import ProbeCore
import Testing

@Suite("/probe queries")
struct ProbeQueryTests {
    static let configured = ScheduledTarget(
        target: ProbeTarget(
            name: "payments", url: try! ProbeURL(parsing: "https://payments.example/health"),
            expectations: Expectations(addresses: [.v4(0x0A00_0117)]), timeout: .seconds(5)),
        interval: .seconds(30))

    static let configuration = ServeConfiguration(targets: [configured]) { url in
        ProbeTarget(url: url, expectations: Expectations(body: "from defaults"), timeout: .seconds(4))
    }

    static func target(_ parameters: [(String, String)], scrapeTimeout: Duration? = nil) throws(InputError) -> ProbeTarget {
        try ProbeQuery(parameters: parameters.map { (name: $0.0, value: $0.1) }).target(in: configuration, scrapeTimeout: scrapeTimeout)
    }

    @Test("a configured target's name probes that target")
    func byName() throws {
        let target = try Self.target([("target", "payments")])
        #expect(target.url.description == "https://payments.example/health")
        #expect(target.expectations.addresses == [.v4(0x0A00_0117)])
    }

    @Test("a URL is probed with the defaults, and blackbox's module is ignored")
    func byURL() throws {
        let target = try Self.target([("target", "https://other.example:8443/"), ("module", "http_2xx")])
        #expect(target.url.port == 8443 && target.name == "other.example")
        #expect(target.expectations.body == "from defaults")
    }

    @Test("parameters override expectations, resolvers and the timeout")
    func overrides() throws {
        let target = try Self.target([
            ("target", "payments"), ("expect_address", "10.0.2.45"), ("expect_address", "10.0.1.23"), ("expect_cidr", "10.0.0.0/16"),
            ("allow_public", "true"), ("expect_body", ""), ("expect_status", "200,204"), ("dns_server", "127.0.0.1:5353"), ("timeout", "2s"),
        ])
        #expect(target.expectations.addresses.map(\.description) == ["10.0.2.45", "10.0.1.23"])
        #expect(target.expectations.cidrs.map(\.description) == ["10.0.0.0/16"])
        #expect(target.expectations.allowPublic && target.expectations.body.isEmpty)
        #expect(target.expectations.status.description == "200,204")
        #expect(target.dnsServers.map(\.description) == ["127.0.0.1:5353"])
        #expect(target.timeout == .seconds(2) && target.retryFor == .zero)
    }

    @Test("Prometheus' scrape timeout caps each phase, leaving time to answer", arguments: [
        (Duration.seconds(10), Duration.seconds(5)), (.seconds(3), .milliseconds(2500)), (.milliseconds(200), .milliseconds(100)),
    ])
    func scrapeTimeout(scrape: Duration, phase: Duration) throws {
        #expect(try Self.target([("target", "payments")], scrapeTimeout: scrape).timeout == phase)
    }

    @Test("bad queries say what is wrong", arguments: [
        ([("expect_adress", "10.0.0.1"), ("target", "payments")], "unknown parameter 'expect_adress'"),
        ([], "parameter 'target' is missing"),
        ([("target", "")], "parameter 'target' is missing"),
        ([("target", "ftp://x.example/")], "ftp"),
        ([("target", "payments"), ("expect_address", "10.0.0")], "expect_address '10.0.0'"),
        ([("target", "payments"), ("allow_public", "yes")], "allow_public 'yes'"),
        ([("target", "payments"), ("timeout", "0s")], "timeout '0s'"),
        ([("target", "payments"), ("expect_status", "abc")], "abc"),
    ] as [([(String, String)], String)])
    func badQueries(parameters: [(String, String)], mention: String) {
        #expect {
            try Self.target(parameters)
        } throws: { error in
            (error as? InputError)?.message.contains(mention) == true
        }
    }
}
