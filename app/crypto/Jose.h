#pragma once

#include "RsaKeys.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>

namespace Crypto {

namespace JoseError {
inline const QString Malformed = QStringLiteral("bad-jose"); ///< not a compact JWS/JWE, bad Base64url or JSON
inline const QString BadSignature = QStringLiteral("bad-signature"); ///< JWS signature does not verify
inline const QString Unsupported = QStringLiteral("unsupported-alg"); ///< alg/enc we do not accept
inline const QString DecryptFailed = QStringLiteral("decrypt-failed"); ///< wrong key or altered JWE
inline const QString Internal = QStringLiteral("crypto-failure");
} // namespace JoseError

/// A decoded JOSE object: its protected header and its payload bytes (the JWT claims for a JWT).
struct JoseObject
{
    QJsonObject header;
    QByteArray payload;
    /// The payload parsed as a JSON object (empty when it is not one).
    QJsonObject claims() const;
};

/// JWS (JWT) and JWE in compact serialisation, through libcjose — the one wrapper around it.
/// Tokens of the gateway family (protocol.md §7) are HS256 JWTs; results are JWEs encrypted to the
/// client's RSA key with RSA-OAEP-256 and A256GCM.
class Jose
{
public:
    /// Compact JWS, HS256 over `payload` with `key` (at least 32 bytes). `header` members are added to
    /// {"alg":"HS256","typ":"JWT"}.
    static Util::Result<QByteArray> signHs256(
        const QByteArray& payload, const QByteArray& key, const QJsonObject& header = {});
    /// Verifies a compact HS256 JWS. Errors: bad-jose, unsupported-alg (alg is not HS256), bad-signature.
    static Util::Result<JoseObject> verifyHs256(const QByteArray& compact, const QByteArray& key);

    /// Compact JWE with alg RSA-OAEP-256, enc A256GCM; `header` members are added (e.g. "cty", "kid").
    static Util::Result<QByteArray> encryptRsa(
        const QByteArray& plaintext, const RsaPublicKey& key, const QJsonObject& header = {});
    /// Decrypts a compact JWE made with RSA-OAEP-256 or RSA-OAEP and A256GCM (or A128GCM).
    /// Errors: bad-jose, unsupported-alg, decrypt-failed.
    static Util::Result<JoseObject> decryptRsa(const QByteArray& compact, const RsaPrivateKey& key);

    /// The protected header of a compact JWS or JWE, without verifying anything. Errors: bad-jose.
    static Util::Result<QJsonObject> peekHeader(const QByteArray& compact);
    /// The payload of a compact JWS parsed as JSON claims, without verifying. Errors: bad-jose.
    static Util::Result<QJsonObject> peekClaims(const QByteArray& compactJws);
    /// True for a string of 5 dot-separated Base64url parts (a compact JWE).
    static bool looksLikeJwe(const QByteArray& text);
};

} // namespace Crypto
