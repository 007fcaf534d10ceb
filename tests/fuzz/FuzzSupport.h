// Shared by the libFuzzer targets: a Qt application for the process, a scratch folder, and a raw TCP
// exchange with one of our servers on 127.0.0.1 that keeps the event loop (and so the server) running.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <cstdlib>

namespace Fuzz {

struct App
{
    int argc = 1;
    char name[8] = "fuzzer";
    char* argv[2] = {name, nullptr};
    QCoreApplication app {argc, argv};
    QTemporaryDir dir;
};

/// Sends `bytes` on a fresh connection and collects the answer until the server closes, goes quiet for
/// `quietMs` after answering, or `maxMs` pass. The connection is then dropped, and the server given the
/// chance to notice, so connections never pile up.
inline QByteArray exchange(quint16 port, const QByteArray& bytes, int quietMs = 5, int maxMs = 40)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QElapsedTimer total;
    total.start();
    while (socket.state() != QAbstractSocket::ConnectedState && total.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    if (socket.state() != QAbstractSocket::ConnectedState)
        abort(); // the server stopped accepting: that is a finding
    socket.write(bytes);
    QByteArray answer;
    QElapsedTimer quiet;
    quiet.start();
    while (total.elapsed() < maxMs && socket.state() == QAbstractSocket::ConnectedState) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        if (socket.bytesAvailable() > 0) {
            answer += socket.readAll();
            quiet.restart();
        } else if (!answer.isEmpty() && quiet.elapsed() >= quietMs) {
            break;
        }
    }
    answer += socket.readAll();
    socket.abort();
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    return answer;
}

/// An HTTP/1.1 request with a correct Host and Content-Length around `body`.
inline QByteArray httpRequest(const QByteArray& method, const QByteArray& target, quint16 port, const QByteArray& body,
    const QByteArray& contentType = "application/json")
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    if (!contentType.isEmpty())
        r += "Content-Type: " + contentType + "\r\n";
    r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    return r + body;
}

/// The server still answers a well-formed request: checked every `every` inputs.
inline void assertServing(quint16 port, const QByteArray& target, int& counter, int every = 64)
{
    if (++counter % every)
        return;
    const QByteArray answer = exchange(port, httpRequest("GET", target, port, {}, {}), 5, 2000);
    if (!answer.startsWith("HTTP/1.1 "))
        abort();
}

} // namespace Fuzz
