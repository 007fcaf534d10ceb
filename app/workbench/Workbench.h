#pragma once

#include "callback/CallbackListener.h"
#include "mock/Simulator.h"
#include "protocol/Envelope.h"
#include "session/Environment.h"
#include "util/Result.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace Session {
class ConsoleSession;
}
namespace Storage {
class SecretStore;
}

namespace Workbench {

struct WorkbenchOptions
{
    /// Where the embedded simulators keep the dev client, its KEK and the mock CA. Empty: defaultStateDir(), the
    /// directory every front-end shares (an old console state there is moved over first, see StateDirectory.h).
    QString stateDir;
    /// Saved custom environments (the console's AppConfigLocation/environments). Empty: the built-ins only.
    QString environmentsDir;
    /// How the embedded simulators run (code style, address, --config clients, bounds); mode and stateDir are set
    /// per simulator.
    Mock::SimulatorOptions simulator;
    /// After activating a local encrypted environment, fetch the content key at once, so encrypted previews
    /// and sends work with no setup (the console); a flow fetches its own (the CLI).
    bool fetchContentKey = false;
    /// False: no embedded simulator is started (the local environments then fail to activate with
    /// "no-simulator"), unless one is handed in with useSimulator().
    bool localSimulators = true;
};

/// The one application layer every front-end drives (the console, `iamsmart run`, `iamsmart mock`): it owns the
/// session, the callback listener, the environment store, the secret store and the embedded simulators, and
/// turns "use environment X" into endpoints, credentials, the KEK and a ready simulator. Constructing one is
/// cheap: it starts nothing; the listener starts in startListener(), a simulator when its environment is
/// activated (prepareSimulator() is where its keys are made or loaded).
class Workbench : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Util::Status)>;

    explicit Workbench(WorkbenchOptions options = {}, QObject* parent = nullptr);
    ~Workbench() override;

    const WorkbenchOptions& options() const { return m_options; }
    /// The simulators' state directory in use (options().stateDir, or the shared default).
    QString stateDir() const;

    Session::ConsoleSession* session() const { return m_session; }
    Callback::CallbackListener* listener() const { return m_listener; }
    Session::EnvironmentStore* environmentStore() const { return m_environments.get(); }
    /// Where secrets are read from: the one set, or the workbench's own session-memory store.
    Storage::SecretStore* secretStore() const { return m_secrets; }
    /// Null goes back to the workbench's own memory store.
    void setSecretStore(Storage::SecretStore* store);

    /// The built-ins, the saved custom environments, and those added for this session (addEnvironment()).
    QList<Session::Environment> environments() const;
    /// An environment for this session only, not saved (`iamsmart run --env FILE`); replaces one with its id.
    void addEnvironment(const Session::Environment& environment);

    /// Starts the callback listener (default: loopback, an OS-chosen port). Errors as Callback::CallbackListener::start.
    Util::Status startListener(const Callback::ListenerOptions& options = {});

    /// Uses `simulator`, already started elsewhere and outliving the workbench, as the simulator of its mode
    /// (tests share one across windows); the sandbox-compatible one then shares its state directory.
    void useSimulator(Mock::Simulator* simulator);
    /// The embedded simulator of a mode once it runs, else null.
    Mock::Simulator* simulator(Mock::Mode mode) const;
    /// The simulator behind the active environment (null for a remote one).
    Mock::Simulator* activeSimulator() const { return m_active; }
    /// Whether a local environment can be activated (options().localSimulators, or one was handed in).
    bool hasLocalSimulator() const;

    /// Starts (once) the embedded simulator of `mode`: loads the dev client, its KEK and the mock CA from the state
    /// directory, generating them on the first start, and binds a loopback port. This is the one place a
    /// simulator's keys are made. Errors as Mock::Simulator::start, "no-simulator" when local ones are off.
    Util::Result<Mock::Simulator*> prepareSimulator(Mock::Mode mode);

    /// Switches the session and the listener to an environment: its endpoints at once, then the credentials and
    /// KEK (local: the simulator's dev client; remote: the secret store's clientSecret, subscriptionKey and
    /// kekPassword entries) as they arrive. Asynchronous: `done` runs once, from the event loop, on `context`'s
    /// thread (dropped if `context` is gone), and activated() is emitted. What could be applied is applied even
    /// when the result is an error. Errors: "unknown-environment", the simulator's start errors, "bad-kek"
    /// (the KEK private key did not load; the environment is used without it).
    void activate(const QString& environmentId, QObject* context = nullptr, Done done = {});
    /// The active environment's id (empty before the first activation).
    QString activeEnvironmentId() const;
    /// Where callbacks are to be sent: the active environment's own callback base URL, else the listener's.
    QString callbackBaseUrl() const;

signals:
    /// An activation finished (see activate()).
    void activated(const QString& environmentId, const Util::Status& result);
    /// The simulator behind the active environment changed (null: a remote environment).
    void activeSimulatorChanged(Mock::Simulator* simulator);

private:
    void activateLocal(const Session::Environment& environment, const Done& finish);
    /// The local environment's KEK, credentials and content key, once its simulator's keys exist.
    void completeLocal(const Session::Environment& environment, const Done& finish);
    void activateRemote(const Session::Environment& environment, quint64 activation, const Done& finish);
    void applyListenerNames(const Session::Environment& environment);
    void setActiveSimulator(Mock::Simulator* simulator);

    WorkbenchOptions m_options;
    Session::ConsoleSession* m_session = nullptr;
    Callback::CallbackListener* m_listener = nullptr;
    std::unique_ptr<Session::EnvironmentStore> m_environments;
    QList<Session::Environment> m_sessionEnvironments;
    std::unique_ptr<Storage::SecretStore> m_ownSecrets;
    Storage::SecretStore* m_secrets = nullptr;
    std::unique_ptr<Mock::Simulator> m_ownSimulators[2];
    Mock::Simulator* m_simulators[2] = {nullptr, nullptr};
    Mock::Simulator* m_active = nullptr;
    quint64 m_activation = 0; ///< the latest activate() call; an older one's late secret reads are dropped
};

} // namespace Workbench
