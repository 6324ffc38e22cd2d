import Foundation
import ProbeCore
import Testing
@testable import ProbeReports

/// The example reports in `reports/examples/` are this renderer's output for
/// the fixtures. Set `PLPROBE_WRITE_EXAMPLES=1` to regenerate them after a
/// deliberate change of the formats.
@Suite struct ExampleReportsTests {
    /// The renderer behind each shipped file extension.
    private static let renderers: [String: @Sendable ([TargetReport]) -> String] = [
        "json": { JSONReport.render($0, run: Fixtures.run) },
        "xml": { JUnitReport.render($0, run: Fixtures.run) },
        "txt": { TextReport.render($0, run: Fixtures.run, options: TextReportOptions()) },
    ]

    @Test(arguments: Fixtures.examples.map(\.name), ["json", "xml", "txt"])
    func theShippedExampleIsCurrent(name: String, fileExtension: String) throws {
        let targets = try #require(Fixtures.examples.first { $0.name == name }?.targets)
        let render = try #require(Self.renderers[fileExtension])
        let file = RepoFiles.examples.appendingPathComponent("\(name).\(fileExtension)")
        let rendered = render(targets)
        if ProcessInfo.processInfo.environment["PLPROBE_WRITE_EXAMPLES"] == "1" {
            try Data(rendered.utf8).write(to: file)
        }
        let shipped = try String(contentsOf: file, encoding: .utf8)
        #expect(shipped == rendered, "\(file.lastPathComponent) is stale; rerun with PLPROBE_WRITE_EXAMPLES=1")
    }

    @Test(arguments: Fixtures.examples.map(\.name))
    func theShippedExamplesValidate(name: String) throws {
        let json = try String(contentsOf: RepoFiles.examples.appendingPathComponent("\(name).json"), encoding: .utf8)
        let jsonResult = try ExternalValidators.validateReport(json: json)
        #expect(jsonResult.passed, "\(jsonResult.output)")
        let xml = try String(contentsOf: RepoFiles.examples.appendingPathComponent("\(name).xml"), encoding: .utf8)
        let xmlResult = try ExternalValidators.validateJUnit(xml: xml)
        #expect(xmlResult.passed, "\(xmlResult.output)")
    }
}
