#pragma once

#include "RsaKeys.h"
#include "util/Result.h"

#include <QByteArray>
#include <QDateTime>
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

/// What a CMS SignedData says about its (first) signer, and whether it verifies over some content.
struct CmsInfo
{
    QString signer; ///< the signer certificate's subject CN
    QString issuer; ///< its issuer's CN
    QDateTime signingTime; ///< the signingTime signed attribute (invalid when absent)
    QByteArray messageDigest; ///< the messageDigest signed attribute
    bool valid = false; ///< signature and messageDigest verify over the content (the certificate is not judged)
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
    /// A detached CMS SignedData as a PDF signer makes it (adbe.pkcs7.detached): SHA-256, signed attributes
    /// contentType (id-data), signingTime and messageDigest = `digest` (the docDigest, already a SHA-256),
    /// with the signer certificate and `chainPem` (the issuing CA) included, as DER.
    static Util::Result<QByteArray> cmsForDigest(
        const CertifiedKey& signer, const QByteArray& chainPem, const QByteArray& digest, const QDateTime& signingTime);
    /// Reads a DER CMS SignedData and verifies it over `content` (detached). Error "bad-cms" when it is not one.
    static Util::Result<CmsInfo> inspectCms(const QByteArray& der, const QByteArray& content);
};

} // namespace Crypto
