#pragma once

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

namespace TestSupport {

struct HttpReply
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QString error;
};

/// A real HTTP request over loopback that spins the event loop while it waits (servers under test run on
/// the test's thread). TLS errors are ignored only when `insecure` is set (self-signed test certificates).
inline HttpReply http(const QByteArray& method, const QString& url, const QByteArray& body = {},
    const QList<QPair<QByteArray, QByteArray>>& headers = {}, bool insecure = false, int timeoutMs = 15000)
{
    static QNetworkAccessManager* nam = new QNetworkAccessManager();
    QNetworkRequest request {QUrl(url)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto& h : headers)
        request.setRawHeader(h.first, h.second);
    if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = nam->sendCustomRequest(request, method, body);
    if (insecure)
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply r;
    if (!reply->isFinished()) {
        reply->abort();
        r.error = QStringLiteral("timeout");
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && r.status == 0)
        r.error = reply->errorString();
    reply->deleteLater();
    return r;
}

/// Raw bytes on a fresh TCP connection, reading until the peer closes or `timeoutMs` passes.
inline QByteArray rawExchange(quint16 port, const QByteArray& raw, int timeoutMs = 5000)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(3000))
        return {};
    s.write(raw);
    QByteArray got;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs && s.state() == QAbstractSocket::ConnectedState) {
        QTest::qWait(5);
        got += s.readAll();
    }
    return got + s.readAll();
}

} // namespace TestSupport
