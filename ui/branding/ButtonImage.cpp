#include "ButtonImage.h"

#include "branding/ButtonAssets.h"

#include <QFontDatabase>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>

#include <cmath>

namespace Branding {

namespace {
/// Qt 6.4's SVG renderer reads font-family as one family name, so a CSS list ("'Noto Sans CJK TC', Arial,
/// sans-serif") would fall back to the default font. The list is narrowed to its first installed family.
QByteArray withInstalledFont(const QByteArray& svg)
{
    static const QRegularExpression attribute(QStringLiteral("font-family=\"([^\"]*)\""));
    QString text = QString::fromUtf8(svg);
    QString out;
    qsizetype last = 0;
    auto it = attribute.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString chosen;
        for (QString family : m.captured(1).split(QLatin1Char(','))) {
            family = family.trimmed();
            if (family.size() >= 2 && (family.startsWith(QLatin1Char('\'')) || family.startsWith(QLatin1Char('"'))))
                family = family.mid(1, family.size() - 2);
            if (QFontDatabase::hasFamily(family)) {
                chosen = family;
                break;
            }
        }
        if (chosen.isEmpty())
            continue;
        out += QStringView(text).mid(last, m.capturedStart(1) - last);
        out += chosen.toHtmlEscaped();
        last = m.capturedEnd(1);
    }
    if (last == 0)
        return svg;
    out += QStringView(text).mid(last);
    return out.toUtf8();
}
} // namespace

QImage renderSvg(const QByteArray& svg, int height, qreal devicePixelRatio)
{
    QSvgRenderer renderer(withInstalledFont(svg));
    const QSizeF size = renderer.viewBoxF().size();
    if (!renderer.isValid() || size.isEmpty() || height <= 0)
        return {};
    const qreal dpr = std::max<qreal>(1.0, devicePixelRatio);
    const int width = int(std::ceil(size.width() * height / size.height()));
    QImage image(QSize(int(std::ceil(width * dpr)), int(std::ceil(height * dpr))), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(image.size())));
    }
    image.setDevicePixelRatio(dpr);
    return image;
}

QImage buttonImage(const QString& kind, Protocol::Language language, int height, qreal devicePixelRatio)
{
    auto svg = ButtonAssets::builtin().svg(kind, language, height);
    return svg ? renderSvg(svg.value(), height, devicePixelRatio) : QImage();
}

} // namespace Branding
