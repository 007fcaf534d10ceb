#include "MainWindow.h"

#include "LanguageManager.h"
#include "net/TlsPolicy.h"
#include "branding/ButtonGallery.h"
#include "callback/CallbackListener.h"
#include "callbacks/CallbackInspector.h"
#include "catalog/CatalogModel.h"
#include "flows/FlowView.h"
#include "flows/SequenceDiagram.h"
#include "forms/TryItForm.h"
#include "guide/GuideView.h"
#include "history/HistoryPanel.h"
#include "request/BrowserStep.h"
#include "mock/Simulator.h"
#include "net/RequestGuard.h"
#include "phone/PhonePanel.h"
#include "request/VerticalScrollArea.h"
#include "protocol/ApiCatalog.h"
#include "qr/QrPanel.h"
#include "request/ApiPage.h"
#include "request/PdfSigningPanel.h"
#include "session/ApiDefinition.h"
#include "session/ConsoleSession.h"
#include "session/History.h"
#include "settings/EnvironmentDialog.h"
#include "storage/SecretStore.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

MainWindow::MainWindow(LanguageManager* languages, Mock::Simulator* simulator, QWidget* parent)
    : MainWindow(languages,
          [simulator] {
              Workbench::WorkbenchOptions options = workbenchOptions();
              options.localSimulators = false; // only the one handed in
              auto* own = new Workbench::Workbench(options);
              if (simulator && !simulator->baseUrl().isEmpty())
                  own->useSimulator(simulator);
              return own;
          }(),
          parent)
{
    // Owned from here; a child added last goes after the widgets that use its session, listener and simulators.
    m_workbench->setParent(this);
}

MainWindow::MainWindow(LanguageManager* languages, Workbench::Workbench* workbench, QWidget* parent)
    : QMainWindow(parent)
    , m_languages(languages)
    , m_workbench(workbench)
{
    setObjectName(QStringLiteral("mainWindow"));
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(left);
    m_filter->setObjectName(QStringLiteral("catalogFilterLineEdit"));
    m_filter->setClearButtonEnabled(true);
    auto* findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(findAction);
    m_catalog = new CatalogModel(Protocol::ApiCatalog::builtin(), this);
    m_catalogFilter = new CatalogFilter(this);
    m_catalogFilter->setSourceModel(m_catalog);
    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("catalogTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setModel(m_catalogFilter);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("apiPages"));
    m_session = m_workbench->session();
    m_listener = m_workbench->listener();

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 800});
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("secretsBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(
        QStringLiteral("background:#fff3cd;color:#5c4400;padding:6px;border-bottom:1px solid #e0c36a;"));
    auto* central = new QWidget(this);
    auto* centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_banner);
    m_mainTabs = new QTabWidget(this);
    m_mainTabs->setObjectName(QStringLiteral("mainTabs"));
    m_mainTabs->addTab(splitter, QString());
    centralLayout->addWidget(m_mainTabs, 1);
    setCentralWidget(central);

    m_simulatorStatus = new QLabel(this);
    m_simulatorStatus->setObjectName(QStringLiteral("simulatorStatusLabel"));
    m_simulatorStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_simulatorStatus);
    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);

    buildMenus();
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::applyFilter);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& index) {
        if (const QString id = index.data(CatalogModel::IdRole).toString(); !id.isEmpty())
            showApi(id);
    });
    connect(m_languages, &LanguageManager::languageChanged, this, [this](Protocol::Language language) {
        for (ApiPage* p : std::as_const(m_pageById))
            p->setLanguage(language);
        const QString current = currentApiId();
        QWidget* shown = m_mainTabs->currentWidget();
        populateTree();
        if (!current.isEmpty())
            selectApi(current);
        m_mainTabs->setCurrentWidget(shown); // a language switch keeps the tab in front
    });
    connectToSimulator();
    buildDocks();
    buildToolBar();
    m_flowView = new FlowView(m_session, m_listener, m_simulator, this);
    m_mainTabs->addTab(m_flowView, QString());
    connect(m_languages, &LanguageManager::languageChanged, m_flowView, &FlowView::setLanguage);
    m_flowView->setLanguage(m_languages->language());
    m_buttonGallery = new ButtonGallery(this);
    m_mainTabs->addTab(m_buttonGallery, QString());
    m_buttonsAction = m_viewMenu->addAction(QString(), this, [this] { m_mainTabs->setCurrentWidget(m_buttonGallery); });
    m_buttonsAction->setObjectName(QStringLiteral("buttonGalleryAction"));
    m_presenterAction = m_viewMenu->addAction(QString(), this, [this](bool on) { setPresenterMode(on); });
    m_presenterAction->setObjectName(QStringLiteral("presenterModeAction"));
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_cycleLanguageAction = m_languageMenu->addAction(QString(), this, &MainWindow::cycleLanguage);
    m_cycleLanguageAction->setObjectName(QStringLiteral("cycleLanguageAction"));
    m_cycleLanguageAction->setShortcut(QKeySequence(Qt::Key_F12));
    m_nextStepAction = m_viewMenu->addAction(QString(), this, [this] {
        if (m_flowView->runner()->isWaitingForNext())
            m_flowView->runner()->next();
    });
    m_nextStepAction->setObjectName(QStringLiteral("nextStepAction"));
    m_nextStepAction->setShortcut(QKeySequence(Qt::Key_F8));
    m_guide = new GuideView(&Protocol::ApiCatalog::builtin(), this);
    m_guide->setStateDir(m_workbench->stateDir());
    m_mainTabs->addTab(m_guide, QString());
    m_guide->setLanguage(m_languages->language());
    connect(m_languages, &LanguageManager::languageChanged, m_guide, &GuideView::setLanguage);
    connect(m_guide, &GuideView::apiRequested, this, [this](const QString& id) { selectApi(id); });
    connect(m_guide, &GuideView::flowRequested, this, [this](const QString& id) {
        m_mainTabs->setCurrentWidget(m_flowView);
        m_flowView->selectFlow(id);
    });
    m_guideAction = m_helpMenu->addAction(QString(), this, [this] { showGuide(false); });
    m_guideAction->setObjectName(QStringLiteral("guideAction"));
    m_guideAction->setShortcut(QKeySequence::HelpContents);
    m_guideSearchAction = m_helpMenu->addAction(QString(), this, [this] { showGuide(true); });
    m_guideSearchAction->setObjectName(QStringLiteral("guideSearchAction"));
    m_guideSearchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    buildStartHere();
    if (!QSettings().value(QStringLiteral("startHere/dismissed"), false).toBool())
        m_mainTabs->insertTab(0, m_startHere, QString());
    m_startHere->setVisible(m_mainTabs->indexOf(m_startHere) >= 0);
    populateTree();
    retranslate();
    // Open on the first API so the window never starts with an empty page.
    if (!Protocol::ApiCatalog::builtin().apis().isEmpty())
        selectApi(Protocol::ApiCatalog::builtin().apis().first().id);
    if (m_mainTabs->indexOf(m_startHere) >= 0)
        m_mainTabs->setCurrentWidget(m_startHere); // a fresh profile opens on Start here
    resize(QSize(1280, 800).boundedTo(screen() ? screen()->availableSize() : QSize(1280, 800)));
    resizeDocks({m_qrDock}, {300}, Qt::Horizontal);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_exportApiAction = m_fileMenu->addAction(QString(), this, [this] {
        QString filter;
        QString path = QFileDialog::getSaveFileName(this, tr("Export API definition"), QStringLiteral("iamsmart-openapi.json"),
            tr("OpenAPI 3 JSON (*.json)") + QStringLiteral(";;") + tr("OpenAPI 3 YAML (*.yaml *.yml)"), &filter);
        if (path.isEmpty())
            return;
        if (filter.contains(QLatin1String("*.yaml")) && QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
            path = path.left(path.size() - 4) + QStringLiteral("yaml");
        if (!exportApiDefinition(path))
            QMessageBox::warning(this, tr("Export API definition"), tr("Could not write %1.").arg(path));
    });
    m_exportApiAction->setObjectName(QStringLiteral("exportApiAction"));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::quit);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    for (Protocol::Language language : Protocol::allLanguages()) {
        QAction* action = m_languageMenu->addAction(LanguageManager::nativeName(language));
        action->setObjectName(QStringLiteral("languageAction_") + Protocol::languageKey(language));
        if (const QStringList cjk = LanguageManager::cjkFamilies(language); !cjk.isEmpty()) {
            QFont nameFont; // each language's name in its own script's forms, whatever the console's language
            nameFont.setFamilies(cjk);
            action->setFont(nameFont);
        }
        action->setCheckable(true);
        action->setChecked(language == m_languages->language());
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] { m_languages->choose(language); });
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About iAM Smart Sandbox Console"),
            tr("iAM Smart Sandbox Console %1\nA desktop console and offline simulator for "
               "iAM Smart integrations.")
                .arg(QCoreApplication::applicationVersion()));
    });
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_startHereAction = m_helpMenu->addAction(QString(), this, [this] { showStartHere(true); });
    m_startHereAction->setObjectName(QStringLiteral("startHereAction"));
}

void MainWindow::setPresenterMode(bool on)
{
    m_presenter = on;
    m_presenterAction->setChecked(on);
    if (m_normalPointSize == 0)
        m_normalPointSize = font().pointSize() > 0 ? font().pointSize() : 10;
    QFont f = font();
    f.setPointSize(on ? m_normalPointSize * 3 / 2 : m_normalPointSize);
    setFont(f);
    for (ApiPage* p : std::as_const(m_pageById))
        p->setMasking(on);
    m_callbackInspector->setMasking(on);
    m_flowView->runner()->setStepping(on);
}

void MainWindow::cycleLanguage()
{
    const QList<Protocol::Language>& all = Protocol::allLanguages();
    m_languages->choose(all.at((all.indexOf(m_languages->language()) + 1) % all.size()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // The layout is remembered; nothing secret goes into these settings.
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::buildDocks()
{
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    menuBar()->insertMenu(m_helpMenu->menuAction(), m_viewMenu);
    auto addDock = [this](QWidget* content, const QString& name, Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(this);
        dock->setObjectName(name);
        dock->setWidget(content);
        addDockWidget(area, dock);
        m_viewMenu->addAction(dock->toggleViewAction());
        return dock;
    };
    m_qr = new QrPanel(this);
    m_qrDock = addDock(m_qr, QStringLiteral("qrDock"), Qt::RightDockWidgetArea);
    m_callbackInspector = new CallbackInspector(m_listener, this);
    m_callbackInspector->setMinimumHeight(60); // the docks may be short at 1280×720; the window never outgrows it
    m_callbacksDock = addDock(m_callbackInspector, QStringLiteral("callbacksDock"), Qt::BottomDockWidgetArea);
    m_history = new HistoryPanel(this);
    m_historyDock = addDock(m_history, QStringLiteral("historyDock"), Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_callbacksDock, m_historyDock);
    m_callbacksDock->raise();
    resizeDocks({m_callbacksDock}, {170}, Qt::Vertical);
    // Exchanges survive restarts (only wire bytes, the subscription key redacted).
    auto history = std::make_shared<Session::ExchangeHistory>(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/history"),
        Session::HistorySettings::load());
    m_history->setSettings(history->settings());
    connect(m_history, &HistoryPanel::settingsChanged, this, [history](const Session::HistorySettings& settings) {
        settings.save();
        history->setSettings(settings);
    });
    m_history->load(*history); // in the background: a big history never slows the first paint
    auto record = [this, history](const Session::Exchange& e) {
        (void)history->append(e);
        m_history->add(e);
    };
    connect(m_session, &Session::ConsoleSession::exchangeFinished, this, record);
    m_browserStep = new BrowserStep(m_listener, this);
    connect(m_browserStep, &BrowserStep::finished, this, record);
    // A gateway answer names its own state (and businessID): the redirect back is matched against those.
    connect(m_session, &Session::ConsoleSession::exchangeFinished, this, [this](const Session::Exchange& e) {
        const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(e.apiId);
        if (!e.gateway || !e.succeeded() || !api || api->callbackId.isEmpty())
            return;
        const QJsonObject answer = e.content.toObject();
        const bool login = api->phoneKind == QLatin1String("auth");
        m_listener->expect(
            {e.id, api->id, api->callbackId, login ? QString() : answer.value(QLatin1String("businessID")).toString(),
                answer.value(QLatin1String("state")).toString()});
    });
    auto reopen = [this](const Session::Exchange& e) -> ApiPage* {
        if (!selectApi(e.apiId))
            return nullptr;
        ApiPage* p = currentPage();
        p->loadBody(QJsonDocument::fromJson(e.request.plaintext).object());
        return p;
    };
    connect(m_history, &HistoryPanel::reopenRequested, this, [this](const Session::Exchange& e) {
        // The exchange's page comes to the front with its request and its response together.
        if (!selectApi(e.apiId))
            return;
        m_mainTabs->setCurrentIndex(m_mainTabs->indexOf(m_pages->parentWidget()));
        currentPage()->showHistoryExchange(e);
        currentPage()->setFocus(Qt::OtherFocusReason);
    });
    connect(m_history, &HistoryPanel::resendRequested, this, [reopen](const Session::Exchange& e) {
        if (ApiPage* p = reopen(e))
            p->send();
    });
    connect(m_history, &HistoryPanel::exportRequested, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Export HAR"), QStringLiteral("iamsmart.har"), tr("HAR (*.har)"));
        if (!path.isEmpty())
            exportHar(path);
    });
    if (m_simulator) {
        m_phone = new PhonePanel(m_simulator, this);
        // The phone's controls scroll down rather than grow the window past a 720-pixel screen.
        auto* phoneScroll = new VerticalScrollArea(this);
        phoneScroll->setObjectName(QStringLiteral("phoneScroll"));
        phoneScroll->setFrameShape(QFrame::NoFrame);
        phoneScroll->setWidgetResizable(true);
        phoneScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        phoneScroll->setWidget(m_phone);
        m_phoneDock = addDock(phoneScroll, QStringLiteral("phoneDock"), Qt::RightDockWidgetArea);
        tabifyDockWidget(m_qrDock, m_phoneDock);
        m_phoneDock->raise();
        // Offline there is no browser on the desk: the console follows the redirect the user's browser would,
        // through the flow runner's browser (one code path for flows and for Send).
        connect(m_phone, &PhonePanel::browserRedirect, this,
            [this](const QString& url) { m_flowView->runner()->browserGet(url, [](int, const QByteArray&) {}); });
        connect(m_languages, &LanguageManager::languageChanged, m_phone, &PhonePanel::setLanguage);
        m_phone->setLanguage(m_languages->language());
        m_phone->setDirectLoginAddress(m_listener->urlFor(QStringLiteral("callback.directLogin")));
    }
}

bool MainWindow::exportHar(const QString& path)
{
    return Session::Har::write(m_history->exchanges(), path, QCoreApplication::applicationVersion(),
        m_history->settings().keepPersonalData)
        .ok();
}

bool MainWindow::exportApiDefinition(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool yaml = suffix == QLatin1String("yaml") || suffix == QLatin1String("yml");
    const QByteArray bytes = Session::ApiDefinition::serialize(Session::ApiDefinition::document({}), yaml);
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
    if (ok)
        statusBar()->showMessage(tr("API definition written to %1").arg(QDir::toNativeSeparators(path)), 5000);
    return ok;
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("iAM Smart Sandbox Console"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_exportApiAction->setText(tr("Export API &definition…"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_viewMenu->setTitle(tr("&View"));
    m_toolBar->setWindowTitle(tr("Environment"));
    m_editEnvironments->setText(tr("Environments…"));
    m_envCombo->setAccessibleName(tr("Environment"));
    m_envCombo->setToolTip(tr("Where requests go: the local simulator by default"));
    reloadEnvironments();
    updateBanner();
    m_qrDock->setWindowTitle(tr("QR code"));
    m_callbacksDock->setWindowTitle(tr("Callbacks"));
    m_historyDock->setWindowTitle(tr("History"));
    m_mainTabs->setAccessibleName(tr("Console sections"));
    m_mainTabs->setTabText(m_mainTabs->indexOf(m_pages->parentWidget()), tr("APIs"));
    m_mainTabs->setTabText(m_mainTabs->indexOf(m_flowView), tr("Flows"));
    m_mainTabs->setTabText(m_mainTabs->indexOf(m_buttonGallery), tr("iAM Smart buttons"));
    m_buttonsAction->setText(tr("iAM Smart &buttons"));
    m_mainTabs->setTabText(m_mainTabs->indexOf(m_guide), GuideView::title());
    m_guideAction->setText(GuideView::openText());
    m_guideSearchAction->setText(GuideView::searchText());
    m_presenterAction->setText(tr("&Presenter mode"));
    m_cycleLanguageAction->setText(tr("Next language"));
    m_nextStepAction->setText(tr("Next flow step"));
    if (m_phoneDock)
        m_phoneDock->setWindowTitle(tr("Virtual phone"));
    m_aboutAction->setText(tr("&About"));
    m_startHereAction->setText(tr("&Start here"));
    retranslateStartHere();
    m_filter->setPlaceholderText(tr("Filter APIs…"));
    m_filter->setAccessibleName(tr("Filter APIs"));
    m_tree->setAccessibleName(tr("API catalog"));
    const auto& catalog = Protocol::ApiCatalog::builtin();
    m_status->setText(catalog.apis().isEmpty() ? tr("The API catalog failed to load.")
                                               : tr("%n API(s) in the catalog", nullptr, int(catalog.apis().size())));
    m_simulatorStatus->setToolTip(QString());
    if (m_simulator && !m_simulator->isPrepared()) {
        m_simulatorStatus->setText(tr("Preparing the simulator…"));
        m_simulatorStatus->setToolTip(
            tr("Making the simulator's keys (first start). Requests to the simulator wait until they are ready."));
        if (m_preparing)
            m_preparing->setToolTip(m_simulatorStatus->toolTip());
    } else if (m_simulator && !m_simulator->baseUrl().isEmpty())
        m_simulatorStatus->setText(
            tr("Local simulator (%1) at %2")
                .arg(m_simulator->mode() == Mock::Mode::Strict ? tr("strict") : tr("sandbox-compatible"),
                    m_simulator->baseUrl()));
    else
        m_simulatorStatus->setText(tr("Local simulator not running"));
    for (QAction* action : m_languageGroup->actions())
        action->setChecked(action->objectName().endsWith(Protocol::languageKey(m_languages->language())));
    if (!currentApiId().isEmpty())
        showApi(currentApiId());
}

QString MainWindow::categoryLabel(const QString& category) const
{
    if (category == QLatin1String("auth"))
        return tr("1.1 Authentication");
    if (category == QLatin1String("reauth"))
        return tr("1.2 Re-authentication");
    if (category == QLatin1String("formfilling"))
        return tr("3 Form Pre-filling");
    if (category == QLatin1String("signing"))
        return tr("4 Signing");
    if (category == QLatin1String("keys"))
        return tr("Key management");
    if (category == QLatin1String("anonymous"))
        return tr("Anonymous");
    if (category == QLatin1String("callbacks"))
        return tr("Callbacks");
    if (category == QLatin1String("gateway"))
        return tr("Gateway");
    return category;
}

void MainWindow::populateTree()
{
    m_catalog->populate(m_languages->language(), [this](const QString& category) { return categoryLabel(category); });
    applyFilter(m_filter->text());
}

void MainWindow::applyFilter(const QString& text)
{
    m_catalogFilter->setText(text);
    m_tree->expandAll();
}

bool MainWindow::selectApi(const QString& id)
{
    const QModelIndex api = m_catalog->indexOf(id);
    if (!api.isValid())
        return false;
    if (!m_catalogFilter->mapFromSource(api).isValid())
        m_filter->clear(); // filtered out: the whole catalog comes back to show it
    m_tree->setCurrentIndex(m_catalogFilter->mapFromSource(api));
    m_mainTabs->setCurrentIndex(m_mainTabs->indexOf(m_pages->parentWidget())); // its page in front
    return true;
}

QString MainWindow::currentApiId() const
{
    return m_tree ? m_tree->currentIndex().data(CatalogModel::IdRole).toString() : QString();
}

ApiPage* MainWindow::currentPage() const
{
    return qobject_cast<ApiPage*>(m_pages->currentWidget());
}

ApiPage* MainWindow::page(const QString& id)
{
    if (ApiPage* existing = m_pageById.value(id))
        return existing;
    const Protocol::ApiSpec* api = Protocol::ApiCatalog::builtin().api(id);
    if (!api)
        return nullptr;
    auto* p = new ApiPage(*api, m_session, m_pages);
    p->setLanguage(m_languages->language());
    p->setMasking(m_presenter);
    p->setCallbackBaseUrl(m_workbench->callbackBaseUrl());
    connect(p, &ApiPage::apiLinkActivated, this, [this](const QString& id) { selectApi(id); });
    // Register what the callback will be matched against (businessID and state).
    connect(p, &ApiPage::requestSent, this, [this](const QString& apiId, const QJsonObject& body) {
        const Protocol::ApiSpec* sent = Protocol::ApiCatalog::builtin().api(apiId);
        if (!sent || sent->callbackId.isEmpty() || sent->isGateway()) // gateway: when the answer names its state
            return;
        m_listener->expect({Util::randomHex32(), apiId, sent->callbackId,
            body.value(QLatin1String("businessID")).toString(), body.value(QLatin1String("state")).toString()});
    });
    connect(p, &ApiPage::qrRequested, this, [this, api](const QString& text) {
        m_qr->setText(text);
        m_qrDock->show();
        m_qrDock->raise();
        const QJsonObject v = currentPage() ? currentPage()->form()->values() : QJsonObject();
        m_listener->expect({Util::randomHex32(), api->id, QStringLiteral("callback.auth"), QString(),
            v.value(QLatin1String("state")).toString()});
    });
    connect(p, &ApiPage::openQrPageRequested, this, [this, p](const QString& url) { openQrPage(p, url); });
    connect(p, &ApiPage::loginRequested, this, [this] { runOnPhone(QStringLiteral("login"), false); });
    if (PdfSigningPanel* pdf = p->pdfPanel())
        connect(m_listener, &Callback::CallbackListener::callbackReceived, pdf,
            [pdf](const Callback::CallbackRecord& r) { pdf->offerResult(r.content.toObject()); });
    m_pages->addWidget(p);
    m_pageById.insert(id, p);
    return p;
}

void MainWindow::showApi(const QString& id)
{
    if (ApiPage* p = page(id))
        m_pages->setCurrentWidget(p);
}

void MainWindow::openQrPage(ApiPage* page, const QString& url)
{
    const Protocol::ApiSpec& api = page->api();
    m_qr->setText(url);
    if (api.kind == Protocol::ApiKind::Browser) {
        // The login comes back to the listener's auth callback with the page's state.
        m_listener->expect({Util::randomHex32(), api.id, QStringLiteral("callback.auth"), QString(),
            page->form()->values().value(QLatin1String("state")).toString()});
    }
    using Kind = Session::Environment::Kind;
    const bool local = m_session->environment().kind == Kind::LocalStrict
        || m_session->environment().kind == Kind::LocalSandbox;
    if (!local || !m_phone) {
        // The page finishes in a real browser; its redirect comes back to the listener (RFC 8252).
        const bool login = api.kind == Protocol::ApiKind::Browser;
        m_browserStep->open(page, url, login ? QStringLiteral("callback.auth") : api.callbackId,
            login ? page->form()->values().value(QLatin1String("state")).toString()
                  : page->lastExchange() ? page->lastExchange()->content.toObject().value(QLatin1String("state")).toString()
                                         : QString());
        m_qrDock->show();
        m_qrDock->raise();
        return;
    }
    QPointer<ApiPage> guard(page);
    m_flowView->runner()->browserGet(url, [this, guard](int status, const QByteArray&) {
        if (!guard)
            return;
        if (status == 200 || status == 302 || status == 303) {
            guard->setBrowserOutcome(tr("QR page opened (HTTP %1): decide on the virtual phone.").arg(status));
            m_phoneDock->show();
            m_phoneDock->raise();
        } else {
            guard->setBrowserOutcome(tr("The QR page answered HTTP %1.").arg(status));
        }
    });
}

bool MainWindow::runOnPhone(const QString& flowId, bool showFlow)
{
    if (showFlow)
        m_mainTabs->setCurrentWidget(m_flowView);
    if (m_phoneDock) {
        m_phoneDock->show();
        m_phoneDock->raise();
    }
    return m_flowView->runOnPhone(flowId);
}
