/// Fixed-point text for durations, computed from the exact integer parts of
/// `Duration` so reports never show binary floating-point noise such as
/// `2.0999999` or exponent notation.
enum DecimalText {
    /// The duration in the given unit with at most `fractionDigits` decimals,
    /// rounded half up, trailing zeros dropped: `2.1`, `0.004`, `41`.
    static func format(_ duration: Duration, unitsPerSecond: Int64, fractionDigits: Int) -> String {
        if duration < .zero {
            return "-" + format(.zero - duration, unitsPerSecond: unitsPerSecond, fractionDigits: fractionDigits)
        }
        var scale: Int64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let stepsPerSecond = unitsPerSecond * scale
        let attosecondsPerStep = 1_000_000_000_000_000_000 / stepsPerSecond
        let parts = duration.components
        let steps = parts.seconds * stepsPerSecond + (parts.attoseconds + attosecondsPerStep / 2) / attosecondsPerStep
        let whole = String(steps / scale)
        guard fractionDigits > 0 else { return whole }
        var fraction = String(steps % scale)
        fraction = String(repeating: "0", count: fractionDigits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? whole : "\(whole).\(fraction)"
    }

    /// Milliseconds with three decimals, the unit of JSON timings.
    static func milliseconds(_ duration: Duration) -> String {
        format(duration, unitsPerSecond: 1000, fractionDigits: 3)
    }

    /// Seconds with six decimals, the unit of JUnit `time` attributes:
    /// checks inside a VPC take well under a millisecond.
    static func seconds(_ duration: Duration) -> String {
        format(duration, unitsPerSecond: 1, fractionDigits: 6)
    }
}
