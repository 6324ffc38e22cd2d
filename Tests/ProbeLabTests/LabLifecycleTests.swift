import Foundation
import ProbeCore
import ProbeLab
import Testing

@Suite("Lab start, targets and stop")
struct LabLifecycleTests {
    @Test("stop closes both ports, removes the CA directory, and may be called again")
    func stopFreesEverything() throws {
        let lab = try Lab.start(LabConfiguration())
        let directory = URL(fileURLWithPath: lab.caFile).deletingLastPathComponent().path
        #expect(FileManager.default.fileExists(atPath: lab.caFile))
        let mode = try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let probe = try LoopbackSocket.connect(.v4(0x7F00_0003), port: lab.port).get()
        close(probe)

        lab.stop()
        lab.stop()

        #expect(!FileManager.default.fileExists(atPath: directory))
        for address in lab.configuration.endpointAddresses {
            guard case .failure(let failure) = LoopbackSocket.connect(address, port: lab.port) else {
                Issue.record("\(address):\(lab.port) still accepts connections")
                continue
            }
            #expect(failure.description == "Connection refused")
            #expect(LoopbackSocket.canBind(address, port: lab.port, type: SOCK_STREAM))
        }
        #expect(LoopbackSocket.canBind(lab.resolver.address, port: lab.resolver.port, type: SOCK_DGRAM))
    }

    @Test("stop returns while clients are connected mid-handshake, and closes them", .timeLimit(.minutes(1)))
    func stopWithClients() throws {
        let lab = try Lab.start(LabConfiguration())
        let clients = try (0..<50).map { _ in try LoopbackSocket.connect(.v4(0x7F00_0002), port: lab.port).get() }
        defer { clients.forEach { close($0) } }
        for client in clients {
            _ = "\u{16}\u{03}\u{01}".withCString { send(client, $0, 3, 0) }
        }
        lab.stop()
        for client in clients {
            #expect(LoopbackSocket.waitForClose(client, seconds: 1))
        }
    }

    @Test("two labs run side by side on different ports")
    func twoLabs() throws {
        let first = try Lab.start(LabConfiguration())
        defer { first.stop() }
        let second = try Lab.start(LabConfiguration())
        defer { second.stop() }
        #expect(first.port != second.port)
        #expect(first.resolver != second.resolver)
        #expect(first.caFile != second.caFile)
    }

    @Test("targets name every host with the lab's resolver, CA, addresses and body")
    func targets() throws {
        let lab = try Lab.start(LabConfiguration(extraNames: 3, body: "lab body"))
        defer { lab.stop() }
        #expect(lab.names == [
            "privatelink.test.cloud5.jp", "n0.lab.plprobe.test", "n1.lab.plprobe.test", "n2.lab.plprobe.test",
        ])
        let targets = lab.targets()
        #expect(targets.map(\.name) == lab.names)
        #expect(targets.map(\.url.description) == lab.names.map { "https://\($0):\(lab.port)/" })
        for target in targets {
            #expect(target.dnsServers == [lab.resolver])
            #expect(target.caFile == lab.caFile)
            #expect(target.expectations.addresses == [IPAddress("127.0.0.2")!, IPAddress("127.0.0.3")!])
            #expect(target.expectations.body == "lab body")
        }
    }

    @Test("the largest load configuration starts and lists every name")
    func largestLoad() throws {
        let lab = try Lab.start(LabConfiguration(extraNames: LabConfiguration.maximumExtraNames))
        defer { lab.stop() }
        #expect(lab.names.count == LabConfiguration.maximumExtraNames + 1)
        #expect(lab.names.last == "n99999.lab.plprobe.test")
    }

    static let invalid: [(LabConfiguration, String)] = [
        (LabConfiguration(endpointAddresses: [IPAddress("10.0.1.23")!]), "endpoint address 10.0.1.23 is not a loopback address"),
        (LabConfiguration(endpointAddresses: []), "the lab needs 1 to 8 endpoint addresses, got 0"),
        (LabConfiguration(endpointAddresses: (2...10).map { .v4(0x7F00_0000 + $0) }), "the lab needs 1 to 8 endpoint addresses, got 9"),
        (LabConfiguration(endpointAddresses: [IPAddress("127.0.0.2")!, IPAddress("127.0.0.2")!]), "repeat an address"),
        (LabConfiguration(extraNames: 100_001), "extra names must be 0 to 100000, got 100001"),
        (LabConfiguration(hostName: "bad name.example"), "host name 'bad name.example' is not a DNS name"),
        (LabConfiguration(hostName: "a,DNS:evil.example"), "is not a DNS name"),
        (LabConfiguration(hostName: "127.0.0.1"), "is not a DNS name"),
    ]

    @Test("configurations the lab cannot serve are refused with a reason and a hint", arguments: invalid)
    func invalidConfiguration(configuration: LabConfiguration, reason: String) {
        #expect {
            try Lab.start(configuration)
        } throws: { error in
            guard let error = error as? LabError else { return false }
            return error.message.contains(reason) && !error.hint.isEmpty
        }
    }
}
