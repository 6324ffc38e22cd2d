// OpenSSL 3 exposes several operations only as function-like macros, which the
// Swift importer cannot call. Each wrapper below exists for that reason alone.
#ifndef CPLPROBE_OPENSSL_SHIM_H
#define CPLPROBE_OPENSSL_SHIM_H

#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

static inline long CPLProbeOpenSSL_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}

static inline long CPLProbeOpenSSL_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}

static inline long CPLProbeOpenSSL_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

static inline long CPLProbeOpenSSL_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}

static inline int CPLProbeOpenSSL_SSL_CTX_set1_groups_list(SSL_CTX *ctx, const char *list) {
    return (int)SSL_CTX_set1_groups_list(ctx, list);
}

static inline long CPLProbeOpenSSL_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

static inline size_t CPLProbeOpenSSL_BIO_pending(BIO *bio) {
    return BIO_pending(bio);
}

static inline int CPLProbeOpenSSL_sk_X509_num(const STACK_OF(X509) *stack) {
    return sk_X509_num(stack);
}

static inline X509 *CPLProbeOpenSSL_sk_X509_value(const STACK_OF(X509) *stack, int index) {
    return sk_X509_value(stack, index);
}

/// The subjectAltName extension as an opaque stack, or NULL; free with
/// CPLProbeOpenSSL_GENERAL_NAMES_free.
static inline void *CPLProbeOpenSSL_X509_get_subject_alt_names(const X509 *certificate) {
    return X509_get_ext_d2i(certificate, NID_subject_alt_name, NULL, NULL);
}

static inline int CPLProbeOpenSSL_GENERAL_NAMES_count(const void *names) {
    return sk_GENERAL_NAME_num((const GENERAL_NAMES *)names);
}

/// Copies the DNS name or IP address at `index` as text into `buffer`.
/// Returns the number of bytes written, or 0 for other kinds of name.
static inline int CPLProbeOpenSSL_GENERAL_NAMES_text(const void *names, int index, char *buffer, int capacity) {
    const GENERAL_NAME *name = sk_GENERAL_NAME_value((const GENERAL_NAMES *)names, index);
    if (name == NULL || capacity <= 0) return 0;
    if (name->type == GEN_DNS) {
        int length = ASN1_STRING_length(name->d.dNSName);
        if (length >= capacity) length = capacity - 1;
        memcpy(buffer, ASN1_STRING_get0_data(name->d.dNSName), (size_t)length);
        buffer[length] = 0;
        return length;
    }
    if (name->type == GEN_IPADD) {
        int length = ASN1_STRING_length(name->d.iPAddress);
        const unsigned char *bytes = ASN1_STRING_get0_data(name->d.iPAddress);
        char text[INET6_ADDRSTRLEN];
        if ((length != 4 && length != 16) || inet_ntop(length == 4 ? AF_INET : AF_INET6, bytes, text, sizeof text) == NULL) return 0;
        int written = snprintf(buffer, (size_t)capacity, "IP:%s", text);
        return written < capacity ? written : capacity - 1;
    }
    return 0;
}

static inline void CPLProbeOpenSSL_GENERAL_NAMES_free(void *names) {
    GENERAL_NAMES_free((GENERAL_NAMES *)names);
}

static inline EVP_PKEY *CPLProbeOpenSSL_EVP_EC_gen(const char *curve) {
    return EVP_EC_gen(curve);
}

// SSL_OP_* are built by the SSL_OP_BIT macro, which Swift cannot import.
static inline uint64_t CPLProbeOpenSSL_SSL_OP_NO_TICKET(void) { return SSL_OP_NO_TICKET; }
static inline uint64_t CPLProbeOpenSSL_SSL_OP_IGNORE_UNEXPECTED_EOF(void) { return SSL_OP_IGNORE_UNEXPECTED_EOF; }
static inline uint64_t CPLProbeOpenSSL_SSL_OP_NO_COMPRESSION(void) { return SSL_OP_NO_COMPRESSION; }

// Wraps the SSL_CTX_add1_chain_cert macro.
static inline long CPLProbeOpenSSL_SSL_CTX_add1_chain_cert(SSL_CTX *ctx, X509 *certificate) {
    return SSL_CTX_add1_chain_cert(ctx, certificate);
}

// XN_FLAG_RFC2253 combines several macros, which Swift cannot import.
static inline unsigned long CPLProbeOpenSSL_XN_FLAG_RFC2253(void) { return XN_FLAG_RFC2253; }

#endif
