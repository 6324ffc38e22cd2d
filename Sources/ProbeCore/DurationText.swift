extension Duration {
    /// Parses the duration syntax of the interface: `250ms`, `5s`, `10m`,
    /// `1h`, and combinations such as `1m30s`. Fractions are allowed (`1.5s`).
    public init(parsing text: String) throws(InputError) {
        let units: [(String, Double)] = [("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        var seconds = 0.0
        var rest = Substring(text)
        guard !rest.isEmpty else { throw InputError("duration '\(text)' is empty; write e.g. 250ms, 5s, 10m or 1h") }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(unitText.count)
            guard let value = Double(number), value.isFinite,
                  let unit = units.first(where: { $0.0 == unitText }) else {
                throw InputError("duration '\(text)' is not valid; write a number with a unit: ms, s, m or h (e.g. 250ms, 5s, 10m, 1h)")
            }
            seconds += value * unit.1
        }
        guard seconds <= 366 * 86400 else { throw InputError("duration '\(text)' is longer than a year") }
        self = .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// Seconds as a floating-point number, for reports and arithmetic.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// Milliseconds as a floating-point number, the unit of report timings.
    public var milliseconds: Double { seconds * 1000 }

    /// The shortest duration text that parses back to this value.
    public var probeText: String {
        let ms = (seconds * 1000).rounded()
        if ms.truncatingRemainder(dividingBy: 3_600_000) == 0, ms > 0 { return "\(Int(ms / 3_600_000))h" }
        if ms.truncatingRemainder(dividingBy: 60_000) == 0, ms > 0 { return "\(Int(ms / 60_000))m" }
        if ms.truncatingRemainder(dividingBy: 1000) == 0 { return "\(Int(ms / 1000))s" }
        return "\(Int(ms))ms"
    }
}
