#include "Redaction.h"

#include "ApiCatalog.h"
#include "Envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Protocol {

bool isTokenField(const QString& key)
{
    return key == QLatin1String("accessToken") || key == QLatin1String("openID") || key == QLatin1String("token");
}

bool isPersonalField(const QString& key)
{
    static const QSet<QString> fields = [] {
        QSet<QString> out;
        for (const char* name : {"profileFields", "eMEFields"}) {
            if (const Enumeration* e = ApiCatalog::builtin().enumeration(QString::fromLatin1(name))) {
                for (const QString& v : e->valueList())
                    out.insert(v);
            }
        }
        return out;
    }();
    return fields.contains(key);
}

QJsonValue redactPersonalData(const QJsonValue& value)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (isTokenField(it.key()) || isPersonalField(it.key()))
                it.value() = Redacted;
            else
                it.value() = redactPersonalData(it.value());
        }
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (auto it = a.begin(); it != a.end(); ++it)
            *it = redactPersonalData(*it);
        return a;
    }
    return value;
}

QByteArray redactPersonalDataText(const QByteArray& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject() && !doc.isArray())
        return json;
    const QJsonValue before = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    const QJsonValue after = redactPersonalData(before);
    if (after == before)
        return json; // nothing to hide: the bytes stay as they went over the wire
    return after.isObject() ? compactJson(after.toObject()) : compactJson(after.toArray());
}

} // namespace Protocol
