// The phone's decisions and what follows them: approval content (signing through the mock CA), the redirect the
// browser follows, and the callback the service receives (delivered with retry by CallbackDelivery).
#include "CallbackDelivery.h"
#include "Simulator.h"

#include "crypto/Encoding.h"
#include "protocol/UrlBuilder.h"

#include <QJsonArray>
#include <QTimer>

namespace Mock {

namespace Code = Protocol::Code;

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
    *code = Code::Success;
    auto release = [&](const QJsonArray& names) {
        for (const QJsonValue& n : names)
            content.insert(n.toString(), who.profile.value(n.toString()));
    };
    if (p.kind == QLatin1String("profile")) {
        release(p.body.value(QLatin1String("profileFields")).toArray());
        return content;
    }
    if (p.kind == QLatin1String("eme") || p.kind == QLatin1String("anon-eme")) {
        release(p.body.value(QLatin1String("profileFields")).toArray());
        release(p.body.value(QLatin1String("eMEFields")).toArray());
        return content;
    }
    if (p.kind == QLatin1String("reauth")) {
        content.insert(QStringLiteral("isPassed"), true);
        return content;
    }
    // Signing kinds.
    if (!who.canSign()) {
        *code = Code::SignNotAllowed;
        *detail = QStringLiteral("user not allowed to sign (iAM Smart, not iAM Smart+)");
        return content;
    }
    const QString hkicHash = p.body.value(QLatin1String("HKICHash")).toString();
    const QString expected = QString::fromLatin1(Crypto::Encoding::sha256(who.hkicIdentification.toUtf8()).toBase64());
    if (!hkicHash.isEmpty() && hkicHash != expected) {
        *code = Code::SignHkicMismatch;
        *detail = QStringLiteral("inconsistent HKIC number");
        return content;
    }
    const Crypto::CertifiedKey* signer = m_ca.signer(who.id);
    if (!signer) {
        *code = Code::SignFailed;
        *detail = QStringLiteral("no signing certificate for persona %1").arg(who.id);
        return content;
    }
    const QString cert = QString::fromLatin1(signer->certificateDer().toBase64());
    if (p.kind == QLatin1String("bulksign")) {
        QJsonArray documents;
        for (const QJsonValue& d : p.body.value(QLatin1String("documents")).toArray()) {
            auto signedDoc = m_ca.sign(d.toObject(), *signer, m_clock.nowMs());
            if (!signedDoc) {
                *code = Code::BulkSignFailed;
                *detail = signedDoc.error().toString();
                return content;
            }
            QJsonObject doc = *signedDoc;
            doc.insert(QStringLiteral("id"), d.toObject().value(QLatin1String("id")));
            doc.insert(QStringLiteral("documentName"), d.toObject().value(QLatin1String("documentName")));
            documents.append(doc);
        }
        content.insert(QStringLiteral("documents"), documents);
        content.insert(QStringLiteral("cert"), cert);
        return content;
    }
    auto signedDoc = m_ca.sign(p.body, *signer, m_clock.nowMs());
    if (!signedDoc) {
        *code = Code::SignFailed;
        *detail = signedDoc.error().toString();
        return content;
    }
    for (auto f = signedDoc->begin(); f != signedDoc->end(); ++f)
        content.insert(f.key(), f.value());
    if (p.kind == QLatin1String("sign") || p.kind == QLatin1String("anon-sign"))
        content.insert(QStringLiteral("cert"), cert);
    return content;
}

Util::Result<QJsonObject> Simulator::decide(
    const QString& id, const QString& status, const QString& personaId, const QJsonObject& fields)
{
    const PendingRequest* found = m_book.find(id);
    if (!found)
        return Util::Error {QStringLiteral("not-found"), QStringLiteral("no pending request %1").arg(id)};
    if (found->status != QLatin1String("pending"))
        return Util::Error {
            QStringLiteral("not-pending"), QStringLiteral("request %1 is already %2").arg(id, found->status)};
    QString code;
    QString detail;
    QString chosenPersona = found->personaId;
    QJsonObject content {{QStringLiteral("businessID"), found->businessId}, {QStringLiteral("state"), found->state}};
    if (status == QLatin1String("approved")) {
        const QString chosen
            = personaId.isEmpty() ? (found->personaId.isEmpty() ? defaultPersonaId() : found->personaId) : personaId;
        const Persona* who = persona(chosen);
        if (!who)
            return Util::Error {QStringLiteral("unknown-persona"), QStringLiteral("no persona %1").arg(chosen)};
        chosenPersona = who->id;
        if (found->kind == QLatin1String("auth")) {
            code = Code::Success;
        } else {
            PendingRequest asked = *found;
            asked.personaId = chosenPersona;
            content = approveContent(asked, *who, &code, &detail);
            for (auto f = fields.begin(); f != fields.end(); ++f)
                content.insert(f.key(), f.value()); // the tester's overrides
        }
    } else {
        code = DecisionBook::decisionCode(found->kind, status);
    }
    auto settled = m_book.settle(id, status, code, m_clock.nowMs());
    if (!settled)
        return settled.error();
    PendingRequest& p = **settled;
    p.personaId = chosenPersona;
    // The oldest decided requests of a client are forgotten first once it holds more than its limit. Deferred,
    // so that `p` stays valid for the rest of this decision.
    QTimer::singleShot(0, this, [this, clientId = p.clientId] {
        for (const QString& oldest : m_book.overLimit(clientId))
            erasePending(oldest);
    });
    const bool ok = Code::isSuccess(code);
    p.result = ok ? content : QJsonObject {};

    QJsonObject answer {
        {QStringLiteral("id"), p.id}, {QStringLiteral("status"), p.status}, {QStringLiteral("resultCode"), code}};
    if (m_gatewayByPending.contains(p.id)) {
        gatewayDecided(p, code, content, &answer); // kept for polling; the browser returns to `redirect`
    } else if (p.kind == QLatin1String("auth")) {
        if (ok) {
            const QString authCode = m_issuer.issueCode(p.clientId, p.personaId, p.scope, m_clock.nowMs());
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
            p.browserRedirect = ok
                ? Protocol::UrlBuilder::appendQuery(
                    back, {{QStringLiteral("businessID"), p.businessId}, {QStringLiteral("state"), p.state}})
                : Protocol::UrlBuilder::appendQuery(
                    back, {{QStringLiteral("error_code"), code}, {QStringLiteral("state"), p.state}});
            answer.insert(QStringLiteral("redirect"), p.browserRedirect);
        }
        deliver(p, code, content);
    }
    emit pendingRemoved(id);
    emit pendingChanged();
    return answer;
}

void Simulator::deliver(const PendingRequest& p, const QString& code, const QJsonObject& content)
{
    const RegisteredClient* client = m_clients.find(p.clientId);
    if (!client || p.redirectUri.isEmpty())
        return;
    const QString txId = QStringLiteral("T=") + newId();
    // In strict mode iAM Smart ensures a valid CEK, encrypts the content with it and sends it wrapped with the KEK.
    const QByteArray body = m_options.mode == Mode::Strict
        ? CallbackDelivery::body(txId, code, content, &client->kek, m_issuer.contentKey(client->clientId, m_clock.nowMs()).key)
        : CallbackDelivery::body(txId, code, content);
    m_delivery->send(p.id, p.redirectUri, body);
}

void Simulator::addPending(const PendingRequest& p)
{
    m_book.add(p);
    emit pendingAdded(p.id);
    emit pendingChanged();
}

void Simulator::erasePending(const QString& id)
{
    // A gateway request's businessID is the record's, not one the client chose: it was never reserved.
    const bool gateway = m_gatewayByPending.remove(id) > 0;
    if (m_book.erase(id, gateway)) {
        emit pendingRemoved(id);
        emit pendingChanged();
    }
}

} // namespace Mock
