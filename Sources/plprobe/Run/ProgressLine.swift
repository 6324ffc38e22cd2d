import ProbeCore

/// The `[ 512/1000] 498 passed, 14 failed` line on a terminal's standard
/// error, so a person watching a long run sees it move. It appears only once
/// the run is long (more than a second, or more than 20 targets) and is
/// cleared before the report is printed.
actor ProgressLine {
    private let total: Int
    private let clock = ContinuousClock()
    private let startedAt: ContinuousClock.Instant
    private var passed = 0
    private var failed = 0
    private var drawn: (passed: Int, failed: Int)?

    init(total: Int) {
        self.total = total
        self.startedAt = clock.now
    }

    func record(_ verdict: Verdict) {
        switch verdict {
        case .pass: passed += 1
        case .fail: failed += 1
        }
    }

    /// Redraws the line when the counts changed and the run is long enough.
    func draw() {
        let isLong = total > 20 || clock.now - startedAt > .seconds(1)
        guard isLong, drawn.map({ $0 != (passed, failed) }) ?? true else { return }
        let width = String(total).count
        let done = String(passed + failed)
        let padding = String(repeating: " ", count: max(0, width - done.count))
        Console.writeError("\r[\(padding)\(done)/\(total)] \(passed) passed, \(failed) failed")
        drawn = (passed, failed)
    }

    func clear() {
        guard drawn != nil else { return }
        Console.writeError("\r\u{1B}[2K")
        drawn = nil
    }

    /// Redraws the line at most ten times a second until `body` returns,
    /// then clears it.
    static func shown<Result>(total: Int, while body: (ProgressLine) async -> Result) async -> Result {
        let line = ProgressLine(total: total)
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                await line.draw()
            }
        }
        let result = await body(line)
        ticker.cancel()
        _ = await ticker.value
        await line.clear()
        return result
    }
}
