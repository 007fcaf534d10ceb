#pragma once

#include "RsaKeys.h"
#include "util/RandomSource.h"
#include "util/Result.h"

namespace Crypto {

namespace WrapError {
inline const QString BadBase64 = QStringLiteral("bad-base64");
inline const QString DecryptFailed = QStringLiteral("unwrap-failed");
inline const QString BadCekLength = QStringLiteral("bad-cek-length");
inline const QString Internal = QStringLiteral("crypto-failure");
} // namespace WrapError

/// How a content key travels inside the RSA envelope (protocol.md §3.3, disagreement 5).
enum class CekEncoding
{
    Raw, ///< the 32 key bytes (getKey, the better-supported form)
    Base64Text ///< the 44-character Base64 text of the key (seen in callbacks)
};

/// RSA key wrapping of the 32-byte CEK with the KEK (protocol.md §3.3): RSAES-PKCS1-v1_5.
class KeyWrap
{
public:
    /// Encrypts `cek` to `kek` and returns the Base64 ciphertext (`secretKey`).
    static Util::Result<QByteArray> wrap(
        const RsaPublicKey& kek, const QByteArray& cek, CekEncoding encoding = CekEncoding::Raw);
    /// Decrypts a Base64 `secretKey` with PKCS#1 v1.5, falling back to OAEP (SHA-1, then SHA-256);
    /// accepts a raw 32-byte result or 44-character Base64 text. Returns the 32-byte CEK.
    /// Errors: bad-base64, unwrap-failed, bad-cek-length.
    static Util::Result<QByteArray> unwrap(const RsaPrivateKey& key, const QByteArray& base64SecretKey);
    /// Implicit rejection, for a server that must not be a padding oracle (the callback listener): like unwrap,
    /// but a secretKey that does not yield a 32-byte key gives a substitute key instead (HMAC of the ciphertext
    /// under a per-process secret, so the same input always gets the same key). The caller goes on exactly as
    /// with a good key and fails at the content's tag check. Why the unwrap failed goes to `*failure` (code empty
    /// when it did not), for the caller's own record only, never for the sender.
    static QByteArray unwrapOrSubstitute(
        const RsaPrivateKey& key, const QByteArray& base64SecretKey, Util::Error* failure);
};

} // namespace Crypto
