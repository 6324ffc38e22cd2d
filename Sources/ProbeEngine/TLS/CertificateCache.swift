import ProbeCore
import Synchronization
internal import CPLProbeOpenSSL

/// Certificates and cipher names already turned into values, shared by every
/// path: the endpoints of one service present the same certificate on every
/// connection, so each path reuses one `CertificateInfo` (and its strings)
/// instead of printing names and parsing SANs again and keeping its own copy.
enum CertificateCache {
    private struct Fingerprint: Hashable {
        var bytes: (UInt64, UInt64, UInt32)

        static func == (lhs: Fingerprint, rhs: Fingerprint) -> Bool {
            lhs.bytes == rhs.bytes
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes.0)
            hasher.combine(bytes.1)
            hasher.combine(bytes.2)
        }
    }

    /// Enough for every distinct certificate of a large run; past it the cache starts over.
    private static let capacity = 4096
    private static let certificates = Mutex<[Fingerprint: CertificateInfo]>([:])
    private static let ciphers = Mutex<[UInt: String]>([:])

    static func info(for certificate: OpaquePointer) -> CertificateInfo {
        // After verification OpenSSL holds the SHA-1 fingerprint already; this copies it.
        var fingerprint = Fingerprint(bytes: (0, 0, 0))
        var length: UInt32 = 0
        let digested = withUnsafeMutableBytes(of: &fingerprint.bytes) {
            X509_digest(certificate, EVP_sha1(), $0.baseAddress!.assumingMemoryBound(to: UInt8.self), &length) == 1
        }
        guard digested, length == 20 else { return CertificateReader.read(certificate) }
        if let known = certificates.withLock({ $0[fingerprint] }) { return known }
        let info = CertificateReader.read(certificate)
        certificates.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[fingerprint] = info
        }
        return info
    }

    /// OpenSSL's cipher descriptions are static, so their address names them.
    static func name(of cipher: OpaquePointer) -> String {
        let key = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(cipher)))
        if let known = ciphers.withLock({ $0[key] }) { return known }
        let name = String(cString: SSL_CIPHER_get_name(cipher))
        ciphers.withLock { $0[key] = name }
        return name
    }
}
