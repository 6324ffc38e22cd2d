/// One cause and how to judge it from the evidence.
struct Rule: Sendable {
    let cause: Cause
    let assess: @Sendable (EvidenceFacts) -> Assessment
}

/// What a rule concluded about its cause.
enum Assessment {
    /// The evidence fits the cause.
    case matched(Finding)
    /// The evidence excludes the cause, for this reason.
    case ruledOut(String)
    /// The evidence says nothing either way (the check never got that far).
    case notJudged
}

/// The details of a matched cause.
struct Finding {
    var confidence: Confidence
    var summary: String
    var evidence: [String]
    var nextSteps: [String]
}
