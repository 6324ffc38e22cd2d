import ProbeCore
import ProbeEngine
import Testing

@Suite("HTTPDate")
struct HTTPDateTests {
    @Test("reads IMF-fixdate and the obsolete RFC 850 form", arguments: [
        ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777.0),
        ("Sunday, 06-Nov-94 08:49:37 GMT", 784_111_777.0),
        ("Thu, 29 Feb 2024 23:59:59 GMT", 1_709_251_199.0),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0),
    ])
    func parses(_ text: String, _ seconds: Double) {
        #expect(HTTPDate.parse(text) == Timestamp(secondsSince1970: seconds))
    }

    @Test("rejects what is not an HTTP date", arguments: [
        "", "yesterday", "Sun, 06 Nov 1994 08:49:37 CET", "Sun, 32 Nov 1994 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:00:00 GMT", "Sun Nov  6 08:49:37 1994",
    ])
    func rejects(_ text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}

@Suite("NegativeAnswerReader")
struct NegativeAnswerReaderTests {
    /// An NXDOMAIN answer for missing.cloud5.jp with the zone's SOA in the
    /// authority section, its owner name compressed to the question's suffix.
    static func nxdomain(soaTTL: UInt32 = 900, minimum: UInt32 = 300, authorityCount: UInt16 = 1) -> [UInt8] {
        var message: [UInt8] = [0x12, 0x34, 0x81, 0x83, 0, 1, 0, 0]
        message += bytes16(authorityCount) + [0, 0]
        message += name(["missing", "cloud5", "jp"]) + [0, 1, 0, 1]
        // Owner: pointer to "cloud5.jp" inside the question (offset 12 + 8).
        message += [0xC0, 20, 0, 6, 0, 1] + bytes32(soaTTL)
        let rdata = name(["ns", "cloud5", "jp"]) + name(["hostmaster", "cloud5", "jp"])
            + bytes32(2026) + bytes32(7200) + bytes32(900) + bytes32(1_209_600) + bytes32(minimum)
        message += bytes16(UInt16(rdata.count)) + rdata
        return message
    }

    static func name(_ labels: [String]) -> [UInt8] {
        labels.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) } + [0]
    }

    static func bytes16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    static func bytes32(_ value: UInt32) -> [UInt8] { bytes16(UInt16(value >> 16)) + bytes16(UInt16(value & 0xFFFF)) }

    static func read(_ message: [UInt8]) -> NegativeCaching? {
        message.withUnsafeBytes { NegativeAnswerReader.negativeCaching(in: $0) }
    }

    @Test("finds the SOA of the authority section and the negative-caching time")
    func readsSOA() throws {
        let caching = try #require(Self.read(Self.nxdomain()))
        #expect(caching == NegativeCaching(zone: "cloud5.jp", soaTTL: 900, minimum: 300))
        #expect(caching.seconds == 300)
    }

    @Test("every truncation of the message is rejected, never read past its end")
    func truncated() {
        let message = Self.nxdomain()
        for length in 0..<message.count {
            #expect(Self.read(Array(message.prefix(length))) == nil, "length \(length)")
        }
    }

    @Test("no authority records means no negative-caching time")
    func noAuthority() {
        #expect(Self.read(Self.nxdomain(authorityCount: 0)) == nil)
    }

    @Test("a compression pointer loop is rejected")
    func pointerLoop() {
        var message = Self.nxdomain()
        // Point the SOA owner at itself.
        let ownerOffset = 12 + Self.name(["missing", "cloud5", "jp"]).count + 4
        message[ownerOffset + 1] = UInt8(ownerOffset)
        #expect(Self.read(message) == nil)
    }
}
