/// Compares DNS answers with what the endpoint should resolve to, and picks
/// the addresses that may be probed.
public struct AddressCheck: Sendable {
    public var failures: [ProbeFailure] = []
    /// Answers that passed the checks; only these receive traffic, so a
    /// public or unknown address is never probed by accident.
    public var probeable: [IPAddress] = []

    public init(answers: [IPAddress], expectations: Expectations, name: String) {
        let answerSet = Set(answers)
        var rejected = Set<IPAddress>()
        if !expectations.addresses.isEmpty {
            let expected = Set(expectations.addresses)
            let missing = expected.subtracting(answerSet).sorted()
            let extra = answerSet.subtracting(expected).sorted()
            if !missing.isEmpty || !extra.isEmpty {
                var parts: [String] = []
                if !missing.isEmpty { parts.append("missing \(Self.list(missing))") }
                if !extra.isEmpty { parts.append("extra \(Self.list(extra))") }
                failures.append(ProbeFailure(
                    .dnsUnexpectedAddresses,
                    "\(name) resolved to \(Self.list(answers.sorted())), expected \(Self.list(expected.sorted())): \(parts.joined(separator: ", "))"))
            }
            rejected.formUnion(extra)
        }
        if !expectations.cidrs.isEmpty {
            let outside = answers.filter { address in !expectations.cidrs.contains { $0.contains(address) } }.sorted()
            if !outside.isEmpty {
                failures.append(ProbeFailure(
                    .dnsUnexpectedAddresses,
                    "\(name) resolved to \(Self.list(outside)) outside the expected ranges \(expectations.cidrs.map(\.description).joined(separator: ", "))"))
            }
            rejected.formUnion(outside)
        }
        if !expectations.allowPublic {
            let publicAnswers = answers.filter { !$0.isPrivate }.sorted()
            if !publicAnswers.isEmpty {
                failures.append(ProbeFailure(
                    .dnsPublicAddress,
                    "\(name) resolved to public \(Self.list(publicAnswers)); a private endpoint name must resolve to private addresses (not probed)"))
            }
            rejected.formUnion(publicAnswers)
        }
        probeable = answers.filter { !rejected.contains($0) }.sorted()
    }

    private static func list(_ addresses: [IPAddress]) -> String {
        addresses.isEmpty ? "nothing" : addresses.map(\.description).joined(separator: ", ")
    }
}
