#include "HttpClient.h"
#include "SimulatorClient.h"
#include "TestSupport.h"
#include "mock/OutcomeCodes.h"
#include "mock/Simulator.h"
#include "protocol/UrlBuilder.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using TestSupport::http;

/// Every outcome the catalog lists, produced over real loopback HTTP: armed answers (/__mock/faults) for every
/// (API, listed code) pair of the iAM Smart family, the phone's "fails" for every kind, "not passed", the persona
/// account states, the rate limit and direct login.
class TestOutcomes : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;
    std::unique_ptr<TestSupport::SimulatorClient> m_client;
    QJsonObject m_token; ///< a login with every scope
    int m_counter = 0;

    static const Protocol::ApiCatalog& catalog() { return Protocol::ApiCatalog::builtin(); }
    QString unique(const QString& prefix) { return prefix + QString::number(++m_counter); }
    static QString sink() { return QStringLiteral("http://127.0.0.1:1/cb"); } // registered pattern, nobody listens

    TestSupport::HttpReply admin(const QByteArray& method, const QString& route, const QJsonObject& body = {})
    {
        // Every admin request but a GET is JSON (the guard refuses anything else: no cross-site form reaches it).
        return http(method, m_sim->baseUrl() + QStringLiteral("/__mock/") + route,
            method == "POST" ? QJsonDocument(body).toJson() : QByteArray(),
            {{QByteArray("Content-Type"), QByteArray("application/json")}});
    }
    static QJsonObject object(const TestSupport::HttpReply& r) { return QJsonDocument::fromJson(r.body).object(); }

    QString newestPending(const QString& kind)
    {
        QString id;
        for (const QJsonValue& v : QJsonDocument::fromJson(admin("GET", QStringLiteral("pending")).body).array()) {
            if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
                id = v.toObject().value(QStringLiteral("id")).toString();
        }
        return id;
    }

    TestSupport::HttpReply getQr(const QString& scope = QStringLiteral("eidapi_auth"))
    {
        Protocol::QrParams q;
        q.clientId = m_client->clientId();
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = sink();
        q.scope = scope;
        q.lang = QStringLiteral("en-US");
        q.state = unique(QStringLiteral("st"));
        return http("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(m_sim->baseUrl(), q)));
    }

    static QUrlQuery locationQuery(const TestSupport::HttpReply& r)
    {
        for (const auto& h : r.headers) {
            if (h.first.compare("Location", Qt::CaseInsensitive) == 0)
                return QUrlQuery(QUrl(QString::fromUtf8(h.second)));
        }
        return {};
    }

    /// Starts a phone request of `apiId` with its catalog mock body made well-formed; the pending id, or empty.
    QString startPhoneRequest(const QString& apiId, const QJsonObject& overrides = {})
    {
        const Protocol::ApiSpec* api = catalog().api(apiId);
        if (api->kind == Protocol::ApiKind::Browser) {
            const auto r = getQr();
            return r.status == 303 ? newestPending(api->phoneKind) : QString();
        }
        QJsonObject body = api->mockValues();
        body.insert(QStringLiteral("businessID"), unique(QStringLiteral("biz")));
        body.insert(QStringLiteral("source"), QStringLiteral("PC_Browser"));
        body.insert(QStringLiteral("redirectURI"), sink());
        if (body.contains(QStringLiteral("accessToken"))) {
            body.insert(QStringLiteral("accessToken"), m_token.value(QStringLiteral("accessToken")));
            body.insert(QStringLiteral("openID"), m_token.value(QStringLiteral("openID")));
        }
        for (auto it = overrides.begin(); it != overrides.end(); ++it)
            body.insert(it.key(), it.value());
        const auto r = m_client->call(apiId, body);
        if (r.envelope.code != QLatin1String("D00000")) {
            qWarning() << apiId << r.raw;
            return {};
        }
        return newestPending(api->phoneKind);
    }

    /// The request APIs (or getQR) whose phone requests lead to the callback `callbackId`.
    static const Protocol::ApiSpec* requestLeadingTo(const QString& callbackId)
    {
        for (const Protocol::ApiSpec& a : catalog().apis()) {
            if (!a.isGateway() && a.callbackId == callbackId && !a.phoneKind.isEmpty())
                return &a;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<Mock::Simulator>();
        Mock::SimulatorOptions o;
        o.stateDir = m_dir.path();
        QVERIFY(m_sim->start(o));
        m_client = std::make_unique<TestSupport::SimulatorClient>(*m_sim);
        QVERIFY(m_client->fetchKey());
        // A login with every scope, for the requests that need an access token.
        QStringList scopes;
        for (const Protocol::EnumValue& v : catalog().enumeration(QStringLiteral("scopes"))->values)
            scopes << v.value;
        QCOMPARE(getQr(scopes.join(QLatin1Char(' '))).status, 303);
        const auto approved = object(admin("POST", QStringLiteral("approve"),
            {{QStringLiteral("id"), newestPending(QStringLiteral("auth"))}}));
        const QString code
            = QUrlQuery(QUrl(approved.value(QStringLiteral("redirect")).toString())).queryItemValue(QStringLiteral("code"));
        const auto token = m_client->call(QStringLiteral("auth.getToken"),
            {{QStringLiteral("code"), code}, {QStringLiteral("grantType"), QStringLiteral("authorization_code")}});
        QCOMPARE(token.envelope.code, QStringLiteral("D00000"));
        m_token = token.content;
    }

    void cleanup() { QCOMPARE(admin("DELETE", QStringLiteral("faults")).status, 200); }

    void everyListedCodeOnDemand_data()
    {
        QTest::addColumn<QString>("apiId");
        QTest::addColumn<QString>("code");
        int rows = 0;
        for (const Protocol::ApiSpec& a : catalog().apis()) {
            if (a.isGateway())
                continue;
            for (const QString& c : a.returnCodes) {
                QTest::newRow(qPrintable(a.id + QLatin1Char(' ') + c)) << a.id << c;
                ++rows;
            }
        }
        QVERIFY(rows > 300);
    }

    /// Armed through /__mock/faults, a well-formed request yields exactly that code: in the envelope (with the
    /// catalog's HTTP status), in getQR's redirect, or in the decision that leads to a callback.
    void everyListedCodeOnDemand()
    {
        QFETCH(QString, apiId);
        QFETCH(QString, code);
        const Protocol::ApiSpec* api = catalog().api(apiId);
        const auto armed = admin("POST", QStringLiteral("faults"),
            {{QStringLiteral("api"), apiId}, {QStringLiteral("code"), code}, {QStringLiteral("times"), 1}});
        QCOMPARE(armed.status, 200);
        QCOMPARE(object(armed).value(QStringLiteral("armed")).toArray().size(), 1);
        const bool success = code == QLatin1String("D00000");
        switch (api->kind) {
        case Protocol::ApiKind::Request: {
            QJsonObject body = api->mockValues();
            if (body.contains(QStringLiteral("businessID")))
                body.insert(QStringLiteral("businessID"), unique(QStringLiteral("armed")));
            const auto r = m_client->call(apiId, body);
            QCOMPARE(r.envelope.code, code);
            QCOMPARE(r.status, catalog().returnCode(code)->http);
            if (success && api->responseSample.isObject())
                QCOMPARE(r.content, api->responseSample.toObject());
            break;
        }
        case Protocol::ApiKind::Browser: {
            const auto r = getQr();
            QCOMPARE(r.status, 302);
            const QUrlQuery back = locationQuery(r);
            QCOMPARE(back.queryItemValue(QStringLiteral("error_code")), success ? QString() : code);
            QCOMPARE(back.hasQueryItem(QStringLiteral("code")), success);
            break;
        }
        case Protocol::ApiKind::Callback: {
            QJsonObject answer;
            if (apiId == QLatin1String("callback.directLogin")) {
                answer = object(admin("POST", QStringLiteral("directLogin"), {{QStringLiteral("redirectURI"), sink()}}));
                const QUrlQuery back(QUrl(answer.value(QStringLiteral("redirect")).toString()));
                QCOMPARE(back.queryItemValue(QStringLiteral("error_code")), success ? QString() : code);
            } else {
                const Protocol::ApiSpec* leading = requestLeadingTo(apiId);
                QVERIFY2(leading, qPrintable(apiId));
                const QString id = startPhoneRequest(leading->id);
                QVERIFY(!id.isEmpty());
                // The phone declines; the armed code still decides how the request ends.
                answer = object(admin("POST", QStringLiteral("reject"), {{QStringLiteral("id"), id}}));
                QCOMPARE(m_sim->request(id)->resultCode, code);
            }
            QCOMPARE(answer.value(QStringLiteral("resultCode")).toString(), code);
            break;
        }
        }
        QVERIFY(object(admin("GET", QStringLiteral("faults"))).value(QStringLiteral("armed")).toArray().isEmpty());
    }

    void everyApiAndTimes()
    {
        QCOMPARE(admin("POST", QStringLiteral("faults"), {{QStringLiteral("code"), QStringLiteral("D20000")},
                                                           {QStringLiteral("times"), 2}})
                     .status,
            200);
        const QJsonArray armed = object(admin("GET", QStringLiteral("faults"))).value(QStringLiteral("armed")).toArray();
        QCOMPARE(armed.size(), 1);
        QVERIFY(!armed.first().toObject().contains(QStringLiteral("api")));
        QCOMPARE(m_client->call(QStringLiteral("keys.getKey"), {}).envelope.code, QStringLiteral("D20000"));
        QCOMPARE(getQr().status, 302);
        QCOMPARE(m_client->call(QStringLiteral("keys.getKey"), {}).envelope.code, QStringLiteral("D00000"));
        QVERIFY(m_client->fetchKey());
    }

    void armingIsChecked_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QString c = QStringLiteral("code");
        const QString a = QStringLiteral("api");
        QTest::newRow("no code") << QJsonObject {{a, QStringLiteral("auth.getToken")}} << c;
        QTest::newRow("unknown api") << QJsonObject {{a, QStringLiteral("auth.nothing")}, {c, QStringLiteral("D20000")}}
                                     << a;
        QTest::newRow("gateway api") << QJsonObject {{a, QStringLiteral("gateway.auth")}, {c, QStringLiteral("HTTP401")}}
                                     << a;
        QTest::newRow("code not listed")
            << QJsonObject {{a, QStringLiteral("keys.getKey")}, {c, QStringLiteral("D70004")}} << c;
        QTest::newRow("unknown code") << QJsonObject {{c, QStringLiteral("D99999")}} << c;
        QTest::newRow("times zero") << QJsonObject {{c, QStringLiteral("D20000")}, {QStringLiteral("times"), 0}}
                                    << QStringLiteral("times");
        QTest::newRow("times text") << QJsonObject {{c, QStringLiteral("D20000")}, {QStringLiteral("times"), "2"}}
                                    << QStringLiteral("times");
    }

    void armingIsChecked()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const auto r = admin("POST", QStringLiteral("faults"), body);
        QCOMPARE(r.status, 400);
        QCOMPARE(object(r).value(QStringLiteral("field")).toString(), field);
        QVERIFY(object(admin("GET", QStringLiteral("faults"))).value(QStringLiteral("armed")).toArray().isEmpty());
        QCOMPARE(m_client->call(QStringLiteral("keys.getKey"), {}).envelope.code, QStringLiteral("D00000"));
        QVERIFY(m_client->fetchKey());
    }

    void armedFaultsAreBounded()
    {
        int armed = 0;
        for (const Protocol::ApiSpec& a : catalog().apis()) {
            for (const QString& c : a.returnCodes) {
                if (a.isGateway() || armed >= Mock::FaultBoard::maxFaults)
                    continue;
                QCOMPARE(admin("POST", QStringLiteral("faults"), {{QStringLiteral("api"), a.id}, {QStringLiteral("code"), c}})
                             .status,
                    200);
                ++armed;
            }
        }
        const auto over = admin("POST", QStringLiteral("faults"), {{QStringLiteral("code"), QStringLiteral("D20000")}});
        QCOMPARE(over.status, 400);
        QCOMPARE(object(admin("GET", QStringLiteral("faults"))).value(QStringLiteral("armed")).toArray().size(),
            Mock::FaultBoard::maxFaults);
        QCOMPARE(admin("DELETE", QStringLiteral("faults")).status, 200);
        QVERIFY(object(admin("GET", QStringLiteral("faults"))).value(QStringLiteral("armed")).toArray().isEmpty());
    }

    void deliveryFaultsStillWork()
    {
        const auto r = admin("POST", QStringLiteral("faults"), {{QStringLiteral("failNext"), 2}, {QStringLiteral("delayMs"), 5}});
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r).value(QStringLiteral("failNext")).toInt(), 2);
        QCOMPARE(object(admin("GET", QStringLiteral("faults"))).value(QStringLiteral("delayMs")).toInt(), 5);
        m_sim->setFaults(0, 0);
    }

    void failForEveryPhoneKind_data()
    {
        QTest::addColumn<QString>("apiId");
        QStringList kinds;
        for (const Protocol::ApiSpec& a : catalog().apis()) {
            if (a.isGateway() || a.phoneKind.isEmpty() || kinds.contains(a.phoneKind))
                continue;
            kinds << a.phoneKind;
            QTest::newRow(qPrintable(a.phoneKind)) << a.id;
        }
        QCOMPARE(kinds.size(), 10);
    }

    /// POST /__mock/fail answers 200 with the failure code the catalog lists for the request's kind.
    void failForEveryPhoneKind()
    {
        QFETCH(QString, apiId);
        const Protocol::ApiSpec* api = catalog().api(apiId);
        const QString id = startPhoneRequest(apiId);
        QVERIFY(!id.isEmpty());
        const auto r = admin("POST", QStringLiteral("fail"), {{QStringLiteral("id"), id}});
        QCOMPARE(r.status, 200);
        const QString code = object(r).value(QStringLiteral("resultCode")).toString();
        QCOMPARE(code, Mock::OutcomeCodes::failureFor(api->phoneKind));
        QVERIFY2(catalog().api(api->callbackId)->returnCodes.contains(code), qPrintable(code));
        QCOMPARE(object(r).value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(admin("POST", QStringLiteral("fail"), {{QStringLiteral("id"), id}}).status, 409);
    }

    void reauthNotPassed()
    {
        const QString id = startPhoneRequest(QStringLiteral("reauth.stepup"));
        QVERIFY(!id.isEmpty());
        const auto r = admin("POST", QStringLiteral("approve"), {{QStringLiteral("id"), id}, {QStringLiteral("passed"), false}});
        QCOMPARE(r.status, 200);
        QCOMPARE(object(r).value(QStringLiteral("resultCode")).toString(), QStringLiteral("D00000"));
        QCOMPARE(m_sim->request(id)->result.value(QStringLiteral("isPassed")), QJsonValue(false));
        // "passed" is for re-authentication only, and a boolean.
        const QString profile = startPhoneRequest(QStringLiteral("auth.profile"));
        auto refused = admin("POST", QStringLiteral("approve"), {{QStringLiteral("id"), profile}, {QStringLiteral("passed"), false}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(object(refused).value(QStringLiteral("field")).toString(), QStringLiteral("passed"));
        QCOMPARE(m_sim->request(profile)->status, QStringLiteral("pending"));
        refused = admin("POST", QStringLiteral("approve"), {{QStringLiteral("id"), profile}, {QStringLiteral("passed"), "no"}});
        QCOMPARE(refused.status, 400);
    }

    void personaStates()
    {
        const QJsonArray personas = QJsonDocument::fromJson(admin("GET", QStringLiteral("personas")).body).array();
        QHash<QString, QString> byState;
        QString plain;
        for (const QJsonValue& v : personas) {
            const QJsonObject p = v.toObject();
            byState.insert(p.value(QStringLiteral("state")).toString(), p.value(QStringLiteral("id")).toString());
            if (!p.value(QStringLiteral("canSign")).toBool() && p.value(QStringLiteral("state")) == QStringLiteral("active"))
                plain = p.value(QStringLiteral("id")).toString();
        }
        QVERIFY(byState.contains(QStringLiteral("active")));
        QVERIFY(byState.contains(QStringLiteral("suspended")));
        QVERIFY(byState.contains(QStringLiteral("deregistered")));
        QVERIFY(!plain.isEmpty());
        for (const QString& state : {QStringLiteral("suspended"), QStringLiteral("deregistered")}) {
            for (const QString& apiId : {QStringLiteral("auth.getQR"), QStringLiteral("auth.profile"), QStringLiteral("signing.sign")}) {
                const QString id = startPhoneRequest(apiId);
                const auto r = admin("POST", QStringLiteral("approve"),
                    {{QStringLiteral("id"), id}, {QStringLiteral("persona"), byState.value(state)}});
                QCOMPARE(r.status, 200);
                QCOMPARE(object(r).value(QStringLiteral("resultCode")).toString(),
                    Mock::OutcomeCodes::failureFor(catalog().api(apiId)->phoneKind));
            }
        }
        for (const QString& apiId : {QStringLiteral("signing.sign"), QStringLiteral("signing.bulkSign")}) {
            const QString id = startPhoneRequest(apiId);
            const auto r = admin("POST", QStringLiteral("approve"), {{QStringLiteral("id"), id}, {QStringLiteral("persona"), plain}});
            QCOMPARE(object(r).value(QStringLiteral("resultCode")).toString(),
                Mock::OutcomeCodes::cannotSignFor(catalog().api(apiId)->phoneKind));
        }
    }

    void rateLimit()
    {
        QTemporaryDir dir;
        Util::ManualClock clock(1'700'000'000'000);
        Mock::Simulator sim(catalog(), clock);
        Mock::SimulatorOptions o;
        o.stateDir = dir.path();
        o.mode = Mock::Mode::Sandbox;
        o.rateLimitPerSecond = 2;
        QVERIFY(sim.start(o));
        const QString url = sim.baseUrl() + QStringLiteral("/api/v1/security/getKey");
        const QList<QPair<QByteArray, QByteArray>> client {{"clientID", "c1"}};
        QCOMPARE(http("POST", url, {}, client).status, 200);
        QCOMPARE(http("POST", url, {}, client).status, 200);
        const auto limited = http("POST", url, {}, client);
        QCOMPARE(limited.status, 429);
        QCOMPARE(object(limited).value(QStringLiteral("code")).toString(), Mock::tooManyPendingCode);
        QCOMPARE(http("POST", url, {}, {{QByteArray("clientID"), QByteArray("c2")}}).status, 200); // per client
        // The gateway family too, in its own error shape.
        for (int i = 0; i < 3; ++i)
            (void)http("POST", sim.baseUrl() + QStringLiteral("/iamsmart/v2/request/auth"), "{}", {{QByteArray("x-client-id"), QByteArray("g")}});
        const auto gatewayLimited
            = http("POST", sim.baseUrl() + QStringLiteral("/iamsmart/v2/request/auth"), "{}", {{QByteArray("x-client-id"), QByteArray("g")}});
        QCOMPARE(gatewayLimited.status, 429);
        QCOMPARE(object(gatewayLimited).value(QStringLiteral("error")).toString(), QStringLiteral("too-many-requests"));
        // The next second admits again; the admin API is never limited.
        QVERIFY(http("GET", sim.baseUrl() + QStringLiteral("/__mock/personas")).status == 200);
        clock.advance(1000);
        QCOMPARE(http("POST", url, {}, client).status, 200);
    }

    void bulkEnquiryAndCancel()
    {
        auto ask = [&](const QString& apiId, const QString& businessId) {
            return m_client->call(apiId, {{QStringLiteral("businessID"), businessId}});
        };
        const QString enquiry = QStringLiteral("signing.bulkSign.enquiry");
        const QString cancel = QStringLiteral("signing.bulkSign.cancel");
        QVERIFY(catalog().api(enquiry)->modelled);
        QVERIFY(catalog().api(cancel)->modelled);
        const QString id = startPhoneRequest(QStringLiteral("signing.bulkSign"));
        QVERIFY(!id.isEmpty());
        const QString businessId = m_sim->request(id)->businessId;
        auto r = ask(enquiry, businessId);
        QCOMPARE(r.envelope.code, QStringLiteral("D00000"));
        QCOMPARE(r.content.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        r = ask(cancel, businessId);
        QCOMPARE(r.envelope.code, QStringLiteral("D00000"));
        QCOMPARE(r.content.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(m_sim->request(id)->resultCode, QStringLiteral("D71000"));
        QCOMPARE(ask(cancel, businessId).envelope.code, Protocol::Code::BulkSignNotPending);
        QCOMPARE(ask(enquiry, businessId).envelope.code, QStringLiteral("D71000"));
        QCOMPARE(ask(enquiry, QStringLiteral("nosuchbulk")).envelope.code, Protocol::Code::BulkSignNotFound);
        QCOMPARE(ask(cancel, QStringLiteral("nosuchbulk")).envelope.code, Protocol::Code::BulkSignNotFound);
        // Approved: the enquiry carries the signed documents.
        const QString approvedId = startPhoneRequest(QStringLiteral("signing.bulkSign"));
        QCOMPARE(object(admin("POST", QStringLiteral("approve"), {{QStringLiteral("id"), approvedId}}))
                     .value(QStringLiteral("resultCode"))
                     .toString(),
            QStringLiteral("D00000"));
        r = ask(enquiry, m_sim->request(approvedId)->businessId);
        QCOMPARE(r.envelope.code, QStringLiteral("D00000"));
        QCOMPARE(r.content.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QCOMPARE(r.content.value(QStringLiteral("documents")).toArray().size(),
            catalog().api(QStringLiteral("signing.bulkSign"))->mockValues().value(QStringLiteral("documents")).toArray().size());
    }

    void directLogin()
    {
        const auto r = admin("POST", QStringLiteral("directLogin"), {{QStringLiteral("redirectURI"), sink()}});
        QCOMPARE(r.status, 200);
        const QUrl redirect(object(r).value(QStringLiteral("redirect")).toString());
        QVERIFY(redirect.toString().startsWith(sink()));
        const QUrlQuery q(redirect);
        QVERIFY(!q.queryItemValue(QStringLiteral("RefID")).isEmpty());
        const auto token = m_client->call(QStringLiteral("auth.getToken"),
            {{QStringLiteral("code"), q.queryItemValue(QStringLiteral("code"))},
                {QStringLiteral("grantType"), QStringLiteral("authorization_code")}});
        QCOMPARE(token.envelope.code, QStringLiteral("D00000"));
        QVERIFY(!token.content.value(QStringLiteral("openID")).toString().isEmpty());
        // Only to a registered address, and the field is named.
        const auto refused = admin("POST", QStringLiteral("directLogin"), {{QStringLiteral("redirectURI"), QStringLiteral("https://evil.example/cb")}});
        QCOMPARE(refused.status, 400);
        QCOMPARE(object(refused).value(QStringLiteral("field")).toString(), QStringLiteral("redirectURI"));
    }
};

QTEST_GUILESS_MAIN(TestOutcomes)
#include "tst_outcomes.moc"
