/// How sure the diagnosis is: `high` when the evidence leaves one
/// explanation, `medium` when another is still possible, `low` when the
/// failure fits no rule well and the cause is the nearest one.
public enum Confidence: String, Sendable, Comparable, CaseIterable {
    case low, medium, high

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A cause the evidence excludes, with the fact that excludes it.
public struct RuledOutCause: Hashable, Sendable {
    public var cause: Cause
    public var reason: String

    public init(cause: Cause, reason: String) {
        self.cause = cause
        self.reason = reason
    }
}

/// The answer to "why can I not use this endpoint?", in words a person can
/// paste into a ticket.
public struct Diagnosis: Hashable, Sendable {
    public var cause: Cause
    public var confidence: Confidence
    /// One or two sentences: what is wrong, where.
    public var summary: String
    /// The observations that support the cause, one fact per line.
    public var evidence: [String]
    public var ruledOut: [RuledOutCause]
    /// What to do or check, most useful first.
    public var nextSteps: [String]
    /// Other causes the evidence also fits, less likely than `cause`.
    public var alsoSeen: [Cause]

    public init(
        cause: Cause, confidence: Confidence, summary: String, evidence: [String],
        ruledOut: [RuledOutCause] = [], nextSteps: [String] = [], alsoSeen: [Cause] = []
    ) {
        self.cause = cause
        self.confidence = confidence
        self.summary = summary
        self.evidence = evidence
        self.ruledOut = ruledOut
        self.nextSteps = nextSteps
        self.alsoSeen = alsoSeen
    }
}
