#include "Masking.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace Util {

QString maskHkic(const QString& text)
{
    static const QRegularExpression hkic(QStringLiteral("\\b([A-Z]{1,2})(\\d{2})\\d{4}(\\(?)[0-9A](\\)?)"));
    QString out = text;
    return out.replace(hkic, QStringLiteral("\\1\\2****\\3*\\4"));
}

QString maskName(const QString& text)
{
    if (text.size() <= 1)
        return text;
    QString out = text.left(1);
    for (qsizetype i = 1; i < text.size(); ++i)
        out += text.at(i).isSpace() || text.at(i) == QLatin1Char(',') ? text.at(i) : QLatin1Char('*');
    return out;
}

QString maskPhone(const QString& text)
{
    return text.size() <= 4 ? text : text.left(4) + QString(text.size() - 4, QLatin1Char('*'));
}

QJsonValue maskPersonalData(const QJsonValue& value, const QString& key)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = maskPersonalData(it.value(), it.key());
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (auto it = a.begin(); it != a.end(); ++it)
            *it = maskPersonalData(*it, key);
        return a;
    }
    if (!value.isString())
        return value;
    const QString s = value.toString();
    if (key == QLatin1String("Identification") || key == QLatin1String("CheckDigit"))
        return key == QLatin1String("CheckDigit")
            ? QStringLiteral("*")
            : s.left(3) + QString(std::max<qsizetype>(0, s.size() - 3), QLatin1Char('*'));
    if (key == QLatin1String("UnstructuredName") || key == QLatin1String("ChineseName")
        || key == QLatin1String("chNameVerified") || key.endsWith(QLatin1String("UserName")))
        return maskName(s);
    if (key == QLatin1String("SubscriberNumber"))
        return maskPhone(s);
    if (key == QLatin1String("emailAddress")) {
        const qsizetype at = s.indexOf(QLatin1Char('@'));
        return at <= 0 ? maskName(s) : s.left(1) + QString(at - 1, QLatin1Char('*')) + s.mid(at);
    }
    if (key == QLatin1String("birthDate"))
        return s.left(4) + QString(std::max<qsizetype>(0, s.size() - 4), QLatin1Char('*'));
    return maskText(s);
}

QString maskText(const QString& text)
{
    return maskHkic(text);
}

} // namespace Util
