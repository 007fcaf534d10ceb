#pragma once

#include "ConsoleSession.h"
#include "Environment.h"

#include <QObject>

#include <memory>

namespace Session {

/// What a connection test found, with the environment field to fix (toJson() names: baseUrl, clientID,
/// clientSecret, subscriptionKey, kekCertificate, kekPrivateKey; empty when no field is at fault).
struct ConnectionVerdict
{
    enum class Problem
    {
        None, ///< getKey answered D00000 (and the CEK was unwrapped, when the environment encrypts)
        WrongClientId, ///< the server does not know the clientID
        Signature, ///< D20006: the client secret, or the clock the timestamp comes from
        Clock, ///< D20004: the timestamp is too far from the server's time (or reused)
        ContentKey, ///< D30001/D30002, or a CEK the private key cannot unwrap: the KEK pair
        NoPrivateKey, ///< answered, but there is no KEK private key to unwrap the CEK with
        SubscriptionKey, ///< HTTP 401 from the gateway in front (a missing or wrong Ocp-Apim-Subscription-Key)
        NotFound, ///< HTTP 404: the base URL is not an iAM Smart API
        Tls, ///< the TLS handshake or the certificate failed
        Dns, ///< the host name does not resolve
        Unreachable, ///< refused, reset or no answer in time
        Other, ///< another code or answer: see code and detail
    };
    Problem problem = Problem::Other;
    QString field;
    QString code; ///< the iAM Smart code or HTTP<status>, when the server answered
    QString detail; ///< the server's message or the transport error, in English
    int httpStatus = 0;
};

/// Test connection: one getKey round trip with an environment's settings and secrets (not yet saved), and what
/// its outcome means.
class ConnectionCheck : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionCheck(QObject* parent = nullptr);
    ~ConnectionCheck() override;

    /// Starts the round trip; finished() follows (also on timeout). A running check is abandoned.
    void start(const Environment& environment, const Protocol::Credentials& credentials,
        const Crypto::RsaPrivateKey& kekPrivateKey, int timeoutMs = 15000);
    bool isRunning() const { return !m_exchangeId.isEmpty(); }
    /// Classifies a finished getKey exchange (cekUnwrapped: the session holds a CEK afterwards).
    static ConnectionVerdict judge(const Exchange& exchange, const Environment& environment, bool hasPrivateKey,
        bool cekUnwrapped);

signals:
    void finished(const Session::ConnectionVerdict& verdict);

private:
    std::unique_ptr<ConsoleSession> m_session;
    QString m_exchangeId;
};

} // namespace Session
