#include "LanguageManager.h"
#include "ViewSupport.h"
#include "MainWindow.h"
#include "callback/CallbackListener.h"
#include "callbacks/CallbackInspector.h"
#include "flows/FlowView.h"
#include "flows/SequenceDiagram.h"
#include "mock/Simulator.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

/// The flow view driven as a presenter would: run a flow with scripted approval, watch the steps and the
/// live sequence diagram, export it; presenter mode paces the steps, masks personal data, switches language.
class TestFlowView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Mock::Simulator> m_sim;

    static QStringList labels(const SequenceDiagram* d)
    {
        QStringList out;
        for (const auto& m : d->messages())
            out << m.from + QStringLiteral(">") + m.to + QStringLiteral(":") + m.label;
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<Mock::Simulator>();
        Mock::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(m_sim->start(options).ok());
    }

    void runsAFlowWithScriptedApproval()
    {
        LanguageManager languages;
        MainWindow window(&languages, m_sim.get());
        window.show();
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        tabs->setCurrentWidget(window.flowView());
        FlowView* view = window.flowView();
        QVERIFY(view->selectFlow(QStringLiteral("login-profile")));
        // The start button is the iAM Smart login button (branding data), its text for screen readers.
        auto* start = view->findChild<QPushButton*>(QStringLiteral("flowStartButton"));
        QCOMPARE(start->accessibleName(), QStringLiteral("Log in with iAM Smart"));
        QVERIFY(!start->icon().isNull());
        QVERIFY(view->findChild<QLabel*>(QStringLiteral("flowMoreInfoLink"))
                    ->text()
                    .contains(QStringLiteral("https://www.iamsmart.gov.hk/en/")));
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("flowRunButton")), Qt::LeftButton);
        auto* summary = view->findChild<QLabel*>(QStringLiteral("flowSummaryLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().startsWith(QStringLiteral("Passed")), 15000);
        auto* steps = view->findChild<QListWidget*>(QStringLiteral("flowStepList"));
        QCOMPARE(steps->count(), 4);
        for (int i = 0; i < steps->count(); ++i)
            QVERIFY2(steps->item(i)->text().endsWith(QStringLiteral("passed")), qPrintable(steps->item(i)->text()));

        const QStringList messages = labels(view->diagram());
        for (const char* expected :
            {"service>iamsmart:/security/getKey", "browser>iamsmart:GET /auth/getQR", "iamsmart>phone:auth",
                "phone>iamsmart:approve", "iamsmart>browser:302 redirect", "browser>service:GET callback",
                "service>iamsmart:/auth/getToken", "service>iamsmart:/account/auth/profile/initiateRequest",
                "iamsmart>phone:profile", "iamsmart>service:POST /callback/profile"})
            QVERIFY2(
                messages.contains(QString::fromLatin1(expected)), qPrintable(messages.join(QStringLiteral(" | "))));
        // The QR of the login is shown with its countdown.
        const QString countdown = view->findChild<QLabel*>(QStringLiteral("qrCountdownLabel"))->text();
        QVERIFY2(QRegularExpression(QStringLiteral("QR expires in 1[78]:\\d\\d")).match(countdown).hasMatch(),
            qPrintable(countdown));

        const QString svg = m_dir.filePath(QStringLiteral("sequence.svg"));
        const QString png = m_dir.filePath(QStringLiteral("sequence.png"));
        QVERIFY(view->diagram()->exportSvg(svg));
        QVERIFY(view->diagram()->exportPng(png));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QImage image(png);
        QVERIFY(image.width() > 800 && image.height() > 300);

        // Evidence of the run from the view.
        const QString report = m_dir.filePath(QStringLiteral("report.html"));
        const QString har = m_dir.filePath(QStringLiteral("flow.har"));
        QVERIFY(view->saveReport(report));
        QVERIFY(view->saveHar(har));
        QFile r(report);
        QVERIFY(r.open(QIODevice::ReadOnly));
        const QByteArray html = r.readAll();
        QVERIFY(html.contains("Log in and share the profile"));
        QVERIFY(!html.contains(m_sim->clients().devClient().clientSecret));
        QFile h(har);
        QVERIFY(h.open(QIODevice::ReadOnly));
        QVERIFY(h.readAll().contains("\"version\": \"1.2\""));
    }

    void rejectFailsTheLoginStep()
    {
        LanguageManager languages;
        MainWindow window(&languages, m_sim.get());
        FlowView* view = window.flowView();
        QVERIFY(view->selectFlow(QStringLiteral("login")));
        view->setPhoneDecision(QStringLiteral("reject"));
        view->run();
        auto* summary = view->findChild<QLabel*>(QStringLiteral("flowSummaryLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().startsWith(QStringLiteral("Failed")), 15000);
        QVERIFY(summary->text().contains(QStringLiteral("D40001")));
    }

    void presenterModePacesMasksAndSwitchesLanguage()
    {
        LanguageManager languages;
        MainWindow window(&languages, m_sim.get());
        window.show();
        const int normal = window.font().pointSize();
        window.setPresenterMode(true);
        QVERIFY(window.font().pointSize() > normal);
        FlowView* view = window.flowView();
        QVERIFY(view->selectFlow(QStringLiteral("login-profile")));
        view->run();
        // One step at a time: the runner waits for "Next flow step" (F8).
        QTRY_VERIFY_WITH_TIMEOUT(view->runner()->isWaitingForNext(), 10000);
        auto* summary = view->findChild<QLabel*>(QStringLiteral("flowSummaryLabel"));
        QVERIFY(summary->text().isEmpty());
        for (int i = 0; i < 3; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(view->runner()->isWaitingForNext(), 10000);
            QTest::keyClick(&window, Qt::Key_F8);
        }
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().startsWith(QStringLiteral("Passed")), 15000);

        // The profile callback in the inspector shows masked personal data.
        auto* list = window.callbackInspector()->findChild<QTreeView*>(QStringLiteral("callbackList"));
        const QModelIndex profile = TestSupport::findIndex(list, QStringLiteral("callback.profile"), Qt::DisplayRole, 1);
        QVERIFY(profile.isValid());
        window.findChild<QDockWidget*>(QStringLiteral("callbacksDock"))->show();
        window.findChild<QDockWidget*>(QStringLiteral("callbacksDock"))->raise();
        QVERIFY(TestSupport::clickIndex(list, profile));
        const QString detail
            = window.callbackInspector()->findChild<QPlainTextEdit*>(QStringLiteral("callbackDetail"))->toPlainText();
        const Mock::Persona& who = m_sim->personas().first();
        QVERIFY2(!detail.contains(who.hkicIdentification), qPrintable(detail));
        QVERIFY(!detail.contains(who.profile.value(QStringLiteral("enName"))
                                     .toObject()
                                     .value(QStringLiteral("UnstructuredName"))
                                     .toString()));
        QVERIFY(detail.contains(who.hkicIdentification.left(3) + QStringLiteral("****")));
        window.setPresenterMode(false);
        QVERIFY(window.callbackInspector()
                    ->findChild<QPlainTextEdit*>(QStringLiteral("callbackDetail"))
                    ->toPlainText()
                    .contains(who.hkicIdentification));

        // F12 cycles the language; the flow names follow.
        auto* combo = view->findChild<QComboBox*>(QStringLiteral("flowCombo"));
        QCOMPARE(combo->currentText(), QStringLiteral("Log in and share the profile"));
        QTest::keyClick(&window, Qt::Key_F12);
        QCOMPARE(languages.language(), Protocol::Language::TraditionalChinese);
        QCOMPARE(combo->currentText(), QStringLiteral("登入及提供個人資料"));
        QTest::keyClick(&window, Qt::Key_F12);
        QCOMPARE(combo->currentText(), QStringLiteral("登录及提供个人资料"));
        QTest::keyClick(&window, Qt::Key_F12);
        QCOMPARE(languages.language(), Protocol::Language::English);
    }
};

QTEST_MAIN(TestFlowView)
#include "tst_flowview.moc"
