#include "History.h"

#include "protocol/Redaction.h"
#include "util/PrivateFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace Session {
namespace {

const QByteArray redacted = "[redacted]";

QJsonArray headersJson(const Protocol::HeaderList& headers)
{
    QJsonArray out;
    for (const auto& h : headers) {
        out.append(QJsonObject {{QStringLiteral("name"), QString::fromLatin1(h.first)},
            {QStringLiteral("value"), QString::fromLatin1(Har::isSecretHeader(h.first) ? redacted : h.second)}});
    }
    return out;
}

Protocol::HeaderList headersFrom(const QJsonValue& v)
{
    Protocol::HeaderList out;
    for (const QJsonValue& h : v.toArray())
        out.append({h.toObject().value(QLatin1String("name")).toString().toLatin1(),
            h.toObject().value(QLatin1String("value")).toString().toLatin1()});
    return out;
}

} // namespace

bool Har::isSecretHeader(const QByteArray& name)
{
    return name.compare("Ocp-Apim-Subscription-Key", Qt::CaseInsensitive) == 0
        || name.compare("x-client-secret", Qt::CaseInsensitive) == 0
        || name.compare("Authorization", Qt::CaseInsensitive) == 0;
}

HistorySettings HistorySettings::load()
{
    const QSettings settings;
    HistorySettings out;
    out.keepPersonalData = settings.value(QStringLiteral("history/keepPersonalData"), out.keepPersonalData).toBool();
    out.retentionDays = std::max(0, settings.value(QStringLiteral("history/retentionDays"), out.retentionDays).toInt());
    out.retentionCount
        = std::max(0, settings.value(QStringLiteral("history/retentionCount"), out.retentionCount).toInt());
    return out;
}

void HistorySettings::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("history/keepPersonalData"), keepPersonalData);
    settings.setValue(QStringLiteral("history/retentionDays"), retentionDays);
    settings.setValue(QStringLiteral("history/retentionCount"), retentionCount);
}

Exchange redactedForStorage(const Exchange& exchange, bool keepPersonalData)
{
    if (keepPersonalData)
        return exchange;
    Exchange e = exchange;
    e.request.body = Protocol::redactPersonalDataText(e.request.body);
    e.request.plaintext = Protocol::redactPersonalDataText(e.request.plaintext);
    e.responseBody = Protocol::redactPersonalDataText(e.responseBody);
    if (!e.content.isUndefined())
        e.content = Protocol::redactPersonalData(e.content);
    return e;
}

ExchangeHistory::ExchangeHistory(QString directory, HistorySettings settings, const Util::Clock& clock)
    : m_directory(std::move(directory))
    , m_settings(settings)
    , m_clock(&clock)
{
}

int ExchangeHistory::prune(qint64 nowMs) const
{
    return Util::pruneTimestampedFiles(m_directory, m_settings.retentionDays, m_settings.retentionCount, nowMs);
}

QJsonObject ExchangeHistory::toJson(const Exchange& e)
{
    QJsonObject o {{QStringLiteral("id"), e.id}, {QStringLiteral("apiId"), e.apiId},
        {QStringLiteral("startedAt"), e.startedAt}, {QStringLiteral("method"), QString::fromLatin1(e.request.method)},
        {QStringLiteral("url"), QString::fromUtf8(e.request.url)},
        {QStringLiteral("requestHeaders"), headersJson(e.request.headers)},
        {QStringLiteral("requestBody"), QString::fromUtf8(e.request.body)},
        {QStringLiteral("plaintext"), QString::fromUtf8(e.request.plaintext)},
        {QStringLiteral("httpStatus"), e.httpStatus}, {QStringLiteral("latencyMs"), e.latencyMs},
        {QStringLiteral("responseHeaders"), headersJson(e.responseHeaders)},
        {QStringLiteral("responseBody"), QString::fromUtf8(e.responseBody)}, {QStringLiteral("errorCode"), e.errorCode},
        {QStringLiteral("errorDetail"), e.errorDetail}};
    if (!e.content.isUndefined())
        o.insert(QStringLiteral("content"), e.content);
    return o;
}

Exchange ExchangeHistory::fromJson(const QJsonObject& o)
{
    Exchange e;
    e.id = o.value(QLatin1String("id")).toString();
    e.apiId = o.value(QLatin1String("apiId")).toString();
    e.startedAt = qint64(o.value(QLatin1String("startedAt")).toDouble());
    e.request.method = o.value(QLatin1String("method")).toString().toLatin1();
    e.request.url = o.value(QLatin1String("url")).toString().toUtf8();
    e.request.headers = headersFrom(o.value(QLatin1String("requestHeaders")));
    e.request.body = o.value(QLatin1String("requestBody")).toString().toUtf8();
    e.request.plaintext = o.value(QLatin1String("plaintext")).toString().toUtf8();
    e.httpStatus = o.value(QLatin1String("httpStatus")).toInt();
    e.latencyMs = qint64(o.value(QLatin1String("latencyMs")).toDouble());
    e.responseHeaders = headersFrom(o.value(QLatin1String("responseHeaders")));
    e.responseBody = o.value(QLatin1String("responseBody")).toString().toUtf8();
    e.errorCode = o.value(QLatin1String("errorCode")).toString();
    e.errorDetail = o.value(QLatin1String("errorDetail")).toString();
    e.content = o.value(QLatin1String("content"));
    auto envelope = Protocol::ResponseEnvelope::parse(e.responseBody);
    if (envelope)
        e.envelope = envelope.value();
    return e;
}

Util::Status ExchangeHistory::append(const Exchange& exchange) const
{
    if (m_directory.isEmpty())
        return Util::success();
    if (auto made = Util::makePrivateDirectory(m_directory); !made)
        return made;
    const QString path = QDir(m_directory).filePath(
        QStringLiteral("%1-%2.json").arg(exchange.startedAt, 15, 10, QLatin1Char('0')).arg(exchange.id));
    const auto written = Util::writePrivateFile(path,
        QJsonDocument(toJson(redactedForStorage(exchange, m_settings.keepPersonalData)))
            .toJson(QJsonDocument::Indented));
    prune(m_clock->nowMs());
    return written;
}

QList<Exchange> ExchangeHistory::load() const
{
    QList<Exchange> out;
    if (m_directory.isEmpty())
        return out;
    prune(m_clock->nowMs());
    const QDir dir(m_directory);
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
        if (doc.isObject())
            out.append(fromJson(doc.object()));
    }
    return out;
}

QJsonObject Har::build(const QList<Exchange>& exchanges, const QString& creatorVersion, bool keepPersonalData)
{
    QJsonArray entries;
    for (const Exchange& original : exchanges) {
        const Exchange e = redactedForStorage(original, keepPersonalData);
        const QUrl url = QUrl::fromEncoded(e.request.url);
        QJsonArray query;
        for (const auto& item : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
            query.append(QJsonObject {{QStringLiteral("name"), item.first}, {QStringLiteral("value"), item.second}});
        QJsonObject request {{QStringLiteral("method"), QString::fromLatin1(e.request.method)},
            {QStringLiteral("url"), QString::fromUtf8(e.request.url)},
            {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")}, {QStringLiteral("cookies"), QJsonArray()},
            {QStringLiteral("headers"), headersJson(e.request.headers)}, {QStringLiteral("queryString"), query},
            {QStringLiteral("headersSize"), -1}, {QStringLiteral("bodySize"), e.request.body.size()}};
        if (e.request.method != "GET")
            request.insert(QStringLiteral("postData"),
                QJsonObject {{QStringLiteral("mimeType"), QStringLiteral("application/json")},
                    {QStringLiteral("text"), QString::fromUtf8(e.request.body)}});
        if (!e.request.plaintext.isEmpty() && e.request.plaintext != e.request.body)
            request.insert(QStringLiteral("_plaintextBody"), QString::fromUtf8(e.request.plaintext));
        QJsonObject response {{QStringLiteral("status"), e.httpStatus}, {QStringLiteral("statusText"), QString()},
            {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")}, {QStringLiteral("cookies"), QJsonArray()},
            {QStringLiteral("headers"), headersJson(e.responseHeaders)},
            {QStringLiteral("content"),
                QJsonObject {{QStringLiteral("size"), e.responseBody.size()},
                    {QStringLiteral("mimeType"), QStringLiteral("application/json")},
                    {QStringLiteral("text"), QString::fromUtf8(e.responseBody)}}},
            {QStringLiteral("redirectURL"), QString()}, {QStringLiteral("headersSize"), -1},
            {QStringLiteral("bodySize"), e.responseBody.size()}};
        if (!e.content.isUndefined())
            response.insert(QStringLiteral("_decryptedContent"), e.content);
        if (!e.errorCode.isEmpty())
            response.insert(QStringLiteral("_error"), e.errorCode + QStringLiteral(": ") + e.errorDetail);
        entries.append(
            QJsonObject {{QStringLiteral("startedDateTime"),
                             QDateTime::fromMSecsSinceEpoch(e.startedAt, Qt::UTC).toString(Qt::ISODateWithMs)},
                {QStringLiteral("time"), double(e.latencyMs)}, {QStringLiteral("request"), request},
                {QStringLiteral("response"), response}, {QStringLiteral("cache"), QJsonObject()},
                {QStringLiteral("timings"),
                    QJsonObject {{QStringLiteral("send"), 0}, {QStringLiteral("wait"), double(e.latencyMs)},
                        {QStringLiteral("receive"), 0}}},
                {QStringLiteral("comment"), e.apiId}});
    }
    return {{QStringLiteral("log"),
        QJsonObject {{QStringLiteral("version"), QStringLiteral("1.2")},
            {QStringLiteral("creator"),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("iAM Smart Sandbox Console")},
                    {QStringLiteral("version"), creatorVersion}}},
            {QStringLiteral("entries"), entries}}}};
}

Util::Status Har::write(
    const QList<Exchange>& exchanges, const QString& path, const QString& creatorVersion, bool keepPersonalData)
{
    return Util::writePrivateFile(
        path, QJsonDocument(build(exchanges, creatorVersion, keepPersonalData)).toJson(QJsonDocument::Indented));
}

} // namespace Session
