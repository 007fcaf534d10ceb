// Outcomes on demand: armed answers (POST /__mock/faults), the phone's "fails" and "not passed", direct login from
// the service catalogue, and the per-client rate limit.
#include "OutcomeCodes.h"
#include "Simulator.h"
#include "CallbackDelivery.h"

#include "protocol/UrlBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Mock {

namespace Code = Protocol::Code;

namespace {

Net::HttpResponse jsonAnswer(int status, const QJsonValue& v)
{
    return Net::HttpResponse::json(status,
        v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                    : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

Net::HttpResponse fieldError(const QString& field, const QString& detail)
{
    return jsonAnswer(400,
        QJsonObject {{QStringLiteral("error"), QStringLiteral("bad-field")}, {QStringLiteral("field"), field},
            {QStringLiteral("detail"), QStringLiteral("%1: %2").arg(field, detail)}});
}

} // namespace

Util::Result<QJsonObject> Simulator::fail(const QString& id)
{
    return decide(id, QStringLiteral("failed"), {}, {});
}

std::optional<Net::HttpResponse> Simulator::rateLimited(const Net::HttpRequest& request, bool gateway)
{
    if (m_rateLimiter.limit() <= 0)
        return std::nullopt;
    QString client = QString::fromUtf8(request.header(gateway ? "x-client-id" : "clientID"));
    if (client.isEmpty())
        client = QStringLiteral("@") + request.peer.toString();
    if (m_rateLimiter.admit(client.left(128), m_clock.nowMs()))
        return std::nullopt;
    const QString detail
        = QStringLiteral("too many requests: more than %1 per second from this client").arg(m_rateLimiter.limit());
    Net::HttpResponse r = gateway
        ? gatewayError(429, QStringLiteral("too-many-requests"), detail, {},
              QJsonObject {{QStringLiteral("code"), tooManyPendingCode}})
        : envelope(tooManyPendingCode, detail, {}, {}, 429);
    r.setHeader("Retry-After", "1");
    return r;
}

std::optional<Net::HttpResponse> Simulator::armedAnswer(const Protocol::ApiSpec& api, const Net::HttpRequest& request)
{
    const std::optional<QString> code = m_faultBoard.take(api.id);
    if (!code)
        return std::nullopt;
    const Protocol::ReturnCode* rc = m_catalog.returnCode(*code);
    if (*code != Code::Success) {
        const QString meaning = rc ? QString(rc->meaning.en()).replace(QLatin1String("%1"), QStringLiteral("…")) : *code;
        return envelope(*code, QStringLiteral("armed answer (POST /__mock/faults): %1").arg(meaning), {}, {},
            rc ? rc->http : 200);
    }
    // D00000: the catalog's sample answer, encrypted as this API's answers are.
    QByteArray cek;
    if (m_options.mode == Mode::Strict && api.encrypted) {
        if (const RegisteredClient* client = m_clients.find(QString::fromUtf8(request.header("clientID")))) {
            if (auto key = m_issuer.validKey(client->clientId, m_clock.nowMs()))
                cek = key->key;
        }
    }
    return envelope(*code, {}, api.responseSample.isObject() ? api.responseSample : QJsonValue(QJsonObject {}), cek);
}

std::optional<Net::HttpResponse> Simulator::armedQrAnswer(const RegisteredClient& client, const QJsonObject& query)
{
    const std::optional<QString> code = m_faultBoard.take(QStringLiteral("auth.getQR"));
    if (!code)
        return std::nullopt;
    const QString state = query.value(QLatin1String("state")).toString();
    const QString redirectUri = query.value(QLatin1String("redirectURI")).toString();
    QString target;
    if (*code == Code::Success) {
        // As if the default persona had scanned and approved at once.
        const QString authCode = m_issuer.issueCode(
            client.clientId, defaultPersonaId(), query.value(QLatin1String("scope")).toString(), m_clock.nowMs());
        target = Protocol::UrlBuilder::appendQuery(
            redirectUri, {{QStringLiteral("code"), authCode}, {QStringLiteral("state"), state}});
    } else {
        target = Protocol::UrlBuilder::appendQuery(
            redirectUri, {{QStringLiteral("error_code"), *code}, {QStringLiteral("state"), state}});
    }
    return Net::HttpResponse::redirect(target.toUtf8(), 302);
}

PendingRequest Simulator::armedSuccess(const PendingRequest& p)
{
    PendingRequest copy = p;
    copy.body.remove(QStringLiteral("HKICHash"));
    return copy;
}

std::optional<QString> Simulator::armedDecision(const PendingRequest& p)
{
    if (m_gatewayByPending.contains(p.id))
        return std::nullopt;
    const Protocol::ApiSpec* api = m_catalog.api(p.apiId);
    if (!api || api->callbackId.isEmpty())
        return std::nullopt;
    return m_faultBoard.take(api->callbackId, false);
}

Util::Result<QJsonObject> Simulator::directLogin(
    const QString& clientId, const QString& personaId, const QString& redirectUri)
{
    const RegisteredClient* client = clientId.isEmpty() ? &m_clients.devClient() : m_clients.find(clientId);
    if (!client)
        return Util::Error {QStringLiteral("bad-field"), QStringLiteral("clientID: not a registered client")};
    if (redirectUri.isEmpty())
        return Util::Error {QStringLiteral("bad-field"), QStringLiteral("redirectURI: the direct-login address is missing")};
    if (const Util::Status allowed = client->checkRedirect(redirectUri); !allowed)
        return Util::Error {QStringLiteral("bad-field"), QStringLiteral("redirectURI: ") + allowed.error().detail};
    const QString chosen = personaId.isEmpty() ? defaultPersonaId() : personaId;
    const Persona* who = persona(chosen);
    if (!who)
        return Util::Error {QStringLiteral("unknown-persona"), QStringLiteral("no persona %1").arg(chosen)};
    const QString refId = newId();
    QJsonObject answer {{QStringLiteral("RefID"), refId}};
    QString resultCode = Code::Success;
    if (!who->isActive())
        resultCode = OutcomeCodes::failureFor(QStringLiteral("auth"));
    if (const auto armed = m_faultBoard.take(QStringLiteral("callback.directLogin"), false))
        resultCode = *armed;
    if (resultCode != Code::Success) {
        answer.insert(QStringLiteral("redirect"),
            Protocol::UrlBuilder::appendQuery(redirectUri, {{QStringLiteral("error_code"), resultCode}}));
    } else {
        const QString authCode
            = m_issuer.issueCode(client->clientId, who->id, QStringLiteral("eidapi_auth"), m_clock.nowMs());
        answer.insert(QStringLiteral("code"), authCode);
        answer.insert(QStringLiteral("redirect"),
            Protocol::UrlBuilder::appendQuery(
                redirectUri, {{QStringLiteral("code"), authCode}, {QStringLiteral("RefID"), refId}}));
    }
    answer.insert(QStringLiteral("resultCode"), resultCode);
    return answer;
}

std::optional<Net::HttpResponse> Simulator::handleOutcomeAdmin(const Net::HttpRequest& request, const QString& path)
{
    const bool faults = path == QLatin1String("/__mock/faults");
    if (faults && request.method == "GET")
        return jsonAnswer(200,
            QJsonObject {{QStringLiteral("armed"), m_faultBoard.toJson()}, {QStringLiteral("failNext"), m_delivery->failNext()},
                {QStringLiteral("delayMs"), m_delivery->delayMs()}, {QStringLiteral("maxArmed"), FaultBoard::maxFaults}});
    if (faults && request.method == "DELETE") {
        m_faultBoard.clear();
        return jsonAnswer(200, QJsonObject {{QStringLiteral("armed"), QJsonArray {}}});
    }
    static const QStringList routes {QStringLiteral("/__mock/faults"), QStringLiteral("/__mock/fail"),
        QStringLiteral("/__mock/approve"), QStringLiteral("/__mock/directLogin")};
    if (request.method != "POST" || !routes.contains(path))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return std::nullopt; // the admin API's own "bad-json" answer
    const QJsonObject o = doc.object();
    if (faults) {
        if (!o.contains(QLatin1String("code")) && !o.contains(QLatin1String("api")) && !o.contains(QLatin1String("times")))
            return std::nullopt; // {"failNext","delayMs"}: the delivery faults
        if (const auto refused = m_faultBoard.arm(m_catalog, o))
            return fieldError(refused->field, refused->detail);
        return jsonAnswer(200, QJsonObject {{QStringLiteral("armed"), m_faultBoard.toJson()}});
    }
    if (path == QLatin1String("/__mock/directLogin")) {
        auto r = directLogin(o.value(QLatin1String("clientID")).toString(), o.value(QLatin1String("persona")).toString(),
            o.value(QLatin1String("redirectURI")).toString());
        if (!r && r.error().code == QLatin1String("bad-field"))
            return fieldError(r.error().detail.section(QLatin1Char(':'), 0, 0), r.error().detail.section(QLatin1String(": "), 1));
        if (!r)
            return fieldError(QStringLiteral("persona"), r.error().detail);
        return jsonAnswer(200, r.value());
    }
    const QString id = o.value(QLatin1String("id")).toString();
    Util::Result<QJsonObject> result = Util::Error {};
    if (path == QLatin1String("/__mock/fail")) {
        result = fail(id);
    } else { // approve
        const QJsonValue passed = o.value(QLatin1String("passed"));
        if (passed.isUndefined())
            return std::nullopt;
        const PendingRequest* p = this->request(id);
        if (!passed.isBool())
            return fieldError(QStringLiteral("passed"), QStringLiteral("true or false expected"));
        if (p && p->kind != QLatin1String("reauth"))
            return fieldError(QStringLiteral("passed"), QStringLiteral("only a re-authentication is passed or not"));
        QJsonObject fields = o.value(QLatin1String("fields")).toObject();
        fields.insert(QStringLiteral("isPassed"), passed.toBool());
        result = approve(id, o.value(QLatin1String("persona")).toString(), fields);
    }
    if (!result)
        return jsonAnswer(result.error().code == QLatin1String("not-pending") ? 409 : 404,
            QJsonObject {{QStringLiteral("error"), result.error().code}, {QStringLiteral("detail"), result.error().detail}});
    return jsonAnswer(200, result.value());
}

} // namespace Mock
