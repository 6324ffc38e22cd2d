import ProbeEngine
import Testing

/// Hostile servers: endless heads and bodies must end as failures while the
/// parser's memory stays bounded.
@Suite("HTTPResponseParser limits")
struct HTTPResponseParserLimitTests {
    static let oneMiB = 1024 * 1024
    static let pieceSize = 4096
    static let statusLine = Array("HTTP/1.1 200 OK\r\n".utf8)

    /// Feeds pieces from `next` until the parser throws, `count` pieces at
    /// most; returns the error and the bytes fed before it.
    static func feedUntilFailure(
        _ parser: inout HTTPResponseParser, pieces count: Int, next: (Int) -> [UInt8]
    ) -> (error: HTTPResponseError?, bytesFed: Int, maxRetained: Int) {
        var bytesFed = 0
        var maxRetained = 0
        for index in 0..<count {
            let piece = next(index)
            do {
                _ = try piece.withUnsafeBytes { try parser.parse($0) }
            } catch let error as HTTPResponseError {
                return (error, bytesFed, maxRetained)
            } catch {
                preconditionFailure("unexpected error \(error)")
            }
            bytesFed += piece.count
            maxRetained = max(maxRetained, parser.retainedByteCount)
        }
        return (nil, bytesFed, maxRetained)
    }

    /// `X-Filler: aaaa...` lines, as one endless stream cut into pieces.
    static func fillerHeaders(piece index: Int) -> [UInt8] {
        let line = Array("X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".utf8)
        let start = index * pieceSize
        let bytes = (start..<(start + pieceSize)).map { line[$0 % line.count] }
        return index == 0 ? statusLine + bytes : bytes
    }

    @Test("1 MiB of filler headers hits the head limit early, with bounded memory")
    func endlessHeaders() {
        var parser = HTTPResponseParser()
        let limit = HTTPResponseLimits.standard.maxHeaderBytes
        let result = Self.feedUntilFailure(&parser, pieces: Self.oneMiB / Self.pieceSize, next: Self.fillerHeaders)
        #expect(result.error == .headTooLarge(limit: limit))
        #expect(result.bytesFed <= limit)
        #expect(result.maxRetained <= limit + 64)
        #expect(parser.retainedByteCount <= limit + 64)
    }

    @Test("one endless header line without line end hits the head limit")
    func endlessHeaderLine() {
        var parser = HTTPResponseParser()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: Self.pieceSize)
        let result = Self.feedUntilFailure(&parser, pieces: Self.oneMiB / Self.pieceSize) {
            $0 == 0 ? Self.statusLine + Array("X-Filler: ".utf8) + piece : piece
        }
        #expect(result.error == .headTooLarge(limit: HTTPResponseLimits.standard.maxHeaderBytes))
        #expect(result.maxRetained <= HTTPResponseLimits.standard.maxHeaderBytes + 64)
    }

    @Test("endless 1xx responses count toward the head limit")
    func endlessInterimResponses() {
        var parser = HTTPResponseParser()
        let interim = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
        let result = Self.feedUntilFailure(&parser, pieces: Self.oneMiB / interim.count) { _ in interim }
        #expect(result.error == .headTooLarge(limit: HTTPResponseLimits.standard.maxHeaderBytes))
        #expect(result.maxRetained <= HTTPResponseLimits.standard.maxHeaderBytes + 64)
    }

    @Test("endless chunked trailers hit the head limit")
    func endlessTrailers() {
        var parser = HTTPResponseParser()
        let head = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n".utf8)
        let result = Self.feedUntilFailure(&parser, pieces: Self.oneMiB / Self.pieceSize + 1) {
            $0 == 0 ? head : Self.fillerHeaders(piece: $0)
        }
        #expect(result.error == .headTooLarge(limit: HTTPResponseLimits.standard.maxHeaderBytes))
        #expect(parser.head?.status == 200)
        #expect(result.maxRetained < 1024)
    }

    @Test("an endless chunk extension is cut off")
    func endlessChunkExtension() {
        var parser = HTTPResponseParser()
        let head = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=".utf8)
        let filler = [UInt8](repeating: UInt8(ascii: "y"), count: Self.pieceSize)
        let result = Self.feedUntilFailure(&parser, pieces: Self.oneMiB / Self.pieceSize) { $0 == 0 ? head : filler }
        #expect(result.error == .malformed("chunk size line is longer than 4096 bytes"))
    }

    @Test("a head of exactly the limit passes; one byte more fails")
    func headLimitBoundary() {
        let response = Array("HTTP/1.1 200 OK\r\nServer: test\r\nContent-Length: 2\r\n\r\n".utf8)
        let headSize = response.count
        let body = Array("ok".utf8)
        for split in ReadSplit.all {
            let exact = HTTPResponseLimits(maxHeaderBytes: headSize, maxBodyBytes: 10)
            #expect(ParserFeeder.run(response + body, split: split, limits: exact, expectedBody: body)
                == .complete(200, "OK", body: 2, matched: true))
            let tight = HTTPResponseLimits(maxHeaderBytes: headSize - 1, maxBodyBytes: 10)
            #expect(ParserFeeder.run(response + body, split: split, limits: tight)
                == .failed(.headTooLarge(limit: headSize - 1)))
        }
    }

    @Test("a body of exactly the limit passes; one byte more fails", arguments: [
        ("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nb\r\n"),
        ("HTTP/1.1 200 OK\r\n\r\n", "HTTP/1.1 200 OK\r\n\r\n"),
    ])
    func bodyLimitBoundary(fitting: String, overflowing: String) {
        let limits = HTTPResponseLimits(maxHeaderBytes: 1024, maxBodyBytes: 10)
        let chunkEnd = fitting.contains("chunked") ? "\r\n0\r\n\r\n" : ""
        let fits = ParserFeeder.run(
            Array((fitting + "0123456789" + chunkEnd).utf8), serverCloses: true, limits: limits, expectedBody: [])
        #expect(fits == .complete(200, "OK", body: 10, matched: true))
        let tooLarge = ParserFeeder.run(
            Array((overflowing + "0123456789A" + chunkEnd).utf8), serverCloses: true, limits: limits, expectedBody: [])
        #expect(tooLarge.error == .bodyTooLarge(limit: 10))
        #expect(tooLarge.status == 200)
    }

    @Test("an endless close-delimited body hits the body limit without being stored")
    func endlessBody() {
        var parser = HTTPResponseParser()
        let head = Array("HTTP/1.1 200 OK\r\n\r\n".utf8)
        let filler = [UInt8](repeating: UInt8(ascii: "b"), count: Self.pieceSize)
        let result = Self.feedUntilFailure(&parser, pieces: 2 * Self.oneMiB / Self.pieceSize) { $0 == 0 ? head : filler }
        #expect(result.error == .bodyTooLarge(limit: Self.oneMiB))
        #expect(parser.bodyByteCount <= Self.oneMiB)
        #expect(result.maxRetained < 1024)
    }

    @Test("an endless chunked body hits the body limit")
    func endlessChunkedBody() {
        var parser = HTTPResponseParser()
        let head = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        let chunk = Array("1000\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "c"), count: 0x1000) + Array("\r\n".utf8)
        let result = Self.feedUntilFailure(&parser, pieces: 2 * Self.oneMiB / chunk.count) { $0 == 0 ? head : chunk }
        #expect(result.error == .bodyTooLarge(limit: Self.oneMiB))
        #expect(parser.bodyByteCount == Self.oneMiB)
        #expect(result.maxRetained < 1024)
    }

    @Test("a declared length over the limit fails at the head, which stays readable", arguments: [
        "HTTP/1.1 200 OK\r\nContent-Length: 2097152\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999999\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n200000\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFFFFFF\r\n",
    ])
    func declaredLengthOverLimit(response: String) {
        let outcome = ParserFeeder.run(Array(response.utf8))
        #expect(outcome == .failed(.bodyTooLarge(limit: Self.oneMiB), status: 200, reason: "OK"))
    }
}
