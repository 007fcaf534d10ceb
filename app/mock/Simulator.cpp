#include "Simulator.h"
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
namespace {

constexpr qint64 clockSkewMs = 5 * 60'000;
constexpr qsizetype maxNoncesPerClient = 100'000; ///< signed requests one client may send within the skew window

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// The decision codes per kind: {reject, cancel, expire} (protocol.md §6.6).
QStringList decisionCodes(const QString& kind)
{
    if (kind == QLatin1String("auth"))
        return {QStringLiteral("D40001"), QStringLiteral("D40000"), QStringLiteral("D40003")};
    if (kind == QLatin1String("profile"))
        return {QStringLiteral("D50001"), QStringLiteral("D50001"), QStringLiteral("D50003")};
    if (kind == QLatin1String("eme") || kind == QLatin1String("anon-eme"))
        return {QStringLiteral("D60001"), QStringLiteral("D60000"), QStringLiteral("D60003")};
    if (kind == QLatin1String("bulksign"))
        return {QStringLiteral("D71001"), QStringLiteral("D71000"), QStringLiteral("D71003")};
    if (kind == QLatin1String("reauth"))
        return {QStringLiteral("D80001"), QStringLiteral("D80001"), QStringLiteral("D80003")};
    return {QStringLiteral("D70001"), QStringLiteral("D70000"), QStringLiteral("D70003")};
}

/// Empty when `bytes` is no body (nothing, or only white space) or one JSON object; otherwise what is wrong.
QString bodyProblem(const QByteArray& bytes)
{
    if (bytes.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset);
    return doc.isObject() ? QString() : QStringLiteral("not a JSON object");
}

/// A new authorisation code. Base64 codes are 16 random bytes (24 characters ending in "=="); their first two bytes
/// are fixed so that every code also carries '+' and '/' (a code without them would test nothing).
QString newAuthCode(CodeStyle style)
{
    if (style == CodeStyle::Hex)
        return Util::randomHex32();
    QByteArray bytes = Util::RandomSource::system().bytes(16);
    bytes[0] = char(0xfb);
    bytes[1] = char(0xff);
    return QString::fromLatin1(bytes.toBase64());
}

bool isAppSource(const QString& source)
{
    return source.startsWith(QLatin1String("App_"));
}

} // namespace

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
        if (p.canSign())
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

Net::HttpResponse Simulator::handleGetQr(const Net::HttpRequest& request)
{
    const bool strict = m_options.mode == Mode::Strict;
    const Protocol::ApiSpec* api = m_catalog.api(QStringLiteral("auth.getQR"));
    QList<Protocol::FieldViolation> violations;
    const QJsonObject query = Protocol::ApiCatalog::queryBody(
        api ? *api : Protocol::ApiSpec {}, request.queryItems().queryItems(QUrl::FullyDecoded), &violations);
    auto page = [](int status, const QString& title, const QString& text) {
        return Net::HttpResponse::html(status,
            QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                           "</head><body style=\"font-family:sans-serif\"><h1>%1</h1><p>%2</p>"
                           "</body></html>")
                .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
                .toUtf8());
    };
    if (api)
        violations += m_catalog.checkBody(*api, query);
    if (!violations.isEmpty())
        return page(400, violations.first().returnCode, violations.first().detail);
    const RegisteredClient* client = m_clients.find(query.value(QLatin1String("clientID")).toString());
    if (!client && strict)
        return page(
            400, QStringLiteral("D20003"), QStringLiteral("invalid parameter clientID: not a registered client"));
    if (!client)
        client = &m_clients.devClient();
    const QString redirectUri = query.value(QLatin1String("redirectURI")).toString();
    if (const Util::Status allowed = strict ? client->checkRedirect(redirectUri) : Util::success(); !allowed)
        return page(
            400, QStringLiteral("D20008"), QStringLiteral("invalid online service URL: ") + allowed.error().detail);
    const QString scope = query.value(QLatin1String("scope")).toString();
    for (const QString& s : scope.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (strict && !client->hasScope(s))
            return page(400, QStringLiteral("D20012"), QStringLiteral("insufficient permission: scope %1").arg(s));
    }

    const QString ticket = query.value(QLatin1String("ticketID")).toString();
    if (!ticket.isEmpty()) {
        // Anonymous flow: the browser comes to see the ticket an initiateRequest created.
        for (PendingRequest& p : m_pending) {
            if (p.ticketId == ticket && p.clientId == client->clientId) {
                p.lang = query.value(QLatin1String("lang")).toString();
                if (p.state.isEmpty())
                    p.state = query.value(QLatin1String("state")).toString();
                p.body.insert(QStringLiteral("browserRedirectURI"), redirectUri);
                return Net::HttpResponse::redirect((QStringLiteral("/__mock/qr/") + p.id).toUtf8(), 303);
            }
        }
        return page(400, QStringLiteral("D20003"), QStringLiteral("invalid parameter ticketID"));
    }
    if (!admitPending(client->clientId))
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
    const auto it = m_pending.constFind(id);
    if (it == m_pending.constEnd())
        return Net::HttpResponse::html(
            404, "<!DOCTYPE html><html><body><h1>404</h1><p>No such QR session.</p></body></html>");
    const PendingRequest& p = *it;
    if (p.status != QLatin1String("pending") && !p.browserRedirect.isEmpty())
        return Net::HttpResponse::redirect(p.browserRedirect.toUtf8(), 302);
    const Protocol::Language lang = Protocol::languageFromCode(p.lang.isEmpty() ? QStringLiteral("zh-HK") : p.lang);
    // The official "More info" link and "Open iAM Smart" text come from the branding data (buttons.json).
    const Branding::ButtonAssets& buttons = Branding::ButtonAssets::builtin();
    const QString moreInfo = buttons.url(Branding::Kind::moreInfo(), lang);
    const Protocol::Text title(
        QStringLiteral("Scan with iAM Smart"), QStringLiteral("請用智方便掃描"), QStringLiteral("请用智方便扫描"));
    const QString more = buttons.text(Branding::Kind::moreInfo(), lang);
    const QString open = buttons.text(Branding::Kind::openApp(), lang);
    const Protocol::Text waiting(QStringLiteral("Waiting for the user on the phone…"),
        QStringLiteral("正在等待用戶在手機上確認…"), QStringLiteral("正在等待用户在手机上确认…"));
    Protocol::AppSchemeParams scheme;
    scheme.context = p.kind == QLatin1String("auth") ? QStringLiteral("auth") : QStringLiteral("ticket");
    scheme.ticketId = p.ticketId;
    const QString qrText = QString::fromUtf8(Protocol::UrlBuilder::appSchemeUrl(scheme));
    auto matrix = Qr::QrEncoder::encode(qrText.toUtf8());
    const QString qrSvg = matrix ? Qr::QrEncoder::toSvg(matrix.value(), 6) : QString();
    const QString status
        = p.status == QLatin1String("pending") ? waiting.get(lang) : p.status + QLatin1Char(' ') + p.resultCode;
    const QString html
        = QStringLiteral(
            "<!DOCTYPE html><html lang=\"%1\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"2\">"
            "<title>%2</title></head><body style=\"font-family:sans-serif;text-align:center\"><h1>%2</h1>"
            "<div id=\"qr\">%8</div><p id=\"qr-text\"><code>%3</code></p><p><a id=\"open\" href=\"%3\">%4</a></p>"
            "<p id=\"status\">%5</p><p><a id=\"more-info\" href=\"%6\">%7</a></p></body></html>")
              .arg(Protocol::languageKey(lang), title.get(lang).toHtmlEscaped(), qrText.toHtmlEscaped(),
                  open.toHtmlEscaped(), status.toHtmlEscaped(), moreInfo.toHtmlEscaped(), more.toHtmlEscaped(), qrSvg);
    return Net::HttpResponse::html(200, html.toUtf8());
}

Net::HttpResponse Simulator::handleAdmin(const Net::HttpRequest& request, const QString& path)
{
    auto json = [](int status, const QJsonValue& v) {
        return Net::HttpResponse::json(status,
            v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                        : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
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
        return json(
            200, QJsonObject {{QStringLiteral("failNext"), m_failNext}, {QStringLiteral("delayMs"), m_delayMs}});
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
    return json(200, result.value());
}

Util::Result<QJsonObject> Simulator::approve(const QString& id, const QString& personaId, const QJsonObject& fields)
{
    return decide(id, QStringLiteral("approved"), personaId, fields);
}

Util::Result<QJsonObject> Simulator::reject(const QString& id)
{
    return decide(id, QStringLiteral("rejected"), {}, {});
}

Util::Result<QJsonObject> Simulator::cancel(const QString& id)
{
    return decide(id, QStringLiteral("cancelled"), {}, {});
}

Util::Result<QJsonObject> Simulator::expire(const QString& id)
{
    return decide(id, QStringLiteral("expired"), {}, {});
}

QJsonObject Simulator::approveContent(const PendingRequest& p, const Persona& who, QString* code, QString* detail) const
{
    QJsonObject content {{QStringLiteral("businessID"), p.businessId}, {QStringLiteral("state"), p.state}};
    *code = QStringLiteral("D00000");
    auto release = [&](const QJsonArray& names) {
        for (const QJsonValue& n : names)
            content.insert(n.toString(), who.profile.value(n.toString()));
    };
    if (p.kind == QLatin1String("profile")) {
        release(p.body.value(QLatin1String("profileFields")).toArray());
    } else if (p.kind == QLatin1String("eme") || p.kind == QLatin1String("anon-eme")) {
        release(p.body.value(QLatin1String("profileFields")).toArray());
        release(p.body.value(QLatin1String("eMEFields")).toArray());
    } else if (p.kind == QLatin1String("reauth")) {
        content.insert(QStringLiteral("isPassed"), true);
    } else {
        // Signing kinds.
        if (!who.canSign()) {
            *code = QStringLiteral("D70004");
            *detail = QStringLiteral("user not allowed to sign (iAM Smart, not iAM Smart+)");
            return content;
        }
        const QString hkicHash = p.body.value(QLatin1String("HKICHash")).toString();
        const QString expected
            = QString::fromLatin1(Crypto::Encoding::sha256(who.hkicIdentification.toUtf8()).toBase64());
        if (!hkicHash.isEmpty() && hkicHash != expected) {
            *code = QStringLiteral("D70005");
            *detail = QStringLiteral("inconsistent HKIC number");
            return content;
        }
        const auto signer = m_signers.constFind(who.id);
        if (signer == m_signers.constEnd()) {
            *code = QStringLiteral("D70002");
            *detail = QStringLiteral("no signing certificate for persona %1").arg(who.id);
            return content;
        }
        if (p.kind == QLatin1String("bulksign")) {
            QJsonArray documents;
            for (const QJsonValue& d : p.body.value(QLatin1String("documents")).toArray()) {
                QJsonObject signedDoc = signDocument(d.toObject(), *signer, code, detail);
                if (*code != QLatin1String("D00000")) {
                    *code = QStringLiteral("D71002");
                    return content;
                }
                signedDoc.insert(QStringLiteral("id"), d.toObject().value(QLatin1String("id")));
                signedDoc.insert(QStringLiteral("documentName"), d.toObject().value(QLatin1String("documentName")));
                documents.append(signedDoc);
            }
            content.insert(QStringLiteral("documents"), documents);
            content.insert(QStringLiteral("cert"), QString::fromLatin1(signer->certificateDer().toBase64()));
            return content;
        }
        const QJsonObject signedDoc = signDocument(p.body, *signer, code, detail);
        for (auto f = signedDoc.begin(); f != signedDoc.end(); ++f)
            content.insert(f.key(), f.value());
        if (p.kind == QLatin1String("sign") || p.kind == QLatin1String("anon-sign"))
            content.insert(QStringLiteral("cert"), QString::fromLatin1(signer->certificateDer().toBase64()));
    }
    return content;
}

QJsonObject Simulator::signDocument(
    const QJsonObject& request, const Crypto::CertifiedKey& signer, QString* code, QString* detail) const
{
    QJsonObject out;
    *code = QStringLiteral("D00000");
    if (request.contains(QLatin1String("docDigest"))) {
        // PDF signing: the CMS a PDF signer embeds (adbe.pkcs7.detached): docDigest is its messageDigest.
        const QByteArray digest
            = QByteArray::fromBase64(request.value(QLatin1String("docDigest")).toString().toLatin1());
        auto cms = Crypto::Signing::cmsForDigest(
            signer, m_caCertificatePem, digest, QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC));
        if (!cms) {
            *code = QStringLiteral("D70002");
            *detail = cms.error().toString();
            return out;
        }
        out.insert(QStringLiteral("docDigest"), request.value(QLatin1String("docDigest")));
        out.insert(QStringLiteral("pdfSignature"), QString::fromLatin1(cms->toBase64()));
        return out;
    }
    const QString hashCode = request.value(QLatin1String("hashCode")).toString();
    const QString algorithm = request.value(QLatin1String("sigAlgo")).toString(QStringLiteral("SHA256withRSA"));
    auto signature = Crypto::Signing::sign(signer.key, QByteArray::fromBase64(hashCode.toLatin1()), algorithm);
    if (!signature) {
        *code = QStringLiteral("D70002");
        *detail = signature.error().toString();
        return out;
    }
    out.insert(QStringLiteral("hashCode"), hashCode);
    out.insert(QStringLiteral("timestamp"), m_clock.nowMs());
    out.insert(QStringLiteral("signature"), QString::fromLatin1(signature->toBase64()));
    return out;
}

Util::Status Simulator::loadOrCreateSigningCredentials()
{
    const QDir dir(QDir(m_options.stateDir).filePath(QStringLiteral("ca")));
    if (!QDir().mkpath(dir.path()))
        return Util::Error {QStringLiteral("io-error"), QStringLiteral("cannot create %1").arg(dir.path())};
    auto read = [](const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    auto write = [](const QString& path, const QByteArray& data, bool secret) -> Util::Status {
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return Util::Error {QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())};
        f.setPermissions(secret ? QFile::ReadOwner | QFile::WriteOwner
                                : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        f.write(data);
        return f.commit() ? Util::success()
                          : Util::Status(Util::Error {
                              QStringLiteral("io-error"), QStringLiteral("%1: %2").arg(path, f.errorString())});
    };
    // Load a stored pair, or make and store a new one.
    auto pair
        = [&](const QString& name,
              const std::function<Util::Result<Crypto::CertifiedKey>()>& make) -> Util::Result<Crypto::CertifiedKey> {
        const QString keyPath = dir.filePath(name + QStringLiteral(".key"));
        const QString certPath = dir.filePath(name + QStringLiteral(".crt"));
        auto loaded = Crypto::Signing::load(read(keyPath), read(certPath));
        if (loaded)
            return loaded;
        auto made = make();
        if (!made)
            return made;
        if (auto s = write(keyPath, made->key.toPem(), true); !s)
            return s.error();
        if (auto s = write(certPath, made->certificatePem, false); !s)
            return s.error();
        return made;
    };
    auto ca = pair(QStringLiteral("mock-ca"),
        [] { return Crypto::Signing::createAuthority(QStringLiteral("iAM Smart Mock CA")); });
    if (!ca)
        return ca.error();
    m_caCertificatePath = dir.filePath(QStringLiteral("mock-ca.crt"));
    m_caCertificatePem = ca->certificatePem;
    m_signers.clear();
    for (const Persona& p : std::as_const(m_personas)) {
        if (!p.canSign())
            continue;
        const QString cn = p.displayName.en().isEmpty() ? p.id : p.displayName.en();
        auto signer = pair(QStringLiteral("persona-") + p.id,
            [&] { return Crypto::Signing::issue(ca.value(), cn, QStringLiteral("iAM Smart Mock CA")); });
        if (!signer)
            return signer.error();
        m_signers.insert(p.id, signer.value());
    }
    return Util::success();
}

Util::Result<QJsonObject> Simulator::decide(
    const QString& id, const QString& status, const QString& personaId, const QJsonObject& fields)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return Util::Error {QStringLiteral("not-found"), QStringLiteral("no pending request %1").arg(id)};
    if (it->status != QLatin1String("pending"))
        return Util::Error {
            QStringLiteral("not-pending"), QStringLiteral("request %1 is already %2").arg(id, it->status)};
    PendingRequest& p = *it;
    const QStringList codes = decisionCodes(p.kind);
    QString code;
    QString detail;
    QJsonObject content {{QStringLiteral("businessID"), p.businessId}, {QStringLiteral("state"), p.state}};
    if (status == QLatin1String("approved")) {
        const QString chosen
            = personaId.isEmpty() ? (p.personaId.isEmpty() ? defaultPersonaId() : p.personaId) : personaId;
        const Persona* who = persona(chosen);
        if (!who)
            return Util::Error {QStringLiteral("unknown-persona"), QStringLiteral("no persona %1").arg(chosen)};
        p.personaId = who->id;
        if (p.kind == QLatin1String("auth")) {
            code = QStringLiteral("D00000");
        } else {
            content = approveContent(p, *who, &code, &detail);
            for (auto f = fields.begin(); f != fields.end(); ++f)
                content.insert(f.key(), f.value()); // the tester's overrides
        }
    } else {
        code = status == QLatin1String("rejected") ? codes.at(0)
            : status == QLatin1String("cancelled") ? codes.at(1)
                                                   : codes.at(2);
    }
    p.status
        = code == QLatin1String("D00000") || status != QLatin1String("approved") ? status : QStringLiteral("rejected");
    p.resultCode = code;
    p.decidedAt = m_clock.nowMs();
    {
        ClientState& owner = m_clientState[p.clientId];
        owner.undecided = std::max(0, owner.undecided - 1);
        owner.decided.push_back(p.id);
    }
    const QString decidedId = p.id;
    // The oldest decided requests of a client are forgotten first once it holds more than its limit. Deferred,
    // so that `p` stays valid for the rest of this decision.
    QTimer::singleShot(0, this, [this, clientId = p.clientId] {
        ClientState& owner = m_clientState[clientId];
        while (owner.decided.size() > size_t(std::max(1, m_options.maxPendingPerClient))) {
            const QString oldest = owner.decided.front();
            owner.decided.pop_front();
            erasePending(oldest);
        }
    });
    p.result = code == QLatin1String("D00000") ? content : QJsonObject {};

    QJsonObject answer {
        {QStringLiteral("id"), p.id}, {QStringLiteral("status"), p.status}, {QStringLiteral("resultCode"), code}};
    if (m_gatewayByPending.contains(p.id)) {
        gatewayDecided(p, code, content, &answer); // kept for polling; the browser returns to `redirect`
        emit pendingRemoved(decidedId);
        emit pendingChanged();
        return answer;
    }
    if (p.kind == QLatin1String("auth")) {
        if (code == QLatin1String("D00000")) {
            const QString authCode = newAuthCode(m_options.codeStyle);
            m_codes.insert(authCode, AuthCode {p.clientId, p.personaId, p.scope, m_clock.nowMs(), false});
            p.browserRedirect = Protocol::UrlBuilder::appendQuery(
                p.redirectUri, {{QStringLiteral("code"), authCode}, {QStringLiteral("state"), p.state}});
        } else {
            p.browserRedirect = Protocol::UrlBuilder::appendQuery(
                p.redirectUri, {{QStringLiteral("error_code"), code}, {QStringLiteral("state"), p.state}});
        }
        answer.insert(QStringLiteral("redirect"), p.browserRedirect);
    } else {
        if (p.kind.startsWith(QLatin1String("anon-"))) {
            const QString back = p.body.value(QLatin1String("browserRedirectURI")).toString(p.redirectUri);
            p.browserRedirect = code == QLatin1String("D00000")
                ? Protocol::UrlBuilder::appendQuery(
                    back, {{QStringLiteral("businessID"), p.businessId}, {QStringLiteral("state"), p.state}})
                : Protocol::UrlBuilder::appendQuery(
                    back, {{QStringLiteral("error_code"), code}, {QStringLiteral("state"), p.state}});
            answer.insert(QStringLiteral("redirect"), p.browserRedirect);
        }
        deliver(p.id, code, content);
    }
    emit pendingRemoved(decidedId);
    emit pendingChanged();
    return answer;
}

void Simulator::deliver(const QString& requestId, const QString& code, const QJsonObject& content)
{
    const PendingRequest& p = m_pending[requestId];
    const RegisteredClient* client = m_clients.find(p.clientId);
    if (!client || p.redirectUri.isEmpty())
        return;
    QByteArray body;
    if (m_options.mode == Mode::Strict) {
        // iAM Smart ensures a valid CEK, encrypts the content with it and sends it wrapped with the KEK too.
        const qint64 now = m_clock.nowMs();
        auto key = m_ceks.valid(client->clientId, now);
        if (!key) {
            key = Protocol::ContentKey {Util::RandomSource::system().bytes(32), now, now + m_options.cekLifetimeMs};
            m_ceks.put(client->clientId, *key);
        }
        Protocol::ResponseEnvelope e;
        e.txID = QStringLiteral("T=") + newId();
        e.code = code;
        e.message = code == QLatin1String("D00000") ? QStringLiteral("SUCCESS") : code;
        e.content = QString::fromLatin1(Crypto::AesGcmCipher::encrypt(key->key, compact(content)).value());
        e.secretKey = QString::fromLatin1(Crypto::KeyWrap::wrap(client->kek, key->key).valueOr({}));
        body = e.toJson();
    } else {
        body = compact({{QStringLiteral("txID"), QStringLiteral("T=") + newId()}, {QStringLiteral("code"), code},
            {QStringLiteral("message"), code == QLatin1String("D00000") ? QStringLiteral("SUCCESS") : code},
            {QStringLiteral("content"), content}});
    }
    const QString url = p.redirectUri;
    const int delay = m_delayMs;
    QTimer::singleShot(delay, this, [this, requestId, url, body] { attemptDelivery(requestId, url, body, 1); });
}

void Simulator::attemptDelivery(const QString& requestId, const QString& url, const QByteArray& body, int attempt)
{
    if (!m_network)
        return;
    auto record = [this, requestId, url, body, attempt](int status, const QString& error) {
        DeliveryAttempt a {requestId, url, attempt, m_clock.nowMs(), status, error};
        m_deliveries.push_back(a);
        emit callbackDelivered(a);
        const bool failed = status < 200 || status >= 300;
        const PendingRequest* p = request(requestId);
        // Retry with exponential backoff (1 s, 2 s, 4 s … at most 60 s) for the 18-minute window.
        if (failed && p && m_clock.nowMs() < p->createdAt + m_options.ticketLifetimeMs) {
            const int backoff = std::min(60'000, 1000 << std::min(attempt - 1, 6));
            QTimer::singleShot(backoff, this,
                [this, requestId, url, body, attempt] { attemptDelivery(requestId, url, body, attempt + 1); });
        }
    };
    if (m_failNext > 0) {
        --m_failNext;
        record(0, QStringLiteral("fault injected"));
        return;
    }
    QNetworkRequest request {QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(15000);
    QNetworkReply* reply = m_network->post(request, body);
    Net::TlsPolicy::apply(reply); // a loopback listener's generated certificate passes; other hosts are verified
    connect(reply, &QNetworkReply::finished, this, [reply, record] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        record(status, reply->error() == QNetworkReply::NoError ? QString() : reply->errorString());
        reply->deleteLater();
    });
}

void Simulator::forgetNonces(ClientState& state, qint64 now)
{
    // Accepted timestamps never go back, so the oldest is always in front.
    while (!state.nonceAge.empty() && now - state.nonceAge.front().first > clockSkewMs) {
        state.nonces.remove(state.nonceAge.front().second);
        state.nonceAge.pop_front();
    }
}

bool Simulator::admitPending(const QString& clientId)
{
    return m_clientState[clientId].undecided < m_options.maxPendingPerClient;
}

void Simulator::addPending(const PendingRequest& p)
{
    m_pending.insert(p.id, p);
    m_pendingOrder.append(p.id);
    ++m_clientState[p.clientId].undecided;
    emit pendingAdded(p.id);
    emit pendingChanged();
}

void Simulator::erasePending(const QString& id)
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.constEnd())
        return;
    ClientState& owner = m_clientState[it->clientId];
    const bool wasPending = it->status == QLatin1String("pending");
    if (wasPending)
        owner.undecided = std::max(0, owner.undecided - 1);
    if (!it->businessId.isEmpty() && !m_gatewayByPending.contains(id))
        owner.businessIds.remove(it->businessId);
    m_gatewayByPending.remove(id);
    m_pending.erase(it);
    // m_pendingOrder is compacted by the sweeper; pending() skips ids that are gone.
    if (wasPending) {
        emit pendingRemoved(id);
        emit pendingChanged();
    }
}

QJsonObject Simulator::stateCounts() const
{
    qsizetype nonces = 0;
    qsizetype businessIds = 0;
    for (const ClientState& c : m_clientState) {
        nonces += c.nonces.size();
        businessIds += c.businessIds.size();
    }
    qsizetype undecided = 0;
    for (const PendingRequest& p : m_pending)
        undecided += p.status == QLatin1String("pending") ? 1 : 0;
    return {{QStringLiteral("requests"), m_pending.size()}, {QStringLiteral("undecided"), undecided},
        {QStringLiteral("codes"), m_codes.size()}, {QStringLiteral("tokens"), m_tokens.size()},
        {QStringLiteral("gatewayRecords"), m_gateway.size()}, {QStringLiteral("deliveries"), qint64(m_deliveries.size())},
        {QStringLiteral("nonces"), nonces}, {QStringLiteral("businessIDs"), businessIds}};
}

void Simulator::sweepExpired()
{
    const qint64 now = m_clock.nowMs();
    QStringList expired;
    for (const PendingRequest& p : std::as_const(m_pending)) {
        if (p.status == QLatin1String("pending") && now >= p.expiresAt)
            expired << p.id;
    }
    for (const QString& id : expired)
        (void)decide(id, QStringLiteral("expired"), {}, {});
    // Decided requests are forgotten (with their ticket, businessID and result) once their window has passed.
    for (auto c = m_clientState.begin(); c != m_clientState.end(); ++c) {
        auto& decided = c->decided;
        while (!decided.empty()) {
            const auto it = m_pending.constFind(decided.front());
            if (it != m_pending.constEnd() && now < it->decidedAt + m_options.decidedLifetimeMs)
                break;
            const QString id = decided.front();
            decided.pop_front();
            erasePending(id);
        }
        forgetNonces(*c, now);
    }
    if (m_pendingOrder.size() > 2 * m_pending.size() + 64)
        m_pendingOrder.removeIf([this](const QString& id) { return !m_pending.contains(id); });
    m_codes.removeIf([&](const auto& c) { return c->used || now - c->createdAt > m_options.authCodeLifetimeMs; });
    m_tokens.removeIf([&](const auto& t) { return t->expiresAt <= now; });
    while (!m_deliveries.empty() && now - m_deliveries.front().at > m_options.decidedLifetimeMs)
        m_deliveries.pop_front();
    // A gateway record is forgotten once its token has expired and its phone request is gone.
    m_gateway.removeIf([&](const auto& g) {
        return now >= g->tokenExpiresAt && g->status != QLatin1String("pending") && !m_pending.contains(g->pendingId);
    });
    // Gateway results are deleted 18 minutes after the user's answer (protocol.md §7).
    for (GatewayRecord& g : m_gateway) {
        if (g.status == QLatin1String("completed") && g.decidedAt > 0
            && now - g.decidedAt >= m_options.ticketLifetimeMs) {
            g.status = QStringLiteral("deleted");
            g.result = {};
        }
    }
}

} // namespace Mock
