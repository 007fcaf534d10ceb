#include "Benchmarks.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "guide/GuideView.h"
#include "storage/SecretStore.h"
#include "workbench/Workbench.h"

#include <QApplication>
#include <QIcon>
#include <QStandardPaths>
#include <QTimer>
#include <QWindow>

#include <QElapsedTimer>
#include <QFile>

#include "flows/FlowView.h"

#include <QScreen>
#include <QTabWidget>

#include <cstdio>
#include <functional>
#include <optional>
#include <utility>
#include <cstring>
#include <ctime>
#include <unistd.h>

namespace {

/// Prints startup figures at the first paint of the main window, then quits (--benchmark-startup).
class StartupProbe : public QObject
{
public:
    StartupProbe(const QElapsedTimer& sinceMain, Mock::Simulator* simulator)
        : m_sinceMain(sinceMain)
        , m_simulator(simulator)
        , m_firstStart(!simulator->isPrepared())
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, this, [this] { report(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void report()
    {
        timespec now {};
        clock_gettime(CLOCK_REALTIME, &now);
        std::printf("first_paint_since_main_ms %.1f\n", double(m_sinceMain.nsecsElapsed()) / 1e6);
        std::printf("process_age_at_first_paint_ms %.0f\n", processAgeMs());
        std::printf("first_paint_epoch_ns %lld\n", (long long)now.tv_sec * 1000000000LL + now.tv_nsec);
        std::printf("rss_mb %.1f\n", rssMb());
        // first: the simulator's keys were still to be made (a fresh HOME); warm: they were loaded
        std::printf("start %s\n", m_firstStart ? "first" : "warm");
        std::fflush(stdout);
        // Quit once the keys are made, so that the next start is a warm one.
        if (m_simulator->isPrepared())
            QCoreApplication::quit();
        else
            connect(m_simulator, &Mock::Simulator::prepared, qApp, &QCoreApplication::quit);
    }

    static double rssMb()
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
        return -1;
    }

    static double processAgeMs()
    {
        // Field 22 of /proc/self/stat: start time in clock ticks after boot (10 ms resolution).
        QFile stat(QStringLiteral("/proc/self/stat"));
        QFile uptime(QStringLiteral("/proc/uptime"));
        if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray s = stat.readAll();
        const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
        const double start = fields.value(19).toDouble() / double(sysconf(_SC_CLK_TCK));
        const double up = uptime.readAll().split(' ').first().toDouble();
        return (up - start) * 1000.0;
    }

    const QElapsedTimer& m_sinceMain;
    Mock::Simulator* m_simulator;
    bool m_firstStart = false;
    bool m_done = false;
};

/// Calls `then` once, at the first paint of the watched widget.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(std::function<void()> then)
        : m_then(std::move(then))
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && m_then) {
            QTimer::singleShot(0, this, std::exchange(m_then, {}));
            watched->removeEventFilter(this);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_then;
};

/// --screenshot FILE: once the window is exposed and has settled (content key fetched, previews built, the flow of
/// --flow finished), writes it as PNG and quits; exit code 1 when the file cannot be written.
void screenshotWhenSettled(QWidget* window, const QString& file, const std::function<bool()>& ready)
{
    auto* poll = new QTimer(window);
    QObject::connect(poll, &QTimer::timeout, window, [window, poll, file, ready] {
        if (!window->windowHandle() || !window->windowHandle()->isExposed() || !ready())
            return;
        poll->stop();
        QTimer::singleShot(1500, window, [window, file] {
            const bool saved = window->grab().save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "iamsmart-console: --screenshot: cannot write '%s'\n", qPrintable(file));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    });
    poll->start(50);
}

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    bool benchmarkStartup = false;
    // --version must work without a display (package smoke test).
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("iamsmart-console %s\n", IAMSMART_VERSION);
            return 0;
        }
        if (std::strcmp(argv[i], "--benchmark-startup") == 0)
            benchmarkStartup = true;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("iamsmart-console"));
    QApplication::setOrganizationName(QStringLiteral("iamsmart-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("iAM Smart Sandbox Console"));
    QApplication::setApplicationVersion(QStringLiteral(IAMSMART_VERSION));
    // The packaged icon and desktop entry (packaging/): window icon, and the Wayland app id that finds the entry.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/hk.iamsmart.console.svg")));
    QApplication::setDesktopFileName(QStringLiteral("hk.iamsmart.console"));

    // --lang en|zh-HK|zh-CN (presenters, screenshots) overrides the last choice from the Language menu, which
    // overrides the system locale (first start).
    const QStringList args = QCoreApplication::arguments();
    const qsizetype langAt = args.indexOf(QStringLiteral("--lang"));
    LanguageManager languages;
    if (!languages.restore(langAt > 0 && langAt + 1 < args.size() ? args.at(langAt + 1) : QString())) {
        std::fprintf(stderr, "iamsmart-console: --lang: unknown language '%s' (use en, zh-HK, zh-CN or pseudo)\n",
            qPrintable(args.at(langAt + 1)));
        return 2;
    }
    // The workbench: session, listener, environments, secrets and the embedded iAM Smart, whose state (the dev
    // client) is the one `iamsmart mock` and `iamsmart run` use too, unless --state-dir DIR names another.
    const qsizetype stateAt = args.indexOf(QStringLiteral("--state-dir"));
    if (stateAt > 0 && stateAt + 1 >= args.size()) {
        std::fprintf(stderr, "iamsmart-console: --state-dir: name a directory\n");
        return 2;
    }
    Workbench::WorkbenchOptions workbenchOptions = MainWindow::workbenchOptions(stateAt > 0 ? args.at(stateAt + 1) : QString());
    workbenchOptions.simulator.prepareInBackground = true; // the first start makes keys after the window paints
    Workbench::Workbench workbench(workbenchOptions);
    MainWindow window(&languages, &workbench);
    if (!window.workbench()->activeSimulator())
        qWarning("embedded simulator did not start in %s", qPrintable(workbench.stateDir()));

    // Secrets go to the OS keychain when a Secret Service is on the session bus; otherwise they stay in this
    // session's memory and the banner says so. Asking the bus touches no keyring, so nothing prompts at start.
    Storage::KeychainSecretStore keychain;
    if (Storage::KeychainSecretStore::isServiceAvailable())
        window.setSecretStore(&keychain);
    // --api ID opens that API's page (presenters, screenshots).
    const qsizetype apiAt = args.indexOf(QStringLiteral("--api"));
    if (apiAt > 0 && apiAt + 1 < args.size())
        window.selectApi(args.at(apiAt + 1));
    Mock::Simulator* simulator = workbench.activeSimulator();
    std::optional<StartupProbe> probe;
    if (benchmarkStartup && simulator) {
        probe.emplace(sinceMain, simulator);
        window.installEventFilter(&*probe);
    }
    // The simulator's first-start keys are made on a worker thread once the window is on screen.
    FirstPaint prepare([simulator] {
        if (simulator)
            simulator->startPreparing();
    });
    window.installEventFilter(&prepare);
    // --benchmark-history WORD, --benchmark-phone N: the big-data figures of ./scripts/bench (one JSON line).
    if (const qsizetype at = args.indexOf(QStringLiteral("--benchmark-history")); at > 0 && at + 1 < args.size())
        Benchmarks::history(&window, args.at(at + 1), sinceMain);
    if (const qsizetype at = args.indexOf(QStringLiteral("--benchmark-phone")); at > 0 && at + 1 < args.size())
        Benchmarks::phone(&window, simulator, args.at(at + 1).toInt(), sinceMain);
    // --flow ID opens the Flows tab on that flow and runs it once the window is up (presenters, screenshots).
    const qsizetype flowAt = args.indexOf(QStringLiteral("--flow"));
    bool flowDone = true;
    if (flowAt > 0 && flowAt + 1 < args.size()) {
        if (!window.flowView()->selectFlow(args.at(flowAt + 1))) {
            std::fprintf(stderr, "iamsmart-console: --flow: unknown flow '%s'\n", qPrintable(args.at(flowAt + 1)));
            return 2;
        }
        flowDone = false;
        if (auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs")))
            tabs->setCurrentWidget(window.flowView());
        // The diagram gets the height the bottom docks took (it shows the callbacks too); View brings them back.
        for (const char* dock : {"callbacksDock", "historyDock"}) {
            if (auto* w = window.findChild<QWidget*>(QString::fromLatin1(dock)))
                w->hide();
        }
        QObject::connect(window.flowView(), &FlowView::flowFinished, &window, [&flowDone] { flowDone = true; });
        QTimer::singleShot(800, window.flowView(), &FlowView::run);
    }
    const qsizetype shotAt = args.indexOf(QStringLiteral("--screenshot"));
    if (shotAt > 0 && shotAt + 1 < args.size()) {
        // The whole screen the window is on (README shots are taken on a 1280x720 screen).
        window.setGeometry(window.screen()->availableGeometry());
        screenshotWhenSettled(&window, args.at(shotAt + 1), [&flowDone] { return flowDone; });
    }
    // --guide SECTION opens the Guide at a page, section or FAQ entry (screenshots at 1280x720).
    if (const qsizetype guideAt = args.indexOf(QStringLiteral("--guide")); guideAt > 0 && guideAt + 1 < args.size()) {
        window.showGuide(false);
        window.guide()->showSection(args.at(guideAt + 1));
        window.resize(1280, 720);
    }
    window.show();
    return app.exec();
}
