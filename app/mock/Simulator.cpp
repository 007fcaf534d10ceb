// The simulator's life (start, stop, sweep), its HTTP entry point and the pipeline every iAM Smart API call goes
// through before its route's handler: headers, signature and replay guard, body, authorisation.
#include "Simulator.h"
#include "CallbackDelivery.h"

#include "crypto/AesGcmCipher.h"
#include "crypto/HmacSigner.h"
#include "net/HttpServer.h"
#include "protocol/Envelope.h"
#include "util/RandomSource.h"

#include <openssl/crypto.h>
#include "util/RequestStamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QThread>
#include <QPointer>
#include <QtEndian>

#include <algorithm>
#include <memory>

namespace Mock {

namespace Code = Protocol::Code;

namespace {

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
    // A failed delivery is tried again while its request is held and its ticket's window is open.
    m_delivery = new CallbackDelivery(
        clock,
        [this](const QString& requestId) {
            const PendingRequest* p = m_book.find(requestId);
            return p && m_clock.nowMs() < p->createdAt + m_options.ticketLifetimeMs;
        },
        this);
    connect(m_delivery, &CallbackDelivery::attempted, this, &Simulator::callbackDelivered);
    buildRoutes();
}

Simulator::~Simulator()
{
    // Key generation cannot be interrupted: let it finish, so no thread is still inside OpenSSL while the
    // process tears it down (a window closed during the first start).
    if (m_worker)
        m_worker->wait();
}

Util::Status Simulator::start(const SimulatorOptions& options)
{
    stop();
    m_options = options;
    m_ca = MockCa();
    m_caLoaded = false;
    m_prepared = !options.prepareInBackground;
    if (auto s = m_clients.loadOrCreateDevClient(options.stateDir, m_prepared); !s)
        return s;
    if (!options.configFile.isEmpty()) {
        if (auto s = m_clients.loadConfig(options.configFile); !s)
            return s;
    }
    auto personas = loadPersonas();
    if (!personas)
        return personas.error();
    m_personas = *personas;
    m_issuer.reset(options);
    m_replay.reset(qFromUnaligned<size_t>(Util::RandomSource::system().bytes(sizeof(size_t)).constData()));
    m_book.configure(options.maxPendingPerClient, options.decidedLifetimeMs);
    m_rateLimiter.setLimit(options.rateLimitPerSecond);
    m_delivery->setOnline(true);

    m_sweeper = new QTimer(this);
    m_sweeper->setInterval(1000);
    connect(m_sweeper, &QTimer::timeout, this, &Simulator::sweepExpired);
    m_sweeper->start();

    m_server = std::make_unique<Net::HttpServer>();
    m_server->setHandler([this](const Net::HttpRequest& r) { return handle(r); });
    m_server->setErrorResponder([this](int status, const QString& reason) { return refusal(status, reason); });
    m_server->guard().requireJsonPosts(QStringLiteral("/__mock/")); // no cross-site form reaches the phone
    m_server->guard().setPublicNames(options.publicNames);
    m_server->setIoThreads(options.ioThreads);
    if (auto s = m_server->listen(options.address, options.port); !s)
        return s;
    if (!m_prepared && !m_clients.devClient().kek.isNull() && MockCa::filesPresent(options.stateDir, m_personas)) {
        m_prepared = true; // a warm start: nothing to make, the signing keys load on first use
    } else if (!m_prepared) {
        // Requests wait (held by the server, never refused) until the keys are there; the window paints meanwhile.
        m_preparing = false;
        m_server->setHolding(true);
        if (options.prepareAfterMs >= 0)
            QTimer::singleShot(options.prepareAfterMs, m_server.get(), [this] { startPreparing(); });
    }
    return Util::success();
}

void Simulator::startPreparing()
{
    if (m_prepared || m_preparing || !m_server)
        return;
    m_preparing = true;
    const QString stateDir = m_options.stateDir;
    const QList<Persona> personas = m_personas;
    QPointer<Simulator> self(this);
    auto report = [self](int done, int total) {
        QMetaObject::invokeMethod(self, [self, done, total] {
            if (self)
                emit self->preparationProgress(done, total);
        });
    };
    struct Made
    {
        Util::Status status = Util::success();
        MockCa ca;
    };
    auto made = std::make_shared<Made>();
    QThread* worker = QThread::create([stateDir, personas, report, made] {
        const int total
            = 2 + int(std::count_if(personas.cbegin(), personas.cend(), [](const Persona& p) { return p.hasCertificate(); }));
        made->status = ClientRegistry::ensureDevKek(stateDir);
        if (!made->status)
            return;
        report(1, total);
        made->status = made->ca.loadOrCreate(stateDir, personas, [report, total](int done, int) {
            report(1 + done, total);
        });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, made] {
        QString error;
        if (!made->status)
            error = made->status.error().toString();
        else if (auto s = m_clients.loadOrCreateDevClient(m_options.stateDir); !s)
            error = s.error().toString();
        else {
            m_ca = made->ca;
            m_caLoaded = true;
        }
        if (!error.isEmpty())
            qWarning("simulator keys: %s", qPrintable(error));
        m_prepared = true;
        emit prepared(error);
        if (m_server)
            m_server->setHolding(false);
    });
    m_worker = worker;
    worker->start(QThread::LowPriority);
}

const MockCa& Simulator::ca() const
{
    if (!m_caLoaded) {
        m_caLoaded = true;
        if (auto s = m_ca.loadOrCreate(m_options.stateDir, m_personas); !s)
            qWarning("simulator signing keys: %s", qPrintable(s.error().toString()));
    }
    return m_ca;
}

void Simulator::stop()
{
    m_server.reset();
    delete m_sweeper;
    m_sweeper = nullptr;
    m_delivery->setOnline(false);
}

QString Simulator::baseUrl() const
{
    return m_server ? m_server->baseUrl() : QString();
}

QString Simulator::defaultPersonaId() const
{
    for (const Persona& p : m_personas) {
        if (p.hasCertificate())
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
    const RegisteredClient* client = m_clients.find(clientId);
    return TokenIssuer::openId(client ? client->clientSecret : QByteArray(), clientId, personaId);
}

QList<DeliveryAttempt> Simulator::deliveries() const
{
    return {m_delivery->attempts().cbegin(), m_delivery->attempts().cend()};
}

void Simulator::setFaults(int failNext, int delayMs)
{
    m_delivery->setFaults(failNext, delayMs);
}

Net::HttpResponse Simulator::refusal(int status, const QString& reason) const
{
    // Requests refused at the HTTP level still get the envelope, so clients see a code.
    const QString code = status == 413 || status == 431 || status == 400 || status == 415 ? Code::ParameterInvalid
                                                                                          : Code::UnknownException;
    return envelope(code, reason, {}, {}, status);
}

Net::HttpResponse Simulator::envelope(const QString& code, const QString& detail, const QJsonValue& content,
    const QByteArray& cek, int httpStatus, const QJsonObject& extra) const
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("txID"), QStringLiteral("T=") + newId());
    o.insert(QStringLiteral("code"), code);
    o.insert(QStringLiteral("message"), Code::isSuccess(code) ? QStringLiteral("SUCCESS") : detail);
    if (!content.isUndefined() && !content.isNull()) {
        if (!cek.isEmpty()) {
            auto blob = Crypto::AesGcmCipher::encrypt(cek,
                content.isObject() ? Protocol::compactJson(content.toObject())
                                   : Protocol::compactJson(content.toArray()));
            if (!blob) // never an exception or an empty field: the client hears that encryption failed
                return envelope(Code::EncryptionError, QStringLiteral("encryption error: the answer could not be encrypted"));
            o.insert(QStringLiteral("content"), QString::fromLatin1(*blob));
        } else {
            o.insert(QStringLiteral("content"), content);
        }
    }
    return Net::HttpResponse::json(httpStatus, Protocol::compactJson(o));
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
        return envelope(Code::UnknownException, QStringLiteral("no such path: %1").arg(path), {}, {}, 404);
    const QString apiPath = path.mid(7);
    if (request.method == "GET" && apiPath == QLatin1String("/auth/getQR"))
        return handleGetQr(request);
    if (auto refused = checkSubscriptionKey(request))
        return *refused;
    const Protocol::ApiSpec* api = nullptr;
    for (const Protocol::ApiSpec& a : m_catalog.apis()) {
        if (a.kind == Protocol::ApiKind::Request && a.path == apiPath)
            api = &a;
    }
    if (!api)
        return envelope(Code::UnknownException, QStringLiteral("no such API: %1").arg(apiPath), {}, {}, 404);
    if (request.method != api->method.toLatin1()) {
        Net::HttpResponse r = envelope(
            Code::UnknownException, QStringLiteral("%1 expects %2").arg(apiPath, api->method), {}, {}, 405);
        r.setHeader("Allow", api->method.toLatin1());
        return r;
    }
    const QByteArray contentType = request.header("Content-Type").toLower();
    if (!request.body.isEmpty() && !contentType.isEmpty() && !contentType.startsWith("application/json"))
        return envelope(Code::ParameterInvalid,
            QStringLiteral("invalid Content-Type %1: application/json expected").arg(QString::fromLatin1(contentType)),
            {}, {}, 415);
    if (auto armed = armedAnswer(*api, request))
        return *armed;
    return handleApi(*api, request);
}

std::optional<Net::HttpResponse> Simulator::checkSubscriptionKey(const Net::HttpRequest& request) const
{
    if (m_options.mode != Mode::Sandbox || m_options.subscriptionKey.isEmpty())
        return std::nullopt;
    // The gateway in front answers before iAM Smart sees the request, in its own JSON (not an envelope).
    const QByteArray given = request.header("Ocp-Apim-Subscription-Key");
    const bool missing = !request.hasHeader("Ocp-Apim-Subscription-Key");
    if (!missing && given.size() == m_options.subscriptionKey.size()
        && CRYPTO_memcmp(given.constData(), m_options.subscriptionKey.constData(), size_t(given.size())) == 0)
        return std::nullopt;
    const QString message = missing
        ? QStringLiteral("Access denied due to missing subscription key. Make sure to include subscription key when "
                         "making requests to an API.")
        : QStringLiteral("Access denied due to invalid subscription key. Make sure to provide a valid key for an "
                         "active subscription.");
    Net::HttpResponse r = Net::HttpResponse::json(401,
        QJsonDocument(QJsonObject {{QStringLiteral("statusCode"), 401}, {QStringLiteral("message"), message}})
            .toJson(QJsonDocument::Compact));
    r.setHeader("WWW-Authenticate", "AzureApiManagementKey realm=\"simulator\",name=\"Ocp-Apim-Subscription-Key\","
                                    "type=\"header\"");
    return r;
}

Net::HttpResponse Simulator::handleApi(const Protocol::ApiSpec& api, const Net::HttpRequest& request)
{
    const bool strict = m_options.mode == Mode::Strict;
    // --- headers (protocol.md §2)
    const QString clientId = QString::fromUtf8(request.header("clientID"));
    const RegisteredClient* client = nullptr;
    if (strict || !clientId.isEmpty()) {
        if (clientId.isEmpty())
            return envelope(Code::ParameterMissing, QStringLiteral("parameter clientID is missing"));
        client = m_clients.find(clientId);
        if (!client && strict)
            return envelope(Code::ParameterInvalid, QStringLiteral("invalid parameter clientID: not a registered client"));
    }
    if (!client)
        client = &m_clients.devClient(); // sandbox: like the portal, any caller is the sample client
    if (strict) {
        if (auto refused = checkSignedHeaders(*client, request))
            return *refused;
    }

    // --- a field-less API (getKey, revokeKey) takes no body, an empty one or {}, with or without Content-Type; the
    // signature covered exactly the bytes that came. Any other body is still checked.
    if (api.fields.isEmpty() && !api.encrypted) {
        if (const QString problem = bodyProblem(request.body); !problem.isEmpty())
            return envelope(Code::ParameterInvalid, QStringLiteral("invalid request body: %1").arg(problem), {}, {}, 400);
    }
    const ApiRoutes::Route& route = m_routes.route(api.id);
    ApiCall call {api, *client, m_clock.nowMs(), strict, {}, {}, {}};
    if (route.stage == ApiRoutes::Stage::Headers)
        return route.handler(call);
    if (auto refused = readBody(call, request))
        return *refused;
    if (route.stage == ApiRoutes::Stage::Body)
        return route.handler(call);
    if (auto refused = authorise(call))
        return *refused;
    return route.handler(call);
}

std::optional<Net::HttpResponse> Simulator::checkSignedHeaders(
    const RegisteredClient& client, const Net::HttpRequest& request)
{
    for (const char* h : {"signatureMethod", "timestamp", "nonce", "signature"}) {
        if (!request.hasHeader(h))
            return envelope(Code::ParameterMissing, QStringLiteral("parameter %1 is missing").arg(QLatin1String(h)));
    }
    if (request.header("signatureMethod") != Crypto::HmacSigner::method)
        return envelope(Code::SignatureMethodUnsupported,
            QStringLiteral("unsupported signature method %1").arg(QString::fromUtf8(request.header("signatureMethod"))));
    bool okTs = false;
    const qint64 ts = request.header("timestamp").toLongLong(&okTs);
    if (!okTs || ts <= 0)
        return envelope(Code::ParameterInvalid, QStringLiteral("invalid parameter timestamp: not epoch milliseconds"));
    const QString nonce = QString::fromUtf8(request.header("nonce"));
    if (nonce.isEmpty() || nonce.size() > 36)
        return envelope(Code::ParameterInvalid, QStringLiteral("invalid parameter nonce: 1 to 36 characters"));
    if (!Crypto::HmacSigner::verify(
            client.clientId, client.clientSecret, ts, nonce, request.body, request.header("signature"))) {
        // Simulator only: the string the server signed, so the console can show where they differ.
        const QJsonObject debug {{QStringLiteral("debug"),
            QJsonObject {{QStringLiteral("stringToSign"),
                QString::fromUtf8(Crypto::HmacSigner::stringToSign(client.clientId, ts, nonce, request.body))}}}};
        return envelope(Code::SignatureInvalid, QStringLiteral("signature verification failed"), {}, {}, 200, debug);
    }
    if (const auto replay = m_replay.admit(client.clientId, ts, nonce, m_clock.nowMs()))
        return envelope(replay->code, replay->detail, {}, {}, replay->httpStatus);
    return std::nullopt;
}

std::optional<Net::HttpResponse> Simulator::readBody(ApiCall& call, const Net::HttpRequest& request)
{
    QByteArray plain = request.body;
    if (call.strict && call.api.encrypted) {
        const auto key = m_issuer.validKey(call.client.clientId, call.now);
        if (!key)
            return envelope(Code::CekInvalid, QStringLiteral("content encryption key not exist or expired; call getKey"));
        call.cek = key->key;
        const QJsonDocument wrapper = QJsonDocument::fromJson(request.body);
        const QJsonValue content = wrapper.object().value(QLatin1String("content"));
        if (!wrapper.isObject() || !content.isString())
            return envelope(
                Code::DecryptionError, QStringLiteral("decryption exception: the body is not {\"content\": \"…\"}"));
        auto decrypted = Crypto::AesGcmCipher::decrypt(call.cek, content.toString().toLatin1());
        if (!decrypted)
            return envelope(Code::DecryptionError, QStringLiteral("decryption exception: ") + decrypted.error().toString());
        plain = *decrypted;
    }
    if (const QString problem = bodyProblem(plain); !problem.isEmpty())
        return envelope(Code::ParameterInvalid, QStringLiteral("invalid request body: %1").arg(problem), {}, {}, 400);
    call.body = QJsonDocument::fromJson(plain).object();
    const QList<Protocol::FieldViolation> violations = m_catalog.checkBody(call.api, call.body);
    if (!violations.isEmpty())
        return envelope(violations.first().returnCode, violations.first().detail);
    return std::nullopt;
}

std::optional<Net::HttpResponse> Simulator::authorise(ApiCall& call)
{
    const RegisteredClient& client = call.client;
    const QString redirectUri = call.body.value(QLatin1String("redirectURI")).toString();
    if (const Util::Status allowed
        = call.strict && !redirectUri.isEmpty() ? client.checkRedirect(redirectUri) : Util::success();
        !allowed)
        return envelope(Code::InvalidServiceUrl, QStringLiteral("invalid online service URL: ") + allowed.error().detail);
    const QString scope = call.api.scope;
    if (call.body.contains(QLatin1String("accessToken"))) {
        if (const IssuedToken* t
            = m_issuer.token(call.body.value(QLatin1String("accessToken")).toString(), client.clientId, call.now)) {
            call.token = *t;
        } else if (call.strict) {
            return envelope(Code::AccessTokenInvalid, QStringLiteral("accessToken not exist or expired"));
        }
        if (call.strict && call.body.value(QLatin1String("openID")).toString() != call.token.openId)
            return envelope(Code::OpenIdUnknown, QStringLiteral("openID not exist"));
        if (call.strict && !scope.isEmpty() && !call.token.scope.split(QLatin1Char(' ')).contains(scope))
            return envelope(Code::InsufficientPermission,
                QStringLiteral("insufficient permission: scope %1 was not granted").arg(scope));
    } else if (call.strict && !scope.isEmpty() && !client.hasScope(scope)) {
        return envelope(
            Code::InsufficientPermission, QStringLiteral("insufficient permission: scope %1 is not registered").arg(scope));
    }
    return std::nullopt;
}

QJsonObject Simulator::stateCounts() const
{
    return {{QStringLiteral("requests"), m_book.all().size()}, {QStringLiteral("undecided"), m_book.undecidedCount()},
        {QStringLiteral("codes"), m_issuer.codeCount()}, {QStringLiteral("tokens"), m_issuer.tokenCount()},
        {QStringLiteral("gatewayRecords"), m_gateway.size()},
        {QStringLiteral("deliveries"), qint64(m_delivery->attempts().size())},
        {QStringLiteral("nonces"), m_replay.nonceCount()}, {QStringLiteral("businessIDs"), m_book.businessIdCount()}};
}

void Simulator::sweepExpired()
{
    const qint64 now = m_clock.nowMs();
    for (const QString& id : m_book.due(now))
        (void)decide(id, QStringLiteral("expired"), {}, {});
    // Decided requests are forgotten (with their ticket, businessID and result) once their window has passed.
    for (const QString& id : m_book.stale(now))
        erasePending(id);
    m_book.compact();
    m_replay.sweep(now);
    m_issuer.sweep(now);
    m_delivery->sweep(now, m_options.decidedLifetimeMs);
    // A gateway record is forgotten once its token has expired and its phone request is gone.
    m_gateway.removeIf([&](const auto& g) {
        return now >= g->tokenExpiresAt && g->status != QLatin1String("pending") && !m_book.find(g->pendingId);
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
