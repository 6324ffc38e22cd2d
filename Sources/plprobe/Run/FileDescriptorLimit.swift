import Glibc

/// Every probe in flight holds a socket, and `plprobe lab` holds the other
/// end too: the usual soft limit of 1,024 descriptors would cap a run far
/// below `--concurrency`'s range, so the soft limit is raised to the hard one.
enum FileDescriptorLimit {
    static func raiseToHardLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
