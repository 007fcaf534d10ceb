#include "ConsoleSession.h"

#include "crypto/Jose.h"
#include "crypto/KeyWrap.h"
#include "net/TlsPolicy.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Session {

ConsoleSession::ConsoleSession(const Util::Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_stamps(clock)
    , m_network(new QNetworkAccessManager(this))
{
}

ConsoleSession::~ConsoleSession()
{
    // Aborting a reply finishes its exchange; a session being destroyed (often with its parent window, which is
    // then half-destroyed) must not emit that to anyone. Found by UBSan (./scripts/test --sanitize).
    blockSignals(true);
    for (const auto& reply : std::as_const(m_inFlight)) {
        if (reply)
            reply->abort();
    }
}

void ConsoleSession::setEnvironment(const Environment& environment, const Protocol::Credentials& credentials,
    const Crypto::RsaPrivateKey& kekPrivateKey)
{
    m_environment = environment;
    m_credentials = credentials;
    m_kek = kekPrivateKey;
    m_ceks.remove(QStringLiteral("current"));
    m_earned.clear();
    emit cekChanged();
    emit earnedChanged();
}

QByteArray ConsoleSession::cek() const
{
    const auto key = m_ceks.valid(QStringLiteral("current"), m_clock.nowMs());
    return key ? key->key : QByteArray();
}

void ConsoleSession::setCek(const QByteArray& cek, qint64 issueAt, qint64 expiresIn)
{
    if (issueAt == 0)
        issueAt = m_clock.nowMs();
    m_ceks.put(QStringLiteral("current"),
        Protocol::ContentKey {cek, issueAt, Protocol::ContentKey::expiryFrom(issueAt, expiresIn)});
    emit cekChanged();
}

Util::Result<Protocol::PreparedRequest> ConsoleSession::prepare(
    const Protocol::ApiSpec& api, const QJsonObject& body, const Protocol::RequestExtras& extras)
{
    Protocol::BuildOptions o;
    o.baseUrl = m_environment.baseUrl;
    o.credentials = m_credentials;
    if (!m_environment.usesSubscriptionKey)
        o.credentials.subscriptionKey.clear();
    o.cek = cek();
    o.encrypt = m_environment.encrypted;
    o.sign = true;
    o.timestamp = m_stamps.next(m_credentials.clientId);
    o.nonce = m_nonces.next();
    // Field-less key management calls send the body {} (protocol.md §2.2, disagreement 6).
    auto r = Protocol::RequestEnvelope::build(api, body, o);
    if (r)
        extras.applyTo(r.value());
    return r;
}

QString ConsoleSession::send(const QString& apiId, const Protocol::PreparedRequest& request, int timeoutMs)
{
    Exchange e;
    e.id = Util::randomHex32();
    e.apiId = apiId;
    e.startedAt = m_clock.nowMs();
    e.request = request;
    const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(apiId);
    e.gateway = api && api->isGateway();
    m_exchanges.append(e);

    QNetworkRequest r {QUrl::fromEncoded(request.url)};
    for (const auto& h : request.headers)
        r.setRawHeader(h.first, h.second);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    r.setTransferTimeout(timeoutMs);
    QNetworkReply* reply = m_network->sendCustomRequest(r, request.method, request.body);
    Net::TlsPolicy::apply(reply);
    m_inFlight.insert(e.id, reply);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const QString id = e.id;
    connect(reply, &QNetworkReply::finished, this, [this, id, reply, timer] {
        if (Exchange* ex = find(id))
            ex->latencyMs = timer->elapsed();
        finish(id, reply);
    });
    emit exchangeStarted(id);
    return id;
}

void ConsoleSession::cancel(const QString& exchangeId)
{
    const auto it = m_inFlight.constFind(exchangeId);
    if (it != m_inFlight.constEnd() && *it) {
        (*it)->setProperty("cancelledByUser", true);
        (*it)->abort();
    }
}

const Exchange* ConsoleSession::exchange(const QString& id) const
{
    for (const Exchange& e : m_exchanges) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

Exchange* ConsoleSession::find(const QString& id)
{
    for (Exchange& e : m_exchanges) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

void ConsoleSession::setEarned(const QString& name, const QString& value)
{
    if (value.isEmpty() || m_earned.value(name) == value)
        return;
    m_earned.insert(name, value);
    emit earnedChanged();
}

void ConsoleSession::finish(const QString& id, QNetworkReply* reply)
{
    m_inFlight.remove(id);
    reply->deleteLater();
    Exchange* e = find(id);
    if (!e)
        return;
    e->httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    e->responseHeaders = reply->rawHeaderPairs();
    if (reply->isOpen())
        e->responseBody = reply->readAll();
    if (e->httpStatus == 0) {
        if (reply->property("cancelledByUser").toBool())
            e->errorCode = QStringLiteral("cancelled");
        else if (reply->error() == QNetworkReply::OperationCanceledError
            || reply->error() == QNetworkReply::TimeoutError)
            e->errorCode = QStringLiteral("timeout");
        else
            e->errorCode = QStringLiteral("network");
        e->errorDetail = reply->errorString();
        e->networkError = int(reply->error());
    } else if (e->gateway) {
        readGatewayAnswer(*e);
        learnFrom(*e);
    } else {
        auto envelope = Protocol::ResponseEnvelope::parse(e->responseBody);
        if (!envelope) {
            e->errorCode = envelope.error().code;
            e->errorDetail = envelope.error().detail;
        } else {
            e->envelope = envelope.value();
            if (!envelope->content.isUndefined() && !envelope->content.isNull()) {
                auto content = envelope->decryptContent(cek());
                if (content) {
                    e->content = content.value();
                } else {
                    e->errorCode = content.error().code;
                    e->errorDetail = content.error().detail;
                }
            }
            learnFrom(*e);
        }
    }
    emit exchangeFinished(*e);
}

void ConsoleSession::readGatewayAnswer(Exchange& e) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(e.responseBody, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        e.errorCode = QStringLiteral("bad-json");
        e.errorDetail = error.error != QJsonParseError::NoError
            ? QStringLiteral("offset %1: %2").arg(error.offset).arg(error.errorString())
            : QStringLiteral("the body is JSON but not an object");
        return;
    }
    e.content = doc.object();
    const QByteArray result = doc.object().value(QLatin1String("result")).toString().toLatin1();
    if (!Crypto::Jose::looksLikeJwe(result))
        return;
    if (auto header = Crypto::Jose::peekHeader(result))
        e.joseHeader = header.value();
    if (m_kek.isNull()) {
        e.joseError = QStringLiteral("no-kek-key: the environment has no private key to decrypt the JWE");
        return;
    }
    auto opened = Crypto::Jose::decryptRsa(result, m_kek);
    if (!opened) {
        e.joseError = opened.error().toString();
        return;
    }
    e.joseHeader = opened->header;
    e.joseClaims = opened->claims();
}

void ConsoleSession::learnFrom(const Exchange& e)
{
    if (e.gateway) {
        if (!e.succeeded())
            return;
        const QString token = e.content.toObject().value(QLatin1String("token")).toString();
        if (e.apiId == QLatin1String("gateway.auth"))
            setEarned(QStringLiteral("gatewayToken"), token);
        setEarned(QStringLiteral("gatewayPollToken"), token);
        const QJsonObject result = e.joseClaims.value(QLatin1String("result")).toObject();
        setEarned(QStringLiteral("openID"), result.value(QLatin1String("openID")).toString());
        return;
    }
    if (!e.envelope || !e.envelope->isSuccess())
        return;
    const QJsonObject c = e.content.toObject();
    if (e.apiId == QLatin1String("keys.getKey") && !m_kek.isNull()) {
        auto key = Crypto::KeyWrap::unwrap(m_kek, c.value(QLatin1String("secretKey")).toString().toLatin1());
        if (key)
            setCek(key.value(), qint64(c.value(QLatin1String("issueAt")).toDouble()),
                qint64(c.value(QLatin1String("expiresIn")).toDouble()));
    }
    if (e.apiId == QLatin1String("keys.revokeKey")) {
        m_ceks.remove(QStringLiteral("current"));
        emit cekChanged();
    }
    for (const QString& name : {QStringLiteral("accessToken"), QStringLiteral("openID"), QStringLiteral("ticketID")})
        setEarned(name, c.value(name).toString());
    // A token serves the scopes it was granted: kept per scope too, so a form picks the one that fits its API.
    const QString token = c.value(QLatin1String("accessToken")).toString();
    if (!token.isEmpty()) {
        for (const QString& scope : c.value(QLatin1String("scope")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts))
            setEarned(QStringLiteral("accessToken@") + scope, token);
    }
    const QJsonObject sent = QJsonDocument::fromJson(e.request.plaintext).object();
    setEarned(QStringLiteral("businessID"), sent.value(QLatin1String("businessID")).toString());
}

} // namespace Session
