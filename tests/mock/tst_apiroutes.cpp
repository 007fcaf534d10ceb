#include "mock/ApiRoutes.h"

#include <QTest>

using Mock::ApiRoutes;

/// The routing table: a catalog id finds its own handler and stage, anything else the fallback.
class TestApiRoutes : public QObject
{
    Q_OBJECT

    static Net::HttpResponse answer(const QByteArray& text) { return Net::HttpResponse::text(200, text); }

private slots:
    void routesByCatalogId()
    {
        ApiRoutes routes;
        routes.add(QStringLiteral("keys.getKey"), ApiRoutes::Stage::Headers, [](const Mock::ApiCall&) { return answer("key"); });
        routes.add(QStringLiteral("auth.getToken"), ApiRoutes::Stage::Body,
            [](const Mock::ApiCall& call) { return answer(call.body.value(QLatin1String("code")).toString().toUtf8()); });
        routes.setFallback([](const Mock::ApiCall& call) { return answer("phone:" + call.api.id.toUtf8()); });

        const Protocol::ApiCatalog& catalog = Protocol::ApiCatalog::builtin();
        Mock::RegisteredClient client;
        QVERIFY(routes.has(QStringLiteral("keys.getKey")));
        QVERIFY(!routes.has(QStringLiteral("signing.sign")));
        QCOMPARE(routes.route(QStringLiteral("keys.getKey")).stage, ApiRoutes::Stage::Headers);
        QCOMPARE(routes.route(QStringLiteral("auth.getToken")).stage, ApiRoutes::Stage::Body);
        QCOMPARE(routes.route(QStringLiteral("signing.sign")).stage, ApiRoutes::Stage::Authorised);

        const Mock::ApiCall token {*catalog.api(QStringLiteral("auth.getToken")), client, 0, true,
            {{QStringLiteral("code"), QStringLiteral("abc")}}, {}, {}};
        QCOMPARE(routes.route(token.api.id).handler(token).body, QByteArray("abc"));
        const Mock::ApiCall sign {*catalog.api(QStringLiteral("signing.sign")), client, 0, true, {}, {}, {}};
        QCOMPARE(routes.route(sign.api.id).handler(sign).body, QByteArray("phone:signing.sign"));
        const Mock::ApiCall key {*catalog.api(QStringLiteral("keys.getKey")), client, 0, true, {}, {}, {}};
        QCOMPARE(routes.route(key.api.id).handler(key).body, QByteArray("key"));
    }

    void aLaterRouteReplacesAnEarlierOne()
    {
        ApiRoutes routes;
        routes.add(QStringLiteral("x"), ApiRoutes::Stage::Headers, [](const Mock::ApiCall&) { return answer("1"); });
        routes.add(QStringLiteral("x"), ApiRoutes::Stage::Body, [](const Mock::ApiCall&) { return answer("2"); });
        QCOMPARE(routes.route(QStringLiteral("x")).stage, ApiRoutes::Stage::Body);
    }
};

QTEST_GUILESS_MAIN(TestApiRoutes)
#include "tst_apiroutes.moc"
