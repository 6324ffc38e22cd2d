import ProbeCore

/// Reads the HTTP `Date` header (RFC 9110 section 5.6.7), so the server's
/// clock can be compared with this host's when a certificate looks expired
/// or not yet valid.
package enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Parses the preferred IMF-fixdate form, `Sun, 06 Nov 1994 08:49:37 GMT`,
    /// and the obsolete RFC 850 form, `Sunday, 06-Nov-94 08:49:37 GMT`;
    /// `nil` for anything else.
    package static func parse(_ text: String) -> Timestamp? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 3, words.last == "GMT" else { return nil }
        var day: Int?
        var month: Int?
        var year: Int?
        if words.count == 6 {
            day = Int(words[1])
            month = months.firstIndex(of: words[2].lowercased()).map { $0 + 1 }
            year = Int(words[3])
        } else if words.count == 4 {
            let parts = words[1].split(separator: "-")
            guard parts.count == 3 else { return nil }
            day = Int(parts[0])
            month = months.firstIndex(of: parts[1].lowercased()).map { $0 + 1 }
            year = Int(parts[2]).map { $0 < 70 ? 2000 + $0 : ($0 < 100 ? 1900 + $0 : $0) }
        }
        let clock = words[words.count - 2].split(separator: ":").compactMap { Int($0) }
        guard let day, let month, let year, (1...31).contains(day), (1970...9999).contains(year),
              clock.count == 3, (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...60).contains(clock[2])
        else { return nil }
        let seconds = daysSince1970(year: year, month: month, day: day) * 86400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
        return Timestamp(secondsSince1970: Double(seconds))
    }

    /// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
