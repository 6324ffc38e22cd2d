import ProbeCore
import ProbeReports

/// Results shaped like a real 10,000-endpoint monitoring run: mostly passing
/// targets with two endpoint interfaces, and every hundredth target failing
/// on one interface with a certificate for another name.
enum SyntheticReports {
    static let run = RunInfo(
        startedAt: Timestamp(secondsSince1970: 1_764_374_400), duration: .seconds(9),
        toolVersion: "bench", hostname: "bench-host")

    static func make(count: Int) -> [TargetReport] {
        (0..<count).map(target)
    }

    private static let certificate = CertificateInfo(
        subject: "CN=*.bench.test", issuer: "CN=plprobe bench intermediate CA,O=plprobe bench",
        subjectAlternativeNames: ["*.bench.test"],
        notBefore: Timestamp(secondsSince1970: 1_764_288_000),
        notAfter: Timestamp(secondsSince1970: 1_766_880_000))

    private static let resolver = ResolverAddress(address: IPAddress("127.0.0.5")!)

    private static func target(_ index: Int) -> TargetReport {
        let url = ProbeURL(scheme: .https, host: "n\(index).bench.test", port: 8443)
        let addresses = [IPAddress("10.0.\(index % 200).23")!, IPAddress("10.1.\(index % 200).45")!]
        let failing = index % 100 == 0
        return TargetReport(
            target: ProbeTarget(url: url, expectations: Expectations(addresses: addresses), dnsServers: [resolver]),
            dns: DNSReport(
                answers: addresses.map { DNSAnswer(address: $0, ttl: 60) }, expectedAddresses: addresses,
                resolvers: [resolver], duration: .microseconds(410 + index % 97)),
            paths: [
                path(addresses[0], index: index, failure: nil),
                path(addresses[1], index: index, failure: failing ? mismatch(addresses[1], index: index) : nil),
            ],
            startedAt: Timestamp(secondsSince1970: 1_764_374_400 + Double(index) / 1_000),
            duration: .microseconds(3_900 + index % 1_013))
    }

    private static func path(_ address: IPAddress, index: Int, failure: ProbeFailure?) -> PathReport {
        PathReport(
            address: address, failure: failure,
            timings: PhaseTimings(
                connect: .microseconds(120 + index % 31), tls: .microseconds(2_300 + index % 409),
                timeToFirstByte: failure == nil ? .microseconds(640 + index % 53) : nil,
                total: .microseconds(3_100 + index % 997)),
            tls: TLSReport(version: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", certificate: certificate),
            http: failure == nil ? HTTPReport(status: 200, bodyBytes: 20, bodyMatched: true, server: "nginx/1.22.1") : nil)
    }

    private static func mismatch(_ address: IPAddress, index: Int) -> ProbeFailure {
        ProbeFailure(.tlsNameMismatch, "the certificate for other.example.test does not cover n\(index).bench.test", address: address)
    }
}
