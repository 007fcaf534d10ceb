#include "Certificates.h"

#include "OpenSslError.h"
#include "RsaKeysPrivate.h"

#include <QHostAddress>

#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Crypto {

Util::Result<QByteArray> Certificates::selfSigned(
    const RsaPrivateKey& key, const QString& commonName, int days, const QStringList& hosts)
{
    if (key.isNull())
        return Util::Error {KeyError::BadKey, QStringLiteral("no key to certify")};
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
    auto fail = [] {
        return Util::Error {KeyError::Internal, detail::drainOpenSslErrors(QStringLiteral("certificate"))};
    };
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool ok = cert && X509_set_version(cert.get(), 2) && bn
        && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()))
        && X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600)
        && X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(days) * 86400)
        && X509_set_pubkey(cert.get(), key.m_impl->key);
    BN_free(bn);
    if (!ok)
        return fail();
    X509_NAME* name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (!hosts.isEmpty()) {
        QStringList entries;
        for (const QString& h : hosts)
            entries << (QHostAddress(h).isNull() ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + h;
        X509V3_CTX ctx;
        X509V3_set_ctx_nodb(&ctx);
        X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
        const QByteArray value = entries.join(QLatin1Char(',')).toLatin1();
        X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, value.constData());
        if (!ext)
            return fail();
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (!X509_sign(cert.get(), key.m_impl->key, EVP_sha256()))
        return fail();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_X509(bio.get(), cert.get());
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

} // namespace Crypto
