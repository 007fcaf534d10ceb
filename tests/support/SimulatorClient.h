#pragma once

#include "HttpClient.h"
#include "crypto/KeyWrap.h"
#include "mock/Simulator.h"
#include "protocol/Envelope.h"
#include "util/RequestStamp.h"

#include <QJsonDocument>

namespace TestSupport {

/// What an online service does against the simulator, built only from the core's client-side code and
/// real loopback HTTP: sign, encrypt, send, unwrap the CEK, decrypt.
class SimulatorClient
{
public:
    explicit SimulatorClient(const Mock::Simulator& simulator)
        : m_base(simulator.baseUrl())
        , m_clientId(simulator.clients().devClient().clientId)
        , m_secret(simulator.clients().devClient().clientSecret)
        , m_kek(Crypto::RsaPrivateKey::fromFile(simulator.clients().devClient().kekPrivateKeyPath).value())
    {
    }

    struct Reply
    {
        int status = 0;
        Protocol::ResponseEnvelope envelope;
        QJsonObject content;
        QByteArray raw;
    };

    /// Sends `body` to the catalog API `apiId`; `tweak` may alter the prepared request before it goes out.
    Reply call(const QString& apiId, const QJsonObject& body,
        const std::function<void(Protocol::PreparedRequest&)>& tweak = {})
    {
        const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(apiId);
        Protocol::BuildOptions o;
        o.baseUrl = m_base;
        o.credentials = {m_clientId, m_secret, {}};
        o.cek = m_cek;
        o.timestamp = m_stamps.next(m_clientId);
        o.nonce = m_nonces.next();
        auto prepared = Protocol::RequestEnvelope::build(*api, body, o);
        Reply r;
        if (!prepared)
            return r;
        if (tweak)
            tweak(prepared.value());
        const auto reply = http(prepared->method, QString::fromUtf8(prepared->url), prepared->body, prepared->headers);
        r.status = reply.status;
        r.raw = reply.body;
        auto env = Protocol::ResponseEnvelope::parse(reply.body);
        if (env) {
            r.envelope = env.value();
            auto content = env->decryptContent(m_cek);
            if (content)
                r.content = content->toObject();
        }
        return r;
    }

    /// getKey, then unwraps the CEK with the dev client's KEK private key.
    bool fetchKey()
    {
        const Reply r = call(QStringLiteral("keys.getKey"), {});
        if (r.envelope.code != QLatin1String("D00000"))
            return false;
        auto cek = Crypto::KeyWrap::unwrap(
            m_kek, r.envelope.content.toObject().value(QLatin1String("secretKey")).toString().toLatin1());
        if (!cek)
            return false;
        m_cek = cek.value();
        return true;
    }

    /// Recomputes the signature after a test changed the body or headers on purpose.
    void resign(Protocol::PreparedRequest& r) const
    {
        const qint64 ts = r.header("timestamp").toLongLong();
        const auto parts
            = Crypto::HmacSigner::sign(m_clientId, m_secret, ts, QString::fromUtf8(r.header("nonce")), r.body);
        for (auto& h : r.headers) {
            if (h.first == "signature")
                h.second = parts.headerValue;
        }
    }

    QString clientId() const { return m_clientId; }
    QByteArray cek() const { return m_cek; }
    Crypto::RsaPrivateKey kek() const { return m_kek; }
    QString base() const { return m_base; }

private:
    QString m_base;
    QString m_clientId;
    QByteArray m_secret;
    Crypto::RsaPrivateKey m_kek;
    QByteArray m_cek;
    Util::TimestampSource m_stamps;
    Util::NonceGenerator m_nonces;
};

} // namespace TestSupport
