#include "HttpClient.h"
#include "callback/CallbackListener.h"
#include "crypto/Jose.h"
#include "mock/Simulator.h"
#include "session/ConsoleSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using TestSupport::http;

/// The gateway family (protocol.md §7) end to end over loopback HTTP: x-client-id / x-client-secret, 400 and 401
/// answers, JWT tokens, the QR page and the phone, the redirect to the listener, polling (pending, rejected,
/// expired, deleted) and the JWE result opened with the client's private key — by hand and by ConsoleSession.
class TestGateway : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Util::ManualClock m_clock {1'900'000'000'000};
    std::unique_ptr<Mock::Simulator> m_sim;
    std::unique_ptr<Callback::CallbackListener> m_listener;
    Crypto::RsaPrivateKey m_kek;
    QString m_clientId;
    QByteArray m_secret;

    struct Reply
    {
        int status = 0;
        QJsonObject json;
        QByteArray raw;
    };

    QString url(const QString& path) const { return m_sim->baseUrl() + path; }

    Reply post(const QString& path, const QJsonObject& body, const QByteArray& secret = {}, const QString& client = {})
    {
        const TestSupport::HttpReply r = http("POST", url(path), QJsonDocument(body).toJson(QJsonDocument::Compact),
            {{"x-client-id", (client.isNull() ? m_clientId : client).toUtf8()},
                {"x-client-secret", secret.isNull() ? m_secret : secret}, {"Content-Type", "application/json"}});
        return {r.status, QJsonDocument::fromJson(r.body).object(), r.body};
    }

    Reply call(const QString& apiId, const QJsonObject& overrides = {})
    {
        const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(apiId);
        QJsonObject body = api->mockValues();
        if (body.contains(QStringLiteral("redirect")))
            body.insert(QStringLiteral("redirect"), m_listener->urlFor(QStringLiteral("callback.gateway")));
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            body.insert(it.key(), it.value());
        return post(api->path, body);
    }

    Reply poll(const QString& token, const QString& code = {})
    {
        QJsonObject body {{QStringLiteral("token"), token}};
        if (!code.isEmpty())
            body.insert(QStringLiteral("code"), code);
        return post(QStringLiteral("/iamsmart/v2/callback/client"), body);
    }

    QString pendingIdFor(const QString& state)
    {
        for (const Mock::PendingRequest& p : m_sim->pending()) {
            if (p.state == state && p.status == QLatin1String("pending"))
                return p.id;
        }
        return {};
    }

    QJsonObject decide(const QString& route, const QString& state, const QString& persona = {})
    {
        QJsonObject body {{QStringLiteral("id"), pendingIdFor(state)}};
        if (!persona.isEmpty())
            body.insert(QStringLiteral("persona"), persona);
        const auto r = http("POST", url(QStringLiteral("/__mock/") + route), QJsonDocument(body).toJson());
        return QJsonDocument::fromJson(r.body).object();
    }

    /// Logs in through the gateway: auth → QR page → approve → browser redirect → listener. Returns the auth
    /// answer with the redirect's code added.
    QJsonObject login(const QString& persona = {})
    {
        const Reply auth = call(QStringLiteral("gateway.auth"));
        if (auth.status != 200)
            return {};
        const QString state = auth.json.value(QStringLiteral("state")).toString();
        m_listener->expect({state, QStringLiteral("gateway.auth"), QStringLiteral("callback.gateway"), {}, state});
        if (http("GET", auth.json.value(QStringLiteral("url")).toString()).status != 200)
            return {};
        const QString redirect
            = decide(QStringLiteral("approve"), state, persona).value(QStringLiteral("redirect")).toString();
        if (http("GET", redirect).status != 200)
            return {};
        QJsonObject out = auth.json;
        out.insert(QStringLiteral("code"), QUrlQuery(QUrl(redirect)).queryItemValue(QStringLiteral("code")));
        out.insert(QStringLiteral("redirect"), redirect);
        return out;
    }

    QJsonObject openResult(const Reply& r)
    {
        auto opened = Crypto::Jose::decryptRsa(r.json.value(QStringLiteral("result")).toString().toLatin1(), m_kek);
        return opened ? opened->claims() : QJsonObject {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<Mock::Simulator>(Protocol::ApiCatalog::builtin(), m_clock);
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        const auto started = m_sim->start(options);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        const Mock::RegisteredClient& dev = m_sim->clients().devClient();
        m_clientId = dev.clientId;
        m_secret = dev.clientSecret;
        m_kek = Crypto::RsaPrivateKey::fromFile(dev.kekPrivateKeyPath).value();
        m_listener = std::make_unique<Callback::CallbackListener>();
        QVERIFY(m_listener->start().ok());
    }

    void catalogHasTheFamily()
    {
        const Protocol::ApiCatalog& c = Protocol::ApiCatalog::builtin();
        QVERIFY2(Protocol::ApiCatalog::builtinErrors().isEmpty(), qPrintable(Protocol::ApiCatalog::builtinErrors()));
        QStringList gateway;
        for (const Protocol::ApiSpec& a : c.apis()) {
            if (a.isGateway())
                gateway << a.id;
        }
        QCOMPARE(gateway.size(), 11);
        QCOMPARE(c.api(QStringLiteral("gateway.auth"))->field(QStringLiteral("lang"))->mock.toString(),
            QStringLiteral("en-US"));
        QVERIFY(c.enumeration(QStringLiteral("gatewaySources"))->contains(QStringLiteral("android")));
        QVERIFY(c.enumeration(QStringLiteral("gatewaySources"))->contains(QStringLiteral("PC_Browser")));
    }

    void credentialsAreChecked_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no client id") << QString(QLatin1String("")) << QByteArray() << QStringLiteral("x-client-id");
        QTest::newRow("wrong secret") << QString() << QByteArray("00") << QStringLiteral("registered client");
        QTest::newRow("unknown client") << QStringLiteral("nobody") << QByteArray()
                                        << QStringLiteral("registered client");
    }

    void credentialsAreChecked()
    {
        QFETCH(QString, client);
        QFETCH(QByteArray, secret);
        QFETCH(QString, mentions);
        const Reply r = post(QStringLiteral("/iamsmart/v2/request/auth"),
            Protocol::ApiCatalog::builtin().api(QStringLiteral("gateway.auth"))->mockValues(), secret, client);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json.value(QStringLiteral("error")).toString(), QStringLiteral("unauthorized"));
        QVERIFY2(r.json.value(QStringLiteral("message")).toString().contains(mentions), r.raw.constData());
        // The server keeps serving.
        QCOMPARE(call(QStringLiteral("gateway.auth")).status, 200);
    }

    void badInputNamesTheField_data()
    {
        QTest::addColumn<QString>("apiId");
        QTest::addColumn<QJsonObject>("overrides");
        QTest::addColumn<QString>("field");
        QTest::newRow("source missing") << QStringLiteral("gateway.auth")
                                        << QJsonObject {{QStringLiteral("source"), QJsonValue()}}
                                        << QStringLiteral("source");
        QTest::newRow("source unknown") << QStringLiteral("gateway.auth")
                                        << QJsonObject {{QStringLiteral("source"), QStringLiteral("Fax")}}
                                        << QStringLiteral("source");
        QTest::newRow("scope pattern") << QStringLiteral(
            "gateway.auth") << QJsonObject {{QStringLiteral("scope"), QStringLiteral("eidapi_auth,eidapi_sign")}}
                                       << QStringLiteral("scope");
        QTest::newRow("lang case") << QStringLiteral("gateway.auth")
                                   << QJsonObject {{QStringLiteral("lang"), QStringLiteral("EN-us")}}
                                   << QStringLiteral("lang");
        QTest::newRow("android needs activityClass")
            << QStringLiteral("gateway.auth") << QJsonObject {{QStringLiteral("source"), QStringLiteral("android")}}
            << QStringLiteral("activityClass");
        QTest::newRow("redirect not registered")
            << QStringLiteral("gateway.auth")
            << QJsonObject {{QStringLiteral("redirect"), QStringLiteral("https://elsewhere.example/cb")}}
            << QStringLiteral("redirect");
        QTest::newRow("hash not hex") << QStringLiteral("gateway.signingAnonymous")
                                      << QJsonObject {{QStringLiteral("fileHash"), QStringLiteral("ABC")}}
                                      << QStringLiteral("fileHash");
        QTest::newRow("pdf hash not base64")
            << QStringLiteral("gateway.pdfSigningAnonymous")
            << QJsonObject {{QStringLiteral("fileHash"), QStringLiteral("af8b")}} << QStringLiteral("fileHash");
        QTest::newRow("form fields unknown")
            << QStringLiteral("gateway.formfillingAnonymous")
            << QJsonObject {{QStringLiteral("formData"),
                   QJsonObject {{QStringLiteral("formName"), QStringLiteral("F")},
                       {QStringLiteral("formFields"), QJsonArray {QStringLiteral("shoeSize")}}}}}
            << QStringLiteral("formData.formFields");
        QTest::newRow("token not a JWT") << QStringLiteral("gateway.poll")
                                         << QJsonObject {{QStringLiteral("token"), QStringLiteral("abc")}}
                                         << QStringLiteral("token");
    }

    void badInputNamesTheField()
    {
        QFETCH(QString, apiId);
        QFETCH(QJsonObject, overrides);
        QFETCH(QString, field);
        const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(apiId);
        QJsonObject body = api->mockValues();
        if (body.contains(QStringLiteral("redirect")))
            body.insert(QStringLiteral("redirect"), m_listener->urlFor(QStringLiteral("callback.gateway")));
        for (auto it = overrides.begin(); it != overrides.end(); ++it) {
            if (it.value().isNull())
                body.remove(it.key());
            else
                body.insert(it.key(), it.value());
        }
        const Reply r = post(api->path, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json.value(QStringLiteral("field")).toString(), field);
        QVERIFY2(r.json.value(QStringLiteral("message")).toString().contains(field), r.raw.constData());
        QCOMPARE(call(QStringLiteral("gateway.auth")).status, 200);
    }

    void malformedRequests()
    {
        const auto notJson = http("POST", url(QStringLiteral("/iamsmart/v2/request/auth")), "{not json",
            {{"x-client-id", m_clientId.toUtf8()}, {"x-client-secret", m_secret},
                {"Content-Type", "application/json"}});
        QCOMPARE(notJson.status, 400);
        QVERIFY(notJson.body.contains("not JSON"));
        const auto wrongType = http("POST", url(QStringLiteral("/iamsmart/v2/request/auth")), "a=b",
            {{"x-client-id", m_clientId.toUtf8()}, {"x-client-secret", m_secret}, {"Content-Type", "text/plain"}});
        QCOMPARE(wrongType.status, 415);
        QCOMPARE(http("GET", url(QStringLiteral("/iamsmart/v2/request/auth"))).status, 405);
        QCOMPARE(post(QStringLiteral("/iamsmart/v2/request/nothing"), {}).status, 404);
        QCOMPARE(call(QStringLiteral("gateway.auth")).status, 200);
    }

    void loginPendingRedirectAndJwe()
    {
        const Reply auth = call(QStringLiteral("gateway.auth"));
        QCOMPARE(auth.status, 200);
        const QString token = auth.json.value(QStringLiteral("token")).toString();
        QCOMPARE(token.count(QLatin1Char('.')), 2);
        const auto claims = Crypto::Jose::peekClaims(token.toLatin1());
        QVERIFY(claims.ok());
        QCOMPARE(claims->value(QStringLiteral("aud")).toString(), m_clientId);
        QCOMPARE(claims->value(QStringLiteral("service")).toString(), QStringLiteral("auth"));
        QVERIFY(auth.json.value(QStringLiteral("url")).toString().startsWith(url(QStringLiteral("/__mock/qr/"))));

        const Reply pending = poll(token);
        QCOMPARE(pending.status, 202);
        QCOMPARE(pending.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));

        const QString state = auth.json.value(QStringLiteral("state")).toString();
        m_listener->expect({state, QStringLiteral("gateway.auth"), QStringLiteral("callback.gateway"), {}, state});
        const auto page = http("GET", auth.json.value(QStringLiteral("url")).toString());
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("More info"));
        const QString redirect = decide(QStringLiteral("approve"), state).value(QStringLiteral("redirect")).toString();
        const QUrlQuery q {QUrl(redirect)};
        QCOMPARE(q.queryItemValue(QStringLiteral("service")), QStringLiteral("auth"));
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), state);
        QVERIFY(!q.hasQueryItem(QStringLiteral("businessID"))); // not for auth
        QVERIFY(!q.queryItemValue(QStringLiteral("code")).isEmpty());
        QCOMPARE(http("GET", redirect).status, 200);
        const Callback::CallbackRecord& record = m_listener->records().last();
        QCOMPARE(record.callbackId, QStringLiteral("callback.gateway"));
        QCOMPARE(record.matchStatus, Callback::Match::Matched);
        QVERIFY2(record.shapeProblems.isEmpty(), qPrintable(record.shapeProblems.join(QLatin1Char(';'))));

        QCOMPARE(poll(token, QStringLiteral("wrongcode")).status, 400);
        QSignalSpy issued(m_sim.get(), &Mock::Simulator::gatewayResultIssued);
        const Reply done = poll(token, q.queryItemValue(QStringLiteral("code")));
        QCOMPARE(done.status, 200);
        QCOMPARE(done.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QByteArray jwe = done.json.value(QStringLiteral("result")).toString().toLatin1();
        QVERIFY(Crypto::Jose::looksLikeJwe(jwe));
        const auto header = Crypto::Jose::peekHeader(jwe);
        QVERIFY(header.ok());
        QCOMPARE(header->value(QStringLiteral("enc")).toString(), QStringLiteral("A256GCM"));
        const QJsonObject opened = openResult(done);
        QCOMPARE(issued.size(), 1);
        QCOMPARE(opened, QJsonDocument::fromJson(issued.at(0).at(1).toByteArray()).object());
        QCOMPARE(issued.at(0).at(2).toByteArray(), jwe);
        QCOMPARE(opened.value(QStringLiteral("state")).toString(), state);
        QVERIFY(
            !opened.value(QStringLiteral("result")).toObject().value(QStringLiteral("openID")).toString().isEmpty());

        // Deleted after the first successful poll.
        const Reply again = poll(token);
        QCOMPARE(again.status, 410);
        QCOMPARE(again.json.value(QStringLiteral("status")).toString(), QStringLiteral("deleted"));
        // Another private key cannot open it.
        auto other = Crypto::RsaPrivateKey::generate(2048);
        QCOMPARE(Crypto::Jose::decryptRsa(jwe, other.value()).error().code, Crypto::JoseError::DecryptFailed);
    }

    void chainedRequests_data()
    {
        QTest::addColumn<QString>("apiId");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectKey");
        QTest::newRow("form filling") << QStringLiteral("gateway.formfilling") << QStringLiteral("eme")
                                      << QStringLiteral("mobileNumber");
        QTest::newRow("signing") << QStringLiteral("gateway.signing") << QStringLiteral("sign")
                                 << QStringLiteral("signature");
        QTest::newRow("pdf signing") << QStringLiteral("gateway.pdfSigning") << QStringLiteral("pdfsign")
                                     << QStringLiteral("pdfSignature");
        QTest::newRow("reauth") << QStringLiteral("gateway.reauth") << QStringLiteral("reauth")
                                << QStringLiteral("isPassed");
    }

    void chainedRequests()
    {
        QFETCH(QString, apiId);
        QFETCH(QString, kind);
        QFETCH(QString, expectKey);
        const QJsonObject logged = login();
        QVERIFY(!logged.isEmpty());
        const QString loginToken = logged.value(QStringLiteral("token")).toString();
        const Reply started = call(apiId, {{QStringLiteral("token"), loginToken}});
        QCOMPARE(started.status, 200);
        const QString token = started.json.value(QStringLiteral("token")).toString();
        QVERIFY(token != loginToken);
        const QString state = started.json.value(QStringLiteral("state")).toString();
        QCOMPARE(m_sim->request(pendingIdFor(state))->kind, kind);
        QCOMPARE(poll(token).status, 202);
        QCOMPARE(decide(QStringLiteral("approve"), state).value(QStringLiteral("status")).toString(),
            QStringLiteral("approved"));
        const Reply done = poll(token);
        QCOMPARE(done.status, 200);
        const QJsonObject result = openResult(done).value(QStringLiteral("result")).toObject();
        QVERIFY2(result.contains(expectKey), QJsonDocument(result).toJson().constData());
        if (kind.contains(QLatin1String("sign"))) {
            QVERIFY(QRegularExpression(QStringLiteral("^[0-9]{4}$"))
                        .match(result.value(QStringLiteral("hkicCheckDigits")).toString())
                        .hasMatch());
            // Seed 003: the signing answer itself shows them too, the same digits.
            QCOMPARE(started.json.value(QStringLiteral("hkicCheckDigits")), result.value(QStringLiteral("hkicCheckDigits")));
            QVERIFY(!QByteArray::fromBase64(result.value(expectKey).toString().toLatin1()).isEmpty());
        }
        QCOMPARE(poll(token).status, 410);
    }

    /// A mobile source gets the universal link in seed 003's form, with the client and the ticket.
    void mobileSourceGetsTheUniversalLink()
    {
        const Reply auth = call(QStringLiteral("gateway.auth"), {{QStringLiteral("source"), QStringLiteral("Mobile_Browser")}});
        QCOMPARE(auth.status, 200);
        const QString link = auth.json.value(QStringLiteral("url")).toString();
        QVERIFY2(link.startsWith(QStringLiteral("https://hk.gov.iamsmart.testapp://auth?clientID=") + m_clientId), qPrintable(link));
        const QString state = auth.json.value(QStringLiteral("state")).toString();
        QVERIFY(link.endsWith(QStringLiteral("&ticketID=") + m_sim->request(pendingIdFor(state))->ticketId));
        decide(QStringLiteral("reject"), state);
    }

    void chainedNeedsAnApprovedLogin()
    {
        const Reply auth = call(QStringLiteral("gateway.auth"));
        const QString unapproved = auth.json.value(QStringLiteral("token")).toString();
        const Reply r = call(QStringLiteral("gateway.formfilling"), {{QStringLiteral("token"), unapproved}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json.value(QStringLiteral("field")).toString(), QStringLiteral("token"));
        // A well-formed JWT that the gateway did not sign.
        const auto forged = Crypto::Jose::signHs256(R"({"sub":"x","aud":"y","exp":99999999999})", QByteArray(32, 'k'));
        QCOMPARE(call(QStringLiteral("gateway.formfilling"),
                     {{QStringLiteral("token"), QString::fromLatin1(forged.value())}})
                     .status,
            401);
        QCOMPARE(poll(QString::fromLatin1(forged.value())).status, 401);
    }

    void ccicAnswersAtOnce()
    {
        const QJsonObject logged = login();
        const Reply r
            = call(QStringLiteral("gateway.ccic"), {{QStringLiteral("token"), logged.value(QStringLiteral("token"))}});
        QCOMPARE(r.status, 200);
        const Reply done = poll(r.json.value(QStringLiteral("token")).toString());
        QCOMPARE(done.status, 200);
        QVERIFY(openResult(done).value(QStringLiteral("result")).toObject().value(QStringLiteral("verified")).toBool());
    }

    void anonymousRequests_data()
    {
        QTest::addColumn<QString>("apiId");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("expectKey");
        QTest::newRow("form filling") << QStringLiteral("gateway.formfillingAnonymous") << QStringLiteral("formfilling")
                                      << QStringLiteral("emailAddress");
        QTest::newRow("signing") << QStringLiteral("gateway.signingAnonymous") << QStringLiteral("signing")
                                 << QStringLiteral("signature");
        QTest::newRow("pdf signing") << QStringLiteral("gateway.pdfSigningAnonymous") << QStringLiteral("pdf-signing")
                                     << QStringLiteral("pdfSignature");
    }

    void anonymousRequests()
    {
        QFETCH(QString, apiId);
        QFETCH(QString, service);
        QFETCH(QString, expectKey);
        const Reply started = call(apiId);
        QCOMPARE(started.status, 200);
        const QString businessId = started.json.value(QStringLiteral("businessID")).toString();
        const QString state = started.json.value(QStringLiteral("state")).toString();
        QVERIFY(!businessId.isEmpty());
        m_listener->expect({businessId, apiId, QStringLiteral("callback.gateway"), businessId, state});
        QCOMPARE(http("GET", started.json.value(QStringLiteral("url")).toString()).status, 200);
        const QString redirect = decide(QStringLiteral("approve"), state).value(QStringLiteral("redirect")).toString();
        const QUrlQuery q {QUrl(redirect)};
        QCOMPARE(q.queryItemValue(QStringLiteral("service")), service);
        QCOMPARE(q.queryItemValue(QStringLiteral("businessID")), businessId);
        QCOMPARE(http("GET", redirect).status, 200);
        QCOMPARE(m_listener->records().last().matchStatus, Callback::Match::Matched);
        const Reply done
            = poll(started.json.value(QStringLiteral("token")).toString(), q.queryItemValue(QStringLiteral("code")));
        QCOMPARE(done.status, 200);
        const QJsonObject claims = openResult(done);
        QCOMPARE(claims.value(QStringLiteral("businessID")).toString(), businessId);
        QVERIFY2(claims.value(QStringLiteral("result")).toObject().contains(expectKey),
            QJsonDocument(claims).toJson().constData());
    }

    void rejectedAndExpired()
    {
        const Reply started = call(QStringLiteral("gateway.signingAnonymous"));
        const QString state = started.json.value(QStringLiteral("state")).toString();
        const QString redirect = decide(QStringLiteral("reject"), state).value(QStringLiteral("redirect")).toString();
        const QUrlQuery q {QUrl(redirect)};
        QCOMPARE(q.queryItemValue(QStringLiteral("error")), QStringLiteral("D70001"));
        QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
        const Reply rejected = poll(started.json.value(QStringLiteral("token")).toString());
        QCOMPARE(rejected.status, 403);
        QCOMPARE(rejected.json.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(rejected.json.value(QStringLiteral("error")).toString(), QStringLiteral("D70001"));

        const Reply other = call(QStringLiteral("gateway.formfillingAnonymous"));
        decide(QStringLiteral("expire"), other.json.value(QStringLiteral("state")).toString());
        const Reply expired = poll(other.json.value(QStringLiteral("token")).toString());
        QCOMPARE(expired.status, 410);
        QCOMPARE(expired.json.value(QStringLiteral("status")).toString(), QStringLiteral("expired"));
    }

    void resultDeletedAfter18Minutes()
    {
        const QJsonObject logged = login();
        const QString token = logged.value(QStringLiteral("token")).toString();
        m_clock.advance(18 * 60'000 + 1);
        QTRY_COMPARE_WITH_TIMEOUT(poll(token).status, 410, 5000); // the sweeper runs every second
        QCOMPARE(poll(token).json.value(QStringLiteral("status")).toString(), QStringLiteral("deleted"));
        // The login itself still authenticates chained requests.
        QCOMPARE(call(QStringLiteral("gateway.reauth"), {{QStringLiteral("token"), token}}).status, 200);
    }

    void consoleSessionOpensTheJwe()
    {
        const Mock::RegisteredClient& dev = m_sim->clients().devClient();
        Session::Environment env;
        env.id = QStringLiteral("gw");
        env.baseUrl = m_sim->baseUrl();
        env.clientId = dev.clientId;
        Session::ConsoleSession session(m_clock);
        session.setEnvironment(env, {dev.clientId, dev.clientSecret, {}}, m_kek);
        auto send = [](Session::ConsoleSession& s, const QString& apiId, const QJsonObject& body) {
            auto prepared = s.prepare(*Protocol::ApiCatalog::builtin().api(apiId), body);
            if (!prepared)
                return Session::Exchange {};
            QSignalSpy finished(&s, &Session::ConsoleSession::exchangeFinished);
            const QString id = s.send(apiId, prepared.value(), 10000);
            finished.wait(15000);
            return *s.exchange(id);
        };
        const Protocol::ApiSpec* auth = Protocol::ApiCatalog::builtin().api(QStringLiteral("gateway.auth"));
        QJsonObject body = auth->mockValues();
        body.insert(QStringLiteral("redirect"), m_listener->urlFor(QStringLiteral("callback.gateway")));
        auto prepared = session.prepare(*auth, body);
        QVERIFY(prepared.ok());
        QCOMPARE(prepared->header("x-client-id"), dev.clientId.toUtf8());
        QCOMPARE(prepared->header("x-client-secret"), dev.clientSecret);
        QVERIFY(prepared->header("signature").isEmpty());
        QVERIFY(prepared->url.endsWith("/iamsmart/v2/request/auth"));
        QVERIFY(!prepared->url.contains("/api/v1"));
        const Session::Exchange first = send(session, auth->id, body);
        QCOMPARE(first.returnCode(), QStringLiteral("HTTP200"));
        QVERIFY(first.succeeded());
        const QString token = session.earned().value(QStringLiteral("gatewayToken"));
        QVERIFY(!token.isEmpty());
        QCOMPARE(session.earned().value(QStringLiteral("gatewayPollToken")), token);

        const QString poll = QStringLiteral("gateway.poll");
        const Session::Exchange pending = send(session, poll, {{QStringLiteral("token"), token}});
        QCOMPARE(pending.returnCode(), QStringLiteral("HTTP202"));
        QVERIFY(!pending.succeeded());

        const QString state = first.content.toObject().value(QStringLiteral("state")).toString();
        decide(QStringLiteral("approve"), state);
        QSignalSpy issued(m_sim.get(), &Mock::Simulator::gatewayResultIssued);
        const Session::Exchange done = send(session, poll, {{QStringLiteral("token"), token}});
        QCOMPARE(done.returnCode(), QStringLiteral("HTTP200"));
        QVERIFY2(done.joseError.isEmpty(), qPrintable(done.joseError));
        QCOMPARE(issued.size(), 1);
        // What the console decrypted is exactly what the simulator encrypted.
        QCOMPARE(done.joseClaims, QJsonDocument::fromJson(issued.at(0).at(1).toByteArray()).object());
        QCOMPARE(done.joseHeader.value(QStringLiteral("alg")).toString(),
            Crypto::Jose::peekHeader(issued.at(0).at(2).toByteArray())->value(QStringLiteral("alg")).toString());
        QCOMPARE(session.earned().value(QStringLiteral("openID")),
            done.joseClaims.value(QStringLiteral("result")).toObject().value(QStringLiteral("openID")).toString());

        // Without the private key the console says why it cannot open the result.
        Session::ConsoleSession keyless(m_clock);
        keyless.setEnvironment(env, {dev.clientId, dev.clientSecret, {}});
        const QJsonObject again = login();
        const Session::Exchange closed
            = send(keyless, poll, {{QStringLiteral("token"), again.value(QStringLiteral("token"))}});
        QCOMPARE(closed.httpStatus, 200);
        QVERIFY2(closed.joseError.startsWith(QLatin1String("no-kek-key")), qPrintable(closed.joseError));
        QVERIFY(!closed.joseHeader.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
