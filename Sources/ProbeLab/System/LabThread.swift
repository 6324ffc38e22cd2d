import Glibc

/// A joinable thread. `Lab.stop()` promises that nothing runs afterwards,
/// which needs `pthread_join`; Foundation's `Thread` cannot be joined.
struct LabThread: Sendable {
    private let handle: pthread_t

    /// Starts `body` on a new thread; `name` says which in error messages.
    init(name: String, _ body: @escaping @Sendable () -> Void) throws(LabError) {
        let box = Unmanaged.passRetained(ThreadBody(run: body)).toOpaque()
        var handle = pthread_t()
        let status = pthread_create(&handle, nil, { raw in
            let body = Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue()
            body.run()
            return nil
        }, box)
        guard status == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(box).release()
            throw LabError("start thread \(name): \(errnoText(status))", hint: "the process may have reached its thread limit (ulimit -u)")
        }
        self.handle = handle
    }

    /// Waits for the thread's body to return.
    func join() {
        _ = pthread_join(handle, nil)
    }
}

private final class ThreadBody {
    let run: @Sendable () -> Void

    init(run: @escaping @Sendable () -> Void) {
        self.run = run
    }
}
