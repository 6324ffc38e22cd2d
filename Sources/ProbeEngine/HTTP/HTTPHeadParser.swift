/// Turns the bytes of one complete response head into its status, fields
/// and body framing.
enum HTTPHeadParser {
    /// `bytes` runs from the status line through the blank line ending the head.
    static func parse(_ bytes: [UInt8]) throws(HTTPResponseError) -> (head: HTTPResponseHead, framing: HTTPBodyFraming) {
        try bytes.withUnsafeBufferPointer { buffer throws(HTTPResponseError) in
            var lines = HTTPLines(buffer[...])
            guard let firstLine = lines.next() else {
                throw .malformed("the response head has no status line")
            }
            let statusLine = try HTTPStatusLine(parsing: firstLine)
            let fieldsStart = firstLine.endIndex + (buffer[firstLine.endIndex] == HTTPBytes.cr ? 2 : 1)
            var transferEncoding = HTTPTransferCodings()
            var contentLength = HTTPContentLength()
            while let line = lines.next(), !line.isEmpty {
                let field = try HTTPFieldLine(parsing: line)
                if HTTPBytes.equalsIgnoringCase(field.name, "transfer-encoding") {
                    transferEncoding.add(fieldValue: field.value)
                } else if HTTPBytes.equalsIgnoringCase(field.name, "content-length") {
                    try contentLength.add(fieldValue: field.value)
                }
            }
            let head = HTTPResponseHead(
                version: statusLine.version,
                status: statusLine.status,
                reason: String(decoding: statusLine.reason, as: UTF8.self),
                bytes: bytes,
                fieldsStart: fieldsStart
            )
            let framing = try HTTPBodyFraming(
                status: statusLine.status, transferEncoding: transferEncoding, contentLength: contentLength.value)
            return (head, framing)
        }
    }
}
