/// Encodes the one request a probe sends.
package enum HTTPRequest {
    /// A `GET` that asks the server to close the connection after answering,
    /// so a body without framing headers still ends cleanly.
    ///
    /// The arguments come from validated target URLs and must not contain
    /// CR or LF.
    package static func get(path: String, hostHeader: String, userAgent: String) -> [UInt8] {
        let text = "GET \(path) HTTP/1.1\r\n"
            + "Host: \(hostHeader)\r\n"
            + "User-Agent: \(userAgent)\r\n"
            + "Accept: */*\r\n"
            + "Connection: close\r\n"
            + "\r\n"
        return Array(text.utf8)
    }
}
