// MainWindow: the environment switcher, the local simulator, the secret store and its banner.
#include "MainWindow.h"

#include "LanguageManager.h"
#include "net/TlsPolicy.h"
#include "branding/ButtonGallery.h"
#include "callback/CallbackListener.h"
#include "callbacks/CallbackInspector.h"
#include "flows/FlowView.h"
#include "flows/SequenceDiagram.h"
#include "forms/TryItForm.h"
#include "guide/GuideView.h"
#include "history/HistoryPanel.h"
#include "mock/Simulator.h"
#include "net/RequestGuard.h"
#include "phone/PhonePanel.h"
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
#include <QProgressBar>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

Workbench::WorkbenchOptions MainWindow::workbenchOptions(const QString& stateDir)
{
    Workbench::WorkbenchOptions options;
    options.stateDir = stateDir;
    options.environmentsDir
        = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/environments");
    options.fetchContentKey = true; // ready with no setup: encrypted previews and sends work at once
    return options;
}

void MainWindow::connectToSimulator()
{
    // The console's own callback listener, and the embedded simulator as the default environment.
    if (!m_workbench->startListener())
        qWarning("callback listener did not start");
    connect(m_listener, &Callback::CallbackListener::callbackReceived, this, [this](const Callback::CallbackRecord& r) {
        if (r.callbackId == QLatin1String("callback.auth") && r.matchStatus == QLatin1String("matched"))
            m_session->setEarned(QStringLiteral("code"), r.content.toObject().value(QLatin1String("code")).toString());
        if (r.callbackId == QLatin1String("callback.gateway") && r.matchStatus == QLatin1String("matched"))
            m_session->setEarned(
                QStringLiteral("gatewayCode"), r.content.toObject().value(QLatin1String("code")).toString());
    });
    connect(m_workbench, &Workbench::Workbench::activeSimulatorChanged, this, [this](Mock::Simulator* simulator) {
        if (m_phone && simulator)
            m_phone->setSimulator(simulator);
        if (m_flowView)
            m_flowView->setSimulator(simulator);
    });
    if (m_workbench->hasLocalSimulator()) {
        m_workbench->activate(Session::Environment::builtin(Session::Environment::Kind::LocalStrict).id);
        m_simulator = m_workbench->activeSimulator();
    }
    if (m_simulator && !m_simulator->isPrepared()) {
        // First start: the simulator makes its keys on a worker thread; the window is usable meanwhile, and
        // requests to the simulator wait for them.
        m_preparing = new QProgressBar(this);
        m_preparing->setObjectName(QStringLiteral("simulatorPreparingBar"));
        m_preparing->setRange(0, 0);
        m_preparing->setMaximumWidth(160);
        statusBar()->addWidget(m_preparing);
        connect(m_simulator, &Mock::Simulator::preparationProgress, m_preparing, [this](int done, int total) {
            m_preparing->setRange(0, total);
            m_preparing->setValue(done);
        });
        connect(m_simulator, &Mock::Simulator::prepared, this, &MainWindow::simulatorPrepared);
    }
}

void MainWindow::simulatorPrepared()
{
    delete m_preparing;
    m_preparing = nullptr;
    retranslate();
}

void MainWindow::setSecretStore(Storage::SecretStore* store)
{
    m_workbench->setSecretStore(store);
    updateBanner();
}

void MainWindow::updateBanner()
{
    m_banner->setText(tr("No system keychain is available: secrets you enter are kept for this session only and are "
                         "forgotten when the console closes."));
    m_banner->setVisible(!m_workbench->secretStore()->isPersistent());
}

void MainWindow::buildToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("environmentToolBar"));
    m_envCombo = new QComboBox(m_toolBar);
    m_envCombo->setObjectName(QStringLiteral("environmentCombo"));
    m_envCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_toolBar->addWidget(m_envCombo);
    m_editEnvironments = m_toolBar->addAction(QString(), this, [this] {
        EnvironmentDialog dialog(m_workbench->environmentStore(), m_workbench->secretStore(), this);
        dialog.select(currentEnvironmentId());
        connect(&dialog, &EnvironmentDialog::environmentsChanged, this, &MainWindow::reloadEnvironments);
        dialog.exec();
    });
    m_editEnvironments->setObjectName(QStringLiteral("editEnvironmentsAction"));
    connect(m_envCombo, &QComboBox::activated, this,
        [this](int index) { selectEnvironment(m_envCombo->itemData(index).toString()); });
    reloadEnvironments();
}

void MainWindow::reloadEnvironments()
{
    const QString current = m_session->environment().id;
    m_envCombo->clear();
    for (const Session::Environment& e : m_workbench->environments()) {
        QString name = e.name;
        if (e.kind == Session::Environment::Kind::LocalStrict)
            name = tr("Local simulator — strict");
        else if (e.kind == Session::Environment::Kind::LocalSandbox)
            name = tr("Local simulator — sandbox-compatible");
        else if (e.kind == Session::Environment::Kind::Cyberport)
            name = tr("Cyberport sandbox");
        else if (e.kind == Session::Environment::Kind::TestEnvironment)
            name = tr("iAM Smart test environment");
        m_envCombo->addItem(name, e.id);
    }
    m_envCombo->setCurrentIndex(std::max(0, m_envCombo->findData(current)));
}

QString MainWindow::currentEnvironmentId() const
{
    return m_session->environment().id;
}

bool MainWindow::selectEnvironment(const QString& id)
{
    const QList<Session::Environment> all = m_workbench->environments();
    const auto chosen
        = std::find_if(all.cbegin(), all.cend(), [&id](const Session::Environment& e) { return e.id == id; });
    if (chosen == all.cend())
        return false;
    // A local environment's endpoints apply at once (or not, when its simulator cannot start); a remote one's
    // secrets follow from the keychain.
    m_workbench->activate(id);
    if (chosen->isLocal() && m_workbench->activeEnvironmentId() != id)
        return false;
    m_envCombo->setCurrentIndex(std::max(0, m_envCombo->findData(id)));
    for (ApiPage* p : std::as_const(m_pageById))
        p->setCallbackBaseUrl(m_workbench->callbackBaseUrl());
    return true;
}
