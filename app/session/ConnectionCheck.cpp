#include "ConnectionCheck.h"

#include "protocol/ApiCatalog.h"
#include "protocol/ReturnCodes.h"

#include <QNetworkReply>

namespace Session {

ConnectionCheck::ConnectionCheck(QObject* parent)
    : QObject(parent)
{
}

ConnectionCheck::~ConnectionCheck() = default;

void ConnectionCheck::start(const Environment& environment, const Protocol::Credentials& credentials,
    const Crypto::RsaPrivateKey& kekPrivateKey, int timeoutMs)
{
    m_session = std::make_unique<ConsoleSession>();
    m_session->setEnvironment(environment, credentials, kekPrivateKey);
    const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(QStringLiteral("keys.getKey"));
    auto prepared = m_session->prepare(*api, QJsonObject {});
    if (!prepared) {
        ConnectionVerdict v;
        v.detail = prepared.error().detail;
        QMetaObject::invokeMethod(this, [this, v] { emit finished(v); }, Qt::QueuedConnection);
        return;
    }
    const bool hasKey = !kekPrivateKey.isNull();
    connect(m_session.get(), &ConsoleSession::exchangeFinished, this, [this, environment, hasKey](const Exchange& e) {
        if (e.id != m_exchangeId)
            return;
        m_exchangeId.clear();
        emit finished(judge(e, environment, hasKey, !m_session->cek().isEmpty()));
    });
    m_exchangeId = m_session->send(api->id, prepared.value(), timeoutMs);
}

ConnectionVerdict ConnectionCheck::judge(
    const Exchange& e, const Environment& environment, bool hasPrivateKey, bool cekUnwrapped)
{
    using P = ConnectionVerdict::Problem;
    ConnectionVerdict v;
    v.httpStatus = e.httpStatus;
    v.detail = e.errorDetail;
    auto verdict = [&v](P problem, const QString& field) {
        v.problem = problem;
        v.field = field;
        return v;
    };
    const QString baseUrl = QStringLiteral("baseUrl");
    if (e.httpStatus == 0) {
        switch (QNetworkReply::NetworkError(e.networkError)) {
        case QNetworkReply::HostNotFoundError:
            return verdict(P::Dns, baseUrl);
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::InsecureRedirectError:
            return verdict(P::Tls, baseUrl);
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TemporaryNetworkFailureError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::UnknownNetworkError:
            return verdict(P::Unreachable, baseUrl);
        default:
            return verdict(e.errorCode == QLatin1String("cancelled") ? P::Other : P::Unreachable, baseUrl);
        }
    }
    v.code = e.returnCode().isEmpty() ? QStringLiteral("HTTP%1").arg(e.httpStatus) : e.returnCode();
    if (e.envelope)
        v.detail = e.envelope->message;
    else if (v.detail.isEmpty())
        v.detail = QString::fromUtf8(e.responseBody.left(300));
    if (e.httpStatus == 401)
        return verdict(P::SubscriptionKey, QStringLiteral("subscriptionKey"));
    if (e.httpStatus == 404)
        return verdict(P::NotFound, baseUrl);
    const QString code = e.returnCode();
    if ((code == Protocol::Code::ParameterInvalid || code == Protocol::Code::ParameterMissing)
        && v.detail.contains(QLatin1String("clientID"), Qt::CaseInsensitive))
        return verdict(P::WrongClientId, QStringLiteral("clientID"));
    if (code == Protocol::Code::SignatureInvalid)
        return verdict(P::Signature, QStringLiteral("clientSecret"));
    if (code == Protocol::Code::DuplicatedRequest)
        return verdict(P::Clock, QString());
    if (code == Protocol::Code::KekInvalid || code == Protocol::Code::CekInvalid)
        return verdict(P::ContentKey, QStringLiteral("kekCertificate"));
    if (code != Protocol::Code::Success)
        return verdict(P::Other, QString());
    if (environment.encrypted && !hasPrivateKey)
        return verdict(P::NoPrivateKey, QStringLiteral("kekPrivateKey"));
    if (environment.encrypted && !cekUnwrapped)
        return verdict(P::ContentKey, QStringLiteral("kekPrivateKey"));
    return verdict(P::None, QString());
}

} // namespace Session
