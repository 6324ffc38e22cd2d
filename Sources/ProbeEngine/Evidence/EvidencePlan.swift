import ProbeCore

/// What to gather after a check, decided from its report alone: every
/// resolver asked on its own, and for each failed path the probes that tell
/// its possible causes apart. Only addresses the check probed are probed
/// again, so a public or unknown address never receives traffic.
struct EvidencePlan {
    struct Probe {
        var purpose: AlternateProbe.Purpose
        var target: ProbeTarget
        var address: IPAddress
        var detail: PathDetail
    }

    var name: String?
    var resolvers: [ResolverAddress]
    var timeout: Duration
    var probes: [Probe] = []

    init(report: TargetReport) {
        let target = report.target
        timeout = target.timeout
        name = target.url.hostAddress == nil ? target.url.host : nil
        let configured = report.dns.resolvers.isEmpty ? target.dnsServers : report.dns.resolvers
        resolvers = name == nil ? [] : Self.unique(configured)
        for path in report.paths {
            guard let failure = path.failure else { continue }
            probes += Self.probes(for: failure.code, status: path.http?.status, target: target, address: path.address)
        }
    }

    private static func probes(for code: FailureCode, status: Int?, target: ProbeTarget, address: IPAddress) -> [Probe] {
        let url = target.url
        let otherScheme: ProbeURL.Scheme = url.scheme == .https ? .http : .https
        let sameURLOtherScheme = Probe(
            purpose: .otherScheme, target: derived(target, scheme: otherScheme, port: url.port), address: address, detail: [])
        let otherPort = Probe(
            purpose: .otherPort, target: derived(target, scheme: otherStandardPort(of: url).scheme, port: otherStandardPort(of: url).port),
            address: address, detail: [])
        let detail = { (flags: PathDetail) in Probe(purpose: .detail, target: derived(target, scheme: url.scheme, port: url.port), address: address, detail: flags) }
        switch code {
        case .tcpRefused, .tcpTimeout, .tcpUnreachable:
            return [otherPort]
        case .tlsProtocol, .tlsHandshake, .httpMalformed:
            return [sameURLOtherScheme, otherPort]
        case .httpStatus where status == 400:
            return [sameURLOtherScheme, otherPort, detail(.responseDetail)]
        case .tlsNameMismatch, .tlsUntrusted:
            return [detail(.certificateChain)]
        case .tlsExpired, .tlsNotYetValid:
            return [detail([.certificateChain, .responseDetail, .requestDespiteCertificateDates])]
        case .httpStatus, .httpBodyMismatch:
            return [detail(.responseDetail)]
        default:
            return []
        }
    }

    /// Port 80 with http for 443, 443 with https for 80; from any other port,
    /// the standard port of the other scheme.
    static func otherStandardPort(of url: ProbeURL) -> (scheme: ProbeURL.Scheme, port: Int) {
        switch url.port {
        case 443: return (.http, 80)
        case 80: return (.https, 443)
        default: return url.scheme == .https ? (.http, 80) : (.https, 443)
        }
    }

    /// The target at another scheme and port, one attempt, same expectations.
    private static func derived(_ target: ProbeTarget, scheme: ProbeURL.Scheme, port: Int) -> ProbeTarget {
        var derived = target
        derived.url = ProbeURL(scheme: scheme, host: target.url.host, port: port, path: target.url.path)
        derived.retryFor = .zero
        return derived
    }

    private static func unique(_ resolvers: [ResolverAddress]) -> [ResolverAddress] {
        var seen = Set<ResolverAddress>()
        return resolvers.filter { seen.insert($0).inserted }
    }
}
