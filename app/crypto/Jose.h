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
/// client's RSA key with RSA-OAEP and A256GCM.
///
/// Why RSA-OAEP (SHA-1) and not RSA-OAEP-256: Debian 12's libcjose 0.6.2.1 implements only RSA-OAEP and
/// RSA1_5 for RSA key management (cjose/header.h has no CJOSE_HDR_ALG_RSA_OAEP_256). RSA-OAEP with SHA-1 is
/// still sound for key wrapping (OAEP needs no collision resistance); RSA1_5 is never used or accepted.
///
/// Parsing is strict everywhere: exactly 3 (JWS) or 5 (JWE) parts, each in canonical unpadded Base64url
/// (so any altered character changes the decoded bytes), a JSON object as header. Headers with `crit`
/// (and, for JWE, `zip`) are refused with unsupported-alg. A key that is missing or too short gives
/// KeyError::BadKey ("bad-key").
class Jose
{
public:
    /// Compact JWS, HS256 over `payload` with `key` (at least 32 bytes, else bad-key). `header` members are
    /// added to {"alg":"HS256","typ":"JWT"} (a `typ` there replaces "JWT"; an `alg` other than HS256 is
    /// refused with unsupported-alg).
    static Util::Result<QByteArray> signHs256(
        const QByteArray& payload, const QByteArray& key, const QJsonObject& header = {});
    /// Verifies a compact HS256 JWS. Errors: bad-jose, unsupported-alg (alg is not HS256 — checked before
    /// anything is verified, so "none" never passes), bad-key (key under 32 bytes), bad-signature.
    static Util::Result<JoseObject> verifyHs256(const QByteArray& compact, const QByteArray& key);

    /// Compact JWE with alg RSA-OAEP, enc A256GCM; `header` members are added (e.g. "cty", "kid"); an `alg`
    /// or `enc` there must match. Errors: bad-key (null key), unsupported-alg, crypto-failure.
    static Util::Result<QByteArray> encryptRsa(
        const QByteArray& plaintext, const RsaPublicKey& key, const QJsonObject& header = {});
    /// Decrypts a compact JWE made with RSA-OAEP and A256GCM, A192GCM or A128GCM. RSA-OAEP-256, RSA1_5 and
    /// every other alg/enc give unsupported-alg before any decryption. Errors: bad-jose, unsupported-alg,
    /// bad-key (null key), decrypt-failed (wrong key, any altered byte, wrong IV/tag/encrypted-key length).
    static Util::Result<JoseObject> decryptRsa(const QByteArray& compact, const RsaPrivateKey& key);

    /// The protected header of a compact JWS or JWE, without verifying anything (every part must still be
    /// Base64url). Errors: bad-jose.
    static Util::Result<QJsonObject> peekHeader(const QByteArray& compact);
    /// The payload of a compact JWS parsed as JSON claims, without verifying. Errors: bad-jose.
    static Util::Result<QJsonObject> peekClaims(const QByteArray& compactJws);
    /// True for a string of 5 dot-separated Base64url parts (a compact JWE).
    static bool looksLikeJwe(const QByteArray& text);
};

} // namespace Crypto
