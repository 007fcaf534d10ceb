#include "Signing.h"

#include "OpenSslError.h"
#include "RsaKeysPrivate.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Crypto {
namespace {

using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

Util::Error failure(const QString& what)
{
    return {KeyError::Internal, detail::drainOpenSslErrors(what)};
}

X509Ptr parseCertificate(const QByteArray& pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), &X509_free);
}

QByteArray toPem(X509* cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_X509(bio.get(), cert);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

bool addExtension(X509* cert, X509* issuer, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

/// A certificate for `subjectKey` named `cn`/`org`, signed by `issuerKey` (itself when issuerCert is null).
Util::Result<QByteArray> makeCertificate(EVP_PKEY* subjectKey, const QString& cn, const QString& org,
    EVP_PKEY* issuerKey, X509* issuerCert, bool isAuthority, int days)
{
    X509Ptr cert(X509_new(), &X509_free);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    bool ok = cert && bn && X509_set_version(cert.get(), 2) && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()))
        && X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600)
        && X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(days) * 86400)
        && X509_set_pubkey(cert.get(), subjectKey);
    BN_free(bn);
    if (!ok)
        return failure(QStringLiteral("certificate"));
    X509_NAME* name = X509_get_subject_name(cert.get());
    const QByteArray cnBytes = cn.toUtf8();
    const QByteArray orgBytes = org.toUtf8();
    if (!orgBytes.isEmpty())
        X509_NAME_add_entry_by_txt(
            name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(orgBytes.constData()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cnBytes.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), issuerCert ? X509_get_subject_name(issuerCert) : name);
    X509* issuer = issuerCert ? issuerCert : cert.get();
    ok = isAuthority ? addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:TRUE")
            && addExtension(cert.get(), issuer, NID_key_usage, "critical,keyCertSign,cRLSign")
                     : addExtension(cert.get(), issuer, NID_basic_constraints, "CA:FALSE")
            && addExtension(cert.get(), issuer, NID_key_usage, "critical,digitalSignature,nonRepudiation");
    ok = ok && addExtension(cert.get(), issuer, NID_subject_key_identifier, "hash")
        && X509_sign(cert.get(), issuerKey, EVP_sha256()) > 0;
    if (!ok)
        return failure(QStringLiteral("certificate signing"));
    return toPem(cert.get());
}

} // namespace

QByteArray CertifiedKey::certificateDer() const
{
    X509Ptr cert = parseCertificate(certificatePem);
    if (!cert)
        return {};
    unsigned char* out = nullptr;
    const int length = i2d_X509(cert.get(), &out);
    if (length <= 0)
        return {};
    QByteArray der(reinterpret_cast<const char*>(out), length);
    OPENSSL_free(out);
    return der;
}

Util::Result<CertifiedKey> Signing::createAuthority(const QString& commonName, int days)
{
    auto key = RsaPrivateKey::generate(2048);
    if (!key)
        return key.error();
    auto pem = makeCertificate(key->m_impl->key, commonName, {}, key->m_impl->key, nullptr, true, days);
    if (!pem)
        return pem.error();
    return CertifiedKey {key.value(), pem.value()};
}

Util::Result<CertifiedKey> Signing::issue(
    const CertifiedKey& authority, const QString& commonName, const QString& organisation, int days)
{
    X509Ptr caCert = parseCertificate(authority.certificatePem);
    if (!caCert || authority.key.isNull())
        return Util::Error {KeyError::BadKey, QStringLiteral("the authority has no usable certificate or key")};
    auto key = RsaPrivateKey::generate(2048);
    if (!key)
        return key.error();
    auto pem = makeCertificate(
        key->m_impl->key, commonName, organisation, authority.key.m_impl->key, caCert.get(), false, days);
    if (!pem)
        return pem.error();
    return CertifiedKey {key.value(), pem.value()};
}

Util::Result<CertifiedKey> Signing::load(const QByteArray& keyPem, const QByteArray& certificatePem)
{
    auto key = RsaPrivateKey::fromData(keyPem);
    if (!key)
        return key.error();
    if (!parseCertificate(certificatePem))
        return failure(QStringLiteral("not a PEM certificate"));
    return CertifiedKey {key.value(), certificatePem};
}

Util::Result<QByteArray> Signing::sign(const RsaPrivateKey& key, const QByteArray& data, const QString& algorithm)
{
    if (key.isNull())
        return Util::Error {KeyError::BadKey, QStringLiteral("no signing key")};
    const auto* in = reinterpret_cast<const unsigned char*>(data.constData());
    size_t length = 0;
    if (algorithm.isEmpty() || algorithm == QLatin1String("SHA256withRSA")) {
        std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
        if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.m_impl->key) != 1
            || EVP_DigestSign(ctx.get(), nullptr, &length, in, size_t(data.size())) != 1)
            return failure(QStringLiteral("SHA256withRSA"));
        QByteArray out(qsizetype(length), Qt::Uninitialized);
        if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length, in, size_t(data.size()))
            != 1)
            return failure(QStringLiteral("SHA256withRSA"));
        out.resize(qsizetype(length));
        return out;
    }
    if (algorithm == QLatin1String("NONEwithRSA")) {
        // Java's NONEwithRSA: PKCS#1 v1.5 type-1 padding of the given bytes, no DigestInfo.
        std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
            EVP_PKEY_CTX_new(key.m_impl->key, nullptr), &EVP_PKEY_CTX_free);
        if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1
            || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1
            || EVP_PKEY_sign(ctx.get(), nullptr, &length, in, size_t(data.size())) != 1)
            return failure(QStringLiteral("NONEwithRSA"));
        QByteArray out(qsizetype(length), Qt::Uninitialized);
        if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &length, in, size_t(data.size()))
            != 1)
            return failure(QStringLiteral("NONEwithRSA"));
        out.resize(qsizetype(length));
        return out;
    }
    return Util::Error {
        QStringLiteral("bad-algorithm"), QStringLiteral("unsupported signature algorithm %1").arg(algorithm)};
}

Util::Result<QByteArray> Signing::cmsDetached(const CertifiedKey& signer, const QByteArray& content)
{
    X509Ptr cert = parseCertificate(signer.certificatePem);
    if (!cert || signer.key.isNull())
        return Util::Error {KeyError::BadKey, QStringLiteral("the signer has no usable certificate or key")};
    BioPtr in(BIO_new_mem_buf(content.constData(), int(content.size())), &BIO_free);
    CMS_ContentInfo* cms = CMS_sign(cert.get(), signer.key.m_impl->key, nullptr, in.get(), CMS_DETACHED | CMS_BINARY);
    if (!cms)
        return failure(QStringLiteral("CMS signing"));
    unsigned char* out = nullptr;
    const int length = i2d_CMS_ContentInfo(cms, &out);
    CMS_ContentInfo_free(cms);
    if (length <= 0)
        return failure(QStringLiteral("CMS encoding"));
    QByteArray der(reinterpret_cast<const char*>(out), length);
    OPENSSL_free(out);
    return der;
}

} // namespace Crypto
