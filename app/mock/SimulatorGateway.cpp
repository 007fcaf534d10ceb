// The gateway family of seed 003 (protocol.md §7), served by the same simulator: x-client-id / x-client-secret
// headers, plain JSON, HS256 JWT tokens, a browser redirect after the phone's decision, and results fetched by
// polling as a JWE encrypted to the client's registered public key.
//
// Choices where §7 says "unknown" (README, resources/catalog/apis/gateway.*.json):
//  - request answers: 200 {token, url?, state?, businessID?}; errors: {error, message, field?} with 400, 401,
//    404, 405, 415 or 500;
//  - poll answers: 200 {status:"completed", service, result:<JWE>} once; 202 {status:"pending"};
//    403 {status:"rejected", error}; 410 {status:"expired"|"deleted"};
//  - JWE: RSA-OAEP + A256GCM; its payload is a JWT claims set {iss, aud, sub, iat, exp, service, state,
//    businessID?, result}.
#include "Simulator.h"

#include "crypto/Encoding.h"
#include "crypto/Jose.h"
#include "net/HttpServer.h"
#include "protocol/Envelope.h"
#include "protocol/Links.h"
#include "protocol/UrlBuilder.h"
#include "util/RequestStamp.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Mock {
namespace {

constexpr qint64 gatewayResultLifetimeMs = Protocol::Duration::ticketMs;

struct ServiceInfo
{
    QString service; ///< the wire name (redirect `service`, poll `service`)
    QString phoneKind; ///< what the phone is asked; empty: answered at once
    bool anonymous = false;
    bool chained = false; ///< needs the token of an approved login
};

ServiceInfo serviceOf(const QString& apiId)
{
    static const QHash<QString, ServiceInfo> map {
        {QStringLiteral("gateway.auth"), {QStringLiteral("auth"), QStringLiteral("auth"), false, false}},
        {QStringLiteral("gateway.formfilling"), {QStringLiteral("formfilling"), QStringLiteral("eme"), false, true}},
        {QStringLiteral("gateway.signing"), {QStringLiteral("signing"), QStringLiteral("sign"), false, true}},
        {QStringLiteral("gateway.pdfSigning"), {QStringLiteral("pdf-signing"), QStringLiteral("pdfsign"), false, true}},
        {QStringLiteral("gateway.reauth"), {QStringLiteral("reauth"), QStringLiteral("reauth"), false, true}},
        {QStringLiteral("gateway.ccic"), {QStringLiteral("ccic"), QString(), false, true}},
        {QStringLiteral("gateway.formfillingAnonymous"),
            {QStringLiteral("formfilling"), QStringLiteral("anon-eme"), true, false}},
        {QStringLiteral("gateway.signingAnonymous"),
            {QStringLiteral("signing"), QStringLiteral("anon-sign"), true, false}},
        {QStringLiteral("gateway.pdfSigningAnonymous"),
            {QStringLiteral("pdf-signing"), QStringLiteral("anon-pdfsign"), true, false}},
    };
    return map.value(apiId);
}

bool sameSecret(const QByteArray& a, const QByteArray& b)
{
    // Constant time in the length of the registered secret.
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < b.size(); ++i)
        diff |= static_cast<unsigned char>(b.at(i) ^ (i < a.size() ? a.at(i) : 0));
    return diff == 0;
}

QString base64FromHex(const QString& hex)
{
    return hex.isEmpty() ? QString() : QString::fromLatin1(QByteArray::fromHex(hex.toLatin1()).toBase64());
}

/// Four digits derived from the HKIC number: what the gateway's signing answers call "HKIC check digits"
/// (their derivation is not published; this one is stable per persona).
QString hkicCheckDigits(const QString& hkic)
{
    const QByteArray h = Crypto::Encoding::sha256(hkic.toUtf8());
    QString out;
    for (int i = 0; i < 4; ++i)
        out += QChar(QLatin1Char('0' + static_cast<unsigned char>(h.at(i)) % 10));
    return out;
}

} // namespace

const GatewayRecord* Simulator::gatewayRecord(const QString& id) const
{
    const auto it = m_gateway.constFind(id);
    return it == m_gateway.constEnd() ? nullptr : &*it;
}

Net::HttpResponse Simulator::gatewayError(
    int status, const QString& error, const QString& message, const QString& field, const QJsonObject& extra) const
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("error"), error);
    o.insert(QStringLiteral("message"), message);
    if (!field.isEmpty())
        o.insert(QStringLiteral("field"), field);
    return Net::HttpResponse::json(status, Protocol::compactJson(o));
}

Util::Result<QByteArray> Simulator::gatewayToken(const GatewayRecord& record) const
{
    const QJsonObject claims {{QStringLiteral("iss"), baseUrl()}, {QStringLiteral("aud"), record.clientId},
        {QStringLiteral("sub"), record.id}, {QStringLiteral("service"), record.service},
        {QStringLiteral("iat"), record.createdAt / 1000}, {QStringLiteral("exp"), record.tokenExpiresAt / 1000}};
    return m_issuer.signToken(claims);
}

Util::Result<GatewayRecord*> Simulator::gatewayRecordFor(const QString& token, const QString& clientId)
{
    auto verified = m_issuer.verifyToken(token.toLatin1());
    if (!verified)
        return verified.error();
    const QJsonObject claims = *verified;
    if (claims.value(QLatin1String("aud")).toString() != clientId)
        return Util::Error {QStringLiteral("unauthorized"), QStringLiteral("token was issued to another client")};
    if (qint64(claims.value(QLatin1String("exp")).toDouble()) * 1000 <= m_clock.nowMs())
        return Util::Error {QStringLiteral("unauthorized"), QStringLiteral("token has expired")};
    auto it = m_gateway.find(claims.value(QLatin1String("sub")).toString());
    if (it == m_gateway.end())
        return Util::Error {QStringLiteral("unauthorized"), QStringLiteral("token names no request")};
    return &*it;
}

Net::HttpResponse Simulator::handleGateway(const Net::HttpRequest& request, const QString& path)
{
    const Protocol::ApiSpec* api = nullptr;
    for (const Protocol::ApiSpec& a : m_catalog.apis()) {
        if (a.isGateway() && a.kind == Protocol::ApiKind::Request && a.path == path)
            api = &a;
    }
    if (!api)
        return gatewayError(404, QStringLiteral("not-found"), QStringLiteral("no such path: %1").arg(path));
    if (request.method != "POST") {
        Net::HttpResponse r
            = gatewayError(405, QStringLiteral("method-not-allowed"), QStringLiteral("%1 expects POST").arg(path));
        r.setHeader("Allow", "POST");
        return r;
    }
    // Credentials first: an unknown caller learns nothing about its input.
    const QString clientId = QString::fromUtf8(request.header("x-client-id"));
    if (clientId.isEmpty())
        return gatewayError(401, QStringLiteral("unauthorized"), QStringLiteral("x-client-id header is missing"),
            QStringLiteral("x-client-id"));
    if (!request.hasHeader("x-client-secret"))
        return gatewayError(401, QStringLiteral("unauthorized"), QStringLiteral("x-client-secret header is missing"),
            QStringLiteral("x-client-secret"));
    const RegisteredClient* client = m_clients.find(clientId);
    if (!client || !sameSecret(request.header("x-client-secret"), client->clientSecret))
        return gatewayError(401, QStringLiteral("unauthorized"),
            QStringLiteral("x-client-id and x-client-secret do not name a registered client"));

    const QByteArray contentType = request.header("Content-Type").toLower();
    if (!contentType.isEmpty() && !contentType.startsWith("application/json"))
        return gatewayError(415, QStringLiteral("unsupported-media-type"),
            QStringLiteral("Content-Type %1: application/json expected").arg(QString::fromLatin1(contentType)));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return gatewayError(400, QStringLiteral("bad-request"),
            parseError.error != QJsonParseError::NoError ? QStringLiteral("body is not JSON (offset %1: %2)")
                                                               .arg(parseError.offset)
                                                               .arg(parseError.errorString())
                                                         : QStringLiteral("body must be a JSON object"));
    const QJsonObject body = doc.object();
    const QList<Protocol::FieldViolation> violations = m_catalog.checkBody(*api, body);
    if (!violations.isEmpty()) {
        const Protocol::FieldViolation& v = violations.first();
        return gatewayError(400, QStringLiteral("bad-request"), v.detail, v.field, {{QStringLiteral("rule"), v.rule}});
    }
    if (api->id == QLatin1String("gateway.poll"))
        return handleGatewayPoll(*client, body);

    const ServiceInfo info = serviceOf(api->id);
    const qint64 now = m_clock.nowMs();
    const QString source = body.value(QLatin1String("source")).toString();
    if (source == QLatin1String("android") && body.value(QLatin1String("activityClass")).toString().isEmpty()
        && api->field(QStringLiteral("activityClass")))
        return gatewayError(400, QStringLiteral("bad-request"),
            QStringLiteral("parameter activityClass is required when source is android"),
            QStringLiteral("activityClass"));
    const QString redirect = body.value(QLatin1String("redirect")).toString();
    if (const Util::Status allowed = redirect.isEmpty() ? Util::success() : client->checkRedirect(redirect); !allowed)
        return gatewayError(400, QStringLiteral("bad-request"),
            QStringLiteral("redirect for client %1: %2").arg(clientId, allowed.error().detail),
            QStringLiteral("redirect"));
    const QString scope = body.value(QLatin1String("scope")).toString();
    for (const QString& s : scope.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!client->hasScope(s))
            return gatewayError(400, QStringLiteral("bad-request"),
                QStringLiteral("scope %1 is not granted to client %2").arg(s, clientId), QStringLiteral("scope"));
    }

    // The request as the phone sees it, in the shape the simulator's iAM Smart side already answers.
    QJsonObject phoneBody = body;
    phoneBody.remove(QStringLiteral("token"));
    if (body.contains(QLatin1String("formData"))) {
        const QJsonObject form = body.value(QLatin1String("formData")).toObject();
        if (form.value(QLatin1String("formName")).toString().isEmpty())
            return gatewayError(400, QStringLiteral("bad-request"),
                QStringLiteral("parameter formData.formName is missing"), QStringLiteral("formData.formName"));
        const QJsonValue fields = form.value(QLatin1String("formFields"));
        if (!fields.isArray() || fields.toArray().isEmpty())
            return gatewayError(400, QStringLiteral("bad-request"),
                QStringLiteral("parameter formData.formFields must be a non-empty array of e-ME field names"),
                QStringLiteral("formData.formFields"));
        const Protocol::Enumeration* eme = m_catalog.enumeration(QStringLiteral("eMEFields"));
        for (const QJsonValue& f : fields.toArray()) {
            if (!f.isString() || (eme && !eme->contains(f.toString())))
                return gatewayError(400, QStringLiteral("bad-request"),
                    QStringLiteral("invalid parameter formData.formFields: %1 is not an e-ME field")
                        .arg(f.isString() ? f.toString() : QStringLiteral("(not a string)")),
                    QStringLiteral("formData.formFields"));
        }
        phoneBody.insert(QStringLiteral("eMEFields"), fields);
        for (const QString& key : {QStringLiteral("formName"), QStringLiteral("formNum"), QStringLiteral("formDesc")})
            phoneBody.insert(key, form.value(key));
    }
    if (info.service == QLatin1String("signing")) {
        const QString hex = body.value(QLatin1String(info.anonymous ? "fileHash" : "hash")).toString();
        phoneBody.insert(QStringLiteral("hashCode"), base64FromHex(hex));
        phoneBody.insert(QStringLiteral("sigAlgo"), QStringLiteral("SHA256withRSA"));
        phoneBody.insert(QStringLiteral("documentName"), body.value(QLatin1String("name")));
    } else if (info.service == QLatin1String("pdf-signing")) {
        phoneBody.insert(QStringLiteral("docDigest"), body.value(QLatin1String("fileHash")));
        phoneBody.insert(QStringLiteral("documentName"), body.value(QLatin1String("name")));
    }
    if (body.contains(QLatin1String("hkicHash")))
        phoneBody.insert(QStringLiteral("HKICHash"), base64FromHex(body.value(QLatin1String("hkicHash")).toString()));

    GatewayRecord record;
    record.id = newId();
    record.service = info.service;
    record.clientId = clientId;
    record.source = source;
    record.redirect = redirect;
    record.createdAt = now;
    record.state = Util::randomHex32();
    record.businessId = info.service == QLatin1String("auth") ? QString() : newId();
    // A poll token outlives its result, so that a late poll hears "deleted" (410) rather than "unauthorized".
    record.tokenExpiresAt
        = now + (info.service == QLatin1String("auth") ? m_options.accessTokenLifetimeMs : 2 * gatewayResultLifetimeMs);
    if (info.chained) {
        auto login = gatewayRecordFor(body.value(QLatin1String("token")).toString(), clientId);
        if (!login)
            return gatewayError(401, login.error().code, login.error().detail, QStringLiteral("token"));
        if ((*login)->service != QLatin1String("auth") || !(*login)->authenticated)
            return gatewayError(401, QStringLiteral("unauthorized"),
                QStringLiteral("token is not the token of an approved login"), QStringLiteral("token"));
        record.authId = (*login)->id;
        record.personaId = (*login)->personaId;
    }

    // Signed first: a token that cannot be made is an error before anything is held.
    auto token = gatewayToken(record);
    if (!token)
        return gatewayError(500, QStringLiteral("internal-error"), token.error().toString());
    if (!info.phoneKind.isEmpty() && !m_book.admits(clientId))
        return gatewayError(429, tooManyPendingCode,
            QStringLiteral("too many requests: %1 requests of this client are waiting for the user")
                .arg(m_options.maxPendingPerClient));
    QJsonObject answer;
    if (info.phoneKind.isEmpty()) {
        // CCIC verification (modelled): answered at once for the logged-in user.
        const Persona* who = persona(record.personaId);
        record.status = QStringLiteral("completed");
        record.decidedAt = now;
        record.result = {{QStringLiteral("openID"), personaOpenId(clientId, record.personaId)},
            {QStringLiteral("ccic"), who && who->profile.value(QLatin1String("ccic")).toBool()},
            {QStringLiteral("verified"), true}};
        m_gateway.insert(record.id, record);
    } else {
        PendingRequest p;
        p.id = newId();
        p.kind = info.phoneKind;
        p.apiId = api->id;
        p.clientId = clientId;
        p.businessId = record.businessId;
        p.ticketId = newId();
        p.state = record.state;
        p.redirectUri = redirect;
        p.source = source;
        p.lang = body.value(QLatin1String("lang")).toString(QStringLiteral("en-US"));
        p.scope = scope.isEmpty() ? api->scope : scope;
        p.personaId = record.personaId;
        p.openId = record.personaId.isEmpty() ? QString() : personaOpenId(clientId, record.personaId);
        p.body = phoneBody;
        p.createdAt = now;
        p.expiresAt = now + m_options.ticketLifetimeMs;
        record.pendingId = p.id;
        m_gatewayByPending.insert(p.id, record.id);
        m_gateway.insert(record.id, record); // before the phone hears of it
        addPending(p);
        if (!redirect.isEmpty()) {
            // A browser on another device shows the QR page; a mobile source opens the app by universal link.
            const QString url = source == QLatin1String("PC_Browser")
                ? baseUrl() + QStringLiteral("/__mock/qr/") + p.id
                : Protocol::Links::universalLink(info.anonymous, p.ticketId);
            answer.insert(QStringLiteral("url"), url);
        }
    }
    answer.insert(QStringLiteral("token"), QString::fromLatin1(*token));
    answer.insert(QStringLiteral("state"), record.state);
    if (!record.businessId.isEmpty())
        answer.insert(QStringLiteral("businessID"), record.businessId);
    return Net::HttpResponse::json(200, Protocol::compactJson(answer));
}

void Simulator::gatewayDecided(PendingRequest& p, const QString& code, const QJsonObject& content, QJsonObject* answer)
{
    auto it = m_gateway.find(m_gatewayByPending.value(p.id));
    if (it == m_gateway.end())
        return;
    GatewayRecord& g = *it;
    g.decidedAt = m_clock.nowMs();
    g.personaId = p.personaId;
    const bool ok = Protocol::Code::isSuccess(code);
    if (ok) {
        g.status = QStringLiteral("completed");
        g.code = newId();
        const Persona* who = persona(p.personaId);
        QJsonObject result = content;
        result.remove(QStringLiteral("businessID"));
        result.remove(QStringLiteral("state"));
        result.insert(QStringLiteral("openID"), personaOpenId(g.clientId, p.personaId));
        if (g.service == QLatin1String("auth")) {
            g.authenticated = true;
            if (who)
                result.insert(QStringLiteral("userType"), who->userType);
        }
        if ((g.service == QLatin1String("signing") || g.service == QLatin1String("pdf-signing")) && who)
            result.insert(QStringLiteral("hkicCheckDigits"), hkicCheckDigits(who->hkicIdentification));
        g.result = result;
    } else {
        g.status = p.status == QLatin1String("expired") ? QStringLiteral("expired") : QStringLiteral("rejected");
        g.errorCode = code;
    }
    if (!g.redirect.isEmpty()) {
        QList<QPair<QString, QString>> items {{QStringLiteral("service"), g.service},
            {QStringLiteral("code"), ok ? g.code : QString()}, {QStringLiteral("error"), ok ? QString() : code},
            {QStringLiteral("state"), g.state}, {QStringLiteral("businessID"), g.businessId},
            {QStringLiteral("source"), g.source}};
        items.removeIf([](const QPair<QString, QString>& i) { return i.second.isEmpty(); });
        p.browserRedirect = Protocol::UrlBuilder::appendQuery(g.redirect, items);
        answer->insert(QStringLiteral("redirect"), p.browserRedirect);
    }
    answer->insert(QStringLiteral("gatewayRecord"), g.id);
}

Net::HttpResponse Simulator::handleGatewayPoll(const RegisteredClient& client, const QJsonObject& body)
{
    auto found = gatewayRecordFor(body.value(QLatin1String("token")).toString(), client.clientId);
    if (!found)
        return gatewayError(401, found.error().code, found.error().detail, QStringLiteral("token"));
    GatewayRecord& g = **found;
    if (g.status == QLatin1String("pending"))
        return Net::HttpResponse::json(202,
            Protocol::compactJson({{QStringLiteral("status"), g.status}, {QStringLiteral("service"), g.service},
                {QStringLiteral("message"), QStringLiteral("result pending: the user has not completed the action")}}));
    if (g.status == QLatin1String("rejected"))
        return gatewayError(403, g.errorCode, QStringLiteral("user rejected the request"), {},
            {{QStringLiteral("status"), g.status}, {QStringLiteral("service"), g.service}});
    if (g.status == QLatin1String("expired") || g.status == QLatin1String("deleted"))
        return gatewayError(410, QStringLiteral("gone"),
            g.status == QLatin1String("expired")
                ? QStringLiteral("the request expired before the user answered")
                : QStringLiteral("personal data is deleted after the first successful poll or after 18 minutes"),
            {}, {{QStringLiteral("status"), g.status}, {QStringLiteral("service"), g.service}});
    const QString code = body.value(QLatin1String("code")).toString();
    if (!code.isEmpty() && code != g.code)
        return gatewayError(400, QStringLiteral("bad-request"),
            QStringLiteral("invalid parameter code: not the code of this request"), QStringLiteral("code"));

    const qint64 now = m_clock.nowMs();
    QJsonObject claims {{QStringLiteral("iss"), baseUrl()}, {QStringLiteral("aud"), g.clientId},
        {QStringLiteral("sub"), g.id}, {QStringLiteral("iat"), now / 1000},
        {QStringLiteral("exp"), (now + gatewayResultLifetimeMs) / 1000}, {QStringLiteral("service"), g.service},
        {QStringLiteral("state"), g.state}, {QStringLiteral("result"), g.result}};
    if (!g.businessId.isEmpty())
        claims.insert(QStringLiteral("businessID"), g.businessId);
    auto jwe = Crypto::Jose::encryptRsa(Protocol::compactJson(claims), client.kek,
        {{QStringLiteral("cty"), QStringLiteral("JWT")}, {QStringLiteral("kid"), g.clientId}});
    if (!jwe)
        return gatewayError(500, QStringLiteral("internal-error"), jwe.error().toString());
    emit gatewayResultIssued(g.id, Protocol::compactJson(claims), *jwe);
    g.status = QStringLiteral("deleted"); // one successful poll, then the personal data is gone
    g.result = {};
    return Net::HttpResponse::json(200,
        Protocol::compactJson({{QStringLiteral("status"), QStringLiteral("completed")}, {QStringLiteral("service"), g.service},
            {QStringLiteral("result"), QString::fromLatin1(*jwe)}}));
}

} // namespace Mock
