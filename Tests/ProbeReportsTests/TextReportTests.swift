import ProbeCore
import Testing
@testable import ProbeReports

@Suite struct TextReportTests {
    private func lines(_ targets: [TargetReport], color: Bool = false, verbose: Bool = false) -> [String] {
        TextReport.render(targets, run: Fixtures.run, options: TextReportOptions(color: color, verbose: verbose))
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func aPassingTargetShowsVerdictDNSAndOneLinePerAddress() {
        #expect(lines([Fixtures.passing]) == [
            "PASS privatelink.test.cloud5.jp https://privatelink.test.cloud5.jp/ (2 addresses, 1 attempt, 41 ms)",
            "  dns  10.0.1.23 ttl 60, 10.0.2.45 ttl 60  expected 10.0.1.23, 10.0.2.45  1.2 ms",
            "  10.0.1.23  tcp 0.3 ms  tls 2.1 ms  ttfb 0.9 ms  total 3.4 ms  TLSv1.3  200  body ok",
            "  10.0.2.45  tcp 0.3 ms  tls 2.1 ms  ttfb 0.9 ms  total 3.4 ms  TLSv1.3  200  body ok",
            "1 target: 1 passed, 0 failed",
            "",
        ])
    }

    @Test func aTLSFailureShowsCodeAddressMessageHintAndCertificate() throws {
        let output = lines([Fixtures.nameMismatch])
        #expect(output.first == "FAIL api-v6 https://api.internal.example.jp:8443/healthz (2 addresses, 1 attempt, 12 ms)")
        #expect(output.contains("  dns  10.0.1.23 ttl 60, fd00:ec2::23 ttl 60  within 10.0.0.0/16, fd00:ec2::/64  1.5 ms"))
        #expect(output.contains("  10.0.1.23     tcp 0.3 ms  tls 2.1 ms  ttfb 0.9 ms  total 3.4 ms  TLSv1.3  200  body ok"))
        #expect(output.contains("  fd00:ec2::23  tcp 0.4 ms  tls 2.1 ms  total 2.6 ms  TLSv1.3"))
        let failure = "  ✗ tls.name_mismatch fd00:ec2::23: fd00:ec2::23 presented a certificate for privatelink.test.cloud5.jp, *.privatelink.test.cloud5.jp, not api.internal.example.jp"
        let index = try #require(output.firstIndex(of: failure))
        #expect(output[index + 1] == "    hint: " + FailureCode.tlsNameMismatch.hint)
        #expect(output[index + 2] == "    certificate CN=privatelink.test.cloud5.jp; SANs privatelink.test.cloud5.jp, *.privatelink.test.cloud5.jp; "
            + "issuer CN=cloud5 test CA,O=cloud5; valid 2025-03-01T00:00:00Z to 2026-03-31T23:59:59Z")
    }

    @Test func retriesShowEachFailedAttemptAndTheFinalPass() {
        let output = lines([Fixtures.retriedThenPassed])
        #expect(output.first == "PASS cloud5-after-deploy https://privatelink.test.cloud5.jp/ (1 address, 3 attempts, 6.3 s)")
        #expect(output.contains("  attempts: #1 dns.nxdomain at 10:42:01Z, #2 dns.nxdomain at 10:42:03Z, #3 passed"))
    }

    @Test func longRunsOfTheSameFailureCollapse() {
        let output = lines([Fixtures.nxdomain])
        #expect(output.first == "FAIL vpce-missing.test.cloud5.jp https://vpce-missing.test.cloud5.jp/ (no address, 4 attempts, 7.5 s)")
        #expect(output.contains("  dns  no answers  1.8 ms"))
        #expect(output.contains("  ✗ dns.nxdomain: vpce-missing.test.cloud5.jp does not exist (NXDOMAIN from 127.0.0.53:5353)"))
        #expect(output.contains("    hint: " + FailureCode.dnsNXDomain.hint))
        #expect(output.contains("  attempts: #1-#4 dns.nxdomain 10:42:01Z to 10:42:08Z"))
    }

    @Test func anAddressLiteralSaysItWasNotResolved() {
        let output = lines([Fixtures.plainHTTP])
        #expect(output.contains("  dns  not resolved: the URL names an address"))
        #expect(output.contains("  127.0.0.1  tcp 0.1 ms  ttfb 0.4 ms  total 0.7 ms  204"))
    }

    @Test func theSummaryCountsPassedAndFailed() {
        #expect(lines(Fixtures.examples[1].targets).suffix(2) == ["4 targets: 1 passed, 3 failed", ""])
        #expect(lines([]) == ["0 targets: 0 passed, 0 failed", ""])
    }

    @Test func withoutColourThereAreNoEscapeSequencesEvenFromTheWire() {
        let output = lines(Fixtures.all.map(\.1), verbose: true)
        #expect(!output.joined().unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(output.contains { $0.contains(#"new\nline\r\ttab \u{1}\u{1B}[31m bell\u{7}"#) })
        #expect(!output.joined().contains("\u{2028}"))
    }

    @Test func colourMarksVerdictsFailuresAndHints() {
        let output = lines([Fixtures.passing, Fixtures.tcpRefused], color: true)
        #expect(output.first?.hasPrefix("\u{1B}[32mPASS\u{1B}[0m privatelink.test.cloud5.jp") == true)
        #expect(output.contains { $0.hasPrefix("\u{1B}[31mFAIL\u{1B}[0m ") })
        #expect(output.contains("  \u{1B}[31m✗\u{1B}[0m tcp.refused 10.0.1.23: 10.0.1.23:9443 refused the connection (RST)"))
        #expect(output.contains("    \u{1B}[2mhint: \(FailureCode.tcpRefused.hint)\u{1B}[0m"))
    }

    @Test func verboseAddsResolversCiphersServersAndCertificates() {
        let quiet = lines([Fixtures.passing]).joined(separator: "\n")
        let verbose = lines([Fixtures.passing], verbose: true).joined(separator: "\n")
        for detail in ["via 10.0.0.2", "TLS_AES_256_GCM_SHA384", "server nginx/1.22.1", "certificate CN=privatelink.test.cloud5.jp"] {
            #expect(!quiet.contains(detail))
            #expect(verbose.contains(detail))
        }
    }
}
