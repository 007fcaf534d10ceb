#pragma once

#include "Environment.h"
#include "crypto/RsaKeys.h"
#include "protocol/ApiCatalog.h"
#include "protocol/ContentKey.h"
#include "protocol/Envelope.h"
#include "protocol/Durations.h"
#include "util/Clock.h"
#include "util/RequestStamp.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Session {

/// One request sent and what came back, with every byte kept.
struct Exchange
{
    QString id;
    QString apiId;
    qint64 startedAt = 0;
    Protocol::PreparedRequest request;
    int httpStatus = 0;
    qint64 latencyMs = 0;
    Protocol::HeaderList responseHeaders;
    QByteArray responseBody;
    std::optional<Protocol::ResponseEnvelope> envelope;
    QJsonValue content; ///< decrypted (or plain) response content
    QString errorCode; ///< transport or decoding failure: "timeout", "cancelled", "network", "bad-json", AES codes
    QString errorDetail;
    bool gateway = false; ///< a gateway-family exchange: plain JSON answers, HTTP status as the code
    /// A gateway poll's `result` JWE, decrypted with the environment's private key: its protected header and
    /// claims (the result itself is claims.result). joseError is the decryption error, if any.
    QJsonObject joseHeader;
    QJsonObject joseClaims;
    QString joseError;

    bool finished() const { return httpStatus != 0 || !errorCode.isEmpty(); }
    /// The iAM Smart code (D…), or for the gateway family HTTP<status> (HTTP200, HTTP202, HTTP401, …).
    QString returnCode() const
    {
        if (envelope)
            return envelope->code;
        return gateway && httpStatus != 0 ? QStringLiteral("HTTP%1").arg(httpStatus) : QString();
    }
    /// Whether the call did what was asked (Code::Success, or a 2xx gateway answer other than 202 pending).
    bool succeeded() const
    {
        if (gateway)
            return errorCode.isEmpty() && httpStatus >= 200 && httpStatus < 300 && httpStatus != 202;
        return envelope && envelope->isSuccess();
    }
};

/// The façade the console drives: build → sign → encrypt → send → decrypt, for the current environment.
/// Keeps the CEK, the values earned by earlier calls (code, accessToken, openID, ticketID) and the exchanges.
class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleSession(const Util::Clock& clock = Util::Clock::system(), QObject* parent = nullptr);
    /// The clock every time the session and its users (flow runner, views) read comes from.
    const Util::Clock& clock() const { return m_clock; }
    ~ConsoleSession() override;

    /// Switches environment; clears the CEK and earned values of the previous one.
    void setEnvironment(const Environment& environment, const Protocol::Credentials& credentials,
        const Crypto::RsaPrivateKey& kekPrivateKey = {});
    const Environment& environment() const { return m_environment; }
    const Protocol::Credentials& credentials() const { return m_credentials; }
    QByteArray cek() const;
    /// The environment's KEK private key (decrypts gateway JWE results and unwraps CEKs).
    const Crypto::RsaPrivateKey& kekPrivateKey() const { return m_kek; }
    void setCek(const QByteArray& cek, qint64 issueAt = 0, qint64 expiresIn = Protocol::Duration::cekMs);

    /// Builds the exact request (fresh timestamp and nonce). Errors: "no-cek", AES errors.
    /// `extras`: headers and query parameters the user added (not signed: the protocol signs the body only).
    Util::Result<Protocol::PreparedRequest> prepare(
        const Protocol::ApiSpec& api, const QJsonObject& body, const Protocol::RequestExtras& extras = {});
    /// Sends asynchronously; returns the exchange id. exchangeFinished follows (also on timeout/cancel).
    QString send(const QString& apiId, const Protocol::PreparedRequest& request, int timeoutMs = 30000);
    void cancel(const QString& exchangeId);
    const QList<Exchange>& exchanges() const { return m_exchanges; }
    const Exchange* exchange(const QString& id) const;

    /// Values earned by earlier calls, by name: code, accessToken (and accessToken@SCOPE for each scope the token
    /// was granted), openID, ticketID, businessID, and for the
    /// gateway family gatewayToken (the login's token) and gatewayPollToken (the last token answered).
    const QMap<QString, QString>& earned() const { return m_earned; }
    void setEarned(const QString& name, const QString& value);

signals:
    void exchangeStarted(const QString& id);
    void exchangeFinished(const Session::Exchange& exchange);
    void earnedChanged();
    void cekChanged();

private:
    void finish(const QString& id, QNetworkReply* reply);
    void learnFrom(const Exchange& exchange);
    /// Parses a gateway answer's JSON and opens a `result` JWE with the KEK private key.
    void readGatewayAnswer(Exchange& exchange) const;
    Exchange* find(const QString& id);

    const Util::Clock& m_clock;
    Environment m_environment;
    Protocol::Credentials m_credentials;
    Crypto::RsaPrivateKey m_kek;
    Protocol::ContentKeyCache m_ceks;
    Util::TimestampSource m_stamps;
    Util::NonceGenerator m_nonces;
    QNetworkAccessManager* m_network;
    QHash<QString, QPointer<QNetworkReply>> m_inFlight;
    QList<Exchange> m_exchanges;
    QMap<QString, QString> m_earned;
};

} // namespace Session
