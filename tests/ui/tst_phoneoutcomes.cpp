#include "HttpClient.h"
#include "SimulatorClient.h"
#include "mock/OutcomeCodes.h"
#include "mock/Simulator.h"
#include "phone/NextAnswerPicker.h"
#include "phone/PhonePanel.h"
#include "protocol/UrlBuilder.h"
#include "session/RequestPresenter.h"

#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QUrlQuery>

/// The virtual phone's outcome controls, used with the mouse on a visible panel: Next answer arms a code that a
/// real request then gets, Fails ends a login with D40002, Not passed is offered for re-authentication only, and
/// direct login sends the browser to the direct-login address with a code and RefID. And the specification page
/// says how each code happens, in the UI language.
class TestPhoneOutcomes : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Mock::Simulator m_sim;
    std::unique_ptr<PhonePanel> m_panel;

    template <typename T> T* child(const char* name) const
    {
        T* w = m_panel->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qWarning() << "no" << name;
        return w;
    }

    int getQr()
    {
        Protocol::QrParams q;
        q.clientId = m_sim.clients().devClient().clientId;
        q.source = QStringLiteral("PC_Browser");
        q.redirectUri = QStringLiteral("http://127.0.0.1:9/callback/auth");
        q.scope = QStringLiteral("eidapi_auth");
        q.lang = QStringLiteral("en-US");
        q.state = QStringLiteral("st");
        return TestSupport::http("GET", QString::fromUtf8(Protocol::UrlBuilder::getQrUrl(m_sim.baseUrl(), q))).status;
    }

private slots:
    void initTestCase()
    {
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.path();
        QVERIFY(m_sim.start(options).ok());
        m_panel = std::make_unique<PhonePanel>(&m_sim);
        m_panel->resize(420, 760);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void nextAnswerArmsACodeARealRequestGets()
    {
        auto* picker = child<NextAnswerPicker>("nextAnswerPicker");
        auto* codes = child<QComboBox>("nextAnswerCodeCombo");
        auto* arm = child<QPushButton>("nextAnswerArmButton");
        QVERIFY(picker && codes && arm && arm->isVisible());
        QVERIFY(picker->select(QStringLiteral("keys.getKey"), QStringLiteral("D30001")));
        // The codes are the API's own, each with its meaning.
        QCOMPARE(codes->count(), Protocol::ApiCatalog::builtin().api(QStringLiteral("keys.getKey"))->returnCodes.size());
        QVERIFY(codes->currentText().contains(QStringLiteral("Key encryption key")));
        QTest::mouseClick(arm, Qt::LeftButton);
        QVERIFY(child<QLabel>("nextAnswerArmedLabel")->text().contains(QStringLiteral("D30001")));
        TestSupport::SimulatorClient client(m_sim);
        QVERIFY(!client.fetchKey()); // the armed answer
        QCOMPARE(client.call(QStringLiteral("keys.getKey"), {}).envelope.code, QStringLiteral("D00000"));
        // In Chinese the meanings follow.
        m_panel->setLanguage(Protocol::Language::TraditionalChinese);
        QVERIFY2(codes->currentText().contains(QStringLiteral("密鑰加密密鑰")), qPrintable(codes->currentText()));
        QVERIFY(child<QLabel>("nextAnswerArmedLabel")->text().startsWith(QStringLiteral("Nothing armed"))); // consumed
        m_panel->setLanguage(Protocol::Language::English);
    }

    void failsEndsALoginWithItsFailureCode()
    {
        QCOMPARE(getQr(), 303);
        auto* fails = child<QPushButton>("phoneFailButton");
        auto* notPassed = child<QPushButton>("phoneNotPassedButton");
        QVERIFY(fails->isEnabled());
        QVERIFY(!notPassed->isEnabled()); // a login is not a re-authentication
        const QString id = m_sim.pending().first().id;
        QTest::mouseClick(fails, Qt::LeftButton);
        QCOMPARE(m_sim.request(id)->resultCode, Mock::OutcomeCodes::failureFor(QStringLiteral("auth")));
        QVERIFY(child<QLabel>("phoneResultLabel")->text().contains(QStringLiteral("D40002")));
        QVERIFY(!fails->isEnabled()); // nothing waits any more
    }

    void directLoginSendsTheBrowserWithCodeAndRefId()
    {
        QSignalSpy redirects(m_panel.get(), &PhonePanel::browserRedirect);
        m_panel->setDirectLoginAddress(QStringLiteral("http://127.0.0.1:9/callback/direct-login"));
        QTest::mouseClick(child<QPushButton>("phoneDirectLoginButton"), Qt::LeftButton);
        QCOMPARE(redirects.size(), 1);
        const QUrl url(redirects.first().first().toString());
        QCOMPARE(url.path(), QStringLiteral("/callback/direct-login"));
        QVERIFY(!QUrlQuery(url).queryItemValue(QStringLiteral("code")).isEmpty());
        QVERIFY(!QUrlQuery(url).queryItemValue(QStringLiteral("RefID")).isEmpty());
    }

    void specificationSaysHowEachCodeHappens()
    {
        const auto& catalog = Protocol::ApiCatalog::builtin();
        const Protocol::ApiSpec* api = catalog.api(QStringLiteral("auth.profile"));
        for (const Protocol::Language lang : {Protocol::Language::English, Protocol::Language::TraditionalChinese,
                 Protocol::Language::SimplifiedChinese}) {
            QTextDocument doc;
            doc.setHtml(Session::RequestPresenter::specHtml(*api, lang));
            const QString text = doc.toPlainText();
            for (const QString& code : api->returnCodes)
                QVERIFY2(text.contains(catalog.how(*api, code).get(lang)), qPrintable(code));
        }
    }
};

QTEST_MAIN(TestPhoneOutcomes)
#include "tst_phoneoutcomes.moc"
