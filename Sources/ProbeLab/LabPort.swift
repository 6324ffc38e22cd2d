import Glibc
import ProbeCore

/// The endpoint addresses' shared port: a TLS listener, or for the `reset`
/// fault a port bound on every address but never listened on, so each
/// connection is reset and no other program can take the port meanwhile.
enum LabPort: Sendable {
    case listening(TLSListener)
    case closed(ClosedPort)

    static func start(_ setup: LabSetup, endpointAddresses: [IPAddress], context: TLSServerContext) throws(LabError) -> LabPort {
        guard !setup.listenerAddresses.isEmpty else { return .closed(try ClosedPort(addresses: endpointAddresses)) }
        return .listening(try TLSListener(addresses: setup.listenerAddresses, context: context, responder: setup.responder))
    }

    var port: Int {
        switch self {
        case .listening(let listener): listener.port
        case .closed(let closed): closed.port
        }
    }

    func stop() {
        switch self {
        case .listening(let listener): listener.stop()
        case .closed(let closed): closed.stop()
        }
    }
}

/// Sockets bound to one port on every address and never listened on.
final class ClosedPort: Sendable {
    let port: Int
    private let sockets: [Int32]

    init(addresses: [IPAddress]) throws(LabError) {
        var sockets: [Int32] = []
        do {
            for address in addresses {
                sockets.append(try Socket.bound(.stream, to: address, port: sockets.first.map(Socket.localPort) ?? 0))
            }
        } catch {
            sockets.forEach { _ = close($0) }
            throw error.error
        }
        self.sockets = sockets
        port = Socket.localPort(sockets[0])
    }

    func stop() {
        sockets.forEach { _ = close($0) }
    }
}
