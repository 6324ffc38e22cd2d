import ProbeCore

/// Nothing is wrong: the check passed and no resolver disagrees.
enum HealthyRule {
    static let rule = Rule(cause: .healthy) { facts in
        guard facts.report.verdict == .pass else {
            return .ruledOut("the check failed: " + facts.report.failures.map(\.code.rawValue).joined(separator: ", "))
        }
        if let broken = facts.resolvers.first(where: { $0.failure != nil }) {
            return .ruledOut("resolver \(broken.resolver) fails when asked on its own")
        }
        var evidence: [String] = []
        if facts.resolvesName {
            evidence.append("\(facts.host) resolves to \(FactText.list(facts.report.dns.addresses))" + (facts.expectations.addresses.isEmpty ? "." : ", the expected endpoint addresses."))
        }
        evidence += facts.report.paths.map { FactText.path($0, url: facts.url) }
        if let certificate = facts.report.paths.compactMap({ $0.tls?.certificate }).first {
            evidence.append("Certificate: " + FactText.certificate(certificate) + ".")
        }
        return .matched(Finding(
            confidence: .high,
            summary: "\(facts.url) works from this host: every endpoint address answers with the expected response.",
            evidence: evidence,
            nextSteps: [
                "If a client still fails, run plprobe diagnose from that client's host: its resolver, security group and clock may differ.",
            ]))
    }
}
