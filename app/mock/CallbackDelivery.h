// POSTs the simulator's callbacks to the service's redirect URI, retrying failed deliveries with exponential
// back-off for as long as the request still wants them, and keeps a bounded log of the attempts.
#pragma once

#include "SimulatorTypes.h"
#include "crypto/RsaKeys.h"
#include "util/Clock.h"

#include <QObject>

#include <deque>
#include <functional>

class QNetworkAccessManager;

namespace Mock {

class CallbackDelivery : public QObject
{
    Q_OBJECT

public:
    /// Whether a failed delivery of this request should be tried again now.
    using StillWanted = std::function<bool(const QString& requestId)>;

    CallbackDelivery(const Util::Clock& clock, StillWanted stillWanted, QObject* parent = nullptr);

    /// Online: deliveries are sent. Offline (the simulator stopped): due attempts are dropped.
    void setOnline(bool online);
    /// Sends `body` to `url` after the configured delay; retries after 1 s, 2 s, 4 s … (at most a minute apart).
    void send(const QString& requestId, const QString& url, const QByteArray& body);
    /// Makes the next `failNext` attempts fail without sending, and delays first attempts by `delayMs`.
    void setFaults(int failNext, int delayMs);
    int failNext() const { return m_failNext; }
    int delayMs() const { return m_delayMs; }
    /// Forgets attempts older than `lifetimeMs`.
    void sweep(qint64 now, qint64 lifetimeMs);
    const std::deque<DeliveryAttempt>& attempts() const { return m_attempts; }
    /// A callback's body (protocol.md §2.3): {txID, code, message, content}. With a `kek` (strict mode) the content
    /// is encrypted with `cek` and `cek` is sent wrapped with the KEK as secretKey; when either fails the body is an
    /// error envelope (Code::EncryptionError) without content or secretKey, never one with an empty field.
    static QByteArray body(const QString& txId, const QString& code, const QJsonObject& content,
        const Crypto::RsaPublicKey* kek = nullptr, const QByteArray& cek = {});
    /// The pause before attempt `attempt + 1`.
    static int backoffMs(int attempt);

signals:
    void attempted(const Mock::DeliveryAttempt& attempt);

private:
    void attempt(const QString& requestId, const QString& url, const QByteArray& body, int number);
    void record(const QString& requestId, const QString& url, const QByteArray& body, int number, int status,
        const QString& error);

    const Util::Clock& m_clock;
    StillWanted m_stillWanted;
    QNetworkAccessManager* m_network = nullptr;
    std::deque<DeliveryAttempt> m_attempts; ///< oldest first
    int m_failNext = 0;
    int m_delayMs = 0;
};

} // namespace Mock
