import Glibc
import ProbeCore
internal import CPLProbeCAres

/// One c-ares channel, owned by one event loop, for one resolver configuration.
///
/// c-ares announces its sockets through the socket-state callback; they are
/// watched by the loop like any other socket, and c-ares' own timeouts are
/// driven by a loop timer set from `ares_timeout`, so no query ever blocks a
/// thread and nothing polls on a fixed interval.
final class ResolverChannel {
    private let loop: EventLoop
    private var channel: ares_channel?
    private var sockets: [Int32: SocketWatcher] = [:]
    private var timer: UInt64?
    private(set) var resolvers: [ResolverAddress]
    let systemConfigured: Bool

    init(loop: EventLoop, servers: [ResolverAddress], timeout: Duration) throws(InputError) {
        self.loop = loop
        self.resolvers = servers
        self.systemConfigured = servers.isEmpty
        var options = ares_options()
        options.sock_state_cb = { data, fd, readable, writable in
            Unmanaged<ResolverChannel>.fromOpaque(data!).takeUnretainedValue()
                .socketStateChanged(fd, readable: readable != 0, writable: writable != 0)
        }
        options.sock_state_cb_data = Unmanaged.passUnretained(self).toOpaque()
        // Three tries, each twice as long as the one before (1 + 2 + 4 = 7
        // parts): together they fit the phase limit, and a query lost in a
        // burst is sent again early instead of waiting out the whole limit.
        options.timeout = Int32(max(100, timeout.nanosecondsClamped / 7_000_000))
        options.tries = 3
        // Without NOCHECKRESP, c-ares 1.18 reports a REFUSED answer as
        // ARES_ECONNREFUSED, indistinguishable from nothing listening; with
        // it, SERVFAIL and REFUSED arrive as the rcodes they are.
        options.flags = ARES_FLAG_NOCHECKRESP
        let mask = ARES_OPT_SOCK_STATE_CB | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS
        let status = ares_init_options(&channel, &options, mask)
        guard status == ARES_SUCCESS, let channel else {
            throw InputError("cannot set up the DNS resolver: \(String(cString: ares_strerror(status)))")
        }
        if servers.isEmpty {
            resolvers = Self.configuredServers(of: channel)
        } else {
            let list = servers.map { "\($0.address.uriText):\($0.port)" }.joined(separator: ",")
            let setStatus = ares_set_servers_ports_csv(channel, list)
            guard setStatus == ARES_SUCCESS else {
                throw InputError("resolvers '\(list)' were not accepted by c-ares: \(String(cString: ares_strerror(setStatus)))")
            }
        }
    }

    deinit {
        if let channel { ares_destroy(channel) }
    }

    /// Sends the A and AAAA queries of `lookup`.
    func send(_ lookup: DNSLookup) {
        for type in [1, 28] as [Int32] {
            let context = Unmanaged.passRetained(QueryContext(lookup: lookup, channel: self, type: type)).toOpaque()
            ares_query(channel, lookup.name, 1, type, { argument, status, _, answer, length in
                let context = Unmanaged<QueryContext>.fromOpaque(argument!).takeRetainedValue()
                context.complete(status: status, answer: answer, length: length)
            }, context)
        }
        rearmTimer()
    }

    func cancel(timer id: UInt64) {
        loop.cancelTimer(id)
    }

    // MARK: c-ares integration

    fileprivate func socketStateChanged(_ fd: Int32, readable: Bool, writable: Bool) {
        var events: IOEvents = []
        if readable { events.insert(.readable) }
        if writable { events.insert(.writable) }
        if events.isEmpty {
            loop.unregister(fd)
            sockets[fd] = nil
        } else if sockets[fd] != nil {
            loop.modify(fd, events: events)
        } else {
            let watcher = SocketWatcher(channel: self, fd: fd)
            sockets[fd] = watcher
            _ = loop.register(fd, events: events, handler: watcher)
        }
    }

    fileprivate func process(fd: Int32, events: IOEvents) {
        let readable = !events.isDisjoint(with: [.readable, .failed])
        let writable = events.contains(.writable)
        ares_process_fd(channel, readable ? fd : ARES_SOCKET_BAD, writable ? fd : ARES_SOCKET_BAD)
        rearmTimer()
    }

    /// Points the loop timer at c-ares' next internal timeout.
    private func rearmTimer() {
        if let timer { loop.cancelTimer(timer) }
        timer = nil
        var limit = timeval(tv_sec: 3600, tv_usec: 0)
        var next = timeval()
        guard !sockets.isEmpty, let due = ares_timeout(channel, &limit, &next) else { return }
        let delay = UInt64(due.pointee.tv_sec) * 1_000_000_000 + UInt64(due.pointee.tv_usec) * 1000
        timer = loop.schedule(at: MonotonicClock.now() + delay) { [weak self] in
            guard let self else { return }
            self.timer = nil
            ares_process_fd(self.channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD)
            self.rearmTimer()
        }
    }

    private static func configuredServers(of channel: ares_channel) -> [ResolverAddress] {
        var head: UnsafeMutablePointer<ares_addr_port_node>?
        guard ares_get_servers_ports(channel, &head) == ARES_SUCCESS else { return [] }
        defer { ares_free_data(head) }
        var servers: [ResolverAddress] = []
        var node = head
        while let current = node {
            var entry = current.pointee
            let address: IPAddress? = entry.family == AF_INET
                ? withUnsafeBytes(of: &entry.addr.addr4) { IPAddress(bytes: $0) }
                : withUnsafeBytes(of: &entry.addr.addr6) { IPAddress(bytes: $0) }
            if let address { servers.append(ResolverAddress(address: address, port: entry.udp_port == 0 ? 53 : Int(entry.udp_port))) }
            node = current.pointee.next
        }
        return servers
    }
}

/// Routes readiness of one c-ares socket back to its channel.
private final class SocketWatcher: EventLoopHandler {
    unowned let channel: ResolverChannel
    let fd: Int32

    init(channel: ResolverChannel, fd: Int32) {
        self.channel = channel
        self.fd = fd
    }

    func handleEvents(_ events: IOEvents) {
        channel.process(fd: fd, events: events)
    }
}

/// Carries one query's identity through c-ares' C callback.
private final class QueryContext {
    let lookup: DNSLookup
    let channel: ResolverChannel
    let type: Int32

    init(lookup: DNSLookup, channel: ResolverChannel, type: Int32) {
        self.lookup = lookup
        self.channel = channel
        self.type = type
    }

    func complete(status: Int32, answer: UnsafeMutablePointer<UInt8>?, length: Int32) {
        var answers: [DNSAnswer] = []
        var finalStatus = status
        if status == ARES_SUCCESS, let answer {
            finalStatus = type == 1 ? Self.parseA(answer, length, into: &answers) : Self.parseAAAA(answer, length, into: &answers)
        }
        var negativeCaching: NegativeCaching?
        if finalStatus == ARES_ENOTFOUND || finalStatus == ARES_ENODATA, let answer {
            negativeCaching = NegativeAnswerReader.negativeCaching(in: UnsafeRawBufferPointer(start: answer, count: Int(max(0, length))))
        }
        if let timer = lookup.record(status: finalStatus, answers: answers, negativeCaching: negativeCaching) {
            channel.cancel(timer: timer)
        }
    }

    private static func parseA(_ buffer: UnsafeMutablePointer<UInt8>, _ length: Int32, into answers: inout [DNSAnswer]) -> Int32 {
        var records = [ares_addrttl](repeating: ares_addrttl(), count: 64)
        var count = Int32(records.count)
        let status = ares_parse_a_reply(buffer, length, nil, &records, &count)
        guard status == ARES_SUCCESS else { return status }
        for var record in records.prefix(Int(count)) {
            if let address = withUnsafeBytes(of: &record.ipaddr, { IPAddress(bytes: $0) }) {
                answers.append(DNSAnswer(address: address, ttl: Int(record.ttl)))
            }
        }
        return count > 0 ? ARES_SUCCESS : ARES_ENODATA
    }

    private static func parseAAAA(_ buffer: UnsafeMutablePointer<UInt8>, _ length: Int32, into answers: inout [DNSAnswer]) -> Int32 {
        var records = [ares_addr6ttl](repeating: ares_addr6ttl(), count: 64)
        var count = Int32(records.count)
        let status = ares_parse_aaaa_reply(buffer, length, nil, &records, &count)
        guard status == ARES_SUCCESS else { return status }
        for var record in records.prefix(Int(count)) {
            if let address = withUnsafeBytes(of: &record.ip6addr, { IPAddress(bytes: $0) }) {
                answers.append(DNSAnswer(address: address, ttl: Int(record.ttl)))
            }
        }
        return count > 0 ? ARES_SUCCESS : ARES_ENODATA
    }
}
