#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

class QNetworkReply;

namespace Net {

/// When certificate errors may be ignored: the one place that decides it for every outgoing HTTPS request
/// of the console (the session, the flow runner's browser, the simulator's callback delivery).
/// - A loopback host (127.0.0.0/8, ::1 or "localhost"): yes, our own servers use generated certificates.
/// - A certificate the caller pinned as its own (e.g. the simulator's CA or the listener's certificate):
///   yes, when every error is about exactly such a certificate.
/// - Anything else: never; the request fails with the TLS error.
class TlsPolicy
{
public:
    static bool isLoopbackHost(const QString& host);
    /// The subset of `errors` that may be ignored for a connection to `url` (all or none).
    static QList<QSslError> ignorable(
        const QUrl& url, const QList<QSslError>& errors, const QList<QSslCertificate>& ownCertificates = {});
    /// Applies the policy to `reply` (connects its sslErrors signal).
    static void apply(QNetworkReply* reply, const QList<QSslCertificate>& ownCertificates = {});
};

} // namespace Net
