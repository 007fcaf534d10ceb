#include "Links.h"

#include "ApiCatalog.h"

namespace Protocol::Links {

QrParams qrParams(const QJsonObject& body)
{
    QrParams p;
    p.clientId = body.value(QLatin1String("clientID")).toString();
    p.source = body.value(QLatin1String("source")).toString();
    p.redirectUri = body.value(QLatin1String("redirectURI")).toString();
    p.scope = body.value(QLatin1String("scope")).toString();
    p.lang = body.value(QLatin1String("lang")).toString();
    p.state = body.value(QLatin1String("state")).toString();
    if (body.contains(QLatin1String("brokerPage")))
        p.brokerPage = body.value(QLatin1String("brokerPage")).toBool();
    p.ticketId = body.value(QLatin1String("ticketID")).toString();
    return p;
}

QString getQrUrl(const QString& baseUrl, const QJsonObject& body)
{
    return QString::fromUtf8(UrlBuilder::getQrUrl(baseUrl, qrParams(body)));
}

QString appLink(const ApiSpec* api, const QString& ticketId, const QJsonObject& sent)
{
    AppSchemeParams link;
    link.context = api && !api->appContext.isEmpty() ? api->appContext : QStringLiteral("auth");
    link.ticketId = ticketId;
    if (api && api->category == QLatin1String("anonymous")) {
        link.source = QStringLiteral("App_Scheme");
        link.redirectUri = sent.value(QLatin1String("redirectURI")).toString();
        link.state = sent.value(QLatin1String("state")).toString();
    }
    return QString::fromUtf8(UrlBuilder::appSchemeUrl(link));
}

QString universalLink(bool anonymous, const QString& ticketId)
{
    return QStringLiteral("https://%1/%2?ticketID=%3")
        .arg(AppSchemeParams().scheme, anonymous ? QStringLiteral("ticket") : QStringLiteral("auth"),
            QString::fromLatin1(UrlBuilder::encodeComponent(ticketId)));
}

} // namespace Protocol::Links
