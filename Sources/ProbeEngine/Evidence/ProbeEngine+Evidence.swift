public import ProbeCore

extension ProbeEngine {
    /// Gathers what a diagnosis needs beyond the check's own report: every
    /// resolver of the check asked on its own, and each failed address probed
    /// again on the other scheme or port, or with its certificate chain, the
    /// server's `Date` and the start of the body recorded.
    ///
    /// Returns within `limit` (plus scheduling slack) whatever answers; what
    /// did not answer in time is named in `Observations.unfinished`.
    public func gatherEvidence(for report: TargetReport, within limit: Duration) async -> Observations {
        let loop = group.loop(for: report.target.url.host)
        let plan = EvidencePlan(report: report)
        return await withCheckedContinuation { continuation in
            loop.execute {
                EvidenceGathering(loop: loop, plan: plan, limit: limit) { continuation.resume(returning: $0) }.start()
            }
        }
    }
}
