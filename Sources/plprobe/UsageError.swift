/// Bad usage or bad configuration found after argument parsing (a probe
/// file, a trust store, a report path): exit status 2, nothing probed.
struct UsageError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
