// The phone's decisions and what follows them: approval content, document signing, callback delivery with
// retry, and the state that is forgotten once its window has passed.
#include "OutcomeCodes.h"
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
            *code = OutcomeCodes::cannotSignFor(p.kind);
            *detail = QStringLiteral("user not allowed to sign (iAM Smart, not iAM Smart+)");
            return content;
        }
        const QString hkicHash = p.body.value(QLatin1String("HKICHash")).toString();
        const QString expected
            = QString::fromLatin1(Crypto::Encoding::sha256(who.hkicIdentification.toUtf8()).toBase64());
        if (!hkicHash.isEmpty() && hkicHash != expected) {
            *code = OutcomeCodes::hkicMismatchFor(p.kind);
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
        if (!p.canSign() || !p.isActive())
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
    const std::optional<QString> armed = armedDecision(p); // POST /__mock/faults on the callback's API
    const bool approving = status == QLatin1String("approved") || armed == QLatin1String(OutcomeCodes::success);
    QString code;
    QString detail;
    QJsonObject content {{QStringLiteral("businessID"), p.businessId}, {QStringLiteral("state"), p.state}};
    if (approving) {
        const QString chosen
            = personaId.isEmpty() ? (p.personaId.isEmpty() ? defaultPersonaId() : p.personaId) : personaId;
        const Persona* who = persona(chosen);
        if (!who)
            return Util::Error {QStringLiteral("unknown-persona"), QStringLiteral("no persona %1").arg(chosen)};
        p.personaId = who->id;
        if (!who->isActive()) {
            code = OutcomeCodes::failureFor(p.kind); // seed 002: a suspended or de-registered account fails
        } else if (p.kind == QLatin1String("auth")) {
            code = QStringLiteral("D00000");
        } else {
            // An armed D00000 succeeds whatever the request's HKICHash says.
            content = approveContent(armed ? armedSuccess(p) : p, *who, &code, &detail);
            for (auto f = fields.begin(); f != fields.end(); ++f)
                content.insert(f.key(), f.value()); // the tester's overrides
        }
    } else {
        code = status == QLatin1String("rejected") ? codes.at(0)
            : status == QLatin1String("cancelled") ? codes.at(1)
            : status == QLatin1String("failed")    ? OutcomeCodes::failureFor(p.kind)
                                                   : codes.at(2);
    }
    if (armed && *armed != QLatin1String(OutcomeCodes::success)) {
        code = *armed;
        content = {{QStringLiteral("businessID"), p.businessId}, {QStringLiteral("state"), p.state}};
    }
    p.status = code == QLatin1String("D00000") || !approving ? (approving ? QStringLiteral("approved") : status)
                                                              : QStringLiteral("rejected");
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
