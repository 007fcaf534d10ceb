#include "LanguageManager.h"
#include "MainWindow.h"
#include "protocol/ApiCatalog.h"
#include "request/ApiPage.h"
#include "session/RequestPresenter.h"

#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

using Protocol::Language;
using Session::RequestPresenter;

/// The Specification tab (issue 16): enumerations next to their fields, the whole envelope, header types, HTTP
/// statuses, callbacks linked both ways, the scope, and return codes in the UI language.
class TestSpecPage : public QObject
{
    Q_OBJECT

private:
    static const Protocol::ApiSpec& api(const char* id)
    {
        return *Protocol::ApiCatalog::builtin().api(QString::fromLatin1(id));
    }

    /// Where the link with `href` is drawn in the browser's viewport.
    static QPoint linkPosition(QTextBrowser* browser, const QString& href)
    {
        QTextDocument* doc = browser->document();
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                if (f.charFormat().anchorHref() != href)
                    continue;
                QTextCursor c(doc);
                c.setPosition(f.position() + f.length() / 2);
                browser->setTextCursor(c);
                browser->ensureCursorVisible();
                return browser->cursorRect(c).center();
            }
        }
        return {-1, -1};
    }

private slots:
    void profileSpecificationIsComplete()
    {
        const QString html = RequestPresenter::specHtml(api("auth.profile"), Language::English);
        QTextDocument doc;
        doc.setHtml(html);
        const QString text = doc.toPlainText();
        // Enumeration tables, anchored, and linked from the fields that use them.
        for (const char* e : {"profileFields", "sources"}) {
            QVERIFY2(html.contains(QStringLiteral("name=\"enum-%1\"").arg(QLatin1String(e))), e);
            QVERIFY2(html.contains(QStringLiteral("href=\"#enum-%1\"").arg(QLatin1String(e))), e);
        }
        for (const auto& v : Protocol::ApiCatalog::builtin().enumeration(QStringLiteral("profileFields"))->values)
            QVERIFY2(text.contains(v.value) && text.contains(v.label.en()), qPrintable(v.value));
        // The whole envelope.
        for (const char* key : {"\"txID\"", "\"code\": \"D00000\"", "\"message\": \"SUCCESS\"", "\"content\"", "\"authByQR\""})
            QVERIFY2(text.contains(QLatin1String(key)), key);
        // Header types.
        QVERIFY(html.contains(QStringLiteral("<code>timestamp</code></td><td>integer")));
        QVERIFY(html.contains(QStringLiteral("<code>nonce</code></td><td>string")));
        // The seed's HTTP statuses with their meaning.
        for (const char* s : {"302", "400", "401", "403", "404", "429", "500", "503"})
            QVERIFY2(html.contains(QStringLiteral("<code>%1</code>").arg(QLatin1String(s))), s);
        QVERIFY(text.contains(QStringLiteral("Too many requests")));
        // Callback, scope, return codes.
        QVERIFY(html.contains(QStringLiteral("href=\"iamsmart-api:callback.profile\"")));
        QVERIFY(text.contains(QStringLiteral("eidapi_profiles")));
        QVERIFY(text.contains(QStringLiteral("D50001")));
    }

    void followsTheUiLanguage()
    {
        const auto* rc = Protocol::ApiCatalog::builtin().returnCode(QStringLiteral("D00000"));
        const auto* source = &Protocol::ApiCatalog::builtin().enumeration(QStringLiteral("sources"))->values.first();
        for (Language lang : Protocol::allLanguages()) {
            const QString html = RequestPresenter::specHtml(api("auth.profile"), lang);
            QVERIFY(html.contains(rc->meaning.get(lang).toHtmlEscaped()));
            QVERIFY(html.contains(source->label.get(lang).toHtmlEscaped()));
        }
        // The callback page links back to the requests that lead to it; direct login to getToken.
        QVERIFY(RequestPresenter::specHtml(api("callback.profile"), Language::English)
                    .contains(QStringLiteral("href=\"iamsmart-api:auth.profile\"")));
        QVERIFY(RequestPresenter::specHtml(api("callback.directLogin"), Language::English)
                    .contains(QStringLiteral("href=\"iamsmart-api:auth.getToken\"")));
    }

    /// The gateway family's pages have a header table too: its client credentials, with their types, and none of
    /// the signed envelope's headers (which the gateway never takes).
    void gatewayPagesListTheirHeaders()
    {
        for (const Language lang : {Language::English, Language::TraditionalChinese, Language::SimplifiedChinese}) {
            const QString html = RequestPresenter::specHtml(api("gateway.auth"), lang);
            QVERIFY(html.contains(QStringLiteral("<code>x-client-id</code></td><td>string")));
            QVERIFY(html.contains(QStringLiteral("<code>x-client-secret</code></td><td>string")));
            QVERIFY(!html.contains(QStringLiteral("<code>signatureMethod</code>")));
            const auto headers = Protocol::ApiCatalog::builtin().headers(QStringLiteral("gateway"));
            QCOMPARE(headers.size(), 2);
            for (const auto& h : headers)
                QVERIFY(html.contains(h.description.get(lang).toHtmlEscaped()));
        }
        // And the iAM Smart pages keep theirs, without the gateway's.
        const QString profile = RequestPresenter::specHtml(api("auth.profile"), Language::English);
        QVERIFY(profile.contains(QStringLiteral("<code>signatureMethod</code>")));
        QVERIFY(!profile.contains(QStringLiteral("x-client-secret")));
    }

    void clickingTheCallbackLinkOpensItsPage()
    {
        LanguageManager languages;
        MainWindow window(&languages);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.selectApi(QStringLiteral("auth.profile")));
        auto* spec = window.currentPage()->findChild<QTextBrowser*>(QStringLiteral("specBrowser"));
        QVERIFY(spec);
        // Bring the Specification tab forward if it is not.
        if (!spec->isVisible()) {
            if (auto* tabs = qobject_cast<QTabWidget*>(spec->parentWidget()->parentWidget()))
                tabs->setCurrentWidget(spec);
        }
        QTRY_VERIFY(spec->isVisible());
        const QPoint at = linkPosition(spec, QStringLiteral("iamsmart-api:callback.profile"));
        QVERIFY(at.x() >= 0);
        QTest::mouseClick(spec->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(window.currentApiId(), QStringLiteral("callback.profile"));
    }
};

QTEST_MAIN(TestSpecPage)
#include "tst_specpage.moc"
