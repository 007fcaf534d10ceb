#include "HttpClient.h"
#include "TestSupport.h"
#include "callback/CallbackListener.h"
#include "crypto/AesGcmCipher.h"
#include "crypto/KeyWrap.h"
#include "protocol/Envelope.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Callback;

/// The callback listener over real loopback HTTP: every callback type, every bad input, matching,
/// persistence across restarts, HTTPS, and the headless `iamsmart listen`.
class TestCallbackListener : public QObject
{
    Q_OBJECT

private:
    const QByteArray cek = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    Crypto::RsaPrivateKey m_kek;
    std::unique_ptr<CallbackListener> m_listener;
    QTemporaryDir m_dir;

    const Protocol::ApiCatalog& catalog() { return Protocol::ApiCatalog::builtin(); }

    /// An encrypted callback envelope as iAM Smart sends it (content under the CEK, secretKey under the KEK).
    QByteArray envelope(
        const QJsonObject& content, bool withSecretKey = true, const QString& code = QStringLiteral("D00000"))
    {
        Protocol::ResponseEnvelope e;
        e.txID = QStringLiteral("T=test");
        e.code = code;
        e.message = QStringLiteral("SUCCESS");
        e.content = QString::fromLatin1(
            Crypto::AesGcmCipher::encrypt(cek, QJsonDocument(content).toJson(QJsonDocument::Compact)).value());
        if (withSecretKey)
            e.secretKey = QString::fromLatin1(Crypto::KeyWrap::wrap(m_kek.publicKey(), cek).value());
        return e.toJson();
    }

    TestSupport::HttpReply post(const QString& callbackId, const QByteArray& body)
    {
        return TestSupport::http("POST", m_listener->urlFor(callbackId), body);
    }

    const CallbackRecord& last() { return m_listener->records().last(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto key = Crypto::RsaPrivateKey::generate(2048);
        QVERIFY(key.ok());
        m_kek = key.value();
    }

    void init()
    {
        m_listener = std::make_unique<CallbackListener>();
        m_listener->setKekPrivateKey(m_kek);
        QVERIFY(m_listener->start().ok());
        QVERIFY(m_listener->baseUrl().startsWith(QStringLiteral("http://127.0.0.1:")));
    }

    void cleanup() { m_listener.reset(); }

    void everyPostCallback_data()
    {
        QTest::addColumn<QString>("callbackId");
        for (const auto& api : catalog().apis()) {
            if (api.kind == Protocol::ApiKind::Callback && api.method == QLatin1String("POST"))
                QTest::newRow(qPrintable(api.id)) << api.id;
        }
    }

    void everyPostCallback()
    {
        QFETCH(QString, callbackId);
        const Protocol::ApiSpec* api = catalog().api(callbackId);
        QJsonObject content = api->mockValues();
        const QString businessId = QStringLiteral("biz-") + callbackId;
        content.insert(QStringLiteral("businessID"), businessId);
        content.insert(QStringLiteral("state"), QStringLiteral("st8"));
        m_listener->expect({QStringLiteral("req-1"), QString(), callbackId, businessId, QStringLiteral("st8")});
        QSignalSpy received(m_listener.get(), &CallbackListener::callbackReceived);
        const auto reply = post(callbackId, envelope(content));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.contains("received"));
        QCOMPARE(received.count(), 1);
        const CallbackRecord& r = last();
        QCOMPARE(r.callbackId, callbackId);
        QVERIFY2(r.errorCode.isEmpty(), qPrintable(r.errorCode + r.errorDetail));
        QCOMPARE(r.content.toObject(), content);
        QCOMPARE(r.matchStatus, Match::Matched);
        QCOMPARE(r.matchedRequestId, QStringLiteral("req-1"));
        QVERIFY2(r.shapeProblems.isEmpty(), qPrintable(r.shapeProblems.join(QLatin1Char(';'))));
        QCOMPARE(r.method, QByteArray("POST"));
        QVERIFY(r.body.contains("secretKey"));
    }

    void currentCekWhenNoSecretKey()
    {
        m_listener->setCurrentCek(cek);
        m_listener->expect({QStringLiteral("r"), QString(), QString(), QStringLiteral("b1"), QStringLiteral("s1")});
        const auto reply = post(QStringLiteral("callback.reauth"),
            envelope({{QStringLiteral("businessID"), QStringLiteral("b1")},
                         {QStringLiteral("state"), QStringLiteral("s1")}, {QStringLiteral("isPassed"), true}},
                false));
        QCOMPARE(reply.status, 200);
        QCOMPARE(last().content.toObject().value(QStringLiteral("isPassed")).toBool(), true);
        QCOMPARE(last().matchStatus, Match::Matched);
    }

    void authGetCallback_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("expectText");
        QTest::addColumn<QString>("match");
        QTest::newRow("code, en") << QStringLiteral("code=0ad186353c424c64897fcc00445c9ba1&state=abc") << 0
                                  << QStringLiteral("iAM Smart login received") << Match::Matched;
        QTest::newRow("code, zh-HK") << QStringLiteral("code=c1&state=abc") << 1 << QStringLiteral("已收到智方便登入")
                                     << Match::Matched;
        QTest::newRow("error, zh-CN") << QStringLiteral("error_code=D40001&state=abc") << 2 << QStringLiteral("D40001")
                                      << Match::Matched;
        QTest::newRow("unknown state") << QStringLiteral("code=c1&state=zzz") << 0
                                       << QStringLiteral("does not match a request") << Match::UnknownState;
    }

    void authGetCallback()
    {
        QFETCH(QString, query);
        QFETCH(int, language);
        QFETCH(QString, expectText);
        QFETCH(QString, match);
        m_listener->setLanguage(Protocol::allLanguages().at(language));
        m_listener->expect({QStringLiteral("auth-1"), QStringLiteral("auth.getQR"), QStringLiteral("callback.auth"),
            QString(), QStringLiteral("abc")});
        const auto reply
            = TestSupport::http("GET", m_listener->urlFor(QStringLiteral("callback.auth")) + QLatin1Char('?') + query);
        QCOMPARE(reply.status, 200);
        QVERIFY2(QString::fromUtf8(reply.body).contains(expectText), reply.body.constData());
        QCOMPARE(last().matchStatus, match);
        QCOMPARE(last().callbackId, QStringLiteral("callback.auth"));
    }

    void directLoginGetCallback()
    {
        const auto reply = TestSupport::http(
            "GET", m_listener->urlFor(QStringLiteral("callback.directLogin")) + QStringLiteral("?code=abc&RefID=ref1"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(last().content.toObject().value(QStringLiteral("RefID")).toString(), QStringLiteral("ref1"));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        QJsonObject content {
            {QStringLiteral("businessID"), QStringLiteral("b")}, {QStringLiteral("state"), QStringLiteral("s")}};
        const QByteArray good = envelope(content);
        QJsonObject o = QJsonDocument::fromJson(good).object();

        QTest::newRow("malformed JSON") << QByteArray("{\"content\": ") << QStringLiteral("bad-json");
        QJsonObject b64 = o;
        b64.insert(QStringLiteral("content"), QStringLiteral("@@@@"));
        QTest::newRow("bad Base64") << QJsonDocument(b64).toJson() << QStringLiteral("bad-base64");
        QByteArray raw = QByteArray::fromBase64(o.value(QStringLiteral("content")).toString().toLatin1());
        QByteArray iv = raw;
        iv[3] = 16;
        QJsonObject ivo = o;
        ivo.insert(QStringLiteral("content"), QString::fromLatin1(iv.toBase64()));
        QTest::newRow("wrong IV length") << QJsonDocument(ivo).toJson() << QStringLiteral("bad-iv-length");
        QByteArray tag = raw;
        tag[tag.size() - 1] = char(tag[tag.size() - 1] ^ 1);
        QJsonObject tago = o;
        tago.insert(QStringLiteral("content"), QString::fromLatin1(tag.toBase64()));
        QTest::newRow("tag mismatch") << QJsonDocument(tago).toJson() << QStringLiteral("tag-mismatch");
        auto other = Crypto::RsaPrivateKey::generate(2048).value();
        QJsonObject wrongKey = o;
        wrongKey.insert(
            QStringLiteral("secretKey"), QString::fromLatin1(Crypto::KeyWrap::wrap(other.publicKey(), cek).value()));
        QTest::newRow("secretKey for another KEK")
            << QJsonDocument(wrongKey).toJson() << QStringLiteral("unwrap-failed");
        QTest::newRow("no code member") << QByteArray("{\"content\":\"x\"}") << QStringLiteral("not-envelope");
    }

    void badInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        QSignalSpy received(m_listener.get(), &CallbackListener::callbackReceived);
        const auto reply = post(QStringLiteral("callback.profile"), body);
        QCOMPARE(reply.status, 400);
        // One answer for every unreadable callback (no oracle); the reason is in the record only.
        QCOMPARE(reply.body, QByteArray(R"({"result":"rejected"})"));
        QCOMPARE(received.count(), 1);
        QCOMPARE(last().errorCode, error);
        QCOMPARE(last().body, body); // stored exactly as received
        QCOMPARE(last().httpStatus, 400);
        // Still serving.
        const auto again = TestSupport::http(
            "GET", m_listener->urlFor(QStringLiteral("callback.auth")) + QStringLiteral("?code=1&state=x"));
        QCOMPARE(again.status, 200);
    }

    void oversizedBodyGets413AndIsKept()
    {
        QSignalSpy received(m_listener.get(), &CallbackListener::callbackReceived);
        const quint16 port = quint16(QUrl(m_listener->baseUrl()).port());
        const QByteArray r = TestSupport::rawExchange(
            port, "POST /callback/profile HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n");
        QVERIFY2(r.startsWith("HTTP/1.1 413"), r.constData());
        QCOMPARE(received.count(), 1);
        QCOMPARE(last().httpStatus, 413);
        QCOMPARE(last().errorCode, QStringLiteral("too-large"));
        QCOMPARE(TestSupport::http("GET", m_listener->urlFor(QStringLiteral("callback.auth"))).status, 200);
    }

    void unknownPathAndWrongMethod()
    {
        QCOMPARE(TestSupport::http("POST", m_listener->baseUrl() + QStringLiteral("/nope"), "{}").status, 404);
        QCOMPARE(last().errorCode, QStringLiteral("unknown-path"));
        QCOMPARE(TestSupport::http("GET", m_listener->urlFor(QStringLiteral("callback.profile"))).status, 405);
        QCOMPARE(last().errorCode, QStringLiteral("wrong-method"));
    }

    void matching()
    {
        m_listener->expect({QStringLiteral("req-a"), QStringLiteral("auth.profile"), QStringLiteral("callback.profile"),
            QStringLiteral("biz-a"), QStringLiteral("good-state")});
        const QJsonObject wrongState {
            {QStringLiteral("businessID"), QStringLiteral("biz-a")}, {QStringLiteral("state"), QStringLiteral("evil")}};
        QCOMPARE(post(QStringLiteral("callback.profile"), envelope(wrongState)).status, 200);
        QCOMPARE(last().matchStatus, Match::StateMismatch);

        const QJsonObject right {{QStringLiteral("businessID"), QStringLiteral("biz-a")},
            {QStringLiteral("state"), QStringLiteral("good-state")}};
        const QByteArray body = envelope(right);
        QCOMPARE(post(QStringLiteral("callback.profile"), body).status, 200);
        QCOMPARE(last().matchStatus, Match::Matched);
        QCOMPARE(post(QStringLiteral("callback.profile"), body).status, 200); // exact replay
        QCOMPARE(last().matchStatus, Match::Duplicate);
        QCOMPARE(post(QStringLiteral("callback.profile"), envelope(right)).status, 200); // second delivery
        QCOMPARE(last().matchStatus, Match::Duplicate);

        const QJsonObject stranger {
            {QStringLiteral("businessID"), QStringLiteral("who")}, {QStringLiteral("state"), QStringLiteral("x")}};
        QCOMPARE(post(QStringLiteral("callback.profile"), envelope(stranger)).status, 200);
        QCOMPARE(last().matchStatus, Match::UnknownBusinessId);
        QCOMPARE(last().content.toObject().value(QStringLiteral("businessID")).toString(), QStringLiteral("who"));
    }

    void shapeProblemsAreFlagged()
    {
        const QJsonObject missingState {
            {QStringLiteral("businessID"), QStringLiteral("b")}, {QStringLiteral("hashCode"), 12}};
        QCOMPARE(post(QStringLiteral("callback.sign"), envelope(missingState)).status, 200);
        QVERIFY(!last().shapeProblems.isEmpty());
        QVERIFY2(last().shapeProblems.join(QLatin1Char(' ')).contains(QStringLiteral("hashCode")),
            qPrintable(last().shapeProblems.join(QLatin1Char(' '))));
    }

    void historySurvivesRestart()
    {
        const QString dir = m_dir.filePath(QStringLiteral("history"));
        m_listener = std::make_unique<CallbackListener>();
        m_listener->setKekPrivateKey(m_kek);
        ListenerOptions options;
        options.historyDir = dir;
        QVERIFY(m_listener->start(options).ok());
        QCOMPARE(post(QStringLiteral("callback.reauth"),
                     envelope({{QStringLiteral("businessID"), QStringLiteral("keep-me")},
                         {QStringLiteral("state"), QStringLiteral("s")}, {QStringLiteral("isPassed"), true}}))
                     .status,
            200);
        QCOMPARE(post(QStringLiteral("callback.reauth"), "garbage").status, 400);
        m_listener.reset();

        CallbackListener again;
        QVERIFY(again.start(options).ok());
        QCOMPARE(again.records().size(), 2);
        QCOMPARE(again.records().at(0).businessId, QStringLiteral("keep-me"));
        QCOMPARE(again.records().at(0).content.toObject().value(QStringLiteral("isPassed")).toBool(), true);
        QCOMPARE(again.records().at(1).body, QByteArray("garbage"));
        QCOMPARE(again.records().at(1).errorCode, QStringLiteral("bad-json"));
    }

    void refusesWiderBindUnlessAllowed()
    {
        CallbackListener l;
        ListenerOptions options;
        options.address = QHostAddress::AnyIPv4;
        const auto status = l.start(options);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("not-loopback"));
    }

    void https()
    {
        CallbackListener l;
        ListenerOptions options;
        options.https = true;
        QVERIFY(l.start(options).ok());
        QVERIFY(l.baseUrl().startsWith(QStringLiteral("https://127.0.0.1:")));
        QVERIFY(l.certificatePem().startsWith("-----BEGIN CERTIFICATE-----"));
        const auto reply = TestSupport::http(
            "GET", l.urlFor(QStringLiteral("callback.auth")) + QStringLiteral("?code=1&state=2"), {}, {}, true);
        QVERIFY2(reply.status == 200, qPrintable(reply.error));
        QCOMPARE(l.records().size(), 1);
    }

    void headlessListenPrintsDecryptedCallbacks()
    {
        // Everything from the command line: a KEK made by openssl, content from `iamsmart encrypt`,
        // secretKey from `iamsmart wrap-key`, delivered with curl, printed by `iamsmart listen`.
        const QString dir = m_dir.path();
        QCOMPARE(TestSupport::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                          QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                                          QStringLiteral("-keyout"), QStringLiteral("kek.key"), QStringLiteral("-out"),
                                          QStringLiteral("kek.crt"), QStringLiteral("-days"), QStringLiteral("1"),
                                          QStringLiteral("-subj"), QStringLiteral("/CN=listen")},
                     {}, dir)
                     .exitCode,
            0);
        const QString keyHex = QString::fromLatin1(cek.toHex());
        const QByteArray plain = R"({"businessID":"cli-1","state":"s","isPassed":true})";
        const auto enc = TestSupport::run(
            TestSupport::iamsmartBinary(), {QStringLiteral("encrypt"), QStringLiteral("--key-hex"), keyHex}, plain);
        QCOMPARE(enc.exitCode, 0);
        const auto wrapped = TestSupport::run(TestSupport::iamsmartBinary(),
            {QStringLiteral("wrap-key"), QStringLiteral("--cert"), dir + QStringLiteral("/kek.crt"),
                QStringLiteral("--key-hex"), keyHex});
        QCOMPARE(wrapped.exitCode, 0);

        QProcess listen;
        listen.start(TestSupport::iamsmartBinary(),
            {QStringLiteral("listen"), QStringLiteral("--kek-key"), dir + QStringLiteral("/kek.key")});
        QVERIFY(listen.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(listen.canReadLine(), 10000);
        const QJsonObject ready = QJsonDocument::fromJson(listen.readLine()).object();
        const QString base = ready.value(QStringLiteral("baseUrl")).toString();
        QVERIFY2(base.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(base));
        const QString path
            = ready.value(QStringLiteral("callbacks")).toObject().value(QStringLiteral("callback.reauth")).toString();
        QCOMPARE(path, QStringLiteral("/callback/reauth"));

        const QByteArray body = "{\"txID\":\"T=1\",\"code\":\"D00000\",\"message\":\"SUCCESS\",\"content\":\""
            + enc.out.trimmed() + "\",\"secretKey\":\"" + wrapped.out.trimmed() + "\"}";
        const auto curl = TestSupport::run(QStringLiteral("curl"),
            {QStringLiteral("-sS"), QStringLiteral("-X"), QStringLiteral("POST"), QStringLiteral("-H"),
                QStringLiteral("Content-Type: application/json"), QStringLiteral("--data-binary"), QStringLiteral("@-"),
                base + path},
            body);
        QCOMPARE(curl.exitCode, 0);
        QVERIFY2(curl.out.contains("received"), curl.out.constData());
        QTRY_VERIFY_WITH_TIMEOUT(listen.canReadLine(), 10000);
        const QJsonObject line = QJsonDocument::fromJson(listen.readLine()).object();
        QCOMPARE(line.value(QStringLiteral("content")).toObject().value(QStringLiteral("businessID")).toString(),
            QStringLiteral("cli-1"));
        QCOMPARE(line.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(line.value(QStringLiteral("path")).toString(), path);
        QCOMPARE(line.value(QStringLiteral("body")).toString().toUtf8(), body);
        QCOMPARE(line.value(QStringLiteral("matchStatus")).toString(), Match::UnknownBusinessId);

        ::kill(pid_t(listen.processId()), SIGTERM);
        QVERIFY(listen.waitForFinished(10000));
        QCOMPARE(listen.exitStatus(), QProcess::NormalExit);
        QCOMPARE(listen.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCallbackListener)
#include "tst_callbacklistener.moc"
