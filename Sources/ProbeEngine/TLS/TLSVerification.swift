import ProbeCore
internal import CPLProbeOpenSSL

/// Maps OpenSSL's verification result onto the failure codes of the contract.
enum TLSVerification {
    static func failure(result: Int, host: String, address: IPAddress, certificate: CertificateInfo?) -> ProbeFailure? {
        guard result != Int(X509_V_OK) else { return nil }
        let reason = String(cString: X509_verify_cert_error_string(result))
        let subject = certificate.map { "certificate \($0.subject)" } ?? "the certificate"
        switch Int32(result) {
        case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH:
            let names = certificate?.subjectAlternativeNames ?? []
            let covered = names.isEmpty ? "no subject alternative names" : "SANs \(names.joined(separator: ", "))"
            return ProbeFailure(.tlsNameMismatch, "\(subject) at \(address) does not cover \(host): it has \(covered)", address: address)
        case X509_V_ERR_CERT_HAS_EXPIRED:
            let when = certificate?.notAfter.map { " on \($0.rfc3339)" } ?? ""
            return ProbeFailure(.tlsExpired, "\(subject) at \(address) expired\(when) (now \(Timestamp.now.rfc3339))", address: address)
        case X509_V_ERR_CERT_NOT_YET_VALID:
            let when = certificate?.notBefore.map { " until \($0.rfc3339)" } ?? ""
            return ProbeFailure(.tlsNotYetValid, "\(subject) at \(address) is not valid\(when) (now \(Timestamp.now.rfc3339))", address: address)
        default:
            let issuer = certificate.map { " issued by \($0.issuer)" } ?? ""
            return ProbeFailure(.tlsUntrusted, "\(subject)\(issuer) at \(address) is not trusted: \(reason)", address: address)
        }
    }
}
