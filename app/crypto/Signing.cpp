#include "Signing.h"

#include "OpenSslError.h"
#include "RsaKeysPrivate.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
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

Util::Result<QByteArray> Signing::cmsForDigest(
    const CertifiedKey& signer, const QByteArray& chainPem, const QByteArray& digest, const QDateTime& signingTime)
{
    X509Ptr cert = parseCertificate(signer.certificatePem);
    if (!cert || signer.key.isNull())
        return Util::Error {KeyError::BadKey, QStringLiteral("the signer has no usable certificate or key")};
    if (digest.size() != 32)
        return Util::Error {QStringLiteral("bad-digest"),
            QStringLiteral("docDigest must be a Base64 SHA-256 (32 bytes), not %1 bytes").arg(digest.size())};
    using CmsPtr = std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)>;
    constexpr unsigned flags = CMS_PARTIAL | CMS_DETACHED | CMS_BINARY | CMS_NOSMIMECAP;
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags), &CMS_ContentInfo_free);
    if (!cms)
        return failure(QStringLiteral("CMS SignedData"));
    CMS_SignerInfo* si = CMS_add1_signer(cms.get(), cert.get(), signer.key.m_impl->key, EVP_sha256(), flags);
    if (!si)
        return failure(QStringLiteral("CMS signer"));
    const auto* md = reinterpret_cast<const unsigned char*>(digest.constData());
    std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> when(
        ASN1_TIME_set(nullptr, time_t(signingTime.toSecsSinceEpoch())), &ASN1_TIME_free);
    bool ok = when
        && CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1)
        && CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, ASN1_STRING_type(when.get()), when.get(), -1)
        && CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, md, int(digest.size()));
    BioPtr chain(BIO_new_mem_buf(chainPem.constData(), int(chainPem.size())), &BIO_free);
    while (ok && !chainPem.isEmpty()) {
        X509* extra = PEM_read_bio_X509(chain.get(), nullptr, nullptr, nullptr);
        if (!extra)
            break;
        ok = CMS_add0_cert(cms.get(), extra) == 1;
        if (!ok)
            X509_free(extra);
    }
    ERR_clear_error(); // the end of the PEM chain
    if (!ok || CMS_SignerInfo_sign(si) != 1)
        return failure(QStringLiteral("CMS signed attributes"));
    unsigned char* out = nullptr;
    const int length = i2d_CMS_ContentInfo(cms.get(), &out);
    if (length <= 0)
        return failure(QStringLiteral("CMS encoding"));
    QByteArray der(reinterpret_cast<const char*>(out), length);
    OPENSSL_free(out);
    return der;
}

namespace {
QString commonName(const X509_NAME* name)
{
    const int at = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (at < 0)
        return {};
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, at)));
    if (length < 0)
        return {};
    const QString out = QString::fromUtf8(reinterpret_cast<const char*>(utf8), length);
    OPENSSL_free(utf8);
    return out;
}
} // namespace

Util::Result<CmsInfo> Signing::inspectCms(const QByteArray& der, const QByteArray& content)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> cms(
        d2i_CMS_ContentInfo(nullptr, &p, long(der.size())), &CMS_ContentInfo_free);
    if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
        ERR_clear_error();
        return Util::Error {QStringLiteral("bad-cms"), QStringLiteral("pdfSignature is not a DER CMS SignedData")};
    }
    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms.get());
    if (sk_CMS_SignerInfo_num(signers) < 1)
        return Util::Error {QStringLiteral("bad-cms"), QStringLiteral("pdfSignature has no signer")};
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(signers, 0);
    CmsInfo info;
    const int mdAt = CMS_signed_get_attr_by_NID(si, NID_pkcs9_messageDigest, -1);
    if (mdAt >= 0) {
        const auto* os = static_cast<const ASN1_OCTET_STRING*>(
            X509_ATTRIBUTE_get0_data(CMS_signed_get_attr(si, mdAt), 0, V_ASN1_OCTET_STRING, nullptr));
        if (os)
            info.messageDigest
                = QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(os)), ASN1_STRING_length(os));
    }
    const int timeAt = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
    if (timeAt >= 0) {
        ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, timeAt), 0);
        struct tm tm
        {
        };
        if (t && (t->type == V_ASN1_UTCTIME || t->type == V_ASN1_GENERALIZEDTIME)
            && ASN1_TIME_to_tm(reinterpret_cast<const ASN1_TIME*>(t->value.asn1_string), &tm) == 1)
            info.signingTime = QDateTime(
                QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
    }
    X509* cert = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, &cert, nullptr, nullptr);
    if (!cert) {
        std::unique_ptr<STACK_OF(X509), void (*)(STACK_OF(X509)*)> certs(
            CMS_get1_certs(cms.get()), [](STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); });
        if (certs)
            CMS_set1_signers_certs(cms.get(), certs.get(), 0);
        CMS_SignerInfo_get0_algs(si, nullptr, &cert, nullptr, nullptr);
    }
    if (cert) {
        info.signer = commonName(X509_get_subject_name(cert));
        info.issuer = commonName(X509_get_issuer_name(cert));
    }
    BioPtr in(BIO_new_mem_buf(content.constData(), int(content.size())), &BIO_free);
    info.valid
        = CMS_verify(cms.get(), nullptr, nullptr, in.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) == 1;
    ERR_clear_error();
    return info;
}

} // namespace Crypto
