#include "Workbench.h"

#include "StateDirectory.h"
#include "net/RequestGuard.h"
#include "protocol/ApiCatalog.h"
#include "session/ConsoleSession.h"
#include "storage/SecretStore.h"

#include <QDir>
#include <QFileInfo>

namespace Workbench {

namespace {
int slot(Mock::Mode mode)
{
    return mode == Mock::Mode::Strict ? 0 : 1;
}
} // namespace

Workbench::Workbench(WorkbenchOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_session(new Session::ConsoleSession(Util::Clock::system(), this))
    , m_listener(new Callback::CallbackListener(Protocol::ApiCatalog::builtin(), Util::Clock::system(), this))
    , m_ownSecrets(std::make_unique<Storage::MemorySecretStore>())
{
    m_secrets = m_ownSecrets.get();
    if (!m_options.environmentsDir.isEmpty())
        m_environments = std::make_unique<Session::EnvironmentStore>(m_options.environmentsDir);
    // The listener decrypts CEK-encrypted callbacks with the key the session holds now.
    connect(m_session, &Session::ConsoleSession::cekChanged, m_listener,
        [this] { m_listener->setCurrentCek(m_session->cek()); });
}

Workbench::~Workbench()
{
    // The simulators stop before the session and listener their last deliveries may still address.
    for (auto& own : m_ownSimulators)
        own.reset();
}

QString Workbench::stateDir() const
{
    if (const Mock::Simulator* running = m_simulators[0] ? m_simulators[0] : m_simulators[1])
        return QFileInfo(running->clients().devClient().kekPrivateKeyPath).absolutePath(); // a handed-in one's
    return QDir(m_options.stateDir.isEmpty() ? defaultStateDir() : m_options.stateDir).absolutePath();
}

void Workbench::setSecretStore(Storage::SecretStore* store)
{
    m_secrets = store ? store : m_ownSecrets.get();
}

QList<Session::Environment> Workbench::environments() const
{
    QList<Session::Environment> out = m_environments ? m_environments->load() : Session::Environment::builtins();
    for (const Session::Environment& added : m_sessionEnvironments) {
        out.removeIf([&](const Session::Environment& e) { return e.id == added.id; });
        out.append(added);
    }
    return out;
}

void Workbench::addEnvironment(const Session::Environment& environment)
{
    m_sessionEnvironments.removeIf([&](const Session::Environment& e) { return e.id == environment.id; });
    m_sessionEnvironments.append(environment);
}

Util::Status Workbench::startListener(const Callback::ListenerOptions& options)
{
    return m_listener->start(options);
}

void Workbench::useSimulator(Mock::Simulator* simulator)
{
    if (simulator)
        m_simulators[slot(simulator->mode())] = simulator;
}

Mock::Simulator* Workbench::simulator(Mock::Mode mode) const
{
    return m_simulators[slot(mode)];
}

bool Workbench::hasLocalSimulator() const
{
    return m_options.localSimulators || m_simulators[0] || m_simulators[1];
}

Util::Result<Mock::Simulator*> Workbench::prepareSimulator(Mock::Mode mode)
{
    if (Mock::Simulator* running = m_simulators[slot(mode)])
        return running;
    if (!hasLocalSimulator())
        return Util::Error {QStringLiteral("no-simulator"), QStringLiteral("this workbench runs no local simulator")};
    Mock::SimulatorOptions options = m_options.simulator;
    options.mode = mode;
    options.stateDir = stateDir(); // the other mode's, when one runs: both share the dev client
    if (m_options.stateDir.isEmpty() && !m_simulators[0] && !m_simulators[1])
        (void)adoptLegacyConsoleState(legacyConsoleStateDir(), options.stateDir); // on failure, a fresh state
    auto simulator = std::make_unique<Mock::Simulator>();
    // Keys: the dev client's KEK and the mock CA are loaded from the state directory, or generated on a first start.
    if (auto started = simulator->start(options); !started)
        return started.error();
    m_ownSimulators[slot(mode)] = std::move(simulator);
    m_simulators[slot(mode)] = m_ownSimulators[slot(mode)].get();
    return m_simulators[slot(mode)];
}

QString Workbench::activeEnvironmentId() const
{
    return m_session->environment().id;
}

QString Workbench::callbackBaseUrl() const
{
    const QString own = m_session->environment().callbackBaseUrl;
    return own.isEmpty() ? m_listener->baseUrl() : own;
}

void Workbench::activate(const QString& environmentId, QObject* context, Done done)
{
    const quint64 activation = ++m_activation;
    const bool hasContext = context != nullptr;
    QPointer<QObject> guard(context);
    // Always from the event loop, never inside activate(): callers may rely on finishing their own set-up first.
    auto finish = [this, environmentId, hasContext, guard, done](const Util::Status& result) {
        QMetaObject::invokeMethod(
            this,
            [this, environmentId, hasContext, guard, done, result] {
                emit activated(environmentId, result);
                if (done && (!hasContext || guard))
                    done(result);
            },
            Qt::QueuedConnection);
    };
    const QList<Session::Environment> all = environments();
    const auto found = std::find_if(
        all.cbegin(), all.cend(), [&](const Session::Environment& e) { return e.id == environmentId; });
    if (found == all.cend()) {
        finish(Util::Error {QStringLiteral("unknown-environment"), environmentId});
        return;
    }
    if (found->isLocal())
        activateLocal(*found, finish);
    else
        activateRemote(*found, activation, finish);
}

void Workbench::activateLocal(const Session::Environment& chosen, const Done& finish)
{
    auto simulator
        = prepareSimulator(chosen.kind == Session::Environment::Kind::LocalStrict ? Mock::Mode::Strict : Mock::Mode::Sandbox);
    if (!simulator) {
        finish(simulator.error()); // the session stays where it was
        return;
    }
    Mock::Simulator* sim = simulator.value();
    Session::Environment environment = chosen;
    environment.baseUrl = sim->baseUrl();
    const Mock::RegisteredClient& dev = sim->clients().devClient();
    environment.clientId = dev.clientId;
    environment.kekCertificatePath = dev.kekCertificatePath;
    environment.kekPrivateKeyPath = dev.kekPrivateKeyPath;
    applyListenerNames(environment);
    setActiveSimulator(sim);
    if (sim->isPrepared()) {
        completeLocal(environment, finish);
        return;
    }
    // A first start: the simulator makes its keys on a worker thread. Its endpoints and client now (requests to it
    // wait for the keys), the KEK and the content key once they exist.
    m_session->setEnvironment(environment, {dev.clientId, dev.clientSecret, {}}, {});
    const quint64 activation = m_activation;
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(sim, &Mock::Simulator::prepared, this, [this, environment, activation, finish, once] {
        disconnect(*once);
        if (activation != m_activation) {
            finish(Util::Error {QStringLiteral("superseded"), QStringLiteral("another environment was activated")});
            return;
        }
        completeLocal(environment, finish);
    });
}

void Workbench::completeLocal(const Session::Environment& environment, const Done& finish)
{
    const auto kek = Crypto::RsaPrivateKey::fromFile(environment.kekPrivateKeyPath);
    m_session->setEnvironment(environment, {environment.clientId, m_active->clients().devClient().clientSecret, {}},
        kek.valueOr({}));
    m_listener->setKekPrivateKey(kek.valueOr({}));
    // Ready with no setup: the content key, so encrypted previews and sends work at once.
    if (m_options.fetchContentKey && environment.encrypted) {
        const Protocol::ApiSpec* getKey = Protocol::ApiCatalog::builtin().api(QStringLiteral("keys.getKey"));
        if (auto prepared
            = getKey ? m_session->prepare(*getKey, {}) : Util::Result<Protocol::PreparedRequest>(Util::Error {}))
            m_session->send(getKey->id, prepared.value());
    }
    finish(kek ? Util::success() : Util::Status(Util::Error {QStringLiteral("bad-kek"), kek.error().toString()}));
}

void Workbench::activateRemote(const Session::Environment& environment, quint64 activation, const Done& finish)
{
    // Its endpoints at once (nothing goes to the previous environment meanwhile), then its secrets from the store
    // (the keychain, or this session's memory); a person answers on a real phone.
    setActiveSimulator(nullptr);
    m_session->setEnvironment(environment, {environment.clientId, {}, {}});
    applyListenerNames(environment);
    struct Reads
    {
        Protocol::Credentials credentials;
        QByteArray kekPassword;
        int left = 3;
    };
    auto reads = std::make_shared<Reads>();
    reads->credentials.clientId = environment.clientId;
    auto readDone = [this, environment, activation, reads, finish] {
        if (--reads->left > 0)
            return;
        if (activation != m_activation) {
            finish(Util::Error {QStringLiteral("superseded"), QStringLiteral("another environment was activated")});
            return;
        }
        Crypto::RsaPrivateKey kek;
        Util::Status result = Util::success();
        if (!environment.kekPrivateKeyPath.isEmpty()) {
            if (auto key = Crypto::RsaPrivateKey::fromFile(environment.kekPrivateKeyPath, reads->kekPassword))
                kek = key.value();
            else
                result = Util::Error {QStringLiteral("bad-kek"), key.error().toString()};
        }
        m_session->setEnvironment(environment, reads->credentials, kek);
        m_listener->setKekPrivateKey(kek);
        finish(result);
    };
    const auto read = [this, &environment, readDone](const QString& what, QByteArray* into) {
        m_secrets->read(environment.secretKey(what), this, [into, readDone](Util::Result<QByteArray> value) {
            if (value)
                *into = value.value();
            readDone();
        });
    };
    read(Session::Environment::ClientSecret, &reads->credentials.clientSecret);
    read(Session::Environment::SubscriptionKey, &reads->credentials.subscriptionKey);
    read(Session::Environment::KekPassword, &reads->kekPassword);
}

void Workbench::applyListenerNames(const Session::Environment& environment)
{
    // A callback base URL of its own (a tunnel's) is a name the listener answers to as well.
    const QString publicName = Net::RequestGuard::publicNameOf(environment.callbackBaseUrl);
    m_listener->setPublicNames(publicName.isEmpty() ? QStringList() : QStringList {publicName});
}

void Workbench::setActiveSimulator(Mock::Simulator* simulator)
{
    m_active = simulator;
    emit activeSimulatorChanged(simulator);
}

} // namespace Workbench
