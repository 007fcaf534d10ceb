#include "CallbackRecord.h"

#include <QJsonArray>

namespace Callback {

QJsonObject CallbackRecord::toJson() const
{
    QJsonArray hs;
    for (const auto& h : headers)
        hs.append(QJsonArray {QString::fromLatin1(h.first), QString::fromLatin1(h.second)});
    QJsonObject o {
        {QStringLiteral("id"), id},
        {QStringLiteral("receivedAt"), receivedAt},
        {QStringLiteral("callbackId"), callbackId},
        {QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("path"), QString::fromUtf8(path)},
        {QStringLiteral("query"), QString::fromUtf8(query)},
        {QStringLiteral("headers"), hs},
        {QStringLiteral("bodyBase64"), QString::fromLatin1(body.toBase64())},
        {QStringLiteral("httpStatus"), httpStatus},
        {QStringLiteral("envelopeCode"), envelopeCode},
        {QStringLiteral("errorCode"), errorCode},
        {QStringLiteral("errorDetail"), errorDetail},
        {QStringLiteral("shapeProblems"), QJsonArray::fromStringList(shapeProblems)},
        {QStringLiteral("businessID"), businessId},
        {QStringLiteral("state"), state},
        {QStringLiteral("matchStatus"), matchStatus},
        {QStringLiteral("matchedRequestId"), matchedRequestId},
    };
    // The raw body as text too when it is valid UTF-8, so people and tools can read it.
    const QString text = QString::fromUtf8(body);
    if (text.toUtf8() == body)
        o.insert(QStringLiteral("body"), text);
    if (!content.isUndefined())
        o.insert(QStringLiteral("content"), content);
    return o;
}

CallbackRecord CallbackRecord::fromJson(const QJsonObject& o)
{
    CallbackRecord r;
    r.id = o.value(QLatin1String("id")).toString();
    r.receivedAt = qint64(o.value(QLatin1String("receivedAt")).toDouble());
    r.callbackId = o.value(QLatin1String("callbackId")).toString();
    r.method = o.value(QLatin1String("method")).toString().toLatin1();
    r.path = o.value(QLatin1String("path")).toString().toUtf8();
    r.query = o.value(QLatin1String("query")).toString().toUtf8();
    for (const QJsonValue& h : o.value(QLatin1String("headers")).toArray())
        r.headers.append({h.toArray().at(0).toString().toLatin1(), h.toArray().at(1).toString().toLatin1()});
    r.body = QByteArray::fromBase64(o.value(QLatin1String("bodyBase64")).toString().toLatin1());
    r.httpStatus = o.value(QLatin1String("httpStatus")).toInt();
    r.envelopeCode = o.value(QLatin1String("envelopeCode")).toString();
    r.content = o.value(QLatin1String("content"));
    r.errorCode = o.value(QLatin1String("errorCode")).toString();
    r.errorDetail = o.value(QLatin1String("errorDetail")).toString();
    for (const QJsonValue& p : o.value(QLatin1String("shapeProblems")).toArray())
        r.shapeProblems << p.toString();
    r.businessId = o.value(QLatin1String("businessID")).toString();
    r.state = o.value(QLatin1String("state")).toString();
    r.matchStatus = o.value(QLatin1String("matchStatus")).toString();
    r.matchedRequestId = o.value(QLatin1String("matchedRequestId")).toString();
    return r;
}

} // namespace Callback
