import Benchmark
import ProbeReports

/// The report writers over one large run: they run once per `plprobe check`,
/// after every probe, so their cost adds directly to the run's CPU and wall time.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 30)

    let targets = SyntheticReports.make(count: 10_000)
    let run = SyntheticReports.run

    Benchmark("JSONReport.render 10,000 targets") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(JSONReport.render(targets, run: run))
        }
    }

    Benchmark("JUnitReport.render 10,000 targets") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(JUnitReport.render(targets, run: run))
        }
    }

    Benchmark("TextReport.render 10,000 targets") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(TextReport.render(targets, run: run, options: TextReportOptions()))
        }
    }
}
