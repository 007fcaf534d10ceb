#include "protocol/ApiCatalog.h"
#include "protocol/Links.h"

#include <QTest>

using namespace Protocol;

/// One link builder for the console, the flow runner and the simulator: getQR URLs from a body, app-scheme links
/// per API (the same for every caller), and the gateway's universal links.
class TestLinks : public QObject
{
    Q_OBJECT

private slots:
    void qrParametersAreReadFromABody()
    {
        const QJsonObject body {{QStringLiteral("clientID"), QStringLiteral("c1")},
            {QStringLiteral("source"), QStringLiteral("PC_Browser")},
            {QStringLiteral("redirectURI"), QStringLiteral("https://rp.example/cb?x=1")},
            {QStringLiteral("scope"), QStringLiteral("eidapi_auth eidapi_profiles")},
            {QStringLiteral("lang"), QStringLiteral("en-US")}, {QStringLiteral("state"), QStringLiteral("s 1")},
            {QStringLiteral("brokerPage"), true}, {QStringLiteral("ticketID"), QStringLiteral("t1")}};
        const QrParams p = Links::qrParams(body);
        QCOMPARE(p.clientId, QStringLiteral("c1"));
        QCOMPARE(p.scope, QStringLiteral("eidapi_auth eidapi_profiles"));
        QCOMPARE(p.brokerPage, std::optional<bool>(true));
        QCOMPARE(p.ticketId, QStringLiteral("t1"));
        QCOMPARE(Links::getQrUrl(QStringLiteral("https://gw.example"), body),
            QStringLiteral("https://gw.example/api/v1/auth/getQR?clientID=c1&responseType=code&source=PC_Browser"
                           "&redirectURI=https%3A%2F%2Frp.example%2Fcb%3Fx%3D1&scope=eidapi_auth%20eidapi_profiles"
                           "&lang=en-US&state=s%201&brokerPage=true&ticketID=t1"));
        // brokerPage absent: not sent at all.
        QVERIFY(!Links::qrParams({}).brokerPage.has_value());
    }

    void appLinkTakesTheApisContext()
    {
        const ApiCatalog& catalog = ApiCatalog::builtin();
        QCOMPARE(Links::appLink(catalog.api(QStringLiteral("formfilling.eme")), QStringLiteral("T1")),
            QStringLiteral("hk.gov.iamsmart.testapp://form-filling?ticketID=T1"));
        QCOMPARE(Links::appLink(catalog.api(QStringLiteral("reauth.stepup")), QStringLiteral("T2")),
            QStringLiteral("hk.gov.iamsmart.testapp://re-auth?ticketID=T2"));
        // No context of its own (a login): "auth".
        QCOMPARE(Links::appLink(catalog.api(QStringLiteral("auth.getQR")), QStringLiteral("T3")),
            QStringLiteral("hk.gov.iamsmart.testapp://auth?ticketID=T3"));
        QCOMPARE(Links::appLink(nullptr, QStringLiteral("T4")), QStringLiteral("hk.gov.iamsmart.testapp://auth?ticketID=T4"));
    }

    void anonymousLinksCarrySourceRedirectAndState()
    {
        const QJsonObject sent {{QStringLiteral("redirectURI"), QStringLiteral("https://rp.example/done")},
            {QStringLiteral("state"), QStringLiteral("st")}, {QStringLiteral("businessID"), QStringLiteral("b")}};
        QCOMPARE(Links::appLink(ApiCatalog::builtin().api(QStringLiteral("anonymous.sign.initiate")),
                     QStringLiteral("T5"), sent),
            QStringLiteral("hk.gov.iamsmart.testapp://hash-sign?ticketID=T5&source=App_Scheme"
                           "&redirectURI=https%3A%2F%2Frp.example%2Fdone&state=st"));
        // A request that is not anonymous ignores the body.
        QCOMPARE(Links::appLink(ApiCatalog::builtin().api(QStringLiteral("signing.sign")), QStringLiteral("T6"), sent),
            QStringLiteral("hk.gov.iamsmart.testapp://hash-sign?ticketID=T6"));
    }

    void universalLinks()
    {
        QCOMPARE(Links::universalLink(false, QStringLiteral("abc")),
            QStringLiteral("https://hk.gov.iamsmart.testapp/auth?ticketID=abc"));
        QCOMPARE(Links::universalLink(true, QStringLiteral("a/b")),
            QStringLiteral("https://hk.gov.iamsmart.testapp/ticket?ticketID=a%2Fb"));
    }
};

QTEST_GUILESS_MAIN(TestLinks)
#include "tst_links.moc"
