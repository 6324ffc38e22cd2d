import ProbeEngine
import Testing

/// The body is searched for the expected text as it streams by.
@Suite("HTTPResponseParser body match")
struct HTTPResponseParserBodyMatchTests {
    static func contentLengthResponse(_ body: [UInt8]) -> [UInt8] {
        Array("HTTP/1.1 200 OK\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    @Test("the expected text is found when a read boundary falls anywhere inside it")
    func needleSplitAtEveryPosition() throws {
        let head = Self.contentLengthResponse(Array("xxThis is test serverxx".utf8))
        let bodyStart = head.count - 23
        for cut in bodyStart...head.count {
            var parser = HTTPResponseParser(expectedBody: ParserFeeder.expectedText)
            _ = try head[..<cut].withUnsafeBytes { try parser.parse($0) }
            let complete = try head[cut...].withUnsafeBytes { try parser.parse($0) }
            #expect(complete)
            #expect(parser.bodyContainsExpected, "cut at \(cut)")
        }
    }

    @Test("the expected text split across chunks is found")
    func needleAcrossChunks() {
        let response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3\r\nThi\r\n1\r\ns\r\n8\r\n is test\r\n7\r\n server\r\n0\r\n\r\n"
        for split in ReadSplit.all {
            #expect(ParserFeeder.run(Array(response.utf8), split: split) == .complete(200, "OK", body: 19, matched: true))
        }
    }

    @Test("a body that only almost contains the text does not match", arguments: [
        "This is test serve", "his is test server", "This is  test server", "this is test server", "This is test\r\nserver",
    ])
    func nearMisses(body: String) {
        let outcome = ParserFeeder.run(Self.contentLengthResponse(Array(body.utf8)), split: .byteByByte)
        #expect(outcome == .complete(200, "OK", body: body.utf8.count, matched: false))
    }

    @Test("streaming search agrees with a plain search on random bodies and needles")
    func agreesWithPlainSearch() {
        var generator = SplitMix64(seed: 42)
        let alphabet = Array("ab".utf8)
        var matches = 0
        for round in 0..<2000 {
            let needle = (0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let body = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let expected = Self.plainSearch(needle, in: body)
            matches += expected ? 1 : 0
            let split = ReadSplit.random(seed: UInt64(round), maxPiece: 5)
            let outcome = ParserFeeder.run(Self.contentLengthResponse(body), split: split, expectedBody: needle)
            #expect(outcome.bodyContainsExpected == expected, "needle \(needle) body \(body)")
        }
        #expect(matches > 200 && matches < 1800, "the random cases should both match and miss")
    }

    @Test("an empty expected text always matches, even without a body")
    func emptyNeedle() {
        let outcome = ParserFeeder.run(Array("HTTP/1.1 204 No Content\r\n\r\n".utf8), expectedBody: [])
        #expect(outcome == .complete(204, "No Content", body: 0, matched: true))
    }

    @Test("the body preview shows the start of the body on one line", arguments: [
        ("<html>\r\n  <title>403 Forbidden</title>\r\n</html>\r\n", "<html> <title>403 Forbidden</title> </html>"),
        ("\n\tエラー: アクセス拒否\n", "エラー: アクセス拒否"),
        (String(repeating: "0123456789", count: 10), String(repeating: "0123456789", count: 8) + "…"),
        ("", ""),
    ])
    func bodyPreview(body: String, preview: String) throws {
        var parser = HTTPResponseParser()
        let response = Self.contentLengthResponse(Array(body.utf8))
        #expect(try response.withUnsafeBytes { try parser.parse($0) })
        #expect(parser.bodyPreview == preview)
    }

    private static func plainSearch(_ needle: [UInt8], in body: [UInt8]) -> Bool {
        guard body.count >= needle.count else { return false }
        return (0...(body.count - needle.count)).contains { Array(body[$0..<($0 + needle.count)]) == needle }
    }
}
