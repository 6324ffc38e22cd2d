import ArgumentParser
import Foundation
import ProbeCore
import ProbeEngine
import ProbeReports

/// Probes a list of targets and reports the results: the one path shared
/// by `plprobe check` and `plprobe lab`.
struct CheckRun {
    var targets: [ProbeTarget]
    var concurrency: Int
    var engineOptions: ProbeEngine.Options
    var reports: [ReportRequest]
    /// Whether a progress line may be drawn (never with --quiet).
    var showsProgress: Bool

    /// Runs every probe and writes the reports; the exit status is 0 when
    /// every target passed and 1 otherwise.
    func execute() async throws(UsageError) -> ExitCode {
        FileDescriptorLimit.raiseToHardLimit()
        let engine = ProbeEngine(options: engineOptions)
        defer { engine.shutdown() }
        do throws(InputError) {
            try engine.preflight(targets)
        } catch {
            throw UsageError(error.description)
        }
        let startedAt = Timestamp.now
        let clock = ContinuousClock()
        let start = clock.now
        let results: [TargetReport]
        if showsProgress && Console.errorIsTerminal {
            results = await ProgressLine.shown(total: targets.count) { line in
                await collect(from: engine) { await line.record($0.verdict) }
            }
        } else {
            results = await collect(from: engine) { _ in }
        }
        let run = RunInfo(
            startedAt: startedAt, duration: clock.now - start,
            toolVersion: PLProbe.version, hostname: Self.hostname)
        try ReportWriter.write(reports, targets: results, run: run)
        return results.allSatisfy { $0.verdict == .pass } ? .success : ExitCode(1)
    }

    /// This machine's name from gethostname(2), which unlike Foundation's
    /// `hostName` never asks DNS.
    static var hostname: String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Every target's final report, in the order the targets were given
    /// (the engine yields them in completion order).
    private func collect(from engine: ProbeEngine, each: (TargetReport) async -> Void) async -> [TargetReport] {
        var results: [TargetReport] = []
        results.reserveCapacity(targets.count)
        for await report in engine.run(targets, concurrency: concurrency) {
            results.append(report)
            await each(report)
        }
        // Target names are unique (files and the command line reject
        // duplicates), and a name hashes far faster than a whole target.
        var position: [String: Int] = [:]
        for (index, target) in targets.enumerated() where position[target.name] == nil {
            position[target.name] = index
        }
        var ordered = [TargetReport?](repeating: nil, count: targets.count)
        var unplaced: [TargetReport] = []
        for report in results {
            if let index = position[report.target.name], ordered[index] == nil {
                ordered[index] = report
            } else {
                unplaced.append(report)
            }
        }
        return ordered.compactMap { $0 } + unplaced
    }
}
