/// One `name: value` header line, split into runs of the head's bytes.
struct HTTPFieldLine {
    let name: HTTPByteRun
    /// The value without surrounding spaces and tabs.
    let value: HTTPByteRun

    /// Splits and validates a line (without its line ending) per RFC 9112
    /// section 5: a token name directly followed by a colon, and a value
    /// without NUL or bare CR.
    init(parsing line: HTTPByteRun) throws(HTTPResponseError) {
        if let first = line.first, HTTPBytes.isWhitespace(first) {
            throw .malformed("header line '\(HTTPBytes.quoted(line))' is an obs-fold continuation line")
        }
        guard let colon = line.firstIndex(of: HTTPBytes.colon) else {
            throw .malformed("header line '\(HTTPBytes.quoted(line))' has no colon")
        }
        let name = line[..<colon]
        guard !name.isEmpty else {
            throw .malformed("header line '\(HTTPBytes.quoted(line))' has an empty name")
        }
        if let last = name.last, HTTPBytes.isWhitespace(last) {
            throw .malformed("header name '\(HTTPBytes.quoted(name))' has whitespace before the colon")
        }
        guard name.allSatisfy(HTTPBytes.isTokenCharacter) else {
            throw .malformed("header name '\(HTTPBytes.quoted(name))' has characters not allowed in a name")
        }
        let value = HTTPBytes.trimmingWhitespace(line[(colon + 1)...])
        if value.contains(where: { $0 == 0 || $0 == HTTPBytes.cr }) {
            throw .malformed("header '\(HTTPBytes.quoted(name))' has a NUL or bare CR in its value")
        }
        self.name = name
        self.value = value
    }
}
