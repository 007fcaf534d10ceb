#include "SimulatorClient.h"
#include "TestSupport.h"
#include "callback/CallbackListener.h"
#include "mock/Simulator.h"
#include "protocol/UrlBuilder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using TestSupport::http;

/// Bounded state over real loopback HTTP: the per-client limit of undecided requests (HTTP 429 with D20429),
/// everything the simulator holds forgotten once its window has passed (a ManualClock moves time), and the
/// listener's record limit with its drop count and SHA-256 duplicate detection.
class TestBounds : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString unique(const QString& prefix) { return prefix + QString::number(++m_counter); }

    static QByteArray location(const TestSupport::HttpReply& r)
    {
        for (const auto& h : r.headers) {
            if (h.first.compare("Location", Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }

    static QString qrUrl(const Mock::Simulator& sim, const QString& state, const QString& redirect)
    {
        Protocol::QrParams q;
        q.clientId = sim.clients().devClient().clientId;
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = redirect;
        q.scope = QStringLiteral("eidapi_auth eidapi_profiles");
        q.lang = QStringLiteral("en-US");
        q.state = state;
        return QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(sim.baseUrl(), q));
    }

    static TestSupport::HttpReply adminPost(const Mock::Simulator& sim, const QString& route, const QJsonObject& body)
    {
        return http("POST", sim.baseUrl() + QStringLiteral("/__mock/") + route, QJsonDocument(body).toJson());
    }

    static qint64 count(const Mock::Simulator& sim, const char* what)
    {
        return qint64(sim.stateCounts().value(QLatin1String(what)).toDouble());
    }

    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void undecidedRequestBeyondTheLimitGets429()
    {
        Mock::Simulator sim;
        Mock::SimulatorOptions options;
        options.stateDir = stateDir();
        QCOMPARE(options.maxPendingPerClient, 1000); // the documented default
        QVERIFY(sim.start(options).ok());
        const QString redirect = QStringLiteral("http://127.0.0.1:9/callback/auth");
        for (int i = 0; i < 1000; ++i) {
            const auto r = http("GET", qrUrl(sim, unique(QStringLiteral("s")), redirect));
            QVERIFY2(r.status == 303, qPrintable(QStringLiteral("request %1: HTTP %2").arg(i + 1).arg(r.status)));
        }
        QCOMPARE(sim.pending().size(), 1000);

        // The 1,001st getQR: 429, its page names the code.
        const auto refused = http("GET", qrUrl(sim, unique(QStringLiteral("s")), redirect));
        QCOMPARE(refused.status, 429);
        QVERIFY2(refused.body.contains("D20429"), refused.body.constData());
        QCOMPARE(sim.pending().size(), 1000);

        // A signed API that would wait on the phone: 429 with the normal envelope.
        TestSupport::SimulatorClient client(sim);
        QVERIFY(client.fetchKey());
        const Protocol::ApiSpec* anon = Protocol::ApiCatalog::builtin().api(QStringLiteral("anonymous.eme.initiate"));
        QVERIFY(anon);
        QJsonObject body = anon->mockValues();
        body.insert(QStringLiteral("businessID"), unique(QStringLiteral("b")));
        body.insert(QStringLiteral("redirectURI"), QStringLiteral("http://127.0.0.1:9/callback/eme"));
        const auto envelope = client.call(anon->id, body);
        QCOMPARE(envelope.status, 429);
        QCOMPARE(envelope.envelope.code, Mock::tooManyPendingCode);
        QVERIFY(envelope.envelope.message.contains(QStringLiteral("1000")));
        // Calls that wait on nobody still work, and the server keeps serving.
        QCOMPARE(client.call(QStringLiteral("keys.getKey"), {}).envelope.code, QStringLiteral("D00000"));

        // The gateway family answers the same code in its own error shape.
        const Mock::RegisteredClient& dev = sim.clients().devClient();
        const auto gateway = http("POST", sim.baseUrl() + QStringLiteral("/iamsmart/v2/request/auth"),
            QJsonDocument(QJsonObject {{QStringLiteral("source"), QStringLiteral("PC_Browser")},
                              {QStringLiteral("lang"), QStringLiteral("en-US")},
                              {QStringLiteral("redirect"), QStringLiteral("http://127.0.0.1:9/callback/gateway")},
                              {QStringLiteral("scope"), QStringLiteral("eidapi_auth")}})
                .toJson(QJsonDocument::Compact),
            {{"x-client-id", dev.clientId.toUtf8()}, {"x-client-secret", dev.clientSecret},
                {"Content-Type", "application/json"}});
        QCOMPARE(gateway.status, 429);
        QCOMPARE(QJsonDocument::fromJson(gateway.body).object().value(QStringLiteral("error")).toString(),
            Mock::tooManyPendingCode);

        // The code is documented in the catalog, in three languages.
        const Protocol::ReturnCode* rc = Protocol::ApiCatalog::builtin().returnCode(Mock::tooManyPendingCode);
        QVERIFY(rc);
        QCOMPARE(rc->http, 429);
        QVERIFY(!rc->meaning.get(Protocol::Language::TraditionalChinese).isEmpty());
        QVERIFY(!rc->meaning.get(Protocol::Language::SimplifiedChinese).isEmpty());

        // Deciding one frees a place.
        const QString first = sim.pending().first().id;
        QCOMPARE(adminPost(sim, QStringLiteral("reject"), {{QStringLiteral("id"), first}}).status, 200);
        QCOMPARE(http("GET", qrUrl(sim, unique(QStringLiteral("s")), redirect)).status, 303);
        QCOMPARE(http("GET", qrUrl(sim, unique(QStringLiteral("s")), redirect)).status, 429);
    }

    void maxPendingOptionOfTheMockCommand()
    {
        QProcess mock;
        mock.start(QStringLiteral(IAMSMART_BIN_DIR "/iamsmart"),
            {QStringLiteral("mock"), QStringLiteral("--state-dir"), stateDir(), QStringLiteral("--max-pending"),
                QStringLiteral("2")});
        QVERIFY(mock.waitForStarted());
        QVERIFY(mock.waitForReadyRead(30000));
        const QJsonObject ready = QJsonDocument::fromJson(mock.readLine()).object();
        const QString base = ready.value(QStringLiteral("baseUrl")).toString();
        const QJsonObject client = ready.value(QStringLiteral("client")).toObject();
        QVERIFY(!base.isEmpty());
        Protocol::QrParams q;
        q.clientId = client.value(QStringLiteral("clientID")).toString();
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = QStringLiteral("http://127.0.0.1:9/callback/auth");
        q.scope = QStringLiteral("eidapi_auth");
        const QString url = QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(base, q));
        QCOMPARE(http("GET", url).status, 303);
        QCOMPARE(http("GET", url).status, 303);
        const auto third = http("GET", url);
        QCOMPARE(third.status, 429);
        QVERIFY(third.body.contains("D20429"));
        mock.terminate();
        QVERIFY(mock.waitForFinished(10000));

        // A limit that is not a positive number is a usage error naming the option.
        QProcess bad;
        bad.start(QStringLiteral(IAMSMART_BIN_DIR "/iamsmart"),
            {QStringLiteral("mock"), QStringLiteral("--state-dir"), stateDir(), QStringLiteral("--max-pending"),
                QStringLiteral("0")});
        QVERIFY(bad.waitForFinished(30000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardError().contains("--max-pending"));
    }

    void entriesAreErasedAfterTheirWindow()
    {
        // Real time at the start, so that the client's signed timestamps are accepted.
        Util::ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        Mock::Simulator sim(Protocol::ApiCatalog::builtin(), clock);
        Mock::SimulatorOptions options;
        options.stateDir = stateDir();
        QVERIFY(sim.start(options).ok());
        TestSupport::SimulatorClient client(sim);
        Callback::CallbackListener listener;
        listener.setKekPrivateKey(client.kek());
        QVERIFY(listener.start().ok());
        QVERIFY(client.fetchKey());
        QCOMPARE(count(sim, "nonces"), 1);

        // A login: pending request, ticket, QR page, then a code and a token.
        const auto qr = http("GET", qrUrl(sim, QStringLiteral("login"), listener.urlFor(QStringLiteral("callback.auth"))));
        QCOMPARE(qr.status, 303);
        const QString qrPage = sim.baseUrl() + QString::fromUtf8(location(qr));
        const QString loginId = sim.pending().first().id;
        const auto approved = adminPost(sim, QStringLiteral("approve"), {{QStringLiteral("id"), loginId}});
        const QString code = QUrlQuery(QUrl(QJsonDocument::fromJson(approved.body)
                                                 .object()
                                                 .value(QStringLiteral("redirect"))
                                                 .toString()))
                                 .queryItemValue(QStringLiteral("code"));
        QVERIFY(!code.isEmpty());
        QCOMPARE(count(sim, "codes"), 1);
        const auto token = client.call(QStringLiteral("auth.getToken"),
            {{QStringLiteral("code"), code}, {QStringLiteral("grantType"), QStringLiteral("authorization_code")}});
        QCOMPARE(token.envelope.code, QStringLiteral("D00000"));
        QCOMPARE(count(sim, "codes"), 0); // single use: gone once exchanged
        QCOMPARE(count(sim, "tokens"), 1);

        // A profile request with a businessID, decided, delivered to the listener.
        const QString businessId = unique(QStringLiteral("bounded"));
        const QJsonObject profile {{QStringLiteral("businessID"), businessId},
            {QStringLiteral("accessToken"), token.content.value(QStringLiteral("accessToken"))},
            {QStringLiteral("openID"), token.content.value(QStringLiteral("openID"))},
            {QStringLiteral("source"), QStringLiteral("PC_Browser")},
            {QStringLiteral("redirectURI"), listener.urlFor(QStringLiteral("callback.profile"))},
            {QStringLiteral("state"), QStringLiteral("p")},
            {QStringLiteral("profileFields"), QJsonArray {QStringLiteral("enName")}}};
        QCOMPARE(client.call(QStringLiteral("auth.profile"), profile).envelope.code, QStringLiteral("D00000"));
        QCOMPARE(client.call(QStringLiteral("auth.profile"), profile).envelope.code, QStringLiteral("D20011"));
        const QString profileId = sim.pending().first().id;
        QCOMPARE(adminPost(sim, QStringLiteral("approve"), {{QStringLiteral("id"), profileId}}).status, 200);
        QTRY_COMPARE(count(sim, "deliveries"), 1);
        QCOMPARE(sim.deliveries().first().httpStatus, 200);

        // A login left undecided, and an unused code.
        QCOMPARE(http("GET", qrUrl(sim, QStringLiteral("left"), listener.urlFor(QStringLiteral("callback.auth")))).status,
            303);
        const QString leftId = sim.pending().first().id;
        QCOMPARE(count(sim, "undecided"), 1);
        QCOMPARE(count(sim, "requests"), 3);
        QVERIFY(count(sim, "nonces") >= 4);
        QCOMPARE(count(sim, "businessIDs"), 1);

        // Six minutes on: the nonces' timestamps are out of the allowed skew, so they are forgotten.
        clock.advance(6 * 60'000);
        sim.sweepExpired();
        QCOMPARE(count(sim, "nonces"), 0);
        QCOMPARE(count(sim, "requests"), 3); // decided requests are kept for their window

        // Eighteen minutes after the start the undecided login has expired (and is kept, decided, for its window).
        clock.advance(12 * 60'000 + 1000);
        sim.sweepExpired();
        QCOMPARE(sim.request(leftId)->status, QStringLiteral("expired"));
        QCOMPARE(count(sim, "undecided"), 0);
        QVERIFY(sim.request(loginId) == nullptr); // decided 18 minutes ago: forgotten
        QVERIFY(sim.request(profileId) == nullptr);
        QCOMPARE(count(sim, "businessIDs"), 0);
        QCOMPARE(count(sim, "deliveries"), 0);
        QCOMPARE(http("GET", qrPage).status, 404);

        // Another 18 minutes: the expired one goes too. Four hours: the token.
        clock.advance(18 * 60'000);
        sim.sweepExpired();
        QVERIFY(sim.request(leftId) == nullptr);
        QCOMPARE(count(sim, "requests"), 0);
        QCOMPARE(count(sim, "tokens"), 1);
        clock.advance(4 * 3600'000);
        sim.sweepExpired();
        QCOMPARE(count(sim, "tokens"), 0);
        QVERIFY(sim.pending().isEmpty());
    }

    void unusedCodesAndGatewayRecordsAreErased()
    {
        Util::ManualClock clock(1'900'000'000'000);
        Mock::Simulator sim(Protocol::ApiCatalog::builtin(), clock);
        Mock::SimulatorOptions options;
        options.stateDir = stateDir();
        QVERIFY(sim.start(options).ok());
        QCOMPARE(http("GET", qrUrl(sim, QStringLiteral("c"), QStringLiteral("http://127.0.0.1:9/callback/auth"))).status,
            303);
        QCOMPARE(adminPost(sim, QStringLiteral("approve"), {{QStringLiteral("id"), sim.pending().first().id}}).status,
            200);
        QCOMPARE(count(sim, "codes"), 1);
        clock.advance(61'000); // an authorisation code lives 60 s
        sim.sweepExpired();
        QCOMPARE(count(sim, "codes"), 0);

        const Mock::RegisteredClient& dev = sim.clients().devClient();
        const auto gateway = http("POST", sim.baseUrl() + QStringLiteral("/iamsmart/v2/request/auth"),
            QJsonDocument(QJsonObject {{QStringLiteral("source"), QStringLiteral("PC_Browser")},
                              {QStringLiteral("lang"), QStringLiteral("en-US")},
                              {QStringLiteral("redirect"), QStringLiteral("http://127.0.0.1:9/callback/gateway")},
                              {QStringLiteral("scope"), QStringLiteral("eidapi_auth")}})
                .toJson(QJsonDocument::Compact),
            {{"x-client-id", dev.clientId.toUtf8()}, {"x-client-secret", dev.clientSecret},
                {"Content-Type", "application/json"}});
        QCOMPARE(gateway.status, 200);
        QCOMPARE(count(sim, "gatewayRecords"), 1);
        QCOMPARE(adminPost(sim, QStringLiteral("reject"), {{QStringLiteral("id"), sim.pending().first().id}}).status,
            200);
        clock.advance(18 * 60'000 + 1000);
        sim.sweepExpired();
        QCOMPARE(count(sim, "gatewayRecords"), 1); // its login token (4 h) may still poll and hear "rejected"
        clock.advance(4 * 3600'000);
        sim.sweepExpired();
        QCOMPARE(count(sim, "gatewayRecords"), 0);
        QCOMPARE(count(sim, "requests"), 0);
    }

    void decidedRequestsPerClientAreBounded()
    {
        Mock::Simulator sim;
        Mock::SimulatorOptions options;
        options.stateDir = stateDir();
        options.maxPendingPerClient = 3;
        QVERIFY(sim.start(options).ok());
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(http("GET", qrUrl(sim, unique(QStringLiteral("d")), QStringLiteral("http://127.0.0.1:9/cb")))
                         .status,
                303);
            ids << sim.pending().last().id;
            QCOMPARE(adminPost(sim, QStringLiteral("cancel"), {{QStringLiteral("id"), ids.last()}}).status, 200);
        }
        // Three decided are kept, the two oldest are forgotten.
        QTRY_COMPARE(count(sim, "requests"), 3);
        QVERIFY(sim.request(ids.at(0)) == nullptr);
        QVERIFY(sim.request(ids.at(1)) == nullptr);
        QVERIFY(sim.request(ids.at(4)) != nullptr);
    }

    void listenerKeepsAtMostItsLimitAndCountsTheDropped()
    {
        QCOMPARE(Callback::ListenerOptions().maxRecords, 10'000); // the documented default
        Callback::CallbackListener listener;
        Callback::ListenerOptions options;
        options.maxRecords = 5;
        QVERIFY(listener.start(options).ok());
        QSignalSpy dropped(&listener, &Callback::CallbackListener::recordsDropped);
        for (int i = 0; i < 8; ++i)
            QCOMPARE(http("GET", listener.baseUrl() + QStringLiteral("/nowhere/%1").arg(i)).status, 404);
        QCOMPARE(listener.records().size(), 5);
        QCOMPARE(listener.droppedCount(), 3);
        QCOMPARE(dropped.size(), 3);
        QCOMPARE(dropped.last().at(1).toLongLong(), 3);
        // Oldest dropped first: what is left is the last five, in order.
        QCOMPARE(listener.records().first().path, QByteArray("/nowhere/3"));
        QCOMPARE(listener.records().last().path, QByteArray("/nowhere/7"));

        // Bodies are bounded too: a byte budget drops the oldest the same way.
        Callback::CallbackListener small;
        Callback::ListenerOptions tight;
        tight.maxRecordBytes = 100'000;
        QVERIFY(small.start(tight).ok());
        for (int i = 0; i < 4; ++i)
            http("POST", small.baseUrl() + QStringLiteral("/callback/profile"), QByteArray(40'000, 'x'));
        QCOMPARE(small.records().size(), 2);
        QCOMPARE(small.droppedCount(), 2);
    }

    void duplicatesAreFoundByFingerprint()
    {
        Callback::CallbackListener listener;
        QVERIFY(listener.start().ok());
        const QString url = listener.urlFor(QStringLiteral("callback.auth"));
        listener.expect({QStringLiteral("r1"), QStringLiteral("auth.getQR"), QStringLiteral("callback.auth"), {},
            QStringLiteral("S")});
        QCOMPARE(http("GET", url + QStringLiteral("?code=c1&state=S")).status, 200);
        QCOMPARE(listener.records().last().matchStatus, Callback::Match::Matched);
        QCOMPARE(listener.records().last().matchedRequestId, QStringLiteral("r1"));

        // A newer request with the same state: an exact replay of the first callback is still a duplicate (only
        // the fingerprint knows it), while a new callback for it matches.
        listener.expect({QStringLiteral("r2"), QStringLiteral("auth.getQR"), QStringLiteral("callback.auth"), {},
            QStringLiteral("S")});
        http("GET", url + QStringLiteral("?code=c1&state=S"));
        QCOMPARE(listener.records().last().matchStatus, Callback::Match::Duplicate);
        QCOMPARE(http("GET", url + QStringLiteral("?code=c2&state=S")).status, 200);
        QCOMPARE(listener.records().last().matchStatus, Callback::Match::Matched);
        QCOMPARE(listener.records().last().matchedRequestId, QStringLiteral("r2"));
    }
};

QTEST_MAIN(TestBounds)
#include "tst_bounds.moc"
