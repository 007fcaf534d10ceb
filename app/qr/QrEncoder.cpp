#include "QrEncoder.h"

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <memory>

namespace Qr {
namespace {

using QrCodePtr = std::unique_ptr<QRcode, decltype(&QRcode_free)>;

QRecLevel toLibLevel(ErrorLevel level)
{
    switch (level) {
    case ErrorLevel::Low:
        return QR_ECLEVEL_L;
    case ErrorLevel::Medium:
        return QR_ECLEVEL_M;
    case ErrorLevel::Quartile:
        return QR_ECLEVEL_Q;
    case ErrorLevel::High:
        return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

} // namespace

Util::Result<QrMatrix> QrEncoder::encode(const QByteArray& text, ErrorLevel level)
{
    // libqrencode reports why it returned NULL only through errno: ERANGE = too long, EINVAL, ENOMEM.
    errno = 0;
    QrCodePtr code(QRcode_encodeData(int(text.size()), reinterpret_cast<const unsigned char*>(text.constData()),
                       0 /* smallest version that fits */, toLibLevel(level)),
        &QRcode_free);
    const int error = errno;
    if (!code) {
        if (error == ERANGE)
            return Util::Error {QrError::TooLong,
                QStringLiteral("%1 bytes do not fit in a QR code (version 40) at this error correction level")
                    .arg(text.size())};
        return Util::Error {QrError::Failed,
            QStringLiteral("libqrencode could not encode %1 bytes: %2").arg(text.size()).arg(qt_error_string(error))};
    }

    QrMatrix matrix;
    matrix.size = code->width;
    const int count = matrix.size * matrix.size;
    matrix.modules.resize(count);
    for (int i = 0; i < count; ++i)
        matrix.modules[i] = (code->data[i] & 0x01) != 0; // bit 0 is the colour; the other bits say what it is part of
    return matrix;
}

QString QrEncoder::toSvg(const QrMatrix& matrix, int moduleSize, int quietZone)
{
    moduleSize = std::max(moduleSize, 1);
    quietZone = std::max(quietZone, 0);

    // One path in module units, one subpath per horizontal run of dark modules: a few KB even for version 40.
    QString path;
    for (int y = 0; y < matrix.size; ++y) {
        for (int x = 0; x < matrix.size;) {
            if (!matrix.dark(x, y)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < matrix.size && matrix.dark(x + run, y))
                ++run;
            path += QStringLiteral("M%1 %2h%3v1h-%3z").arg(x + quietZone).arg(y + quietZone).arg(run);
            x += run;
        }
    }

    const int units = matrix.size + 2 * quietZone;
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%1\" height=\"%1\" "
                          "viewBox=\"0 0 %2 %2\" shape-rendering=\"crispEdges\">"
                          "<rect width=\"%2\" height=\"%2\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"%3\"/></svg>")
        .arg(units * moduleSize)
        .arg(units)
        .arg(path);
}

QString QrEncoder::toTerminal(const QrMatrix& matrix, int quietZone)
{
    quietZone = std::max(quietZone, 0);
    const int units = matrix.size + 2 * quietZone;
    auto light = [&](int x, int y) {
        x -= quietZone;
        y -= quietZone;
        return x < 0 || y < 0 || x >= matrix.size || y >= matrix.size || !matrix.dark(x, y);
    };
    QString out;
    for (int y = 0; y < units; y += 2) {
        for (int x = 0; x < units; ++x) {
            const bool top = light(x, y);
            const bool bottom = y + 1 < units && light(x, y + 1);
            out += top && bottom ? QChar(0x2588) : top ? QChar(0x2580) : bottom ? QChar(0x2584) : QChar(u' ');
        }
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace Qr
