import Glibc
import ProbeCore
internal import CPLProbeOpenSSL

/// Turns an OpenSSL `X509` into the value reports show.
enum CertificateReader {
    static func read(_ certificate: OpaquePointer) -> CertificateInfo {
        CertificateInfo(
            subject: name(X509_get_subject_name(certificate)),
            issuer: name(X509_get_issuer_name(certificate)),
            subjectAlternativeNames: alternativeNames(certificate),
            notBefore: timestamp(X509_get0_notBefore(certificate)),
            notAfter: timestamp(X509_get0_notAfter(certificate)))
    }

    private static func name(_ name: OpaquePointer?) -> String {
        guard let name, let bio = BIO_new(BIO_s_mem()) else { return "" }
        defer { BIO_free(bio) }
        X509_NAME_print_ex(bio, name, 0, CPLProbeOpenSSL_XN_FLAG_RFC2253())
        var data: UnsafeMutablePointer<CChar>?
        let length = CPLProbeOpenSSL_BIO_get_mem_data(bio, &data)
        guard let data, length > 0 else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }

    private static func alternativeNames(_ certificate: OpaquePointer) -> [String] {
        guard let names = CPLProbeOpenSSL_X509_get_subject_alt_names(certificate) else { return [] }
        defer { CPLProbeOpenSSL_GENERAL_NAMES_free(names) }
        var buffer = [CChar](repeating: 0, count: 256)
        return (0..<CPLProbeOpenSSL_GENERAL_NAMES_count(names)).compactMap { index in
            let length = CPLProbeOpenSSL_GENERAL_NAMES_text(names, index, &buffer, Int32(buffer.count))
            guard length > 0 else { return nil }
            return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    private static func timestamp(_ time: UnsafePointer<ASN1_TIME>?) -> Timestamp? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Timestamp(secondsSince1970: Double(timegm(&parts)))
    }
}
