/// The status line and header fields of the final (non-1xx) response.
///
/// The head keeps the header bytes as received and turns a value into a
/// `String` only when someone asks for it: a probe reads two or three headers
/// and should not pay for the rest.
package struct HTTPResponseHead: Sendable {
    /// `HTTP/1.0` or `HTTP/1.1` (any `HTTP/1.x` the server sent).
    package var version: String
    package var status: Int
    /// The reason phrase; empty when the server sent none.
    package var reason: String
    /// The whole head as received; its lines were validated when it was parsed.
    private let bytes: [UInt8]
    /// Where the header lines start in `bytes`, after the status line.
    private let fieldsStart: Int

    init(version: String, status: Int, reason: String, bytes: [UInt8], fieldsStart: Int) {
        self.version = version
        self.status = status
        self.reason = reason
        self.bytes = bytes
        self.fieldsStart = fieldsStart
    }

    /// The memory the head holds: its bytes, at most the head limit.
    var retainedByteCount: Int { bytes.capacity }

    /// Every header field in the order received.
    package var headers: [HTTPHeaderField] {
        var fields: [HTTPHeaderField] = []
        forEachField { name, value in
            fields.append(HTTPHeaderField(name: String(decoding: name, as: UTF8.self),
                                          value: String(decoding: value, as: UTF8.self)))
        }
        return fields
    }

    /// The value of the header `name` (any case); several fields of that name
    /// are joined with ", " as RFC 9110 section 5.3 allows.
    package func value(of name: String) -> String? {
        var wanted = name
        return wanted.withUTF8 { wanted in
            var found: String?
            forEachField { fieldName, value in
                guard HTTPBytes.equalsIgnoringCase(fieldName, wanted[...]) else { return }
                let text = String(decoding: value, as: UTF8.self)
                found = found.map { $0 + ", " + text } ?? text
            }
            return found
        }
    }

    /// Calls `body` with each field's name and value, borrowed from `bytes`.
    private func forEachField(_ body: (_ name: HTTPByteRun, _ value: HTTPByteRun) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            for line in HTTPLines(buffer[fieldsStart...]) {
                guard !line.isEmpty else { return }
                if let field = try? HTTPFieldLine(parsing: line) { body(field.name, field.value) }
            }
        }
    }
}

/// One header field, decoded for display or for callers that need them all.
package struct HTTPHeaderField: Sendable, Equatable {
    package var name: String
    package var value: String

    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
