/// How the end of a response body is found (RFC 9112 section 6.3).
enum HTTPBodyFraming: Equatable {
    /// 204, 304: the head is the whole response.
    case none
    /// `Content-Length`: exactly this many bytes.
    case length(Int)
    /// `Transfer-Encoding` ending in `chunked`.
    case chunked
    /// Neither: the body ends when the server closes the connection.
    case untilClose

    /// Decides the framing from the status and the framing headers.
    /// `Transfer-Encoding` wins over `Content-Length`, as RFC 9112 requires.
    init(status: Int, transferEncoding: HTTPTransferCodings, contentLength: Int?) throws(HTTPResponseError) {
        if status == 204 || status == 304 {
            self = .none
        } else if transferEncoding.isPresent {
            self = try transferEncoding.isChunked ? .chunked : .untilClose
        } else if let contentLength {
            self = .length(contentLength)
        } else {
            self = .untilClose
        }
    }
}

/// What the `Transfer-Encoding` fields of a head say, gathered field by field.
struct HTTPTransferCodings {
    private(set) var isPresent = false
    private var chunkedCount = 0
    private var lastIsChunked = false
    /// For the error message; `String` because the head's bytes are only borrowed.
    private var misuseOfChunked: String?

    mutating func add(fieldValue: HTTPByteRun) {
        isPresent = true
        for element in HTTPListElements(fieldValue) {
            let coding = HTTPBytes.trimmingWhitespace(element.prefix { $0 != HTTPBytes.semicolon })
            guard !coding.isEmpty else { continue }
            lastIsChunked = HTTPBytes.equalsIgnoringCase(coding, "chunked")
            if lastIsChunked { chunkedCount += 1 }
        }
        if chunkedCount > 1 || (chunkedCount == 1 && !lastIsChunked), misuseOfChunked == nil {
            misuseOfChunked = HTTPBytes.quoted(fieldValue)
        }
    }

    /// Whether chunked is the final coding. A response whose last coding is
    /// something else is read until close (RFC 9112 section 6.3 rule 4);
    /// chunked applied twice, or before another coding, is an error.
    var isChunked: Bool {
        get throws(HTTPResponseError) {
            if chunkedCount > 1 || (chunkedCount == 1 && !lastIsChunked) {
                throw .malformed("Transfer-Encoding '\(misuseOfChunked ?? "")' applies chunked more than once or not last")
            }
            return lastIsChunked
        }
    }
}
