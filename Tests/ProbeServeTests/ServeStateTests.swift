@testable import ProbeServe
import ProbeCore
import Testing

@Suite("Latest results, counters and standing changes")
struct ServeStateTests {
    static func scheduled(_ name: String, host: String? = nil) throws -> ScheduledTarget {
        ScheduledTarget(
            target: ProbeTarget(name: name, url: try ProbeURL(parsing: "https://\(host ?? name).example/")), interval: .seconds(10))
    }

    static func report(_ scheduled: ScheduledTarget, failing code: FailureCode? = nil) -> TargetReport {
        let address = IPAddress.v4(0x0A00_0117)
        let failure = code.map { ProbeFailure($0, "seen", address: address) }
        return TargetReport(
            target: scheduled.target,
            failedAttempts: code.map { [AttemptRecord(number: 1, startedAt: .now, duration: .milliseconds(3), codes: [$0, $0])] } ?? [],
            dns: DNSReport(answers: [DNSAnswer(address: address, ttl: 60)]),
            paths: [PathReport(address: address, failure: failure)],
            startedAt: .now, duration: .milliseconds(3))
    }

    static func configuration(_ targets: [ScheduledTarget]) -> ServeConfiguration {
        ServeConfiguration(targets: targets) { ProbeTarget(url: $0) }
    }

    @Test("standing changes are reported once: first result, to failing, to another code, back to passing")
    func changes() async throws {
        let target = try Self.scheduled("a")
        let state = ServeState(Self.configuration([target]))
        var seen: [String] = []
        for code in [nil, nil, FailureCode.tcpRefused, .tcpRefused, .tlsExpired, nil] as [FailureCode?] {
            await state.probeStarted()
            if let change = await state.record(Self.report(target, failing: code)) {
                seen.append("\(change.previous.map(\.description) ?? "unknown") -> \(change.current)")
            }
        }
        #expect(seen == [
            "unknown -> pass", "pass -> fail (tcp.refused)", "fail (tcp.refused) -> fail (tls.expired)", "fail (tls.expired) -> pass",
        ])
    }

    @Test("attempts and failures are counted, each code once per attempt")
    func counters() async throws {
        let target = try Self.scheduled("a")
        let state = ServeState(Self.configuration([target]))
        for code in [FailureCode.tcpRefused, .tcpRefused, .tlsExpired] as [FailureCode?] + [nil] {
            await state.probeStarted()
            _ = await state.record(Self.report(target, failing: code))
        }
        let counters = try #require(await state.snapshot().counters["a"])
        #expect(counters.attempts == 4)
        #expect(counters.failures == [.tcpRefused: 2, .tlsExpired: 1])
        #expect(await state.snapshot().probesInFlight == 0)
    }

    @Test("a reload drops removed and redefined targets' results, and stale reports of them")
    func reload() async throws {
        let kept = try Self.scheduled("kept")
        let removed = try Self.scheduled("removed")
        let redefined = try Self.scheduled("redefined")
        let state = ServeState(Self.configuration([kept, removed, redefined]))
        for target in [kept, removed, redefined] {
            await state.probeStarted()
            _ = await state.record(Self.report(target))
        }
        await state.probeStarted()
        await state.apply(Self.configuration([kept, try Self.scheduled("redefined", host: "elsewhere")]))
        #expect(await state.record(Self.report(redefined)) == nil, "a report of the old definition")
        let snapshot = await state.snapshot()
        #expect(snapshot.latest.map(\.target.name) == ["kept"])
        #expect(Set(snapshot.counters.keys) == ["kept", "redefined"])
        #expect(snapshot.counters["redefined"]?.attempts == 1, "redefinition keeps the counter: the name is the series")
    }

    @Test("a failed reload is shown until one succeeds")
    func reloadStatus() async throws {
        let state = ServeState(Self.configuration([]))
        await state.reloadFailed()
        #expect(await state.snapshot().lastReloadSucceeded == false)
        await state.apply(Self.configuration([try Self.scheduled("a")]))
        #expect(await state.snapshot().lastReloadSucceeded == true)
    }
}
