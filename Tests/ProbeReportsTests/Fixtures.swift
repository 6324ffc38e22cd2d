import ProbeCore
import ProbeReports

/// Realistic results, written the way the engine reports them, covering the
/// shapes the writers must handle.
enum Fixtures {
    static let start = Timestamp(secondsSince1970: 1_748_860_921.25)

    static func at(_ offset: Double) -> Timestamp {
        Timestamp(secondsSince1970: start.secondsSince1970 + offset)
    }

    static let run = RunInfo(startedAt: start, duration: .milliseconds(6_312), toolVersion: "0.1.0", hostname: "ci-runner-7")

    static func address(_ text: String) -> IPAddress { IPAddress(text)! }

    static func url(_ text: String) -> ProbeURL { try! ProbeURL(parsing: text) }

    static let certificate = CertificateInfo(
        subject: "CN=privatelink.test.cloud5.jp",
        issuer: "CN=cloud5 test CA,O=cloud5",
        subjectAlternativeNames: ["privatelink.test.cloud5.jp", "*.privatelink.test.cloud5.jp"],
        notBefore: Timestamp(secondsSince1970: 1_740_787_200),
        notAfter: Timestamp(secondsSince1970: 1_775_001_599))

    static let tls13 = TLSReport(version: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", certificate: certificate)

    static func passingPath(_ text: String) -> PathReport {
        PathReport(
            address: address(text),
            timings: PhaseTimings(connect: .microseconds(312), tls: .microseconds(2_104), timeToFirstByte: .microseconds(911), total: .microseconds(3_402)),
            tls: tls13,
            http: HTTPReport(status: 200, bodyBytes: 20, bodyMatched: true, server: "nginx/1.22.1"))
    }

    static let cloud5Target = ProbeTarget(
        url: url("https://privatelink.test.cloud5.jp/"),
        expectations: Expectations(addresses: [address("10.0.1.23"), address("10.0.2.45")]),
        dnsServers: [ResolverAddress(address: address("10.0.0.2"))])

    /// Two endpoint interfaces, both healthy, first attempt.
    static let passing = TargetReport(
        target: cloud5Target,
        dns: DNSReport(
            answers: [DNSAnswer(address: address("10.0.1.23"), ttl: 60), DNSAnswer(address: address("10.0.2.45"), ttl: 60)],
            expectedAddresses: [address("10.0.1.23"), address("10.0.2.45")],
            resolvers: [ResolverAddress(address: address("10.0.0.2"))],
            duration: .microseconds(1_204)),
        paths: [passingPath("10.0.1.23"), passingPath("10.0.2.45")],
        startedAt: start, duration: .milliseconds(41))

    /// NXDOMAIN twice while private DNS propagated, then a pass.
    static let retriedThenPassed = TargetReport(
        target: ProbeTarget(name: "cloud5-after-deploy", url: url("https://privatelink.test.cloud5.jp/"), retryFor: .seconds(600)),
        attempts: 3,
        failedAttempts: [
            AttemptRecord(number: 1, startedAt: at(0), duration: .milliseconds(3), codes: [.dnsNXDomain]),
            AttemptRecord(number: 2, startedAt: at(2.1), duration: .milliseconds(2), codes: [.dnsNXDomain]),
        ],
        dns: DNSReport(answers: [DNSAnswer(address: address("10.0.1.23"), ttl: 300)], duration: .microseconds(980)),
        paths: [passingPath("10.0.1.23")],
        startedAt: start, duration: .milliseconds(6_250))

    /// The name never resolved during the whole retry window.
    static let nxdomain = TargetReport(
        target: ProbeTarget(url: url("https://vpce-missing.test.cloud5.jp/"), retryFor: .seconds(10)),
        attempts: 4,
        failedAttempts: (1...4).map { number in
            AttemptRecord(number: number, startedAt: at(Double(number - 1) * 2.5), duration: .milliseconds(2), codes: [.dnsNXDomain])
        },
        dns: DNSReport(
            resolvers: [ResolverAddress(address: address("127.0.0.53"), port: 5353)],
            duration: .microseconds(1_830),
            failures: [ProbeFailure(.dnsNXDomain, "vpce-missing.test.cloud5.jp does not exist (NXDOMAIN from 127.0.0.53:5353)")]),
        paths: [],
        startedAt: start, duration: .milliseconds(7_504))

    /// One interface serves a certificate for another name; IPv6 path.
    static let nameMismatch = TargetReport(
        target: ProbeTarget(name: "api-v6", url: url("https://api.internal.example.jp:8443/healthz")),
        failedAttempts: [AttemptRecord(number: 1, startedAt: start, duration: .milliseconds(12), codes: [.tlsNameMismatch])],
        dns: DNSReport(
            answers: [DNSAnswer(address: address("10.0.1.23"), ttl: 60), DNSAnswer(address: address("fd00:ec2::23"), ttl: 60)],
            expectedCIDRs: [CIDR("10.0.0.0/16")!, CIDR("fd00:ec2::/64")!],
            duration: .microseconds(1_500)),
        paths: [
            passingPath("10.0.1.23"),
            PathReport(
                address: address("fd00:ec2::23"),
                failure: ProbeFailure(
                    .tlsNameMismatch,
                    "fd00:ec2::23 presented a certificate for privatelink.test.cloud5.jp, *.privatelink.test.cloud5.jp, not api.internal.example.jp",
                    address: address("fd00:ec2::23")),
                timings: PhaseTimings(connect: .microseconds(401), tls: .microseconds(2_050), total: .microseconds(2_600)),
                tls: tls13),
        ],
        startedAt: start, duration: .milliseconds(12))

    /// Nothing listens on the port of one interface.
    static let tcpRefused = TargetReport(
        target: ProbeTarget(name: "cloud5-admin-port", url: url("https://privatelink.test.cloud5.jp:9443/")),
        failedAttempts: [AttemptRecord(number: 1, startedAt: start, duration: .milliseconds(2), codes: [.tcpRefused])],
        dns: DNSReport(answers: [DNSAnswer(address: address("10.0.1.23"), ttl: 60)], duration: .microseconds(700)),
        paths: [
            PathReport(
                address: address("10.0.1.23"),
                failure: ProbeFailure(.tcpRefused, "10.0.1.23:9443 refused the connection (RST)", address: address("10.0.1.23")),
                timings: PhaseTimings(connect: .microseconds(150), total: .microseconds(160))),
        ],
        startedAt: start, duration: .milliseconds(2))

    /// Plain HTTP to an address literal: no DNS, no TLS.
    static let plainHTTP = TargetReport(
        target: ProbeTarget(url: url("http://127.0.0.1:8080/health")),
        dns: DNSReport(),
        paths: [
            PathReport(
                address: address("127.0.0.1"),
                timings: PhaseTimings(connect: .microseconds(90), timeToFirstByte: .microseconds(400), total: .microseconds(700)),
                http: HTTPReport(status: 204, bodyBytes: 0, bodyMatched: nil, server: "haproxy")),
        ],
        startedAt: start, duration: .milliseconds(1))

    /// Wrong and public answers (two DNS failures), and a body mismatch whose
    /// message and headers carry text that needs escaping everywhere.
    static let hostileText = "quote \" apostrophe ' <tag attr=\"x\"> & amp; ]]> new\nline\r\ttab \u{01}\u{1B}[31m bell\u{07} del\u{7F} 日本語 é 🚀 \u{2028}\u{2029} back\\slash"

    static let hostile = TargetReport(
        target: ProbeTarget(name: "weird <&> \"name\" ✓", url: url("https://[::1]:8443/a?b=<c>&d=\"e\""),
                            expectations: Expectations(addresses: [address("::1")], allowPublic: false)),
        attempts: 2,
        failedAttempts: [
            AttemptRecord(number: 1, startedAt: at(0), duration: .milliseconds(5), codes: [.dnsUnexpectedAddresses, .dnsPublicAddress, .httpBodyMismatch]),
            AttemptRecord(number: 2, startedAt: at(2), duration: .milliseconds(5), codes: [.dnsUnexpectedAddresses, .dnsPublicAddress, .httpBodyMismatch]),
        ],
        dns: DNSReport(
            answers: [DNSAnswer(address: address("::1"), ttl: 0), DNSAnswer(address: address("2001:db8::1"), ttl: 30)],
            expectedAddresses: [address("::1")],
            duration: .microseconds(42),
            failures: [
                ProbeFailure(.dnsUnexpectedAddresses, "name resolved to ::1, 2001:db8::1, expected ::1: extra 2001:db8::1"),
                ProbeFailure(.dnsPublicAddress, "name resolved to public 2001:db8::1 (not probed)", address: address("2001:db8::1")),
            ]),
        paths: [
            PathReport(
                address: address("::1"),
                failure: ProbeFailure(.httpBodyMismatch, "body lacks the expected text; it starts with: \(hostileText)", address: address("::1"), hint: "custom hint: \(hostileText)"),
                timings: PhaseTimings(connect: .microseconds(50), tls: .microseconds(900), timeToFirstByte: .microseconds(300), total: .microseconds(1_400)),
                tls: TLSReport(version: "TLSv1.2", cipher: "ECDHE-RSA-AES128-GCM-SHA256",
                               certificate: CertificateInfo(subject: "CN=\(hostileText)", issuer: "O=\"Acme & Sons\" <ca>", subjectAlternativeNames: ["IP:::1"], notBefore: nil, notAfter: nil)),
                http: HTTPReport(status: 200, bodyBytes: 5_120, bodyMatched: false, server: hostileText)),
        ],
        startedAt: start, duration: .milliseconds(2_020))

    /// Every fixture, for checks that must hold for all shapes.
    static let all: [(String, TargetReport)] = [
        ("passing", passing), ("retriedThenPassed", retriedThenPassed), ("nxdomain", nxdomain),
        ("nameMismatch", nameMismatch), ("tcpRefused", tcpRefused), ("plainHTTP", plainHTTP), ("hostile", hostile),
    ]

    /// The example reports shipped in `reports/examples/`.
    static let examples: [(name: String, targets: [TargetReport])] = [
        ("pass", [passing, retriedThenPassed, plainHTTP]),
        ("fail", [passing, nameMismatch, nxdomain, tcpRefused]),
    ]
}
