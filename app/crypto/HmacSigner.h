#pragma once

#include <QByteArray>
#include <QString>

namespace Crypto {

/// Every intermediate of a request signature, so the UI can show each step (protocol.md §2.2).
struct SignatureParts
{
    QByteArray stringToSign; ///< clientID + signatureMethod + timestamp + nonce + body, as UTF-8 bytes
    QByteArray digest; ///< raw HMAC-SHA256, 32 bytes
    QByteArray base64; ///< standard Base64 of digest, 44 characters
    QByteArray headerValue; ///< base64, URL-encoded (the `signature` header)
};

/// HMAC-SHA256 request signatures of protocol.md §2.2.
class HmacSigner
{
public:
    static constexpr const char* method = "HmacSHA256";

    /// The string-to-sign: plain concatenation, no separators, the body as its exact bytes.
    static QByteArray stringToSign(const QString& clientId, qint64 timestamp, const QString& nonce,
        const QByteArray& body, const QString& signatureMethod = QLatin1String(method));
    /// Signs with the client secret's UTF-8 bytes as the key.
    static SignatureParts sign(const QString& clientId, const QByteArray& clientSecret, qint64 timestamp,
        const QString& nonce, const QByteArray& body);
    /// Raw HMAC-SHA256 (used by sign and by tests against openssl).
    static QByteArray hmacSha256(const QByteArray& key, const QByteArray& data);
    /// Checks a presented `signature` header, URL-encoded or plain Base64, in constant time.
    static bool verify(const QString& clientId, const QByteArray& clientSecret, qint64 timestamp, const QString& nonce,
        const QByteArray& body, const QByteArray& presented);
};

} // namespace Crypto
