#pragma once

#include "util/Result.h"

#include <QByteArray>

/// Text encodings used on the wire. Binary stays QByteArray until it reaches one of these.
namespace Crypto::Encoding {

QByteArray toBase64(const QByteArray& bytes);
/// Strict standard Base64 (with padding); error code "bad-base64" on any invalid character or length.
Util::Result<QByteArray> fromBase64(const QByteArray& text);
/// Percent-encoding as Java's URLEncoder does it for Base64 text: `+`→%2B, `/`→%2F, `=`→%3D.
QByteArray urlEncode(const QByteArray& text);
QByteArray urlDecode(const QByteArray& text);
/// Strict hex; error code "bad-hex".
Util::Result<QByteArray> fromHex(const QByteArray& text);
QByteArray sha256(const QByteArray& data);

} // namespace Crypto::Encoding
