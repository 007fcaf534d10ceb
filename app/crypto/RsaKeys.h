#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Crypto {

namespace KeyError {
inline const QString BadKey = QStringLiteral("bad-key");
inline const QString BadPassword = QStringLiteral("bad-password");
inline const QString NotRsa = QStringLiteral("not-rsa");
inline const QString Io = QStringLiteral("io-error");
inline const QString Internal = QStringLiteral("crypto-failure");
} // namespace KeyError

class RsaPrivateKey;

/// An RSA public key (the KEK), loaded from an X.509 certificate or a SubjectPublicKeyInfo, PEM or DER.
class RsaPublicKey
{
public:
    RsaPublicKey();
    ~RsaPublicKey();
    RsaPublicKey(const RsaPublicKey&);
    RsaPublicKey& operator=(const RsaPublicKey&);

    bool isNull() const;
    /// Accepts a certificate or public key, PEM or DER. Errors: bad-key, not-rsa.
    static Util::Result<RsaPublicKey> fromData(const QByteArray& data);
    static Util::Result<RsaPublicKey> fromFile(const QString& path);

    /// SubjectPublicKeyInfo, DER (the getKey response's `pubKey`, Base64-encoded by the caller).
    QByteArray toDer() const;
    QByteArray toPem() const;
    int bits() const;

private:
    friend class RsaPrivateKey;
    friend class KeyWrap;
    friend class CertificateAuthority;
    friend class Certificates;
    friend class Signing;
    friend class Jose;
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

/// An RSA private key, loaded from PEM (PKCS#1 or PKCS#8, optionally encrypted) or PKCS#12.
class RsaPrivateKey
{
public:
    RsaPrivateKey();
    ~RsaPrivateKey();
    RsaPrivateKey(const RsaPrivateKey&);
    RsaPrivateKey& operator=(const RsaPrivateKey&);

    bool isNull() const;
    /// PEM or DER private key, or PKCS#12 (with `password`). Errors: bad-key, bad-password, not-rsa.
    static Util::Result<RsaPrivateKey> fromData(const QByteArray& data, const QByteArray& password = {});
    static Util::Result<RsaPrivateKey> fromFile(const QString& path, const QByteArray& password = {});
    static Util::Result<RsaPrivateKey> generate(int bits = 2048);

    RsaPublicKey publicKey() const;
    /// Unencrypted PKCS#8 PEM.
    QByteArray toPem() const;

private:
    friend class KeyWrap;
    friend class CertificateAuthority;
    friend class Certificates;
    friend class Signing;
    friend class Jose;
    struct Impl;
    std::shared_ptr<Impl> m_impl;
};

} // namespace Crypto
