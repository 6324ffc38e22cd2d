import ArgumentParser
import ProbeCore

/// `plprobe diagnose`: why an endpoint cannot be used, and what to do.
struct DiagnoseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Explain why an endpoint fails: the likely cause, its evidence, what to do next.",
        discussion: """
            plprobe diagnose runs the check of 'plprobe check' against one URL, then
            gathers the evidence each suspected cause needs, and concludes:

              - every resolver asked on its own (one broken resolver out of two is a
                classic), with the negative-caching time of an NXDOMAIN answer, so it
                can say when a retry can succeed;
              - the answers against --expect-address and the private ranges;
              - each failed address probed again, and only the addresses the check
                probed: with the other scheme on the same port and on the other of
                ports 80 and 443, or with the certificate chain, the server's clock
                (its HTTP Date header) and the start of the response body recorded.

            The diagnosis names one cause, with a confidence (high, medium, low), the
            evidence lines that support it, the causes ruled out and why, and next
            steps, in words that can be pasted into a ticket.

            CAUSES
              dns_not_propagated, private_dns_not_enabled, resolver_failure,
              endpoint_addresses_mismatch, endpoint_unreachable, partial_outage,
              connection_reset, wrong_scheme, not_tls, certificate_name_mismatch,
              certificate_untrusted, certificate_expired, clock_skew, service_error,
              unexpected_content, and healthy when nothing is wrong.

            TIME BOUND
              diagnose finishes within --retry-for + 7 x --timeout (35s with the
              defaults), even when every address drops every packet: the check's last
              attempt uses at most four phase timeouts (DNS, connect, TLS, HTTP), and
              the evidence is cut off after three more; what was still running then is
              listed as not gathered.

            EXIT STATUS
              0  the endpoint is healthy
              1  a cause was found
              2  bad usage: nothing was probed, and standard error says what is wrong

            EXAMPLES
              plprobe diagnose https://privatelink.test.cloud5.jp/ \\
                  --expect-address 10.0.1.23 --expect-address 10.0.2.45

              For a ticket:
                plprobe diagnose privatelink.test.cloud5.jp --report markdown:ticket.md

              For automation:
                plprobe diagnose privatelink.test.cloud5.jp --report json \\
                    | jq -r .diagnosis.cause
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The endpoint: https://HOST[:PORT][/PATH], http://..., or a bare HOST for https://HOST/.",
            valueName: "url"),
        transform: { text throws(InputError) in try ProbeURL(parsing: text) })
    var url: ProbeURL

    @OptionGroup(title: "Expectations")
    var expectations: ExpectationOptions

    @OptionGroup(title: "Resolution and trust")
    var resolution: ResolutionOptions

    @OptionGroup(title: "Timing and retries")
    var timing: TimingOptions

    @OptionGroup(title: "Reports")
    var reports: DiagnosisReportOptions

    func run() async throws {
        let settings = expectations.settings
            .overridden(by: resolution.settings)
            .overridden(by: timing.settings)
        let target = settings.target(name: nil, url: url)
        let status = try await DiagnoseRun(target: target, reports: reports.requests).execute()
        if status != .success { throw status }
    }
}
