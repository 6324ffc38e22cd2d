import Glibc
internal import CPLProbeLinux
import Synchronization

/// Something with a file descriptor registered on an event loop.
protocol EventLoopHandler: AnyObject {
    /// Called on the loop thread with the epoll event bits that fired.
    func handleEvents(_ events: IOEvents)
}

/// One thread multiplexing many non-blocking sockets with epoll, plus timers.
///
/// Everything registered on a loop is touched only by that loop's thread:
/// sockets, OpenSSL sessions and the c-ares channel. Other threads talk to it
/// solely through `execute`, so no per-probe locking is needed.
final class EventLoop: @unchecked Sendable {
    private let epollFD: Int32
    private let wakeFD: Int32
    private let pending = Mutex<[@Sendable () -> Void]>([])
    private let stopping = Atomic<Bool>(false)
    private var handlers: [Int32: EventLoopHandler] = [:]
    private var timers = TimerHeap()
    private var thread: pthread_t?
    /// Scratch space for socket reads, shared by every probe on this loop so
    /// a probe in flight holds no read buffer of its own.
    private(set) var readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 * 1024, alignment: 16)
    /// Per-loop state owned by other layers (the DNS resolver), created lazily on the loop.
    var resolver: AnyObject?
    /// This loop's share of the engine's DNS query and connection rates.
    var dnsPacer: RatePacer?
    var connectPacer: RatePacer?

    init(dnsPacer: RatePacer? = nil, connectPacer: RatePacer? = nil) {
        self.dnsPacer = dnsPacer
        self.connectPacer = connectPacer
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        precondition(epollFD >= 0 && wakeFD >= 0, "epoll/eventfd unavailable: errno \(errno)")
        var event = epoll_event(events: EPOLLIN.rawValue, data: epoll_data(fd: wakeFD))
        epoll_ctl(epollFD, EPOLL_CTL_ADD, wakeFD, &event)
    }

    deinit {
        close(epollFD)
        close(wakeFD)
        readBuffer.deallocate()
    }

    /// Starts the loop's thread.
    func start(name: String) {
        let box = Unmanaged.passRetained(self)
        var created = pthread_t()
        let result = pthread_create(&created, nil, { argument in
            let loop = Unmanaged<EventLoop>.fromOpaque(argument!).takeRetainedValue()
            loop.run()
            return nil
        }, box.toOpaque())
        precondition(result == 0, "pthread_create failed: \(result)")
        CPLProbeLinux_pthread_setname_np(created, String(name.prefix(15)))
        thread = created
    }

    /// Stops the loop after the tasks already queued and waits for its thread.
    func stopAndJoin() {
        stopping.store(true, ordering: .releasing)
        wake()
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }

    /// Runs `task` on the loop thread; callable from any thread.
    func execute(_ task: @escaping @Sendable () -> Void) {
        let wasEmpty = pending.withLock { queue in
            queue.append(task)
            return queue.count == 1
        }
        if wasEmpty { wake() }
    }

    // MARK: Loop-thread API

    func register(_ fd: Int32, events: IOEvents, handler: EventLoopHandler) -> Bool {
        var event = epoll_event(events: events.rawValue, data: epoll_data(fd: fd))
        guard epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) == 0 else { return false }
        handlers[fd] = handler
        return true
    }

    func modify(_ fd: Int32, events: IOEvents) {
        var event = epoll_event(events: events.rawValue, data: epoll_data(fd: fd))
        epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event)
    }

    func unregister(_ fd: Int32) {
        guard handlers.removeValue(forKey: fd) != nil else { return }
        epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
    }

    /// Calls `action` on the loop thread once `deadline` (monotonic ns) passes.
    func schedule(at deadline: UInt64, _ action: @escaping () -> Void) -> UInt64 {
        timers.schedule(at: deadline, action)
    }

    func cancelTimer(_ id: UInt64) {
        timers.cancel(id)
    }

    // MARK: The loop

    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    private func run() {
        let capacity = 512
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        while true {
            runPendingTasks()
            if stopping.load(ordering: .acquiring) && handlers.isEmpty { break }
            let count = epoll_wait(epollFD, events, Int32(capacity), waitMilliseconds())
            if count < 0 && errno != EINTR { break }
            for index in 0..<max(0, Int(count)) {
                let event = events[index]
                if event.data.fd == wakeFD {
                    var value: UInt64 = 0
                    _ = read(wakeFD, &value, 8)
                } else {
                    handlers[event.data.fd]?.handleEvents(IOEvents(rawValue: event.events))
                }
            }
            for action in timers.popDue(now: MonotonicClock.now()) { action() }
            if stopping.load(ordering: .acquiring) { handlers.removeAll() }
        }
    }

    private func runPendingTasks() {
        let tasks = pending.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
        for task in tasks { task() }
    }

    /// How long epoll may sleep: until the next timer, rounded up to a whole
    /// millisecond so a timer never fires early.
    private func waitMilliseconds() -> Int32 {
        guard let deadline = timers.nextDeadline() else { return -1 }
        let now = MonotonicClock.now()
        guard deadline > now else { return 0 }
        return Int32(min((deadline - now + 999_999) / 1_000_000, 60_000))
    }
}
