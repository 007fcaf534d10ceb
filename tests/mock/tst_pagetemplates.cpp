#include "mock/PageTemplates.h"

#include <QTest>

using namespace Mock;

/// The simulator's pages: templates from the resource file, every value HTML-escaped, markup slots only for what
/// the code made itself.
class TestPageTemplates : public QObject
{
    Q_OBJECT

private slots:
    void valuesAreEscaped()
    {
        const QString out = PageTemplates::fill(QStringLiteral("<a href=\"{{url}}\">{{ text }}</a>{{{svg}}}"),
            {{QStringLiteral("url"), QStringLiteral("x\"onclick=\"alert(1)")},
                {QStringLiteral("text"), QStringLiteral("<script>&</script>")},
                {QStringLiteral("svg"), QStringLiteral("<b>not markup</b>")}},
            {{QStringLiteral("svg"), QStringLiteral("<svg/>")}});
        QCOMPARE(out, QStringLiteral("<a href=\"x&quot;onclick=&quot;alert(1)\">&lt;script&gt;&amp;&lt;/script&gt;</a><svg/>"));
    }

    void missingValuesAndStrayBraces()
    {
        QCOMPARE(PageTemplates::fill(QStringLiteral("a{{gone}}b{{x"), {}, {}), QStringLiteral("ab{{x"));
        QCOMPARE(PageTemplates::fill(QStringLiteral("{{{m}}}|{{m}}"), {{QStringLiteral("m"), QStringLiteral("<v>")}}, {}),
            QStringLiteral("|&lt;v&gt;"));
    }

    void qrPageFillsEverySlot()
    {
        const QString html = QString::fromUtf8(PageTemplates::render(QStringLiteral("qr"),
            {{QStringLiteral("lang"), QStringLiteral("en")}, {QStringLiteral("title"), QStringLiteral("Scan <me>")},
                {QStringLiteral("link"), QStringLiteral("hk.gov.iamsmart.testapp://auth?ticketID=1&x=2")},
                {QStringLiteral("open"), QStringLiteral("Open")}, {QStringLiteral("status"), QStringLiteral("waiting")},
                {QStringLiteral("moreInfoUrl"), QStringLiteral("https://www.iamsmart.gov.hk/en/")},
                {QStringLiteral("moreInfo"), QStringLiteral("More info")}},
            {{QStringLiteral("qrSvg"), QStringLiteral("<svg id=\"code\"></svg>")}}));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(!html.contains(QStringLiteral("{{")));
        QVERIFY(html.contains(QStringLiteral("<title>Scan &lt;me&gt;</title>")));
        QVERIFY(html.contains(QStringLiteral("href=\"hk.gov.iamsmart.testapp://auth?ticketID=1&amp;x=2\"")));
        QVERIFY(html.contains(QStringLiteral("<div id=\"qr\"><svg id=\"code\"></svg></div>")));
        QVERIFY(html.contains(QStringLiteral("<html lang=\"en\">")));
    }

    void messagePage()
    {
        const QString html = QString::fromUtf8(PageTemplates::render(QStringLiteral("message"),
            {{QStringLiteral("title"), QStringLiteral("D20003")}, {QStringLiteral("text"), QStringLiteral("bad <input>")}}));
        QVERIFY(html.contains(QStringLiteral("<h1>D20003</h1><p>bad &lt;input&gt;</p>")));
    }
};

QTEST_GUILESS_MAIN(TestPageTemplates)
#include "tst_pagetemplates.moc"
