#include "UrlBuilder.h"

#include "Envelope.h"

#include <QUrl>
#include <QUrlQuery>

namespace Protocol {

QString UrlBuilder::appendQuery(const QString& uri, const QList<QPair<QString, QString>>& items)
{
    QUrl url(uri);
    QUrlQuery q(url);
    for (const auto& i : items)
        q.addQueryItem(i.first, QString::fromLatin1(QUrl::toPercentEncoding(i.second)));
    url.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url.toString(QUrl::FullyEncoded);
}

namespace {

void addParam(QByteArray& url, const char* name, const QString& value, bool always = false)
{
    if (value.isEmpty() && !always)
        return;
    url += url.contains('?') ? '&' : '?';
    url += name;
    url += '=';
    url += UrlBuilder::encodeComponent(value);
}

} // namespace

QByteArray UrlBuilder::encodeComponent(const QString& value)
{
    return value.toUtf8().toPercentEncoding();
}

QByteArray UrlBuilder::getQrUrl(const QString& baseUrl, const QrParams& p)
{
    QByteArray url = RequestEnvelope::apiUrl(baseUrl, QStringLiteral("/auth/getQR"));
    addParam(url, "clientID", p.clientId, true);
    addParam(url, "responseType", QStringLiteral("code"), true);
    addParam(url, "source", p.source, true);
    addParam(url, "redirectURI", p.redirectUri, true);
    addParam(url, "scope", p.scope, true);
    addParam(url, "lang", p.lang);
    addParam(url, "state", p.state);
    if (p.brokerPage)
        addParam(url, "brokerPage", *p.brokerPage ? QStringLiteral("true") : QStringLiteral("false"));
    addParam(url, "ticketID", p.ticketId);
    return url;
}

QByteArray UrlBuilder::appSchemeUrl(const AppSchemeParams& p)
{
    QByteArray url = p.scheme.toUtf8() + "://" + p.context.toUtf8();
    addParam(url, "ticketID", p.ticketId, true);
    addParam(url, "source", p.source);
    addParam(url, "redirectURI", p.redirectUri);
    addParam(url, "state", p.state);
    return url;
}

} // namespace Protocol
