import Glibc
import ProbeCore

/// The listener thread: accepts on every endpoint socket and drives all
/// connections with `poll`, sleeping until a socket is ready, the next idle
/// deadline passes, or `stop()` writes to the wake signal.
struct TLSEventLoop {
    let listeners: [Int32]
    let wake: Int32
    let context: TLSServerContext
    let responder: HTTPResponder

    /// Above this many open connections the loop stops accepting and the
    /// kernel's backlog holds new ones, which bounds memory and descriptors.
    static let connectionLimit = 4096
    /// How long a client may send nothing before its connection is closed.
    /// Counted from the last bytes read, so time a busy lab takes to get to
    /// a connection never counts against the client.
    static let idleTimeout = Duration.seconds(5)
    /// How long accepting pauses when the process is out of descriptors, so
    /// a listener that stays readable does not spin the thread.
    static let acceptBackoff = Duration.milliseconds(100)

    private var connections: [Int32: LabConnection] = [:]
    private var acceptPausedUntil: ContinuousClock.Instant?
    private var scratch = [UInt8](repeating: 0, count: 16 * 1024)

    init(listeners: [Int32], wake: Int32, context: TLSServerContext, responder: HTTPResponder) {
        self.listeners = listeners
        self.wake = wake
        self.context = context
        self.responder = responder
    }

    mutating func run() {
        var fds: [pollfd] = []
        var polled: [LabConnection] = []
        var idle: [LabConnection] = []
        while true {
            let now = ContinuousClock.now
            if let pause = acceptPausedUntil, pause <= now { acceptPausedUntil = nil }
            let accepting = connections.count < Self.connectionLimit && acceptPausedUntil == nil
            fds.removeAll(keepingCapacity: true)
            polled.removeAll(keepingCapacity: true)
            idle.removeAll(keepingCapacity: true)
            fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0))
            if accepting {
                fds += listeners.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            }
            var wakeAt = acceptPausedUntil
            for connection in connections.values {
                if connection.idleDeadline <= now {
                    idle.append(connection)
                    continue
                }
                wakeAt = min(wakeAt ?? connection.idleDeadline, connection.idleDeadline)
                let events = connection.wantsToWrite ? POLLIN | POLLOUT : POLLIN
                fds.append(pollfd(fd: connection.fd, events: Int16(events), revents: 0))
                polled.append(connection)
            }
            idle.forEach { finish($0) }
            if poll(&fds, nfds_t(fds.count), Self.pollTimeout(from: now, until: wakeAt)) < 0 {
                if errno == EINTR { continue }
                break
            }
            if fds[0].revents != 0 { break }
            let firstConnection = 1 + (accepting ? listeners.count : 0)
            for (offset, connection) in polled.enumerated() where fds[firstConnection + offset].revents != 0 {
                if !connection.handleEvents(scratch: &scratch) { finish(connection) }
            }
            if accepting {
                for (offset, listener) in listeners.enumerated() where fds[1 + offset].revents != 0 {
                    accept(from: listener)
                }
            }
        }
        connections.values.forEach { $0.close() }
    }

    private mutating func accept(from listener: Int32) {
        while connections.count < Self.connectionLimit {
            // Glibc's module map leaves out accept4, so the flags are set after
            // accept; the lab starts no processes that could inherit in between.
            let fd = Glibc.accept(listener, nil, nil)
            guard fd >= 0 else {
                switch errno {
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: acceptPausedUntil = .now + Self.acceptBackoff
                default: break
                }
                return
            }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            guard let connection = LabConnection(fd: fd, context: context, responder: responder, idleTimeout: Self.idleTimeout) else {
                continue
            }
            connections[fd] = connection
        }
    }

    private mutating func finish(_ connection: LabConnection) {
        connections[connection.fd] = nil
        connection.close()
    }

    /// Milliseconds until `wakeAt`; -1 (wait for readiness only) without one.
    private static func pollTimeout(from now: ContinuousClock.Instant, until wakeAt: ContinuousClock.Instant?) -> Int32 {
        guard let wakeAt else { return -1 }
        return Int32(max(0, min((wakeAt - now).milliseconds.rounded(.up), 60_000)))
    }
}
