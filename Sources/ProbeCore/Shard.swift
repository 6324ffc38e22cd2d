/// One of N disjoint shares of a target list, so that N processes (the pods
/// of a Kubernetes Indexed Job, the replicas of a StatefulSet) each probe
/// their own share and together probe every target exactly once.
///
/// A target belongs to shard `FNV-1a-64(name) % count`. The hash is fixed
/// (unlike Swift's per-process seeded `Hasher`), so every process, on every
/// machine and release, agrees on the partition; adding or removing a target
/// moves no other target. Indexes are 0-based, like Kubernetes'
/// `JOB_COMPLETION_INDEX` and StatefulSet ordinals: `--shard 0/3`, `1/3`, `2/3`.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    /// 0-based, less than `count`.
    public let index: Int
    public let count: Int

    /// The largest shard count accepted; far beyond any fleet, small enough to catch typos.
    public static let maximumCount = 10_000

    public init(index: Int, count: Int) throws(InputError) {
        guard (1...Self.maximumCount).contains(count) else {
            throw InputError("shard count \(count) is not from 1 to \(Self.maximumCount)")
        }
        guard (0..<count).contains(index) else {
            throw InputError("shard index \(index) is not from 0 to \(count - 1); indexes are 0-based, like JOB_COMPLETION_INDEX")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`: shard K (0-based) of N.
    public init(parsing text: String) throws(InputError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw InputError("shard '\(text)' is not K/N; write e.g. 0/3 for the first of three shards (K is 0-based)")
        }
        try self.init(index: index, count: count)
    }

    /// The whole list as one shard.
    public static let all = try! Shard(index: 0, count: 1)

    public var description: String { "\(index)/\(count)" }

    /// Whether the target named `name` is in this shard.
    public func contains(_ name: String) -> Bool {
        Self.index(of: name, count: count) == index
    }

    /// The shard, out of `count`, that the target named `name` belongs to.
    public static func index(of name: String, count: Int) -> Int {
        Int(fnv1a64(name) % UInt64(count))
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes: tiny, fixed, and spreads short similar names well.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
