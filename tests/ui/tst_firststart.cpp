#include "LanguageManager.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "mock/Simulator.h"
#include "net/HttpServer.h"
#include "request/ApiPage.h"
#include "session/ConsoleSession.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

/// The console's very first start: a fresh profile and an empty simulator state. The window paints before the
/// simulator's keys exist, stays usable while they are made, and a request sent meanwhile waits and completes.
class TestFirstStart : public QObject
{
    Q_OBJECT

private slots:
    void windowPaintsAndAnEarlyRequestCompletes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("iamsmart-console-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_firststart"));
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).removeRecursively();

        Mock::Simulator simulator;
        Mock::SimulatorOptions options;
        options.stateDir = dir.filePath(QStringLiteral("state"));
        options.prepareInBackground = true;
        options.prepareAfterMs = -1; // begun below, once the request is on its way (the console: at first paint)
        QVERIFY(simulator.start(options).ok());
        QVERIFY(!simulator.isPrepared());
        LanguageManager languages;
        MainWindow window(&languages, &simulator);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The status bar says what is going on, with a progress bar.
        auto* status = window.findChild<QLabel*>(QStringLiteral("simulatorStatusLabel"));
        QVERIFY(status);
        QCOMPARE(status->text(), QStringLiteral("Preparing the simulator…"));
        auto* bar = window.findChild<QProgressBar*>(QStringLiteral("simulatorPreparingBar"));
        QVERIFY(bar && bar->isVisible());

        // The window is usable meanwhile: filtering the API catalog with the keyboard works.
        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("catalogFilterLineEdit"));
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("getKey"));
        QCOMPARE(filter->text(), QStringLiteral("getKey"));

        // getKey needs the simulator's keys: sent before they exist, it waits and then completes.
        QVERIFY(window.selectApi(QStringLiteral("keys.getKey")));
        ApiPage* page = window.currentPage();
        auto* send = page->findChild<QPushButton*>(QStringLiteral("sendButton"));
        auto* answer = page->findChild<QLabel*>(QStringLiteral("responseStatusLabel"));
        QVERIFY(send && answer);
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE(simulator.server()->heldRequests(), 1);
        QVERIFY(!simulator.isPrepared());
        QVERIFY(!answer->text().startsWith(QStringLiteral("HTTP")));
        simulator.startPreparing();
        QTRY_VERIFY_WITH_TIMEOUT(simulator.isPrepared(), 300000);
        QTRY_VERIFY_WITH_TIMEOUT(answer->text().startsWith(QStringLiteral("HTTP")), 30000);
        QCOMPARE(page->findChild<QLabel*>(QStringLiteral("responseCodeLabel"))->text().left(6), QStringLiteral("D00000"));
        // The session unwrapped the content key with the KEK made in the background.
        QTRY_COMPARE(window.session()->cek().size(), 32);
        QVERIFY(!window.findChild<QProgressBar*>(QStringLiteral("simulatorPreparingBar")));
        QVERIFY(status->text().startsWith(QStringLiteral("Local simulator (strict) at ")));
    }
};

QTEST_MAIN(TestFirstStart)
#include "tst_firststart.moc"
