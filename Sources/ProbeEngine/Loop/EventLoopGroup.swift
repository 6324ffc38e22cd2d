import Glibc

/// A fixed set of event loops, about one per core.
final class EventLoopGroup: Sendable {
    let loops: [EventLoop]

    /// Rates are for the whole group; each loop paces its equal share.
    init(threads: Int, dnsQueriesPerSecond: Double?, connectionsPerSecond: Double?) {
        let count = threads > 0 ? threads : max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        loops = (0..<count).map { _ in
            EventLoop(
                dnsPacer: dnsQueriesPerSecond.map { RatePacer(perSecond: $0 / Double(count)) },
                connectPacer: connectionsPerSecond.map { RatePacer(perSecond: $0 / Double(count)) })
        }
        for (index, loop) in loops.enumerated() { loop.start(name: "plprobe-loop-\(index)") }
    }

    /// The loop that owns work for `key`, stable for a key so that identical
    /// names meet on one loop and share one DNS query.
    func loop(for key: String) -> EventLoop {
        var hasher = Hasher()
        hasher.combine(key)
        return loops[Int(UInt(bitPattern: hasher.finalize()) % UInt(loops.count))]
    }

    func shutdown() {
        for loop in loops { loop.stopAndJoin() }
    }
}
