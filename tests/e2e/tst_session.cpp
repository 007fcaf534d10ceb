#include "SimulatorFixture.h"
#include "HttpClient.h"
#include "flows/Report.h"
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
        m_sim = TestSupport::startSimulator(m_dir);
        QVERIFY(m_sim);
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
        auto imported = EnvironmentStore::importFrom(exported);
        QVERIFY(imported.ok());
        QVERIFY(imported->id != QStringLiteral("staging"));
        QVERIFY(Environment::isValidId(imported->id));
        QCOMPARE(imported->name, e.name);
    }

    void pathTraversalIdsAreRefused()
    {
        // A victim file outside the store that a "../" id would reach.
        QTemporaryDir root;
        const QString storeDir = root.filePath(QStringLiteral("a/b/envs"));
        QVERIFY(QDir().mkpath(storeDir));
        const QString victim = root.filePath(QStringLiteral("a/x.json"));
        {
            QFile f(victim);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"keep\":true}");
        }
        EnvironmentStore store(storeDir);
        Environment e;
        e.name = QStringLiteral("evil");
        e.baseUrl = QStringLiteral("https://a.example");
        for (const QString& id : {QStringLiteral("../x"), QStringLiteral("../../a/x"), QStringLiteral("a/b"),
                 QStringLiteral("a.b"), QString(), QString(65, QLatin1Char('a')), QStringLiteral("\u00e9t\u00e9")}) {
            e.id = id;
            const auto saved = store.save(e);
            QVERIFY2(!saved.ok(), qPrintable(id));
            QCOMPARE(saved.error().code, QStringLiteral("bad-environment"));
            QVERIFY(!store.remove(id).ok());
        }
        QVERIFY(!store.remove(QStringLiteral("../x")).ok());
        QVERIFY(QFile::exists(victim));
        QCOMPARE(QDir(storeDir).entryList(QDir::Files).size(), 0);
        QVERIFY(Environment::isValidId(QString(64, QLatin1Char('a'))));
        QVERIFY(Environment::isValidId(QStringLiteral("env-A_9")));

        // fromJson refuses such ids, naming the field.
        const auto parsed = Environment::fromJson(
            QJsonDocument::fromJson("{\"id\":\"../../x\",\"name\":\"n\",\"baseUrl\":\"https://a.b\"}").object());
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().detail.startsWith(QStringLiteral("id")));

        // An import with a hostile id gets a fresh one, and saving it stays inside the store.
        const QString file = root.filePath(QStringLiteral("import.json"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"id\":\"../x\",\"name\":\"n\",\"baseUrl\":\"https://a.b\"}");
        }
        const auto imported = EnvironmentStore::importFrom(file);
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().detail));
        QVERIFY(imported->id.startsWith(QStringLiteral("env-")));
        QVERIFY(store.save(imported.value()).ok());
        QVERIFY(QFile::exists(QDir(storeDir).filePath(imported->id + QStringLiteral(".json"))));
        QVERIFY(store.remove(imported->id).ok());
        QVERIFY(!QFile::exists(QDir(storeDir).filePath(imported->id + QStringLiteral(".json"))));
        // Two imports of the same file are two environments.
        QVERIFY(EnvironmentStore::importFrom(file)->id != imported->id);
        QVERIFY(QFile::exists(victim));
    }

    void reportKeepsPercentEncodedUrls()
    {
        // Each line of the HTML report is built with one multi-argument arg(): "%2F" in a URL or body is text,
        // never a placeholder for a later number.
        Flows::FlowSpec flow;
        flow.id = QStringLiteral("login");
        Flows::FlowResult result;
        result.passed = true;
        result.startedAt = 1000;
        result.finishedAt = 1234;
        Exchange e;
        e.apiId = QStringLiteral("auth.getQR");
        e.request.method = "GET";
        e.request.url = "http://127.0.0.1:1/api/v1/auth/getQR?redirectURI=http%3A%2F%2F127.0.0.1%3A9%2Fcb%1";
        e.httpStatus = 302;
        e.latencyMs = 7;
        e.responseBody = "{\"next\":\"%2F%3%10\"}";
        Environment env = Environment::builtins().at(2);
        env.baseUrl = QStringLiteral("https://gw.example/a%2Fb");
        const QString html = QString::fromUtf8(
            Flows::Report::html(flow, result, {e}, env, Protocol::Language::English, QStringLiteral("9.9")));
        QVERIFY2(html.contains(QStringLiteral("redirectURI=http%3A%2F%2F127.0.0.1%3A9%2Fcb%1")), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("HTTP 302 (7 ms)")));
        QVERIFY(html.contains(QStringLiteral("%2F%3%10")));
        QVERIFY(html.contains(QStringLiteral("https://gw.example/a%2Fb")));
        QVERIFY(html.contains(QStringLiteral("234 ms")));
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
