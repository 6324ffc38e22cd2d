/// Why a response could not be read as HTTP/1.1.
///
/// Each case carries the facts a person needs (what was wrong, which limit
/// was crossed); the engine reports all of them as `http.malformed`.
package enum HTTPResponseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes break HTTP/1.1 framing; the text says what was wrong.
    case malformed(String)
    /// The response head grew past `HTTPResponseLimits.maxHeaderBytes`.
    case headTooLarge(limit: Int)
    /// The decoded body grew past `HTTPResponseLimits.maxBodyBytes`.
    case bodyTooLarge(limit: Int)
    /// The stream ended before the response was complete.
    case truncated(String)

    package var description: String {
        switch self {
        case .malformed(let facts): "malformed HTTP response: \(facts)"
        case .headTooLarge(let limit): "HTTP response head is larger than \(limit) bytes"
        case .bodyTooLarge(let limit): "HTTP response body is larger than \(limit) bytes"
        case .truncated(let facts): "truncated HTTP response: \(facts)"
        }
    }
}
