import ArgumentParser
import ProbeCore

/// What the DNS answers, the status and the body must look like.
struct ExpectationOptions: ParsableArguments {
    @Option(
        name: .customLong("expect-address"),
        help: ArgumentHelp(
            "An address of the endpoint's network interfaces; repeatable. (default: none)",
            discussion: "The set of A/AAAA answers must equal the set given: a missing or extra address fails with dns.unexpected_addresses.",
            valueName: "ip"),
        transform: { text throws(InputError) in try ValueText.address(text) })
    var expectAddresses: [IPAddress] = []

    @Option(
        name: .customLong("expect-cidr"),
        help: ArgumentHelp(
            "A range every answer must lie in, e.g. 10.0.0.0/16; repeatable. (default: none)",
            valueName: "cidr"),
        transform: { text throws(InputError) in try ValueText.cidr(text) })
    var expectCIDRs: [CIDR] = []

    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Accept answers outside the private ranges. (default: off)",
            discussion: "Private means RFC 1918, 100.64.0.0/10, fc00::/7, loopback and link-local. Without this flag a public answer fails with dns.public_address and is not probed."))
    var allowPublic: Bool?

    @Option(
        help: ArgumentHelp(
            "Text the response body must contain; '' checks nothing. (default: 'This is test server')",
            valueName: "text"))
    var expectBody: String?

    @Option(
        help: ArgumentHelp(
            "Accepted status codes, e.g. 200,204 or 2xx or 200-299. (default: 2xx)",
            valueName: "list"),
        transform: { text throws(InputError) in try StatusExpectation(parsing: text) })
    var expectStatus: StatusExpectation?

    /// Only what was given on the command line, so file defaults still apply to the rest.
    var settings: TargetSettings {
        TargetSettings(
            expectAddresses: expectAddresses.isEmpty ? nil : expectAddresses,
            expectCIDRs: expectCIDRs.isEmpty ? nil : expectCIDRs,
            allowPublic: allowPublic,
            expectBody: expectBody,
            expectStatus: expectStatus
        )
    }
}
