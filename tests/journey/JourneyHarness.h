#pragma once

// Journey tests act as a person does: they find widgets by the accessible name a screen reader would read,
// check that the widget can be seen and used, and send it real input events (QTest mouse and key events).
// Every step saves a screenshot under the build tree and checks that no top-level window or dock reaches
// past the screen. Registered with iamsmart_add_journey_test (tests/journey/CMakeLists.txt): Xvfb, the xcb
// platform, a 1280×720 screen and a fresh profile (temporary HOME and XDG directories).
//
// Stable API (other journey tests build on it):
//   Journey::Harness h("suite");                  artifacts in <build>/tests/journey-artifacts/suite/
//   QWidget* w = h.find("Send");                  visible widget whose accessibleName is "Send" (any window)
//   QVERIFY2(h.click("Send"), h.why());           asserts visible+enabled, clicks its centre, counts an action
//   QVERIFY2(h.clickWidget(w), h.why());          the same for a widget found otherwise
//   QVERIFY2(h.type("Filter APIs", "getToken"), h.why());   focuses and types (one action)
//   QVERIFY2(h.key("Send", Qt::Key_Return, Qt::ControlModifier), h.why());   a key on a widget (one action)
//   QVERIFY2(h.clickItem("API catalog", "Request access token"), h.why());   an item of a view (one action)
//   QVERIFY2(h.clickTab("Preview", "HTTP"), h.why());       a tab of a QTabWidget/QTabBar (one action)
//   QVERIFY2(h.chooseInCombo("Flow", "Log in"), h.why());   opens the combo and picks an item (two actions)
//   QVERIFY2(h.triggerMenu("&Help", "Start here"), h.why()); menu bar title, then the item (two actions)
//   QVERIFY2(h.waitFor([&] { return ...; }, 15000), "...");   processes events until true or the timeout
//   QVERIFY2(h.step("01-login"), h.why());         screenshot + window fit check (no action counted)
//   h.actions()                                   the number of actions (clicks, typed texts, keys) so far
//   h.offScreen()                                 what extends past the screen (empty when everything fits)
//   h.setFitCheck(Qt::Horizontal)                 step() checks only that: the other axis is printed, not failed
//   Journey::isolateProfile()                     call first thing in main(): temporary HOME/XDG dirs
//   JOURNEY_MAIN(TestClass)                       main(): isolated profile, QApplication named like the console

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPixmap>
#include <QScreen>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>
#include <QWindow>

#include <cstdio>
#include <functional>
#include <memory>

#ifndef JOURNEY_ARTIFACTS_DIR
#define JOURNEY_ARTIFACTS_DIR "journey-artifacts"
#endif

namespace Journey {

/// Points HOME and the XDG directories at a temporary directory that lives until the process ends, so the
/// console starts as on a fresh profile (QSettings, history, simulator state and environments all there).
inline void isolateProfile()
{
    static QTemporaryDir home(QDir::tempPath() + QStringLiteral("/journey-home-XXXXXX"));
    const QByteArray root = home.path().toUtf8();
    qputenv("HOME", root);
    qputenv("XDG_CONFIG_HOME", root + "/config");
    qputenv("XDG_DATA_HOME", root + "/data");
    qputenv("XDG_CACHE_HOME", root + "/cache");
    qputenv("XDG_STATE_HOME", root + "/state");
    QDir().mkpath(QString::fromUtf8(root + "/runtime"));
    QFile::setPermissions(QString::fromUtf8(root + "/runtime"), QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", root + "/runtime");
}

class Harness
{
public:
    explicit Harness(const QString& suite)
        : m_dir(QStringLiteral(JOURNEY_ARTIFACTS_DIR) + QLatin1Char('/') + suite)
    {
        QDir().mkpath(m_dir);
    }

    /// The axes step() fails on (both by default); overflow on the others is printed as a warning.
    void setFitCheck(Qt::Orientations axes) { m_fitAxes = axes; }

    /// Why the last call returned false (for QVERIFY2).
    const char* why() const { return m_why.constData(); }
    int actions() const { return m_actions; }
    void resetActions() { m_actions = 0; }
    QString artifactsDir() const { return m_dir; }

    /// The widget whose accessible name is `name`: a visible one if there is any (newest window first),
    /// else a hidden one (so a caller can tell "hidden" from "missing"); null when none has that name.
    QWidget* find(const QString& name, QWidget* within = nullptr) const
    {
        QWidget* hidden = nullptr;
        const QList<QWidget*> all = within ? within->findChildren<QWidget*>() : QApplication::allWidgets();
        for (QWidget* w : all) {
            if (w->accessibleName() != name)
                continue;
            if (w->isVisible() && !w->visibleRegion().isEmpty())
                return w;
            if (!hidden)
                hidden = w;
        }
        return hidden;
    }

    bool click(const QString& name, QWidget* within = nullptr)
    {
        QWidget* w = find(name, within);
        if (!w)
            return fail(QStringLiteral("no widget is named \"%1\"").arg(name));
        return clickWidget(w);
    }

    /// Clicks the centre of `w` (of its visible part) with the left button, after checking that a person
    /// could: visible, enabled, on screen.
    bool clickWidget(QWidget* w, const QPoint& at = QPoint())
    {
        if (!usable(w))
            return false;
        const QPoint pos = at.isNull() ? w->visibleRegion().boundingRect().center() : at;
        QTest::mouseClick(w, Qt::LeftButton, Qt::NoModifier, pos);
        ++m_actions;
        settle();
        return true;
    }

    /// Focuses the widget named `name` with a click and types `text` (one action: the click and the typing).
    bool type(const QString& name, const QString& text, bool replace = true)
    {
        QWidget* w = find(name);
        if (!w)
            return fail(QStringLiteral("no widget is named \"%1\"").arg(name));
        if (!usable(w))
            return false;
        QTest::mouseClick(w, Qt::LeftButton, Qt::NoModifier, w->visibleRegion().boundingRect().center());
        if (replace)
            QTest::keyClick(w, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(w, text);
        ++m_actions;
        settle();
        return true;
    }

    bool key(const QString& name, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget* w = find(name);
        if (!w)
            return fail(QStringLiteral("no widget is named \"%1\"").arg(name));
        return keyOn(w, key, modifiers);
    }

    bool keyOn(QWidget* w, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        if (!usable(w))
            return false;
        // Shortcuts reach the active window only: a person's keys go to the window in front.
        w->window()->activateWindow();
        (void)QTest::qWaitForWindowActive(w->window(), 2000);
        w->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(w, key, modifiers);
        ++m_actions;
        settle();
        return true;
    }

    /// Clicks the item of the view named `viewName` whose text is `text` (scrolled into view first).
    bool clickItem(const QString& viewName, const QString& text)
    {
        auto* view = qobject_cast<QAbstractItemView*>(find(viewName));
        if (!view)
            return fail(QStringLiteral("no item view is named \"%1\"").arg(viewName));
        const QModelIndexList hits = view->model()->match(view->model()->index(0, 0), Qt::DisplayRole, text, 1,
            Qt::MatchExactly | Qt::MatchRecursive);
        if (hits.isEmpty())
            return fail(QStringLiteral("\"%1\" has no item \"%2\"").arg(viewName, text));
        view->scrollTo(hits.first());
        const QRect r = view->visualRect(hits.first());
        if (r.isEmpty() || !view->viewport()->rect().intersects(r))
            return fail(QStringLiteral("item \"%1\" of \"%2\" is not on screen").arg(text, viewName));
        if (!usable(view))
            return false;
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, r.center());
        ++m_actions;
        settle();
        return true;
    }

    /// Clicks the tab labelled `text` (mnemonic '&' ignored) of the tab widget or tab bar named `name`.
    bool clickTab(const QString& name, const QString& text)
    {
        QWidget* w = find(name);
        QTabBar* bar = qobject_cast<QTabBar*>(w);
        if (auto* tabs = qobject_cast<QTabWidget*>(w))
            bar = tabs->tabBar();
        if (!bar)
            return fail(QStringLiteral("no tab widget is named \"%1\"").arg(name));
        return clickTabOf(bar, text);
    }

    bool clickTabOf(QTabBar* bar, const QString& text)
    {
        for (int i = 0; i < bar->count(); ++i) {
            if (QString(bar->tabText(i)).remove(QLatin1Char('&')) != QString(text).remove(QLatin1Char('&')))
                continue;
            if (!usable(bar))
                return false;
            const QRect r = bar->tabRect(i);
            if (!bar->rect().contains(r.center()))
                return fail(QStringLiteral("tab \"%1\" is scrolled out of sight").arg(text));
            QTest::mouseClick(bar, Qt::LeftButton, Qt::NoModifier, r.center());
            ++m_actions;
            settle();
            return true;
        }
        return fail(QStringLiteral("no tab \"%1\"").arg(text));
    }

    /// Opens the combo box named `name` and clicks the item `text` in its popup (two actions).
    bool chooseInCombo(const QString& name, const QString& text)
    {
        auto* combo = qobject_cast<QComboBox*>(find(name));
        if (!combo)
            return fail(QStringLiteral("no combo box is named \"%1\"").arg(name));
        const int index = combo->findText(text);
        if (index < 0)
            return fail(QStringLiteral("combo \"%1\" has no item \"%2\"").arg(name, text));
        if (!clickWidget(combo))
            return false;
        QAbstractItemView* view = combo->view();
        if (!waitFor([view] { return view->isVisible(); }, 3000))
            return fail(QStringLiteral("the popup of \"%1\" did not open").arg(name));
        // The popup ignores a release that comes sooner than a double click after it opened.
        QTest::qWait(QApplication::doubleClickInterval() + 50);
        const QModelIndex item = view->model()->index(index, combo->modelColumn(), combo->rootModelIndex());
        view->scrollTo(item);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(item).center());
        ++m_actions;
        settle();
        if (combo->currentIndex() != index)
            return fail(QStringLiteral("clicking \"%1\" in \"%2\" did not choose it").arg(text, name));
        return true;
    }

    /// Clicks the menu bar title `menuTitle` of the active main window, then the item `actionText` (two
    /// actions; '&' mnemonics ignored).
    bool triggerMenu(const QString& menuTitle, const QString& actionText)
    {
        QMainWindow* window = mainWindow();
        if (!window)
            return fail(QStringLiteral("no main window"));
        QMenuBar* bar = window->menuBar();
        auto plain = [](QString s) { return s.remove(QLatin1Char('&')); };
        for (QAction* top : bar->actions()) {
            if (plain(top->text()) != plain(menuTitle) || !top->menu())
                continue;
            if (!clickWidget(bar, bar->actionGeometry(top).center()))
                return false;
            QMenu* menu = top->menu();
            if (!waitFor([menu] { return menu->isVisible(); }, 3000))
                return fail(QStringLiteral("menu \"%1\" did not open").arg(menuTitle));
            for (QAction* a : menu->actions()) {
                if (plain(a->text()) != plain(actionText))
                    continue;
                if (!a->isEnabled() || !a->isVisible())
                    return fail(QStringLiteral("menu item \"%1\" is disabled or hidden").arg(actionText));
                QTest::mouseClick(menu, Qt::LeftButton, Qt::NoModifier, menu->actionGeometry(a).center());
                ++m_actions;
                settle();
                return true;
            }
            menu->close();
            return fail(QStringLiteral("menu \"%1\" has no item \"%2\"").arg(menuTitle, actionText));
        }
        return fail(QStringLiteral("the menu bar has no \"%1\"").arg(menuTitle));
    }

    /// Processes events until `condition` holds or `timeoutMs` passes.
    static bool waitFor(const std::function<bool()>& condition, int timeoutMs = 15000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!condition()) {
            if (timer.elapsed() > timeoutMs)
                return false;
            QTest::qWait(20);
        }
        return true;
    }

    /// Saves a screenshot of the screen as NN-name.png and checks that everything fits on the screen.
    bool step(const QString& name)
    {
        settle();
        const QString file = QStringLiteral("%1/%2-%3.png").arg(m_dir).arg(++m_steps, 2, 10, QLatin1Char('0')).arg(name);
        QPixmap shot;
        if (QScreen* screen = QGuiApplication::primaryScreen())
            shot = screen->grabWindow(0);
        if (shot.isNull() || shot.toImage().isNull() || isBlack(shot)) {
            if (QMainWindow* w = mainWindow())
                shot = w->grab();
        }
        if (!shot.save(file, "PNG"))
            return fail(QStringLiteral("cannot write %1").arg(file));
        const QStringList outside = offScreen(m_fitAxes);
        if (!outside.isEmpty())
            return fail(QStringLiteral("after step %1: %2").arg(name, outside.join(QStringLiteral("; "))));
        if (m_fitAxes != (Qt::Horizontal | Qt::Vertical)) {
            const QStringList all = offScreen();
            if (!all.isEmpty())
                std::printf("journey: after step %s (not checked): %s\n", qPrintable(name),
                    qPrintable(all.join(QStringLiteral("; "))));
        }
        return true;
    }

    /// Every visible top-level window or dock that extends past the screen (along `axes`), described.
    static QStringList offScreen(Qt::Orientations axes = Qt::Horizontal | Qt::Vertical)
    {
        QStringList out;
        QScreen* screen = QGuiApplication::primaryScreen();
        if (!screen)
            return {QStringLiteral("no screen")};
        QRect area = screen->geometry();
        if (!(axes & Qt::Vertical))
            area.setHeight(1 << 20);
        if (!(axes & Qt::Horizontal))
            area.setWidth(1 << 20);
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (!w->isVisible() || w->windowType() == Qt::ToolTip || w->windowType() == Qt::Popup)
                continue;
            const QRect r = w->frameGeometry();
            if (!area.contains(r) || r.width() > area.width() || r.height() > area.height())
                out << QStringLiteral("window %1 at %2,%3 %4×%5 (screen %6×%7)")
                           .arg(w->objectName())
                           .arg(r.x())
                           .arg(r.y())
                           .arg(r.width())
                           .arg(r.height())
                           .arg(area.width())
                           .arg(area.height());
            for (QDockWidget* dock : w->findChildren<QDockWidget*>()) {
                if (!dock->isVisible() || dock->visibleRegion().isEmpty()) // a tab behind another dock
                    continue;
                const QRect d(dock->mapToGlobal(QPoint(0, 0)), dock->size());
                if (!area.contains(d))
                    out << QStringLiteral("dock %1 at %2,%3 %4×%5")
                               .arg(dock->objectName())
                               .arg(d.x())
                               .arg(d.y())
                               .arg(d.width())
                               .arg(d.height());
            }
        }
        return out;
    }

    static QMainWindow* mainWindow()
    {
        if (auto* active = qobject_cast<QMainWindow*>(QApplication::activeWindow()))
            return active;
        for (QWidget* w : QApplication::topLevelWidgets()) {
            if (auto* m = qobject_cast<QMainWindow*>(w); m && m->isVisible())
                return m;
        }
        return nullptr;
    }

    /// Lets layouts, paints and queued signals run.
    static void settle() { QTest::qWait(50); }

private:
    bool usable(QWidget* w)
    {
        if (!w->isVisible() || w->visibleRegion().isEmpty())
            return fail(QStringLiteral("\"%1\" (%2) is not visible").arg(w->accessibleName(), w->objectName()));
        if (!w->isEnabled())
            return fail(QStringLiteral("\"%1\" (%2) is disabled").arg(w->accessibleName(), w->objectName()));
        if (QScreen* screen = QGuiApplication::primaryScreen()) {
            const QRect global(w->mapToGlobal(w->visibleRegion().boundingRect().topLeft()),
                w->visibleRegion().boundingRect().size());
            if (!screen->geometry().contains(global.center()))
                return fail(QStringLiteral("\"%1\" (%2) is off screen at %3,%4")
                                .arg(w->accessibleName(), w->objectName())
                                .arg(global.center().x())
                                .arg(global.center().y()));
        }
        return true;
    }

    static bool isBlack(const QPixmap& shot)
    {
        const QImage image = shot.toImage().scaled(16, 16);
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                if (image.pixel(x, y) != qRgb(0, 0, 0))
                    return false;
            }
        }
        return true;
    }

    bool fail(const QString& why)
    {
        m_why = why.toUtf8();
        return false;
    }

    QString m_dir;
    QByteArray m_why;
    int m_actions = 0;
    int m_steps = 0;
    Qt::Orientations m_fitAxes = Qt::Horizontal | Qt::Vertical;
};

} // namespace Journey

/// main() for a journey test: a fresh profile, then a QApplication named like the console's.
#define JOURNEY_MAIN(TestObject)                                                                                       \
    int main(int argc, char** argv)                                                                                    \
    {                                                                                                                  \
        Journey::isolateProfile();                                                                                     \
        QApplication app(argc, argv);                                                                                  \
        QApplication::setApplicationName(QStringLiteral("iamsmart-console"));                                          \
        QApplication::setOrganizationName(QStringLiteral("iamsmart-console"));                                         \
        QApplication::setApplicationVersion(QStringLiteral("journey"));                                                \
        TestObject tc;                                                                                                 \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
