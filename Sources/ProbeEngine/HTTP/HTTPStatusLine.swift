/// The first line of a response: `HTTP/1.x SP 3DIGIT [SP reason]`.
struct HTTPStatusLine {
    private static let versionPrefix: StaticString = "HTTP/1."
    /// `HTTP/1.x 200` before the optional ` reason`.
    private static let minimumLength = 12

    /// The `x` of `HTTP/1.x`, as its ASCII digit.
    let minorVersionDigit: UInt8
    let status: Int
    /// Valid only while the head's bytes are borrowed.
    let reason: HTTPByteRun

    var version: String {
        "HTTP/1." + String(Unicode.Scalar(minorVersionDigit))
    }

    /// Parses a status line without its line ending. A missing
    /// `SP reason` is tolerated, as many clients do.
    init(parsing line: HTTPByteRun) throws(HTTPResponseError) {
        let start = line.startIndex
        guard Self.couldStart(with: line), line.count >= 8, HTTPBytes.isDigit(line[start + 7]) else {
            throw .malformed("status line '\(HTTPBytes.quoted(line))' is not HTTP/1.x")
        }
        let digits = line.dropFirst(9).prefix(3)
        guard line.count >= Self.minimumLength, line[start + 8] == HTTPBytes.space, digits.allSatisfy(HTTPBytes.isDigit),
              line.count == Self.minimumLength || line[start + Self.minimumLength] == HTTPBytes.space
        else {
            throw .malformed("status line '\(HTTPBytes.quoted(line))' has no three-digit status code")
        }
        let status = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard status >= 100 else {
            throw .malformed("status line '\(HTTPBytes.quoted(line))' has status \(status), below 100")
        }
        guard !line.contains(HTTPBytes.cr) else {
            throw .malformed("status line '\(HTTPBytes.quoted(line))' has a bare CR")
        }
        minorVersionDigit = line[start + 7]
        self.status = status
        reason = line.dropFirst(Self.minimumLength + 1)
    }

    /// Whether `prefix`, the start of a status line still arriving, can
    /// become a valid one; lets a non-HTTP answer fail at its first bytes.
    static func couldStart(with prefix: some Collection<UInt8>) -> Bool {
        let expected = UnsafeBufferPointer(start: versionPrefix.utf8Start, count: versionPrefix.utf8CodeUnitCount)
        return zip(prefix, expected).allSatisfy { $0 == $1 }
    }
}
