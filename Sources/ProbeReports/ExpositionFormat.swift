/// The two text formats Prometheus scrapes: its own 0.0.4 text format, which
/// every Prometheus, node_exporter's textfile collector and the Pushgateway
/// read, and OpenMetrics 1.0, which Prometheus asks for first when it scrapes.
public enum ExpositionFormat: String, Hashable, Sendable, CaseIterable {
    case prometheusText
    case openMetrics

    /// The `Content-Type` of a response in this format.
    public var contentType: String {
        switch self {
        case .prometheusText: "text/plain; version=0.0.4; charset=utf-8"
        case .openMetrics: "application/openmetrics-text; version=1.0.0; charset=utf-8"
        }
    }

    /// The families as one exposition. OpenMetrics ends with `# EOF`.
    public func render(_ families: [MetricFamily]) -> String {
        var text = ""
        for family in families where !family.samples.isEmpty {
            append(family, to: &text)
        }
        if self == .openMetrics { text += "# EOF\n" }
        return text
    }

    private func append(_ family: MetricFamily, to text: inout String) {
        let sampleName = family.kind == .counter ? family.name + "_total" : family.name
        // The 0.0.4 format names a counter family after its samples; OpenMetrics after the base name.
        let familyName = self == .prometheusText ? sampleName : family.name
        text += "# HELP \(familyName) \(escapedHelp(family.help))\n"
        text += "# TYPE \(familyName) \(family.kind.rawValue)\n"
        if self == .openMetrics, let unit = family.unit {
            text += "# UNIT \(familyName) \(unit)\n"
        }
        for sample in family.samples {
            text += sampleName
            if !sample.labels.isEmpty {
                text += "{" + sample.labels.map { "\($0.name)=\"\(Self.escapedLabelValue($0.value))\"" }.joined(separator: ",") + "}"
            }
            text += " " + sample.value.text + "\n"
        }
    }

    /// HELP text escapes backslash and newline; OpenMetrics also the double quote.
    private func escapedHelp(_ help: String) -> String {
        Self.escaped(help, quotes: self == .openMetrics)
    }

    /// Label values escape backslash, double quote and newline in both formats.
    static func escapedLabelValue(_ value: String) -> String {
        escaped(value, quotes: true)
    }

    private static func escaped(_ text: String, quotes: Bool) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": escaped.append(contentsOf: "\\n".unicodeScalars)
            case "\"" where quotes: escaped.append(contentsOf: "\\\"".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
