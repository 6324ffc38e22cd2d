/// A stable identifier for what a probe saw go wrong.
///
/// Automation matches on the raw value (`tls.name_mismatch`), so the set is
/// part of the interface contract: codes are added, never renamed.
public struct FailureCode: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// The check the code belongs to, which decides where a path stopped.
    public var phase: Phase {
        Phase(rawValue: String(rawValue.prefix { $0 != "." })) ?? .http
    }

    public static func < (lhs: FailureCode, rhs: FailureCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// The checks of one probe, in the order they run.
public enum Phase: String, Sendable, Codable, CaseIterable, Comparable {
    case dns, tcp, tls, http

    public static func < (lhs: Phase, rhs: Phase) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension FailureCode {
    public static let dnsNXDomain = FailureCode(rawValue: "dns.nxdomain")
    public static let dnsNoData = FailureCode(rawValue: "dns.nodata")
    public static let dnsServFail = FailureCode(rawValue: "dns.servfail")
    public static let dnsRefused = FailureCode(rawValue: "dns.refused")
    public static let dnsTimeout = FailureCode(rawValue: "dns.timeout")
    public static let dnsUnexpectedAddresses = FailureCode(rawValue: "dns.unexpected_addresses")
    public static let dnsPublicAddress = FailureCode(rawValue: "dns.public_address")
    public static let tcpRefused = FailureCode(rawValue: "tcp.refused")
    public static let tcpTimeout = FailureCode(rawValue: "tcp.timeout")
    public static let tcpUnreachable = FailureCode(rawValue: "tcp.unreachable")
    public static let tlsProtocol = FailureCode(rawValue: "tls.protocol")
    public static let tlsUntrusted = FailureCode(rawValue: "tls.untrusted")
    public static let tlsNameMismatch = FailureCode(rawValue: "tls.name_mismatch")
    public static let tlsExpired = FailureCode(rawValue: "tls.expired")
    public static let tlsNotYetValid = FailureCode(rawValue: "tls.not_yet_valid")
    public static let tlsHandshake = FailureCode(rawValue: "tls.handshake")
    public static let tlsTimeout = FailureCode(rawValue: "tls.timeout")
    public static let httpTimeout = FailureCode(rawValue: "http.timeout")
    public static let httpMalformed = FailureCode(rawValue: "http.malformed")
    public static let httpStatus = FailureCode(rawValue: "http.status")
    public static let httpBodyMismatch = FailureCode(rawValue: "http.body_mismatch")

    /// Every code of the contract, in documentation order.
    public static let all: [FailureCode] = [
        .dnsNXDomain, .dnsNoData, .dnsServFail, .dnsRefused, .dnsTimeout,
        .dnsUnexpectedAddresses, .dnsPublicAddress,
        .tcpRefused, .tcpTimeout, .tcpUnreachable,
        .tlsProtocol, .tlsUntrusted, .tlsNameMismatch, .tlsExpired, .tlsNotYetValid,
        .tlsHandshake, .tlsTimeout,
        .httpTimeout, .httpMalformed, .httpStatus, .httpBodyMismatch,
    ]
}
