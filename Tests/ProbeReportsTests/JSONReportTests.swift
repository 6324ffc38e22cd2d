import Foundation
import ProbeCore
import Testing
@testable import ProbeReports

@Suite struct JSONReportTests {
    private func parse(_ targets: [TargetReport]) throws -> [String: Any] {
        let text = JSONReport.render(targets, run: Fixtures.run)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func target(_ report: TargetReport) throws -> [String: Any] {
        let targets = try #require(try parse([report])["targets"] as? [[String: Any]])
        return try #require(targets.first)
    }

    @Test(arguments: Fixtures.all.map(\.0))
    func everyShapeValidatesAgainstTheShippedSchema(name: String) throws {
        let report = try #require(Fixtures.all.first { $0.0 == name }?.1)
        let result = try ExternalValidators.validateReport(json: JSONReport.render([report], run: Fixtures.run))
        #expect(result.passed, "\(result.output)")
    }

    @Test func anEmptyRunValidates() throws {
        let text = JSONReport.render([], run: Fixtures.run)
        let result = try ExternalValidators.validateReport(json: text)
        #expect(result.passed, "\(result.output)")
        #expect((try parse([])["targets"] as? [Any])?.isEmpty == true)
    }

    @Test func theSchemaValidatorRejectsBrokenReports() throws {
        let text = JSONReport.render([Fixtures.nameMismatch], run: Fixtures.run)
        let breakages = [
            text.replacingOccurrences(of: #""verdict": "fail""#, with: #""verdict": "broken""#),
            text.replacingOccurrences(of: #""code": "tls.name_mismatch""#, with: #""code": "tls.mismatch""#),
            text.replacingOccurrences(of: #""body_matched": null,"#, with: ""),
            text.replacingOccurrences(of: #""schema_version": 1"#, with: #""schema_version": 2"#),
        ]
        for broken in breakages {
            #expect(broken != text)
            #expect(try !ExternalValidators.validateReport(json: broken).passed)
        }
    }

    @Test func theSchemaListsExactlyTheContractsFailureCodes() throws {
        let schema = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: RepoFiles.reportSchema)) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        let codes = try #require((definitions["failureCode"] as? [String: Any])?["enum"] as? [String])
        #expect(codes == FailureCode.all.map(\.rawValue))
    }

    @Test func fixedFieldsComeInTheDocumentedOrder() throws {
        let document = JSONReport.document([Fixtures.nameMismatch], run: Fixtures.run)
        #expect(document.keys == ["schema_version", "summary", "targets"])
        #expect(document["summary"].keys.prefix(3) == ["targets", "passed", "failed"])
        let target = document["targets"][0]
        #expect(target.keys.prefix(7) == ["name", "url", "verdict", "attempts", "failures", "dns", "paths"])
        #expect(target["failures"][0].keys == ["code", "address", "message", "hint"])
        #expect(target["dns"].keys.prefix(3) == ["addresses", "expected_addresses", "duration_ms"])
        let path = target["paths"][1]
        #expect(path.keys == ["address", "verdict", "failure", "timings_ms", "tls", "http"])
        #expect(path["timings_ms"].keys == ["connect", "tls", "ttfb", "total"])
        #expect(path["tls"].keys == ["version", "cipher", "certificate"])
        #expect(path["tls"]["certificate"].keys == ["subject", "sans", "issuer", "not_before", "not_after"])
        #expect(path["http"].keys.prefix(3) == ["status", "body_bytes", "body_matched"])
    }

    @Test func summaryCountsTargetsAndCarriesTheRun() throws {
        let document = try parse(Fixtures.examples[1].targets)
        #expect(document["schema_version"] as? Int == 1)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["targets"] as? Int == 4)
        #expect(summary["passed"] as? Int == 1)
        #expect(summary["failed"] as? Int == 3)
        #expect(summary["started_at"] as? String == "2025-06-02T10:42:01.250Z")
        #expect(summary["duration_ms"] as? Double == 6312)
        #expect(summary["tool_version"] as? String == "0.1.0")
        #expect((document["targets"] as? [Any])?.count == 4)
    }

    @Test func aTLSFailureCarriesTheCertificateAndNullsForPhasesNotReached() throws {
        let target = try target(Fixtures.nameMismatch)
        #expect(target["name"] as? String == "api-v6")
        #expect(target["url"] as? String == "https://api.internal.example.jp:8443/healthz")
        #expect(target["verdict"] as? String == "fail")
        #expect(target["attempts"] as? Int == 1)
        let failures = try #require(target["failures"] as? [[String: Any]])
        #expect(failures.count == 1)
        #expect(failures.first?["code"] as? String == "tls.name_mismatch")
        #expect(failures.first?["address"] as? String == "fd00:ec2::23")
        #expect(failures.first?["hint"] as? String == FailureCode.tlsNameMismatch.hint)
        let dns = try #require(target["dns"] as? [String: Any])
        #expect(dns["addresses"] as? [String] == ["10.0.1.23", "fd00:ec2::23"])
        #expect(dns["expected_cidrs"] as? [String] == ["10.0.0.0/16", "fd00:ec2::/64"])
        #expect(dns["duration_ms"] as? Double == 1.5)
        let paths = try #require(target["paths"] as? [[String: Any]])
        let failed = try #require(paths.last)
        #expect(paths.first?["failure"] is NSNull)
        #expect(failed["verdict"] as? String == "fail")
        #expect((failed["failure"] as? [String: Any])?["code"] as? String == "tls.name_mismatch")
        let timings = try #require(failed["timings_ms"] as? [String: Any])
        #expect(timings["connect"] as? Double == 0.401)
        #expect(timings["tls"] as? Double == 2.05)
        #expect(timings["ttfb"] is NSNull)
        let certificate = try #require((failed["tls"] as? [String: Any])?["certificate"] as? [String: Any])
        #expect(certificate["sans"] as? [String] == ["privatelink.test.cloud5.jp", "*.privatelink.test.cloud5.jp"])
        #expect(certificate["not_after"] as? String == "2026-03-31T23:59:59Z")
        let http = try #require(failed["http"] as? [String: Any])
        #expect(["status", "body_bytes", "body_matched", "server"].allSatisfy { http[$0] is NSNull })
    }

    @Test func nameWideDNSFailuresHaveANullAddressAndTheAttemptHistory() throws {
        let target = try target(Fixtures.nxdomain)
        let failures = try #require(target["failures"] as? [[String: Any]])
        #expect(failures.map { $0["code"] as? String } == ["dns.nxdomain"])
        #expect(failures.first?["address"] is NSNull)
        #expect((target["paths"] as? [Any])?.isEmpty == true)
        #expect((target["dns"] as? [String: Any])?["resolvers"] as? [String] == ["127.0.0.53:5353"])
        let history = try #require(target["attempt_history"] as? [[String: Any]])
        #expect(history.map { $0["attempt"] as? Int } == [1, 2, 3, 4])
        #expect(history.last?["started_at"] as? String == "2025-06-02T10:42:08.750Z")
        #expect(history.last?["codes"] as? [String] == ["dns.nxdomain"])
    }

    @Test func anAddressLiteralOverHTTPHasNoDNSTimeAndNoTLS() throws {
        let target = try target(Fixtures.plainHTTP)
        #expect(target["verdict"] as? String == "pass")
        #expect((target["dns"] as? [String: Any])?["duration_ms"] is NSNull)
        let path = try #require((target["paths"] as? [[String: Any]])?.first)
        #expect(path["tls"] is NSNull)
        #expect((path["timings_ms"] as? [String: Any])?["tls"] is NSNull)
        let http = try #require(path["http"] as? [String: Any])
        #expect(http["status"] as? Int == 204)
        #expect(http["body_matched"] is NSNull)
        #expect(http["server"] as? String == "haproxy")
    }

    @Test func pathFailuresWithoutAnAddressTakeTheirPathsAddress() throws {
        var report = Fixtures.tcpRefused
        report.paths[0].failure?.address = nil
        let failures = try #require(try target(report)["failures"] as? [[String: Any]])
        #expect(failures.first?["address"] as? String == "10.0.1.23")
    }

    @Test func textFromTheWireSurvivesExactly() throws {
        let target = try target(Fixtures.hostile)
        #expect(target["name"] as? String == Fixtures.hostile.target.name)
        #expect(target["url"] as? String == "https://[::1]:8443/a?b=<c>&d=\"e\"")
        let failures = try #require(target["failures"] as? [[String: Any]])
        #expect(failures.map { $0["code"] as? String } == ["dns.unexpected_addresses", "dns.public_address", "http.body_mismatch"])
        #expect(failures.map { $0["address"] as? String } == [nil, "2001:db8::1", "::1"])
        let bodyFailure = try #require(Fixtures.hostile.paths[0].failure)
        #expect(failures.last?["message"] as? String == bodyFailure.message)
        #expect(failures.last?["hint"] as? String == bodyFailure.hint)
        let path = try #require((target["paths"] as? [[String: Any]])?.first)
        #expect((path["http"] as? [String: Any])?["server"] as? String == Fixtures.hostileText)
        let certificate = try #require((path["tls"] as? [String: Any])?["certificate"] as? [String: Any])
        #expect(certificate["subject"] as? String == "CN=\(Fixtures.hostileText)")
        #expect(certificate["not_before"] is NSNull)
    }

    @Test func theReportIsASCIIControlFreeAndEndsWithANewline() {
        let text = JSONReport.render(Fixtures.all.map(\.1), run: Fixtures.run)
        #expect(text.hasSuffix("}\n"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" })
    }
}

extension JSONValue {
    var keys: [String] {
        if case .object(let members) = self { return members.map(\.key) }
        return []
    }

    subscript(key: String) -> JSONValue {
        if case .object(let members) = self { return members.first { $0.key == key }?.value ?? .null }
        return .null
    }

    subscript(index: Int) -> JSONValue {
        switch self {
        case .array(let items) where items.indices.contains(index): items[index]
        case .generatedArray(let count, let element) where (0..<count).contains(index): element(index)
        default: .null
        }
    }
}
