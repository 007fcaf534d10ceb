#include "QrEncoder.h"

#include <cerrno>
#include <memory>

#include <qrencode.h>

namespace Qr {

Util::Result<QrMatrix> QrEncoder::encode(const QByteArray& text, ErrorLevel level)
{
    static const QRecLevel levels[] = {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H};
    errno = 0;
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(
            int(text.size()), reinterpret_cast<const unsigned char*>(text.constData()), 0, levels[int(level)]),
        &QRcode_free);
    if (!code) {
        if (errno == ERANGE)
            return Util::Error {QStringLiteral("qr-too-long"),
                QStringLiteral("%1 bytes do not fit in a QR code at this error level").arg(text.size())};
        return Util::Error {QStringLiteral("qr-failed"), QStringLiteral("libqrencode failed (errno %1)").arg(errno)};
    }
    QrMatrix m;
    m.size = code->width;
    m.modules.resize(m.size * m.size);
    for (int i = 0; i < m.size * m.size; ++i)
        m.modules[i] = (code->data[i] & 0x01) != 0; // bit 0: dark module
    return m;
}

QString QrEncoder::toSvg(const QrMatrix& matrix, int moduleSize, int quietZone)
{
    const int total = (matrix.size + 2 * quietZone) * moduleSize;
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
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%1\" viewBox=\"0 0 %2 %2\" "
                          "shape-rendering=\"crispEdges\"><rect width=\"%2\" height=\"%2\" fill=\"#fff\"/>"
                          "<path fill=\"#000\" d=\"%3\"/></svg>")
        .arg(total)
        .arg(units)
        .arg(path);
}

} // namespace Qr
