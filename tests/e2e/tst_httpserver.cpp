#include "net/HttpServer.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Net;

/// The shared HTTP server over real loopback: keep-alive, pipelining, and every limit answered with the
/// right status while the server keeps serving.
class TestHttpServer : public QObject
{
    Q_OBJECT

public:
    /// 0: everything on the test's thread; 2 or more: connections on that many I/O threads (setIoThreads).
    explicit TestHttpServer(int ioThreads = 0)
        : m_ioThreads(ioThreads)
    {
    }

private:
    const int m_ioThreads;
    std::unique_ptr<HttpServer> m_server;
    int m_handled = 0;

    ServerLimits smallLimits() const
    {
        ServerLimits l;
        l.maxBodyBytes = 1024 * 1024;
        l.maxHeaderBytes = 8 * 1024;
        l.idleTimeoutMs = 400;
        l.requestTimeoutMs = 600;
        l.maxConnections = 8;
        return l;
    }

    /// Sends raw bytes on a fresh connection and reads until the server closes or `until` is seen.
    QByteArray exchange(const QByteArray& raw, const QByteArray& until = {}, int timeoutMs = 5000)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_server->port());
        if (!s.waitForConnected(3000))
            return "no connection";
        s.write(raw);
        QByteArray got;
        QElapsedTimer t;
        t.start();
        // The server runs on this thread: wait by spinning the event loop, never by blocking on the socket.
        while (t.elapsed() < timeoutMs) {
            QTest::qWait(5);
            got += s.readAll();
            if (!until.isEmpty() && got.contains(until))
                break;
            if (s.state() != QAbstractSocket::ConnectedState)
                break;
        }
        return got + s.readAll();
    }

    void assertStillServing()
    {
        const QByteArray r = exchange("GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY2(r.startsWith("HTTP/1.1 200 OK"), r.constData());
        QVERIFY(r.endsWith("pong /ping"));
    }

private slots:
    void init()
    {
        m_server = std::make_unique<HttpServer>(smallLimits());
        m_server->guard().setEnabled(false); // the bare HTTP layer here; tst_serverguard covers Host and Origin
        m_server->setIoThreads(m_ioThreads);
        m_handled = 0;
        m_server->setHandler([this](const HttpRequest& r) {
            ++m_handled;
            if (r.path == "/echo")
                return HttpResponse::json(200, r.body);
            if (r.path == "/query")
                return HttpResponse::text(200, r.queryValue(QStringLiteral("scope")).toUtf8());
            return HttpResponse::text(200, "pong " + r.path);
        });
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0).ok());
        QVERIFY(m_server->port() != 0);
        QVERIFY(m_server->baseUrl().startsWith(QStringLiteral("http://127.0.0.1:")));
    }

    void cleanup() { m_server.reset(); }

    void simpleRequests()
    {
        const QByteArray r = exchange(
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 13\r\nConnection: close\r\n\r\n{\"content\":1}");
        QVERIFY2(r.startsWith("HTTP/1.1 200 OK\r\n"), r.constData());
        QVERIFY(r.contains("Content-Type: application/json"));
        QVERIFY(r.endsWith("\r\n\r\n{\"content\":1}"));
        const QByteArray q
            = exchange("GET /query?scope=eidapi_auth%20eidapi_profiles HTTP/1.1\r\nConnection: close\r\n\r\n");
        QVERIFY(q.endsWith("eidapi_auth eidapi_profiles"));
    }

    void keepAliveAndPipelining()
    {
        const QByteArray r
            = exchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
                       "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        QCOMPARE(r.count("HTTP/1.1 200 OK"), 3);
        QVERIFY(r.indexOf("pong /a") < r.indexOf("pong /b"));
        QVERIFY(r.endsWith("{}"));
        QCOMPARE(m_handled, 3);
    }

    void heldRequestsWaitAndAreAnsweredInOrder()
    {
        QSignalSpy held(m_server.get(), &HttpServer::requestHeld);
        m_server->setHolding(true);
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(s.waitForConnected(3000));
        // Two pipelined requests: the first waits whole, the second is not even parsed while holding.
        s.write("GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /second HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QTRY_COMPARE(held.count(), 1);
        QTest::qWait(800); // longer than the request timeout (600 ms): a held request is not timed out
        QCOMPARE(m_handled, 0);
        QCOMPARE(m_server->heldRequests(), 1);
        QVERIFY(s.readAll().isEmpty());
        QCOMPARE(s.state(), QAbstractSocket::ConnectedState);
        m_server->setHolding(false);
        QByteArray got;
        QTRY_VERIFY((got += s.readAll()).contains("pong /second"));
        QCOMPARE(got.count("HTTP/1.1 200 OK"), 2);
        QVERIFY(got.indexOf("pong /first") < got.indexOf("pong /second"));
        QCOMPARE(m_handled, 2);
        QCOMPARE(m_server->heldRequests(), 0);
        assertStillServing();
    }

    void chunkedBody()
    {
        const QByteArray r
            = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                       "3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n");
        QVERIFY2(r.endsWith("{\"a\":1}"), r.constData());
    }

    void announcedOversizedBodyGets413WithoutSendingIt()
    {
        QSignalSpy refused(m_server.get(), &HttpServer::requestRefused);
        const QByteArray r = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 52428800\r\n\r\n");
        QVERIFY2(r.startsWith("HTTP/1.1 413 "), r.constData());
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.first().at(0).toInt(), 413);
        QCOMPARE(m_handled, 0);
        assertStillServing();
    }

    void chunkedOversizedBodyGets413()
    {
        QByteArray raw = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        const QByteArray chunk(256 * 1024, 'x');
        for (int i = 0; i < 6; ++i)
            raw += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        const QByteArray r = exchange(raw, "\r\n\r\n");
        QVERIFY2(r.startsWith("HTTP/1.1 413 "), r.left(200).constData());
        QCOMPARE(m_handled, 0);
        assertStillServing();
    }

    void exactlyTheLimitIsAccepted()
    {
        const QByteArray body(1024 * 1024, 'y');
        const QByteArray r = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body,
            {}, 10000);
        QVERIFY2(r.startsWith("HTTP/1.1 200 OK"), r.left(100).constData());
        QVERIFY(r.endsWith(body.right(100)));
    }

    void malformedRequestGets400()
    {
        const QByteArray r = exchange("THIS IS NOT HTTP\r\n\r\n");
        QVERIFY2(r.startsWith("HTTP/1.1 400 "), r.constData());
        QVERIFY(r.contains("malformed"));
        const QByteArray bad = exchange("POST /echo HTTP/1.1\r\nContent-Length: abc\r\n\r\n");
        QVERIFY2(bad.startsWith("HTTP/1.1 400 "), bad.constData());
        assertStillServing();
    }

    void oversizedHeadersGet431()
    {
        const QByteArray r = exchange("GET / HTTP/1.1\r\nX-Big: " + QByteArray(16 * 1024, 'h') + "\r\n\r\n");
        QVERIFY2(r.startsWith("HTTP/1.1 431 "), r.left(100).constData());
        assertStillServing();
    }

    void idleConnectionIsClosed()
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(s.waitForConnected(3000));
        QTRY_COMPARE_WITH_TIMEOUT(s.state(), QAbstractSocket::UnconnectedState, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 5000);
        assertStillServing();
    }

    void tricklingRequestGets408()
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(s.waitForConnected(3000));
        // One byte every 100 ms keeps the idle timer happy but never finishes the request in time.
        const QByteArray raw = "GET /slow HTTP/1.1\r\nHost: x\r\n";
        QByteArray got;
        for (int i = 0; i < raw.size() && s.state() == QAbstractSocket::ConnectedState; ++i) {
            s.write(raw.mid(i, 1));
            QTest::qWait(100);
            got += s.readAll();
        }
        QTRY_VERIFY_WITH_TIMEOUT((got += s.readAll()).startsWith("HTTP/1.1 408 "), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(s.state(), QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(m_handled, 0);
        assertStillServing();
    }

    void tooManyConnectionsGet503()
    {
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 8; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, m_server->port());
            QVERIFY(sockets.back()->waitForConnected(3000));
        }
        QTRY_COMPARE(m_server->connectionCount(), 8);
        const QByteArray r = exchange("GET / HTTP/1.1\r\n\r\n");
        QVERIFY2(r.startsWith("HTTP/1.1 503 "), r.constData());
        sockets.clear();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionCount(), 0, 5000);
        assertStillServing();
    }

    void errorResponderShapesRefusals()
    {
        m_server->setErrorResponder(
            [](int status, const QString&) { return HttpResponse::json(status, "{\"code\":\"D20003\"}"); });
        const QByteArray r = exchange("NOT HTTP\r\n\r\n");
        QVERIFY(r.startsWith("HTTP/1.1 400 "));
        QVERIFY(r.endsWith("{\"code\":\"D20003\"}"));
    }

    void portInUseIsAnError()
    {
        HttpServer other;
        auto status = other.listen(QHostAddress::LocalHost, m_server->port());
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("listen-failed"));
    }
};

// Every test twice: on the test's thread, and with two I/O threads (the handler still runs on the test's thread,
// which counts the requests it sees without a lock).
int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    TestHttpServer onOneThread;
    TestHttpServer withIoThreads(2);
    const int failed = QTest::qExec(&onOneThread, argc, argv);
    return failed + QTest::qExec(&withIoThreads, argc, argv);
}
#include "tst_httpserver.moc"
