import Glibc
import ProbeCore

/// The socket calls the lab's servers share, with failures turned into
/// `LabError`s that name the call and the address.
enum Socket {
    /// A failed `socket` or `bind`: the errno decides whether another port may work.
    struct BindFailure: Error {
        let code: Int32
        let error: LabError
    }

    enum Kind {
        case stream, datagram

        var rawValue: Int32 {
            switch self {
            case .stream: Int32(SOCK_STREAM.rawValue)
            case .datagram: Int32(SOCK_DGRAM.rawValue)
            }
        }
    }

    /// A non-blocking, close-on-exec socket bound to `address:port` (port 0
    /// picks one). Close-on-exec matters: a child process that inherited a
    /// listener would keep the lab's port busy after `stop()`.
    static func bound(_ kind: Kind, to address: IPAddress, port: Int) throws(BindFailure) -> Int32 {
        let family = address.isIPv4 ? AF_INET : AF_INET6
        let fd = socket(family, kind.rawValue | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else {
            throw BindFailure(code: errno, error: LabError(
                "socket for \(address.uriText):\(port): \(errnoText())",
                hint: "the process may have run out of file descriptors (ulimit -n)"))
        }
        if kind == .stream {
            var on: Int32 = 1
            _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        var (storage, length) = socketAddress(address, port: port)
        let status = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard status == 0 else {
            let code = errno
            close(fd)
            throw BindFailure(code: code, error: bindError(code, address: address, port: port))
        }
        return fd
    }

    /// The port the kernel gave a socket bound to port 0.
    static func localPort(_ fd: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return withUnsafeBytes(of: &storage) { raw in
            // sin_port and sin6_port sit at the same offset, in network order.
            Int(UInt16(bigEndian: raw.load(fromByteOffset: 2, as: UInt16.self)))
        }
    }

    static func socketAddress(_ address: IPAddress, port: Int) -> (sockaddr_storage, socklen_t) {
        var storage = sockaddr_storage()
        switch address {
        case .v4(let value):
            var ipv4 = sockaddr_in()
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = in_port_t(port).bigEndian
            ipv4.sin_addr = in_addr(s_addr: value.bigEndian)
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: ipv4, as: sockaddr_in.self) }
            return (storage, socklen_t(MemoryLayout<sockaddr_in>.size))
        case .v6:
            var ipv6 = sockaddr_in6()
            ipv6.sin6_family = sa_family_t(AF_INET6)
            ipv6.sin6_port = in_port_t(port).bigEndian
            withUnsafeMutableBytes(of: &ipv6.sin6_addr) { $0.copyBytes(from: address.bytes) }
            withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: ipv6, as: sockaddr_in6.self) }
            return (storage, socklen_t(MemoryLayout<sockaddr_in6>.size))
        }
    }

    private static func bindError(_ code: Int32, address: IPAddress, port: Int) -> LabError {
        let hint = switch code {
        case EADDRINUSE:
            "another program holds this port; start the lab again to get another one"
        case EADDRNOTAVAIL:
            address.isIPv4
                ? "the address is not on a local interface; Linux answers all of 127.0.0.0/8 on lo unless that was changed"
                : "IPv6 loopback is not available; enable IPv6 on lo or use 127.0.0.x endpoint addresses"
        case EACCES:
            "this port needs privileges; let the lab pick an ephemeral port"
        default:
            "check the loopback interface (ip addr show lo)"
        }
        return LabError("bind \(address.uriText):\(port): \(errnoText(code))", hint: hint)
    }
}
