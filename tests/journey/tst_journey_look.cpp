#include "JourneyHarness.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "flows/FlowView.h"
#include "flows/SequenceDiagram.h"
#include "mock/Simulator.h"
#include "phone/PhonePanel.h"
#include "qr/QrPanel.h"
#include "request/ApiPage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTextDocument>
#include <QTreeWidget>

#include <functional>

/// Journeys (c), (d), (e) of issue 12, on the screen xvfb-run gives (1280×720, and 1366×768 as a second ctest):
/// - (d) the window and every dock stay on the screen after showing a QR code, running a flow and in presenter
///   mode;
/// - (c) after a flow run, a language switch leaves no text of the other language on screen (both directions),
///   and with the pseudo-locale every visible text is marked, except data (URLs, ids, JSON, code);
/// - (e) every interactive widget has an accessible name (what AT-SPI reads).
class TestJourneyLook : public QObject
{
    Q_OBJECT

    struct Console
    {
        LanguageManager languages;
        Mock::Simulator simulator;
        std::unique_ptr<MainWindow> window;

        explicit Console(const QString& language)
        {
            languages.restore(language);
            Mock::SimulatorOptions options;
            options.stateDir
                = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/mock");
            QVERIFY(simulator.start(options));
            window = std::make_unique<MainWindow>(&languages, &simulator);
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        }
    };

    static QString suite(const QString& name)
    {
        const QSize screen = QGuiApplication::primaryScreen()->size();
        return QStringLiteral("%1-%2x%3").arg(name).arg(screen.width()).arg(screen.height());
    }

    template<typename T> static T* child(QWidget* root, const QString& objectName)
    {
        auto* w = root->findChild<T*>(objectName);
        if (!w)
            qWarning("no %s", qPrintable(objectName));
        return w;
    }

    static bool shownOnScreen(const QWidget* w)
    {
        return w->isVisible() && !w->visibleRegion().isEmpty();
    }

    /// Clicks the APIs tab (a fresh profile opens on "Start here") and opens the API `id`.
    static bool openApi(Journey::Harness& h, MainWindow& window, const QString& id)
    {
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        const int apis = tabs ? tabs->indexOf(window.findChild<QWidget*>(QStringLiteral("mainSplitter"))) : -1;
        return apis >= 0 && h.clickTabOf(tabs->tabBar(), tabs->tabText(apis)) && window.selectApi(id);
    }

    /// Runs the flow `id` from the Flows tab with real clicks and waits until it has finished.
    static bool runFlow(Journey::Harness& h, MainWindow& window, const QString& id)
    {
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        if (!tabs || !h.clickTabOf(tabs->tabBar(), tabs->tabText(tabs->indexOf(window.flowView()))))
            return false;
        if (!window.flowView()->selectFlow(id))
            return false;
        if (!h.clickWidget(child<QPushButton>(window.flowView(), QStringLiteral("flowRunButton"))))
            return false;
        return h.waitFor([&] { return !window.flowView()->runner()->isRunning(); }, 60000)
            && window.flowView()->runner()->result().passed;
    }

    /// Every text a person reads on the visible part of the window: labels, buttons, tabs, tree and list items,
    /// header sections, combo boxes, placeholders, group boxes, dock titles, the status bar, the window title
    /// and the menu bar. Editors' contents are data (JSON, code, previews) and are not read.
    static QList<QPair<QString, QString>> visibleTexts(MainWindow& window)
    {
        QList<QPair<QString, QString>> out; // (where, text)
        auto add = [&out](const QWidget* w, const QString& what, const QString& text) {
            if (!text.trimmed().isEmpty())
                out.append({QStringLiteral("%1 %2 (%3)").arg(what, w->objectName(), w->metaObject()->className()),
                    text});
        };
        add(&window, QStringLiteral("window title"), window.windowTitle());
        for (QAction* a : window.menuBar()->actions())
            add(window.menuBar(), QStringLiteral("menu"), a->text());
        for (QWidget* w : window.findChildren<QWidget*>()) {
            if (!shownOnScreen(w))
                continue;
            if (auto* label = qobject_cast<QLabel*>(w)) {
                QTextDocument doc;
                doc.setHtml(label->text());
                add(w, QStringLiteral("label"),
                    Qt::mightBeRichText(label->text()) ? doc.toPlainText() : label->text());
            } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
                add(w, QStringLiteral("button"), button->text());
            } else if (auto* bar = qobject_cast<QTabBar*>(w)) {
                for (int i = 0; i < bar->count(); ++i)
                    add(w, QStringLiteral("tab"), bar->tabText(i));
            } else if (auto* dock = qobject_cast<QDockWidget*>(w)) {
                add(w, QStringLiteral("dock"), dock->windowTitle());
            } else if (auto* box = qobject_cast<QGroupBox*>(w)) {
                add(w, QStringLiteral("group"), box->title());
            } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
                if (!combo->objectName().startsWith(QLatin1String("field_"))) // a form's value is data
                    add(w, QStringLiteral("combo"), combo->currentText());
            } else if (auto* edit = qobject_cast<QLineEdit*>(w)) {
                if (edit->text().isEmpty())
                    add(w, QStringLiteral("placeholder"), edit->placeholderText());
            } else if (auto* tree = qobject_cast<QTreeWidget*>(w)) {
                for (QTreeWidgetItemIterator it(tree); *it; ++it) {
                    if (!(*it)->isHidden() && tree->viewport()->rect().intersects(tree->visualItemRect(*it)))
                        for (int c = 0; c < tree->columnCount(); ++c)
                            add(w, QStringLiteral("tree item"), (*it)->text(c));
                }
            } else if (auto* list = qobject_cast<QListWidget*>(w)) {
                for (int i = 0; i < list->count(); ++i)
                    add(w, QStringLiteral("list item"), list->item(i)->text());
            } else if (auto* view = qobject_cast<QAbstractItemView*>(w);
                       view && view->model() && !qobject_cast<QHeaderView*>(w)) {
                // A view over a model: the rows on screen, every column, any depth (what the user reads).
                const QRect visible = view->viewport()->rect();
                std::function<void(const QModelIndex&)> rows = [&](const QModelIndex& parent) {
                    for (int r = 0; r < view->model()->rowCount(parent); ++r) {
                        for (int c = 0; c < view->model()->columnCount(parent); ++c) {
                            const QModelIndex index = view->model()->index(r, c, parent);
                            if (visible.intersects(view->visualRect(index)))
                                add(w, QStringLiteral("item"), index.data().toString());
                        }
                        rows(view->model()->index(r, 0, parent));
                    }
                };
                rows({});
            } else if (auto* header = qobject_cast<QHeaderView*>(w)) {
                for (int i = 0; i < header->count(); ++i)
                    add(w, QStringLiteral("header"),
                        header->model()->headerData(i, header->orientation(), Qt::DisplayRole).toString());
            }
        }
        return out;
    }

    /// `text` without what is data, not language: URLs, ids and codes (auth.getQR, D00000, eidapi_auth, hex),
    /// numbers and times, JSON, a flow step's id, and the names the protocol and brand keep in every language.
    static QString withoutData(QString text)
    {
        static const QList<QRegularExpression> data {
            QRegularExpression(QStringLiteral("^\\s*[\\[{].*"), QRegularExpression::DotMatchesEverythingOption),
            QRegularExpression(QStringLiteral("[a-zA-Z][a-zA-Z0-9+.-]*://\\S+")),
            QRegularExpression(QStringLiteral("^[\\w-]+ (?=\\([\\w.]+\\) — )")), // a flow step's id
            QRegularExpression(QStringLiteral("[(（]\\w+[)）]")),                 // a field's name: 來源 (source)
            QRegularExpression(QStringLiteral("\\b[\\w-]+(\\.[\\w-]+)+\\b")),   // auth.getQR, 127.0.0.1
            QRegularExpression(QStringLiteral("\\b\\w*[_\\d]\\w*\\b")),         // eidapi_auth, D00000, hex ids
            QRegularExpression(QStringLiteral("\\b[a-z]+[A-Z]\\w*\\b")),        // businessID, openID, redirectURI
            QRegularExpression(QStringLiteral("\\b[A-Z]{2,}\\b")),                 // the wire's SUCCESS, HTTP, JSON
            QRegularExpression(QStringLiteral(
                "\\b(iAM|Smart|iAM Smart\\+?|HTTPS?|JSON|QR|PNG|SVG|HAR|HTML|PDF|curl|API|APIs|URI|URL|ID|JWE|JWS|"
                "CEK|KEK|AES|GCM|RSA|OAEP|SHA|HMAC|CSRF|GET|POST|PUT|e-ME|eME|Python|Java|JavaScript|Node|PHP|Go|"
                "C#|Swift|Kotlin|Ruby|Rust|Cyberport|Chan|Siu|Ming|Wong|Tai|Man|Lee|Mei|Ling|Ho|Ka|Yan|Cheung|"
                "Chi|Lam|Fung|Ng|Wai|Kin)\\b")),
        };
        for (const QRegularExpression& re : data)
            text.remove(re);
        return text;
    }

    static bool hasEnglish(const QString& text)
    {
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
        return word.match(withoutData(text)).hasMatch();
    }

    static bool hasChinese(const QString& text)
    {
        static const QRegularExpression han(QStringLiteral("[\\x{3400}-\\x{9FFF}\\x{3000}-\\x{303F}\\x{FF01}-\\x{FF5E}]"));
        return han.match(text).hasMatch();
    }

    static QStringList offenders(MainWindow& window, const std::function<bool(const QString&)>& bad)
    {
        QStringList out;
        for (const auto& [where, text] : visibleTexts(window)) {
            if (bad(text))
                out << QStringLiteral("%1: \"%2\"").arg(where, text.left(120));
        }
        return out;
    }

    /// View → Presenter mode, as a person would (menu title, then the item).
    static bool togglePresenter(Journey::Harness& h, MainWindow& window)
    {
        auto* menu = window.findChild<QMenu*>(QStringLiteral("viewMenu"));
        auto* action = window.findChild<QAction*>(QStringLiteral("presenterModeAction"));
        return menu && action && h.triggerMenu(menu->title(), action->text());
    }

    static bool chooseLanguage(Journey::Harness& h, MainWindow& window, Protocol::Language language)
    {
        auto* menu = window.findChild<QMenu*>(QStringLiteral("languageMenu"));
        return menu && h.triggerMenu(menu->title(), LanguageManager::nativeName(language));
    }

private slots:
    void windowAndDocksStayOnTheScreen()
    {
        Console c(QStringLiteral("en"));
        MainWindow& window = *c.window;
        Journey::Harness h(suite(QStringLiteral("fit")));
        QVERIFY2(h.step(QStringLiteral("start")), h.why());
        // The getQR page's QR code: its long URL used to widen the window past the screen.
        QVERIFY2(openApi(h, window, QStringLiteral("auth.getQR")), h.why());
        QVERIFY2(h.clickWidget(child<QPushButton>(window.currentPage(), QStringLiteral("showQrButton"))), h.why());
        QVERIFY2(h.step(QStringLiteral("show-qr")), h.why());
        auto* qrText = child<QLabel>(window.qrPanel(), QStringLiteral("qrTextLabel"));
        QVERIFY(shownOnScreen(qrText));
        // The text sits below the image, never over it.
        auto* qrImage = child<QLabel>(window.qrPanel(), QStringLiteral("qrImageLabel"));
        QVERIFY(qrImage->geometry().bottom() < qrText->geometry().top());
        // Buttons of the QR dock and the phone stay reachable.
        QVERIFY2(h.clickWidget(child<QPushButton>(window.qrPanel(), QStringLiteral("qrCopyButton"))), h.why());

        QVERIFY2(runFlow(h, window, QStringLiteral("login-profile")), h.why());
        QVERIFY2(h.step(QStringLiteral("run-flow")), h.why());
        auto* status = window.statusBar();
        QVERIFY2(shownOnScreen(status)
                && QGuiApplication::primaryScreen()->geometry().contains(
                    QRect(status->mapToGlobal(QPoint(0, 0)), status->size())),
            "the status bar is off the screen on the Flows tab");
        // The flow view's QR keeps its text below the image.
        auto* flowQr = window.flowView()->findChild<QWidget*>(QStringLiteral("qrPanel"));
        QVERIFY(flowQr);
        auto* flowQrText = child<QLabel>(flowQr, QStringLiteral("qrTextLabel"));
        auto* flowQrImage = child<QLabel>(flowQr, QStringLiteral("qrImageLabel"));
        QVERIFY2(flowQrImage->geometry().bottom() < flowQrText->geometry().top(), "QR text drawn over the image");
        // The diagram keeps a readable size (it scrolls) and zooms.
        SequenceDiagram* diagram = window.flowView()->diagram();
        QVERIFY(diagram->width() >= 900);
        const int before = diagram->width();
        QVERIFY2(h.clickWidget(child<QWidget>(window.flowView(), QStringLiteral("diagramZoomInButton"))), h.why());
        QVERIFY(diagram->width() > before);

        QVERIFY2(togglePresenter(h, window), h.why());
        QVERIFY(window.presenterMode());
        QVERIFY2(h.step(QStringLiteral("presenter")), h.why());
        QVERIFY(window.flowView()->selectFlow(QStringLiteral("login")));
        QVERIFY2(h.clickWidget(child<QPushButton>(window.flowView(), QStringLiteral("flowRunButton"))), h.why());
        // Presenter mode steps one at a time ("Next flow step", F8) until the run is over.
        for (int i = 0; i < 40 && window.flowView()->runner()->isRunning(); ++i) {
            if (window.flowView()->runner()->isWaitingForNext())
                window.findChild<QAction*>(QStringLiteral("nextStepAction"))->trigger(); // F8
            h.waitFor([&] { return !window.flowView()->runner()->isRunning(); }, 1500);
        }
        QVERIFY2(h.step(QStringLiteral("presenter-run")), h.why());
        QVERIFY2(openApi(h, window, QStringLiteral("auth.getQR")), h.why());
        QVERIFY2(h.clickWidget(child<QPushButton>(window.currentPage(), QStringLiteral("showQrButton"))), h.why());
        QVERIFY2(h.step(QStringLiteral("presenter-show-qr")), h.why());
        QVERIFY2(togglePresenter(h, window), h.why());
        QVERIFY(!window.presenterMode());
        QVERIFY2(h.step(QStringLiteral("presenter-off")), h.why());
    }

    void languageSwitchLeavesNoOtherLanguage()
    {
        Console c(QStringLiteral("en"));
        MainWindow& window = *c.window;
        Journey::Harness h(suite(QStringLiteral("language")));
        QVERIFY2(openApi(h, window, QStringLiteral("auth.getQR")), h.why());
        QVERIFY2(h.clickWidget(child<QPushButton>(window.currentPage(), QStringLiteral("showQrButton"))), h.why());
        QVERIFY2(runFlow(h, window, QStringLiteral("login-profile")), h.why());
        // Answer a login on the virtual phone too, so its answer line is on screen.
        QVERIFY2(openApi(h, window, QStringLiteral("auth.getQR")), h.why());
        QVERIFY2(h.clickWidget(child<QPushButton>(window.currentPage(), QStringLiteral("sendButton"))), h.why());
        auto* approve = child<QPushButton>(window.phonePanel(), QStringLiteral("phoneApproveButton"));
        QVERIFY2(h.waitFor([&] { return approve->isEnabled(); }, 15000), "the phone shows no request");
        QVERIFY2(h.clickWidget(approve), h.why());
        auto* answer = child<QLabel>(window.phonePanel(), QStringLiteral("phoneResultLabel"));
        QVERIFY2(h.waitFor([&] { return answer->text().contains(QLatin1String("D00000")); }, 15000),
            qPrintable(answer->text()));
        // And an answer on an API page: "HTTP 200 in … ms" and the code's meaning.
        QVERIFY2(openApi(h, window, QStringLiteral("keys.getKey")), h.why());
        QVERIFY2(h.clickWidget(child<QPushButton>(window.currentPage(), QStringLiteral("sendButton"))), h.why());
        auto* code = child<QLabel>(window.currentPage(), QStringLiteral("responseCodeLabel"));
        QVERIFY2(h.waitFor([&] { return code->text().contains(QLatin1String("D00000")); }, 15000),
            qPrintable(code->text()));
        QVERIFY2(h.step(QStringLiteral("en-after-flow")), h.why());

        const QList<Protocol::Language> order {Protocol::Language::TraditionalChinese, Protocol::Language::English,
            Protocol::Language::SimplifiedChinese, Protocol::Language::English};
        for (Protocol::Language language : order) {
            QVERIFY2(chooseLanguage(h, window, language), h.why());
            QVERIFY2(h.step(Protocol::languageKey(language) + QStringLiteral("-flows")), h.why());
            QStringList left = language == Protocol::Language::English ? offenders(window, hasChinese)
                                                                       : offenders(window, hasEnglish);
            // The APIs tab too (the getQR page with its answer, the catalog, the docks).
            auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs"));
            QVERIFY2(openApi(h, window, QStringLiteral("keys.getKey")), h.why());
            QVERIFY2(shownOnScreen(answer) && shownOnScreen(code), "the answers are not on screen");
            QVERIFY2(h.step(Protocol::languageKey(language) + QStringLiteral("-apis")), h.why());
            left += language == Protocol::Language::English ? offenders(window, hasChinese)
                                                            : offenders(window, hasEnglish);
            left.removeDuplicates();
            QVERIFY2(left.isEmpty(),
                qPrintable(QStringLiteral("after switching to %1, texts of another language: %2")
                        .arg(Protocol::languageKey(language), left.join(QStringLiteral("\n")))));
            QVERIFY2(h.clickTabOf(tabs->tabBar(), tabs->tabText(tabs->indexOf(window.flowView()))), h.why());
        }
    }

    void pseudoLocaleMarksEveryText()
    {
        Console c(QStringLiteral("pseudo"));
        MainWindow& window = *c.window;
        QVERIFY(c.languages.isPseudo());
        Journey::Harness h(suite(QStringLiteral("pseudo")));
        QVERIFY2(openApi(h, window, QStringLiteral("auth.getQR")), h.why());
        QVERIFY2(h.clickWidget(child<QPushButton>(window.currentPage(), QStringLiteral("showQrButton"))), h.why());
        QVERIFY2(h.step(QStringLiteral("apis")), h.why());
        auto unmarked = [](const QString& text) { return !PseudoTranslator::isMarked(text) && hasEnglish(text); };
        QStringList left = offenders(window, unmarked);
        QVERIFY2(runFlow(h, window, QStringLiteral("login-profile")), h.why());
        QVERIFY2(h.step(QStringLiteral("flows")), h.why());
        left += offenders(window, unmarked);
        // Through Chinese and back: everything is marked again.
        QVERIFY2(chooseLanguage(h, window, Protocol::Language::TraditionalChinese), h.why());
        QVERIFY2(h.step(QStringLiteral("zh-HK")), h.why());
        QVERIFY2(chooseLanguage(h, window, Protocol::Language::English), h.why());
        QVERIFY2(h.step(QStringLiteral("flows-after-switch")), h.why());
        left += offenders(window, unmarked);
        left.removeDuplicates();
        QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("texts that bypass tr() or the catalog:\n")
                                          + left.join(QStringLiteral("\n"))));
    }

    void pseudoTextKeepsPlaceholdersAndMnemonics()
    {
        const QString marked = PseudoTranslator::mark(QStringLiteral("&Run %1 of %n"));
        QVERIFY(marked.startsWith(QStringLiteral("⟦&Run %1 of %n")));
        QVERIFY(marked.endsWith(QStringLiteral("⟧")));
        QVERIFY(marked.size() >= QStringLiteral("&Run %1 of %n").size() * 13 / 10);
        QVERIFY(PseudoTranslator::isMarked(marked));
        QCOMPARE(PseudoTranslator::mark(marked), marked);
        QCOMPARE(PseudoTranslator::mark(QString()), QString());
    }

    void everyInteractiveWidgetHasAnAccessibleName()
    {
        Console c(QStringLiteral("en"));
        MainWindow& window = *c.window;
        Journey::Harness h(suite(QStringLiteral("a11y")));
        QVERIFY2(openApi(h, window, QStringLiteral("auth.getQR")), h.why());
        QVERIFY2(h.clickWidget(child<QPushButton>(window.currentPage(), QStringLiteral("showQrButton"))), h.why());
        QStringList unnamed;
        auto check = [&] {
            for (QWidget* w : window.findChildren<QWidget*>()) {
                const bool interactive = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w)
                    || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractItemView*>(w)
                    || qobject_cast<QTabBar*>(w) || qobject_cast<QAbstractSpinBox*>(w);
                if (!interactive || !shownOnScreen(w) || qobject_cast<QComboBox*>(w->parentWidget()))
                    continue;
                if (auto* bar = qobject_cast<QTabBar*>(w)) {
                    for (int i = 0; i < bar->count(); ++i) {
                        if (bar->tabText(i).isEmpty() && bar->accessibleTabName(i).isEmpty())
                            unnamed << QStringLiteral("tab %1 of %2").arg(i).arg(bar->objectName());
                    }
                    continue;
                }
                QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
                const QString name = a ? a->text(QAccessible::Name) : QString();
                if (name.trimmed().isEmpty())
                    unnamed << QStringLiteral("%1 (%2)").arg(w->objectName(), w->metaObject()->className());
            }
        };
        check();
        QVERIFY2(runFlow(h, window, QStringLiteral("login-profile")), h.why());
        check();
        QVERIFY2(h.step(QStringLiteral("flows")), h.why());
        unnamed.removeDuplicates();
        QVERIFY2(unnamed.isEmpty(),
            qPrintable(QStringLiteral("interactive widgets without an accessible name:\n")
                + unnamed.join(QStringLiteral("\n"))));
    }
};

JOURNEY_MAIN(TestJourneyLook)
#include "tst_journey_look.moc"
