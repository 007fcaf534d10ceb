#include "HttpClient.h"
#include "SimulatorClient.h"
#include "TestSupport.h"
#include "callback/CallbackListener.h"
#include "mock/Simulator.h"
#include "protocol/Links.h"
#include "protocol/UrlBuilder.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::http;

/// The simulator end to end over real loopback HTTP, with the core client code and the callback listener:
/// key fetch, QR login, token, profile and the other phone flows, and one row per strict-mode code.
class TestSimulator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;
    std::unique_ptr<Callback::CallbackListener> m_listener;
    std::unique_ptr<TestSupport::SimulatorClient> m_client;
    int m_counter = 0;

    QString unique(const QString& prefix) { return prefix + QString::number(++m_counter); }

    QJsonObject adminPost(const QString& route, const QJsonObject& body, int expectStatus = 200)
    {
        const auto r
            = http("POST", m_sim->baseUrl() + QStringLiteral("/__mock/") + route, QJsonDocument(body).toJson());
        if (r.status != expectStatus)
            qWarning() << "admin" << route << r.status << r.body;
        return QJsonDocument::fromJson(r.body).object();
    }

    QJsonObject onlyPending(const QString& kind)
    {
        const auto r = http("GET", m_sim->baseUrl() + QStringLiteral("/__mock/pending"));
        for (const QJsonValue& v : QJsonDocument::fromJson(r.body).array()) {
            if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
                return v.toObject();
        }
        return {};
    }

    /// getQR → approve on the phone → the browser follows the redirect to the listener → getToken.
    QJsonObject login(const QString& scope, const QString& persona = {})
    {
        const QString state = unique(QStringLiteral("st"));
        m_listener->expect({state, QStringLiteral("auth.getQR"), QStringLiteral("callback.auth"), QString(), state});
        Protocol::QrParams q;
        q.clientId = m_client->clientId();
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = m_listener->urlFor(QStringLiteral("callback.auth"));
        q.scope = scope;
        q.lang = QStringLiteral("en-US");
        q.state = state;
        const auto qr = http("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(m_sim->baseUrl(), q)));
        if (qr.status != 303)
            return {};
        QByteArray location;
        for (const auto& h : qr.headers) {
            if (h.first.compare("Location", Qt::CaseInsensitive) == 0)
                location = h.second;
        }
        const auto page = http("GET", m_sim->baseUrl() + QString::fromUtf8(location));
        if (page.status != 200 || !page.body.contains("More info"))
            return {};
        const QJsonObject pending = onlyPending(QStringLiteral("auth"));
        const QJsonObject approved = adminPost(QStringLiteral("approve"),
            {{QStringLiteral("id"), pending.value(QStringLiteral("id"))}, {QStringLiteral("persona"), persona}});
        const QString redirect = approved.value(QStringLiteral("redirect")).toString();
        if (http("GET", redirect).status != 200 || m_listener->records().last().matchStatus != Callback::Match::Matched)
            return {};
        // The QR page now sends the browser on too.
        const auto after = http("GET", m_sim->baseUrl() + QString::fromUtf8(location));
        if (after.status != 302)
            return {};
        const QString code = QUrlQuery(QUrl(redirect)).queryItemValue(QStringLiteral("code"));
        const auto token = m_client->call(QStringLiteral("auth.getToken"),
            {{QStringLiteral("code"), code}, {QStringLiteral("grantType"), QStringLiteral("authorization_code")}});
        if (token.envelope.code != QLatin1String("D00000"))
            return {};
        QJsonObject out = token.content;
        out.insert(QStringLiteral("code"), code);
        return out;
    }

    QJsonObject profileBody(const QJsonObject& token, const QString& businessId, const QString& state)
    {
        return {{QStringLiteral("businessID"), businessId},
            {QStringLiteral("accessToken"), token.value(QStringLiteral("accessToken"))},
            {QStringLiteral("openID"), token.value(QStringLiteral("openID"))},
            {QStringLiteral("source"), QStringLiteral("PC_Browser")},
            {QStringLiteral("redirectURI"), m_listener->urlFor(QStringLiteral("callback.profile"))},
            {QStringLiteral("state"), state},
            {QStringLiteral("profileFields"), QJsonArray {QStringLiteral("idNo"), QStringLiteral("enName")}}};
    }

    /// Initiates `apiId` with its catalog mock body (overridden with a fresh businessID, the token, and the
    /// listener as redirectURI), decides it on the phone, and returns the callback the listener received.
    Callback::CallbackRecord phoneFlow(const QString& apiId, const QJsonObject& token, const QString& route,
        const QString& persona = {}, const QJsonObject& overrides = {})
    {
        const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(apiId);
        QJsonObject body = api->mockValues();
        const QString businessId = unique(QStringLiteral("flow"));
        body.insert(QStringLiteral("businessID"), businessId);
        body.insert(QStringLiteral("state"), QStringLiteral("flowstate"));
        body.insert(QStringLiteral("source"), QStringLiteral("PC_Browser"));
        body.insert(QStringLiteral("redirectURI"), m_listener->urlFor(api->callbackId));
        if (body.contains(QStringLiteral("accessToken"))) {
            body.insert(QStringLiteral("accessToken"), token.value(QStringLiteral("accessToken")));
            body.insert(QStringLiteral("openID"), token.value(QStringLiteral("openID")));
        }
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            body.insert(it.key(), it.value());
        m_listener->expect({businessId, apiId, api->callbackId, businessId, QStringLiteral("flowstate")});
        const auto initiated = m_client->call(apiId, body);
        if (initiated.envelope.code != QLatin1String("D00000")) {
            qWarning() << apiId << initiated.raw;
            return {};
        }
        const QJsonObject pending = onlyPending(api->phoneKind);
        const qsizetype before = m_listener->records().size();
        QJsonObject decision {{QStringLiteral("id"), pending.value(QStringLiteral("id"))}};
        if (!persona.isEmpty())
            decision.insert(QStringLiteral("persona"), persona);
        adminPost(route, decision);
        QElapsedTimer t;
        t.start();
        while (m_listener->records().size() == before && t.elapsed() < 10000)
            QTest::qWait(10);
        return m_listener->records().size() > before ? m_listener->records().last() : Callback::CallbackRecord {};
    }

    QString writeFile(const QString& name, const QByteArray& data)
    {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(data);
        return f.fileName();
    }

    static QByteArray b64(const QJsonObject& o, const char* field)
    {
        return QByteArray::fromBase64(o.value(QLatin1String(field)).toString().toLatin1());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<Mock::Simulator>();
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        const auto started = m_sim->start(options);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_client = std::make_unique<TestSupport::SimulatorClient>(*m_sim);
        m_listener = std::make_unique<Callback::CallbackListener>();
        m_listener->setKekPrivateKey(m_client->kek());
        QVERIFY(m_listener->start().ok());
        QVERIFY(m_client->fetchKey());
        QCOMPARE(m_client->cek().size(), 32);
    }

    void devClientIsReusedAcrossStarts()
    {
        Mock::Simulator again;
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(again.start(options).ok());
        QCOMPARE(again.clients().devClient().clientId, m_sim->clients().devClient().clientId);
        QCOMPARE(QFileInfo(again.clients().devClient().kekPrivateKeyPath).permissions()
                & (QFile::ReadGroup | QFile::ReadOther),
            QFileDevice::Permissions());
    }

    void aSimulatorGoneDuringItsFirstStartLetsTheKeysFinish()
    {
        // A window closed while the keys are being made: the simulator waits for the worker, so no thread is
        // still inside OpenSSL while the process exits (that crashed the console's first start on close).
        QTemporaryDir dir;
        Mock::SimulatorOptions options;
        options.stateDir = dir.filePath(QStringLiteral("state"));
        options.prepareInBackground = true;
        options.prepareAfterMs = -1;
        QString kekPath;
        {
            Mock::Simulator sim;
            QVERIFY(sim.start(options).ok());
            kekPath = sim.clients().devClient().kekPrivateKeyPath;
            sim.startPreparing();
            QVERIFY(!sim.isPrepared());
        }
        QVERIFY(QFile::exists(kekPath));
        QVERIFY(QFile::exists(QDir(options.stateDir).filePath(QStringLiteral("ca/mock-ca.key"))));
    }

    void firstStartInBackgroundHoldsRequestsUntilTheKeysAreMade()
    {
        QTemporaryDir dir;
        Mock::SimulatorOptions options;
        options.stateDir = dir.filePath(QStringLiteral("state"));
        options.prepareInBackground = true;
        Mock::Simulator sim;
        QSignalSpy progress(&sim, &Mock::Simulator::preparationProgress);
        QSignalSpy prepared(&sim, &Mock::Simulator::prepared);
        QVERIFY(sim.start(options).ok());
        // Listening at once, with the dev client's id and secret, but no KEK yet.
        QVERIFY(!sim.isPrepared());
        QVERIFY(!sim.baseUrl().isEmpty());
        const Mock::RegisteredClient dev = sim.clients().devClient();
        QVERIFY(!dev.clientId.isEmpty());
        QVERIFY(dev.kek.isNull());
        QVERIFY(!QFile::exists(dev.kekPrivateKeyPath));
        // getKey needs the KEK: sent now, it waits for the keys and then succeeds.
        Protocol::BuildOptions o;
        o.baseUrl = sim.baseUrl();
        o.credentials = {dev.clientId, dev.clientSecret, {}};
        o.timestamp = QDateTime::currentMSecsSinceEpoch();
        o.nonce = Util::NonceGenerator().next();
        const auto getKey = Protocol::RequestEnvelope::build(
            *Protocol::ApiCatalog::builtin().api(QStringLiteral("keys.getKey")), {}, o);
        QVERIFY(getKey.ok());
        const auto reply = http(getKey->method, QString::fromUtf8(getKey->url), getKey->body, getKey->headers, false,
            300000);
        QCOMPARE(reply.status, 200);
        const auto envelope = Protocol::ResponseEnvelope::parse(reply.body);
        QVERIFY(envelope.ok());
        QCOMPARE(envelope->code, QStringLiteral("D00000"));
        QVERIFY(sim.isPrepared());
        QCOMPARE(prepared.count(), 1);
        QCOMPARE(prepared.first().first().toString(), QString());
        QVERIFY(progress.count() >= 2);
        QCOMPARE(progress.last().at(0).toInt(), progress.last().at(1).toInt()); // all done
        // The secret key is wrapped for the KEK that was made, which is kept 0600 (and the signing keys too).
        auto kek = Crypto::RsaPrivateKey::fromFile(sim.clients().devClient().kekPrivateKeyPath);
        QVERIFY(kek.ok());
        const auto cek = Crypto::KeyWrap::unwrap(
            kek.value(), envelope->content.toObject().value(QLatin1String("secretKey")).toString().toLatin1());
        QVERIFY(cek.ok());
        QCOMPARE(cek->size(), 32);
        QCOMPARE(QFileInfo(dev.kekPrivateKeyPath).permissions() & (QFile::ReadGroup | QFile::ReadOther),
            QFileDevice::Permissions());
        QCOMPARE(QFileInfo(QFileInfo(sim.caCertificatePath()).dir().filePath(QStringLiteral("mock-ca.key")))
                .permissions()
                & (QFile::ReadGroup | QFile::ReadOther),
            QFileDevice::Permissions());
        // The next start finds everything: prepared at once, same client, same KEK.
        Mock::Simulator again;
        QVERIFY(again.start(options).ok());
        QVERIFY(again.isPrepared());
        QCOMPARE(again.clients().devClient().clientId, dev.clientId);
        QCOMPARE(again.clients().devClient().kek.toPem(), sim.clients().devClient().kek.toPem());
    }

    void signingKeysAreMadeOnFirstUseOnly()
    {
        QTemporaryDir dir;
        Mock::SimulatorOptions options;
        options.stateDir = dir.filePath(QStringLiteral("state"));
        Mock::Simulator sim;
        QVERIFY(sim.start(options).ok());
        QVERIFY(sim.isPrepared());
        QVERIFY(!sim.clients().devClient().kek.isNull()); // the KEK every encrypted call needs is there
        const QString ca = QDir(options.stateDir).filePath(QStringLiteral("ca/mock-ca.crt"));
        QVERIFY(!QFile::exists(ca)); // the CA and persona keys wait for the first signature
        QCOMPARE(sim.caCertificatePath(), ca);
        QVERIFY(QFile::exists(ca));
    }

    void getKeyReturnsTheSameKeyUntilRevoked()
    {
        const QByteArray first = m_client->cek();
        QVERIFY(m_client->fetchKey());
        QCOMPARE(m_client->cek(), first);
    }

    void loginThenProfileEndToEnd()
    {
        const QJsonObject token = login(QStringLiteral("eidapi_auth eidapi_profiles"));
        QVERIFY(!token.isEmpty());
        QCOMPARE(token.value(QStringLiteral("tokenType")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(token.value(QStringLiteral("userType")).toString(), QStringLiteral("sign"));
        // The code is single-use.
        const auto reuse = m_client->call(QStringLiteral("auth.getToken"),
            {{QStringLiteral("code"), token.value(QStringLiteral("code"))},
                {QStringLiteral("grantType"), QStringLiteral("authorization_code")}});
        QCOMPARE(reuse.envelope.code, QStringLiteral("D40004"));

        const QString businessId = unique(QStringLiteral("biz"));
        m_listener->expect({businessId, QStringLiteral("auth.profile"), QStringLiteral("callback.profile"), businessId,
            QStringLiteral("pstate")});
        const auto initiated
            = m_client->call(QStringLiteral("auth.profile"), profileBody(token, businessId, QStringLiteral("pstate")));
        QCOMPARE(initiated.envelope.code, QStringLiteral("D00000"));
        QVERIFY(initiated.envelope.contentIsEncrypted());
        QCOMPARE(initiated.content.value(QStringLiteral("authByQR")).toBool(), true);

        const QJsonObject pending = onlyPending(QStringLiteral("profile"));
        QCOMPARE(pending.value(QStringLiteral("businessID")).toString(), businessId);
        const qsizetype before = m_listener->records().size();
        adminPost(QStringLiteral("approve"), {{QStringLiteral("id"), pending.value(QStringLiteral("id"))}});
        QTRY_VERIFY_WITH_TIMEOUT(m_listener->records().size() > before, 10000);
        const Callback::CallbackRecord& r = m_listener->records().last();
        QCOMPARE(r.callbackId, QStringLiteral("callback.profile"));
        QVERIFY2(r.errorCode.isEmpty(), qPrintable(r.errorCode + r.errorDetail));
        QCOMPARE(r.matchStatus, Callback::Match::Matched);
        QCOMPARE(r.envelopeCode, QStringLiteral("D00000"));
        const Mock::Persona& persona = m_sim->personas().first();
        QCOMPARE(r.content.toObject().value(QStringLiteral("idNo")).toObject(),
            persona.profile.value(QStringLiteral("idNo")).toObject());
        QVERIFY(r.content.toObject().contains(QStringLiteral("enName")));
        QVERIFY(!r.content.toObject().contains(QStringLiteral("birthDate"))); // only what was asked for
        QVERIFY(r.body.contains("secretKey"));
    }

    void decisions_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("code");
        QTest::newRow("reject") << QStringLiteral("reject") << QStringLiteral("D50001");
        QTest::newRow("cancel") << QStringLiteral("cancel") << QStringLiteral("D50001");
        QTest::newRow("expire") << QStringLiteral("expire") << QStringLiteral("D50003");
    }

    void decisions()
    {
        QFETCH(QString, route);
        QFETCH(QString, code);
        const QJsonObject token = login(QStringLiteral("eidapi_auth eidapi_profiles"));
        QVERIFY(!token.isEmpty());
        const QString businessId = unique(QStringLiteral("dec"));
        m_listener->expect({businessId, QStringLiteral("auth.profile"), QStringLiteral("callback.profile"), businessId,
            QStringLiteral("d")});
        QCOMPARE(m_client->call(QStringLiteral("auth.profile"), profileBody(token, businessId, QStringLiteral("d")))
                     .envelope.code,
            QStringLiteral("D00000"));
        const qsizetype before = m_listener->records().size();
        const QJsonObject answer = adminPost(
            route, {{QStringLiteral("id"), onlyPending(QStringLiteral("profile")).value(QStringLiteral("id"))}});
        QCOMPARE(answer.value(QStringLiteral("resultCode")).toString(), code);
        QTRY_VERIFY_WITH_TIMEOUT(m_listener->records().size() > before, 10000);
        QCOMPARE(m_listener->records().last().envelopeCode, code);
        QCOMPARE(m_listener->records().last().matchStatus, Callback::Match::Matched);
        // A decided request cannot be decided again.
        const auto twice = http("POST", m_sim->baseUrl() + QStringLiteral("/__mock/approve"),
            QJsonDocument(QJsonObject {{QStringLiteral("id"), answer.value(QStringLiteral("id"))}}).toJson());
        QCOMPARE(twice.status, 409);
    }

    void loginRejectedRedirectsWithErrorCode()
    {
        const QString state = unique(QStringLiteral("rej"));
        m_listener->expect({state, QStringLiteral("auth.getQR"), QStringLiteral("callback.auth"), QString(), state});
        Protocol::QrParams q;
        q.clientId = m_client->clientId();
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = m_listener->urlFor(QStringLiteral("callback.auth"));
        q.scope = QStringLiteral("eidapi_auth");
        q.state = state;
        QCOMPARE(http("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(m_sim->baseUrl(), q))).status, 303);
        const QJsonObject answer = adminPost(QStringLiteral("reject"),
            {{QStringLiteral("id"), onlyPending(QStringLiteral("auth")).value(QStringLiteral("id"))}});
        const QString redirect = answer.value(QStringLiteral("redirect")).toString();
        QVERIFY2(redirect.contains(QStringLiteral("error_code=D40001")), qPrintable(redirect));
        QCOMPARE(http("GET", redirect).status, 200);
        QCOMPARE(m_listener->records().last().envelopeCode, QStringLiteral("D40001"));
    }

    void strictCodes_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code");
        QTest::newRow("D20001 missing field") << QStringLiteral("missing") << QStringLiteral("D20001");
        QTest::newRow("D20002 empty field") << QStringLiteral("empty") << QStringLiteral("D20002");
        QTest::newRow("D20003 invalid field") << QStringLiteral("invalid") << QStringLiteral("D20003");
        QTest::newRow("D20003 unknown clientID") << QStringLiteral("client") << QStringLiteral("D20003");
        QTest::newRow("D20004 reused nonce") << QStringLiteral("nonce") << QStringLiteral("D20004");
        QTest::newRow("D20004 older timestamp") << QStringLiteral("older") << QStringLiteral("D20004");
        QTest::newRow("D20004 timestamp in the future") << QStringLiteral("future") << QStringLiteral("D20004");
        QTest::newRow("D20005 signature method") << QStringLiteral("method") << QStringLiteral("D20005");
        QTest::newRow("D20006 bad signature") << QStringLiteral("signature") << QStringLiteral("D20006");
        QTest::newRow("D20007 unsupported source") << QStringLiteral("source") << QStringLiteral("D20007");
        QTest::newRow("D20008 unregistered redirect") << QStringLiteral("redirect") << QStringLiteral("D20008");
        QTest::newRow("D20009 unknown accessToken") << QStringLiteral("token") << QStringLiteral("D20009");
        QTest::newRow("D20010 unknown openID") << QStringLiteral("openid") << QStringLiteral("D20010");
        QTest::newRow("D20011 duplicated businessID") << QStringLiteral("business") << QStringLiteral("D20011");
        QTest::newRow("D20012 scope not granted") << QStringLiteral("scope") << QStringLiteral("D20012");
        QTest::newRow("D30004 undecryptable body") << QStringLiteral("decrypt") << QStringLiteral("D30004");
        QTest::newRow("D40004 unknown code") << QStringLiteral("code") << QStringLiteral("D40004");
    }

    void strictCodes()
    {
        QFETCH(QString, what);
        QFETCH(QString, code);
        const QJsonObject token = login(what == QLatin1String("scope") ? QStringLiteral("eidapi_auth")
                                                                       : QStringLiteral("eidapi_auth eidapi_profiles"));
        QVERIFY(!token.isEmpty());
        QJsonObject body = profileBody(token, unique(QStringLiteral("sc")), QStringLiteral("s"));
        std::function<void(Protocol::PreparedRequest&)> tweak;
        auto setHeader = [](Protocol::PreparedRequest& r, const QByteArray& name, const QByteArray& value) {
            for (auto& h : r.headers) {
                if (h.first == name)
                    h.second = value;
            }
        };
        QString api = QStringLiteral("auth.profile");
        if (what == QLatin1String("missing"))
            body.remove(QStringLiteral("businessID"));
        else if (what == QLatin1String("empty"))
            body.insert(QStringLiteral("profileFields"), QJsonArray());
        else if (what == QLatin1String("invalid"))
            body.insert(QStringLiteral("state"), QStringLiteral("has spaces"));
        else if (what == QLatin1String("source"))
            body.insert(QStringLiteral("source"), QStringLiteral("Netscape_Navigator"));
        else if (what == QLatin1String("redirect"))
            body.insert(QStringLiteral("redirectURI"), QStringLiteral("https://evil.example/cb"));
        else if (what == QLatin1String("token"))
            body.insert(QStringLiteral("accessToken"), QStringLiteral("00000000000000000000000000000000"));
        else if (what == QLatin1String("openid"))
            body.insert(QStringLiteral("openID"), QStringLiteral("ffffffffffffffffffffffffffffffff"));
        else if (what == QLatin1String("business")) {
            QCOMPARE(m_client->call(api, body).envelope.code, QStringLiteral("D00000"));
        } else if (what == QLatin1String("code")) {
            api = QStringLiteral("auth.getToken");
            body = {{QStringLiteral("code"), QStringLiteral("nosuchcode")},
                {QStringLiteral("grantType"), QStringLiteral("authorization_code")}};
        } else if (what == QLatin1String("client")) {
            tweak = [&](Protocol::PreparedRequest& r) { setHeader(r, "clientID", "0123456789abcdef0123456789abcdef"); };
        } else if (what == QLatin1String("method")) {
            tweak = [&](Protocol::PreparedRequest& r) { setHeader(r, "signatureMethod", "HmacSHA1"); };
        } else if (what == QLatin1String("signature")) {
            tweak = [&](Protocol::PreparedRequest& r) {
                setHeader(r, "signature", "AAAA" + r.header("signature").mid(4));
            };
        } else if (what == QLatin1String("future")) {
            tweak = [&](Protocol::PreparedRequest& r) {
                setHeader(r, "timestamp", QByteArray::number(r.header("timestamp").toLongLong() + 10 * 60'000));
                m_client->resign(r);
            };
        } else if (what == QLatin1String("older")) {
            tweak = [&](Protocol::PreparedRequest& r) {
                setHeader(r, "timestamp", QByteArray::number(r.header("timestamp").toLongLong() - 60'000));
                m_client->resign(r);
            };
        } else if (what == QLatin1String("decrypt")) {
            tweak = [&](Protocol::PreparedRequest& r) {
                r.body = "{\"content\":\"AAAADAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}";
                m_client->resign(r);
            };
        }
        QByteArray sentNonce;
        if (what == QLatin1String("nonce")) {
            auto first
                = m_client->call(api, body, [&](Protocol::PreparedRequest& r) { sentNonce = r.header("nonce"); });
            QCOMPARE(first.envelope.code, QStringLiteral("D00000"));
            body.insert(QStringLiteral("businessID"), unique(QStringLiteral("nonce")));
            tweak = [&](Protocol::PreparedRequest& r) {
                setHeader(r, "nonce", sentNonce);
                m_client->resign(r);
            };
        }
        const auto reply = m_client->call(api, body, tweak);
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.envelope.code == code, reply.raw.constData());
        QVERIFY(!reply.envelope.message.isEmpty());
        if (code == QLatin1String("D20006"))
            QVERIFY(reply.envelope.extra.value(QStringLiteral("debug"))
                        .toObject()
                        .contains(QStringLiteral("stringToSign")));
        // Field errors name the field.
        const QHash<QString, QString> field {{QStringLiteral("missing"), QStringLiteral("businessID")},
            {QStringLiteral("empty"), QStringLiteral("profileFields")},
            {QStringLiteral("invalid"), QStringLiteral("state")}, {QStringLiteral("source"), QStringLiteral("source")},
            {QStringLiteral("redirect"), QStringLiteral("evil.example")}};
        if (field.contains(what))
            QVERIFY2(reply.envelope.message.contains(field.value(what)), qPrintable(reply.envelope.message));
    }

    void hashSigningVerifiesWithOpenssl_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("SHA256withRSA") << QStringLiteral("SHA256withRSA");
        QTest::newRow("NONEwithRSA") << QStringLiteral("NONEwithRSA");
    }

    void hashSigningVerifiesWithOpenssl()
    {
        QFETCH(QString, algorithm);
        const QJsonObject token = login(QStringLiteral("eidapi_auth eidapi_sign"));
        QVERIFY(!token.isEmpty());
        const Mock::Persona& signer = m_sim->personas().first();
        const QByteArray hash = QCryptographicHash::hash("the contract", QCryptographicHash::Sha256);
        const auto r = phoneFlow(QStringLiteral("signing.sign"), token, QStringLiteral("approve"), signer.id,
            {{QStringLiteral("hashCode"), QString::fromLatin1(hash.toBase64())}, {QStringLiteral("sigAlgo"), algorithm},
                {QStringLiteral("HKICHash"),
                    QString::fromLatin1(
                        QCryptographicHash::hash(signer.hkicIdentification.toUtf8(), QCryptographicHash::Sha256)
                            .toBase64())}});
        QCOMPARE(r.envelopeCode, QStringLiteral("D00000"));
        QCOMPARE(r.matchStatus, Callback::Match::Matched);
        const QJsonObject c = r.content.toObject();
        QCOMPARE(b64(c, "hashCode"), hash);
        QVERIFY(c.value(QStringLiteral("timestamp")).toDouble() > 0);
        const QString dir = m_dir.path();
        writeFile(QStringLiteral("cert.der"), b64(c, "cert"));
        writeFile(QStringLiteral("sig.bin"), b64(c, "signature"));
        writeFile(QStringLiteral("data.bin"), hash);
        QCOMPARE(TestSupport::openssl(
                     {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                         QStringLiteral("cert.der"), QStringLiteral("-out"), QStringLiteral("cert.pem")},
                     {}, dir)
                     .exitCode,
            0);
        QCOMPARE(TestSupport::openssl({QStringLiteral("x509"), QStringLiteral("-in"), QStringLiteral("cert.pem"),
                                          QStringLiteral("-pubkey"), QStringLiteral("-noout"), QStringLiteral("-out"),
                                          QStringLiteral("pub.pem")},
                     {}, dir)
                     .exitCode,
            0);
        const auto chain = TestSupport::openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"),
                                                    m_sim->caCertificatePath(), QStringLiteral("cert.pem")},
            {}, dir);
        QVERIFY2(chain.exitCode == 0, (chain.out + chain.err).constData());
        // openssl checks the signature over data.bin: dgst for SHA256withRSA, raw PKCS#1 for NONEwithRSA.
        const QStringList check = algorithm == QLatin1String("SHA256withRSA")
            ? QStringList {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"),
                QStringLiteral("pub.pem"), QStringLiteral("-signature"), QStringLiteral("sig.bin"),
                QStringLiteral("data.bin")}
            : QStringList {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                QStringLiteral("-inkey"), QStringLiteral("pub.pem"), QStringLiteral("-in"), QStringLiteral("data.bin"),
                QStringLiteral("-sigfile"), QStringLiteral("sig.bin"), QStringLiteral("-pkeyopt"),
                QStringLiteral("rsa_padding_mode:pkcs1")};
        const auto verified = TestSupport::openssl(check, {}, dir);
        QVERIFY2(verified.exitCode == 0, (verified.out + verified.err).constData());
        // Altered data must not verify.
        writeFile(QStringLiteral("data.bin"), QCryptographicHash::hash("another contract", QCryptographicHash::Sha256));
        const auto altered = TestSupport::openssl(check, {}, dir);
        QVERIFY(altered.exitCode != 0);
    }

    void pdfSigningVerifiesWithOpensslCms()
    {
        const QJsonObject token = login(QStringLiteral("eidapi_auth eidapi_sign"));
        QVERIFY(!token.isEmpty());
        // docDigest is the SHA-256 of a prepared PDF's byte ranges; the CMS carries it as messageDigest.
        const QByteArray ranges = "%PDF-1.7 byte ranges";
        const QByteArray digest = QCryptographicHash::hash(ranges, QCryptographicHash::Sha256);
        const Mock::Persona& signer = m_sim->personas().first();
        const QString hkicHash = QString::fromLatin1(
            QCryptographicHash::hash(signer.hkicIdentification.toUtf8(), QCryptographicHash::Sha256).toBase64());
        const auto r = phoneFlow(QStringLiteral("signing.pdfSign"), token, QStringLiteral("approve"), signer.id,
            {{QStringLiteral("docDigest"), QString::fromLatin1(digest.toBase64())},
                {QStringLiteral("HKICHash"), hkicHash}});
        QCOMPARE(r.envelopeCode, QStringLiteral("D00000"));
        const QJsonObject c = r.content.toObject();
        QCOMPARE(b64(c, "docDigest"), digest);
        writeFile(QStringLiteral("pdfsig.der"), b64(c, "pdfSignature"));
        writeFile(QStringLiteral("ranges.bin"), ranges);
        const QStringList verify {QStringLiteral("cms"), QStringLiteral("-verify"), QStringLiteral("-binary"),
            QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"), QStringLiteral("pdfsig.der"),
            QStringLiteral("-content"), QStringLiteral("ranges.bin"), QStringLiteral("-CAfile"),
            m_sim->caCertificatePath(), QStringLiteral("-out"), QStringLiteral("/dev/null")};
        const auto verified = TestSupport::openssl(verify, {}, m_dir.path());
        QVERIFY2(verified.exitCode == 0, (verified.out + verified.err).constData());
        // The signed attributes of a PDF signer, the persona's certificate and the mock CA.
        const auto dump = TestSupport::openssl(
            {QStringLiteral("cms"), QStringLiteral("-cmsout"), QStringLiteral("-print"), QStringLiteral("-inform"),
                QStringLiteral("DER"), QStringLiteral("-in"), QStringLiteral("pdfsig.der")},
            {}, m_dir.path());
        QCOMPARE(dump.exitCode, 0);
        for (const char* attribute : {"contentType", "signingTime", "messageDigest", "eContent: <ABSENT>"})
            QVERIFY2(dump.out.contains(attribute), attribute);
        QVERIFY(dump.out.contains("CN=iAM Smart Mock CA"));
        QVERIFY(dump.out.contains(("CN=" + signer.displayName.en()).toUtf8()));
        // Other content does not verify.
        writeFile(QStringLiteral("ranges.bin"), "%PDF-1.7 other byte ranges");
        QVERIFY(TestSupport::openssl(verify, {}, m_dir.path()).exitCode != 0);
    }

    void signingRefusals_data()
    {
        QTest::addColumn<bool>("plainPersona");
        QTest::addColumn<QString>("code");
        QTest::newRow("iAM Smart (not +) cannot sign") << true << QStringLiteral("D70004");
        QTest::newRow("HKIC hash of someone else") << false << QStringLiteral("D70005");
    }

    void signingRefusals()
    {
        QFETCH(bool, plainPersona);
        QFETCH(QString, code);
        QString persona;
        for (const Mock::Persona& p : m_sim->personas()) {
            if (p.canSign() != plainPersona) {
                persona = p.id;
                break;
            }
        }
        QVERIFY(!persona.isEmpty());
        const QJsonObject token = login(QStringLiteral("eidapi_auth eidapi_sign"), persona);
        QVERIFY(!token.isEmpty());
        const auto r = phoneFlow(QStringLiteral("signing.sign"), token, QStringLiteral("approve"), persona,
            {{QStringLiteral("HKICHash"),
                QString::fromLatin1(QCryptographicHash::hash("Z999999", QCryptographicHash::Sha256).toBase64())}});
        QCOMPARE(r.envelopeCode, code);
        QCOMPARE(r.matchStatus, Callback::Match::Matched);
    }

    void formFillingAndReauthentication_data()
    {
        QTest::addColumn<QString>("apiId");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("expectField");
        QTest::newRow("e-ME") << QStringLiteral("formfilling.eme") << QStringLiteral("eidapi_auth eidapi_formFilling")
                              << QStringLiteral("enName");
        QTest::newRow("re-authentication")
            << QStringLiteral("reauth.stepup") << QStringLiteral("eidapi_auth eidapi_fr") << QStringLiteral("isPassed");
        QTest::newRow("bulk signing (modelled)")
            << QStringLiteral("signing.bulkSign") << QStringLiteral("eidapi_auth eidapi_bulksign")
            << QStringLiteral("documents");
    }

    void formFillingAndReauthentication()
    {
        QFETCH(QString, apiId);
        QFETCH(QString, scope);
        QFETCH(QString, expectField);
        const QJsonObject token = login(scope);
        QVERIFY(!token.isEmpty());
        const auto r = phoneFlow(apiId, token, QStringLiteral("approve"));
        QCOMPARE(r.envelopeCode, QStringLiteral("D00000"));
        QCOMPARE(r.matchStatus, Callback::Match::Matched);
        QVERIFY2(r.content.toObject().contains(expectField), QJsonDocument(r.content.toObject()).toJson().constData());
        QVERIFY2(r.shapeProblems.isEmpty(), qPrintable(r.shapeProblems.join(QLatin1Char(';'))));
    }

    void anonymousFlows_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("anonymous form filling") << QStringLiteral("anonymous.eme");
        QTest::newRow("anonymous signing") << QStringLiteral("anonymous.sign");
        QTest::newRow("anonymous PDF signing") << QStringLiteral("anonymous.pdfSign");
    }

    void anonymousFlows()
    {
        QFETCH(QString, prefix);
        const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(prefix + QStringLiteral(".initiate"));
        QVERIFY(api);
        QJsonObject body = api->mockValues();
        const QString businessId = unique(QStringLiteral("anon"));
        body.insert(QStringLiteral("businessID"), businessId);
        body.insert(QStringLiteral("state"), QStringLiteral("anonstate"));
        body.insert(QStringLiteral("redirectURI"), m_listener->urlFor(api->callbackId));
        body.remove(QStringLiteral("HKICHash"));
        m_listener->expect({businessId, api->id, api->callbackId, businessId, QStringLiteral("anonstate")});
        const auto initiated = m_client->call(api->id, body);
        QCOMPARE(initiated.envelope.code, QStringLiteral("D00000"));
        const QString ticket = initiated.content.value(QStringLiteral("ticketID")).toString();
        QVERIFY(!ticket.isEmpty());
        const auto early
            = m_client->call(prefix + QStringLiteral(".getResult"), {{QStringLiteral("businessID"), businessId}});
        QCOMPARE(early.envelope.code, QStringLiteral("D20000"));

        // The browser is sent to getQR with the ticket; the page shows it and waits.
        Protocol::QrParams q;
        q.clientId = m_client->clientId();
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = m_listener->urlFor(QStringLiteral("callback.auth"));
        q.scope = api->scope;
        q.state = QStringLiteral("anonstate");
        q.ticketId = ticket;
        const auto redirected = http("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(m_sim->baseUrl(), q)));
        QCOMPARE(redirected.status, 303);
        QByteArray location;
        for (const auto& h : redirected.headers) {
            if (h.first.compare("Location", Qt::CaseInsensitive) == 0)
                location = h.second;
        }
        // The QR page shows the same app link the console and the flow runner build (Protocol::Links).
        const QString link = Protocol::Links::appLink(api, ticket, body);
        QVERIFY(link.contains(QStringLiteral("source=App_Scheme")));
        const QString page = QString::fromUtf8(http("GET", m_sim->baseUrl() + QString::fromUtf8(location)).body);
        QVERIFY2(page.contains(QStringLiteral("<code>%1</code>").arg(link.toHtmlEscaped())), qPrintable(page.left(600)));

        const qsizetype before = m_listener->records().size();
        const QJsonObject answer = adminPost(QStringLiteral("approve"),
            {{QStringLiteral("id"), onlyPending(api->phoneKind).value(QStringLiteral("id"))}});
        QVERIFY(answer.value(QStringLiteral("redirect")).toString().contains(businessId));
        QTRY_VERIFY_WITH_TIMEOUT(m_listener->records().size() > before, 10000);
        QCOMPARE(m_listener->records().last().envelopeCode, QStringLiteral("D00000"));
        QCOMPARE(m_listener->records().last().matchStatus, Callback::Match::Matched);

        const auto result
            = m_client->call(prefix + QStringLiteral(".getResult"), {{QStringLiteral("businessID"), businessId}});
        QCOMPARE(result.envelope.code, QStringLiteral("D00000"));
        QCOMPARE(result.content.value(QStringLiteral("businessID")).toString(), businessId);
        QCOMPARE(result.content, m_listener->records().last().content.toObject());
    }

    void failedDeliveryIsRetried()
    {
        const QJsonObject token = login(QStringLiteral("eidapi_auth eidapi_fr"));
        QVERIFY(!token.isEmpty());
        m_sim->setFaults(1, 0);
        const qsizetype attempts = m_sim->deliveries().size();
        const auto r = phoneFlow(QStringLiteral("reauth.stepup"), token, QStringLiteral("approve"));
        QTRY_VERIFY_WITH_TIMEOUT(m_sim->deliveries().size() >= attempts + 2, 10000);
        QCOMPARE(m_sim->deliveries().at(attempts).error, QStringLiteral("fault injected"));
        QCOMPARE(m_sim->deliveries().at(attempts + 1).attempt, 2);
        QCOMPARE(m_sim->deliveries().at(attempts + 1).httpStatus, 200);
        QCOMPARE(r.envelopeCode, QStringLiteral("D00000"));
    }

    void qrPageShowsAScannableCode()
    {
        Protocol::QrParams q;
        q.clientId = m_client->clientId();
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = m_listener->urlFor(QStringLiteral("callback.auth"));
        q.scope = QStringLiteral("eidapi_auth");
        q.lang = QStringLiteral("zh-HK");
        const auto first = http("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(m_sim->baseUrl(), q)));
        QByteArray location;
        for (const auto& h : first.headers) {
            if (h.first.compare("Location", Qt::CaseInsensitive) == 0)
                location = h.second;
        }
        const auto page = http("GET", m_sim->baseUrl() + QString::fromUtf8(location));
        QCOMPARE(page.status, 200);
        const QString html = QString::fromUtf8(page.body);
        QVERIFY(html.contains(QStringLiteral("了解更多")));
        QVERIFY(html.contains(QStringLiteral("https://www.iamsmart.gov.hk/tc/")));
        QVERIFY(html.contains(QStringLiteral("開啟智方便")));
        QVERIFY(html.contains(QStringLiteral("<svg")));
        (void)adminPost(QStringLiteral("cancel"),
            {{QStringLiteral("id"), onlyPending(QStringLiteral("auth")).value(QStringLiteral("id"))}});
    }

    void sandboxModeTakesPlainUnsignedJson()
    {
        Mock::Simulator sandbox;
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("sandbox-state"));
        options.mode = Mock::Mode::Sandbox;
        QVERIFY(sandbox.start(options).ok());
        // Like the Cyberport portal: no signature headers, plain JSON both ways.
        const QJsonObject body {{QStringLiteral("businessID"), QStringLiteral("bbb8aae57c104cda40c93843ad5e6db8")},
            {QStringLiteral("accessToken"), QStringLiteral("d75f071180e842c28828097361a628fd")},
            {QStringLiteral("openID"), QStringLiteral("8af3c091e7b14d9c837afbb80fe80364")},
            {QStringLiteral("source"), QStringLiteral("Android_Chrome")},
            {QStringLiteral("redirectURI"), QStringLiteral("https://rp.example.hk/callback/profile")},
            {QStringLiteral("profileFields"), QJsonArray {QStringLiteral("idNo"), QStringLiteral("enName")}}};
        const auto r = http("POST", sandbox.baseUrl() + QStringLiteral("/api/v1/account/auth/profile/initiateRequest"),
            QJsonDocument(body).toJson(QJsonDocument::Compact));
        QCOMPARE(r.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(QStringLiteral("code")).toString(), QStringLiteral("D00000"));
        QCOMPARE(o.value(QStringLiteral("content")).toObject().value(QStringLiteral("authByQR")).toBool(), true);
        // Field rules still apply and name the field.
        QJsonObject missing = body;
        missing.remove(QStringLiteral("businessID"));
        const auto bad
            = http("POST", sandbox.baseUrl() + QStringLiteral("/api/v1/account/auth/profile/initiateRequest"),
                QJsonDocument(missing).toJson(QJsonDocument::Compact));
        QCOMPARE(QJsonDocument::fromJson(bad.body).object().value(QStringLiteral("code")).toString(),
            QStringLiteral("D20001"));
        QVERIFY(bad.body.contains("businessID"));
    }

    void configRegistersMoreClients()
    {
        // A second online service with its own KEK, registered from a JSON file.
        QCOMPARE(TestSupport::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                          QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                                          QStringLiteral("-keyout"), QStringLiteral("other.key"),
                                          QStringLiteral("-out"), QStringLiteral("other.crt"), QStringLiteral("-days"),
                                          QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=other")},
                     {}, m_dir.path())
                     .exitCode,
            0);
        const QJsonObject config {{QStringLiteral("clients"),
            QJsonArray {QJsonObject {{QStringLiteral("clientID"), QStringLiteral("0ther0000000000000000000000000001")},
                {QStringLiteral("clientSecret"), QStringLiteral("other-secret")},
                {QStringLiteral("kekCertificate"), QStringLiteral("other.crt")},
                {QStringLiteral("redirectURIs"), QJsonArray {QStringLiteral("https://other.example/cb")}}}}}};
        const QString path = writeFile(QStringLiteral("clients.json"), QJsonDocument(config).toJson());
        Mock::Simulator sim;
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("config-state"));
        options.configFile = path;
        QVERIFY(sim.start(options).ok());
        const Mock::RegisteredClient* other = sim.clients().find(QStringLiteral("0ther0000000000000000000000000001"));
        QVERIFY(other);
        QVERIFY(other->allowsRedirect(QStringLiteral("https://other.example/cb")));
        QVERIFY(!other->allowsRedirect(QStringLiteral("https://other.example/cb2")));
        // Its getKey answer is wrapped for its own KEK.
        Protocol::BuildOptions o;
        o.baseUrl = sim.baseUrl();
        o.credentials = {other->clientId, other->clientSecret, {}};
        o.timestamp = QDateTime::currentMSecsSinceEpoch();
        o.nonce = QStringLiteral("n1");
        auto request = Protocol::RequestEnvelope::build(
            *Protocol::ApiCatalog::builtin().api(QStringLiteral("keys.getKey")), {}, o);
        const auto reply = http("POST", QString::fromUtf8(request->url), request->body, request->headers);
        const QJsonObject env = QJsonDocument::fromJson(reply.body).object();
        QCOMPARE(env.value(QStringLiteral("code")).toString(), QStringLiteral("D00000"));
        auto key = Crypto::RsaPrivateKey::fromFile(m_dir.filePath(QStringLiteral("other.key")));
        auto cek = Crypto::KeyWrap::unwrap(key.value(),
            env.value(QStringLiteral("content")).toObject().value(QStringLiteral("secretKey")).toString().toLatin1());
        QVERIFY(cek.ok());
        QCOMPARE(cek->size(), 32);

        // A broken config is refused with the reason.
        const QString broken = writeFile(QStringLiteral("broken.json"), R"({"clients":[{"clientID":"x"}]})");
        Mock::Simulator refused;
        options.configFile = broken;
        const auto status = refused.start(options);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("bad-config"));
        QVERIFY(status.error().detail.contains(QStringLiteral("clientSecret")));
    }

    void noValidCekGetsD30002()
    {
        const auto revoked = m_client->call(QStringLiteral("keys.revokeKey"), {});
        QCOMPARE(revoked.envelope.code, QStringLiteral("D00000"));
        const auto r = m_client->call(QStringLiteral("auth.getToken"),
            {{QStringLiteral("code"), QStringLiteral("x")},
                {QStringLiteral("grantType"), QStringLiteral("authorization_code")}});
        QCOMPARE(r.envelope.code, QStringLiteral("D30002"));
        const QByteArray old = m_client->cek();
        QVERIFY(m_client->fetchKey());
        QVERIFY(m_client->cek() != old);
    }

    void badInputKeepsServing()
    {
        const quint16 port = quint16(QUrl(m_sim->baseUrl()).port());
        const QByteArray big = TestSupport::rawExchange(
            port, "POST /api/v1/auth/getToken HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n");
        QVERIFY2(big.startsWith("HTTP/1.1 413"), big.constData());
        QVERIFY(big.contains("\"code\":\"D20003\""));
        const auto notFound = http("POST", m_sim->baseUrl() + QStringLiteral("/api/v1/nope"), "{}");
        QCOMPARE(notFound.status, 404);
        QVERIFY(notFound.body.contains("\"code\""));
        const auto form = http("POST", m_sim->baseUrl() + QStringLiteral("/api/v1/auth/getToken"), "code=1",
            {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(form.status, 415);
        QVERIFY2(form.body.contains("Content-Type"), form.body.constData());
        const auto notJson = http("POST", m_sim->baseUrl() + QStringLiteral("/api/v1/auth/getToken"), "{not json");
        QCOMPARE(notJson.status, 200);
        QVERIFY2(notJson.body.contains("\"code\":\"D"), notJson.body.constData());
        const auto garbage = TestSupport::rawExchange(port, "\x01\x02 garbage\r\n\r\n");
        QVERIFY2(garbage.startsWith("HTTP/1.1 400"), garbage.constData());
        QVERIFY(m_client->fetchKey());
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
