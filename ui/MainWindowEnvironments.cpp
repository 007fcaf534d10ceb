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

void MainWindow::connectToSimulator()
{
    // The console's own callback listener, and the embedded simulator as the default environment.
    Callback::ListenerOptions listenerOptions;
    if (!m_listener->start(listenerOptions))
        qWarning("callback listener did not start");
    connect(m_listener, &Callback::CallbackListener::callbackReceived, this, [this](const Callback::CallbackRecord& r) {
        if (r.callbackId == QLatin1String("callback.auth") && r.matchStatus == QLatin1String("matched"))
            m_session->setEarned(QStringLiteral("code"), r.content.toObject().value(QLatin1String("code")).toString());
        if (r.callbackId == QLatin1String("callback.gateway") && r.matchStatus == QLatin1String("matched"))
            m_session->setEarned(
                QStringLiteral("gatewayCode"), r.content.toObject().value(QLatin1String("code")).toString());
    });
    connect(
        m_session, &Session::ConsoleSession::cekChanged, this, [this] { m_listener->setCurrentCek(m_session->cek()); });
    if (m_simulator && !m_simulator->baseUrl().isEmpty())
        useLocalSimulator(m_simulator);
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
    if (m_session->environment().baseUrl != m_simulator->baseUrl())
        return; // another environment was chosen meanwhile
    const Mock::RegisteredClient& dev = m_simulator->clients().devClient();
    auto kek = Crypto::RsaPrivateKey::fromFile(dev.kekPrivateKeyPath);
    m_session->setEnvironment(m_session->environment(), m_session->credentials(), kek.valueOr({}));
    m_listener->setKekPrivateKey(kek.valueOr({}));
    fetchContentKey();
}

void MainWindow::fetchContentKey()
{
    if (!m_session->environment().encrypted)
        return;
    const Protocol::ApiSpec* getKey = Protocol::ApiCatalog::builtin().api(QStringLiteral("keys.getKey"));
    if (auto prepared
        = getKey ? m_session->prepare(*getKey, {}) : Util::Result<Protocol::PreparedRequest>(Util::Error {}))
        m_session->send(getKey->id, prepared.value());
}

void MainWindow::useLocalSimulator(Mock::Simulator* simulator)
{
    const bool strict = simulator->mode() == Mock::Mode::Strict;
    Session::Environment env = Session::Environment::builtins().at(strict ? 0 : 1);
    env.baseUrl = simulator->baseUrl();
    const Mock::RegisteredClient& dev = simulator->clients().devClient();
    env.clientId = dev.clientId;
    env.kekCertificatePath = dev.kekCertificatePath;
    env.kekPrivateKeyPath = dev.kekPrivateKeyPath;
    auto kek = Crypto::RsaPrivateKey::fromFile(dev.kekPrivateKeyPath);
    m_session->setEnvironment(env, {dev.clientId, dev.clientSecret, {}}, kek.valueOr({}));
    m_listener->setKekPrivateKey(kek.valueOr({}));
    if (m_phone)
        m_phone->setSimulator(simulator);
    if (m_flowView)
        m_flowView->setSimulator(simulator);
    // Ready with no setup: fetch the content key, so encrypted previews and sends work at once (once the keys are
    // made, on the first start).
    if (simulator->isPrepared())
        fetchContentKey();
}

void MainWindow::setSecretStore(Storage::SecretStore* store)
{
    m_secrets = store ? store : m_ownSecrets.get();
    updateBanner();
}

void MainWindow::updateBanner()
{
    m_banner->setText(tr("No system keychain is available: secrets you enter are kept for this session only and are "
                         "forgotten when the console closes."));
    m_banner->setVisible(!m_secrets->isPersistent());
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
        EnvironmentDialog dialog(m_environments.get(), m_secrets, this);
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
    for (const Session::Environment& e : m_environments->load()) {
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
    Session::Environment chosen;
    bool found = false;
    for (const Session::Environment& e : m_environments->load()) {
        if (e.id == id) {
            chosen = e;
            found = true;
        }
    }
    if (!found)
        return false;
    if (chosen.kind == Session::Environment::Kind::LocalStrict && m_simulator) {
        useLocalSimulator(m_simulator);
    } else if (chosen.kind == Session::Environment::Kind::LocalSandbox && m_simulator) {
        if (!m_sandboxSimulator) {
            // A second embedded simulator in sandbox mode, sharing the dev client.
            m_sandboxSimulator = std::make_unique<Mock::Simulator>();
            Mock::SimulatorOptions options;
            options.mode = Mock::Mode::Sandbox;
            options.stateDir = QFileInfo(m_simulator->clients().devClient().kekPrivateKeyPath).absolutePath();
            if (!m_sandboxSimulator->start(options)) {
                m_sandboxSimulator.reset();
                return false;
            }
        }
        useLocalSimulator(m_sandboxSimulator.get());
    } else {
        // A remote environment: its secrets come from the keychain (or this session's memory); a person answers
        // on a real phone.
        if (m_flowView)
            m_flowView->setSimulator(nullptr);
        m_session->setEnvironment(chosen, {chosen.clientId, {}, {}});
        auto credentials = std::make_shared<Protocol::Credentials>(Protocol::Credentials {chosen.clientId, {}, {}});
        auto apply = [this, chosen, credentials] {
            Crypto::RsaPrivateKey kek;
            if (!chosen.kekPrivateKeyPath.isEmpty())
                kek = Crypto::RsaPrivateKey::fromFile(chosen.kekPrivateKeyPath, m_kekPassword).valueOr({});
            m_session->setEnvironment(chosen, *credentials, kek);
            m_listener->setKekPrivateKey(kek);
        };
        m_secrets->read(
            chosen.secretKey(Session::Environment::ClientSecret), this, [credentials](Util::Result<QByteArray> v) {
                if (v)
                    credentials->clientSecret = v.value();
            });
        m_secrets->read(
            chosen.secretKey(Session::Environment::SubscriptionKey), this, [credentials](Util::Result<QByteArray> v) {
                if (v)
                    credentials->subscriptionKey = v.value();
            });
        m_secrets->read(
            chosen.secretKey(Session::Environment::KekPassword), this, [this, apply](Util::Result<QByteArray> v) {
                m_kekPassword = v ? v.value() : QByteArray();
                apply(); // reads complete in order, so this is the last
            });
    }
    m_envCombo->setCurrentIndex(std::max(0, m_envCombo->findData(id)));
    // A callback base URL of its own (a tunnel's) is a name the listener answers to as well.
    const QString publicName = Net::RequestGuard::publicNameOf(chosen.callbackBaseUrl);
    m_listener->setPublicNames(publicName.isEmpty() ? QStringList() : QStringList {publicName});
    for (ApiPage* p : std::as_const(m_pageById))
        p->setCallbackBaseUrl(chosen.callbackBaseUrl.isEmpty() ? m_listener->baseUrl() : chosen.callbackBaseUrl);
    return true;
}
