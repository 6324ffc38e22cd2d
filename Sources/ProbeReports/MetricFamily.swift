public import ProbeCore

/// One metric family of a Prometheus exposition: a name, what kind of
/// number it is, its help text, and its samples.
///
/// The name is the family's base name as OpenMetrics writes it: a counter's
/// is without `_total`, which the renderer appends to samples (and, in the
/// Prometheus text format, to the family name too), so one family renders
/// correctly in both formats.
public struct MetricFamily: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case gauge, counter
    }

    public var name: String
    public var kind: Kind
    public var help: String
    /// The OpenMetrics unit (`seconds`, `bytes`); the name must end with `_UNIT`.
    public var unit: String?
    public var samples: [MetricSample]

    public init(name: String, kind: Kind, help: String, unit: String? = nil, samples: [MetricSample]) {
        self.name = name
        self.kind = kind
        self.help = help
        self.unit = unit
        self.samples = samples
    }
}

/// One sample of a family: its labels, in order, and its value.
public struct MetricSample: Hashable, Sendable {
    public var labels: [Label]
    public var value: MetricValue

    public init(_ labels: [Label], _ value: MetricValue) {
        self.labels = labels
        self.value = value
    }

    /// A sample with no labels, the only one of its family.
    public init(_ value: MetricValue) {
        self.init([], value)
    }
}

/// A label pair. Names are fixed identifiers chosen by plprobe; values are escaped when rendered.
public struct Label: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A sample value, kept in the form it was measured in so that each renders
/// exactly: durations and timestamps in fixed-point seconds, never as binary
/// floating-point noise such as `0.0020999999`.
public enum MetricValue: Hashable, Sendable {
    case integer(Int64)
    case seconds(Duration)
    case timestamp(Timestamp)
    case number(Double)

    public static func flag(_ value: Bool) -> MetricValue { .integer(value ? 1 : 0) }

    public static func count(_ value: Int) -> MetricValue { .integer(Int64(value)) }

    var text: String {
        switch self {
        case .integer(let value):
            return String(value)
        case .seconds(let duration):
            return DecimalText.format(duration, unitsPerSecond: 1, fractionDigits: 9)
        case .timestamp(let timestamp):
            return DecimalText.format(
                .nanoseconds(Int64((timestamp.secondsSince1970 * 1000).rounded()) * 1_000_000),
                unitsPerSecond: 1, fractionDigits: 3)
        case .number(let value):
            if value.isNaN { return "NaN" }
            if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
    }
}
