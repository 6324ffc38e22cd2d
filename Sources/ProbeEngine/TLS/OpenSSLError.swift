internal import CPLProbeOpenSSL

/// One entry of OpenSSL's thread-local error queue, kept with its reason so
/// failures can be classified and shown in OpenSSL's own words.
struct OpenSSLError: Sendable, CustomStringConvertible {
    var library: Int32
    var reason: Int32
    var description: String

    /// Drains the calling thread's error queue, oldest first.
    static func drain() -> [OpenSSLError] {
        var errors: [OpenSSLError] = []
        while errors.count < 16 {
            let code = ERR_get_error_all(nil, nil, nil, nil, nil)
            if code == 0 { break }
            let text = ERR_reason_error_string(code).map { String(cString: $0) } ?? "error \(code)"
            errors.append(OpenSSLError(library: ERR_GET_LIB(code), reason: ERR_GET_REASON(code), description: text))
        }
        ERR_clear_error()
        return errors
    }

    /// A TLS alert sent by the peer (OpenSSL encodes alerts as reasons above 1000).
    var isPeerAlert: Bool { library == ERR_LIB_SSL && reason >= SSL_AD_REASON_OFFSET }

    /// The peer spoke something other than TLS, or no version is shared.
    var isProtocolMismatch: Bool {
        guard library == ERR_LIB_SSL else { return false }
        return [
            SSL_R_WRONG_VERSION_NUMBER, SSL_R_UNSUPPORTED_PROTOCOL, SSL_R_TLSV1_ALERT_PROTOCOL_VERSION,
            SSL_R_PACKET_LENGTH_TOO_LONG, SSL_R_HTTP_REQUEST, SSL_R_HTTPS_PROXY_REQUEST,
            SSL_R_NO_PROTOCOLS_AVAILABLE, SSL_R_RECORD_LENGTH_MISMATCH, SSL_R_UNKNOWN_PROTOCOL,
            SSL_R_VERSION_TOO_LOW, SSL_R_UNSUPPORTED_SSL_VERSION,
        ].contains(reason)
    }
}
