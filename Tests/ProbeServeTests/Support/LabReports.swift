import Testing
import ProbeCore
import ProbeEngine
import ProbeLab

/// Real reports: the engine probing the in-process loopback lab, one target
/// that passes and one for each kind of failure the metrics must describe.
enum LabReports {
    static func probe() async throws -> [TargetReport] {
        let lab = try Lab.start(LabConfiguration())
        defer { lab.stop() }
        let good = try #require(lab.targets().first)
        var unexpected = good
        unexpected.name = "unexpected-addresses"
        unexpected.expectations.addresses = [.v4(0x7F00_0002)]
        var missing = good
        missing.name = "missing"
        missing.url.host = "missing.test.cloud5.jp"
        var untrusted = good
        untrusted.name = "untrusted"
        untrusted.caFile = nil
        var literal = good
        literal.name = "address-literal"
        literal.url.host = "127.0.0.3"
        let engine = ProbeEngine()
        defer { engine.shutdown() }
        var reports: [TargetReport] = []
        for target in [good, unexpected, missing, untrusted, literal] {
            reports.append(await engine.probe(target))
        }
        return reports
    }
}
