#include "protocol/UrlBuilder.h"

#include <QTest>

using namespace Protocol;
Q_DECLARE_METATYPE(Protocol::QrParams)

/// getQR and app-scheme URLs (protocol.md §4.1, §5), against hand-checked strings.
class TestUrlBuilder : public QObject
{
    Q_OBJECT

private slots:
    void getQr_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QrParams>("params");
        QTest::addColumn<QByteArray>("expected");

        QrParams p;
        p.clientId = QStringLiteral("edae2e2529ff46228af1e4d18c8405d1");
        p.source = QStringLiteral("PC_Browser");
        p.redirectUri = QStringLiteral("https://rp_domain/rp_context/call_back_endpoint");
        p.scope = QStringLiteral("eidapi_auth eidapi_formFilling eidapi_profiles");
        p.lang = QStringLiteral("en-US");
        p.state = QStringLiteral("eb9b7b8eddd5");
        QTest::newRow("protocol.md example")
            << QStringLiteral("https://apigw-isit.staging-eid.gov.hk") << p
            << QByteArray(
                   "https://apigw-isit.staging-eid.gov.hk/api/v1/auth/getQR?clientID=edae2e2529ff46228af1e4d18c8405d1"
                   "&responseType=code&source=PC_Browser"
                   "&redirectURI=https%3A%2F%2Frp_domain%2Frp_context%2Fcall_back_endpoint"
                   "&scope=eidapi_auth%20eidapi_formFilling%20eidapi_profiles&lang=en-US&state=eb9b7b8eddd5");

        QrParams q = p;
        q.lang.clear();
        q.state.clear();
        q.scope = QStringLiteral("eidapi_auth");
        q.brokerPage = true;
        q.ticketId = QStringLiteral("t-1/2");
        q.redirectUri = QStringLiteral("http://127.0.0.1:4000/callback/auth?x=1&y=é");
        QTest::newRow("broker page, ticket, trailing slash base, query in redirect")
            << QStringLiteral("http://127.0.0.1:8080/") << q
            << QByteArray("http://127.0.0.1:8080/api/v1/auth/getQR?clientID=edae2e2529ff46228af1e4d18c8405d1"
                          "&responseType=code&source=PC_Browser"
                          "&redirectURI=http%3A%2F%2F127.0.0.1%3A4000%2Fcallback%2Fauth%3Fx%3D1%26y%3D%C3%A9"
                          "&scope=eidapi_auth&brokerPage=true&ticketID=t-1%2F2");
    }

    void getQr()
    {
        QFETCH(QString, base);
        QFETCH(QrParams, params);
        QFETCH(QByteArray, expected);
        QCOMPARE(UrlBuilder::getQrUrl(base, params), expected);
    }

    void appScheme()
    {
        AppSchemeParams p;
        p.context = QStringLiteral("re-auth");
        p.ticketId = QStringLiteral("6d1f2a");
        QCOMPARE(UrlBuilder::appSchemeUrl(p), QByteArray("hk.gov.iamsmart.testapp://re-auth?ticketID=6d1f2a"));

        p.scheme = QStringLiteral("hk.gov.iamsmart");
        p.context = QStringLiteral("form-filling");
        p.source = QStringLiteral("App_Scheme");
        p.redirectUri = QStringLiteral("https://rp.example.hk/callback/anonymous");
        p.state = QStringLiteral("s_1");
        QCOMPARE(UrlBuilder::appSchemeUrl(p),
            QByteArray("hk.gov.iamsmart://form-filling?ticketID=6d1f2a&source=App_Scheme"
                       "&redirectURI=https%3A%2F%2Frp.example.hk%2Fcallback%2Fanonymous&state=s_1"));
    }
};

QTEST_GUILESS_MAIN(TestUrlBuilder)
#include "tst_urlbuilder.moc"
