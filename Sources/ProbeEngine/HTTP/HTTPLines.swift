/// A run of bytes inside a response head, valid only while the head's
/// storage is borrowed: parsing works on borrowed bytes so that walking a
/// head costs no reference counting and no allocation.
typealias HTTPByteRun = Slice<UnsafeBufferPointer<UInt8>>

/// The lines of a response head, each without its LF or CRLF ending.
/// Bytes after the last LF (there are none in a complete head) are not a line.
struct HTTPLines: Sequence, IteratorProtocol {
    private var rest: HTTPByteRun

    init(_ bytes: HTTPByteRun) {
        rest = bytes
    }

    mutating func next() -> HTTPByteRun? {
        guard let lineFeed = rest.firstIndex(of: HTTPBytes.lf) else { return nil }
        let line = rest[..<lineFeed]
        rest = rest[(lineFeed + 1)...]
        return line.last == HTTPBytes.cr ? line.dropLast() : line
    }
}

/// The elements of a comma-separated header value (RFC 9110 section 5.6.1),
/// without surrounding spaces and tabs; empty elements included.
struct HTTPListElements: Sequence, IteratorProtocol {
    private var rest: HTTPByteRun?

    init(_ value: HTTPByteRun) {
        rest = value
    }

    mutating func next() -> HTTPByteRun? {
        guard let remaining = rest else { return nil }
        if let comma = remaining.firstIndex(of: HTTPBytes.comma) {
            rest = remaining[(comma + 1)...]
            return HTTPBytes.trimmingWhitespace(remaining[..<comma])
        }
        rest = nil
        return HTTPBytes.trimmingWhitespace(remaining)
    }
}
