#include "TlsPolicy.h"

#include <QHostAddress>
#include <QNetworkReply>

namespace Net {

bool TlsPolicy::isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QList<QSslError> TlsPolicy::ignorable(
    const QUrl& url, const QList<QSslError>& errors, const QList<QSslCertificate>& ownCertificates)
{
    if (errors.isEmpty())
        return {};
    if (url.scheme() == QLatin1String("https") && isLoopbackHost(url.host()))
        return errors;
    for (const QSslError& e : errors) {
        if (e.certificate().isNull() || !ownCertificates.contains(e.certificate()))
            return {};
    }
    return errors;
}

void TlsPolicy::apply(QNetworkReply* reply, const QList<QSslCertificate>& ownCertificates)
{
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, ownCertificates](const QList<QSslError>& errors) {
        const QList<QSslError> ok = ignorable(reply->url(), errors, ownCertificates);
        if (!ok.isEmpty())
            reply->ignoreSslErrors(ok);
    });
}

} // namespace Net
