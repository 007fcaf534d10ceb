// The handlers of the iAM Smart API family (protocol.md §3–§6) and the routing table that names them. Every call
// reaches its handler through the pipeline in Simulator.cpp, checked as far as its route's stage says.
#include "Simulator.h"

#include "crypto/KeyWrap.h"

namespace Mock {

namespace Code = Protocol::Code;
using Stage = ApiRoutes::Stage;

namespace {

bool isAppSource(const QString& source)
{
    return source.startsWith(QLatin1String("App_"));
}

/// The documented lastModifiedDate of getToken answers (protocol.md §4.2 sample).
constexpr qint64 sampleLastModifiedDate = 1560849218006LL;

} // namespace

void Simulator::buildRoutes()
{
    auto to = [this](Net::HttpResponse (Simulator::*handler)(const ApiCall&)) {
        return [this, handler](const ApiCall& call) { return (this->*handler)(call); };
    };
    m_routes.add(QStringLiteral("keys.getKey"), Stage::Headers, to(&Simulator::getKey));
    m_routes.add(QStringLiteral("keys.revokeKey"), Stage::Headers, to(&Simulator::revokeKey));
    m_routes.add(QStringLiteral("auth.getToken"), Stage::Body, to(&Simulator::getToken));
    m_routes.add(QStringLiteral("signing.ackResult"), Stage::Authorised, to(&Simulator::ackResult));
    for (const Protocol::ApiSpec& api : m_catalog.apis()) {
        if (api.id.endsWith(QLatin1String(".getResult")))
            m_routes.add(api.id, Stage::Authorised, to(&Simulator::getResult));
    }
    m_routes.setFallback(to(&Simulator::phoneRequest));
}

Net::HttpResponse Simulator::getKey(const ApiCall& call)
{
    // Key management is clear JSON (protocol.md §3.3).
    const Protocol::ContentKey key = m_issuer.contentKey(call.client.clientId, call.now);
    auto wrapped = Crypto::KeyWrap::wrap(call.client.kek, key.key);
    if (!wrapped)
        return envelope(Code::KekInvalid, QStringLiteral("key encryption key not usable: ") + wrapped.error().detail);
    const QJsonObject content {{QStringLiteral("secretKey"), QString::fromLatin1(*wrapped)},
        {QStringLiteral("pubKey"), QString::fromLatin1(call.client.kek.toDer().toBase64())},
        {QStringLiteral("issueAt"), key.issueAt}, {QStringLiteral("expiresIn"), key.expiresAt - key.issueAt}};
    return envelope(Code::Success, {}, content);
}

Net::HttpResponse Simulator::revokeKey(const ApiCall& call)
{
    m_issuer.revokeKey(call.client.clientId);
    return envelope(Code::Success, {});
}

Net::HttpResponse Simulator::getToken(const ApiCall& call)
{
    const QString clientId = call.client.clientId;
    const auto used = m_issuer.redeemCode(call.body.value(QLatin1String("code")).toString(), clientId, call.now);
    if (!used)
        return envelope(Code::AuthCodeInvalid, QStringLiteral("authCode not exist or expired"));
    const Persona* who = persona(used->personaId);
    const IssuedToken token {clientId, used->personaId, personaOpenId(clientId, used->personaId), used->scope,
        call.now + m_options.accessTokenLifetimeMs};
    const QString accessToken = m_issuer.issueToken(token);
    const QJsonObject content {{QStringLiteral("accessToken"), accessToken},
        {QStringLiteral("tokenType"), QStringLiteral("Bearer")}, {QStringLiteral("issueAt"), call.now},
        {QStringLiteral("expiresIn"), m_options.accessTokenLifetimeMs}, {QStringLiteral("openID"), token.openId},
        {QStringLiteral("lastModifiedDate"), sampleLastModifiedDate},
        {QStringLiteral("userType"), who ? who->userType : QStringLiteral("default")},
        {QStringLiteral("scope"), token.scope}};
    return envelope(Code::Success, {}, content, call.cek);
}

Net::HttpResponse Simulator::ackResult(const ApiCall& call)
{
    return envelope(Code::Success, {},
        QJsonObject {{QStringLiteral("businessID"), call.body.value(QLatin1String("businessID")).toString()}}, call.cek);
}

Net::HttpResponse Simulator::getResult(const ApiCall& call)
{
    const QString businessId = call.body.value(QLatin1String("businessID")).toString();
    for (const PendingRequest& p : m_book.all()) {
        if (p.clientId == call.client.clientId && p.businessId == businessId
            && p.kind.startsWith(QLatin1String("anon-"))) {
            if (p.status == QLatin1String("pending"))
                return envelope(Code::UnknownException, QStringLiteral("the user has not decided yet (modelled)"));
            if (!Code::isSuccess(p.resultCode))
                return envelope(p.resultCode, QStringLiteral("the request ended with %1").arg(p.resultCode));
            return envelope(Code::Success, {}, p.result, call.cek);
        }
    }
    return envelope(Code::ParameterInvalid, QStringLiteral("invalid parameter businessID: no such anonymous request"));
}

Net::HttpResponse Simulator::phoneRequest(const ApiCall& call)
{
    const Protocol::ApiSpec& api = call.api;
    if (api.phoneKind.isEmpty())
        return envelope(Code::Success, {}, QJsonObject {}, call.cek);
    const QString clientId = call.client.clientId;
    const QString businessId = call.body.value(QLatin1String("businessID")).toString();
    if (!businessId.isEmpty() && m_book.holdsBusinessId(clientId, businessId))
        return envelope(Code::DuplicatedBusinessId, QStringLiteral("duplicated businessID %1").arg(businessId));
    if (!m_book.admits(clientId))
        return envelope(tooManyPendingCode,
            QStringLiteral("too many requests: %1 requests of this client are waiting for the user")
                .arg(m_options.maxPendingPerClient),
            {}, {}, 429);
    if (!businessId.isEmpty())
        m_book.reserveBusinessId(clientId, businessId);
    PendingRequest p;
    p.id = newId();
    p.kind = api.phoneKind;
    p.apiId = api.id;
    p.clientId = clientId;
    p.businessId = businessId;
    p.ticketId = newId();
    p.state = call.body.value(QLatin1String("state")).toString();
    p.redirectUri = call.body.value(QLatin1String("redirectURI")).toString();
    p.source = call.body.value(QLatin1String("source")).toString();
    p.scope = api.scope;
    p.openId = call.token.openId;
    p.personaId = call.token.personaId;
    p.body = call.body;
    p.createdAt = call.now;
    p.expiresAt = call.now + m_options.ticketLifetimeMs;
    addPending(p);

    QJsonObject content;
    if (p.kind.startsWith(QLatin1String("anon-"))) {
        content.insert(QStringLiteral("ticketID"), p.ticketId);
    } else if (isAppSource(p.source)) {
        content.insert(QStringLiteral("authByQR"), false);
        content.insert(QStringLiteral("ticketID"), p.ticketId);
    } else {
        content.insert(QStringLiteral("authByQR"), true);
    }
    return envelope(Code::Success, {}, content, call.cek);
}

} // namespace Mock
