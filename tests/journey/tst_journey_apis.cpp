#include "JourneyHarness.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "callback/CallbackListener.h"
#include "flows/FlowView.h"
#include "forms/TryItForm.h"
#include "history/HistoryPanel.h"
#include "mock/Simulator.h"
#include "request/ApiPage.h"
#include "session/ConsoleSession.h"

#include <QJsonObject>
#include <QLabel>
#include <QTabBar>
#include <QTreeView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>

/// Journeys on the API pages, by real input: Ctrl+Return sends on the QR page too; a page that needs a login
/// says so and "Log in first" earns the values on the phone; the portal's samples are one click away and their
/// refusal names the next step; invalid JSON blocks Send with the reason next to it; History → Reopen shows
/// that exchange's request and response on its page.
class TestJourneyApis : public QObject
{
    Q_OBJECT

private:
    Mock::Simulator m_simulator;
    LanguageManager m_languages;
    std::unique_ptr<MainWindow> m_window;

    template<typename T>
    T* child(QWidget* in, const char* name)
    {
        return in->findChild<T*>(QLatin1String(name));
    }

private slots:
    void initTestCase()
    {
        m_languages.restore(QStringLiteral("en"));
        Mock::SimulatorOptions options;
        options.stateDir
            = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/mock");
        QVERIFY(m_simulator.start(options));
        m_window = std::make_unique<MainWindow>(&m_languages, &m_simulator);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(Journey::Harness::waitFor([this] { return !m_window->session()->cek().isEmpty(); }));
    }

    void profilePageSaysLogInFirstAndTheLoginFillsIt()
    {
        Journey::Harness h(QStringLiteral("log-in-first"));
        QVERIFY(m_window->selectApi(QStringLiteral("auth.profile")));
        ApiPage* page = m_window->currentPage();
        auto* missing = child<QLabel>(page, "missingEarnedLabel");
        QVERIFY2(missing->isVisible() && missing->text().contains(QStringLiteral("accessToken")),
            qPrintable(missing->text()));
        QVERIFY2(h.step(QStringLiteral("missing")), h.why());
        QVERIFY2(h.click(QStringLiteral("Log in first"), page), h.why());
        QVERIFY2(h.waitFor([&] { return !m_simulator.pending().isEmpty(); }), "the phone shows no login");
        QVERIFY2(h.step(QStringLiteral("phone-waits")), h.why());
        QVERIFY2(h.click(QStringLiteral("Approve")), h.why());
        QVERIFY2(h.waitFor([&] { return !m_window->flowView()->runner()->isRunning(); }), "the login did not end");
        QVERIFY2(m_window->flowView()->runner()->result().passed,
            qPrintable(m_window->flowView()->runner()->result().failureDetail));
        QCOMPARE(page->form()->values().value(QLatin1String("accessToken")).toString(),
            m_window->session()->earned().value(QStringLiteral("accessToken")));
        QVERIFY(h.waitFor([&] { return !missing->isVisible(); }, 2000));
        QVERIFY2(h.step(QStringLiteral("filled")), h.why());
    }

    void ctrlReturnSendsTheQrPage()
    {
        Journey::Harness h(QStringLiteral("ctrl-return"));
        QVERIFY(m_window->selectApi(QStringLiteral("auth.getQR")));
        const qsizetype before = m_simulator.pending().size();
        QVERIFY2(h.keyOn(m_window->currentPage()->form(), Qt::Key_Return, Qt::ControlModifier), h.why());
        QVERIFY2(h.waitFor([&] { return m_simulator.pending().size() > before; }), "Ctrl+Return did not send");
        QVERIFY2(h.step(QStringLiteral("sent")), h.why());
        QVERIFY2(h.click(QStringLiteral("Approve")), h.why());
    }

    void portalSamplesAreOneClickAwayAndD40004SaysWhatNext()
    {
        Journey::Harness h(QStringLiteral("samples"));
        QVERIFY(m_window->selectApi(QStringLiteral("auth.getToken")));
        ApiPage* page = m_window->currentPage();
        QVERIFY2(h.waitFor([&] { return !m_window->session()->earned().value(QStringLiteral("code")).isEmpty(); }),
            "no code earned");
        QCOMPARE(page->form()->values().value(QLatin1String("code")).toString(),
            m_window->session()->earned().value(QStringLiteral("code")));
        QVERIFY2(h.click(QStringLiteral("Use portal sample values"), page), h.why());
        QCOMPARE(page->form()->values().value(QLatin1String("code")),
            page->api().mockValues().value(QLatin1String("code")));
        QVERIFY2(h.click(QStringLiteral("Send"), page), h.why());
        auto* code = child<QLabel>(page, "responseCodeLabel");
        QVERIFY2(h.waitFor([&] { return code->text().startsWith(QLatin1String("D")); }), qPrintable(code->text()));
        QVERIFY2(code->text().startsWith(QLatin1String("D40004")), qPrintable(code->text()));
        QVERIFY2(code->text().contains(QLatin1String("log in again")), qPrintable(code->text()));
        QVERIFY2(h.step(QStringLiteral("d40004")), h.why());
    }

    void emptyParameterIsNamed()
    {
        Journey::Harness h(QStringLiteral("placeholder"));
        QVERIFY(m_window->selectApi(QStringLiteral("auth.getToken")));
        ApiPage* page = m_window->currentPage();
        QJsonObject body = page->form()->values();
        body.insert(QStringLiteral("code"), QString());
        page->loadBody(body);
        QVERIFY2(h.click(QStringLiteral("Send"), page), h.why());
        auto* code = child<QLabel>(page, "responseCodeLabel");
        QVERIFY2(h.waitFor([&] { return code->text().startsWith(QLatin1String("D2")); }), qPrintable(code->text()));
        QVERIFY2(!code->text().contains(QLatin1String("…")) && !code->text().contains(QLatin1String("%1")),
            qPrintable(code->text()));
        QVERIFY2(code->text().contains(QLatin1String("code")), qPrintable(code->text()));
        QVERIFY2(h.step(QStringLiteral("named")), h.why());
    }

    void invalidJsonBlocksSend()
    {
        Journey::Harness h(QStringLiteral("invalid-json"));
        QVERIFY(m_window->selectApi(QStringLiteral("auth.getToken")));
        ApiPage* page = m_window->currentPage();
        auto* tabs = child<QTabWidget>(page, "inputTabs");
        QVERIFY2(h.clickTabOf(tabs->tabBar(), QStringLiteral("JSON")), h.why());
        QVERIFY2(h.type(QStringLiteral("Request body as JSON"), QStringLiteral("{\"code\": ")), h.why());
        auto* send = child<QPushButton>(page, "sendButton");
        auto* status = child<QLabel>(page, "previewStatusLabel");
        QVERIFY(!send->isEnabled());
        QVERIFY2(status->isVisible() && status->text().contains(QLatin1String("JSON")), qPrintable(status->text()));
        const int exchanges = m_window->historyPanel()->exchanges().size();
        QVERIFY2(h.keyOn(page->findChild<QPlainTextEdit*>(QStringLiteral("rawJsonEditor")), Qt::Key_Return,
                     Qt::ControlModifier),
            h.why());
        QTest::qWait(300);
        QCOMPARE(m_window->historyPanel()->exchanges().size(), exchanges); // nothing left
        QVERIFY2(h.step(QStringLiteral("blocked")), h.why());
        QVERIFY2(h.type(QStringLiteral("Request body as JSON"),
                     QStringLiteral("{\"code\": \"x\", \"grantType\": \"authorization_code\"}")),
            h.why());
        QVERIFY(send->isEnabled());
        QVERIFY(!status->text().contains(QLatin1String("blocked")));
    }

    void historyReopenShowsRequestAndResponse()
    {
        Journey::Harness h(QStringLiteral("history"));
        // The earlier D40004 getToken exchange, reopened while another page is in front.
        QVERIFY(m_window->selectApi(QStringLiteral("auth.getQR")));
        const QList<Session::Exchange> all = m_window->historyPanel()->exchanges();
        int at = -1;
        for (int i = 0; i < all.size(); ++i) {
            if (all.at(i).apiId == QLatin1String("auth.getToken") && all.at(i).returnCode() == QLatin1String("D40004"))
                at = i;
        }
        QVERIFY(at >= 0);
        // The History dock is a tab behind Callbacks: its tab first, then the row.
        QTabBar* dockTabs = nullptr;
        for (QTabBar* bar : m_window->findChildren<QTabBar*>()) {
            for (int i = 0; i < bar->count(); ++i)
                dockTabs = bar->tabText(i) == QLatin1String("History") ? bar : dockTabs;
        }
        QVERIFY(dockTabs);
        QVERIFY2(h.clickTabOf(dockTabs, QStringLiteral("History")), h.why());
        auto* list = qobject_cast<QTreeView*>(h.find(QStringLiteral("Exchange history")));
        QVERIFY(list && list->isVisible());
        const QModelIndex row = list->model()->index(at, 0);
        list->scrollTo(row);
        QVERIFY2(h.clickWidget(list->viewport(), list->visualRect(row).center()), h.why());
        QVERIFY2(h.click(QStringLiteral("Reopen")), h.why());
        QCOMPARE(m_window->currentApiId(), QStringLiteral("auth.getToken"));
        ApiPage* page = m_window->currentPage();
        QVERIFY(page->isVisible());
        QVERIFY2(child<QLabel>(page, "responseCodeLabel")->text().startsWith(QLatin1String("D40004")),
            qPrintable(child<QLabel>(page, "responseCodeLabel")->text()));
        QCOMPARE(page->form()->values().value(QLatin1String("code")),
            page->api().mockValues().value(QLatin1String("code")));
        QVERIFY2(h.step(QStringLiteral("reopened")), h.why());
    }

    void tokenOfAnotherScopeIsNotOffered()
    {
        // A fresh window (its own session): log in asking for eidapi_auth only, then open the profile page.
        MainWindow window(&m_languages, &m_simulator);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(Journey::Harness::waitFor([&] { return !window.session()->cek().isEmpty(); }));
        Journey::Harness h(QStringLiteral("scope"));
        QVERIFY(window.selectApi(QStringLiteral("auth.getQR")));
        QVERIFY2(h.type(QStringLiteral("Scopes"), QStringLiteral("eidapi_auth")), h.why());
        QVERIFY2(h.click(QStringLiteral("Send"), window.currentPage()), h.why());
        QVERIFY2(h.waitFor([&] { return !m_simulator.pending().isEmpty(); }), "the phone shows no login");
        QVERIFY2(h.click(QStringLiteral("Approve"), &window), h.why());
        QVERIFY(h.waitFor([&] { return !window.session()->earned().value(QStringLiteral("code")).isEmpty(); }));
        QVERIFY(window.selectApi(QStringLiteral("auth.getToken")));
        QVERIFY2(h.click(QStringLiteral("Send"), window.currentPage()), h.why());
        QVERIFY(h.waitFor([&] { return !window.session()->earned().value(QStringLiteral("accessToken")).isEmpty(); }));
        QVERIFY(window.selectApi(QStringLiteral("auth.profile")));
        ApiPage* page = window.currentPage();
        QVERIFY(page->form()->values().value(QLatin1String("accessToken")).toString()
            != window.session()->earned().value(QStringLiteral("accessToken")));
        auto* missing = child<QLabel>(page, "missingEarnedLabel");
        QVERIFY2(missing->isVisible() && missing->text().contains(QLatin1String("eidapi_profiles")),
            qPrintable(missing->text()));
        QVERIFY(child<QPushButton>(page, "loginFirstButton")->isVisible());
        QVERIFY2(h.step(QStringLiteral("scope-missing")), h.why());
    }

    /// Every API page, in every language, leaves the window and its docks on the screen: a page with more to show
    /// (the PDF signing panel, the login notes) scrolls its answer column instead of growing the window.
    void everyPageFitsTheScreenInEveryLanguage()
    {
        QStringList off;
        for (const Protocol::Language lang : {Protocol::Language::English, Protocol::Language::TraditionalChinese,
                 Protocol::Language::SimplifiedChinese}) {
            m_languages.choose(lang);
            for (const Protocol::ApiSpec& api : Protocol::ApiCatalog::builtin().apis()) {
                QVERIFY(m_window->selectApi(api.id));
                QCoreApplication::processEvents();
                const QStringList where = Journey::Harness::offScreen();
                if (!where.isEmpty()) {
                    Journey::Harness h(QStringLiteral("fit-") + Protocol::languageKey(lang));
                    (void)h.step(api.id);
                    off << QStringLiteral("%1 (%2): %3")
                               .arg(api.id, Protocol::languageKey(lang), where.join(QStringLiteral("; ")));
                }
            }
        }
        m_languages.choose(Protocol::Language::English);
        QVERIFY2(off.isEmpty(), qPrintable(off.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase() { m_window.reset(); }
};

JOURNEY_MAIN(TestJourneyApis)
#include "tst_journey_apis.moc"
