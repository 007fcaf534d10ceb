#include "KeyWrap.h"

#include "Encoding.h"
#include "HmacSigner.h"
#include "OpenSslError.h"
#include "RsaKeysPrivate.h"

#include <openssl/err.h>
#include <openssl/rsa.h>

#include <optional>

namespace Crypto {
namespace {

using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;

enum class Padding
{
    Pkcs1,
    OaepSha1,
    OaepSha256
};

bool configure(EVP_PKEY_CTX* ctx, Padding padding)
{
    switch (padding) {
    case Padding::Pkcs1:
        return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) > 0;
    case Padding::OaepSha1:
        return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) > 0
            && EVP_PKEY_CTX_set_rsa_oaep_md(ctx, EVP_sha1()) > 0;
    case Padding::OaepSha256:
        return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) > 0
            && EVP_PKEY_CTX_set_rsa_oaep_md(ctx, EVP_sha256()) > 0
            && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()) > 0;
    }
    return false;
}

std::optional<QByteArray> decryptWith(EVP_PKEY* key, const QByteArray& in, Padding padding)
{
    PkeyCtx ctx(EVP_PKEY_CTX_new(key, nullptr), &EVP_PKEY_CTX_free);
    size_t outLength = 0;
    const auto* inBytes = reinterpret_cast<const unsigned char*>(in.constData());
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) <= 0 || !configure(ctx.get(), padding)
        || EVP_PKEY_decrypt(ctx.get(), nullptr, &outLength, inBytes, size_t(in.size())) <= 0) {
        ERR_clear_error();
        return std::nullopt;
    }
    QByteArray out(qsizetype(outLength), Qt::Uninitialized);
    if (EVP_PKEY_decrypt(
            ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &outLength, inBytes, size_t(in.size()))
        <= 0) {
        ERR_clear_error();
        return std::nullopt;
    }
    out.resize(qsizetype(outLength));
    return out;
}

} // namespace

Util::Result<QByteArray> KeyWrap::wrap(const RsaPublicKey& kek, const QByteArray& cek, CekEncoding encoding)
{
    if (kek.isNull())
        return Util::Error {KeyError::BadKey, QStringLiteral("no KEK certificate or public key")};
    if (cek.size() != 32)
        return Util::Error {WrapError::BadCekLength, QStringLiteral("a CEK is 32 bytes, got %1").arg(cek.size())};
    const QByteArray plain = encoding == CekEncoding::Raw ? cek : Encoding::toBase64(cek);
    PkeyCtx ctx(EVP_PKEY_CTX_new(kek.m_impl->key, nullptr), &EVP_PKEY_CTX_free);
    size_t outLength = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(plain.constData());
    if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) <= 0 || !configure(ctx.get(), Padding::Pkcs1)
        || EVP_PKEY_encrypt(ctx.get(), nullptr, &outLength, in, size_t(plain.size())) <= 0)
        return Util::Error {WrapError::Internal, detail::drainOpenSslErrors(QStringLiteral("RSA encryption"))};
    QByteArray out(qsizetype(outLength), Qt::Uninitialized);
    if (EVP_PKEY_encrypt(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &outLength, in, size_t(plain.size()))
        <= 0)
        return Util::Error {WrapError::Internal, detail::drainOpenSslErrors(QStringLiteral("RSA encryption"))};
    out.resize(qsizetype(outLength));
    return Encoding::toBase64(out);
}

Util::Result<QByteArray> KeyWrap::unwrap(const RsaPrivateKey& key, const QByteArray& base64SecretKey)
{
    if (key.isNull())
        return Util::Error {KeyError::BadKey, QStringLiteral("no KEK private key")};
    auto cipher = Encoding::fromBase64(base64SecretKey);
    if (!cipher)
        return Util::Error {WrapError::BadBase64, QStringLiteral("secretKey: ") + cipher.error().detail};
    // Every padding is tried whatever the first gives, so the work done does not tell which one fitted. A
    // ciphertext of one padding can decode under another by chance (an OAEP block is valid PKCS#1 v1.5 about once
    // in 430), so the first decoding that is a CEK wins, not merely the first decoding.
    std::optional<QByteArray> first;
    std::optional<QByteArray> cek;
    for (Padding padding : {Padding::Pkcs1, Padding::OaepSha1, Padding::OaepSha256}) {
        auto attempt = decryptWith(key.m_impl->key, cipher.value(), padding);
        if (!attempt)
            continue;
        if (!first)
            first = attempt.value();
        if (cek)
            continue;
        if (attempt->size() == 32) {
            cek = attempt.value();
        } else if (attempt->size() == 44) {
            auto decoded = Encoding::fromBase64(attempt.value());
            if (decoded && decoded->size() == 32)
                cek = decoded.value();
        }
    }
    if (cek)
        return *cek;
    if (!first)
        return Util::Error {WrapError::DecryptFailed,
            QStringLiteral("RSA decryption failed with PKCS#1 v1.5 and OAEP (wrong private key?)")};
    return Util::Error {WrapError::BadCekLength,
        QStringLiteral("unwrapped key is %1 bytes, neither 32 raw bytes nor 44 Base64 characters").arg(first->size())};
}

QByteArray KeyWrap::unwrapOrSubstitute(
    const RsaPrivateKey& key, const QByteArray& base64SecretKey, Util::Error* failure)
{
    static const QByteArray substituteSecret = Util::RandomSource::system().bytes(32);
    auto cek = unwrap(key, base64SecretKey);
    if (cek) {
        *failure = {};
        return cek.value();
    }
    *failure = cek.error();
    return HmacSigner::hmacSha256(substituteSecret, "implicit-rejection|" + base64SecretKey);
}

} // namespace Crypto
