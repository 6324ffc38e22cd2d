import ProbeCore

/// Probe settings in which every field may be absent, so that built-in
/// defaults, a probe file's `defaults`, command-line options and a file
/// target's own keys can be layered, most specific last.
struct TargetSettings: Hashable, Sendable {
    var expectAddresses: [IPAddress]?
    var expectCIDRs: [CIDR]?
    var allowPublic: Bool?
    var expectBody: String?
    var expectStatus: StatusExpectation?
    var dnsServers: [ResolverAddress]?
    var caFile: String?
    var timeout: Duration?
    var retryFor: Duration?
    var retryInterval: Duration?
    /// How often `plprobe serve` probes the target; `check` ignores it.
    var interval: Duration?

    /// These settings with every field that `other` sets taken from `other`.
    func overridden(by other: TargetSettings) -> TargetSettings {
        TargetSettings(
            expectAddresses: other.expectAddresses ?? expectAddresses,
            expectCIDRs: other.expectCIDRs ?? expectCIDRs,
            allowPublic: other.allowPublic ?? allowPublic,
            expectBody: other.expectBody ?? expectBody,
            expectStatus: other.expectStatus ?? expectStatus,
            dnsServers: other.dnsServers ?? dnsServers,
            caFile: other.caFile ?? caFile,
            timeout: other.timeout ?? timeout,
            retryFor: other.retryFor ?? retryFor,
            retryInterval: other.retryInterval ?? retryInterval,
            interval: other.interval ?? interval
        )
    }

    /// The target these settings describe; absent fields take the built-in
    /// defaults of `ProbeTarget` and `Expectations`.
    func target(name: String?, url: ProbeURL) -> ProbeTarget {
        let builtIn = ProbeTarget(url: url)
        let expectations = Expectations(
            addresses: expectAddresses ?? builtIn.expectations.addresses,
            cidrs: expectCIDRs ?? builtIn.expectations.cidrs,
            allowPublic: allowPublic ?? builtIn.expectations.allowPublic,
            body: expectBody ?? builtIn.expectations.body,
            status: expectStatus ?? builtIn.expectations.status
        )
        return ProbeTarget(
            name: name,
            url: url,
            expectations: expectations,
            dnsServers: dnsServers ?? builtIn.dnsServers,
            caFile: caFile ?? builtIn.caFile,
            timeout: timeout ?? builtIn.timeout,
            retryFor: retryFor ?? builtIn.retryFor,
            retryInterval: retryInterval ?? builtIn.retryInterval
        )
    }
}
