/// Reads one HTTP/1.1 response to a `GET` from bytes fed in as they arrive.
///
/// Built for an event loop running thousands of probes: no I/O, no
/// Foundation, no per-byte allocation, and memory bounded by
/// `HTTPResponseLimits` whatever the server sends. The body is never stored;
/// it is counted and searched for the expected text on the fly.
///
/// Once a call throws, the parser is failed and every later call throws the
/// same error. Bytes after a complete response are ignored (the request
/// asked the server to close).
package struct HTTPResponseParser: Sendable {
    private enum State {
        case head
        case body(remaining: Int)
        case chunkedBody(ChunkedBodyDecoder)
        case bodyUntilClose
        case complete
        case failed(HTTPResponseError)
    }

    private let limits: HTTPResponseLimits
    private var state = State.head
    private var accumulator: HTTPHeadAccumulator
    private var body: HTTPBodySink

    /// The final (non-1xx) head, set as soon as it is parsed; still set when
    /// the body then fails, so the status can be reported.
    package private(set) var head: HTTPResponseHead?

    /// `expectedBody`: the text the body must contain (empty: no check).
    package init(limits: HTTPResponseLimits = .standard, expectedBody: [UInt8] = []) {
        self.limits = limits
        accumulator = HTTPHeadAccumulator(limit: limits.maxHeaderBytes)
        body = HTTPBodySink(limit: limits.maxBodyBytes, expectedText: expectedBody)
    }

    package var isComplete: Bool {
        if case .complete = state { true } else { false }
    }

    /// Decoded body bytes seen so far (chunk framing not counted).
    package var bodyByteCount: Int { body.byteCount }

    /// Whether the decoded body seen so far contains `expectedBody`; always
    /// true when it is empty.
    package var bodyContainsExpected: Bool { body.containsExpectedText }

    /// The start of the decoded body as one line of text (whitespace and
    /// control characters collapsed to single spaces, at most 80 characters,
    /// "…" when cut), to show what the server sent instead of the expected text.
    package var bodyPreview: String { body.preview }

    /// Bytes held in buffers; bounded by the limits, whatever was fed.
    package var retainedByteCount: Int {
        accumulator.retainedByteCount + (head?.retainedByteCount ?? 0) + body.retainedByteCount
    }

    /// Feeds bytes just read; returns whether the response is complete.
    package mutating func parse(_ bytes: UnsafeRawBufferPointer) throws(HTTPResponseError) -> Bool {
        if case .failed(let error) = state { throw error }
        do {
            var index = 0
            while index < bytes.count && !isComplete {
                index = try advance(bytes, from: index)
            }
        } catch {
            state = .failed(error)
            throw error
        }
        return isComplete
    }

    /// The peer closed the stream: completes a body that runs until close,
    /// or throws `.truncated` when the response was not finished.
    package mutating func parseEndOfStream() throws(HTTPResponseError) {
        let error: HTTPResponseError
        switch state {
        case .complete:
            return
        case .bodyUntilClose:
            state = .complete
            return
        case .failed(let failure):
            throw failure
        case .head where accumulator.totalHeadBytes == 0:
            error = .truncated("the connection closed before any response byte arrived")
        case .head:
            do {
                try accumulator.checkStatusLineStart()
                error = .truncated("the connection closed inside the response head, after \(accumulator.totalHeadBytes) bytes")
            } catch let notHTTP {
                error = notHTTP
            }
        case .body(let remaining):
            error = .truncated(
                "the connection closed after \(bodyByteCount) of \(bodyByteCount + remaining) body bytes (Content-Length)")
        case .chunkedBody:
            error = .truncated("the connection closed inside the chunked body, after \(bodyByteCount) body bytes")
        }
        state = .failed(error)
        throw error
    }

    /// Consumes bytes from `index` in the current state; returns where it stopped.
    private mutating func advance(_ bytes: UnsafeRawBufferPointer, from index: Int) throws(HTTPResponseError) -> Int {
        switch state {
        case .head:
            let (consumed, headIsComplete) = try accumulator.append(UnsafeRawBufferPointer(rebasing: bytes[index...]))
            if headIsComplete { try finishHead() }
            return index + consumed
        case .body(let remaining):
            let length = min(remaining, bytes.count - index)
            try body.consume(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + length)]))
            state = remaining == length ? .complete : .body(remaining: remaining - length)
            return index + length
        case .chunkedBody(var decoder):
            var next = index
            let output = try decoder.decode(bytes, index: &next)
            state = output == .finished ? .complete : .chunkedBody(decoder)
            if case .data(let range) = output {
                try body.consume(UnsafeRawBufferPointer(rebasing: bytes[range]))
            }
            return next
        case .bodyUntilClose:
            try body.consume(UnsafeRawBufferPointer(rebasing: bytes[index...]))
            return bytes.count
        case .complete, .failed:
            return bytes.count
        }
    }

    private mutating func finishHead() throws(HTTPResponseError) {
        let parsed = try HTTPHeadParser.parse(accumulator.bytes)
        switch parsed.head.status {
        case 101:
            throw .malformed("status 101 Switching Protocols, but the request asked for no upgrade")
        case 100..<200:
            accumulator.startNextHead()
            return
        default:
            break
        }
        let headBytes = accumulator.totalHeadBytes
        head = parsed.head
        accumulator.releaseStorage()
        switch parsed.framing {
        case .none, .length(0):
            state = .complete
        case .length(let length) where length > limits.maxBodyBytes:
            throw .bodyTooLarge(limit: limits.maxBodyBytes)
        case .length(let length):
            state = .body(remaining: length)
        case .chunked:
            state = .chunkedBody(ChunkedBodyDecoder(limits: limits, headBytes: headBytes))
        case .untilClose:
            state = .bodyUntilClose
        }
    }
}
