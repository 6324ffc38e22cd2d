internal import CPLProbeLinux

/// Readiness bits, so that only the loop itself speaks epoll.
struct IOEvents: OptionSet {
    let rawValue: UInt32

    static let readable = IOEvents(rawValue: EPOLLIN.rawValue)
    static let writable = IOEvents(rawValue: EPOLLOUT.rawValue)
    /// Error or hang-up; always reported, whatever was asked for.
    static let failed = IOEvents(rawValue: EPOLLERR.rawValue | EPOLLHUP.rawValue)
}
