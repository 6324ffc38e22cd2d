#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ProbeReports

/// The standard `process_*` metrics every Prometheus client library exports,
/// read from /proc on Linux (empty elsewhere), so dashboards built for other
/// exporters show plprobe's CPU, memory and descriptors unchanged.
enum ProcessMetrics {
    static func families() -> [MetricFamily] {
        #if os(Linux)
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let fields = statFields(stat) else { return [] }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let pageSize = Int64(sysconf(Int32(_SC_PAGESIZE)))
        // Field N of proc(5) is fields[N - 3]: utime 14, stime 15, starttime 22, vsize 23, rss 24.
        let cpuSeconds = (Double(fields[11]) + Double(fields[12])) / ticks
        let startSeconds = bootTime().map { $0 + Double(fields[19]) / ticks }
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let openFiles = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        var families = [
            family("process_cpu_seconds", .counter, "User and system CPU time spent, in seconds.", unit: "seconds", .number(cpuSeconds)),
            family("process_resident_memory_bytes", .gauge, "Resident memory size, in bytes.", unit: "bytes", .integer(fields[21] * pageSize)),
            family("process_virtual_memory_bytes", .gauge, "Virtual memory size, in bytes.", unit: "bytes", .integer(fields[20])),
            family("process_open_fds", .gauge, "Open file descriptors.", .count(openFiles)),
            family("process_max_fds", .gauge, "The limit on open file descriptors.", .integer(Int64(clamping: limit.rlim_cur))),
        ]
        if let startSeconds {
            families.append(family(
                "process_start_time_seconds", .gauge, "When the process started, in seconds since 1970.", unit: "seconds", .number(startSeconds)))
        }
        return families
        #else
        return []
        #endif
    }

    private static func family(_ name: String, _ kind: MetricFamily.Kind, _ help: String, unit: String? = nil, _ value: MetricValue) -> MetricFamily {
        MetricFamily(name: name, kind: kind, help: help, unit: unit, samples: [MetricSample(value)])
    }

    /// The fields after `(comm)`, which may itself hold spaces and parentheses,
    /// as numbers (the state letter, field 3, reads as 0).
    static func statFields(_ stat: String) -> [Int64]? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ").map { Int64($0) ?? 0 }
        return fields.count >= 22 ? Array(fields) : nil
    }

    /// The boot time from /proc/stat's `btime`, in seconds since 1970.
    private static func bootTime() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
        return stat.split(separator: "\n").first { $0.hasPrefix("btime ") }.flatMap { Double($0.dropFirst(6)) }
    }
}
