#include "RsaKeys.h"

#include "OpenSslError.h"
#include "RsaKeysPrivate.h"

#include <QFile>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace Crypto {
namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

Bio memoryBio(const QByteArray& data)
{
    return Bio(BIO_new_mem_buf(data.constData(), int(data.size())), &BIO_free);
}

QByteArray bioContents(BIO* bio)
{
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(length));
}

bool isRsa(EVP_PKEY* key)
{
    return key && EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA;
}

EVP_PKEY* publicFromCertificate(X509* cert)
{
    EVP_PKEY* key = cert ? X509_get_pubkey(cert) : nullptr;
    X509_free(cert);
    return key;
}

Util::Result<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Util::Error {KeyError::Io, QStringLiteral("%1: %2").arg(path, file.errorString())};
    return file.readAll();
}

int passwordCallback(char* buffer, int size, int, void* userData)
{
    const auto* password = static_cast<const QByteArray*>(userData);
    const int n = std::min(size, int(password->size()));
    memcpy(buffer, password->constData(), size_t(n));
    return n;
}

} // namespace

RsaPublicKey::RsaPublicKey() = default;
RsaPublicKey::~RsaPublicKey() = default;
RsaPublicKey::RsaPublicKey(const RsaPublicKey&) = default;
RsaPublicKey& RsaPublicKey::operator=(const RsaPublicKey&) = default;

bool RsaPublicKey::isNull() const
{
    return !m_impl;
}

Util::Result<RsaPublicKey> RsaPublicKey::fromData(const QByteArray& data)
{
    EVP_PKEY* key = nullptr;
    if (data.contains("-----BEGIN")) {
        if (data.contains("CERTIFICATE-----")) {
            auto bio = memoryBio(data);
            key = publicFromCertificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
        } else {
            auto bio = memoryBio(data);
            key = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
            if (!key) {
                auto bio2 = memoryBio(data);
                if (RSA* rsa = PEM_read_bio_RSAPublicKey(bio2.get(), nullptr, nullptr, nullptr)) {
                    key = EVP_PKEY_new();
                    EVP_PKEY_assign_RSA(key, rsa);
                }
            }
        }
    } else {
        const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
        key = publicFromCertificate(d2i_X509(nullptr, &p, long(data.size())));
        if (!key) {
            ERR_clear_error();
            p = reinterpret_cast<const unsigned char*>(data.constData());
            key = d2i_PUBKEY(nullptr, &p, long(data.size()));
        }
    }
    if (!key)
        return Util::Error {KeyError::BadKey,
            detail::drainOpenSslErrors(QStringLiteral("not a certificate or public key (PEM or DER)"))};
    ERR_clear_error();
    if (!isRsa(key)) {
        EVP_PKEY_free(key);
        return Util::Error {KeyError::NotRsa, QStringLiteral("the key is not an RSA key")};
    }
    RsaPublicKey out;
    out.m_impl = std::make_shared<Impl>(key);
    return out;
}

Util::Result<RsaPublicKey> RsaPublicKey::fromFile(const QString& path)
{
    auto data = readFile(path);
    if (!data)
        return data.error();
    return fromData(data.value());
}

QByteArray RsaPublicKey::toDer() const
{
    if (!m_impl)
        return {};
    unsigned char* out = nullptr;
    const int length = i2d_PUBKEY(m_impl->key, &out);
    if (length <= 0)
        return {};
    QByteArray der(reinterpret_cast<const char*>(out), length);
    OPENSSL_free(out);
    return der;
}

QByteArray RsaPublicKey::toPem() const
{
    if (!m_impl)
        return {};
    Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_PUBKEY(bio.get(), m_impl->key);
    return bioContents(bio.get());
}

int RsaPublicKey::bits() const
{
    return m_impl ? EVP_PKEY_get_bits(m_impl->key) : 0;
}

RsaPrivateKey::RsaPrivateKey() = default;
RsaPrivateKey::~RsaPrivateKey() = default;
RsaPrivateKey::RsaPrivateKey(const RsaPrivateKey&) = default;
RsaPrivateKey& RsaPrivateKey::operator=(const RsaPrivateKey&) = default;

bool RsaPrivateKey::isNull() const
{
    return !m_impl;
}

Util::Result<RsaPrivateKey> RsaPrivateKey::fromData(const QByteArray& data, const QByteArray& password)
{
    EVP_PKEY* key = nullptr;
    QByteArray pass = password;
    if (data.contains("-----BEGIN")) {
        auto bio = memoryBio(data);
        key = PEM_read_bio_PrivateKey(bio.get(), nullptr, &passwordCallback, &pass);
        if (!key && data.contains("ENCRYPTED"))
            return Util::Error {
                KeyError::BadPassword, detail::drainOpenSslErrors(QStringLiteral("cannot decrypt the private key"))};
    } else {
        const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
        PKCS12* p12 = d2i_PKCS12(nullptr, &p, long(data.size()));
        if (p12) {
            X509* cert = nullptr;
            const QByteArray zpass = password + '\0';
            const int ok = PKCS12_parse(p12, zpass.constData(), &key, &cert, nullptr);
            PKCS12_free(p12);
            X509_free(cert);
            if (!ok)
                return Util::Error {
                    KeyError::BadPassword, detail::drainOpenSslErrors(QStringLiteral("cannot open the PKCS#12 file"))};
        } else {
            ERR_clear_error();
            p = reinterpret_cast<const unsigned char*>(data.constData());
            key = d2i_AutoPrivateKey(nullptr, &p, long(data.size()));
        }
    }
    if (!key)
        return Util::Error {
            KeyError::BadKey, detail::drainOpenSslErrors(QStringLiteral("not a PEM, DER or PKCS#12 private key"))};
    ERR_clear_error();
    if (!isRsa(key)) {
        EVP_PKEY_free(key);
        return Util::Error {KeyError::NotRsa, QStringLiteral("the key is not an RSA key")};
    }
    RsaPrivateKey out;
    out.m_impl = std::make_shared<Impl>(key);
    return out;
}

Util::Result<RsaPrivateKey> RsaPrivateKey::fromFile(const QString& path, const QByteArray& password)
{
    auto data = readFile(path);
    if (!data)
        return data.error();
    return fromData(data.value(), password);
}

Util::Result<RsaPrivateKey> RsaPrivateKey::generate(int bits)
{
    EVP_PKEY* key = EVP_RSA_gen(unsigned(bits));
    if (!key)
        return Util::Error {KeyError::Internal, detail::drainOpenSslErrors(QStringLiteral("RSA key generation"))};
    RsaPrivateKey out;
    out.m_impl = std::make_shared<Impl>(key);
    return out;
}

RsaPublicKey RsaPrivateKey::publicKey() const
{
    RsaPublicKey out;
    if (!m_impl)
        return out;
    // Round-trip through DER so the public handle holds no private material.
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(m_impl->key, &der);
    if (length <= 0)
        return out;
    const unsigned char* p = der;
    EVP_PKEY* pub = d2i_PUBKEY(nullptr, &p, length);
    OPENSSL_free(der);
    if (pub)
        out.m_impl = std::make_shared<RsaPublicKey::Impl>(pub);
    return out;
}

QByteArray RsaPrivateKey::toPem() const
{
    if (!m_impl)
        return {};
    Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), m_impl->key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioContents(bio.get());
}

} // namespace Crypto
