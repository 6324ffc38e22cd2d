import Foundation
import ProbeCore
import ProbeLab
import Testing

@Suite("Lab TLS listener and HTTP, seen by openssl and curl")
struct LabTLSTests {
    static let host = "privatelink.test.cloud5.jp"

    @Test("openssl s_client verifies the chain and the name on every endpoint address",
          .enabled(if: Tool.isAvailable("openssl")), arguments: ["127.0.0.2", "127.0.0.3"])
    func opensslVerifies(address: String) throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let output = try Tool.run("openssl", [
            "s_client", "-connect", "\(address):\(lab.port)", "-servername", Self.host,
            "-CAfile", lab.caFile, "-verify_return_error", "-verify_hostname", Self.host,
        ])
        #expect(output.status == 0, "\(output.combined)")
        #expect(output.standardOutput.contains("Verify return code: 0 (ok)"), "\(output.combined)")
    }

    @Test("TLS 1.2 and TLS 1.3 are both accepted", .enabled(if: Tool.isAvailable("openssl")), arguments: ["-tls1_2", "-tls1_3"])
    func protocolVersions(version: String) throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let output = try Tool.run("openssl", [
            "s_client", version, "-connect", "127.0.0.2:\(lab.port)", "-servername", Self.host,
            "-CAfile", lab.caFile, "-verify_return_error", "-verify_hostname", Self.host,
        ])
        #expect(output.status == 0, "\(output.combined)")
        let expected = version == "-tls1_2" ? "TLSv1.2" : "TLSv1.3"
        #expect(output.standardOutput.contains("Protocol  : \(expected)") || output.standardOutput.contains("New, \(expected)"), "\(output.combined)")
    }

    @Test("TLS 1.1 is refused with a protocol_version alert", .enabled(if: Tool.isAvailable("openssl")))
    func oldProtocolRefused() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let output = try Tool.run("openssl", [
            "s_client", "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-connect", "127.0.0.2:\(lab.port)", "-servername", Self.host,
        ])
        #expect(output.status != 0)
        #expect(output.combined.contains("alert protocol version"), "\(output.combined)")
    }

    @Test("a name the certificate does not cover fails verification", .enabled(if: Tool.isAvailable("openssl")))
    func otherNameRejected() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let output = try Tool.run("openssl", [
            "s_client", "-connect", "127.0.0.2:\(lab.port)", "-servername", "other.example",
            "-CAfile", lab.caFile, "-verify_return_error", "-verify_hostname", "other.example",
        ])
        #expect(output.status != 0)
        #expect(output.combined.contains("hostname mismatch"), "\(output.combined)")
    }

    @Test("the CA is an ECDSA P-256 root that may only sign certificates", .enabled(if: Tool.isAvailable("openssl")))
    func authorityCertificate() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let text = try Tool.run("openssl", ["x509", "-in", lab.caFile, "-noout", "-text"]).standardOutput
        #expect(text.contains("Subject: O = plprobe lab, CN = plprobe lab CA"), "\(text)")
        #expect(text.contains("Issuer: O = plprobe lab, CN = plprobe lab CA"))
        #expect(text.contains("Signature Algorithm: ecdsa-with-SHA256"))
        #expect(text.contains("NIST CURVE: P-256"))
        #expect(text.contains("X509v3 Basic Constraints: critical\n                CA:TRUE"))
        #expect(text.contains("X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign"))
    }

    @Test("the server certificate covers the host name and the extra names, for server use only",
          .enabled(if: Tool.isAvailable("openssl")))
    func serverCertificate() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let chain = try Tool.run("openssl", [
            "s_client", "-connect", "127.0.0.2:\(lab.port)", "-servername", Self.host, "-showcerts",
        ]).standardOutput
        let begin = try #require(chain.range(of: "-----BEGIN CERTIFICATE-----"))
        let end = try #require(chain.range(of: "-----END CERTIFICATE-----", range: begin.upperBound..<chain.endIndex))
        let leaf = String(chain[begin.lowerBound..<end.upperBound]) + "\n"
        let text = try Tool.run("openssl", ["x509", "-noout", "-text"], input: leaf).standardOutput
        #expect(text.contains("Subject: O = plprobe lab, CN = \(Self.host)"), "\(text)")
        #expect(text.contains("Issuer: O = plprobe lab, CN = plprobe lab CA"))
        #expect(text.contains("DNS:\(Self.host), DNS:*.lab.plprobe.test"))
        #expect(text.contains("X509v3 Basic Constraints: \n                CA:FALSE"))
        #expect(text.contains("X509v3 Extended Key Usage: \n                TLS Web Server Authentication"))
        #expect(text.contains("X509v3 Key Usage: critical\n                Digital Signature"))
        #expect(chain.contains("i:O = plprobe lab, CN = plprobe lab CA"), "the CA is sent as chain")
    }

    @Test("curl gets the body and the documented headers", .enabled(if: Tool.isAvailable("curl")))
    func curlGetsBody() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let url = "https://\(Self.host):\(lab.port)/"
        let output = try Tool.run("curl", [
            "-sS", "--include", "--cacert", lab.caFile, "--resolve", "\(Self.host):\(lab.port):127.0.0.3", url,
        ])
        #expect(output.status == 0, "\(output.combined)")
        let response = output.standardOutput
        #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(response)")
        for header in ["Server: plprobe-lab", "Content-Type: text/plain", "Content-Length: 20", "Connection: close"] {
            #expect(response.contains("\r\n\(header)\r\n"), "\(header) missing in \(response)")
        }
        #expect(response.hasSuffix("\r\n\r\nThis is test server\n"))
    }

    @Test("HEAD gets the headers without the body", .enabled(if: Tool.isAvailable("curl")))
    func headRequest() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let output = try Tool.run("curl", [
            "-sS", "--head", "--cacert", lab.caFile, "--resolve", "\(Self.host):\(lab.port):127.0.0.2", "https://\(Self.host):\(lab.port)/",
        ])
        #expect(output.status == 0, "\(output.combined)")
        #expect(output.standardOutput.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(output.standardOutput.contains("\r\nContent-Length: 20\r\n"))
        #expect(output.standardOutput.hasSuffix("\r\n\r\n"), "\(output.standardOutput)")
    }

    @Test("the body is the configured one", .enabled(if: Tool.isAvailable("curl")))
    func configuredBody() throws {
        let lab = try Lab.start(LabConfiguration(body: "hello from the lab"))
        defer { lab.stop() }
        let output = try Tool.run("curl", [
            "-sS", "--cacert", lab.caFile, "--resolve", "\(Self.host):\(lab.port):127.0.0.2",
            "https://\(Self.host):\(lab.port)/any/path?q=1",
        ])
        #expect(output.standardOutput == "hello from the lab\n", "\(output.combined)")
    }

    @Test("a request line that is not HTTP/1.x gets 400", .enabled(if: Tool.isAvailable("openssl")))
    func malformedRequest() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let output = try Tool.run("openssl", [
            "s_client", "-quiet", "-ign_eof", "-connect", "127.0.0.2:\(lab.port)", "-servername", Self.host,
        ], input: "NONSENSE\r\n\r\n")
        #expect(output.standardOutput.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "\(output.combined)")
    }

    @Test("an oversized request head gets 431", .enabled(if: Tool.isAvailable("openssl")))
    func oversizedRequest() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let request = "GET / HTTP/1.1\r\nHost: \(Self.host)\r\nX-Filler: \(String(repeating: "a", count: 20_000))\r\n\r\n"
        let output = try Tool.run("openssl", [
            "s_client", "-quiet", "-ign_eof", "-connect", "127.0.0.2:\(lab.port)", "-servername", Self.host,
        ], input: request)
        #expect(output.standardOutput.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "\(output.combined)")
    }

    @Test("1,000 parallel requests all get the body while 2,000 other connections are open",
          .enabled(if: Tool.isAvailable("curl")))
    func manyConcurrentRequests() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let idle = try (0..<2000).map { index in
            try LoopbackSocket.connect(.v4(index % 2 == 0 ? 0x7F00_0002 : 0x7F00_0003), port: lab.port).get()
        }
        defer { idle.forEach { close($0) } }
        let count = 1000
        let config = (0..<count).map { index in
            let address = index % 2 == 0 ? "127.0.0.2" : "127.0.0.3"
            return "url = \"https://\(Self.host):\(lab.port)/\(index)\"\nresolve = \"\(Self.host):\(lab.port):\(address)\"\n"
        }.joined()
        let configFile = FileManager.default.temporaryDirectory.appendingPathComponent("plprobe-lab-curl-\(UUID().uuidString)")
        try Data(config.utf8).write(to: configFile)
        defer { try? FileManager.default.removeItem(at: configFile) }
        let output = try Tool.run("curl", [
            "-sS", "--parallel", "--parallel-max", "300", "--cacert", lab.caFile, "--config", configFile.path,
        ], limit: 120)
        #expect(output.status == 0, "\(output.standardError)")
        let bodies = output.standardOutput.split(separator: "\n")
        #expect(bodies.count == count)
        #expect(bodies.allSatisfy { $0 == "This is test server" })
    }

    @Test("a client that connects and sends nothing neither blocks others nor stays connected",
          .enabled(if: Tool.isAvailable("curl")), .timeLimit(.minutes(1)))
    func silentClient() throws {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let silent = try (0..<20).map { _ in try LoopbackSocket.connect(.v4(0x7F00_0002), port: lab.port).get() }
        defer { silent.forEach { close($0) } }
        let output = try Tool.run("curl", [
            "-sS", "--cacert", lab.caFile, "--resolve", "\(Self.host):\(lab.port):127.0.0.2", "https://\(Self.host):\(lab.port)/",
        ])
        #expect(output.standardOutput == "This is test server\n", "\(output.combined)")
        for fd in silent {
            #expect(LoopbackSocket.waitForClose(fd, seconds: 20), "the lab closes idle connections")
        }
    }
}
