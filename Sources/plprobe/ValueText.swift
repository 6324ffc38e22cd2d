import ProbeCore

/// Parsers for option values that ProbeCore accepts as optionals, with
/// messages naming the text and the expected form. Shared by the command
/// line and probe files so both accept exactly the same values.
enum ValueText {
    static func address(_ text: String) throws(InputError) -> IPAddress {
        guard let address = IPAddress(text) else {
            throw InputError("'\(text)' is not an IPv4 or IPv6 address (e.g. 10.0.1.23 or fd00::17)")
        }
        return address
    }

    static func cidr(_ text: String) throws(InputError) -> CIDR {
        guard let cidr = CIDR(text) else {
            throw InputError("'\(text)' is not an address range; write ADDRESS/LENGTH, e.g. 10.0.0.0/16 or fd00::/8")
        }
        return cidr
    }

    /// `plprobe serve` probes a target at most once a second.
    static let minimumInterval: Duration = .seconds(1)

    static func interval(_ text: String) throws(InputError) -> Duration {
        let interval = try Duration(parsing: text)
        guard interval >= minimumInterval else {
            throw InputError("interval '\(text)' is shorter than \(minimumInterval.probeText); probe a target at most once a second")
        }
        return interval
    }

    /// A rate per second: 0 (no limit) up to a million.
    static func rate(_ text: String) throws(InputError) -> Double {
        guard let value = Double(text), value.isFinite, (0...1_000_000).contains(value) else {
            throw InputError("'\(text)' is not a rate from 0 (no limit) to 1000000 per second")
        }
        return value
    }

    static let concurrencyRange = 1...100_000

    static func concurrency(_ text: String) throws(InputError) -> Int {
        guard let value = Int(text), concurrencyRange.contains(value) else {
            throw InputError("'\(text)' is not a number from \(concurrencyRange.lowerBound) to \(concurrencyRange.upperBound)")
        }
        return value
    }
}
