#pragma once

#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

namespace TestSupport {

/// One message of a Qt Linguist .ts file.
struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    QString translation;
    QStringList numerusForms;
    bool numerus = false;
    bool unfinished = false; ///< <translation type="unfinished">

    /// Every text this message can show: the translation, or each plural form.
    QStringList texts() const { return numerus ? numerusForms : QStringList {translation}; }
};

/// The translations directory of the source tree.
inline QString tsPath(const QString& language)
{
    return QStringLiteral(IAMSMART_SOURCE_DIR "/translations/iamsmart_console_%1.ts").arg(language);
}

/// Reads every message of a .ts file; `error` receives why it could not be read.
inline QList<TsMessage> readTs(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return {};
    }
    QList<TsMessage> out;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("context")) {
                context.clear();
            } else if (xml.name() == QLatin1String("name") && context.isEmpty()) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                current = TsMessage {};
                current.context = context;
                current.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (xml.name() == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (xml.name() == QLatin1String("comment")) {
                current.comment = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                current.unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                if (!current.numerus)
                    current.translation = xml.readElementText();
            } else if (xml.name() == QLatin1String("numerusform")) {
                current.numerusForms << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out.append(current);
        }
    }
    if (xml.hasError())
        *error = path + QStringLiteral(": ") + xml.errorString();
    return out;
}

/// The translation of `source` in `context` ("" when the file has no such message).
inline QString tsTranslation(const QList<TsMessage>& messages, const QString& context, const QString& source)
{
    for (const TsMessage& m : messages) {
        if (m.context == context && m.source == source)
            return m.translation;
    }
    return {};
}

} // namespace TestSupport
