import Testing
import ProbeCore

@Suite("Durations and status lists")
struct ValueTextTests {
    @Test("durations", arguments: [
        ("250ms", 0.25), ("5s", 5), ("10m", 600), ("1h", 3600), ("1m30s", 90), ("1.5s", 1.5), ("0s", 0),
    ])
    func durations(text: String, seconds: Double) throws {
        #expect(try Duration(parsing: text).seconds == seconds)
    }

    @Test("bad durations name the text and the syntax", arguments: ["5", "5 s", "s", "", "5d", "-1s", "1.2.3s", "9999999h"])
    func badDurations(text: String) {
        #expect {
            try Duration(parsing: text)
        } throws: { error in
            (error as? InputError)?.message.contains("'\(text)'") == true
        }
    }

    @Test("duration text round-trips", arguments: ["250ms", "5s", "10m", "1h", "90s"])
    func durationText(text: String) throws {
        let duration = try Duration(parsing: text)
        #expect(try Duration(parsing: duration.probeText) == duration)
    }

    @Test("status lists", arguments: [
        ("2xx", 200, true), ("2xx", 299, true), ("2xx", 301, false), ("200,204", 204, true), ("200,204", 201, false),
        ("200-299,404", 404, true), ("5xx", 503, true),
    ])
    func status(text: String, code: Int, accepted: Bool) throws {
        #expect(try StatusExpectation(parsing: text).accepts(code) == accepted)
    }

    @Test("bad status lists", arguments: ["", "2x", "abc", "99", "600", "299-200", "200,,204", "6xx"])
    func badStatus(text: String) {
        #expect(throws: InputError.self) { try StatusExpectation(parsing: text) }
    }
}
