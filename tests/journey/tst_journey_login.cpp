#include "JourneyHarness.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "callback/CallbackListener.h"
#include "flows/FlowView.h"
#include "forms/TryItForm.h"
#include "mock/Simulator.h"
#include "request/ApiPage.h"
#include "session/ConsoleSession.h"

#include <QJsonObject>
#include <QLabel>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

/// Journey (a): a newcomer on a fresh profile goes from the first screen to a matched, decrypted profile
/// callback — log in (Send on the QR page, approve on the phone), get the token, ask for the profile, approve
/// — clicking as a person does. The actions are counted (goal: at most 10) and the window must fit the screen
/// after every step. Also: the first-run "Start here" panel's "Try a login" does the same in one click plus
/// the phone's decisions.
class TestJourneyLogin : public QObject
{
    Q_OBJECT

private:
    Mock::Simulator m_simulator;
    LanguageManager m_languages;

    static const Callback::CallbackRecord* profileCallback(MainWindow& window, int after)
    {
        const QList<Callback::CallbackRecord>& records = window.listener()->records();
        for (int i = after; i < records.size(); ++i) {
            const Callback::CallbackRecord& r = records.at(i);
            if (r.callbackId == QLatin1String("callback.profile"))
                return &r;
        }
        return nullptr;
    }

    /// A widget's accessible name is its text without the mnemonic, in the UI language.
    static QString ui(const char* context, const char* source)
    {
        return QCoreApplication::translate(context, source).remove(QRegularExpression(QStringLiteral("\\(&.\\)|&")));
    }

    static bool settled(MainWindow& window)
    {
        return !window.session()->cek().isEmpty();
    }

private slots:
    void initTestCase()
    {
        m_languages.restore(QStringLiteral("en"));
        Mock::SimulatorOptions options;
        options.stateDir
            = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/mock");
        QVERIFY(m_simulator.start(options));
        QVERIFY(!QSettings().value(QStringLiteral("startHere/dismissed")).toBool()); // a fresh profile
    }

    void freshProfileToDecryptedProfileCallback_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh-HK") << QStringLiteral("zh-HK");
        QTest::newRow("zh-CN") << QStringLiteral("zh-CN");
    }

    void freshProfileToDecryptedProfileCallback()
    {
        QFETCH(QString, lang);
        const Protocol::Language language = Protocol::languageFromCode(lang);
        m_languages.choose(language);
        QSettings().setValue(QStringLiteral("startHere/dismissed"), false);
        const auto& catalog = Protocol::ApiCatalog::builtin();
        MainWindow window(&m_languages, &m_simulator);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Journey::Harness h(QStringLiteral("apis-") + lang);
        // The window and its docks stay on the screen, across and down, in every language (checked at every step).
        const QString send = ui("ApiPage", "&Send");
        const QString approve = ui("PhonePanel", "&Approve");
        QVERIFY(h.waitFor([&] { return settled(window); }));
        QVERIFY2(h.step(QStringLiteral("first-screen")), h.why());
        QVERIFY2(window.startHerePanel()->isVisible(), "a fresh profile opens on the Start here panel");
        // 1. "Explore the APIs": the catalog opens on the QR page.
        QVERIFY2(h.click(ui("MainWindow", "Explore the APIs")), h.why());
        QCOMPARE(window.currentApiId(), QStringLiteral("auth.getQR"));
        QVERIFY2(h.step(QStringLiteral("apis")), h.why());
        const int before = int(window.listener()->records().size());

        // 2. Send on the QR page: the console opens it as a browser, the phone shows the login at once.
        QVERIFY2(h.click(send, window.currentPage()), h.why());
        QVERIFY2(h.waitFor([&] { return !m_simulator.pending().isEmpty(); }), "the phone shows no request");
        QVERIFY2(h.step(QStringLiteral("qr-page-opened")), h.why());
        // 3. Approve on the phone: the redirect comes back to the console's listener, and the code is earned.
        QVERIFY2(h.click(approve), h.why());
        QVERIFY2(h.waitFor([&] { return !window.session()->earned().value(QStringLiteral("code")).isEmpty(); }),
            "no authorisation code came back to the listener");
        QVERIFY2(h.step(QStringLiteral("approved")), h.why());
        // 4–5. The token page is prefilled with the earned code: Send.
        const QString catalogTree = ui("MainWindow", "API catalog");
        QVERIFY2(h.clickItem(catalogTree, catalog.api(QStringLiteral("auth.getToken"))->label.get(language)), h.why());
        QCOMPARE(window.currentPage()->form()->values().value(QLatin1String("code")).toString(),
            window.session()->earned().value(QStringLiteral("code")));
        QVERIFY2(h.click(send, window.currentPage()), h.why());
        QVERIFY2(h.waitFor([&] { return !window.session()->earned().value(QStringLiteral("accessToken")).isEmpty(); }),
            qPrintable(window.currentPage()->findChild<QLabel*>(QStringLiteral("responseCodeLabel"))->text()));
        QVERIFY2(h.step(QStringLiteral("token")), h.why());
        // 6–7. The profile page is prefilled with the earned token and openID: Send.
        QVERIFY2(h.clickItem(catalogTree, catalog.api(QStringLiteral("auth.profile"))->label.get(language)), h.why());
        const QJsonObject profile = window.currentPage()->form()->values();
        QCOMPARE(profile.value(QLatin1String("accessToken")).toString(),
            window.session()->earned().value(QStringLiteral("accessToken")));
        QCOMPARE(profile.value(QLatin1String("openID")).toString(),
            window.session()->earned().value(QStringLiteral("openID")));
        const int pendingBefore = int(m_simulator.pending().size());
        QVERIFY2(h.click(send, window.currentPage()), h.why());
        QVERIFY2(h.waitFor([&] { return int(m_simulator.pending().size()) > pendingBefore; }),
            qPrintable(window.currentPage()->findChild<QLabel*>(QStringLiteral("responseCodeLabel"))->text()));
        QVERIFY2(h.step(QStringLiteral("profile-sent")), h.why());
        // 8. Approve on the phone: the profile callback arrives, matched and decrypted.
        QVERIFY2(h.click(approve), h.why());
        QVERIFY2(h.waitFor([&] { return profileCallback(window, before) != nullptr; }), "no profile callback");
        const Callback::CallbackRecord* r = profileCallback(window, before);
        QCOMPARE(r->matchStatus, Callback::Match::Matched);
        QVERIFY2(r->errorCode.isEmpty(), qPrintable(r->errorDetail));
        QVERIFY2(r->content.isObject() && !r->content.toObject().isEmpty(), "the callback was not decrypted");
        QVERIFY2(h.step(QStringLiteral("profile-callback")), h.why());
        std::printf("journey login->token->profile (%s): %d actions to a matched, decrypted profile callback\n",
            qPrintable(lang), h.actions());
        QVERIFY2(h.actions() <= 10, qPrintable(QString::number(h.actions())));
    }

    void tryALoginFromStartHere()
    {
        m_languages.choose(Protocol::Language::English);
        MainWindow window(&m_languages, &m_simulator);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Journey::Harness h(QStringLiteral("start-here-en"));
        QVERIFY(h.waitFor([&] { return settled(window); }));
        const int before = int(window.listener()->records().size());
        QVERIFY2(h.click(QStringLiteral("Try a login")), h.why());
        QVERIFY2(h.step(QStringLiteral("try-a-login")), h.why());
        // The phone waits for the user: the login, then the profile request.
        for (int decision = 0; decision < 2; ++decision) {
            QVERIFY2(h.waitFor([&] { return !m_simulator.pending().isEmpty(); }),
                qPrintable(window.flowView()->runner()->result().failureDetail));
            QVERIFY2(h.step(QStringLiteral("phone-waits-%1").arg(decision)), h.why());
            QVERIFY2(h.click(QStringLiteral("Approve")), h.why());
        }
        QVERIFY2(h.waitFor([&] { return !window.flowView()->runner()->isRunning(); }), "the flow did not finish");
        QVERIFY2(window.flowView()->runner()->result().passed,
            qPrintable(window.flowView()->runner()->result().failureDetail));
        const Callback::CallbackRecord* r = profileCallback(window, before);
        QVERIFY(r);
        QCOMPARE(r->matchStatus, Callback::Match::Matched);
        QVERIFY(r->content.isObject() && !r->content.toObject().isEmpty());
        QVERIFY2(h.step(QStringLiteral("flow-passed")), h.why());
        std::printf("journey Try a login: %d actions to a matched, decrypted profile callback\n", h.actions());
        // Dismissed, it stays away on the next start and comes back from Help.
        QVERIFY2(h.clickTab(QStringLiteral("Console sections"), QStringLiteral("Start here")), h.why());
        QVERIFY2(h.click(QStringLiteral("Dismiss")), h.why());
        QVERIFY(!window.startHerePanel()->isVisible());
        QVERIFY2(h.step(QStringLiteral("dismissed")), h.why());
        QVERIFY(QSettings().value(QStringLiteral("startHere/dismissed")).toBool());
        QVERIFY2(h.triggerMenu(QStringLiteral("Help"), QStringLiteral("Start here")), h.why());
        QVERIFY(window.startHerePanel()->isVisible());
        QVERIFY2(h.step(QStringLiteral("reopened-from-help")), h.why());
    }
};

JOURNEY_MAIN(TestJourneyLogin)
#include "tst_journey_login.moc"
