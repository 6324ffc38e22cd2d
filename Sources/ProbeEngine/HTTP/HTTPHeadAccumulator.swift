/// Collects the bytes of one response head, up to the blank line that ends
/// it, within a byte budget shared by all heads of the response.
struct HTTPHeadAccumulator {
    private let limit: Int
    /// Bytes of interim (1xx) heads already parsed and dropped.
    private(set) var earlierHeadBytes = 0
    private(set) var bytes: [UInt8] = []
    private var statusLineEnded = false
    private var currentLineLength = 0
    private var currentLineFirstByte: UInt8 = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Bytes of all heads so far, which trailers also count against.
    var totalHeadBytes: Int { earlierHeadBytes + bytes.count }

    /// The memory this accumulator holds.
    var retainedByteCount: Int { bytes.capacity }

    /// Takes bytes from the start of `input` until the head is complete;
    /// returns how many it took. Checks the status line as soon as it is
    /// complete, or once it is longer than an error message quotes, so a
    /// server that speaks something else fails early, with the same message
    /// however its bytes were split.
    mutating func append(_ input: UnsafeRawBufferPointer) throws(HTTPResponseError) -> (consumed: Int, headIsComplete: Bool) {
        let budget = limit - totalHeadBytes
        let scanLength = min(input.count, budget)
        var consumed = 0
        var headIsComplete = false
        var statusLineJustEnded = false
        while consumed < scanLength {
            let byte = input[consumed]
            consumed += 1
            if byte != HTTPBytes.lf {
                if currentLineLength == 0 { currentLineFirstByte = byte }
                currentLineLength += 1
                continue
            }
            let lineIsBlank = currentLineLength == 0 || (currentLineLength == 1 && currentLineFirstByte == HTTPBytes.cr)
            currentLineLength = 0
            if !statusLineEnded {
                statusLineEnded = true
                statusLineJustEnded = true
            } else if lineIsBlank {
                headIsComplete = true
                break
            }
        }
        if !headIsComplete && consumed == budget && input.count > budget {
            throw .headTooLarge(limit: limit)
        }
        store(UnsafeRawBufferPointer(rebasing: input[..<consumed]))
        if statusLineJustEnded {
            try bytes.withUnsafeBufferPointer { buffer throws(HTTPResponseError) in
                var lines = HTTPLines(buffer[...])
                if let statusLine = lines.next() { _ = try HTTPStatusLine(parsing: statusLine) }
            }
        } else if !statusLineEnded && bytes.count > HTTPBytes.maxQuotedBytes {
            try checkStatusLineStart()
        }
        return (consumed, headIsComplete)
    }

    /// Throws when the status line received so far cannot become an HTTP/1.x one.
    func checkStatusLineStart() throws(HTTPResponseError) {
        if !statusLineEnded && !HTTPStatusLine.couldStart(with: bytes) {
            throw .malformed("status line '\(HTTPBytes.quoted(bytes))' is not HTTP/1.x")
        }
    }

    /// Drops a parsed interim head, keeping its size in the budget and its
    /// storage for the next head.
    mutating func startNextHead() {
        earlierHeadBytes += bytes.count
        bytes.removeAll(keepingCapacity: true)
        statusLineEnded = false
    }

    /// Lets go of the bytes once the final head holds them.
    mutating func releaseStorage() {
        bytes = []
    }

    /// Appends, growing the storage geometrically but never past the limit.
    private mutating func store(_ input: UnsafeRawBufferPointer) {
        let needed = bytes.count + input.count
        if needed > bytes.capacity {
            bytes.reserveCapacity(min(limit - earlierHeadBytes, max(needed, bytes.capacity * 2, 512)))
        }
        bytes.append(contentsOf: input)
    }
}
