#include "HmacSigner.h"

#include "Encoding.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace Crypto {

QByteArray HmacSigner::stringToSign(const QString& clientId, qint64 timestamp, const QString& nonce,
    const QByteArray& body, const QString& signatureMethod)
{
    QByteArray out = clientId.toUtf8();
    out += signatureMethod.toUtf8();
    out += QByteArray::number(timestamp);
    out += nonce.toUtf8();
    out += body;
    return out;
}

QByteArray HmacSigner::hmacSha256(const QByteArray& key, const QByteArray& data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t outLength = 0;
    // An empty key is legal for HMAC; pass a valid pointer either way.
    static const unsigned char empty = 0;
    const void* keyData = key.isEmpty() ? static_cast<const void*>(&empty) : static_cast<const void*>(key.constData());
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, keyData, size_t(key.size()),
            reinterpret_cast<const unsigned char*>(data.constData()), size_t(data.size()), out, sizeof out,
            &outLength)) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char*>(out), qsizetype(outLength));
}

SignatureParts HmacSigner::sign(const QString& clientId, const QByteArray& clientSecret, qint64 timestamp,
    const QString& nonce, const QByteArray& body)
{
    SignatureParts parts;
    parts.stringToSign = stringToSign(clientId, timestamp, nonce, body);
    parts.digest = hmacSha256(clientSecret, parts.stringToSign);
    parts.base64 = Encoding::toBase64(parts.digest);
    parts.headerValue = Encoding::urlEncode(parts.base64);
    return parts;
}

bool HmacSigner::verify(const QString& clientId, const QByteArray& clientSecret, qint64 timestamp, const QString& nonce,
    const QByteArray& body, const QByteArray& presented)
{
    const QByteArray expected = sign(clientId, clientSecret, timestamp, nonce, body).base64;
    // The URL-encoded form contains '%'; plain Base64 never does, so decoding is unambiguous.
    const QByteArray candidate = presented.contains('%') ? Encoding::urlDecode(presented) : presented;
    if (candidate.size() != expected.size())
        return false;
    return CRYPTO_memcmp(candidate.constData(), expected.constData(), size_t(expected.size())) == 0;
}

} // namespace Crypto
