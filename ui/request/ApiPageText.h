// Text helpers shared by ApiPage's units (ApiPage.cpp, ApiPageAnswer.cpp). Internal.
#pragma once

#include <QJsonDocument>
#include <QString>

namespace ApiPageText {

inline QString pretty(const QByteArray& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isNull() ? QString::fromUtf8(json) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

inline QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

} // namespace ApiPageText
