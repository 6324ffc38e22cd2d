import Glibc
import ProbeCore
internal import CPLProbeLinux

/// Non-blocking TCP sockets and the meaning of their errors.
enum TCPSocket {
    /// Starts a connect; `.success(fd)` may still be in progress (wait for writable).
    static func connect(to address: IPAddress, port: Int) -> Result<Int32, ProbeFailure> {
        let family = address.isIPv4 ? AF_INET : AF_INET6
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else {
            return .failure(ProbeFailure(.tcpUnreachable, "cannot open a socket for \(address): \(errorText(errno))", address: address))
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let result = withSocketAddress(address, port: port) { Glibc.connect(fd, $0, $1) }
        if result == 0 || errno == EINPROGRESS { return .success(fd) }
        let failure = connectFailure(errno, address: address, port: port)
        close(fd)
        return .failure(failure)
    }

    /// The outcome of a connect once the socket became writable: `nil` when connected.
    static func pendingError(_ fd: Int32) -> Int32? {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        return error == 0 ? nil : error
    }

    /// Classifies a failed connect into the tcp.* codes.
    static func connectFailure(_ error: Int32, address: IPAddress, port: Int) -> ProbeFailure {
        let target = "\(address.uriText):\(port)"
        switch error {
        case ECONNREFUSED, ECONNRESET:
            return ProbeFailure(.tcpRefused, "connection to \(target) was refused (RST): nothing accepts on port \(port)", address: address)
        case ETIMEDOUT:
            return ProbeFailure(.tcpTimeout, "TCP handshake with \(target) timed out in the kernel", address: address)
        default:
            return ProbeFailure(.tcpUnreachable, "cannot reach \(target): \(errorText(error))", address: address)
        }
    }

    static func errorText(_ error: Int32) -> String {
        String(cString: strerror(error))
    }

    private static func withSocketAddress<R>(_ address: IPAddress, port: Int, _ body: (UnsafePointer<sockaddr>, socklen_t) -> R) -> R {
        let bytes = address.bytes
        if address.isIPv4 {
            var storage = sockaddr_in()
            storage.sin_family = sa_family_t(AF_INET)
            storage.sin_port = UInt16(port).bigEndian
            withUnsafeMutableBytes(of: &storage.sin_addr) { $0.copyBytes(from: bytes) }
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        var storage = sockaddr_in6()
        storage.sin6_family = sa_family_t(AF_INET6)
        storage.sin6_port = UInt16(port).bigEndian
        withUnsafeMutableBytes(of: &storage.sin6_addr) { $0.copyBytes(from: bytes) }
        return withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
    }
}
