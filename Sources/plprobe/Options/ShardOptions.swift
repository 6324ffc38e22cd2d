import ArgumentParser
import ProbeCore

/// `--shard K/N`: this process's share of the targets, so N processes split a
/// fleet-sized probe file between them without a scheduler of plprobe's own.
struct ShardOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Probe only shard K of N of the targets, split stably by name; K is 0-based. (default: every target)",
            discussion: "Every target is in exactly one of the N shards, decided by a fixed hash of its name, so N processes given 0/N ... N-1/N together cover every target once. In a Kubernetes Indexed Job: --shard $(JOB_COMPLETION_INDEX)/N.",
            valueName: "k/n"),
        transform: { text throws(InputError) in try Shard(parsing: text) })
    var shard: Shard?

    /// The targets of this shard, in their given order.
    func select(_ targets: [ProbeTarget]) -> [ProbeTarget] {
        guard let shard else { return targets }
        return targets.filter { shard.contains($0.name) }
    }
}
