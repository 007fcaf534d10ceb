#include "PageTemplates.h"

#include <QFile>

namespace Mock::PageTemplates {

QString fill(const QString& html, const QHash<QString, QString>& values, const QHash<QString, QString>& markup)
{
    QString out;
    out.reserve(html.size() * 2);
    qsizetype at = 0;
    while (at < html.size()) {
        const qsizetype open = html.indexOf(QLatin1String("{{"), at);
        if (open < 0)
            break;
        const bool raw = html.mid(open, 3) == QLatin1String("{{{");
        const QLatin1String closing = raw ? QLatin1String("}}}") : QLatin1String("}}");
        const qsizetype start = open + (raw ? 3 : 2);
        const qsizetype close = html.indexOf(closing, start);
        if (close < 0)
            break;
        out += QStringView(html).mid(at, open - at);
        const QString name = html.mid(start, close - start).trimmed();
        out += raw ? markup.value(name) : values.value(name).toHtmlEscaped();
        at = close + closing.size();
    }
    out += QStringView(html).mid(at);
    return out;
}

QByteArray render(const QString& name, const QHash<QString, QString>& values, const QHash<QString, QString>& markup)
{
    QFile f(QStringLiteral(":/mock/pages/%1.html").arg(name));
    const QString html = f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
    Q_ASSERT_X(!html.isEmpty(), "PageTemplates::render", "no such page template");
    return fill(html, values, markup).toUtf8();
}

} // namespace Mock::PageTemplates
