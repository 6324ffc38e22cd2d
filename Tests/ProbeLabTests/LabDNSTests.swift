import ProbeCore
import ProbeLab
import Testing

@Suite("Lab resolver, seen by dig", .enabled(if: Tool.isAvailable("dig")))
struct LabDNSTests {
    static let host = "privatelink.test.cloud5.jp"
    static let soa = "test.cloud5.jp.\t\t60\tIN\tSOA\tns.test.cloud5.jp. hostmaster.test.cloud5.jp. 1 3600 600 86400 60"

    private func dig(_ lab: Lab, _ arguments: [String]) throws -> String {
        let output = try Tool.run("dig", ["@127.0.0.1", "-p", "\(lab.resolver.port)", "+time=2", "+tries=1"] + arguments)
        #expect(output.status == 0, "\(output.combined)")
        return output.standardOutput
    }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).sorted()
    }

    @Test("the resolver listens on 127.0.0.1")
    func resolverAddress() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        #expect(lab.resolver.address == IPAddress("127.0.0.1"))
        #expect(lab.resolver.port > 0)
    }

    @Test("A answers are the endpoint addresses, whatever the letter case",
          arguments: [host, "PrivateLink.Test.Cloud5.JP", "privatelink.test.cloud5.jp."])
    func addresses(name: String) throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        #expect(lines(try dig(lab, [name, "A", "+short"])) == ["127.0.0.2", "127.0.0.3"])
    }

    @Test("answers are authoritative, carry TTL 60, echo RD and set RA")
    func headerAndTTL() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let full = try dig(lab, [Self.host, "A"])
        #expect(full.contains("status: NOERROR"), "\(full)")
        #expect(full.contains("flags: qr aa rd ra; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 1"), "\(full)")
        #expect(full.contains("; EDNS: version: 0, flags:; udp: 1232"), "\(full)")
        let answer = try dig(lab, [Self.host, "A", "+noall", "+answer"])
        let records: [[String]] = lines(answer).map { line in line.split(whereSeparator: \.isWhitespace).map(String.init) }
        let expected: [[String]] = ["127.0.0.2", "127.0.0.3"].map { ["\(Self.host).", "60", "IN", "A", $0] }
        #expect(records == expected)
        let plain = try dig(lab, [Self.host, "A", "+norecurse", "+noedns"])
        #expect(plain.contains("flags: qr aa ra; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 0"), "\(plain)")
    }

    @Test("AAAA without IPv6 endpoint addresses is NODATA with the zone's SOA")
    func noData() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let output = try dig(lab, [Self.host, "AAAA"])
        #expect(output.contains("status: NOERROR"), "\(output)")
        #expect(output.contains("ANSWER: 0, AUTHORITY: 1"), "\(output)")
        #expect(output.contains(Self.soa), "\(output)")
    }

    @Test("an unknown name in the zone is NXDOMAIN with the zone's SOA",
          arguments: ["privatelnk.test.cloud5.jp", "x.privatelink.test.cloud5.jp", "other.lab.plprobe.test"])
    func nxdomain(name: String) throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let output = try dig(lab, [name, "A"])
        #expect(output.contains("status: NXDOMAIN"), "\(output)")
        #expect(output.contains("flags: qr aa rd ra;"), "\(output)")
        #expect(output.contains("\tIN\tSOA\tns."), "\(output)")
        #expect(output.contains(" 1 3600 600 86400 60\n"), "\(output)")
    }

    @Test("a name outside the lab's zones is REFUSED")
    func refused() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let output = try dig(lab, ["example.com", "A"])
        #expect(output.contains("status: REFUSED"), "\(output)")
    }

    @Test("the zone apex answers SOA and has no address")
    func apex() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        #expect(try dig(lab, ["test.cloud5.jp", "SOA", "+short"]) == "ns.test.cloud5.jp. hostmaster.test.cloud5.jp. 1 3600 600 86400 60\n")
        let output = try dig(lab, ["test.cloud5.jp", "A"])
        #expect(output.contains("status: NOERROR"), "\(output)")
        #expect(output.contains("ANSWER: 0, AUTHORITY: 1"), "\(output)")
    }

    @Test("extra names resolve up to the configured count and no further")
    func extraNames() throws {
        let lab = try Lab.start(LabConfiguration(extraNames: 1000))
        defer { lab.stop() }
        for name in ["n0.lab.plprobe.test", "n999.lab.plprobe.test", "N500.Lab.Plprobe.Test"] {
            #expect(lines(try dig(lab, [name, "A", "+short"])) == ["127.0.0.2", "127.0.0.3"], "\(name)")
        }
        for name in ["n1000.lab.plprobe.test", "n01.lab.plprobe.test", "n-1.lab.plprobe.test", "n.lab.plprobe.test"] {
            let output = try dig(lab, [name, "A"])
            #expect(output.contains("status: NXDOMAIN"), "\(name): \(output)")
        }
    }

    @Test("IPv6 endpoint addresses are AAAA answers, IPv4 ones A answers")
    func mixedFamilies() throws {
        let lab = try Lab.start(LabConfiguration(endpointAddresses: [IPAddress("127.0.0.2")!, IPAddress("::1")!]))
        defer { lab.stop() }
        #expect(try dig(lab, [Self.host, "A", "+short"]) == "127.0.0.2\n")
        #expect(try dig(lab, [Self.host, "AAAA", "+short"]) == "::1\n")
    }
}
