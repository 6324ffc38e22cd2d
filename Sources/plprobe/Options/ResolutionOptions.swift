import ArgumentParser
import Foundation
import ProbeCore

/// Which resolvers name the endpoint and which anchors vouch for its certificate.
struct ResolutionOptions: ParsableArguments {
    @Option(
        name: .customLong("dns-server"),
        help: ArgumentHelp(
            "A resolver to ask, ADDR, ADDR:PORT or [IPV6]:PORT; repeatable. (default: the system's, from resolv.conf)",
            discussion: "In a VPC the Amazon-provided resolver is 169.254.169.253 or the VPC base address plus two.",
            valueName: "addr[:port]"),
        transform: { text throws(InputError) in try ResolverAddress(parsing: text) })
    var dnsServers: [ResolverAddress] = []

    @Option(
        help: ArgumentHelp(
            "PEM file of trust anchors for the server certificate. (default: the system trust store)",
            valueName: "path"))
    var caFile: String?

    func validate() throws {
        if let caFile, let problem = FileCheck.readableFileProblem(caFile) {
            throw ValidationError("--ca-file '\(caFile)': \(problem)")
        }
    }

    /// Only what was given on the command line, so file defaults still apply to the rest.
    var settings: TargetSettings {
        TargetSettings(dnsServers: dnsServers.isEmpty ? nil : dnsServers, caFile: caFile)
    }
}
