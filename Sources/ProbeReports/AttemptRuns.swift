import ProbeCore

/// Failed attempts grouped into runs of consecutive attempts with the same
/// codes, so ten minutes of NXDOMAIN retries read as one item, not forty.
struct AttemptRun: Sendable {
    var first: AttemptRecord
    var last: AttemptRecord

    /// Runs shorter than `minimumLength` stay as single attempts, because
    /// `#1 …, #2 …` reads better than a range of two.
    static func runs(_ records: [AttemptRecord], minimumLength: Int = 3) -> [AttemptRun] {
        var groups: [[AttemptRecord]] = []
        for record in records {
            if let previous = groups.last?.last, previous.codes == record.codes, previous.number + 1 == record.number {
                groups[groups.count - 1].append(record)
            } else {
                groups.append([record])
            }
        }
        return groups.flatMap { group in
            group.count >= minimumLength
                ? [AttemptRun(first: group[0], last: group[group.count - 1])]
                : group.map { AttemptRun(first: $0, last: $0) }
        }
    }
}
