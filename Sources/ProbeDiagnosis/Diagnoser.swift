import ProbeCore

/// Turns evidence into a diagnosis with an ordered table of rules, one per
/// cause. The most confident match wins; among equally confident matches
/// the earlier rule wins, following the order a connection is made in:
/// name resolution, then addresses and ports, then TLS, then HTTP.
public enum Diagnoser {
    static let rules: [Rule] = ResolutionRules.all + ConnectionRules.all + CertificateRules.all + ResponseRules.all + [HealthyRule.rule]

    public static func diagnose(_ evidence: Evidence) -> Diagnosis {
        let facts = EvidenceFacts(evidence)
        let assessments = rules.map { ($0.cause, $0.assess(facts)) }
        var matches: [(cause: Cause, finding: Finding)] = []
        var ruledOut: [RuledOutCause] = []
        for (cause, assessment) in assessments {
            switch assessment {
            case .matched(let finding): matches.append((cause, finding))
            case .ruledOut(let reason): ruledOut.append(RuledOutCause(cause: cause, reason: reason))
            case .notJudged: break
            }
        }
        let best = matches.enumerated().max { lhs, rhs in
            (lhs.element.finding.confidence, rhs.offset) < (rhs.element.finding.confidence, lhs.offset)
        }?.element ?? nearest(facts)
        var lines = best.finding.evidence
        if !facts.observations.unfinished.isEmpty {
            lines.append("Not gathered within the time bound: " + facts.observations.unfinished.joined(separator: "; ") + ".")
        }
        return Diagnosis(
            cause: best.cause, confidence: best.finding.confidence, summary: best.finding.summary,
            evidence: lines, ruledOut: ruledOut, nextSteps: best.finding.nextSteps,
            alsoSeen: matches.map(\.cause).filter { $0 != best.cause })
    }

    /// For a failure no rule explains (a TLS alert, say), the cause of the
    /// failure's phase, with low confidence and the failure itself as evidence.
    private static func nearest(_ facts: EvidenceFacts) -> (cause: Cause, finding: Finding) {
        guard let failure = facts.report.failures.first else {
            return (.healthy, Finding(confidence: .low, summary: "No failure was seen, but nothing was probed either.", evidence: [], nextSteps: []))
        }
        let cause: Cause = switch failure.code.phase {
        case .dns: .resolverFailure
        case .tcp: .endpointUnreachable
        case .tls: .notTLS
        case .http: .serviceError
        }
        let evidence = facts.report.dns.failures.map { FactText.printable($0.message) }
            + facts.failedPaths.map { FactText.path($0, url: facts.url) }
        return (cause, Finding(
            confidence: .low,
            summary: "The check failed with \(facts.report.failures.map(\.code.rawValue).joined(separator: ", ")), which fits no cause well; \(cause) is the nearest.",
            evidence: evidence,
            nextSteps: facts.report.failures.map(\.hint)))
    }
}
