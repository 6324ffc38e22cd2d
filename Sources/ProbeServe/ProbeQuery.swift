import ProbeCore

/// A `/probe` request's query, as in blackbox_exporter's multi-target
/// pattern: `target` is a target's name from the probe file, or a URL probed
/// with the probe file's defaults; other parameters override expectations.
///
/// `module` is accepted and ignored, so a scrape config written for
/// blackbox_exporter works unchanged. The trust store cannot be chosen by a
/// request: it is whatever the probe file and command line say, because a
/// query naming files on the server is not something a scraper should do.
struct ProbeQuery {
    static let parameterNames = [
        "target", "module", "expect_address", "expect_cidr", "allow_public", "expect_body", "expect_status", "dns_server", "timeout",
    ]

    /// Headroom left under Prometheus' scrape timeout for the response to travel.
    static let scrapeTimeoutMargin: Duration = .milliseconds(500)

    let parameters: [(name: String, value: String)]

    /// The target to probe now. `scrapeTimeout` (Prometheus'
    /// `X-Prometheus-Scrape-Timeout-Seconds`) caps each phase's timeout, so
    /// a probe stuck in one phase still answers before the scrape gives up.
    func target(in configuration: ServeConfiguration, scrapeTimeout: Duration?) throws(InputError) -> ProbeTarget {
        for (name, _) in parameters where !Self.parameterNames.contains(name) {
            throw InputError("unknown parameter '\(name)'; known: \(Self.parameterNames.joined(separator: ", "))")
        }
        guard let text = single("target"), !text.isEmpty else {
            throw InputError("parameter 'target' is missing: give a target name from the probe file or a URL, e.g. /probe?target=https://privatelink.example.com/")
        }
        var target: ProbeTarget
        if let scheduled = configuration.targets.first(where: { $0.name == text }) {
            target = scheduled.target
        } else {
            target = configuration.targetForURL(try ProbeURL(parsing: text))
        }
        try applyOverrides(to: &target)
        target.retryFor = .zero
        if let scrapeTimeout {
            target.timeout = min(target.timeout, max(.milliseconds(100), scrapeTimeout - Self.scrapeTimeoutMargin))
        }
        return target
    }

    private func applyOverrides(to target: inout ProbeTarget) throws(InputError) {
        let addresses = all("expect_address")
        if !addresses.isEmpty {
            target.expectations.addresses = try addresses.map { text throws(InputError) in
                guard let address = IPAddress(text) else { throw InputError("expect_address '\(text)' is not an IPv4 or IPv6 address") }
                return address
            }
        }
        let cidrs = all("expect_cidr")
        if !cidrs.isEmpty {
            target.expectations.cidrs = try cidrs.map { text throws(InputError) in
                guard let cidr = CIDR(text) else { throw InputError("expect_cidr '\(text)' is not an address range such as 10.0.0.0/16") }
                return cidr
            }
        }
        if let text = single("allow_public") {
            guard let allow = Bool(text) else { throw InputError("allow_public '\(text)' is not true or false") }
            target.expectations.allowPublic = allow
        }
        if let body = single("expect_body") {
            target.expectations.body = body
        }
        if let text = single("expect_status") {
            target.expectations.status = try StatusExpectation(parsing: text)
        }
        let servers = all("dns_server")
        if !servers.isEmpty {
            target.dnsServers = try servers.map { text throws(InputError) in try ResolverAddress(parsing: text) }
        }
        if let text = single("timeout") {
            target.timeout = try Duration(parsing: text)
            guard target.timeout > .zero else { throw InputError("timeout '\(text)' must be longer than 0s") }
        }
    }

    private func all(_ name: String) -> [String] {
        parameters.filter { $0.name == name }.map(\.value)
    }

    private func single(_ name: String) -> String? {
        all(name).last
    }
}
