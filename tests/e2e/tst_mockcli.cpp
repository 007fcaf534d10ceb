#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>

using TestSupport::run;

/// `iamsmart mock` headless, driven by a client that knows only the ready line: curl for HTTP and the
/// `iamsmart` subcommands for signing, encryption and key unwrapping.
class TestMockCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_mock;
    QJsonObject m_ready;

    QJsonObject client() const { return m_ready.value(QStringLiteral("client")).toObject(); }
    QString base() const { return m_ready.value(QStringLiteral("baseUrl")).toString(); }

    QByteArray cli(const QStringList& args, const QByteArray& input = {})
    {
        const auto r = run(TestSupport::iamsmartBinary(), args, input, m_dir.path());
        if (r.exitCode != 0)
            qWarning() << args << r.err;
        return r.out.trimmed();
    }

    QByteArray curl(const QStringList& args, const QByteArray& input = {})
    {
        const auto r = run(QStringLiteral("curl"), QStringList{QStringLiteral("-sS")} + args, input);
        return r.out;
    }

    /// A signed POST of exactly `body`, as curl sends it.
    QJsonObject signedPost(const QString& path, const QByteArray& body)
    {
        const QJsonObject s = QJsonDocument::fromJson(cli({QStringLiteral("sign"), QStringLiteral("--client-id"),
                                                           client().value(QStringLiteral("clientID")).toString(),
                                                           QStringLiteral("--secret"),
                                                           client().value(QStringLiteral("clientSecret")).toString(),
                                                           QStringLiteral("--body-file"), QStringLiteral("-")},
                                                          body))
                                  .object();
        const QByteArray out = curl({QStringLiteral("-X"), QStringLiteral("POST"), base() + path,
                                     QStringLiteral("-H"), QStringLiteral("clientID: ") + client().value(QStringLiteral("clientID")).toString(),
                                     QStringLiteral("-H"), QStringLiteral("signatureMethod: HmacSHA256"),
                                     QStringLiteral("-H"), QStringLiteral("timestamp: ") + s.value(QStringLiteral("timestamp")).toString(),
                                     QStringLiteral("-H"), QStringLiteral("nonce: ") + s.value(QStringLiteral("nonce")).toString(),
                                     QStringLiteral("-H"), QStringLiteral("signature: ") + s.value(QStringLiteral("signatureHeader")).toString(),
                                     QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                                     QStringLiteral("--data-binary"), QStringLiteral("@-")},
                                    body);
        return QJsonDocument::fromJson(out).object();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_mock.start(TestSupport::iamsmartBinary(),
                     {QStringLiteral("mock"), QStringLiteral("--state-dir"), m_dir.filePath(QStringLiteral("state"))});
        QVERIFY(m_mock.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_mock.canReadLine(), 20000);
        const QByteArray line = m_mock.readLine();
        m_ready = QJsonDocument::fromJson(line).object();
        QVERIFY2(base().startsWith(QStringLiteral("http://127.0.0.1:")), line.constData());
        QCOMPARE(m_ready.value(QStringLiteral("mode")).toString(), QStringLiteral("strict"));
        QCOMPARE(m_ready.value(QStringLiteral("stateDir")).toString(), m_dir.filePath(QStringLiteral("state")));
        QVERIFY(QFile::exists(client().value(QStringLiteral("kekCertificate")).toString()));
        QVERIFY(QFile::exists(client().value(QStringLiteral("kekPrivateKey")).toString()));
        QVERIFY(!client().value(QStringLiteral("redirectURIs")).toArray().isEmpty());
    }

    void getKeyThenGetTokenWithCurl()
    {
        // getKey, signed over the empty body, then the CEK unwrapped with the printed private key.
        const QJsonObject key = signedPost(QStringLiteral("/api/v1/security/getKey"), QByteArray());
        QCOMPARE(key.value(QStringLiteral("code")).toString(), QStringLiteral("D00000"));
        const QByteArray secretKey = key.value(QStringLiteral("content")).toObject().value(QStringLiteral("secretKey")).toString().toLatin1();
        const QString cek = QString::fromLatin1(cli({QStringLiteral("unwrap-key"), QStringLiteral("--private-key"),
                                                     client().value(QStringLiteral("kekPrivateKey")).toString(),
                                                     QStringLiteral("--in"), QStringLiteral("-")},
                                                    secretKey));
        QCOMPARE(cek.size(), 64);

        // A browser login, approved on the phone through the admin API.
        const QString url = QString::fromLatin1(cli({QStringLiteral("qr-url"), QStringLiteral("--base-url"), base(),
                                                     QStringLiteral("--client-id"), client().value(QStringLiteral("clientID")).toString(),
                                                     QStringLiteral("--redirect-uri"), QStringLiteral("http://127.0.0.1:9/callback/auth"),
                                                     QStringLiteral("--scope"), QStringLiteral("eidapi_auth"), QStringLiteral("--state"),
                                                     QStringLiteral("s1")}));
        QVERIFY(curl({QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{http_code}"), url}) == "303");
        const QJsonArray pending = QJsonDocument::fromJson(curl({base() + QStringLiteral("/__mock/pending")})).array();
        QCOMPARE(pending.size(), 1);
        const QJsonObject approved = QJsonDocument::fromJson(
                                         curl({QStringLiteral("-X"), QStringLiteral("POST"), base() + QStringLiteral("/__mock/approve"),
                                               QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                                               QStringLiteral("--data-binary"), QStringLiteral("@-")},
                                              QJsonDocument(QJsonObject{{QStringLiteral("id"), pending.first().toObject().value(QStringLiteral("id"))}})
                                                  .toJson()))
                                         .object();
        const QString code = QUrlQuery(QUrl(approved.value(QStringLiteral("redirect")).toString())).queryItemValue(QStringLiteral("code"));
        QVERIFY(!code.isEmpty());

        // getToken, encrypted with `iamsmart encrypt` and signed over the wrapper.
        const QByteArray plain = QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                                           {QStringLiteral("grantType"), QStringLiteral("authorization_code")}})
                                     .toJson(QJsonDocument::Compact);
        const QByteArray blob = cli({QStringLiteral("encrypt"), QStringLiteral("--key-hex"), cek}, plain);
        const QJsonObject token = signedPost(QStringLiteral("/api/v1/auth/getToken"), "{\"content\":\"" + blob + "\"}");
        QCOMPARE(token.value(QStringLiteral("code")).toString(), QStringLiteral("D00000"));
        const QByteArray content = cli({QStringLiteral("decrypt"), QStringLiteral("--key-hex"), cek},
                                       token.value(QStringLiteral("content")).toString().toLatin1());
        const QJsonObject t = QJsonDocument::fromJson(content).object();
        QCOMPARE(t.value(QStringLiteral("tokenType")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(t.value(QStringLiteral("accessToken")).toString().size(), 32);
        QVERIFY(!t.value(QStringLiteral("openID")).toString().isEmpty());
    }

    void usageErrors()
    {
        const auto bad = run(TestSupport::iamsmartBinary(), {QStringLiteral("mock"), QStringLiteral("--mode"), QStringLiteral("lenient")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("--mode"));
        const auto config = run(TestSupport::iamsmartBinary(), {QStringLiteral("mock"), QStringLiteral("--state-dir"),
                                                                 m_dir.filePath(QStringLiteral("s2")), QStringLiteral("--config"),
                                                                 QStringLiteral("/nonexistent.json")});
        QCOMPARE(config.exitCode, 2);
        QVERIFY(config.err.contains("--config"));
    }

    /// Sandbox mode with a subscription key answers as the Cyberport sandbox's gateway does: 401 without it.
    void sandboxSubscriptionKey()
    {
        QProcess mock;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("IAMSMART_MOCK_SUBSCRIPTION_KEY"), QStringLiteral("sub-key-0f3a"));
        mock.setProcessEnvironment(env);
        mock.start(TestSupport::iamsmartBinary(), {QStringLiteral("mock"), QStringLiteral("--mode"),
                                                      QStringLiteral("sandbox"), QStringLiteral("--state-dir"),
                                                      m_dir.filePath(QStringLiteral("sandbox"))});
        QVERIFY(mock.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(mock.canReadLine(), 20000);
        const QString sandbox = QJsonDocument::fromJson(mock.readLine()).object().value(QStringLiteral("baseUrl")).toString();
        auto getKey = [&](const QStringList& headers) {
            QStringList args {QStringLiteral("-w"), QStringLiteral("\n%{http_code}"), QStringLiteral("-X"),
                QStringLiteral("POST"), sandbox + QStringLiteral("/api/v1/security/getKey"), QStringLiteral("-H"),
                QStringLiteral("Content-Type: application/json"), QStringLiteral("--data-binary"), QStringLiteral("{}")};
            for (const QString& h : headers)
                args << QStringLiteral("-H") << h;
            return curl(args);
        };
        const QByteArray missing = getKey({});
        QVERIFY2(missing.endsWith("\n401"), missing.constData());
        QVERIFY(missing.contains("missing subscription key"));
        const QByteArray wrong = getKey({QStringLiteral("Ocp-Apim-Subscription-Key: sub-key-0f3b")});
        QVERIFY2(wrong.endsWith("\n401"), wrong.constData());
        QVERIFY(wrong.contains("invalid subscription key"));
        const QByteArray right = getKey({QStringLiteral("Ocp-Apim-Subscription-Key: sub-key-0f3a")});
        QVERIFY2(right.endsWith("\n200") && right.contains("\"D00000\""), right.constData());
        // (The third answer shows the server kept serving after the refusals.)
        ::kill(pid_t(mock.processId()), SIGTERM);
        QVERIFY(mock.waitForFinished(10000));

        // Strict mode signs instead: the key is refused there, naming the option.
        QProcess strict;
        strict.setProcessEnvironment(env);
        strict.start(TestSupport::iamsmartBinary(), {QStringLiteral("mock"), QStringLiteral("--state-dir"),
                                                        m_dir.filePath(QStringLiteral("strict2"))});
        QVERIFY(strict.waitForFinished(20000));
        QCOMPARE(strict.exitCode(), 2);
        QVERIFY(strict.readAllStandardError().contains("--subscription-key"));
    }

    void cleanupTestCase()
    {
        ::kill(pid_t(m_mock.processId()), SIGTERM);
        QVERIFY(m_mock.waitForFinished(10000));
        QCOMPARE(m_mock.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_mock.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMockCli)
#include "tst_mockcli.moc"
