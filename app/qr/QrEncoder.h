#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>
#include <QVector>

namespace Qr {

/// A QR symbol as a square of modules, without the quiet zone.
struct QrMatrix
{
    int size = 0; ///< modules per side (21 for version 1, +4 per version, 177 for version 40)
    QVector<bool> modules; ///< size * size entries, row-major, true = dark

    /// Whether the module in column `x`, row `y` is dark; both must be in [0, size).
    bool dark(int x, int y) const { return modules.at(y * size + x); }
};

/// Error correction level (ISO/IEC 18004 §7.5.1): about 7 %, 15 %, 25 % or 30 % of the codewords recoverable.
enum class ErrorLevel
{
    Low,
    Medium,
    Quartile,
    High
};

/// Error codes returned by QrEncoder (Util::Error::code).
namespace QrError {
inline const QString TooLong = QStringLiteral("qr-too-long");
inline const QString Failed = QStringLiteral("qr-failed");
} // namespace QrError

/// QR encoding of the getQR / app-scheme URLs, behind libqrencode (8-bit byte mode, smallest version that fits).
class QrEncoder
{
public:
    /// Encodes `text` byte for byte (no character-set conversion, so UTF-8 stays UTF-8) in one 8-bit-mode segment,
    /// choosing the smallest version 1..40 that holds it at `level`.
    /// Errors: qr-too-long when the data exceeds the capacity of version 40 at `level` (2953 bytes at Low,
    /// 2331 at Medium); qr-failed for anything else (empty input, out of memory), with the system error in detail.
    static Util::Result<QrMatrix> encode(const QByteArray& text, ErrorLevel level = ErrorLevel::Medium);

    /// A self-contained SVG document for `matrix`: a white background and one black path (horizontal runs of dark
    /// modules merged), `quietZone` modules of margin on each side, `moduleSize` px per module in the width and
    /// height attributes and a viewBox in module units, so it scales crisply. No XML declaration, so the same text
    /// can be written to a .svg file or embedded inline in HTML. moduleSize < 1 is taken as 1, quietZone < 0 as 0.
    static QString toSvg(const QrMatrix& matrix, int moduleSize = 8, int quietZone = 4);

    /// The symbol as lines of UTF-8 half blocks for a terminal, two module rows per line: light modules (and the
    /// quiet zone) are drawn (█ ▀ ▄), dark ones are blank, so it scans on a terminal with a dark background.
    static QString toTerminal(const QrMatrix& matrix, int quietZone = 2);
};

} // namespace Qr
