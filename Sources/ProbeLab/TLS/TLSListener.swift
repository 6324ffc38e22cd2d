import Glibc
import ProbeCore

/// The endpoint's "network interfaces": one listening socket per endpoint
/// address, all on one port, served by a single event-loop thread.
final class TLSListener: Sendable {
    let port: Int
    private let sockets: [Int32]
    private let wake: WakeSignal
    private let thread: LabThread

    /// Enough for a 1,000-name load run with two addresses per name.
    private static let backlog: Int32 = 4096
    /// Another program may take the port between the first bind and the others.
    private static let bindAttempts = 8

    init(addresses: [IPAddress], context: TLSServerContext, responder: HTTPResponder) throws(LabError) {
        let sockets = try Self.bindShared(addresses)
        let wake: WakeSignal
        do throws(LabError) {
            for (socket, address) in zip(sockets, addresses) where listen(socket, Self.backlog) != 0 {
                throw LabError("listen on \(address.uriText):\(Socket.localPort(socket)): \(errnoText())", hint: "check the loopback interface (ip addr show lo)")
            }
            wake = try WakeSignal()
            thread = try LabThread(name: "lab listener") { [wake] in
                var loop = TLSEventLoop(listeners: sockets, wake: wake.readEnd, context: context, responder: responder)
                loop.run()
            }
        } catch {
            sockets.forEach { _ = close($0) }
            throw error
        }
        self.sockets = sockets
        self.wake = wake
        port = Socket.localPort(sockets[0])
    }

    /// Wakes the thread, which closes every connection, waits for it, and
    /// closes the listening sockets, which frees the port.
    func stop() {
        wake.signal()
        thread.join()
        sockets.forEach { _ = close($0) }
        wake.close()
    }

    /// Binds the first address to a fresh port and the others to the same one.
    private static func bindShared(_ addresses: [IPAddress]) throws(LabError) -> [Int32] {
        var failure: Socket.BindFailure?
        for _ in 0..<bindAttempts {
            var sockets: [Int32] = []
            do {
                for address in addresses {
                    sockets.append(try Socket.bound(.stream, to: address, port: sockets.first.map(Socket.localPort) ?? 0))
                }
                return sockets
            } catch {
                sockets.forEach { _ = close($0) }
                guard error.code == EADDRINUSE, !sockets.isEmpty else { throw error.error }
                failure = error
            }
        }
        throw failure!.error
    }
}
