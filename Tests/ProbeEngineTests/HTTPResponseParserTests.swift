import ProbeEngine
import Testing

/// One response as a server might send it, and what the parser must make of it.
struct ResponseCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let serverCloses: Bool
    let expected: ParseOutcome

    init(_ name: String, _ text: String, serverCloses: Bool = false, expected: ParseOutcome) {
        self.init(name, bytes: Array(text.utf8), serverCloses: serverCloses, expected: expected)
    }

    init(_ name: String, bytes: [UInt8], serverCloses: Bool = false, expected: ParseOutcome) {
        self.name = name
        self.bytes = bytes
        self.serverCloses = serverCloses
        self.expected = expected
    }

    var testDescription: String { name }
}

@Suite("HTTPResponseParser framing")
struct HTTPResponseParserTests {
    static let wellFormed: [ResponseCase] = [
        ResponseCase(
            "Content-Length",
            "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nContent-Type: text/html\r\nContent-Length: 20\r\n\r\nThis is test server\n",
            expected: .complete(200, "OK", body: 20, matched: true)),
        ResponseCase(
            "chunked with extensions and trailers",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "7;name=\"a b\"\r\nThis is\r\n00d ; note\r\n test server\n\r\n0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n",
            expected: .complete(200, "OK", body: 20, matched: true)),
        ResponseCase(
            "chunked takes precedence over Content-Length",
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n14\r\nThis is test server\n\r\n0\r\n\r\n",
            expected: .complete(200, "OK", body: 20, matched: true)),
        ResponseCase(
            "close-delimited body ends at end of stream",
            "HTTP/1.0 200 OK\r\nServer: test\r\n\r\nThis is test server\n", serverCloses: true,
            expected: .complete(200, "OK", body: 20, matched: true)),
        ResponseCase(
            "close-delimited body is incomplete while the stream is open",
            "HTTP/1.0 200 OK\r\nServer: test\r\n\r\nThis is test server\n",
            expected: ParseOutcome(status: 200, reason: "OK", bodyByteCount: 20, bodyContainsExpected: true)),
        ResponseCase(
            "other transfer coding is read until close",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\nThis is test server\n", serverCloses: true,
            expected: .complete(200, "OK", body: 20, matched: true)),
        ResponseCase(
            "100 Continue and 103 Early Hints before the final response",
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 19\r\n\r\nThis is test server",
            expected: .complete(200, "OK", body: 19, matched: true)),
        ResponseCase(
            "204 has no body",
            "HTTP/1.1 204 No Content\r\nServer: test\r\n\r\n",
            expected: .complete(204, "No Content", body: 0, matched: false)),
        ResponseCase(
            "304 has no body whatever Content-Length says",
            "HTTP/1.1 304 Not Modified\r\nContent-Length: 500\r\n\r\n",
            expected: .complete(304, "Not Modified", body: 0, matched: false)),
        ResponseCase(
            "Content-Length 0",
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
            expected: .complete(200, "OK", body: 0, matched: false)),
        ResponseCase(
            "bare LF line ends",
            "HTTP/1.1 200 OK\nContent-Length: 20\n\nThis is test server\n",
            expected: .complete(200, "OK", body: 20, matched: true)),
        ResponseCase(
            "status line without reason",
            "HTTP/1.1 404\r\nContent-Length: 9\r\n\r\nnot found",
            expected: .complete(404, "", body: 9, matched: false)),
        ResponseCase(
            "repeated equal Content-Length values",
            "HTTP/1.1 200 OK\r\nContent-Length: 20, 20\r\ncontent-length: 20\r\n\r\nThis is test server\n",
            expected: .complete(200, "OK", body: 20, matched: true)),
        ResponseCase(
            "header names may use every token character",
            "HTTP/1.1 200 OK\r\nX-!#$%&'*+.^_`|~09az: ok\r\nContent-Length: 0\r\n\r\n",
            expected: .complete(200, "OK", body: 0, matched: false)),
        ResponseCase(
            "bytes after a complete response are ignored",
            "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ntestThis is test server",
            expected: .complete(200, "OK", body: 4, matched: false)),
    ]

    static let broken: [ResponseCase] = [
        ResponseCase(
            "status line of another protocol", "FOO 200 OK\r\n\r\n",
            expected: .failed(.malformed("status line 'FOO 200 OK' is not HTTP/1.x"))),
        ResponseCase(
            "HTTP/2 status line", "HTTP/2 200\r\n\r\n",
            expected: .failed(.malformed("status line 'HTTP/2 200' is not HTTP/1.x"))),
        ResponseCase(
            "two-digit status", "HTTP/1.1 20 OK\r\n\r\n",
            expected: .failed(.malformed("status line 'HTTP/1.1 20 OK' has no three-digit status code"))),
        ResponseCase(
            "TLS alert on a plain connection, then close", bytes: [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46], serverCloses: true,
            expected: .failed(.malformed(#"status line '\x15\x03\x03\x00\x02\x02F' is not HTTP/1.x"#))),
        ResponseCase(
            "long line of another protocol fails before its end",
            "SSH-2.0-" + String(repeating: "a", count: 100),
            expected: .failed(.malformed("status line 'SSH-2.0-" + String(repeating: "a", count: 52) + "…' is not HTTP/1.x"))),
        ResponseCase(
            "whitespace before the colon", "HTTP/1.1 200 OK\r\nServer : nginx\r\n\r\n",
            expected: .failed(.malformed("header name 'Server ' has whitespace before the colon"))),
        ResponseCase(
            "header name with a character outside the token set", "HTTP/1.1 200 OK\r\nX(Bad): 1\r\n\r\n",
            expected: .failed(.malformed("header name 'X(Bad)' has characters not allowed in a name"))),
        ResponseCase(
            "header name with a non-ASCII byte", bytes: Array("HTTP/1.1 200 OK\r\nX-".utf8) + [0xC3, 0xA9] + Array(": 1\r\n\r\n".utf8),
            expected: .failed(.malformed(#"header name 'X-\xC3\xA9' has characters not allowed in a name"#))),
        ResponseCase(
            "header line without colon", "HTTP/1.1 200 OK\r\nThis is not a header\r\n\r\n",
            expected: .failed(.malformed("header line 'This is not a header' has no colon"))),
        ResponseCase(
            "obs-fold continuation line", "HTTP/1.1 200 OK\r\nX-Long: a\r\n  b\r\n\r\n",
            expected: .failed(.malformed("header line '  b' is an obs-fold continuation line"))),
        ResponseCase(
            "NUL in a header value", "HTTP/1.1 200 OK\r\nX-Bad: a\u{0}b\r\n\r\n",
            expected: .failed(.malformed("header 'X-Bad' has a NUL or bare CR in its value"))),
        ResponseCase(
            "bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
            expected: .failed(.malformed("chunk size has 'z', which is not a hex digit"), status: 200, reason: "OK")),
        ResponseCase(
            "chunk data not followed by CRLF", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX\r\n0\r\n\r\n",
            expected: .failed(.malformed("chunk data is followed by 'X' instead of CRLF"), status: 200, reason: "OK", body: 5)),
        ResponseCase(
            "chunked applied twice", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
            expected: .failed(.malformed("Transfer-Encoding 'chunked, chunked' applies chunked more than once or not last"))),
        ResponseCase(
            "conflicting Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc",
            expected: .failed(.malformed("conflicting Content-Length values 2 and 3"))),
        ResponseCase(
            "Content-Length that is not a number", "HTTP/1.1 200 OK\r\nContent-Length: 1a\r\n\r\nabc",
            expected: .failed(.malformed("Content-Length '1a' is not a number"))),
        ResponseCase(
            "101 without an upgrade request", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n",
            expected: .failed(.malformed("status 101 Switching Protocols, but the request asked for no upgrade"))),
        ResponseCase(
            "Content-Length body cut short", "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\nThis is", serverCloses: true,
            expected: .failed(
                .truncated("the connection closed after 7 of 20 body bytes (Content-Length)"), status: 200, reason: "OK", body: 7)),
        ResponseCase(
            "chunked body cut short", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7\r\nThis is\r\n", serverCloses: true,
            expected: .failed(
                .truncated("the connection closed inside the chunked body, after 7 body bytes"), status: 200, reason: "OK", body: 7)),
        ResponseCase(
            "head cut short", "HTTP/1.1 200 OK\r\nServer: x", serverCloses: true,
            expected: .failed(.truncated("the connection closed inside the response head, after 26 bytes"))),
        ResponseCase(
            "no response at all", "", serverCloses: true,
            expected: .failed(.truncated("the connection closed before any response byte arrived"))),
    ]

    @Test("well-formed responses, however the reads split them", arguments: wellFormed, ReadSplit.all)
    func wellFormedResponse(_ response: ResponseCase, split: ReadSplit) {
        let outcome = ParserFeeder.run(response.bytes, split: split, serverCloses: response.serverCloses)
        #expect(outcome == response.expected)
    }

    @Test("broken responses fail with the facts, however the reads split them", arguments: broken, ReadSplit.all)
    func brokenResponse(_ response: ResponseCase, split: ReadSplit) {
        let outcome = ParserFeeder.run(response.bytes, split: split, serverCloses: response.serverCloses)
        #expect(outcome == response.expected)
    }

    @Test("a failed parser keeps throwing the same error")
    func failureIsFinal() throws {
        var parser = HTTPResponseParser()
        let garbage = Array("FOO 200 OK\r\n".utf8)
        let expected = HTTPResponseError.malformed("status line 'FOO 200 OK' is not HTTP/1.x")
        #expect(throws: expected) { try garbage.withUnsafeBytes { try parser.parse($0) } }
        let valid = Array("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".utf8)
        #expect(throws: expected) { try valid.withUnsafeBytes { try parser.parse($0) } }
        #expect(throws: expected) { try parser.parseEndOfStream() }
        #expect(parser.head == nil)
    }

    @Test("the head keeps version, reason and fields; lookups ignore case and join repeats")
    func headFields() throws {
        let response = "HTTP/1.0 503 Service Unavailable\r\nServer: haproxy\r\nVia: 1.1 a\r\nRetry-After:  5 \r\nvia: 1.1 b\r\n\r\n"
        var parser = HTTPResponseParser()
        _ = try Array(response.utf8).withUnsafeBytes { try parser.parse($0) }
        let head = try #require(parser.head)
        #expect(head.version == "HTTP/1.0")
        #expect(head.status == 503)
        #expect(head.reason == "Service Unavailable")
        #expect(head.value(of: "server") == "haproxy")
        #expect(head.value(of: "RETRY-AFTER") == "5")
        #expect(head.value(of: "Via") == "1.1 a, 1.1 b")
        #expect(head.value(of: "Content-Length") == nil)
        #expect(head.headers == [
            HTTPHeaderField(name: "Server", value: "haproxy"),
            HTTPHeaderField(name: "Via", value: "1.1 a"),
            HTTPHeaderField(name: "Retry-After", value: "5"),
            HTTPHeaderField(name: "via", value: "1.1 b"),
        ])
    }

    @Test("an interim response does not become the head")
    func interimHeadIsSkipped() throws {
        var parser = HTTPResponseParser()
        _ = try Array("HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n".utf8).withUnsafeBytes { try parser.parse($0) }
        #expect(parser.head == nil)
        _ = try Array("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".utf8).withUnsafeBytes { try parser.parse($0) }
        let head = try #require(parser.head)
        #expect(head.status == 200)
        #expect(head.value(of: "X-Interim") == nil)
    }
}
