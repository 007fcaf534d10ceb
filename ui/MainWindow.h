#pragma once

#include "protocol/Text.h"

#include <QMainWindow>

#include <memory>

class LanguageManager;
namespace Mock {
class Simulator;
}
class QActionGroup;
class QLabel;
class QProgressBar;
class QLineEdit;
class QMenu;
class QToolBar;
class QTextBrowser;
class QTreeView;
class CatalogModel;
class CatalogFilter;
class QStackedWidget;
class ApiPage;
class QrPanel;
class BrowserStep;
class CallbackInspector;
class PhonePanel;
class HistoryPanel;
class FlowView;
class ButtonGallery;
class GuideView;
class QTabWidget;
class QDockWidget;
class QNetworkAccessManager;
class QComboBox;
namespace Storage {
class SecretStore;
}
namespace Session {
class ConsoleSession;
}
namespace Workbench {
class Workbench;
struct WorkbenchOptions;
}
namespace Callback {
class CallbackListener;
}

/// The console's main window: the API catalog on the left, the selected API's specification on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// The console on `workbench` (not owned, outlives the window): it opens on the local simulator — strict when
    /// the workbench runs local simulators.
    MainWindow(LanguageManager* languages, Workbench::Workbench* workbench, QWidget* parent = nullptr);
    /// The console on a workbench of its own (workbenchOptions()) that uses `simulator`, already started, as its
    /// local simulator; with none, no local simulator runs (tests).
    explicit MainWindow(LanguageManager* languages, Mock::Simulator* simulator = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The console's workbench options: simulator state in `stateDir` (empty: the shared default, see
    /// Workbench::defaultStateDir()), custom environments in AppConfigLocation/environments, and the content key
    /// fetched as soon as a local environment is active.
    static Workbench::WorkbenchOptions workbenchOptions(const QString& stateDir = {});
    Workbench::Workbench* workbench() const { return m_workbench; }

    /// Selects an API in the catalog tree by id; false if there is none.
    bool selectApi(const QString& id);
    QString currentApiId() const;
    /// The page of the selected API (null before any is selected).
    ApiPage* currentPage() const;
    ApiPage* page(const QString& id);
    Session::ConsoleSession* session() const { return m_session; }
    Callback::CallbackListener* listener() const { return m_listener; }
    QrPanel* qrPanel() const { return m_qr; }
    CallbackInspector* callbackInspector() const { return m_callbackInspector; }
    PhonePanel* phonePanel() const { return m_phone; }
    HistoryPanel* historyPanel() const { return m_history; }
    FlowView* flowView() const { return m_flowView; }
    /// The "iAM Smart buttons" tab: every branding button in the three languages, exported as PNG or SVG.
    ButtonGallery* buttonGallery() const { return m_buttonGallery; }
    /// The Guide tab (Help → Guide, F1; Ctrl+K searches it and the APIs).
    GuideView* guide() const { return m_guide; }
    void showGuide(bool search);
    /// Presenter mode: large type, personal data masked, flows advance one step per "Next step".
    void setPresenterMode(bool on);
    bool presenterMode() const { return m_presenter; }
    /// English → 繁體中文 → 简体中文 → English (one key for presenters).
    void cycleLanguage();
    /// Writes every exchange as HAR 1.2, secrets redacted.
    bool exportHar(const QString& path);
    /// File → Export API definition…: the catalog as OpenAPI 3.0.3 (Session::ApiDefinition), YAML for a .yaml or
    /// .yml path, JSON otherwise.
    bool exportApiDefinition(const QString& path);
    /// Where secrets go; a store that is not persistent shows the session-only banner.
    void setSecretStore(Storage::SecretStore* store);
    /// Switches to an environment by id (the built-ins: local-strict, local-sandbox, cyberport-sandbox,
    /// iamsmart-test). False when unknown.
    bool selectEnvironment(const QString& id);
    QString currentEnvironmentId() const;
    /// The first-run "Start here" panel (shown on a fresh profile until dismissed; Help → Start here).
    QWidget* startHerePanel() const { return m_startHere; }
    void showStartHere(bool show);
    /// Runs a flow with the virtual phone waiting for the user; `showFlow` brings the Flows tab to the front.
    bool runOnPhone(const QString& flowId, bool showFlow);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void retranslate();
    void populateTree();
    void applyFilter(const QString& text);
    void showApi(const QString& id);
    void connectToSimulator();
    void buildDocks();
    void buildToolBar();
    void reloadEnvironments();
    /// The embedded simulator's keys are ready (first start): the status bar says so (the workbench hands the session
    /// the KEK and the content key).
    void simulatorPrepared();
    void updateBanner();
    QString categoryLabel(const QString& category) const;
    void buildStartHere();
    void retranslateStartHere();
    /// Send on a browser-kind page: the console plays the browser on the local simulator (the phone then shows
    /// the request), else the system browser opens the page.
    void openQrPage(ApiPage* page, const QString& url);

    LanguageManager* m_languages;
    Workbench::Workbench* m_workbench;
    Mock::Simulator* m_simulator = nullptr; ///< the local simulator the window opened on (null: none runs)
    QLabel* m_simulatorStatus = nullptr;
    QProgressBar* m_preparing = nullptr; ///< in the status bar while the simulator's keys are made
    CatalogModel* m_catalog = nullptr;
    CatalogFilter* m_catalogFilter = nullptr;
    QTreeView* m_tree = nullptr;
    QLineEdit* m_filter = nullptr;
    QStackedWidget* m_pages = nullptr;
    QHash<QString, ApiPage*> m_pageById;
    Session::ConsoleSession* m_session = nullptr;
    Callback::CallbackListener* m_listener = nullptr;
    QrPanel* m_qr = nullptr;
    CallbackInspector* m_callbackInspector = nullptr;
    PhonePanel* m_phone = nullptr;
    HistoryPanel* m_history = nullptr;
    BrowserStep* m_browserStep = nullptr; ///< real environments: the system browser's round trip
    FlowView* m_flowView = nullptr;
    ButtonGallery* m_buttonGallery = nullptr;
    QAction* m_buttonsAction = nullptr;
    GuideView* m_guide = nullptr;
    QAction* m_guideAction = nullptr;
    QAction* m_guideSearchAction = nullptr;
    QTabWidget* m_mainTabs = nullptr;
    QAction* m_presenterAction = nullptr;
    QAction* m_cycleLanguageAction = nullptr;
    QAction* m_nextStepAction = nullptr;
    bool m_presenter = false;
    int m_normalPointSize = 0;
    QDockWidget* m_historyDock = nullptr;
    QDockWidget* m_qrDock = nullptr;
    QDockWidget* m_callbacksDock = nullptr;
    QDockWidget* m_phoneDock = nullptr;
    QMenu* m_viewMenu = nullptr;
    QNetworkAccessManager* m_browser = nullptr;
    QComboBox* m_envCombo = nullptr;
    QLabel* m_banner = nullptr;
    QAction* m_editEnvironments = nullptr;
    QToolBar* m_toolBar = nullptr;
    QLabel* m_status = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_exportApiAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QActionGroup* m_languageGroup = nullptr;
    QWidget* m_startHere = nullptr;
    QAction* m_startHereAction = nullptr;
};
