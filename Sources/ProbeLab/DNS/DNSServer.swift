import Glibc
import ProbeCore

/// The lab's resolver: one thread answering UDP queries on 127.0.0.1.
///
/// Answers are at most a few hundred bytes (see `LabConfiguration.maximumEndpointAddresses`),
/// so no reply is ever truncated and no TCP fallback is needed.
final class DNSServer: Sendable {
    let address: ResolverAddress
    private let socket: Int32
    private let wake: WakeSignal
    private let thread: LabThread

    /// A receive buffer for a burst of a few thousand queries, which a load
    /// run sends at once; the default buffer would drop most of them.
    private static let receiveBufferBytes: Int32 = 4 << 20

    init(responder: DNSResponder) throws(LabError) {
        let loopback = IPAddress.v4(0x7F00_0001)
        let socket: Int32
        do {
            socket = try Socket.bound(.datagram, to: loopback, port: 0)
        } catch {
            throw error.error
        }
        var size = Self.receiveBufferBytes
        if setsockopt(socket, SOL_SOCKET, SO_RCVBUFFORCE, &size, socklen_t(MemoryLayout<Int32>.size)) != 0 {
            _ = setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        let wake: WakeSignal
        do {
            wake = try WakeSignal()
            self.thread = try LabThread(name: "lab resolver") { [wake] in
                Self.serve(socket: socket, wake: wake.readEnd, responder: responder)
            }
        } catch {
            close(socket)
            throw error
        }
        self.socket = socket
        self.wake = wake
        self.address = ResolverAddress(address: loopback, port: Socket.localPort(socket))
    }

    /// Wakes the thread, waits for it, and closes the socket.
    func stop() {
        wake.signal()
        thread.join()
        close(socket)
        wake.close()
    }

    private static func serve(socket: Int32, wake: Int32, responder: DNSResponder) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var fds = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
        while true {
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            answerPending(socket: socket, buffer: &buffer, responder: responder)
        }
    }

    /// Answers the datagrams waiting on the socket, a bounded batch at a time
    /// so a flood cannot keep the thread from seeing `stop()`.
    private static func answerPending(socket: Int32, buffer: inout [UInt8], responder: DNSResponder) {
        for _ in 0..<1024 {
            var peer = sockaddr_storage()
            var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let received = withUnsafeMutablePointer(to: &peer) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(socket, &buffer, buffer.count, 0, $0, &peerLength)
                }
            }
            guard received >= 0 else { return }
            guard let reply = responder.reply(to: buffer[..<received]) else { continue }
            // A reply the kernel cannot take now is dropped; the client retries.
            _ = withUnsafePointer(to: &peer) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(socket, reply, reply.count, 0, $0, peerLength)
                }
            }
        }
    }
}
