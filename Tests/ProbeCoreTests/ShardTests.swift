@testable import ProbeCore
import Testing

@Suite("Shards: a stable partition of targets by name")
struct ShardTests {
    /// Names shaped like real ones: lab names, endpoint names, and near-duplicates.
    static let names: [String] =
        (0..<500).map { "n\($0).lab.plprobe.test" }
        + (0..<100).map { "vpce-\($0)-payments.eu-west-1.privatelink.example" }
        + ["privatelink.test.cloud5.jp", "a", "b", "", "é", "日本"]

    @Test("every target is in exactly one shard", arguments: [1, 2, 3, 4, 7, 10, 64])
    func partition(count: Int) throws {
        let shards = try (0..<count).map { index throws(InputError) in try Shard(index: index, count: count) }
        for name in Self.names {
            #expect(shards.count(where: { $0.contains(name) }) == 1, "\(name) with \(count) shards")
        }
    }

    @Test("shards share the work", arguments: [2, 3, 4, 7, 10])
    func balance(count: Int) throws {
        let sizes = try (0..<count).map { index throws(InputError) in
            let shard = try Shard(index: index, count: count)
            return Self.names.count(where: shard.contains)
        }
        let fair = Double(Self.names.count) / Double(count)
        #expect(sizes.allSatisfy { Double($0) > fair * 0.6 && Double($0) < fair * 1.4 }, "sizes \(sizes)")
    }

    /// Published FNV-1a 64 test vectors: the partition must never depend on the process or the release.
    @Test("the hash is FNV-1a 64", arguments: [
        ("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8),
    ])
    func fnv(text: String, hash: UInt64) {
        #expect(Shard.fnv1a64(text) == hash)
    }

    @Test("K/N parses, 0-based")
    func parsing() throws {
        let shard = try Shard(parsing: "2/3")
        #expect(shard.index == 2 && shard.count == 3)
        #expect(shard.description == "2/3")
        #expect(try Shard(parsing: "0/1") == Shard.all)
    }

    @Test("bad shards say what is wrong", arguments: [
        ("3/3", "0-based"), ("-1/3", "0-based"), ("1/0", "count 0"), ("1", "K/N"), ("a/b", "K/N"), ("1/2/3", "K/N"),
        ("0/10001", "count 10001"),
    ])
    func badShards(text: String, mention: String) {
        #expect {
            try Shard(parsing: text)
        } throws: { error in
            (error as? InputError)?.message.contains(mention) == true
        }
    }
}
