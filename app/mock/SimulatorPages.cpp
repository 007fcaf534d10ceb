// The simulator's browser side: getQR and its QR page (templates in resources/mock/pages), and the virtual phone's
// admin API (/__mock).
#include "CallbackDelivery.h"
#include "PageTemplates.h"
#include "Simulator.h"
#include "branding/ButtonAssets.h"

#include "protocol/Envelope.h"
#include "protocol/Links.h"
#include "qr/QrEncoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace Mock {

namespace Code = Protocol::Code;

namespace {

/// A page with a title and one paragraph (errors of the browser API).
Net::HttpResponse messagePage(int status, const QString& title, const QString& text)
{
    return Net::HttpResponse::html(status,
        PageTemplates::render(
            QStringLiteral("message"), {{QStringLiteral("title"), title}, {QStringLiteral("text"), text}}));
}

} // namespace

Net::HttpResponse Simulator::handleGetQr(const Net::HttpRequest& request)
{
    const bool strict = m_options.mode == Mode::Strict;
    const Protocol::ApiSpec* api = m_catalog.api(QStringLiteral("auth.getQR"));
    QList<Protocol::FieldViolation> violations;
    const QJsonObject query = Protocol::ApiCatalog::queryBody(
        api ? *api : Protocol::ApiSpec {}, request.queryItems().queryItems(QUrl::FullyDecoded), &violations);
    const auto page = messagePage;
    if (api)
        violations += m_catalog.checkBody(*api, query);
    if (!violations.isEmpty())
        return page(400, violations.first().returnCode, violations.first().detail);
    const RegisteredClient* client = m_clients.find(query.value(QLatin1String("clientID")).toString());
    if (!client && strict)
        return page(
            400, Code::ParameterInvalid, QStringLiteral("invalid parameter clientID: not a registered client"));
    if (!client)
        client = &m_clients.devClient();
    const QString redirectUri = query.value(QLatin1String("redirectURI")).toString();
    if (const Util::Status allowed = strict ? client->checkRedirect(redirectUri) : Util::success(); !allowed)
        return page(
            400, Code::InvalidServiceUrl, QStringLiteral("invalid online service URL: ") + allowed.error().detail);
    const QString scope = query.value(QLatin1String("scope")).toString();
    for (const QString& s : scope.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (strict && !client->hasScope(s))
            return page(400, Code::InsufficientPermission, QStringLiteral("insufficient permission: scope %1").arg(s));
    }

    const QString ticket = query.value(QLatin1String("ticketID")).toString();
    if (!ticket.isEmpty()) {
        // Anonymous flow: the browser comes to see the ticket an initiateRequest created.
        for (const PendingRequest& found : m_book.all()) {
            if (found.ticketId == ticket && found.clientId == client->clientId) {
                PendingRequest& p = *m_book.find(found.id);
                p.lang = query.value(QLatin1String("lang")).toString();
                if (p.state.isEmpty())
                    p.state = query.value(QLatin1String("state")).toString();
                p.body.insert(QStringLiteral("browserRedirectURI"), redirectUri);
                return Net::HttpResponse::redirect((QStringLiteral("/__mock/qr/") + p.id).toUtf8(), 303);
            }
        }
        return page(400, Code::ParameterInvalid, QStringLiteral("invalid parameter ticketID"));
    }
    if (!m_book.admits(client->clientId))
        return page(429, tooManyPendingCode,
            QStringLiteral("too many requests: %1 requests of this client are waiting for the user")
                .arg(m_options.maxPendingPerClient));
    PendingRequest p;
    p.id = newId();
    p.kind = QStringLiteral("auth");
    p.apiId = QStringLiteral("auth.getQR");
    p.clientId = client->clientId;
    p.ticketId = newId();
    p.state = query.value(QLatin1String("state")).toString();
    p.redirectUri = redirectUri;
    p.source = query.value(QLatin1String("source")).toString();
    p.lang = query.value(QLatin1String("lang")).toString(QStringLiteral("zh-HK"));
    p.scope = scope;
    p.body = query;
    p.createdAt = m_clock.nowMs();
    p.expiresAt = p.createdAt + m_options.ticketLifetimeMs;
    addPending(p);
    // The QR page lives at its own URL so a refresh polls this request instead of starting another.
    return Net::HttpResponse::redirect((QStringLiteral("/__mock/qr/") + p.id).toUtf8(), 303);
}

Net::HttpResponse Simulator::handleQrPage(const QString& id)
{
    const PendingRequest* found = m_book.find(id);
    if (!found)
        return messagePage(404, QStringLiteral("404"), QStringLiteral("No such QR session."));
    const PendingRequest& p = *found;
    if (p.status != QLatin1String("pending") && !p.browserRedirect.isEmpty())
        return Net::HttpResponse::redirect(p.browserRedirect.toUtf8(), 302);
    const Protocol::Language lang = Protocol::languageFromCode(p.lang.isEmpty() ? QStringLiteral("zh-HK") : p.lang);
    // The official "More info" link and "Open iAM Smart" text come from the branding data (buttons.json).
    const Branding::ButtonAssets& buttons = Branding::ButtonAssets::builtin();
    const Protocol::Text title(
        QStringLiteral("Scan with iAM Smart"), QStringLiteral("請用智方便掃描"), QStringLiteral("请用智方便扫描"));
    const Protocol::Text waiting(QStringLiteral("Waiting for the user on the phone…"),
        QStringLiteral("正在等待用戶在手機上確認…"), QStringLiteral("正在等待用户在手机上确认…"));
    const QString link = Protocol::Links::appLink(m_catalog.api(p.apiId), p.ticketId, p.body);
    auto matrix = Qr::QrEncoder::encode(link.toUtf8());
    const QString qrSvg = matrix ? Qr::QrEncoder::toSvg(*matrix, 6) : QString();
    const QString status
        = p.status == QLatin1String("pending") ? waiting.get(lang) : p.status + QLatin1Char(' ') + p.resultCode;
    return Net::HttpResponse::html(200,
        PageTemplates::render(QStringLiteral("qr"),
            {{QStringLiteral("lang"), Protocol::languageKey(lang)}, {QStringLiteral("title"), title.get(lang)},
                {QStringLiteral("link"), link}, {QStringLiteral("open"), buttons.text(Branding::Kind::openApp(), lang)},
                {QStringLiteral("status"), status},
                {QStringLiteral("moreInfoUrl"), buttons.url(Branding::Kind::moreInfo(), lang)},
                {QStringLiteral("moreInfo"), buttons.text(Branding::Kind::moreInfo(), lang)}},
            {{QStringLiteral("qrSvg"), qrSvg}}));
}

Net::HttpResponse Simulator::handleAdmin(const Net::HttpRequest& request, const QString& path)
{
    auto json = [](int status, const QJsonValue& v) {
        return Net::HttpResponse::json(
            status, v.isArray() ? Protocol::compactJson(v.toArray()) : Protocol::compactJson(v.toObject()));
    };
    auto error = [&](int status, const QString& code, const QString& detail) {
        return json(status, QJsonObject {{QStringLiteral("error"), code}, {QStringLiteral("detail"), detail}});
    };
    if (request.method == "GET" && path.startsWith(QLatin1String("/__mock/qr/")))
        return handleQrPage(path.mid(11));
    if (request.method == "GET" && path == QLatin1String("/__mock/personas")) {
        QJsonArray list;
        for (const Persona& p : m_personas)
            list.append(QJsonObject {{QStringLiteral("id"), p.id}, {QStringLiteral("displayName"), p.displayName.en()},
                {QStringLiteral("userType"), p.userType}});
        return json(200, list);
    }
    if (request.method == "GET" && path == QLatin1String("/__mock/pending")) {
        QJsonArray list;
        for (const PendingRequest& p : pending())
            list.append(p.toJson());
        return json(200, list);
    }
    if (request.method != "POST")
        return error(404, QStringLiteral("not-found"),
            QStringLiteral("no admin route %1 %2").arg(QString::fromLatin1(request.method), path));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (!doc.isObject())
        return error(400, QStringLiteral("bad-json"), parseError.errorString());
    const QJsonObject o = doc.object();
    if (path == QLatin1String("/__mock/faults")) {
        setFaults(o.value(QLatin1String("failNext")).toInt(), o.value(QLatin1String("delayMs")).toInt());
        return json(200,
            QJsonObject {{QStringLiteral("failNext"), m_delivery->failNext()},
                {QStringLiteral("delayMs"), m_delivery->delayMs()}});
    }
    const QString id = o.value(QLatin1String("id")).toString();
    Util::Result<QJsonObject> result
        = Util::Error {QStringLiteral("not-found"), QStringLiteral("no admin route %1").arg(path)};
    if (path == QLatin1String("/__mock/approve"))
        result = approve(id, o.value(QLatin1String("persona")).toString(), o.value(QLatin1String("fields")).toObject());
    else if (path == QLatin1String("/__mock/reject"))
        result = reject(id);
    else if (path == QLatin1String("/__mock/cancel"))
        result = cancel(id);
    else if (path == QLatin1String("/__mock/expire"))
        result = expire(id);
    if (!result)
        return error(result.error().code == QLatin1String("not-pending")
                ? 409
                : (result.error().code == QLatin1String("unknown-persona") ? 400 : 404),
            result.error().code, result.error().detail);
    return json(200, *result);
}


} // namespace Mock
