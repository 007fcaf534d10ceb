#include "HttpClient.h"
#include "mock/Simulator.h"
#include "protocol/UrlBuilder.h"
#include "session/ConsoleSession.h"
#include "session/Environment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Session;

/// Environments (plain files, never a secret) and the session façade against the real simulator.
class TestSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;

    Environment localEnvironment() const
    {
        Environment e = Environment::builtins().first();
        e.baseUrl = m_sim->baseUrl();
        e.clientId = m_sim->clients().devClient().clientId;
        return e;
    }

    Exchange sendAndWait(ConsoleSession& session, const QString& apiId, const QJsonObject& body)
    {
        auto prepared = session.prepare(*Protocol::ApiCatalog::builtin().api(apiId), body);
        if (!prepared)
            return Exchange {};
        QSignalSpy finished(&session, &ConsoleSession::exchangeFinished);
        const QString id = session.send(apiId, prepared.value(), 10000);
        finished.wait(15000);
        return *session.exchange(id);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<Mock::Simulator>();
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(m_sim->start(options).ok());
    }

    void builtinsAreThere()
    {
        const auto list = Environment::builtins();
        QCOMPARE(list.size(), 4);
        QCOMPARE(list.at(0).kind, Environment::Kind::LocalStrict);
        QCOMPARE(list.at(2).baseUrl, QStringLiteral("https://test-eidapi-cyberport.azure-api.net/authentication"));
        QVERIFY(list.at(2).usesSubscriptionKey);
        QVERIFY(!list.at(2).encrypted);
        QVERIFY(list.at(3).encrypted);
    }

    void storeSavesExportsAndImportsWithoutSecrets()
    {
        EnvironmentStore store(m_dir.filePath(QStringLiteral("envs")));
        Environment e;
        e.id = QStringLiteral("staging");
        e.name = QStringLiteral("My staging");
        e.baseUrl = QStringLiteral("https://staging.example.hk/iam");
        e.clientId = QStringLiteral("abc");
        QVERIFY(store.save(e).ok());
        const auto loaded = store.load();
        QCOMPARE(loaded.size(), 5);
        QCOMPARE(loaded.last().baseUrl, e.baseUrl);
        QVERIFY(!store.save(Environment::builtins().first()).ok());

        const QString exported = m_dir.filePath(QStringLiteral("staging-export.json"));
        QVERIFY(EnvironmentStore::exportTo(e, exported).ok());
        QFile f(exported);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.contains("ecret"));
        auto imported = EnvironmentStore::importFrom(exported, {QStringLiteral("staging")});
        QVERIFY(imported.ok());
        QVERIFY(imported->id != QStringLiteral("staging"));
        QCOMPARE(imported->name, e.name);
    }

    void badEnvironmentFilesNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("no id") << QByteArray("{\"name\":\"x\",\"baseUrl\":\"https://a.b\"}") << QStringLiteral("id");
        QTest::newRow("no name") << QByteArray("{\"id\":\"x\",\"baseUrl\":\"https://a.b\"}") << QStringLiteral("name");
        QTest::newRow("bad url") << QByteArray("{\"id\":\"x\",\"name\":\"x\",\"baseUrl\":\"ftp://a.b\"}")
                                 << QStringLiteral("baseUrl");
        QTest::newRow("bad kind") << QByteArray(
            "{\"id\":\"x\",\"name\":\"x\",\"kind\":\"moon\",\"baseUrl\":\"https://a.b\"}")
                                  << QStringLiteral("kind");
        QTest::newRow("a secret") << QByteArray(
            "{\"id\":\"x\",\"name\":\"x\",\"baseUrl\":\"https://a.b\",\"clientSecret\":\"s\"}")
                                  << QStringLiteral("clientSecret");
    }

    void badEnvironmentFilesNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        auto e = Environment::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!e.ok());
        QCOMPARE(e.error().code, QStringLiteral("bad-environment"));
        QVERIFY2(e.error().detail.startsWith(field), qPrintable(e.error().detail));
    }

    void sessionLearnsKeyTokenAndIds()
    {
        ConsoleSession session;
        const auto& dev = m_sim->clients().devClient();
        session.setEnvironment(localEnvironment(), {dev.clientId, dev.clientSecret, {}},
            Crypto::RsaPrivateKey::fromFile(dev.kekPrivateKeyPath).value());
        // Without a CEK an encrypted API cannot even be prepared.
        auto early = session.prepare(*Protocol::ApiCatalog::builtin().api(QStringLiteral("auth.getToken")), {});
        QCOMPARE(early.error().code, QStringLiteral("no-cek"));

        QSignalSpy cekChanged(&session, &ConsoleSession::cekChanged);
        const Exchange key = sendAndWait(session, QStringLiteral("keys.getKey"), {});
        QCOMPARE(key.returnCode(), QStringLiteral("D00000"));
        QCOMPARE(key.httpStatus, 200);
        QVERIFY(key.latencyMs >= 0);
        QCOMPARE(session.cek().size(), 32);
        QVERIFY(cekChanged.count() >= 1);

        // A QR login approved on the phone; the code reaches the session as the listener would hand it over.
        Protocol::QrParams q;
        q.clientId = dev.clientId;
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = QStringLiteral("http://127.0.0.1:9/callback/auth");
        q.scope = QStringLiteral("eidapi_auth eidapi_profiles");
        QCOMPARE(
            TestSupport::http("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(m_sim->baseUrl(), q))).status,
            303);
        const QString pendingId = m_sim->pending().first().id;
        const QString redirect = m_sim->approve(pendingId).value().value(QStringLiteral("redirect")).toString();
        session.setEarned(QStringLiteral("code"), QUrlQuery(QUrl(redirect)).queryItemValue(QStringLiteral("code")));

        const Exchange token = sendAndWait(session, QStringLiteral("auth.getToken"),
            {{QStringLiteral("code"), session.earned().value(QStringLiteral("code"))},
                {QStringLiteral("grantType"), QStringLiteral("authorization_code")}});
        QCOMPARE(token.returnCode(), QStringLiteral("D00000"));
        QVERIFY(token.request.encrypted.has_value());
        QCOMPARE(token.content.toObject().value(QStringLiteral("tokenType")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(session.earned().value(QStringLiteral("accessToken")),
            token.content.toObject().value(QStringLiteral("accessToken")).toString());
        QVERIFY(!session.earned().value(QStringLiteral("openID")).isEmpty());

        const Exchange profile = sendAndWait(session, QStringLiteral("auth.profile"),
            {{QStringLiteral("businessID"), QStringLiteral("session-1")},
                {QStringLiteral("accessToken"), session.earned().value(QStringLiteral("accessToken"))},
                {QStringLiteral("openID"), session.earned().value(QStringLiteral("openID"))},
                {QStringLiteral("source"), QStringLiteral("App_Scheme")},
                {QStringLiteral("redirectURI"), QStringLiteral("http://127.0.0.1:9/callback/profile")},
                {QStringLiteral("profileFields"), QJsonArray {QStringLiteral("idNo")}}});
        QCOMPARE(profile.returnCode(), QStringLiteral("D00000"));
        QCOMPARE(session.earned().value(QStringLiteral("businessID")), QStringLiteral("session-1"));
        QCOMPARE(session.earned().value(QStringLiteral("ticketID")),
            profile.content.toObject().value(QStringLiteral("ticketID")).toString());
        QVERIFY(!session.earned().value(QStringLiteral("ticketID")).isEmpty());

        // Switching environment forgets the key and the earned values.
        session.setEnvironment(localEnvironment(), {dev.clientId, dev.clientSecret, {}});
        QVERIFY(session.cek().isEmpty());
        QVERIFY(session.earned().isEmpty());
    }

    void timeoutAndCancel()
    {
        // A server that accepts and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        Environment e = localEnvironment();
        e.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort());
        e.encrypted = false;
        ConsoleSession session;
        session.setEnvironment(e, {QStringLiteral("c"), "s", {}});
        auto prepared = session.prepare(*Protocol::ApiCatalog::builtin().api(QStringLiteral("keys.getKey")), {});
        QVERIFY(prepared.ok());
        QSignalSpy finished(&session, &ConsoleSession::exchangeFinished);
        const QString slow = session.send(QStringLiteral("keys.getKey"), prepared.value(), 300);
        QVERIFY(finished.wait(5000));
        QCOMPARE(session.exchange(slow)->errorCode, QStringLiteral("timeout"));

        const QString cancelled = session.send(QStringLiteral("keys.getKey"), prepared.value(), 10000);
        QTimer::singleShot(50, &session, [&] { session.cancel(cancelled); });
        QVERIFY(finished.wait(5000));
        QCOMPARE(session.exchange(cancelled)->errorCode, QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
