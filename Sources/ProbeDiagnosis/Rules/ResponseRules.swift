import ProbeCore

/// Causes found in the HTTP exchange, once the network and TLS worked.
enum ResponseRules {
    static let all = [serviceError, unexpectedContent]

    static let stallCodes: Set<FailureCode> = [.httpTimeout, .tlsTimeout]

    static let serviceError = Rule(cause: .serviceError) { facts in
        let failed = facts.failedPaths.filter(isServiceError)
        guard !failed.isEmpty, facts.passedPaths.isEmpty, failed.count == facts.failedPaths.count else {
            return facts.report.paths.contains(where: { $0.http?.status != nil }) && failed.isEmpty
                ? .ruledOut("no server error: every response had a status below 500") : .notJudged
        }
        var evidence = failed.map { FactText.path($0, url: facts.url) }
        evidence += failed.compactMap { path in responseLine(facts, path) }
        let stalled = failed.contains { $0.http?.status == nil }
        return .matched(Finding(
            confidence: .high,
            summary: stalled
                ? "The endpoint accepts connections at \(FactText.list(failed.map(\.address))) but the service behind it does not answer: it stalls or closes without a response."
                : "The service behind the endpoint answers with a server error at \(FactText.list(failed.map(\.address))).",
            evidence: evidence,
            nextSteps: [
                "The network path and TLS work; look at the service: its logs, and its targets' health in the load balancer's target group.",
                stalled
                    ? "Check the backend's response time and the load balancer's idle timeout; a target that accepts but never answers looks like this."
                    : "Check for maintenance pages or dependencies of the service that fail (databases, upstream APIs).",
            ]))
    }

    static let unexpectedContent = Rule(cause: .unexpectedContent) { facts in
        let failed = facts.failedPaths.filter { path in
            guard let failure = path.failure else { return false }
            return (failure.code == .httpBodyMismatch || failure.code == .httpMalformed || failure.code == .httpStatus)
                && !isServiceError(path)
        }
        guard !failed.isEmpty, facts.passedPaths.isEmpty, failed.count == facts.failedPaths.count else {
            return facts.report.paths.contains(where: { $0.http?.bodyMatched == true })
                ? .ruledOut("the body contains the expected text") : .notJudged
        }
        var evidence = failed.map { FactText.path($0, url: facts.url) }
        evidence += failed.compactMap { path in responseLine(facts, path) }
        if !facts.expectations.body.isEmpty {
            evidence.append("Expected the body to contain \"\(FactText.printable(facts.expectations.body))\" and a status of \(facts.expectations.status).")
        }
        return .matched(Finding(
            confidence: .high,
            summary: "Something answers at \(FactText.list(failed.map(\.address))), but not with what the service should send: another service, path or virtual host answers.",
            evidence: evidence,
            nextSteps: [
                "Check that the endpoint points at the intended endpoint service (aws ec2 describe-vpc-endpoints, ServiceName).",
                "Check the path \(facts.url.path) and the Host header \(facts.url.hostHeader): the service may route by them.",
                "If this response is right, adjust --expect-body or --expect-status.",
            ]))
    }

    /// A 5xx, a stall, or a connection closed before any response byte.
    private static func isServiceError(_ path: PathReport) -> Bool {
        guard let failure = path.failure else { return false }
        if stallCodes.contains(failure.code) { return true }
        if failure.code == .httpMalformed, path.timings.timeToFirstByte == nil { return true }
        return failure.code == .httpStatus && (path.http?.status ?? 0) >= 500
    }

    /// The detail probe's response, when it recorded more than the check.
    private static func responseLine(_ facts: EvidenceFacts, _ path: PathReport) -> String? {
        guard let http = facts.alternates(.detail, at: path.address).first?.path.http ?? path.http, http.status != nil else { return nil }
        return "Response from \(path.address): " + FactText.response(http) + "."
    }
}
