/// The lab's HTTP/1.1 answers: `200 OK` with the configured body for any
/// well-formed request, `400` or `431` otherwise, always closing afterwards.
struct HTTPResponder: Sendable {
    /// The most request-head bytes read; a larger head gets `431`.
    static let headLimit = 16 * 1024

    private let body: [UInt8]
    private let status: (code: Int, reason: String)
    /// Seconds the `Date` header is ahead of this host's clock.
    private let clockOffset: Double
    /// Never answers, like a backend that accepts and then hangs.
    private let stalls: Bool

    init(body: String, status: (code: Int, reason: String) = (200, "OK"), clockOffset: Double = 0, stalls: Bool = false) {
        self.body = Array((body + "\n").utf8)
        self.status = status
        self.clockOffset = clockOffset
        self.stalls = stalls
    }

    /// The response to the request bytes received so far, or `nil` while the
    /// head is still incomplete.
    func response(to received: [UInt8]) -> [UInt8]? {
        guard !stalls else { return nil }
        guard let headEnd = Self.endOfHead(in: received) else {
            return received.count > Self.headLimit ? response(431, "Request Header Fields Too Large") : nil
        }
        guard headEnd <= Self.headLimit else { return response(431, "Request Header Fields Too Large") }
        let lineEnd = received.firstIndex(of: UInt8(ascii: "\n")) ?? headEnd
        let line = received[..<lineEnd].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard line.count == 3, !line[0].isEmpty, !line[1].isEmpty, line[2].starts(with: "HTTP/1.".utf8) else {
            return response(400, "Bad Request")
        }
        let includeBody = !line[0].elementsEqual("HEAD".utf8)
        return response(status.code, status.reason, body: body, includeBody: includeBody)
    }

    private func response(_ status: Int, _ reason: String, body: [UInt8]? = nil, includeBody: Bool = true) -> [UInt8] {
        let content = body ?? Array("\(reason)\n".utf8)
        let head = "HTTP/1.1 \(status) \(reason)\r\n"
            + "Server: plprobe-lab\r\n"
            + "Date: \(HTTPDateText.now(offsetBy: clockOffset))\r\n"
            + "Content-Type: text/plain\r\n"
            + "Content-Length: \(content.count)\r\n"
            + "Connection: close\r\n\r\n"
        return Array(head.utf8) + (includeBody ? content : [])
    }

    /// The index just past the blank line that ends the head (CRLF CRLF, or
    /// bare LF LF, which RFC 9112 asks servers to accept).
    private static func endOfHead(in bytes: [UInt8]) -> Int? {
        var index = bytes.startIndex
        while let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) {
            let next = newline + 1
            if next < bytes.count, bytes[next] == UInt8(ascii: "\n") { return next + 1 }
            if next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\r"), bytes[next + 1] == UInt8(ascii: "\n") { return next + 2 }
            index = next
        }
        return nil
    }
}
