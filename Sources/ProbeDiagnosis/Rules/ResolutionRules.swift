import ProbeCore

/// Causes found in name resolution: the resolvers, the name's existence,
/// and whether the answers are the endpoint's private addresses.
enum ResolutionRules {
    static let all = [resolverFailure, dnsNotPropagated, privateDNSNotEnabled, addressesMismatch]

    static let brokenResolverCodes: Set<FailureCode> = [.dnsServFail, .dnsRefused, .dnsTimeout]
    static let negativeCodes: Set<FailureCode> = [.dnsNXDomain, .dnsNoData]

    static let resolverFailure = Rule(cause: .resolverFailure) { facts in
        guard facts.resolvesName else { return .notJudged }
        let broken = facts.resolvers.filter { $0.failure.map { brokenResolverCodes.contains($0.code) } ?? false }
        let lines = resolverLines(facts)
        if let failure = facts.dnsFailure(brokenResolverCodes) {
            return .matched(Finding(
                confidence: .high,
                summary: "The resolver failed to answer for \(facts.host) (\(failure.code)), so no address could be tried.",
                evidence: [FactText.printable(failure.message)] + lines,
                nextSteps: [
                    failure.hint,
                    "Ask the VPC resolver directly to compare: dig @169.254.169.253 \(facts.host) (or the VPC base address plus two).",
                    "Check forwarding rules for this name (Route 53 Resolver rules, on-premises forwarders) and that they reach a resolver that answers.",
                ]))
        }
        guard !broken.isEmpty else {
            if facts.resolvers.isEmpty { return .notJudged }
            return .ruledOut("every resolver answered when asked on its own (\(facts.resolvers.map(\.resolver.description).joined(separator: ", ")))")
        }
        let names = broken.map(\.resolver.description).joined(separator: ", ")
        return .matched(Finding(
            confidence: .medium,
            summary: "\(broken.count) of \(facts.resolvers.count) resolvers fail when asked on their own (\(names)); clients that ask \(broken.count == 1 ? "it" : "them") fail, others work.",
            evidence: lines,
            nextSteps: [
                "Remove or repair \(names) in this host's resolver list (/etc/resolv.conf, DHCP options set).",
                "Check that \(names) is reachable on UDP and TCP 53 from this host (security groups, network ACLs) and forwards \(facts.host) to the VPC resolver.",
            ]))
    }

    static let dnsNotPropagated = Rule(cause: .dnsNotPropagated) { facts in
        guard facts.resolvesName else { return .notJudged }
        let answering = facts.resolvers.filter { !$0.answers.isEmpty }
        let negative = facts.resolvers.filter { $0.failure.map { negativeCodes.contains($0.code) } ?? false }
        let caching = negative.compactMap { observation in observation.negativeCaching.map { (observation, $0) } }
            .max { $0.1.seconds < $1.1.seconds }
        let retryStep = caching.map { observation, value in
            let retryAt = Timestamp(secondsSince1970: observation.askedAt.secondsSince1970 + Double(value.seconds))
            return "Wait until \(FactText.timeOfDay(retryAt)), when the negative answer expires, then check again (with --retry-for \(max(60, value.seconds))s to keep trying until the name appears)."
        } ?? "Check again for a while (--retry-for 10m): a new private DNS name can take minutes to appear."
        let zoneSteps = [
            "If the name never appears: check that private DNS is enabled on the interface endpoint (aws ec2 describe-vpc-endpoints, PrivateDnsEnabled) and that this VPC has enableDnsSupport and enableDnsHostnames.",
            "Check the name for typos against the endpoint service's private DNS name.",
        ]
        if let failure = facts.dnsFailure(negativeCodes) {
            var evidence = [FactText.printable(failure.message)]
            if facts.report.attempts > 1 {
                evidence.append("All \(facts.report.attempts) attempts over \(FactText.span(seconds: facts.report.duration.seconds)) failed to resolve the name.")
            }
            evidence += resolverLines(facts)
            let confidence: Confidence = answering.isEmpty ? .medium : .high
            let summary = answering.isEmpty
                ? "\(facts.host) does not exist yet for the resolver (\(failure.code)): its private DNS record has not propagated, or is not visible from this VPC."
                : "\(facts.host) exists for some resolvers but not for others: the record is still propagating."
            return .matched(Finding(confidence: confidence, summary: summary, evidence: evidence, nextSteps: [retryStep] + zoneSteps))
        }
        if !negative.isEmpty, !answering.isEmpty {
            let names = negative.map(\.resolver.description).joined(separator: ", ")
            return .matched(Finding(
                confidence: .medium,
                summary: "\(facts.host) resolves, but \(names) still answers that it does not exist: clients asking \(negative.count == 1 ? "it" : "them") fail until the negative answer expires.",
                evidence: resolverLines(facts),
                nextSteps: [retryStep] + zoneSteps))
        }
        if let other = facts.report.dns.failures.first(where: { brokenResolverCodes.contains($0.code) }) {
            return .ruledOut("the resolver did not say the name is missing; it failed (\(other.code))")
        }
        guard !facts.report.dns.answers.isEmpty else { return .notJudged }
        return .ruledOut("\(facts.host) resolved to \(FactText.list(facts.report.dns.addresses))")
    }

    static let privateDNSNotEnabled = Rule(cause: .privateDNSNotEnabled) { facts in
        guard facts.resolvesName else { return .notJudged }
        let steps = [
            "Enable private DNS on the interface endpoint (aws ec2 modify-vpc-endpoint --vpc-endpoint-id VPCE --private-dns-enabled), or associate the private hosted zone with this VPC.",
            "Check that this VPC has enableDnsSupport and enableDnsHostnames, and that this host uses the VPC resolver, not a public one.",
        ]
        if let failure = facts.dnsFailure([.dnsPublicAddress]) {
            let publicAnswers = facts.report.dns.addresses.filter { !$0.isPrivate }
            return .matched(Finding(
                confidence: .high,
                summary: "\(facts.host) resolves to the public address \(FactText.list(publicAnswers)), not to the endpoint's private addresses: private DNS is not enabled for this VPC, or its zone is not associated with it.",
                evidence: [FactText.printable(failure.message)] + resolverLines(facts),
                nextSteps: steps))
        }
        let publicResolvers = facts.resolvers.filter { $0.addresses.contains { !$0.isPrivate } }
        if !facts.expectations.allowPublic, !publicResolvers.isEmpty {
            let names = publicResolvers.map(\.resolver.description).joined(separator: ", ")
            return .matched(Finding(
                confidence: .medium,
                summary: "\(names) answers \(facts.host) with a public address: clients asking it bypass the endpoint.",
                evidence: resolverLines(facts),
                nextSteps: steps))
        }
        guard !facts.report.dns.answers.isEmpty else { return .notJudged }
        return .ruledOut("every answer is private (\(FactText.list(facts.report.dns.addresses)))")
    }

    static let addressesMismatch = Rule(cause: .endpointAddressesMismatch) { facts in
        let failures = facts.report.dns.failures.filter { $0.code == .dnsUnexpectedAddresses }
        let expected = Set(facts.expectations.addresses)
        let answers = Set(facts.report.dns.addresses)
        guard !failures.isEmpty else {
            guard !answers.isEmpty, !expected.isEmpty || !facts.expectations.cidrs.isEmpty else { return .notJudged }
            return .ruledOut("the answers (\(FactText.list(answers.sorted()))) are the expected endpoint addresses")
        }
        var evidence = failures.map { FactText.printable($0.message) }
        let missing = expected.subtracting(answers).sorted()
        let extra = expected.isEmpty ? [] : answers.subtracting(expected).sorted()
        if !missing.isEmpty {
            evidence.append("Missing from the answers: \(FactText.list(missing)): the endpoint's network interface in that subnet (Availability Zone) is not answered, so clients never use it.")
        }
        if !extra.isEmpty {
            evidence.append("Not an endpoint address: \(FactText.list(extra)): a stale or overriding record answers for \(facts.host); it was not probed.")
        }
        evidence += facts.report.paths.map { FactText.path($0, url: facts.url) }
        let summary = missing.isEmpty
            ? "\(facts.host) resolves to addresses that are not the endpoint's (\(FactText.list(extra.isEmpty ? answers.sorted() : extra)))."
            : "\(facts.host) does not resolve to every endpoint address: \(FactText.list(missing)) \(missing.count == 1 ? "is" : "are") missing."
        return .matched(Finding(
            confidence: .high,
            summary: summary,
            evidence: evidence,
            nextSteps: [
                "Compare with the endpoint's network interfaces: aws ec2 describe-vpc-endpoints --vpc-endpoint-ids VPCE --query 'VpcEndpoints[].NetworkInterfaceIds', then describe-network-interfaces for their private addresses.",
                missing.isEmpty
                    ? "Find the record that answers instead: a private hosted zone or resolver rule overriding the endpoint's name."
                    : "Add the missing subnet (Availability Zone) to the endpoint, or correct --expect-address if the endpoint changed.",
            ]))
    }

    private static func resolverLines(_ facts: EvidenceFacts) -> [String] {
        facts.resolvers.map { FactText.resolver($0, name: facts.host) }
    }
}
