import Testing
@testable import ProbeEngine

@Suite("Timer heap")
struct TimerHeapTests {
    @Test("due timers fire in deadline order and cancelled ones never fire")
    func order() {
        var heap = TimerHeap()
        var fired: [Int] = []
        var generator = SystemRandomNumberGenerator()
        var ids: [Int: UInt64] = [:]
        let deadlines = (0..<200).map { _ in UInt64.random(in: 1...1_000, using: &generator) }
        for (index, deadline) in deadlines.enumerated() {
            ids[index] = heap.schedule(at: deadline) { fired.append(index) }
        }
        let cancelled = Set(stride(from: 0, to: 200, by: 7))
        for index in cancelled { heap.cancel(ids[index]!) }
        #expect(heap.nextDeadline() == deadlines.enumerated().filter { !cancelled.contains($0.offset) }.map(\.element).min())
        for action in heap.popDue(now: 500) { action() }
        for action in heap.popDue(now: 1_000) { action() }
        #expect(Set(fired) == Set(0..<200).subtracting(cancelled))
        #expect(fired.map { deadlines[$0] } == fired.map { deadlines[$0] }.sorted())
        #expect(heap.nextDeadline() == nil)
        #expect(heap.isEmpty)
    }

    @Test("nothing is due before its deadline")
    func notEarly() {
        var heap = TimerHeap()
        _ = heap.schedule(at: 100) {}
        #expect(heap.popDue(now: 99).isEmpty)
        #expect(heap.popDue(now: 100).count == 1)
    }
}
