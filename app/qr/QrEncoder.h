#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace Qr {

/// A QR symbol as a square of modules, row-major, true = dark.
struct QrMatrix
{
    int size = 0;
    QVector<bool> modules;
    bool dark(int x, int y) const { return modules.at(y * size + x); }
};

enum class ErrorLevel
{
    Low,
    Medium,
    Quartile,
    High
};

/// QR encoding through libqrencode (8-bit mode, smallest version that fits).
class QrEncoder
{
public:
    /// Errors: "qr-too-long" when the data exceeds QR capacity, "qr-failed" otherwise.
    static Util::Result<QrMatrix> encode(const QByteArray& text, ErrorLevel level = ErrorLevel::Medium);
    /// A self-contained SVG (white background, one black path) with `quietZone` modules of margin.
    static QString toSvg(const QrMatrix& matrix, int moduleSize = 8, int quietZone = 4);
};

} // namespace Qr
