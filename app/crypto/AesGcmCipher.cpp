#include "AesGcmCipher.h"

#include "Encoding.h"
#include "OpenSslError.h"

#include <openssl/evp.h>

#include <memory>

namespace Crypto {
namespace {

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherCtx newContext()
{
    return CipherCtx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
}

const unsigned char* bytes(const QByteArray& b)
{
    return reinterpret_cast<const unsigned char*>(b.constData());
}

unsigned char* bytes(QByteArray& b)
{
    return reinterpret_cast<unsigned char*>(b.data());
}

Util::Error keyLengthError(const QByteArray& key)
{
    return {GcmError::BadKeyLength, QStringLiteral("AES-256 needs a 32-byte key, got %1 bytes").arg(key.size())};
}

} // namespace

Util::Result<QByteArray> AesGcmCipher::encrypt(const QByteArray& key, const QByteArray& plaintext, const QByteArray& iv)
{
    if (key.size() != keyLength)
        return keyLengthError(key);
    if (iv.size() != ivLength)
        return Util::Error {GcmError::BadIvLength, QStringLiteral("IV must be 12 bytes, got %1").arg(iv.size())};

    CipherCtx ctx = newContext();
    GcmBlob blob;
    blob.iv = iv;
    blob.ciphertext.resize(plaintext.size());
    blob.tag.resize(tagLength);
    int written = 0;
    int finalWritten = 0;
    const bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, ivLength, nullptr) == 1
        && EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(iv)) == 1
        && EVP_EncryptUpdate(ctx.get(), bytes(blob.ciphertext), &written, bytes(plaintext), int(plaintext.size())) == 1
        && EVP_EncryptFinal_ex(ctx.get(), bytes(blob.ciphertext) + written, &finalWritten) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tagLength, blob.tag.data()) == 1;
    if (!ok)
        return Util::Error {GcmError::Internal, detail::drainOpenSslErrors(QStringLiteral("AES-GCM encryption"))};
    return serialize(blob);
}

Util::Result<QByteArray> AesGcmCipher::encrypt(
    const QByteArray& key, const QByteArray& plaintext, Util::RandomSource& random)
{
    return encrypt(key, plaintext, random.bytes(ivLength));
}

QByteArray AesGcmCipher::serialize(const GcmBlob& blob)
{
    QByteArray raw;
    raw.reserve(4 + blob.iv.size() + blob.ciphertext.size() + blob.tag.size());
    const quint32 n = quint32(blob.iv.size());
    raw.append(char(n >> 24)).append(char(n >> 16)).append(char(n >> 8)).append(char(n));
    raw += blob.iv;
    raw += blob.ciphertext;
    raw += blob.tag;
    return Encoding::toBase64(raw);
}

Util::Result<GcmBlob> AesGcmCipher::parse(const QByteArray& base64Blob)
{
    auto raw = Encoding::fromBase64(base64Blob);
    if (!raw)
        return Util::Error {GcmError::BadBase64, raw.error().detail};
    const QByteArray& b = raw.value();
    if (b.size() < 4)
        return Util::Error {
            GcmError::Truncated, QStringLiteral("%1 bytes is too short for the IV length").arg(b.size())};
    const quint32 ivLen = (quint32(quint8(b[0])) << 24) | (quint32(quint8(b[1])) << 16) | (quint32(quint8(b[2])) << 8)
        | quint32(quint8(b[3]));
    if (ivLen != ivLength)
        return Util::Error {GcmError::BadIvLength, QStringLiteral("IV length field is %1, expected 12").arg(ivLen)};
    if (b.size() < 4 + ivLength + tagLength)
        return Util::Error {
            GcmError::Truncated, QStringLiteral("%1 bytes is shorter than IV length, IV and tag (32)").arg(b.size())};
    GcmBlob blob;
    blob.iv = b.mid(4, ivLength);
    blob.ciphertext = b.mid(4 + ivLength, b.size() - 4 - ivLength - tagLength);
    blob.tag = b.right(tagLength);
    return blob;
}

Util::Result<QByteArray> AesGcmCipher::decrypt(const QByteArray& key, const QByteArray& base64Blob)
{
    if (key.size() != keyLength)
        return keyLengthError(key);
    auto parsed = parse(base64Blob);
    if (!parsed)
        return parsed.error();
    GcmBlob blob = parsed.value();

    CipherCtx ctx = newContext();
    QByteArray plaintext(blob.ciphertext.size(), Qt::Uninitialized);
    int written = 0;
    int finalWritten = 0;
    const bool setup = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, ivLength, nullptr) == 1
        && EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(blob.iv)) == 1
        && EVP_DecryptUpdate(ctx.get(), bytes(plaintext), &written, bytes(blob.ciphertext), int(blob.ciphertext.size()))
            == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tagLength, blob.tag.data()) == 1;
    if (!setup)
        return Util::Error {GcmError::Internal, detail::drainOpenSslErrors(QStringLiteral("AES-GCM decryption"))};
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(plaintext) + written, &finalWritten) != 1) {
        detail::drainOpenSslErrors({});
        return Util::Error {
            GcmError::TagMismatch, QStringLiteral("authentication tag does not match (wrong key or altered data)")};
    }
    plaintext.resize(written + finalWritten);
    return plaintext;
}

} // namespace Crypto
