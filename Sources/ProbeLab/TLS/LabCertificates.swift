internal import CPLProbeOpenSSL

/// The lab's PKI, made fresh on every start so nothing secret lives on disk:
/// an ECDSA P-256 root ("plprobe lab CA") and a server certificate for the
/// host name and every extra name, valid from an hour ago until tomorrow.
struct LabCertificates {
    let authorityKey: PrivateKey
    let authority: Certificate
    let leafKey: PrivateKey
    let leaf: Certificate

    static let authorityName = "plprobe lab CA"

    /// `leafValidity`: seconds from now to the server certificate's
    /// notBefore and notAfter; the lab's faults move them.
    init(hostName: String, leafValidity: (notBefore: Int, notAfter: Int) = Certificate.validity) throws(LabError) {
        authorityKey = try PrivateKey()
        authority = try Certificate(
            commonName: Self.authorityName, key: authorityKey, issuer: nil, issuerKey: authorityKey,
            extensions: [
                (NID_basic_constraints, "critical,CA:TRUE"),
                (NID_key_usage, "critical,keyCertSign,cRLSign"),
                (NID_subject_key_identifier, "hash"),
            ])
        leafKey = try PrivateKey()
        leaf = try Certificate(
            commonName: hostName, key: leafKey, issuer: authority, issuerKey: authorityKey, validity: leafValidity,
            extensions: [
                (NID_basic_constraints, "CA:FALSE"),
                (NID_key_usage, "critical,digitalSignature"),
                (NID_ext_key_usage, "serverAuth"),
                (NID_subject_alt_name, "DNS:\(hostName),DNS:*.\(LabNames.extraZone)"),
                (NID_subject_key_identifier, "hash"),
                (NID_authority_key_identifier, "keyid:always"),
            ])
    }

    /// The root in PEM, for clients' `--ca-file`.
    func authorityPEM() throws(LabError) -> [UInt8] {
        guard let bio = BIO_new(BIO_s_mem()) else { throw openSSLFailure("BIO_new") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_X509(bio, authority.pointer) == 1 else { throw openSSLFailure("PEM_write_bio_X509") }
        var data: UnsafeMutablePointer<CChar>?
        let length = CPLProbeOpenSSL_BIO_get_mem_data(bio, &data)
        guard let data, length > 0 else { throw openSSLFailure("BIO_get_mem_data") }
        return UnsafeRawBufferPointer(start: data, count: length).map { $0 }
    }
}

/// An owned `EVP_PKEY`: a fresh P-256 key.
final class PrivateKey {
    let pointer: OpaquePointer

    init() throws(LabError) {
        guard let key = CPLProbeOpenSSL_EVP_EC_gen("P-256") else { throw openSSLFailure("generate P-256 key") }
        pointer = key
    }

    deinit { EVP_PKEY_free(pointer) }
}

/// An owned `X509`, signed with SHA-256 when made.
final class Certificate {
    let pointer: OpaquePointer

    /// Validity reaches an hour back, so a client clock slightly behind still accepts it.
    static let validity = (notBefore: -3600, notAfter: 86400)

    /// A certificate for `key`, issued by `issuer` (`nil`: self-signed).
    init(
        commonName: String, key: PrivateKey, issuer: Certificate?, issuerKey: PrivateKey,
        validity: (notBefore: Int, notAfter: Int) = validity, extensions: [(nid: Int32, value: String)]
    ) throws(LabError) {
        guard let certificate = X509_new() else { throw openSSLFailure("X509_new") }
        do throws(LabError) {
            try Self.fill(certificate, commonName: commonName, key: key, issuer: issuer?.pointer, validity: validity, extensions: extensions)
            guard X509_sign(certificate, issuerKey.pointer, EVP_sha256()) > 0 else {
                throw openSSLFailure("sign the certificate for \(commonName)")
            }
        } catch {
            X509_free(certificate)
            throw error
        }
        pointer = certificate
    }

    deinit { X509_free(pointer) }

    private static func fill(
        _ certificate: OpaquePointer, commonName: String, key: PrivateKey, issuer: OpaquePointer?,
        validity: (notBefore: Int, notAfter: Int), extensions: [(nid: Int32, value: String)]
    ) throws(LabError) {
        guard X509_set_version(certificate, Int(X509_VERSION_3)) == 1 else { throw openSSLFailure("X509_set_version") }
        try setRandomSerial(certificate)
        guard X509_gmtime_adj(X509_getm_notBefore(certificate), validity.notBefore) != nil,
              X509_gmtime_adj(X509_getm_notAfter(certificate), validity.notAfter) != nil else {
            throw openSSLFailure("set the validity of \(commonName)")
        }
        let subject = X509_get_subject_name(certificate)
        guard X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC, "plprobe lab", -1, -1, 0) == 1,
              X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC, commonName, -1, -1, 0) == 1 else {
            throw openSSLFailure("set the subject \(commonName)")
        }
        let issuerName = issuer.map { X509_get_subject_name($0) } ?? subject
        guard X509_set_issuer_name(certificate, issuerName) == 1,
              X509_set_pubkey(certificate, key.pointer) == 1 else {
            throw openSSLFailure("set the issuer and key of \(commonName)")
        }
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer ?? certificate, certificate, nil, nil, 0)
        for (nid, value) in extensions {
            guard let `extension` = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
                throw openSSLFailure("make the extension \(value) for \(commonName)")
            }
            defer { X509_EXTENSION_free(`extension`) }
            guard X509_add_ext(certificate, `extension`, -1) == 1 else {
                throw openSSLFailure("add the extension \(value) to \(commonName)")
            }
        }
    }

    /// A positive 127-bit random serial, so two labs' certificates never collide.
    private static func setRandomSerial(_ certificate: OpaquePointer) throws(LabError) {
        var bytes = [UInt8](repeating: 0, count: 16)
        guard RAND_bytes(&bytes, Int32(bytes.count)) == 1 else { throw openSSLFailure("RAND_bytes") }
        bytes[0] = bytes[0] & 0x7F | 0x40
        guard let number = BN_bin2bn(bytes, Int32(bytes.count), nil) else { throw openSSLFailure("BN_bin2bn") }
        defer { BN_free(number) }
        guard BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != nil else {
            throw openSSLFailure("set the serial number")
        }
    }
}
