internal import CPLProbeOpenSSL

/// The listener's OpenSSL context: the leaf certificate and key, the lab CA
/// as chain, TLS 1.2 or newer.
///
/// `@unchecked Sendable`: it is configured completely before it is shared,
/// and OpenSSL allows creating sessions from one `SSL_CTX` on any thread.
final class TLSServerContext: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ certificates: LabCertificates) throws(LabError) {
        guard let context = SSL_CTX_new(TLS_server_method()) else { throw openSSLFailure("SSL_CTX_new") }
        do {
            try Self.configure(context, certificates)
        } catch {
            SSL_CTX_free(context)
            throw error
        }
        pointer = context
    }

    deinit { SSL_CTX_free(pointer) }

    private static func configure(_ context: OpaquePointer, _ certificates: LabCertificates) throws(LabError) {
        guard CPLProbeOpenSSL_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION) == 1 else {
            throw openSSLFailure("require TLS 1.2")
        }
        guard SSL_CTX_use_certificate(context, certificates.leaf.pointer) == 1,
              SSL_CTX_use_PrivateKey(context, certificates.leafKey.pointer) == 1,
              SSL_CTX_check_private_key(context) == 1,
              CPLProbeOpenSSL_SSL_CTX_add1_chain_cert(context, certificates.authority.pointer) == 1 else {
            throw openSSLFailure("load the lab certificate")
        }
        // Every connection is new and short: resumption state would only cost memory.
        _ = SSL_CTX_set_num_tickets(context, 0)
        _ = CPLProbeOpenSSL_SSL_CTX_set_session_cache_mode(context, Int(SSL_SESS_CACHE_OFF))
        _ = CPLProbeOpenSSL_SSL_CTX_set_mode(context, Int(SSL_MODE_RELEASE_BUFFERS))
    }
}
