import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ProbeCore
import Testing
@testable import ProbeReports

@Suite struct JUnitReportTests {
    /// A test case as an independent XML parser sees it.
    private struct ParsedCase: Equatable {
        var name: String
        var outcome: String
        var attributes: [String: String]
        var text: String
    }

    private func parse(_ targets: [TargetReport]) throws -> XMLElement {
        let xml = JUnitReport.render(targets, run: Fixtures.run)
        return try #require(try XMLDocument(xmlString: xml, options: []).rootElement())
    }

    private func suite(_ report: TargetReport) throws -> XMLElement {
        try #require(try parse([report]).elements(forName: "testsuite").first)
    }

    private func cases(_ suite: XMLElement) -> [ParsedCase] {
        suite.elements(forName: "testcase").map { testCase in
            let child = testCase.children?.compactMap { $0 as? XMLElement }.first
            let attributes = (child?.attributes ?? []).reduce(into: [String: String]()) { $0[$1.name ?? ""] = $1.stringValue }
            return ParsedCase(
                name: testCase.attribute(forName: "name")?.stringValue ?? "",
                outcome: child?.name ?? "passed",
                attributes: attributes,
                text: child?.stringValue ?? "")
        }
    }

    @Test(arguments: Fixtures.all.map(\.0))
    func everyShapeValidatesAgainstJenkinsSchema(name: String) throws {
        let report = try #require(Fixtures.all.first { $0.0 == name }?.1)
        let result = try ExternalValidators.validateJUnit(xml: JUnitReport.render([report], run: Fixtures.run))
        #expect(result.passed, "\(result.output)")
    }

    @Test func anEmptyRunValidates() throws {
        let result = try ExternalValidators.validateJUnit(xml: JUnitReport.render([], run: Fixtures.run))
        #expect(result.passed, "\(result.output)")
        #expect(try parse([]).attribute(forName: "tests")?.stringValue == "0")
    }

    @Test func theSchemaValidatorRejectsAttributesTheSchemaLacks() throws {
        let xml = JUnitReport.render([Fixtures.passing], run: Fixtures.run)
        let broken = xml.replacingOccurrences(of: "<testsuites name=\"plprobe\"", with: "<testsuites name=\"plprobe\" skipped=\"0\"")
        #expect(broken != xml)
        #expect(try !ExternalValidators.validateJUnit(xml: broken).passed)
    }

    @Test func checksBeforeAFailurePassAndChecksAfterItAreSkipped() throws {
        let parsed = cases(try suite(Fixtures.nameMismatch))
        #expect(parsed.map(\.name) == [
            "dns", "tcp 10.0.1.23", "tls 10.0.1.23", "http 10.0.1.23", "tcp fd00:ec2::23", "tls fd00:ec2::23", "http fd00:ec2::23",
        ])
        #expect(parsed.map(\.outcome) == ["passed", "passed", "passed", "passed", "passed", "failure", "skipped"])
        let failure = parsed[5]
        #expect(failure.attributes["type"] == "tls.name_mismatch")
        #expect(failure.attributes["message"] == Fixtures.nameMismatch.paths[1].failure?.message)
        #expect(failure.text == FailureCode.tlsNameMismatch.hint)
        #expect(parsed[6].attributes["message"] == "not reached: tls failed")
    }

    @Test func aRefusedConnectionSkipsTLSAndHTTP() throws {
        let suite = try suite(Fixtures.tcpRefused)
        let parsed = cases(suite)
        #expect(parsed.map(\.outcome) == ["passed", "failure", "skipped", "skipped"])
        #expect(parsed.dropFirst(2).allSatisfy { $0.attributes["message"] == "not reached: tcp failed" })
        #expect(suite.attribute(forName: "tests")?.stringValue == "4")
        #expect(suite.attribute(forName: "failures")?.stringValue == "1")
        #expect(suite.attribute(forName: "skipped")?.stringValue == "2")
        #expect(suite.attribute(forName: "errors")?.stringValue == "0")
    }

    @Test func plainHTTPHasNoTLSCasesAndAnAddressLiteralSkipsDNS() throws {
        let suite = try suite(Fixtures.plainHTTP)
        let parsed = cases(suite)
        #expect(parsed.map(\.name) == ["dns", "tcp 127.0.0.1", "http 127.0.0.1"])
        #expect(parsed.map(\.outcome) == ["skipped", "passed", "passed"])
        let times = suite.elements(forName: "testcase").map { $0.attribute(forName: "time")?.stringValue }
        #expect(times == [nil, "0.00009", "0.00061"])
    }

    @Test func timesAreSecondsFromThePhaseTimings() throws {
        let suite = try suite(Fixtures.passing)
        let times = suite.elements(forName: "testcase").prefix(4).map { $0.attribute(forName: "time")?.stringValue }
        #expect(times == ["0.001204", "0.000312", "0.002104", "0.000986"])
        #expect(suite.attribute(forName: "time")?.stringValue == "0.041")
        #expect(suite.attribute(forName: "timestamp")?.stringValue == "2025-06-02T10:42:01.250Z")
        #expect(suite.attribute(forName: "hostname")?.stringValue == "ci-runner-7")
    }

    @Test func aFailedResolutionIsTheDNSCaseAndRetriesAreInSystemOut() throws {
        let suite = try suite(Fixtures.nxdomain)
        let parsed = cases(suite)
        #expect(parsed.map(\.name) == ["dns"])
        #expect(parsed.first?.attributes["type"] == "dns.nxdomain")
        let history = try #require(suite.elements(forName: "system-out").first?.stringValue)
        let lines = history.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.first == "attempt 1 at 2025-06-02T10:42:01.250Z (0.002 s): dns.nxdomain")
    }

    @Test func aPassAfterRetriesEndsTheHistory() throws {
        let history = try #require(try suite(Fixtures.retriedThenPassed).elements(forName: "system-out").first?.stringValue)
        #expect(history.split(separator: "\n").last == "attempt 3: passed")
        #expect(try suite(Fixtures.passing).elements(forName: "system-out").isEmpty)
    }

    @Test func severalDNSFailuresAreAllListedInTheFirstOnesText() throws {
        let dnsCase = try #require(cases(try suite(Fixtures.hostile)).first)
        #expect(dnsCase.attributes["type"] == "dns.unexpected_addresses")
        for failure in Fixtures.hostile.dns.failures {
            #expect(dnsCase.text.contains("\(failure.code): \(failure.message)"))
            #expect(dnsCase.text.contains("hint: \(failure.hint)"))
        }
    }

    @Test func textFromTheWireSurvivesExceptCharactersXMLCannotCarry() throws {
        let suite = try suite(Fixtures.hostile)
        #expect(suite.attribute(forName: "name")?.stringValue == Fixtures.hostile.target.name)
        let failure = try #require(cases(suite).first { $0.outcome == "failure" && $0.name.hasPrefix("http") })
        let original = try #require(Fixtures.hostile.paths[0].failure)
        let representable = { (text: String) in
            String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
                scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar) ? "\u{FFFD}" : scalar
            }))
        }
        #expect(failure.attributes["message"] == representable(original.message))
        #expect(failure.text == representable(original.hint))
        #expect(failure.attributes["message"]?.contains("\r\t") == true)
    }

    @Test func theRootCountsEveryCase() throws {
        let root = try parse(Fixtures.examples[1].targets)
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue } == Fixtures.examples[1].targets.map(\.target.name))
        let allCases = suites.flatMap { cases($0) }
        #expect(root.attribute(forName: "name")?.stringValue == "plprobe")
        #expect(root.attribute(forName: "tests")?.stringValue == String(allCases.count))
        #expect(root.attribute(forName: "failures")?.stringValue == String(allCases.count { $0.outcome == "failure" }))
        #expect(root.attribute(forName: "time")?.stringValue == "6.312")
        for suite in suites {
            let suiteCases = cases(suite)
            #expect(suite.attribute(forName: "tests")?.stringValue == String(suiteCases.count))
            #expect(suite.attribute(forName: "failures")?.stringValue == String(suiteCases.count { $0.outcome == "failure" }))
            #expect(suite.attribute(forName: "skipped")?.stringValue == String(suiteCases.count { $0.outcome == "skipped" }))
        }
    }
}
