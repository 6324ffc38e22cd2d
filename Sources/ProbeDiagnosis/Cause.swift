/// The most likely reason an endpoint cannot be used, as a stable identifier.
///
/// Tickets, runbooks and automation match on the raw value
/// (`certificate_name_mismatch`), so the set is fixed and documented in the
/// README: causes are added, never renamed.
public struct Cause: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// `nil` for a text that is not one of the documented identifiers.
    public init?(rawValue: String) {
        guard Self.all.contains(where: { $0.rawValue == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    private init(_ identifier: String) {
        rawValue = identifier
    }

    public var description: String { rawValue }

    public static let dnsNotPropagated = Cause("dns_not_propagated")
    public static let privateDNSNotEnabled = Cause("private_dns_not_enabled")
    public static let resolverFailure = Cause("resolver_failure")
    public static let endpointAddressesMismatch = Cause("endpoint_addresses_mismatch")
    public static let endpointUnreachable = Cause("endpoint_unreachable")
    public static let partialOutage = Cause("partial_outage")
    public static let connectionReset = Cause("connection_reset")
    public static let wrongScheme = Cause("wrong_scheme")
    public static let notTLS = Cause("not_tls")
    public static let certificateNameMismatch = Cause("certificate_name_mismatch")
    public static let certificateUntrusted = Cause("certificate_untrusted")
    public static let certificateExpired = Cause("certificate_expired")
    public static let clockSkew = Cause("clock_skew")
    public static let serviceError = Cause("service_error")
    public static let unexpectedContent = Cause("unexpected_content")
    public static let healthy = Cause("healthy")

    /// Every cause, in documentation order.
    public static let all: [Cause] = [
        .dnsNotPropagated, .privateDNSNotEnabled, .resolverFailure, .endpointAddressesMismatch,
        .endpointUnreachable, .partialOutage, .connectionReset, .wrongScheme, .notTLS,
        .certificateNameMismatch, .certificateUntrusted, .certificateExpired, .clockSkew,
        .serviceError, .unexpectedContent, .healthy,
    ]
}
