/// A fault the lab can inject on loopback, so people can see what each
/// failure looks like in plprobe's reports and tests can produce it.
///
/// A black hole (every packet dropped) needs a network namespace and plain
/// HTTP on the TLS port needs a second kind of listener; real servers in the
/// integration lab provide both, so neither is a lab fault.
public enum LabFault: String, CaseIterable, Sendable {
    case nxdomain
    case publicAddress = "public_address"
    case wrongAddresses = "wrong_addresses"
    case reset
    case partial
    case nameMismatch = "name_mismatch"
    case untrusted
    case expired
    case clockSkew = "clock_skew"
    case serverError = "server_error"
    case wrongBody = "wrong_body"
    case stall

    /// What the fault does, for `--help`.
    public var summary: String {
        switch self {
        case .nxdomain: "the resolver answers NXDOMAIN (with its zone's SOA) for the endpoint's name"
        case .publicAddress: "the name resolves to the public address 203.0.113.10"
        case .wrongAddresses: "the name resolves to the first endpoint address and 127.0.0.9, not to the second"
        case .reset: "nothing listens on the port: every connection is reset"
        case .partial: "only the first endpoint address listens; the second resets"
        case .nameMismatch: "the certificate is issued for other.example.test"
        case .untrusted: "the CA file the targets trust is another CA's"
        case .expired: "the certificate expired a day ago"
        case .clockSkew: "the certificate starts tomorrow and the server's Date header is two days ahead"
        case .serverError: "every response is 503 Service Unavailable"
        case .wrongBody: "every response is 200 with another service's body"
        case .stall: "TLS completes, but no response ever comes"
        }
    }
}
