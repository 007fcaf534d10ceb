#include "CallbackDelivery.h"

#include "crypto/AesGcmCipher.h"
#include "crypto/KeyWrap.h"
#include "net/TlsPolicy.h"
#include "protocol/Durations.h"
#include "protocol/Envelope.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

namespace Mock {

namespace {
constexpr int transferTimeoutMs = 15'000;
}

CallbackDelivery::CallbackDelivery(const Util::Clock& clock, StillWanted stillWanted, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_stillWanted(std::move(stillWanted))
{
}

void CallbackDelivery::setOnline(bool online)
{
    delete m_network;
    m_network = online ? new QNetworkAccessManager(this) : nullptr;
}

int CallbackDelivery::backoffMs(int attempt)
{
    return int(std::min<qint64>(Protocol::Duration::deliveryBackoffMaxMs, qint64(1000) << std::min(attempt - 1, 6)));
}

QByteArray CallbackDelivery::body(const QString& txId, const QString& code, const QJsonObject& content,
    const Crypto::RsaPublicKey* kek, const QByteArray& cek)
{
    Protocol::ResponseEnvelope e;
    e.txID = txId;
    e.code = code;
    e.message = Protocol::Code::isSuccess(code) ? QStringLiteral("SUCCESS") : code;
    if (!kek) {
        e.content = content;
        return e.toJson();
    }
    auto blob = Crypto::AesGcmCipher::encrypt(cek, Protocol::compactJson(content));
    auto wrapped = Crypto::KeyWrap::wrap(*kek, cek);
    if (!blob || !wrapped) {
        // The service hears that the content could not be encrypted for it (why is not said).
        e.code = Protocol::Code::EncryptionError;
        e.content = QJsonValue(QJsonValue::Undefined);
        e.message = QStringLiteral("encryption error: the callback content could not be encrypted for this client");
        return e.toJson();
    }
    e.content = QString::fromLatin1(*blob);
    e.secretKey = QString::fromLatin1(*wrapped);
    return e.toJson();
}

void CallbackDelivery::send(const QString& requestId, const QString& url, const QByteArray& body)
{
    QTimer::singleShot(m_delayMs, this, [this, requestId, url, body] { attempt(requestId, url, body, 1); });
}

void CallbackDelivery::setFaults(int failNext, int delayMs)
{
    m_failNext = std::max(0, failNext);
    m_delayMs = std::max(0, delayMs);
}

void CallbackDelivery::sweep(qint64 now, qint64 lifetimeMs)
{
    while (!m_attempts.empty() && now - m_attempts.front().at > lifetimeMs)
        m_attempts.pop_front();
}

void CallbackDelivery::record(const QString& requestId, const QString& url, const QByteArray& body, int number,
    int status, const QString& error)
{
    const DeliveryAttempt a {requestId, url, number, m_clock.nowMs(), status, error};
    m_attempts.push_back(a);
    emit attempted(a);
    const bool failed = status < 200 || status >= 300;
    if (failed && m_stillWanted(requestId)) {
        QTimer::singleShot(backoffMs(number), this,
            [this, requestId, url, body, number] { attempt(requestId, url, body, number + 1); });
    }
}

void CallbackDelivery::attempt(const QString& requestId, const QString& url, const QByteArray& body, int number)
{
    if (!m_network)
        return;
    if (m_failNext > 0) {
        --m_failNext;
        record(requestId, url, body, number, 0, QStringLiteral("fault injected"));
        return;
    }
    QNetworkRequest request {QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(transferTimeoutMs);
    QNetworkReply* reply = m_network->post(request, body);
    Net::TlsPolicy::apply(reply); // a loopback listener's generated certificate passes; other hosts are verified
    connect(reply, &QNetworkReply::finished, this, [this, reply, requestId, url, body, number] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        record(requestId, url, body, number, status,
            reply->error() == QNetworkReply::NoError ? QString() : reply->errorString());
        reply->deleteLater();
    });
}

} // namespace Mock
