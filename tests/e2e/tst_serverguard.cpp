#include "HttpClient.h"
#include "SimulatorClient.h"
#include "TestSupport.h"
#include "callback/CallbackListener.h"
#include "crypto/AesGcmCipher.h"
#include "crypto/KeyWrap.h"
#include "mock/Simulator.h"
#include "net/HttpServer.h"
#include "protocol/Envelope.h"
#include "protocol/UrlBuilder.h"
#include "util/RandomSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

/// Our two servers as a hostile web page, a tunnel or a flood meets them, over real loopback HTTP (raw sockets
/// where a header must be forged): Host and Origin checks with 421/403, JSON-only admin POSTs (415), redirect
/// URIs compared as parsed URLs, one answer for every undecryptable callback, and back-pressure on a client
/// that pipelines without reading.
class TestServerGuard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;
    std::unique_ptr<Callback::CallbackListener> m_listener;
    Crypto::RsaPrivateKey m_kek; ///< the listener's

    static quint16 portOf(const QString& baseUrl) { return quint16(QUrl(baseUrl).port()); }
    quint16 simPort() const { return portOf(m_sim->baseUrl()); }
    quint16 listenerPort() const { return portOf(m_listener->baseUrl()); }

    /// One request on a fresh connection, read until the server closes it.
    static QByteArray raw(quint16 port, const QByteArray& method, const QByteArray& target, const QByteArray& host,
        const QList<QByteArray>& headers = {}, const QByteArray& body = {})
    {
        QByteArray r = method + ' ' + target + " HTTP/1.1\r\n";
        if (!host.isNull())
            r += "Host: " + host + "\r\n";
        for (const QByteArray& h : headers)
            r += h + "\r\n";
        if (!body.isEmpty() || method == "POST")
            r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        r += "Connection: close\r\n\r\n" + body;
        return TestSupport::rawExchange(port, r);
    }
    static int status(const QByteArray& response) { return response.mid(9, 3).toInt(); }
    static QByteArray bodyOf(const QByteArray& response) { return response.mid(response.indexOf("\r\n\r\n") + 4); }
    static QByteArray local(quint16 port) { return "127.0.0.1:" + QByteArray::number(port); }

    /// A pending login on the phone (a getQR through the browser door); returns its id.
    QString pendingLogin(const QString& state)
    {
        Protocol::QrParams q;
        q.clientId = m_sim->clients().devClient().clientId;
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = m_listener->urlFor(QStringLiteral("callback.auth"));
        q.scope = QStringLiteral("eidapi_auth");
        q.state = state;
        const auto r = TestSupport::http("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(m_sim->baseUrl(), q)));
        if (r.status != 303)
            return {};
        for (const Mock::PendingRequest& p : m_sim->pending()) {
            if (p.state == state)
                return p.id;
        }
        return {};
    }

    /// A callback envelope for the listener: `cek` encrypts the content, `secretKey` travels as given.
    QByteArray callbackBody(const QByteArray& cek, const QByteArray& secretKey, bool breakTag = false)
    {
        Protocol::ResponseEnvelope e;
        e.txID = QStringLiteral("T=guard");
        e.code = QStringLiteral("D00000");
        e.message = QStringLiteral("SUCCESS");
        QByteArray blob = QByteArray::fromBase64(
            Crypto::AesGcmCipher::encrypt(cek, "{\"businessID\":\"b-guard\",\"state\":\"s\"}").value());
        if (breakTag)
            blob[blob.size() - 1] = char(blob[blob.size() - 1] ^ 1);
        e.content = QString::fromLatin1(blob.toBase64());
        e.secretKey = QString::fromLatin1(secretKey);
        return e.toJson();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_kek = Crypto::RsaPrivateKey::generate(2048).value();
        m_listener = std::make_unique<Callback::CallbackListener>();
        m_listener->setKekPrivateKey(m_kek);
        QVERIFY(m_listener->start().ok());
        m_sim = std::make_unique<Mock::Simulator>();
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(m_sim->start(options).ok());
    }

    void cleanupTestCase()
    {
        m_sim.reset();
        m_listener.reset();
    }

    // --- 1. Host and Origin

    void hostHeader_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QByteArray>("host"); // PORT stands for the server's port
        QTest::addColumn<int>("expected");
        for (const QString server : {QStringLiteral("simulator"), QStringLiteral("listener")}) {
            auto row = [&](const char* name, const QByteArray& host, int expected) {
                QTest::newRow(qPrintable(server + QLatin1String(": ") + QLatin1String(name)))
                    << server << host << expected;
            };
            row("127.0.0.1:PORT", "127.0.0.1:PORT", 200);
            row("localhost:PORT", "localhost:PORT", 200);
            row("LocalHost:PORT (names are case-blind)", "LocalHost:PORT", 200);
            row("[::1]:PORT", "[::1]:PORT", 200);
            row("DNS rebinding name", "evil.example:PORT", 421);
            row("foreign name, no port", "evil.example", 421);
            row("loopback, other port", "127.0.0.1:1", 421);
            row("loopback without the port", "127.0.0.1", 421);
            row("userinfo trick", "127.0.0.1:PORT@evil.example", 421);
            row("bare IPv6", "::1:PORT", 421);
            row("missing", QByteArray(), 400);
        }
    }

    void hostHeader()
    {
        QFETCH(QString, server);
        QFETCH(QByteArray, host);
        QFETCH(int, expected);
        const bool sim = server == QLatin1String("simulator");
        const quint16 port = sim ? simPort() : listenerPort();
        host.replace("PORT", QByteArray::number(port));
        // The admin API's reads (what a rebinding page wants) and a listener callback page.
        const QByteArray target = sim ? "/__mock/pending" : "/callback/auth?code=c&state=s";
        const QByteArray r = raw(port, "GET", target, host);
        QVERIFY2(status(r) == expected, r.constData());
        if (expected == 421) {
            QVERIFY2(r.startsWith("HTTP/1.1 421 Misdirected Request\r\n"), r.constData());
            QVERIFY(!bodyOf(r).startsWith('[')); // no list of pending requests
        }
        // Either way the server goes on serving.
        QCOMPARE(
            TestSupport::http("GET", (sim ? m_sim->baseUrl() : m_listener->baseUrl()) + QString::fromLatin1(target))
                .status,
            200);
    }

    void whatQNetworkAccessManagerSends()
    {
        // The console, the CLI and the tests reach our servers through QNetworkAccessManager: whatever Host it
        // sends for each loopback spelling must pass the guard.
        QTcpServer capture;
        QVERIFY(capture.listen(QHostAddress::LocalHost, 0));
        QByteArray seen;
        connect(&capture, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* s = capture.nextPendingConnection();
            connect(s, &QTcpSocket::readyRead, s, [s, &seen] {
                seen += s->readAll();
                if (seen.contains("\r\n\r\n")) {
                    s->write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
                    s->disconnectFromHost();
                }
            });
        });
        (void)TestSupport::http("GET", QStringLiteral("http://127.0.0.1:%1/x").arg(capture.serverPort()));
        const qsizetype at = seen.indexOf("\r\nHost: ");
        QVERIFY2(at > 0, seen.constData());
        const QByteArray host = seen.mid(at + 8, seen.indexOf("\r\n", at + 2) - at - 8);
        QCOMPARE(host, "127.0.0.1:" + QByteArray::number(capture.serverPort()));
        Net::RequestGuard guard;
        guard.bind(QHostAddress::LocalHost, capture.serverPort(), false);
        QVERIFY(guard.allowsHost(host));
        // And the real servers answer it for each spelling the console uses.
        QCOMPARE(
            TestSupport::http("GET", QStringLiteral("http://localhost:%1/__mock/personas").arg(simPort())).status, 200);
        QCOMPARE(TestSupport::http("GET", m_sim->baseUrl() + QStringLiteral("/__mock/personas")).status, 200);
    }

    void crossSiteAdminPostIsRefused()
    {
        // The attack: a text/plain POST from another site's page. It must neither answer nor take effect.
        const QString id = pendingLogin(QStringLiteral("csrf"));
        QVERIFY(!id.isEmpty());
        const QByteArray approve = "{\"id\":\"" + id.toLatin1() + "\"}";
        const quint16 port = simPort();
        QByteArray r = raw(port, "POST", "/__mock/approve", local(port),
            {"Origin: http://evil.example", "Content-Type: text/plain"}, approve);
        QCOMPARE(status(r), 403);
        r = raw(port, "POST", "/__mock/approve", local(port),
            {"Origin: http://evil.example", "Content-Type: application/json"}, approve);
        QCOMPARE(status(r), 403);
        r = raw(
            port, "POST", "/__mock/approve", local(port), {"Origin: null", "Content-Type: application/json"}, approve);
        QCOMPARE(status(r), 403);
        // Our own origin on another port is another site too.
        r = raw(port, "POST", "/__mock/approve", local(port),
            {"Origin: http://127.0.0.1:" + QByteArray::number(port + 1), "Content-Type: application/json"}, approve);
        QCOMPARE(status(r), 403);
        // No Origin (not a browser) but not JSON: 415, as a cross-site form or text/plain fetch would get.
        r = raw(port, "POST", "/__mock/approve", local(port), {"Content-Type: text/plain"}, approve);
        QCOMPARE(status(r), 415);
        QVERIFY2(bodyOf(r).contains("application/json"), r.constData());
        r = raw(port, "POST", "/%5F%5Fmock/approve", local(port), {"Content-Type: application/x-www-form-urlencoded"},
            approve);
        QCOMPARE(status(r), 415); // percent-encoding the path does not get around it
        r = raw(port, "POST", "/__mock/faults", local(port), {}, "{\"failNext\":5}");
        QCOMPARE(status(r), 415);
        QCOMPARE(m_sim->request(id)->status, QStringLiteral("pending"));

        // Plain JSON without an Origin (curl, the CLI, the console) is served; nothing is decided by it here.
        r = raw(port, "POST", "/__mock/approve", local(port), {"Content-Type: application/json"}, "{\"id\":\"none\"}");
        QVERIFY2(status(r) == 404, r.constData());
        // The same page's own scripts (same origin), with JSON and its parameters, are served.
        r = raw(port, "POST", "/__mock/approve", local(port),
            {"Origin: http://127.0.0.1:" + QByteArray::number(port), "Content-Type: Application/JSON; charset=utf-8"},
            approve);
        QVERIFY2(status(r) == 200, r.constData());
        QCOMPARE(m_sim->request(id)->status, QStringLiteral("approved"));
    }

    void listenerRefusalsAreKept()
    {
        QSignalSpy received(m_listener.get(), &Callback::CallbackListener::callbackReceived);
        const quint16 port = listenerPort();
        QCOMPARE(status(raw(port, "POST", "/callback/profile", "evil.example:" + QByteArray::number(port),
                     {"Content-Type: application/json"}, "{}")),
            421);
        QCOMPARE(m_listener->records().last().errorCode, QStringLiteral("foreign-host"));
        QCOMPARE(status(raw(port, "POST", "/callback/profile", local(port),
                     {"Origin: https://evil.example", "Content-Type: application/json"}, "{}")),
            403);
        QCOMPARE(m_listener->records().last().errorCode, QStringLiteral("foreign-origin"));
        QCOMPARE(received.count(), 2);
    }

    void publicNames()
    {
        // A tunnel forwards with its own Host; the listener answers to it once told, at once and without restart.
        const quint16 port = listenerPort();
        const QByteArray target = "/callback/auth?code=c&state=s";
        QCOMPARE(status(raw(port, "GET", target, "abc.tunnel.example")), 421);
        m_listener->setPublicNames({Net::RequestGuard::publicNameOf(QStringLiteral("https://ABC.tunnel.example/"))});
        QCOMPARE(status(raw(port, "GET", target, "abc.tunnel.example")), 200);
        QCOMPARE(status(raw(port, "GET", target, "abc.tunnel.example:8443")), 200); // no port named: any
        QCOMPARE(status(raw(port, "GET", target, "abc.tunnel.example.evil.example")), 421);
        m_listener->setPublicNames({QStringLiteral("abc.tunnel.example:8443")});
        QCOMPARE(status(raw(port, "GET", target, "abc.tunnel.example:8443")), 200);
        QCOMPARE(status(raw(port, "GET", target, "abc.tunnel.example:9443")), 421);
        QCOMPARE(
            status(raw(port, "GET", target, "abc.tunnel.example:8443", {"Origin: https://abc.tunnel.example:8443"})),
            200);
        m_listener->setPublicNames({});
        QCOMPARE(status(raw(port, "GET", target, "abc.tunnel.example:8443")), 421);

        QCOMPARE(Net::RequestGuard::publicNameOf(QStringLiteral("http://[::1]:9000/cb")), QStringLiteral("[::1]:9000"));
        QVERIFY(Net::RequestGuard::checkPublicName(QStringLiteral("abc.tunnel.example")).ok());
        QVERIFY(Net::RequestGuard::checkPublicName(QStringLiteral("[::1]:8080")).ok());
        QVERIFY(!Net::RequestGuard::checkPublicName(QStringLiteral("https://abc.example/")).ok());
        QVERIFY(!Net::RequestGuard::checkPublicName(QStringLiteral("a b")).ok());
        QVERIFY(!Net::RequestGuard::checkPublicName(QStringLiteral("abc.example:99999")).ok());
    }

    void publicNameOnTheCommandLine()
    {
        // iamsmart mock and iamsmart listen take --public-name; a bad one is a usage error naming the option.
        for (const QString command : {QStringLiteral("mock"), QStringLiteral("listen")}) {
            QStringList args {command, QStringLiteral("--public-name"), QStringLiteral("tunnel.example")};
            if (command == QLatin1String("mock"))
                args << QStringLiteral("--state-dir") << m_dir.filePath(QStringLiteral("cli-state"));
            QProcess p;
            p.start(TestSupport::iamsmartBinary(), args);
            QVERIFY(p.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(p.canReadLine(), 20000);
            const QString base
                = QJsonDocument::fromJson(p.readLine()).object().value(QStringLiteral("baseUrl")).toString();
            const quint16 port = portOf(base);
            QVERIFY2(port != 0, qPrintable(base));
            const QByteArray target = command == QLatin1String("mock") ? "/__mock/personas" : "/callback/auth?code=c";
            QCOMPARE(status(raw(port, "GET", target, "tunnel.example")), 200);
            QCOMPARE(status(raw(port, "GET", target, "evil.example")), 421);
            QCOMPARE(status(raw(port, "GET", target, local(port))), 200);
            ::kill(pid_t(p.processId()), SIGTERM);
            QVERIFY(p.waitForFinished(10000));

            QStringList bad {command, QStringLiteral("--public-name"), QStringLiteral("https://tunnel.example/")};
            const auto refused = TestSupport::run(TestSupport::iamsmartBinary(), bad);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains("--public-name"), refused.err.constData());
        }
    }

    void httpsListenerChecksHostToo()
    {
        Callback::CallbackListener tls;
        Callback::ListenerOptions options;
        options.https = true;
        QVERIFY(tls.start(options).ok());
        const quint16 port = portOf(tls.baseUrl());
        auto exchange = [port](const QByteArray& host) {
            QSslSocket s;
            s.setPeerVerifyMode(QSslSocket::VerifyNone); // the listener's own self-signed certificate
            s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            QElapsedTimer handshake; // the server runs on this thread: spin the event loop, never block
            handshake.start();
            while (!s.isEncrypted() && handshake.elapsed() < 10000)
                QTest::qWait(5);
            if (!s.isEncrypted())
                return QByteArray("no TLS: ") + s.errorString().toUtf8();
            s.write("GET /callback/auth?code=c&state=s HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            QByteArray got;
            QElapsedTimer t;
            t.start();
            while (t.elapsed() < 10000 && s.state() == QAbstractSocket::ConnectedState) {
                QTest::qWait(5);
                got += s.readAll();
            }
            return got + s.readAll();
        };
        QByteArray r = exchange("evil.example");
        QVERIFY2(status(r) == 421, r.constData());
        r = exchange("127.0.0.1:" + QByteArray::number(port));
        QVERIFY2(status(r) == 200, r.constData());
    }

    // --- 2. Redirect URIs as parsed URLs

    void devClientRedirects_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("why");
        QTest::newRow("loopback, any port")
            << QStringLiteral("http://127.0.0.1:40123/callback/auth") << true << QString();
        QTest::newRow("with a query") << QStringLiteral("http://127.0.0.1:5/cb?x=1") << true << QString();
        QTest::newRow("localhost") << QStringLiteral("http://localhost:5/") << true << QString();
        QTest::newRow("IPv6 loopback") << QStringLiteral("http://[::1]:5/cb") << true << QString();
        QTest::newRow("registered host, any path") << QStringLiteral("https://rp.example.hk/a/b") << true << QString();
        QTest::newRow("userinfo (the issue's bypass)")
            << QStringLiteral("http://127.0.0.1:1@evil.example/cb") << false << QStringLiteral("user information");
        QTest::newRow("empty userinfo") << QStringLiteral("http://@127.0.0.1:5/cb") << false
                                        << QStringLiteral("user information");
        QTest::newRow("fragment") << QStringLiteral("http://127.0.0.1:5/cb#x") << false << QStringLiteral("fragment");
        QTest::newRow("backslash") << QStringLiteral("http://evil.example\\@127.0.0.1:5/") << false
                                   << QStringLiteral("backslash");
        QTest::newRow("dot segments") << QStringLiteral("http://127.0.0.1:5/cb/../x") << false
                                      << QStringLiteral("dot segments");
        QTest::newRow("loopback-looking name")
            << QStringLiteral("http://127.0.0.1.evil.example:5/cb") << false << QStringLiteral("not registered");
        QTest::newRow("any port is for loopback only")
            << QStringLiteral("https://rp.example.hk:8443/cb") << false << QStringLiteral("not registered");
        QTest::newRow("wrong scheme for the pattern")
            << QStringLiteral("https://localhost:5/cb") << false << QStringLiteral("not registered");
    }

    void devClientRedirects()
    {
        QFETCH(QString, uri);
        QFETCH(bool, allowed);
        QFETCH(QString, why);
        const auto checked = m_sim->clients().devClient().checkRedirect(uri);
        QVERIFY2(
            checked.ok() == allowed, qPrintable(checked.ok() ? QStringLiteral("allowed") : checked.error().detail));
        if (!allowed)
            QVERIFY2(checked.error().detail.contains(why), qPrintable(checked.error().detail));

        // Over HTTP: the browser door (getQR) and an initiate request answer D20008 for a refused redirectURI.
        Protocol::QrParams q;
        q.clientId = m_sim->clients().devClient().clientId;
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = uri;
        q.scope = QStringLiteral("eidapi_auth");
        q.state = QStringLiteral("redir");
        const auto page
            = TestSupport::http("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(m_sim->baseUrl(), q)));
        QCOMPARE(page.status, allowed ? 303 : 400);
        if (!allowed) {
            QVERIFY2(page.body.contains("D20008"), page.body.constData());
            TestSupport::SimulatorClient client(*m_sim);
            QVERIFY(client.fetchKey());
            const Protocol::ApiSpec* api
                = Protocol::ApiCatalog::builtin().api(QStringLiteral("anonymous.eme.initiate"));
            QVERIFY(api);
            QJsonObject body = api->mockValues();
            static int unique = 0;
            body.insert(QStringLiteral("businessID"), QStringLiteral("redir-%1").arg(++unique));
            body.insert(QStringLiteral("redirectURI"), uri);
            const auto reply = client.call(api->id, body);
            QCOMPARE(reply.envelope.code, QStringLiteral("D20008"));
        }
    }

    void configClientsMatchExactly()
    {
        QCOMPARE(TestSupport::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                          QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                                          QStringLiteral("-keyout"), QStringLiteral("rp.key"), QStringLiteral("-out"),
                                          QStringLiteral("rp.crt"), QStringLiteral("-days"), QStringLiteral("1"),
                                          QStringLiteral("-subj"), QStringLiteral("/CN=rp")},
                     {}, m_dir.path())
                     .exitCode,
            0);
        auto config = [&](const QString& name, const QJsonArray& redirects) {
            const QJsonObject o {{QStringLiteral("clients"),
                QJsonArray {
                    QJsonObject {{QStringLiteral("clientID"), QStringLiteral("rp000000000000000000000000000001")},
                        {QStringLiteral("clientSecret"), QStringLiteral("rp-secret")},
                        {QStringLiteral("kekCertificate"), QStringLiteral("rp.crt")},
                        {QStringLiteral("redirectURIs"), redirects}}}}};
            QFile f(m_dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(QJsonDocument(o).toJson());
            return f.fileName();
        };
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        {
            // Seed 002 A12: exact URLs, no wildcard. A pattern is refused when the config loads.
            Mock::Simulator sim;
            options.configFile = config(QStringLiteral("wild.json"), {QStringLiteral("https://rp.example/*")});
            const auto started = sim.start(options);
            QVERIFY(!started.ok());
            QCOMPARE(started.error().code, QStringLiteral("bad-config"));
            QVERIFY2(
                started.error().detail.contains(QStringLiteral("redirectURIs[0]")), qPrintable(started.error().detail));
            options.configFile = config(QStringLiteral("userinfo.json"), {QStringLiteral("https://a@rp.example/cb")});
            QVERIFY(!sim.start(options).ok());
        }
        Mock::Simulator sim;
        options.configFile = config(QStringLiteral("exact.json"), {QStringLiteral("https://rp.example/cb")});
        QVERIFY(sim.start(options).ok());
        const Mock::RegisteredClient* rp = sim.clients().find(QStringLiteral("rp000000000000000000000000000001"));
        QVERIFY(rp);
        QVERIFY(!rp->wildcards);
        QVERIFY(rp->allowsRedirect(QStringLiteral("https://rp.example/cb")));
        QVERIFY(rp->allowsRedirect(QStringLiteral("https://RP.example:443/cb"))); // the same URL, parsed
        QVERIFY(!rp->allowsRedirect(QStringLiteral("https://rp.example/cb/x")));
        QVERIFY(!rp->allowsRedirect(QStringLiteral("https://rp.example/cb?x=1")));
        QVERIFY(!rp->allowsRedirect(QStringLiteral("https://rp.example:8443/cb")));
        QVERIFY(!rp->allowsRedirect(QStringLiteral("http://rp.example/cb")));
        QVERIFY(!rp->allowsRedirect(QStringLiteral("https://rp.example@evil.example/cb")));
        QVERIFY(!rp->allowsRedirect(QStringLiteral("https://rp.example/cb#top")));
        QVERIFY(!rp->allowsRedirect(QStringLiteral("https://rp.example/x/../cb")));
        QVERIFY(rp->checkRedirect(QStringLiteral("javascript:alert(1)"))
                    .error()
                    .detail.contains(QStringLiteral("not an absolute URL")));
    }

    void gatewayUsesTheSameMatcher()
    {
        const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(QStringLiteral("gateway.auth"));
        QVERIFY(api);
        const Mock::RegisteredClient& dev = m_sim->clients().devClient();
        auto post = [&](const QString& redirect) {
            QJsonObject body = api->mockValues();
            body.insert(QStringLiteral("redirect"), redirect);
            return TestSupport::http("POST", m_sim->baseUrl() + api->path, QJsonDocument(body).toJson(),
                {{"x-client-id", dev.clientId.toUtf8()}, {"x-client-secret", dev.clientSecret},
                    {"Content-Type", "application/json"}});
        };
        const auto refused = post(QStringLiteral("http://127.0.0.1:1@evil.example/cb"));
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.body.contains("user information"), refused.body.constData());
        QVERIFY2(refused.body.contains("redirect"), refused.body.constData());
        QCOMPARE(post(m_listener->urlFor(QStringLiteral("callback.gateway"))).status, 200);
    }

    // --- 3. No oracle in the listener

    void undecryptableCallbacksGetOneAnswer()
    {
        const QByteArray cek = Util::RandomSource::system().bytes(32);
        const QByteArray goodWrap = Crypto::KeyWrap::wrap(m_kek.publicKey(), cek).value();
        // A random secretKey (PKCS#1 padding fails), a PKCS#1-valid wrap of a 16-byte key (made by the openssl
        // tool), and a good wrap with a broken tag.
        const QByteArray random = Util::RandomSource::system().bytes(256).toBase64();
        const QString pub = m_dir.filePath(QStringLiteral("listener-kek.pub"));
        {
            QFile f(pub);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(m_kek.publicKey().toPem());
        }
        const auto shortWrap = TestSupport::openssl(
            {QStringLiteral("pkeyutl"), QStringLiteral("-encrypt"), QStringLiteral("-pubin"), QStringLiteral("-inkey"),
                pub, QStringLiteral("-pkeyopt"), QStringLiteral("rsa_padding_mode:pkcs1")},
            Util::RandomSource::system().bytes(16));
        QCOMPARE(shortWrap.exitCode, 0);
        QCOMPARE(shortWrap.out.size(), 256);

        const QList<QPair<QByteArray, QString>> cases {
            {callbackBody(cek, random), QStringLiteral("unwrap-failed")},
            {callbackBody(cek, shortWrap.out.toBase64()), QStringLiteral("bad-cek-length")},
            {callbackBody(cek, goodWrap, true), QStringLiteral("tag-mismatch")},
        };
        const quint16 port = listenerPort();
        QList<QByteArray> answers;
        for (const auto& c : cases) {
            const QByteArray r
                = raw(port, "POST", "/callback/profile", local(port), {"Content-Type: application/json"}, c.first);
            answers << r;
            // The reason is kept for the inspector, never sent.
            QCOMPARE(m_listener->records().last().errorCode, c.second);
            QCOMPARE(m_listener->records().last().matchStatus, Callback::Match::Undecryptable);
            QVERIFY2(!r.contains(c.second.toLatin1()), r.constData());
        }
        QVERIFY2(answers.at(0).startsWith("HTTP/1.1 400 "), answers.at(0).constData());
        QCOMPARE(answers.at(1), answers.at(0)); // byte for byte, status line, headers and body
        QCOMPARE(answers.at(2), answers.at(0));
        // The same answer for a body that is not an envelope at all, and the good callback still goes through.
        QCOMPARE(raw(port, "POST", "/callback/profile", local(port), {"Content-Type: application/json"}, "{\"x\":1}"),
            answers.at(0));
        QCOMPARE(status(raw(port, "POST", "/callback/profile", local(port), {"Content-Type: application/json"},
                     callbackBody(cek, goodWrap))),
            200);
    }

    void implicitRejection()
    {
        // A failed unwrap gives a key anyway: 32 bytes, the same for the same secretKey, and the reason aside.
        const QByteArray cek = Util::RandomSource::system().bytes(32);
        const QByteArray good = Crypto::KeyWrap::wrap(m_kek.publicKey(), cek).value();
        Util::Error failure {QStringLiteral("stale"), {}};
        QCOMPARE(Crypto::KeyWrap::unwrapOrSubstitute(m_kek, good, &failure), cek);
        QVERIFY(failure.code.isEmpty());
        const QByteArray bad = Util::RandomSource::system().bytes(256).toBase64();
        const QByteArray k1 = Crypto::KeyWrap::unwrapOrSubstitute(m_kek, bad, &failure);
        QCOMPARE(failure.code, Crypto::WrapError::DecryptFailed);
        QCOMPARE(k1.size(), 32);
        QCOMPARE(Crypto::KeyWrap::unwrapOrSubstitute(m_kek, bad, &failure), k1);
        QVERIFY(Crypto::KeyWrap::unwrapOrSubstitute(m_kek, Util::RandomSource::system().bytes(256).toBase64(), &failure)
            != k1);
    }

    // --- 5. Back-pressure

    void pipeliningWithoutReadingIsBounded()
    {
        Net::ServerLimits limits;
        Net::HttpServer server(limits);
        const QByteArray big(16 * 1024, 'x');
        server.setHandler([&big](const Net::HttpRequest& r) {
            return r.path == "/big" ? Net::HttpResponse::text(200, big) : Net::HttpResponse::text(200, "small");
        });
        QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());

        // 1,500 pipelined requests (24 MB of answers, far beyond the kernel's socket buffers), never read.
        QTcpSocket flood;
        flood.setReadBufferSize(1024); // Qt takes no more than this from the kernel for us
        flood.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(flood.waitForConnected(3000));
        const int requests = 1500;
        QByteArray burst;
        for (int i = 0; i < requests; ++i)
            burst += "GET /big HTTP/1.1\r\nHost: " + local(server.port()) + "\r\n\r\n";
        flood.write(burst);
        QTRY_VERIFY_WITH_TIMEOUT(server.readPauses() > 0, 30000);

        // Throttled, yet another client is answered at once.
        const auto other = TestSupport::http("GET", server.baseUrl() + QStringLiteral("/small"));
        QCOMPARE(other.status, 200);
        QCOMPARE(other.body, QByteArray("small"));
        QTest::qWait(300);
        const qint64 bound = limits.maxPendingOutputBytes + big.size() + 1024; // the limit plus one answer
        QVERIFY2(server.peakPendingOutputBytes() <= bound,
            qPrintable(QStringLiteral("peak %1 > %2").arg(server.peakPendingOutputBytes()).arg(bound)));
        QVERIFY(server.pendingOutputBytes() <= bound);
        QVERIFY(server.pendingOutputBytes() > 0);

        // Once the client reads, every answer arrives: the connection was paused, not dropped.
        flood.setReadBufferSize(0);
        qint64 answers = 0;
        QByteArray carry;
        const QByteArray statusLine = "HTTP/1.1 200 OK\r\n";
        auto drain = [&] {
            const QByteArray data = carry + flood.readAll();
            answers += data.count(statusLine);
            carry = data.right(statusLine.size() - 1);
            answers -= carry.count(statusLine);
        };
        QTRY_VERIFY_WITH_TIMEOUT((drain(), answers == requests), 60000);
        QVERIFY(server.peakPendingOutputBytes() <= bound);
    }

    void simulatorQrPageFloodIsBounded()
    {
        // The same against the simulator: a pipelined flood of QR page reads from a client that does not read.
        const QString id = pendingLogin(QStringLiteral("flood"));
        QVERIFY(!id.isEmpty());
        const quint16 port = simPort();
        const QByteArray request = "GET /__mock/qr/" + id.toLatin1() + " HTTP/1.1\r\nHost: " + local(port) + "\r\n\r\n";
        const qint64 answerSize = raw(port, "GET", "/__mock/qr/" + id.toLatin1(), local(port)).size();
        QVERIFY(answerSize > 1000);
        const Net::HttpServer* server = m_sim->server();
        QVERIFY(server);
        const int pausesBefore = server->readPauses();
        QTcpSocket flood;
        flood.setReadBufferSize(1024);
        flood.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(flood.waitForConnected(3000));
        flood.write(request.repeated(int(24 * 1024 * 1024 / answerSize) + 1));
        QTRY_VERIFY_WITH_TIMEOUT(server->readPauses() > pausesBefore, 60000);
        QCOMPARE(TestSupport::http("GET", m_sim->baseUrl() + QStringLiteral("/__mock/personas")).status, 200);
        const qint64 bound = server->limits().maxPendingOutputBytes + answerSize + 1024;
        QVERIFY2(server->peakPendingOutputBytes() <= bound,
            qPrintable(QStringLiteral("peak %1 > %2").arg(server->peakPendingOutputBytes()).arg(bound)));
        flood.abort();
        QTRY_COMPARE_WITH_TIMEOUT(server->pendingOutputBytes(), 0, 5000); // a dropped client frees its share
    }
};

QTEST_GUILESS_MAIN(TestServerGuard)
#include "tst_serverguard.moc"
