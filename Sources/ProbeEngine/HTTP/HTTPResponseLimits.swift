/// How much of a response the parser accepts before giving up.
///
/// A hostile or broken server can send headers or a body forever; these caps
/// turn that into a failure while the memory held per probe stays bounded.
package struct HTTPResponseLimits: Sendable, Equatable {
    /// Bytes of all response heads together (interim 1xx heads, the final
    /// head including its status line, and chunked trailers).
    package var maxHeaderBytes: Int
    /// Decoded body bytes read before the response counts as too large.
    package var maxBodyBytes: Int

    package init(maxHeaderBytes: Int = 64 * 1024, maxBodyBytes: Int = 1024 * 1024) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
    }

    package static let standard = HTTPResponseLimits()
}
