import Glibc
import ProbeCore
internal import CPLProbeOpenSSL

/// One client `SSL` over a non-blocking socket the caller owns and watches.
final class TLSSession {
    private let ssl: OpaquePointer

    init?(context: TLSClientContext, fd: Int32, host: String) {
        guard let ssl = SSL_new(context.context) else { return nil }
        self.ssl = ssl
        SSL_set_fd(ssl, fd)
        if IPAddress(host) != nil {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host)
        } else {
            CPLProbeOpenSSL_SSL_set_tlsext_host_name(ssl, host)
            SSL_set1_host(ssl, host)
        }
        SSL_set_connect_state(ssl)
    }

    deinit {
        SSL_free(ssl)
    }

    func handshake() -> IOProgress {
        progress(SSL_do_handshake(ssl))
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> IOProgress {
        progress(SSL_write(ssl, bytes.baseAddress, Int32(bytes.count)))
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOProgress {
        progress(SSL_read(ssl, buffer.baseAddress, Int32(buffer.count)))
    }

    /// The negotiated version and cipher and the peer's certificate.
    func report() -> TLSReport {
        TLSReport(
            version: String(cString: SSL_get_version(ssl)),
            cipher: SSL_get_current_cipher(ssl).map(CertificateCache.name(of:)) ?? "",
            certificate: SSL_get0_peer_certificate(ssl).map(CertificateCache.info(for:)))
    }

    /// Every certificate the peer presented, leaf first, for diagnosis.
    func presentedChain() -> [CertificateInfo] {
        guard let chain = SSL_get_peer_cert_chain(ssl) else { return [] }
        return (0..<CPLProbeOpenSSL_sk_X509_num(chain)).compactMap { index in
            CPLProbeOpenSSL_sk_X509_value(chain, index).map(CertificateCache.info(for:))
        }
    }

    var verifyResult: Int { SSL_get_verify_result(ssl) }

    private func progress(_ result: Int32) -> IOProgress {
        if result > 0 { return .done(Int(result)) }
        let savedErrno = errno
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        case SSL_ERROR_ZERO_RETURN: return .closed
        case SSL_ERROR_SYSCALL:
            let errors = OpenSSLError.drain()
            return errors.isEmpty && savedErrno == 0 ? .closed : .failed(errors, errno: savedErrno)
        default:
            return .failed(OpenSSLError.drain(), errno: savedErrno)
        }
    }
}
