import ProbeCore

/// Short, human-scaled numbers and times for the text report.
enum TextFormatting {
    /// `0.3 ms`, `41 ms`, `6.2 s`, `2m 5s`: precise where it matters, short elsewhere.
    static func duration(_ duration: Duration) -> String {
        if duration < .milliseconds(10) {
            return DecimalText.format(duration, unitsPerSecond: 1000, fractionDigits: 1) + " ms"
        }
        if duration < .seconds(1) {
            return DecimalText.format(duration, unitsPerSecond: 1000, fractionDigits: 0) + " ms"
        }
        if duration < .seconds(60) {
            return DecimalText.format(duration, unitsPerSecond: 1, fractionDigits: 1) + " s"
        }
        let seconds = Int(DecimalText.format(duration, unitsPerSecond: 1, fractionDigits: 0)) ?? 0
        return "\(seconds / 60)m \(seconds % 60)s"
    }

    /// The UTC time of day (`10:42:01Z`): attempts of one run share a date.
    static func timeOfDay(_ timestamp: Timestamp) -> String {
        let text = timestamp.rfc3339
        guard let separator = text.firstIndex(of: "T") else { return text }
        return String(text[text.index(after: separator)...].prefix(8)) + "Z"
    }

    /// `1 attempt`, `3 attempts`.
    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(value) " + (value == 1 ? noun : plural ?? noun + "s")
    }
}
