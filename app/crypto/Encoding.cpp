#include "Encoding.h"

#include <QCryptographicHash>
#include <QUrl>

namespace Crypto::Encoding {

QByteArray toBase64(const QByteArray& bytes)
{
    return bytes.toBase64();
}

Util::Result<QByteArray> fromBase64(const QByteArray& text)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.size() % 4 != 0)
        return Util::Result<QByteArray>::failure(
            QStringLiteral("bad-base64"), QStringLiteral("length %1 is not a multiple of 4").arg(trimmed.size()));
    auto decoded = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Util::Result<QByteArray>::failure(
            QStringLiteral("bad-base64"), QStringLiteral("invalid Base64 character or padding"));
    return *decoded;
}

QByteArray urlEncode(const QByteArray& text)
{
    // Unreserved characters stay, everything else (including + / =) becomes %XX with upper-case hex.
    return text.toPercentEncoding(QByteArrayLiteral("*"), QByteArrayLiteral("~"));
}

QByteArray urlDecode(const QByteArray& text)
{
    return QByteArray::fromPercentEncoding(text);
}

Util::Result<QByteArray> fromHex(const QByteArray& text)
{
    const QByteArray t = text.trimmed();
    if (t.size() % 2 != 0)
        return Util::Result<QByteArray>::failure(QStringLiteral("bad-hex"), QStringLiteral("odd number of hex digits"));
    for (char c : t) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return Util::Result<QByteArray>::failure(
                QStringLiteral("bad-hex"), QStringLiteral("'%1' is not a hex digit").arg(QLatin1Char(c)));
    }
    return QByteArray::fromHex(t);
}

QByteArray sha256(const QByteArray& data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

} // namespace Crypto::Encoding
