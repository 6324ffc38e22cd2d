import Glibc

/// A fixed set of event loops, about one per core.
final class EventLoopGroup: Sendable {
    let loops: [EventLoop]

    init(threads: Int) {
        let count = threads > 0 ? threads : max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        loops = (0..<count).map { _ in EventLoop() }
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
