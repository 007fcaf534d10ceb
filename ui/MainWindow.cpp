#include "MainWindow.h"

#include "LanguageManager.h"
#include "callback/CallbackListener.h"
#include "callbacks/CallbackInspector.h"
#include "forms/TryItForm.h"
#include "mock/Simulator.h"
#include "phone/PhonePanel.h"
#include "protocol/ApiCatalog.h"
#include "qr/QrPanel.h"
#include "request/ApiPage.h"
#include "session/ConsoleSession.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int IdRole = Qt::UserRole + 1;

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}
} // namespace

MainWindow::MainWindow(LanguageManager* languages, Mock::Simulator* simulator, QWidget* parent)
    : QMainWindow(parent)
    , m_languages(languages)
    , m_simulator(simulator)
{
    setObjectName(QStringLiteral("mainWindow"));
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(left);
    m_filter->setObjectName(QStringLiteral("catalogFilterLineEdit"));
    m_filter->setClearButtonEnabled(true);
    m_tree = new QTreeWidget(left);
    m_tree->setObjectName(QStringLiteral("catalogTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("apiPages"));
    m_session = new Session::ConsoleSession(Util::Clock::system(), this);
    m_listener = new Callback::CallbackListener(Protocol::ApiCatalog::builtin(), Util::Clock::system(), this);

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 800});
    setCentralWidget(splitter);

    m_simulatorStatus = new QLabel(this);
    m_simulatorStatus->setObjectName(QStringLiteral("simulatorStatusLabel"));
    m_simulatorStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_simulatorStatus);
    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status);

    buildMenus();
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::applyFilter);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item && !item->data(0, IdRole).toString().isEmpty())
            showApi(item->data(0, IdRole).toString());
    });
    connect(m_languages, &LanguageManager::languageChanged, this, [this](Protocol::Language language) {
        for (ApiPage* p : std::as_const(m_pageById))
            p->setLanguage(language);
        const QString current = currentApiId();
        populateTree();
        if (!current.isEmpty())
            selectApi(current);
    });
    connectToSimulator();
    buildDocks();
    populateTree();
    retranslate();
    // Open on the first API so the window never starts with an empty page.
    if (!Protocol::ApiCatalog::builtin().apis().isEmpty())
        selectApi(Protocol::ApiCatalog::builtin().apis().first().id);
    resize(1280, 800);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::quit);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    for (Protocol::Language language : Protocol::allLanguages()) {
        QAction* action = m_languageMenu->addAction(LanguageManager::nativeName(language));
        action->setObjectName(QStringLiteral("languageAction_") + Protocol::languageKey(language));
        action->setCheckable(true);
        action->setChecked(language == m_languages->language());
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] { m_languages->setLanguage(language); });
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
    m_callbacksDock = addDock(m_callbackInspector, QStringLiteral("callbacksDock"), Qt::BottomDockWidgetArea);
    if (m_simulator && !m_simulator->baseUrl().isEmpty()) {
        m_phone = new PhonePanel(m_simulator, this);
        m_phoneDock = addDock(m_phone, QStringLiteral("phoneDock"), Qt::RightDockWidgetArea);
        tabifyDockWidget(m_qrDock, m_phoneDock);
        m_browser = new QNetworkAccessManager(this);
        // Offline there is no browser on the desk: the console follows the redirect the user's browser would.
        connect(m_phone, &PhonePanel::browserRedirect, this, [this](const QString& url) {
            QNetworkRequest request {QUrl(url)};
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply* reply = m_browser->get(request);
            connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        });
        connect(m_languages, &LanguageManager::languageChanged, m_phone, &PhonePanel::setLanguage);
        m_phone->setLanguage(m_languages->language());
    }
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
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_viewMenu->setTitle(tr("&View"));
    m_qrDock->setWindowTitle(tr("QR code"));
    m_callbacksDock->setWindowTitle(tr("Callbacks"));
    if (m_phoneDock)
        m_phoneDock->setWindowTitle(tr("Virtual phone"));
    m_aboutAction->setText(tr("&About"));
    m_filter->setPlaceholderText(tr("Filter APIs…"));
    m_filter->setAccessibleName(tr("Filter APIs"));
    m_tree->setAccessibleName(tr("API catalog"));
    const auto& catalog = Protocol::ApiCatalog::builtin();
    m_status->setText(catalog.apis().isEmpty() ? tr("The API catalog failed to load.")
                                               : tr("%n API(s) in the catalog", nullptr, int(catalog.apis().size())));
    if (m_simulator && !m_simulator->baseUrl().isEmpty())
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
    const Protocol::Language lang = m_languages->language();
    m_tree->clear();
    QHash<QString, QTreeWidgetItem*> groups;
    for (const Protocol::ApiSpec& api : Protocol::ApiCatalog::builtin().apis()) {
        QTreeWidgetItem*& group = groups[api.category];
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {categoryLabel(api.category)});
            group->setFlags(Qt::ItemIsEnabled);
            group->setExpanded(true);
        }
        auto* item = new QTreeWidgetItem(group, {api.label.get(lang)});
        item->setData(0, IdRole, api.id);
        item->setToolTip(0, api.method + QLatin1Char(' ') + api.path);
    }
    applyFilter(m_filter->text());
}

void MainWindow::applyFilter(const QString& text)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        int visible = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const bool match = text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive)
                || item->toolTip(0).contains(text, Qt::CaseInsensitive)
                || item->data(0, IdRole).toString().contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            visible += match ? 1 : 0;
        }
        group->setHidden(visible == 0);
    }
}

bool MainWindow::selectApi(const QString& id)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(0, IdRole).toString() == id) {
                m_tree->setCurrentItem(group->child(i));
                return true;
            }
        }
    }
    return false;
}

QString MainWindow::currentApiId() const
{
    const QTreeWidgetItem* item = m_tree ? m_tree->currentItem() : nullptr;
    return item ? item->data(0, IdRole).toString() : QString();
}

void MainWindow::connectToSimulator()
{
    // The console's own callback listener, and the embedded simulator as the default environment.
    Callback::ListenerOptions listenerOptions;
    if (!m_listener->start(listenerOptions))
        qWarning("callback listener did not start");
    connect(m_listener, &Callback::CallbackListener::callbackReceived, this, [this](const Callback::CallbackRecord& r) {
        if (r.callbackId == QLatin1String("callback.auth") && r.matchStatus == QLatin1String("matched"))
            m_session->setEarned(QStringLiteral("code"), r.content.toObject().value(QLatin1String("code")).toString());
    });
    if (!m_simulator || m_simulator->baseUrl().isEmpty())
        return;
    Session::Environment env = Session::Environment::builtins().first();
    env.baseUrl = m_simulator->baseUrl();
    const Mock::RegisteredClient& dev = m_simulator->clients().devClient();
    env.clientId = dev.clientId;
    env.kekCertificatePath = dev.kekCertificatePath;
    env.kekPrivateKeyPath = dev.kekPrivateKeyPath;
    env.encrypted = m_simulator->mode() == Mock::Mode::Strict;
    auto kek = Crypto::RsaPrivateKey::fromFile(dev.kekPrivateKeyPath);
    m_session->setEnvironment(env, {dev.clientId, dev.clientSecret, {}}, kek.valueOr({}));
    m_listener->setKekPrivateKey(kek.valueOr({}));
    connect(
        m_session, &Session::ConsoleSession::cekChanged, this, [this] { m_listener->setCurrentCek(m_session->cek()); });
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
    p->setCallbackBaseUrl(m_listener->baseUrl());
    // Register what the callback will be matched against (businessID and state).
    connect(p, &ApiPage::requestSent, this, [this](const QString& apiId, const QJsonObject& body) {
        const Protocol::ApiSpec* sent = Protocol::ApiCatalog::builtin().api(apiId);
        if (!sent || sent->callbackId.isEmpty())
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
    m_pages->addWidget(p);
    m_pageById.insert(id, p);
    return p;
}

void MainWindow::showApi(const QString& id)
{
    if (ApiPage* p = page(id))
        m_pages->setCurrentWidget(p);
}
