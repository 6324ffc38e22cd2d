import ProbeCore
import Synchronization
internal import CPLProbeOpenSSL

/// One `SSL_CTX` per trust configuration, shared by every probe and loop.
///
/// Verification runs with `SSL_VERIFY_NONE` on purpose: OpenSSL still checks
/// the chain and the host name and keeps the result, but lets the handshake
/// finish, so the peer's certificate and the negotiated session are recorded
/// even when verification fails. No request is sent over an unverified session.
final class TLSClientContext: @unchecked Sendable {
    let context: OpaquePointer

    private init(caFile: String?) throws(InputError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw InputError("OpenSSL could not create a TLS context: \(OpenSSLError.drain().map(\.description).joined(separator: "; "))")
        }
        self.context = context
        CPLProbeOpenSSL_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        SSL_CTX_set_options(context, CPLProbeOpenSSL_SSL_OP_NO_TICKET() | CPLProbeOpenSSL_SSL_OP_IGNORE_UNEXPECTED_EOF() | CPLProbeOpenSSL_SSL_OP_NO_COMPRESSION())
        CPLProbeOpenSSL_SSL_CTX_set_session_cache_mode(context, Int(SSL_SESS_CACHE_OFF))
        // A probe mostly waits; without its idle 16 KiB record buffers, a
        // thousand probes in flight fit in a small instance's memory.
        CPLProbeOpenSSL_SSL_CTX_set_mode(context, Int(SSL_MODE_RELEASE_BUFFERS))
        CPLProbeOpenSSL_SSL_CTX_set1_groups_list(context, "X25519:P-256:P-384")
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        if let caFile {
            guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1 else {
                let reason = OpenSSLError.drain().map(\.description).joined(separator: "; ")
                SSL_CTX_free(context)
                throw InputError("CA file '\(caFile)' could not be loaded as PEM certificates: \(reason.isEmpty ? "unreadable" : reason)")
            }
        } else {
            SSL_CTX_set_default_verify_paths(context)
        }
    }

    deinit {
        SSL_CTX_free(context)
    }

    private static let cache = Mutex<[String: TLSClientContext]>([:])

    /// The shared context for a trust configuration (`nil`: the system store).
    static func shared(caFile: String?) throws(InputError) -> TLSClientContext {
        let key = caFile ?? ""
        if let existing = cache.withLock({ $0[key] }) { return existing }
        let created = try TLSClientContext(caFile: caFile)
        return cache.withLock { contexts in
            if let raced = contexts[key] { return raced }
            contexts[key] = created
            return created
        }
    }
}
