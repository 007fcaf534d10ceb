#pragma once

#include "RsaKeys.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace Crypto {

/// An X.509 certificate with its key, as PEM (what the simulator keeps on disk).
struct CertifiedKey
{
    RsaPrivateKey key;
    QByteArray certificatePem;
    /// The certificate as DER (the `cert` field of a signing callback, Base64-encoded by the caller).
    QByteArray certificateDer() const;
};

/// A small certificate authority (the simulator's mock CA) and the signatures of protocol.md §4.6–§4.7.
class Signing
{
public:
    /// A self-signed CA certificate (basicConstraints CA:TRUE, keyCertSign) for a new key.
    static Util::Result<CertifiedKey> createAuthority(const QString& commonName, int days = 3650);
    /// A signing certificate for a new key, issued by `authority`. Error "crypto-failure".
    static Util::Result<CertifiedKey> issue(
        const CertifiedKey& authority, const QString& commonName, const QString& organisation, int days = 3650);
    /// Loads a key and certificate pair from PEM.
    static Util::Result<CertifiedKey> load(const QByteArray& keyPem, const QByteArray& certificatePem);

    /// SHA256withRSA (PKCS#1 v1.5 over the SHA-256 of `data`) when `algorithm` is "SHA256withRSA" (or empty);
    /// NONEwithRSA (PKCS#1 v1.5 over `data` itself, which must already be a hash) when "NONEwithRSA".
    /// Errors: "bad-algorithm", "crypto-failure".
    static Util::Result<QByteArray> sign(const RsaPrivateKey& key, const QByteArray& data, const QString& algorithm);
    /// A CMS (PKCS#7) detached signature over `content`, with the signer certificate, as DER.
    static Util::Result<QByteArray> cmsDetached(const CertifiedKey& signer, const QByteArray& content);
};

} // namespace Crypto
