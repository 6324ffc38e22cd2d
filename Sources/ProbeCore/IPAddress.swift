#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as a value, ordered IPv4 first.
public enum IPAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    case v4(UInt32)
    case v6(UInt64, UInt64)

    /// Parses dotted-quad IPv4 or RFC 4291 IPv6 text; `nil` for anything else.
    public init?(_ text: String) {
        var storage = (UInt64(0), UInt64(0))
        if text.contains(":") {
            let ok = withUnsafeMutableBytes(of: &storage) { inet_pton(AF_INET6, text, $0.baseAddress) == 1 }
            guard ok else { return nil }
            self = .v6(UInt64(bigEndian: storage.0), UInt64(bigEndian: storage.1))
        } else {
            var raw = UInt32(0)
            let ok = withUnsafeMutableBytes(of: &raw) { inet_pton(AF_INET, text, $0.baseAddress) == 1 }
            guard ok else { return nil }
            self = .v4(UInt32(bigEndian: raw))
        }
    }

    /// The address in network byte order, as the socket API wants it.
    public var bytes: [UInt8] {
        switch self {
        case .v4(let value):
            return withUnsafeBytes(of: value.bigEndian, Array.init)
        case .v6(let high, let low):
            return withUnsafeBytes(of: high.bigEndian, Array.init) + withUnsafeBytes(of: low.bigEndian, Array.init)
        }
    }

    /// Builds an address from 4 or 16 network-order bytes.
    public init?(bytes: some Collection<UInt8>) {
        let array = Array(bytes)
        switch array.count {
        case 4:
            self = .v4(array.reduce(0) { $0 << 8 | UInt32($1) })
        case 16:
            let high = array[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
            let low = array[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
            self = .v6(high, low)
        default:
            return nil
        }
    }

    public var isIPv4: Bool {
        if case .v4 = self { return true }
        return false
    }

    public var description: String {
        var bytes = self.bytes
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = isIPv4 ? AF_INET : AF_INET6
        _ = inet_ntop(family, &bytes, &buffer, socklen_t(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The text used inside URLs and `Host` headers: IPv6 in brackets.
    public var uriText: String {
        isIPv4 ? description : "[\(description)]"
    }

    /// Private in the sense of INTERFACE.md: RFC 1918, RFC 6598, IPv6 unique
    /// local, loopback and link-local. Documentation ranges count as public.
    public var isPrivate: Bool {
        CIDR.privateRanges.contains { $0.contains(self) }
    }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        switch (lhs, rhs) {
        case (.v4(let a), .v4(let b)): return a < b
        case (.v4, .v6): return true
        case (.v6, .v4): return false
        case (.v6(let a1, let a2), .v6(let b1, let b2)): return (a1, a2) < (b1, b2)
        }
    }
}
