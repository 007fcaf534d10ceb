#include "LanguageManager.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "mock/Simulator.h"
#include "session/ConsoleSession.h"
#include "workbench/StateDirectory.h"
#include "workbench/Workbench.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

/// One state-directory policy (README, "Simulator state"): the console and `iamsmart mock`, each with its default
/// options, meet the same dev client; --state-dir moves both; an old console state is moved to the shared place.
/// Every case runs in a fresh HOME and XDG directories of its own, so nothing here touches the user's.
class TestStateDir : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QProcessEnvironment m_env;

    /// A fresh HOME, XDG_DATA_HOME and XDG_CONFIG_HOME for this process and the binaries it starts.
    void freshHome(const QString& name)
    {
        const QString home = m_root.filePath(name);
        QVERIFY(QDir().mkpath(home + QStringLiteral("/data")) && QDir().mkpath(home + QStringLiteral("/config")));
        m_env = QProcessEnvironment::systemEnvironment();
        const QList<std::pair<const char*, QString>> vars {{"HOME", home},
            {"XDG_DATA_HOME", home + QStringLiteral("/data")}, {"XDG_CONFIG_HOME", home + QStringLiteral("/config")}};
        for (const auto& [var, value] : vars) {
            qputenv(var, value.toLocal8Bit());
            m_env.insert(QString::fromLatin1(var), value);
        }
    }

    /// `iamsmart mock [args]` as a user starts it: its ready line, then SIGTERM.
    QJsonObject mockReadyLine(const QStringList& args = {})
    {
        QProcess mock;
        mock.setProcessEnvironment(m_env);
        mock.start(TestSupport::iamsmartBinary(), QStringList {QStringLiteral("mock")} + args);
        if (!mock.waitForStarted())
            return {};
        for (int waited = 0; waited < 300 && !mock.canReadLine() && mock.state() == QProcess::Running; ++waited)
            mock.waitForReadyRead(100);
        const QJsonObject ready = QJsonDocument::fromJson(mock.readLine()).object();
        mock.terminate();
        if (!mock.waitForFinished(10000))
            mock.kill();
        return ready;
    }

    static QString clientIdOf(const QJsonObject& ready)
    {
        return ready.value(QStringLiteral("client")).toObject().value(QStringLiteral("clientID")).toString();
    }

    /// The dev client the console's window works with, on the workbench the console's main() makes.
    QString consoleClientId(const QString& stateDir = {})
    {
        Workbench::Workbench workbench(MainWindow::workbenchOptions(stateDir));
        LanguageManager languages;
        MainWindow window(&languages, &workbench);
        if (!workbench.activeSimulator())
            return {};
        m_consoleStateDir = workbench.stateDir();
        return window.session()->credentials().clientId;
    }
    QString m_consoleStateDir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("iamsmart-console")); // as the console's main()
        QCoreApplication::setApplicationName(QStringLiteral("iamsmart-console"));
    }

    void consoleAndMockShareTheDevClient()
    {
        freshHome(QStringLiteral("shared"));
        const QString console = consoleClientId();
        QVERIFY2(!console.isEmpty(), "the console's simulator did not start");
        const QJsonObject ready = mockReadyLine();
        QVERIFY2(!ready.isEmpty(), "iamsmart mock printed no ready line");
        QCOMPARE(clientIdOf(ready), console);
        const QString expected = m_root.filePath(QStringLiteral("shared/data/iamsmart-console/mock"));
        QCOMPARE(ready.value(QStringLiteral("stateDir")).toString(), expected);
        QCOMPARE(m_consoleStateDir, expected);
        QCOMPARE(Workbench::defaultStateDir(), expected);
        // And the other way round: a dev client the CLI made first is the console's.
        freshHome(QStringLiteral("cli-first"));
        const QString first = clientIdOf(mockReadyLine());
        QVERIFY(!first.isEmpty());
        QCOMPARE(consoleClientId(), first);
    }

    void stateDirOverridesBoth()
    {
        freshHome(QStringLiteral("override"));
        const QString dir = m_root.filePath(QStringLiteral("elsewhere"));
        const QString mock = clientIdOf(mockReadyLine({QStringLiteral("--state-dir"), dir}));
        QVERIFY(!mock.isEmpty());
        QCOMPARE(consoleClientId(dir), mock);
        QCOMPARE(m_consoleStateDir, dir);
        QVERIFY2(consoleClientId() != mock, "the default state is not the overriding one");

        // The console binary takes --state-dir too.
        const QString consoleDir = m_root.filePath(QStringLiteral("console-dir"));
        QProcess console;
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        console.setProcessEnvironment(env);
        console.start(QStringLiteral(IAMSMART_BIN_DIR "/iamsmart-console"),
            {QStringLiteral("--state-dir"), consoleDir, QStringLiteral("--screenshot"),
                m_root.filePath(QStringLiteral("shot.png"))});
        QVERIFY(console.waitForFinished(60000));
        QCOMPARE(console.exitCode(), 0);
        QVERIFY2(QFile::exists(consoleDir + QStringLiteral("/dev-client.json")), console.readAllStandardError());
        QCOMPARE(clientIdOf(mockReadyLine({QStringLiteral("--state-dir"), consoleDir})),
            consoleClientId(consoleDir));
    }

    void oldConsoleStateMovesToTheSharedPlace()
    {
        freshHome(QStringLiteral("legacy"));
        const QString legacy = Workbench::legacyConsoleStateDir();
        QCOMPARE(legacy, m_root.filePath(QStringLiteral("legacy/data/iamsmart-console/iamsmart-console/mock")));
        QString old;
        {
            // What a console before the shared policy left behind.
            Mock::Simulator simulator;
            Mock::SimulatorOptions options;
            options.stateDir = legacy;
            QVERIFY(simulator.start(options).ok());
            old = simulator.clients().devClient().clientId;
        }
        QCOMPARE(consoleClientId(), old);
        QVERIFY(!QDir(legacy).exists());
        QCOMPARE(clientIdOf(mockReadyLine()), old);

        // A state the CLI already made in the shared place wins; the old one stays where it is.
        freshHome(QStringLiteral("both"));
        const QString cli = clientIdOf(mockReadyLine());
        QVERIFY(!cli.isEmpty());
        {
            Mock::Simulator simulator;
            Mock::SimulatorOptions options;
            options.stateDir = Workbench::legacyConsoleStateDir();
            QVERIFY(simulator.start(options).ok());
            QVERIFY(simulator.clients().devClient().clientId != cli);
        }
        QCOMPARE(consoleClientId(), cli);
        QVERIFY(QFile::exists(Workbench::legacyConsoleStateDir() + QStringLiteral("/dev-client.json")));
    }
};

QTEST_MAIN(TestStateDir)
#include "tst_statedir.moc"
