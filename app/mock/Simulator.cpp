#include "Simulator.h"
#include "SimulatorInternal.h"
#include "branding/ButtonAssets.h"

#include "crypto/AesGcmCipher.h"
#include "net/TlsPolicy.h"
#include "crypto/Encoding.h"
#include "crypto/HmacSigner.h"
#include "crypto/KeyWrap.h"
#include "net/HttpServer.h"
#include "protocol/Envelope.h"
#include "protocol/UrlBuilder.h"
#include "qr/QrEncoder.h"
#include "util/RandomSource.h"
#include "util/RequestStamp.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QtEndian>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
namespace Mock {
using namespace detail;


QString modeName(Mode mode)
{
    return mode == Mode::Strict ? QStringLiteral("strict") : QStringLiteral("sandbox");
}

std::optional<CodeStyle> codeStyleFromName(const QString& name)
{
    if (name == QLatin1String("hex"))
        return CodeStyle::Hex;
    if (name == QLatin1String("base64"))
        return CodeStyle::Base64;
    return std::nullopt;
}

QJsonObject PendingRequest::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("kind"), kind}, {QStringLiteral("apiId"), apiId},
        {QStringLiteral("clientID"), clientId}, {QStringLiteral("businessID"), businessId},
        {QStringLiteral("ticketID"), ticketId}, {QStringLiteral("state"), state},
        {QStringLiteral("redirectURI"), redirectUri}, {QStringLiteral("source"), source},
        {QStringLiteral("status"), status}, {QStringLiteral("resultCode"), resultCode},
        {QStringLiteral("createdAt"), createdAt}, {QStringLiteral("expiresAt"), expiresAt},
        {QStringLiteral("request"), body}};
}

Simulator::Simulator(const Protocol::ApiCatalog& catalog, const Util::Clock& clock, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_clock(clock)
{
}

Simulator::~Simulator() = default;

Util::Status Simulator::start(const SimulatorOptions& options)
{
    stop();
    m_options = options;
    if (auto s = m_clients.loadOrCreateDevClient(options.stateDir); !s)
        return s;
    if (!options.configFile.isEmpty()) {
        if (auto s = m_clients.loadConfig(options.configFile); !s)
            return s;
    }
    auto personas = loadPersonas();
    if (!personas)
        return personas.error();
    m_personas = personas.value();
    if (auto s = loadOrCreateSigningCredentials(); !s)
        return s;
    m_rateLimiter.setLimit(options.rateLimitPerSecond);
    m_serverSecret = Util::RandomSource::system().bytes(32);
    m_nonceSeed = qFromUnaligned<size_t>(Util::RandomSource::system().bytes(sizeof(size_t)).constData());

    m_network = new QNetworkAccessManager(this);
    m_sweeper = new QTimer(this);
    m_sweeper->setInterval(1000);
    connect(m_sweeper, &QTimer::timeout, this, &Simulator::sweepExpired);
    m_sweeper->start();

    m_server = std::make_unique<Net::HttpServer>();
    m_server->setHandler([this](const Net::HttpRequest& r) { return handle(r); });
    m_server->setErrorResponder([this](int status, const QString& reason) { return refusal(status, reason); });
    m_server->guard().requireJsonPosts(QStringLiteral("/__mock/")); // no cross-site form reaches the phone
    m_server->guard().setPublicNames(options.publicNames);
    return m_server->listen(options.address, options.port);
}

void Simulator::stop()
{
    m_server.reset();
    delete m_sweeper;
    m_sweeper = nullptr;
    delete m_network;
    m_network = nullptr;
}

QString Simulator::baseUrl() const
{
    return m_server ? m_server->baseUrl() : QString();
}

QString Simulator::defaultPersonaId() const
{
    for (const Persona& p : m_personas) {
        if (p.canSign() && p.isActive())
            return p.id;
    }
    return m_personas.isEmpty() ? QString() : m_personas.first().id;
}

const Persona* Simulator::persona(const QString& id) const
{
    for (const Persona& p : m_personas) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

QString Simulator::newId() const
{
    return Util::randomHex32();
}

QString Simulator::personaOpenId(const QString& clientId, const QString& personaId) const
{
    // Stable per client and persona, different across clients (a tokenised ID).
    return QString::fromLatin1(
        Crypto::HmacSigner::hmacSha256(m_clients.find(clientId) ? m_clients.find(clientId)->clientSecret : QByteArray(),
            "openID|" + clientId.toUtf8() + '|' + personaId.toUtf8())
            .left(16)
            .toHex());
}

QString Simulator::personaAccessToken(const QString& clientId, const QString& personaId) const
{
    return QString::fromLatin1(
        Crypto::HmacSigner::hmacSha256(m_serverSecret, "token|" + clientId.toUtf8() + '|' + personaId.toUtf8())
            .left(16)
            .toHex());
}

QList<PendingRequest> Simulator::pending() const
{
    QList<PendingRequest> out;
    for (const QString& id : m_pendingOrder) {
        const auto it = m_pending.constFind(id);
        if (it != m_pending.constEnd() && it->status == QLatin1String("pending"))
            out.append(*it);
    }
    return out;
}

const PendingRequest* Simulator::request(const QString& id) const
{
    const auto it = m_pending.constFind(id);
    return it == m_pending.constEnd() ? nullptr : &*it;
}

void Simulator::setFaults(int failNext, int delayMs)
{
    m_failNext = std::max(0, failNext);
    m_delayMs = std::max(0, delayMs);
}

Net::HttpResponse Simulator::refusal(int status, const QString& reason) const
{
    // Requests refused at the HTTP level still get the envelope, so clients see a code.
    const QString code = status == 413 || status == 431 || status == 400 || status == 415 ? QStringLiteral("D20003")
                                                                                          : QStringLiteral("D20000");
    return envelope(code, reason, {}, {}, status);
}

Net::HttpResponse Simulator::envelope(const QString& code, const QString& detail, const QJsonValue& content,
    const QByteArray& cek, int httpStatus, const QJsonObject& extra) const
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("txID"), QStringLiteral("T=") + newId());
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("message"), code == QLatin1String("D00000") ? QStringLiteral("SUCCESS") : detail);
    if (!content.isUndefined() && !content.isNull()) {
        if (!cek.isEmpty()) {
            auto blob = Crypto::AesGcmCipher::encrypt(cek,
                content.isObject() ? compact(content.toObject())
                                   : QJsonDocument(content.toArray()).toJson(QJsonDocument::Compact));
            o.insert(QStringLiteral("content"), QString::fromLatin1(blob.value()));
        } else {
            o.insert(QStringLiteral("content"), content);
        }
    }
    return Net::HttpResponse::json(httpStatus, compact(o));
}

Net::HttpResponse Simulator::handle(const Net::HttpRequest& request)
{
    const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(request.path));
    if (path.startsWith(QLatin1String("/__mock/")))
        return handleAdmin(request, path);
    if (auto limited = rateLimited(request, path.startsWith(QLatin1String("/iamsmart/"))))
        return *limited;
    if (path.startsWith(QLatin1String("/iamsmart/")))
        return handleGateway(request, path);
    if (!path.startsWith(QLatin1String("/api/v1/")))
        return envelope(QStringLiteral("D20000"), QStringLiteral("no such path: %1").arg(path), {}, {}, 404);
    const QString apiPath = path.mid(7);
    if (request.method == "GET" && apiPath == QLatin1String("/auth/getQR"))
        return handleGetQr(request);
    const Protocol::ApiSpec* api = nullptr;
    for (const Protocol::ApiSpec& a : m_catalog.apis()) {
        if (a.kind == Protocol::ApiKind::Request && a.path == apiPath)
            api = &a;
    }
    if (!api)
        return envelope(QStringLiteral("D20000"), QStringLiteral("no such API: %1").arg(apiPath), {}, {}, 404);
    if (request.method != api->method.toLatin1()) {
        Net::HttpResponse r = envelope(
            QStringLiteral("D20000"), QStringLiteral("%1 expects %2").arg(apiPath, api->method), {}, {}, 405);
        r.setHeader("Allow", api->method.toLatin1());
        return r;
    }
    const QByteArray contentType = request.header("Content-Type").toLower();
    if (!request.body.isEmpty() && !contentType.isEmpty() && !contentType.startsWith("application/json"))
        return envelope(QStringLiteral("D20003"),
            QStringLiteral("invalid Content-Type %1: application/json expected").arg(QString::fromLatin1(contentType)),
            {}, {}, 415);
    if (auto armed = armedAnswer(*api, request))
        return *armed;
    return handleApi(*api, request);
}

Net::HttpResponse Simulator::handleApi(const Protocol::ApiSpec& api, const Net::HttpRequest& request)
{
    const bool strict = m_options.mode == Mode::Strict;
    const qint64 now = m_clock.nowMs();
    auto fail = [&](const QString& code, const QString& detail, const QJsonObject& extra = {}) {
        return envelope(code, detail, {}, {}, 200, extra);
    };

    // --- headers (protocol.md §2)
    const QString clientId = QString::fromUtf8(request.header("clientID"));
    const RegisteredClient* client = nullptr;
    if (strict || !clientId.isEmpty()) {
        if (clientId.isEmpty())
            return fail(QStringLiteral("D20001"), QStringLiteral("parameter clientID is missing"));
        client = m_clients.find(clientId);
        if (!client && strict)
            return fail(
                QStringLiteral("D20003"), QStringLiteral("invalid parameter clientID: not a registered client"));
    }
    if (!client)
        client = &m_clients.devClient(); // sandbox: like the portal, any caller is the sample client
    ClientState& state = m_clientState[client->clientId];

    if (strict) {
        for (const char* h : {"signatureMethod", "timestamp", "nonce", "signature"}) {
            if (!request.hasHeader(h))
                return fail(QStringLiteral("D20001"), QStringLiteral("parameter %1 is missing").arg(QLatin1String(h)));
        }
        if (request.header("signatureMethod") != Crypto::HmacSigner::method)
            return fail(QStringLiteral("D20005"),
                QStringLiteral("unsupported signature method %1")
                    .arg(QString::fromUtf8(request.header("signatureMethod"))));
        bool okTs = false;
        const qint64 ts = request.header("timestamp").toLongLong(&okTs);
        if (!okTs || ts <= 0)
            return fail(
                QStringLiteral("D20003"), QStringLiteral("invalid parameter timestamp: not epoch milliseconds"));
        const QString nonce = QString::fromUtf8(request.header("nonce"));
        if (nonce.isEmpty() || nonce.size() > 36)
            return fail(QStringLiteral("D20003"), QStringLiteral("invalid parameter nonce: 1 to 36 characters"));
        if (!Crypto::HmacSigner::verify(
                client->clientId, client->clientSecret, ts, nonce, request.body, request.header("signature"))) {
            // Simulator only: the string the server signed, so the console can show where they differ.
            const QJsonObject debug {{QStringLiteral("debug"),
                QJsonObject {{QStringLiteral("stringToSign"),
                    QString::fromUtf8(Crypto::HmacSigner::stringToSign(client->clientId, ts, nonce, request.body))}}}};
            return fail(QStringLiteral("D20006"), QStringLiteral("signature verification failed"), debug);
        }
        if (ts < state.lastTimestamp)
            return fail(QStringLiteral("D20004"),
                QStringLiteral("duplicated request: timestamp %1 is older than the previous %2")
                    .arg(ts)
                    .arg(state.lastTimestamp));
        if (std::abs(ts - now) > clockSkewMs)
            return fail(QStringLiteral("D20004"),
                QStringLiteral("duplicated request: timestamp is more than 5 minutes from the server's time"));
        // A nonce is remembered while its request's timestamp is within the allowed skew: a replay after that
        // is refused for its timestamp anyway. Kept as a keyed 64-bit hash, at most maxNoncesPerClient.
        forgetNonces(state, now);
        const size_t nonceKey = qHash(nonce, m_nonceSeed);
        if (state.nonces.contains(nonceKey))
            return fail(
                QStringLiteral("D20004"), QStringLiteral("duplicated request: nonce %1 was used before").arg(nonce));
        if (state.nonces.size() >= maxNoncesPerClient)
            return envelope(tooManyPendingCode,
                QStringLiteral("too many requests: %1 signed requests within %2 minutes")
                    .arg(maxNoncesPerClient)
                    .arg(clockSkewMs / 60'000),
                {}, {}, 429);
        state.nonces.insert(nonceKey);
        state.nonceAge.emplace_back(ts, nonceKey);
        state.lastTimestamp = ts;
    }

    // --- a field-less API (getKey, revokeKey) takes no body, an empty one or {}, with or without Content-Type; the
    // signature covered exactly the bytes that came. Any other body is still checked.
    if (api.fields.isEmpty() && !api.encrypted) {
        if (const QString problem = bodyProblem(request.body); !problem.isEmpty())
            return envelope(
                QStringLiteral("D20003"), QStringLiteral("invalid request body: %1").arg(problem), {}, {}, 400);
    }

    // --- key management (clear JSON, protocol.md §3.3)
    if (api.id == QLatin1String("keys.getKey")) {
        auto key = m_ceks.valid(client->clientId, now);
        if (!key) {
            key = Protocol::ContentKey {Util::RandomSource::system().bytes(32), now, now + m_options.cekLifetimeMs};
            m_ceks.put(client->clientId, *key);
        }
        auto wrapped = Crypto::KeyWrap::wrap(client->kek, key->key);
        if (!wrapped)
            return fail(
                QStringLiteral("D30001"), QStringLiteral("key encryption key not usable: ") + wrapped.error().detail);
        const QJsonObject content {{QStringLiteral("secretKey"), QString::fromLatin1(wrapped.value())},
            {QStringLiteral("pubKey"), QString::fromLatin1(client->kek.toDer().toBase64())},
            {QStringLiteral("issueAt"), key->issueAt}, {QStringLiteral("expiresIn"), key->expiresAt - key->issueAt}};
        return envelope(QStringLiteral("D00000"), {}, content);
    }
    if (api.id == QLatin1String("keys.revokeKey")) {
        m_ceks.remove(client->clientId);
        return envelope(QStringLiteral("D00000"), {});
    }

    // --- body
    QByteArray cek;
    QJsonObject body;
    QByteArray plain = request.body;
    if (strict && api.encrypted) {
        auto key = m_ceks.valid(client->clientId, now);
        if (!key)
            return fail(
                QStringLiteral("D30002"), QStringLiteral("content encryption key not exist or expired; call getKey"));
        cek = key->key;
        auto wrapper = QJsonDocument::fromJson(request.body);
        const QJsonValue content = wrapper.object().value(QLatin1String("content"));
        if (!wrapper.isObject() || !content.isString())
            return fail(
                QStringLiteral("D30004"), QStringLiteral("decryption exception: the body is not {\"content\": \"…\"}"));
        auto decrypted = Crypto::AesGcmCipher::decrypt(cek, content.toString().toLatin1());
        if (!decrypted)
            return fail(
                QStringLiteral("D30004"), QStringLiteral("decryption exception: ") + decrypted.error().toString());
        plain = decrypted.value();
    }
    if (const QString problem = bodyProblem(plain); !problem.isEmpty())
        return envelope(QStringLiteral("D20003"), QStringLiteral("invalid request body: %1").arg(problem), {}, {}, 400);
    body = QJsonDocument::fromJson(plain).object();
    const QList<Protocol::FieldViolation> violations = m_catalog.checkBody(api, body);
    if (!violations.isEmpty())
        return fail(violations.first().returnCode, violations.first().detail);

    // --- semantics
    if (api.id == QLatin1String("auth.getToken")) {
        const QString code = body.value(QLatin1String("code")).toString();
        auto it = m_codes.find(code);
        if (it == m_codes.end() || it->used || it->clientId != client->clientId
            || now - it->createdAt > m_options.authCodeLifetimeMs)
            return fail(QStringLiteral("D40004"), QStringLiteral("authCode not exist or expired"));
        const AuthCode used = *it;
        m_codes.erase(it); // single use: forgotten once exchanged
        const Persona* who = persona(used.personaId);
        Token token {client->clientId, used.personaId, personaOpenId(client->clientId, used.personaId), used.scope,
            now + m_options.accessTokenLifetimeMs};
        const QString accessToken = personaAccessToken(client->clientId, used.personaId);
        m_tokens.insert(accessToken, token);
        const QJsonObject content {{QStringLiteral("accessToken"), accessToken},
            {QStringLiteral("tokenType"), QStringLiteral("Bearer")}, {QStringLiteral("issueAt"), now},
            {QStringLiteral("expiresIn"), m_options.accessTokenLifetimeMs}, {QStringLiteral("openID"), token.openId},
            {QStringLiteral("lastModifiedDate"), 1560849218006LL},
            {QStringLiteral("userType"), who ? who->userType : QStringLiteral("default")},
            {QStringLiteral("scope"), token.scope}};
        return envelope(QStringLiteral("D00000"), {}, content, cek);
    }

    const QString redirectUri = body.value(QLatin1String("redirectURI")).toString();
    if (const Util::Status allowed
        = strict && !redirectUri.isEmpty() ? client->checkRedirect(redirectUri) : Util::success();
        !allowed)
        return fail(QStringLiteral("D20008"), QStringLiteral("invalid online service URL: ") + allowed.error().detail);
    Token token;
    if (body.contains(QLatin1String("accessToken"))) {
        const auto it = m_tokens.constFind(body.value(QLatin1String("accessToken")).toString());
        if (it != m_tokens.constEnd() && it->clientId == client->clientId && it->expiresAt > now) {
            token = *it;
        } else if (strict) {
            return fail(QStringLiteral("D20009"), QStringLiteral("accessToken not exist or expired"));
        }
        if (strict && body.value(QLatin1String("openID")).toString() != token.openId)
            return fail(QStringLiteral("D20010"), QStringLiteral("openID not exist"));
        if (strict && !api.scope.isEmpty() && !token.scope.split(QLatin1Char(' ')).contains(api.scope))
            return fail(QStringLiteral("D20012"),
                QStringLiteral("insufficient permission: scope %1 was not granted").arg(api.scope));
    } else if (strict && !api.scope.isEmpty() && !client->hasScope(api.scope)) {
        return fail(QStringLiteral("D20012"),
            QStringLiteral("insufficient permission: scope %1 is not registered").arg(api.scope));
    }

    const QString businessId = body.value(QLatin1String("businessID")).toString();
    if (auto bulk = bulkAnswer(api, client->clientId, businessId, cek))
        return *bulk;
    if (api.id == QLatin1String("signing.ackResult"))
        return envelope(QStringLiteral("D00000"), {}, QJsonObject {{QStringLiteral("businessID"), businessId}}, cek);
    if (api.id.endsWith(QLatin1String(".getResult"))) {
        for (const PendingRequest& p : std::as_const(m_pending)) {
            if (p.clientId == client->clientId && p.businessId == businessId
                && p.kind.startsWith(QLatin1String("anon-"))) {
                if (p.status == QLatin1String("pending"))
                    return fail(QStringLiteral("D20000"), QStringLiteral("the user has not decided yet (modelled)"));
                if (p.resultCode != QLatin1String("D00000"))
                    return fail(p.resultCode, QStringLiteral("the request ended with %1").arg(p.resultCode));
                return envelope(QStringLiteral("D00000"), {}, p.result, cek);
            }
        }
        return fail(
            QStringLiteral("D20003"), QStringLiteral("invalid parameter businessID: no such anonymous request"));
    }
    if (api.phoneKind.isEmpty())
        return envelope(QStringLiteral("D00000"), {}, QJsonObject {}, cek);

    if (!businessId.isEmpty() && state.businessIds.contains(businessId))
        return fail(QStringLiteral("D20011"), QStringLiteral("duplicated businessID %1").arg(businessId));
    if (!admitPending(client->clientId))
        return envelope(tooManyPendingCode,
            QStringLiteral("too many requests: %1 requests of this client are waiting for the user")
                .arg(m_options.maxPendingPerClient),
            {}, {}, 429);
    if (!businessId.isEmpty())
        m_clientState[client->clientId].businessIds.insert(businessId);
    PendingRequest p;
    p.id = newId();
    p.kind = api.phoneKind;
    p.apiId = api.id;
    p.clientId = client->clientId;
    p.businessId = businessId;
    p.ticketId = newId();
    p.state = body.value(QLatin1String("state")).toString();
    p.redirectUri = redirectUri;
    p.source = body.value(QLatin1String("source")).toString();
    p.scope = api.scope;
    p.openId = token.openId;
    p.personaId = token.personaId;
    p.body = body;
    p.createdAt = now;
    p.expiresAt = now + m_options.ticketLifetimeMs;
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
    return envelope(QStringLiteral("D00000"), {}, content, cek);
}


} // namespace Mock
