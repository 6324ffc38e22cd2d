/// An address range such as `10.0.0.0/16` or `fd00::/8`.
public struct CIDR: Hashable, Sendable, CustomStringConvertible {
    public let network: IPAddress
    public let prefixLength: Int

    /// Parses `ADDRESS/LENGTH`; a bare address is a single-address range.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(String(parts[0])) else { return nil }
        let maximum = address.isIPv4 ? 32 : 128
        var length = maximum
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), (0...maximum).contains(parsed), !parts[1].hasPrefix("+") else { return nil }
            length = parsed
        }
        self.init(network: address, prefixLength: length)
    }

    public init(network: IPAddress, prefixLength: Int) {
        self.prefixLength = prefixLength
        self.network = Self.masked(network, prefixLength)
    }

    public func contains(_ address: IPAddress) -> Bool {
        guard address.isIPv4 == network.isIPv4 else { return false }
        return Self.masked(address, prefixLength) == network
    }

    public var description: String { "\(network)/\(prefixLength)" }

    private static func masked(_ address: IPAddress, _ length: Int) -> IPAddress {
        switch address {
        case .v4(let value):
            return .v4(length == 0 ? 0 : value & ~UInt32(0) << (32 - length))
        case .v6(let high, let low):
            let highMask: UInt64 = length >= 64 ? ~0 : (length == 0 ? 0 : ~UInt64(0) << (64 - length))
            let lowMask: UInt64 = length <= 64 ? 0 : (length == 128 ? ~0 : ~UInt64(0) << (128 - length))
            return .v6(high & highMask, low & lowMask)
        }
    }

    /// The ranges INTERFACE.md calls private.
    public static let privateRanges: [CIDR] = [
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10",
        "127.0.0.0/8", "169.254.0.0/16", "fc00::/7", "::1/128", "fe80::/10",
    ].map { CIDR($0)! }
}
