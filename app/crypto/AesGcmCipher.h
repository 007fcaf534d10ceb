#pragma once

#include "util/RandomSource.h"
#include "util/Result.h"

#include <QByteArray>

namespace Crypto {

/// The parts of a serialized content blob, for display and for decryption.
struct GcmBlob
{
    QByteArray iv; ///< 12 bytes
    QByteArray ciphertext; ///< same length as the plaintext
    QByteArray tag; ///< 16 bytes
};

/// Error codes returned by AesGcmCipher (Util::Error::code).
namespace GcmError {
inline const QString BadBase64 = QStringLiteral("bad-base64");
inline const QString BadIvLength = QStringLiteral("bad-iv-length");
inline const QString Truncated = QStringLiteral("truncated");
inline const QString TagMismatch = QStringLiteral("tag-mismatch");
inline const QString BadKeyLength = QStringLiteral("bad-key-length");
inline const QString Internal = QStringLiteral("crypto-failure");
} // namespace GcmError

/// AES-256-GCM content encryption of protocol.md §3.2: 12-byte IV, 16-byte tag, no AAD, serialized
/// as uint32-BE IV length | IV | ciphertext | tag and Base64-encoded.
class AesGcmCipher
{
public:
    static constexpr int keyLength = 32;
    static constexpr int ivLength = 12;
    static constexpr int tagLength = 16;

    /// Encrypts with an explicit IV (known-answer tests); returns the Base64 blob.
    /// Errors: bad-key-length, bad-iv-length, crypto-failure.
    static Util::Result<QByteArray> encrypt(const QByteArray& key, const QByteArray& plaintext, const QByteArray& iv);
    /// Encrypts with a fresh random IV from `random`; returns the Base64 blob.
    static Util::Result<QByteArray> encrypt(
        const QByteArray& key, const QByteArray& plaintext, Util::RandomSource& random = Util::RandomSource::system());
    /// Splits a Base64 blob into IV, ciphertext and tag. Errors: bad-base64, truncated, bad-iv-length.
    static Util::Result<GcmBlob> parse(const QByteArray& base64Blob);
    /// Decrypts a Base64 blob and checks its tag. Errors: bad-key-length, bad-base64, truncated,
    /// bad-iv-length, tag-mismatch.
    static Util::Result<QByteArray> decrypt(const QByteArray& key, const QByteArray& base64Blob);
    /// Serializes parts into the Base64 blob.
    static QByteArray serialize(const GcmBlob& blob);
};

} // namespace Crypto
